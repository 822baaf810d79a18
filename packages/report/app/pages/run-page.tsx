import type { KeyStats, RunView } from "../../src/report-data.ts";
import { IntervalBar } from "../charts.tsx";
import { count, num, pct } from "../format.ts";
import { href } from "../route.ts";
import { Card, Chip, Text } from "../ui.tsx";
import { RunHeader } from "./run-header.tsx";

const toneOf = (rate: number) => (rate >= 0.8 ? "good" : rate >= 0.5 ? "warn" : "bad");

export function KeyCard(props: { stats: KeyStats }) {
  const { stats } = props;
  const labels = Object.entries(stats.valueCounts);
  return (
    <Card class="key-card" title={<Text value={stats.key} limit={60} />}>
      {stats.kind === "pass-rate" ? (
        <>
          <div class={`big tone-${toneOf(stats.rate)}`}>{pct(stats.rate)}</div>
          <IntervalBar rate={stats.rate} ci={stats.ci} tone={`tone-${toneOf(stats.rate)}`} />
          <div class="muted small">
            {count(stats.passes)} of {count(stats.n)} passed · 95% CI {pct(stats.ci[0])} –{" "}
            {pct(stats.ci[1])}
          </div>
        </>
      ) : (
        <>
          <div class="big">{num(stats.mean)}</div>
          <div class="muted small">
            mean · p50 {num(stats.p50)} · p95 {num(stats.p95)} · n {count(stats.n)}
          </div>
        </>
      )}
      {labels.length > 0 && (
        <div class="labels">
          {labels.slice(0, 8).map(([label, n]) => (
            <Chip status="none" key={label}>
              <Text value={label} limit={40} /> {count(n)}
            </Chip>
          ))}
        </div>
      )}
    </Card>
  );
}

export function RunPage(props: { run: RunView }) {
  const { run } = props;
  return (
    <div class="run-page">
      <RunHeader run={run} />
      <div class="section-head">
        <h2>Scores</h2>
        <a class="button primary" href={href({ page: "tasks", runId: run.runId })}>
          Browse {count(run.uniqueTasks)} tasks →
        </a>
      </div>
      <div class="cards">
        {run.keys.map((stats) => (
          <KeyCard stats={stats} key={stats.key} />
        ))}
        {run.keys.length === 0 && <p class="empty">No scorer gave feedback in this run.</p>}
      </div>
      {run.flakiness && <Flakiness run={run} />}
      {run.tags.length > 0 && <TagSlices run={run} />}
    </div>
  );
}

function Flakiness(props: { run: RunView }) {
  const keys = props.run.flakiness ?? [];
  return (
    <>
      <h2>Flakiness over {props.run.repeats} repeats</h2>
      <table class="grid-table">
        <thead>
          <tr>
            <th>Key</th>
            <th class="num">pass@1</th>
            <th class="num">pass@k</th>
            <th class="num">pass^k</th>
            <th class="num">flip rate</th>
            <th class="num">flaky tasks</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.key}>
              <td>
                <Text value={k.key} limit={60} />
              </td>
              <td class="num">{pct(k.passAtK[0] ?? 0)}</td>
              <td class="num">
                {pct(k.passAtK.at(-1) ?? 0)} <span class="muted">k={k.passAtK.length}</span>
              </td>
              <td class="num">{pct(k.passHatK.at(-1) ?? 0)}</td>
              <td class="num">{num(k.meanFlipRate)}</td>
              <td class="num">
                {count(k.flakyTasks)} / {count(k.tasks)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function TagSlices(props: { run: RunView }) {
  const keys = props.run.keys.map((k) => k.key);
  return (
    <>
      <h2>By tag</h2>
      <table class="grid-table">
        <thead>
          <tr>
            <th>Tag</th>
            <th class="num">Task runs</th>
            {keys.map((k) => (
              <th key={k}>
                <Text value={k} limit={40} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.run.tags.map((slice) => (
            <tr key={slice.tag}>
              <td>
                <Text value={slice.tag} limit={60} />
              </td>
              <td class="num">{count(slice.taskRuns)}</td>
              {keys.map((key) => {
                const s = slice.keys.find((k) => k.key === key);
                if (!s)
                  return (
                    <td key={key} class="muted">
                      —
                    </td>
                  );
                if (s.kind === "numeric") return <td key={key}>{num(s.mean)}</td>;
                return (
                  <td key={key} title={`95% CI ${pct(s.ci[0])} – ${pct(s.ci[1])}`}>
                    <span class={`tone-${toneOf(s.rate)}`}>{pct(s.rate)}</span>{" "}
                    <span class="muted small">
                      [{pct(s.ci[0], 0)}, {pct(s.ci[1], 0)}]
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
