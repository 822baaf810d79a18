import type { RunResult } from "@ag2/eval-core";
import type { Database, QueryRunner } from "./database.js";
import { RUN_COLUMNS, type RunRows, runFromRows } from "./run-rows.js";

const COLUMNS = RUN_COLUMNS.split(", ");

/**
 * Writes a run inside the caller's transaction: the run row (replacing one under the same id,
 * whose row lock also orders two concurrent saves of one id), then its tasks, a few thousand
 * per statement.
 */
export async function writeRun(query: QueryRunner, schema: string, rows: RunRows): Promise<void> {
  const runId = rows.run[0];
  await query(
    `INSERT INTO ${schema}.ag2_eval_runs (${RUN_COLUMNS})
      VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})
      ON CONFLICT (run_id) DO UPDATE SET ${COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(", ")},
        saved_at = clock_timestamp()`,
    rows.run,
  );
  await query(`DELETE FROM ${schema}.ag2_eval_run_tasks WHERE run_id = $1`, [runId]);
  for (const batch of rows.batches) {
    await query(
      `INSERT INTO ${schema}.ag2_eval_run_tasks (run_id, position, task_id, body)
        SELECT $1, $2::integer + u.ord - 1, u.task_id, u.body
        FROM unnest($3::text[], string_to_array($4::text, chr(10))) WITH ORDINALITY
          AS u(task_id, body, ord)`,
      [runId, batch.start, batch.taskIds, batch.bodies],
    );
  }
}

/**
 * Reads a run back, or null: one statement (so one snapshot, never half of a save in
 * progress), the server joining the tasks' JSON in order.
 */
export async function readRun(
  db: Database,
  schema: string,
  options: { runId: string; source: string },
): Promise<RunResult | null> {
  const { rows } = await db.query(
    `load run ${JSON.stringify(options.runId)}`,
    `SELECT r.head, (SELECT string_agg(t.body, ',' ORDER BY t.position)
        FROM ${schema}.ag2_eval_run_tasks t WHERE t.run_id = r.run_id) AS tasks
      FROM ${schema}.ag2_eval_runs r WHERE r.run_id = $1`,
    [options.runId],
  );
  const row = rows[0];
  return row ? runFromRows(row.head, row.tasks, options.source) : null;
}
