import { useState } from "preact/hooks";
import type { RunView, VariantsView } from "../../src/report-data.ts";
import { IntervalBar } from "../charts.tsx";
import { count, dateTime, duration, num, pct } from "../format.ts";
import { href } from "../route.ts";
import { lastScore } from "../task-rows.ts";
import { Card, Chip, Empty, Select, Text } from "../ui.tsx";

/** Rows of the per-task table shown before "Show more". */
const PAGE = 200;

export function VariantsPage(props: { variants: VariantsView; runs: readonly RunView[] }) {
  const v = props.variants;
  const [key, setKey] = useState(v.keys[0] ?? "");
  const [limit, setLimit] = useState(PAGE);
  const board = v.leaderboards.find((b) => b.key === key);
  const runs = props.runs;
  const ids = runs[0]?.groups.map((g) => g.id) ?? [];
  return (
    <div class="variants-page">
      <p class="lead">
        Sweep over{" "}
        <b>
          <Text value={v.axis} limit={60} />
        </b>{" "}
        · {dateTime(v.createdAt)} · {duration(v.durationMs)}
      </p>
      <div class="filters">
        <Select
          label="Key"
          value={key}
          options={v.keys.map((k) => [k, k] as const)}
          onChange={setKey}
        />
      </div>
      {board && (
        <Card title="Leaderboard">
          <table class="grid-table">
            <thead>
              <tr>
                <th class="num">Rank</th>
                <th>Variant</th>
                <th>Score</th>
                <th />
                <th class="num">n</th>
              </tr>
            </thead>
            <tbody>
              {board.rows.map((row) => (
                <tr key={row.variant}>
                  <td class="num">{row.rank}</td>
                  <td>
                    <a href={href({ page: "run", runId: runs[row.runIndex]?.runId ?? "" })}>
                      <Text value={row.variant} limit={60} />
                    </a>
                  </td>
                  <td class="num">
                    <b>{row.ci ? pct(row.score) : num(row.score)}</b>
                  </td>
                  <td>
                    {row.ci && <IntervalBar rate={row.score} ci={row.ci} />}
                    {row.ci && (
                      <span class="muted small">
                        {" "}
                        {pct(row.ci[0])} – {pct(row.ci[1])}
                      </span>
                    )}
                  </td>
                  <td class="num">{count(row.n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {v.failures.map((f) => (
        <p class="notice warn" key={f.variant}>
          <Text value={f.variant} limit={60} /> failed:{" "}
          <Text value={`${f.type}: ${f.message}`} limit={500} />
        </p>
      ))}
      <h2>Per task</h2>
      {ids.length === 0 ? (
        <Empty>No tasks.</Empty>
      ) : (
        <table class="grid-table">
          <thead>
            <tr>
              <th>Task</th>
              {runs.map((r) => (
                <th key={r.runId}>
                  <Text value={r.variant ?? r.runId} limit={30} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ids.slice(0, limit).map((id) => (
              <tr key={id}>
                <td>
                  <Text value={id} limit={80} />
                </td>
                {runs.map((run) => {
                  const group = run.groups.find((g) => g.id === id);
                  const scores = (group?.tasks ?? [])
                    .map((i) => lastScore(run.tasks[i]!, key))
                    .filter((s) => s !== null);
                  const bools = scores.filter((s) => typeof s === "boolean");
                  if (bools.length > 0) {
                    const passes = bools.filter(Boolean).length;
                    const status =
                      passes === bools.length ? "pass" : passes === 0 ? "fail" : "mixed";
                    return (
                      <td key={run.runId}>
                        <Chip status={status}>
                          {bools.length === 1 ? status : `${passes}/${bools.length}`}
                        </Chip>
                      </td>
                    );
                  }
                  const mean = scores.length
                    ? (scores as number[]).reduce((a, b) => a + b, 0) / scores.length
                    : null;
                  return (
                    <td key={run.runId}>
                      {mean === null ? <span class="muted">—</span> : num(mean)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ids.length > limit && (
        <button type="button" class="button" onClick={() => setLimit(limit + PAGE)}>
          Show more
        </button>
      )}
    </div>
  );
}
