import { useState } from "preact/hooks";
import type { PairwiseView } from "../../src/report-data.ts";
import { IntervalBar } from "../charts.tsx";
import { count, dateTime, pct } from "../format.ts";
import { Card, Chip, Text } from "../ui.tsx";

/** Rows of the per-task table shown before "Show more". */
const PAGE = 200;

export function PairwisePage(props: { pairwise: PairwiseView }) {
  const p = props.pairwise;
  const [limit, setLimit] = useState(PAGE);
  const name = { a: p.variantA, b: p.variantB, tie: "tie" } as const;
  return (
    <div class="pairwise-page">
      <p class="lead">
        <b>
          <Text value={p.variantB} limit={60} />
        </b>{" "}
        (B) against{" "}
        <b>
          <Text value={p.variantA} limit={60} />
        </b>{" "}
        (A) over {count(p.nPairs)} task pairs · {dateTime(p.createdAt)}
      </p>
      {p.warnings.map((w, i) => (
        <p class="notice warn" key={i}>
          <Text value={w} limit={500} />
        </p>
      ))}
      <Card title="Win rate of B">
        <table class="grid-table">
          <thead>
            <tr>
              <th>Key</th>
              <th class="num">Win rate</th>
              <th />
              <th class="num">B wins</th>
              <th class="num">A wins</th>
              <th class="num">Ties</th>
              <th class="num">Position flips</th>
            </tr>
          </thead>
          <tbody>
            {p.winRates.map((w) => (
              <tr key={w.key}>
                <td>
                  <Text value={w.key} limit={60} />
                </td>
                <td class="num">
                  <b>{pct(w.rate)}</b>
                </td>
                <td>
                  <IntervalBar rate={w.rate} ci={w.ci} />{" "}
                  <span class="muted small">
                    {pct(w.ci[0])} – {pct(w.ci[1])}
                  </span>
                </td>
                <td class="num">{count(w.wins)}</td>
                <td class="num">{count(w.losses)}</td>
                <td class="num">{count(w.ties)}</td>
                <td class="num">{count(w.flips)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <h2>Per task</h2>
      <table class="grid-table">
        <thead>
          <tr>
            <th>Task</th>
            <th>Key</th>
            <th>Winner</th>
            <th>Reasoning</th>
          </tr>
        </thead>
        <tbody>
          {p.cases.slice(0, limit).map((c, i) => (
            <tr key={i}>
              <td>
                <Text value={c.taskId} limit={80} />
              </td>
              <td>
                <Text value={c.key} limit={40} />
              </td>
              <td>
                <Chip status={c.winner === "b" ? "pass" : c.winner === "a" ? "fail" : "none"}>
                  <Text value={name[c.winner]} limit={40} />
                </Chip>
              </td>
              <td class="comment">
                {c.reasoning === null ? (
                  <span class="muted">—</span>
                ) : (
                  <Text value={c.reasoning} limit={1000} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.cases.length > limit && (
        <button type="button" class="button" onClick={() => setLimit(limit + PAGE)}>
          Show more
        </button>
      )}
    </div>
  );
}
