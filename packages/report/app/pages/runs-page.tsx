import { useState } from "preact/hooks";
import type { RunListEntry } from "../../src/report-data.ts";
import { TrendChart } from "../charts.tsx";
import { count, dateTime, dollars, pct, shortId } from "../format.ts";
import { href } from "../route.ts";
import { Card, Chip, Empty, Select, Text } from "../ui.tsx";

const NO_LABEL = "\u0000none";

export function RunsPage(props: { runs: readonly RunListEntry[] }) {
  const [label, setLabel] = useState("");
  const labels = [...new Set(props.runs.map((r) => r.label ?? NO_LABEL))].sort();
  const shown =
    label === "" ? props.runs : props.runs.filter((r) => (r.label ?? NO_LABEL) === label);
  const keys = [...new Set(shown.flatMap((r) => Object.keys(r.passRate)))].sort();
  // a trend means one label's runs: the chosen label, or the only one there is
  const shownLabels = new Set(shown.map((r) => r.label));
  const trendLabel = shownLabels.size === 1 ? ([...shownLabels][0] ?? null) : null;
  const hasTokens = shown.some((r) => r.tokens !== null);
  const hasCost = shown.some((r) => r.costUsd !== null);
  // oldest first for the chart: the list is newest first
  const oldestFirst = [...shown].reverse();
  return (
    <div class="runs-page">
      <div class="filters">
        <Select
          label="Label"
          value={label}
          options={[
            ["", "All labels"],
            ...labels.map((l) => [l, l === NO_LABEL ? "(no label)" : l] as const),
          ]}
          onChange={setLabel}
        />
        <span class="filter-count">{count(shown.length)} runs</span>
      </div>
      {trendLabel !== null && oldestFirst.length > 1 && keys.length > 0 && (
        <Card
          title={
            <>
              Pass rate over time · <Text value={trendLabel ?? ""} limit={60} />
            </>
          }
        >
          <TrendChart
            labels={oldestFirst.map((r) => r.runId)}
            series={keys.map((key) => ({
              name: key,
              values: oldestFirst.map((r) => r.passRate[key] ?? 0),
            }))}
          />
          <div class="legend">
            {keys.map((key, i) => (
              <span key={key} class={`legend-item series-${i % 6}`}>
                <Text value={key} limit={40} />
              </span>
            ))}
          </div>
        </Card>
      )}
      {shown.length === 0 ? (
        <Empty>No runs yet.</Empty>
      ) : (
        <table class="grid-table runs">
          <thead>
            <tr>
              <th>Run</th>
              <th>Label</th>
              <th>Created</th>
              <th>Suite</th>
              <th>Target</th>
              <th class="num">Task runs</th>
              <th class="num">Errors</th>
              <th>Pass rate</th>
              {hasTokens && <th class="num">Tokens</th>}
              {hasCost && <th class="num">Cost</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((run) => (
              <tr key={run.runId}>
                <td>
                  <a href={href({ page: "run", runId: run.runId })} title={run.runId}>
                    <Text value={shortId(run.runId)} />
                  </a>
                  {run.inProgress && (
                    <Chip status="mixed">
                      running {count(run.inProgress.done)}/{count(run.inProgress.expected)}
                    </Chip>
                  )}
                </td>
                <td>
                  {run.label === null ? (
                    <span class="muted">—</span>
                  ) : (
                    <Text value={run.label} limit={60} />
                  )}
                </td>
                <td class="nowrap">{dateTime(run.createdAt)}</td>
                <td>
                  <Text value={run.suite.name} limit={60} />
                </td>
                <td>
                  <Text value={run.target} limit={60} />
                </td>
                <td class="num">{count(run.suite.size)}</td>
                <td class="num">
                  {run.errors > 0 ? <span class="text-bad">{count(run.errors)}</span> : "0"}
                </td>
                <td>
                  {Object.entries(run.passRate).map(([key, rate]) => (
                    <Chip key={key} status={rate >= 0.8 ? "pass" : rate >= 0.5 ? "mixed" : "fail"}>
                      <Text value={key} limit={24} /> {pct(rate, 0)}
                    </Chip>
                  ))}
                </td>
                {hasTokens && <td class="num">{run.tokens === null ? "—" : count(run.tokens)}</td>}
                {hasCost && <td class="num">{dollars(run.costUsd)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
