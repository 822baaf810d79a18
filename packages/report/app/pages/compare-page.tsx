import type { ComparisonView, KeyComparisonView, RunView } from "../../src/report-data.ts";
import { ForestRow } from "../charts.tsx";
import { count, num, pct, points, signed } from "../format.ts";
import { href } from "../route.ts";
import { finalOutput, lastScore } from "../task-rows.ts";
import { Card, Chip, Code, Empty, Text } from "../ui.tsx";

const VERDICT = {
  regression: ["fail", "Regression"],
  improvement: ["pass", "Improvement"],
  "no-detectable-difference": ["none", "No detectable difference"],
} as const;

function delta(k: KeyComparisonView, value: number) {
  return k.kind === "pass-rate" ? points(value) : signed(value);
}

export function ComparePage(props: { comparison: ComparisonView; runs: readonly RunView[] }) {
  const c = props.comparison;
  const level = Math.round((1 - c.alpha) * 100);
  return (
    <div class="compare-page">
      <p class="lead">
        <b>
          <Text value={c.currentRunId} limit={80} />
        </b>{" "}
        against baseline{" "}
        <b>
          <Text value={c.baselineRunId} limit={80} />
        </b>
        : {count(c.comparableTasks)} comparable tasks, paired bootstrap {level}% intervals (
        {count(c.resamples)} resamples, seed {c.seed}).
      </p>
      {c.problem && <p class="notice warn">{c.problem}</p>}
      <table class="grid-table compare">
        <thead>
          <tr>
            <th>Key</th>
            <th class="num">Baseline</th>
            <th class="num">Current</th>
            <th class="num">Difference</th>
            <th>{level}% interval</th>
            <th class="num">p</th>
            <th>Verdict</th>
          </tr>
        </thead>
        <tbody>
          {c.keys.map((k) => {
            const [status, text] = VERDICT[k.verdict];
            const value = (v: number) => (k.kind === "pass-rate" ? pct(v) : num(v));
            const span = Math.max(
              0.05,
              ...c.keys
                .filter((o) => o.kind === k.kind)
                .map((o) => Math.max(Math.abs(o.ci[0]), Math.abs(o.ci[1]))),
            );
            return (
              <tr key={k.key} data-verdict={k.verdict}>
                <td>
                  <Text value={k.key} limit={60} />
                </td>
                <td class="num">{value(k.baseline)}</td>
                <td class="num">{value(k.current)}</td>
                <td class="num">
                  <b>{delta(k, k.difference)}</b>
                </td>
                <td class="nowrap">
                  <ForestRow difference={k.difference} ci={k.ci} span={span} tone={status} />
                  <span class="muted small">
                    {" "}
                    [{delta(k, k.ci[0])}, {delta(k, k.ci[1])}]
                  </span>
                </td>
                <td class="num" title={k.test}>
                  {k.pValue < 0.0001 ? "<0.0001" : k.pValue.toFixed(4)}
                </td>
                <td>
                  <Chip status={status}>{text}</Chip>
                  {k.minimumDetectableDifference === null && (
                    <div class="muted small">too few tasks to detect a difference</div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Flipped tasks ({count(c.flips.length)})</h2>
      {c.flips.length === 0 ? (
        <Empty>No task flipped between pass and fail.</Empty>
      ) : (
        <table class="grid-table">
          <thead>
            <tr>
              <th>Task</th>
              <th>Key</th>
              <th>Change</th>
            </tr>
          </thead>
          <tbody>
            {c.flips.map((f) => (
              <tr key={`${f.key}:${f.taskId}`}>
                <td>
                  <a href={href({ page: "flip", taskId: f.taskId })}>
                    <Text value={f.taskId} limit={80} />
                  </a>
                </td>
                <td>
                  <Text value={f.key} limit={60} />
                </td>
                <td>
                  {f.to === "fail" ? (
                    <Chip status="fail">pass → fail</Chip>
                  ) : (
                    <Chip status="pass">fail → pass</Chip>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** One task in both runs, side by side: final output and feedback. */
export function FlipPage(props: { taskId: string; runs: readonly RunView[] }) {
  const sides = props.runs.slice(0, 2).map((run, side) => {
    // a flip names a task run (`t1#2` with repeats) or a task; find the group and repeat
    let group = -1;
    let repeat = 0;
    run.groups.forEach((g, gi) => {
      if (group >= 0) return;
      const at = g.tasks.findIndex((i) => run.tasks[i]?.task_id === props.taskId);
      if (at >= 0 || g.id === props.taskId) {
        group = gi;
        repeat = Math.max(0, at);
      }
    });
    const index = run.groups[group]?.tasks[repeat];
    const task = index === undefined ? undefined : run.tasks[index];
    return { run, group, repeat, task, title: side === 0 ? "Baseline" : "Current" };
  });
  return (
    <div class="flip-page">
      <h2 class="task-title">
        <Text value={props.taskId} limit={200} />
      </h2>
      <div class="columns">
        {sides.map(({ run, group, repeat, task, title }) => (
          <Card
            key={title}
            title={
              <>
                {title}: <Text value={run.runId} limit={60} />
              </>
            }
          >
            {!task ? (
              <Empty>Not in this run.</Empty>
            ) : (
              <>
                <div class="labels">
                  {run.keys.map(({ key }) => {
                    const s = lastScore(task, key);
                    return typeof s === "boolean" ? (
                      <Chip key={key} status={s ? "pass" : "fail"}>
                        <Text value={key} limit={30} /> {s ? "pass" : "fail"}
                      </Chip>
                    ) : null;
                  })}
                </div>
                <Code value={finalOutput(task) ?? "(no model response)"} />
                <a href={href({ page: "task", runId: run.runId, group, repeat })}>
                  Open the task and its trace →
                </a>
              </>
            )}
          </Card>
        ))}
      </div>
    </div>
  );
}
