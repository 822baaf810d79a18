import {
  type JournalContents,
  type JournalHeader,
  taskResultFromJSON,
} from "@ag2/eval-core/internal";
import type { Database, QueryRunner } from "./database.js";
import { headerFromText, headerText, sameHeader } from "./journal-header-row.js";

/**
 * Inside the caller's transaction, keeps the journal of `header.runId` when it has the same
 * header (a resume: its tasks stay, the header row becomes `header`, so a changed invocation
 * is recorded) or replaces it with an empty one; returns the next row's sequence number.
 */
export async function startJournalRows(
  query: QueryRunner,
  schema: string,
  options: { header: JournalHeader; target: string },
): Promise<number> {
  const { header, target } = options;
  const runId = header.runId;
  const { rows } = await query(
    `SELECT header FROM ${schema}.ag2_eval_journals WHERE run_id = $1 FOR UPDATE`,
    [runId],
  );
  const existing = rows[0] ? headerFromText(rows[0].header, { target, runId }) : null;
  if (existing && sameHeader(existing, header)) {
    // a resume continues the tasks under the header it was given (its invocation)
    await query(`UPDATE ${schema}.ag2_eval_journals SET header = $2 WHERE run_id = $1`, [
      runId,
      headerText(header),
    ]);
    const last = await query(
      `SELECT coalesce(max(seq), 0) AS seq FROM ${schema}.ag2_eval_journal_tasks WHERE run_id = $1`,
      [runId],
    );
    return Number(last.rows[0]?.seq ?? 0) + 1;
  }
  await query(`DELETE FROM ${schema}.ag2_eval_journals WHERE run_id = $1`, [runId]);
  await query(`INSERT INTO ${schema}.ag2_eval_journals (run_id, header) VALUES ($1, $2)`, [
    runId,
    headerText(header),
  ]);
  return 1;
}

/** The journal of `runId` (its header and tasks in the order recorded), or null; one statement. */
export async function readJournalRows(
  db: Database,
  schema: string,
  options: { runId: string; location: string },
): Promise<JournalContents | null> {
  const { runId, location } = options;
  const { rows } = await db.query(
    `read the journal of run ${JSON.stringify(runId)}`,
    `SELECT j.header, (SELECT string_agg(t.body, ',' ORDER BY t.seq)
        FROM ${schema}.ag2_eval_journal_tasks t WHERE t.run_id = j.run_id) AS tasks
      FROM ${schema}.ag2_eval_journals j WHERE j.run_id = $1`,
    [runId],
  );
  const row = rows[0];
  if (!row) return null;
  const header = headerFromText(row.header, { target: db.target.display, runId });
  const tasks = JSON.parse(`[${row.tasks ?? ""}]`) as unknown[];
  const results = tasks.map((json, index) =>
    taskResultFromJSON(json, {
      source: `journal of run ${JSON.stringify(runId)} in ${location}, entry ${index + 1}`,
    }),
  );
  return { header, results };
}
