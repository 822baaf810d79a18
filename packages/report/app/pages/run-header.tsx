import type { RunView } from "../../src/report-data.ts";
import { count, dateTime, dollars, duration, num } from "../format.ts";
import { Stat, Text } from "../ui.tsx";

export function RunHeader(props: { run: RunView }) {
  const { run } = props;
  const taskRuns = run.tasks.length;
  return (
    <div class="run-header">
      <h1 class="run-title">
        <Text value={run.runId} limit={120} />
        {run.inProgress && <span class="live">● live</span>}
      </h1>
      <div class="stats">
        <Stat label="Suite">
          <Text value={run.suite.name} limit={80} />
        </Stat>
        <Stat label="Target">
          <Text value={run.target} limit={80} />
        </Stat>
        {run.label !== null && (
          <Stat label="Label">
            <Text value={run.label} limit={80} />
          </Stat>
        )}
        {run.variant !== null && (
          <Stat label="Variant">
            <Text value={run.variant} limit={80} />
          </Stat>
        )}
        <Stat label="Created">{dateTime(run.createdAt)}</Stat>
        <Stat label="Duration">{run.inProgress ? "running…" : duration(run.durationMs)}</Stat>
        <Stat label="Tasks">
          {count(run.uniqueTasks)}
          {run.repeats > 1 ? ` × ${run.repeats}` : ""}
          {run.inProgress
            ? ` (${count(taskRuns)} of ${count(run.inProgress.expected)} graded)`
            : ""}
        </Stat>
        <Stat label="Concurrency">{count(run.concurrency)}</Stat>
        <Stat label="Tokens">
          {count(run.tokens.total)}
          <span class="stat-sub">
            {count(run.tokens.input)} in · {count(run.tokens.output)} out
          </span>
        </Stat>
        <Stat label="Cost">{dollars(run.costUsd)}</Stat>
        <Stat label="Errors">
          <span class={run.errors > 0 ? "text-bad" : ""}>{count(run.errors)}</span>
        </Stat>
        {run.budgetViolations > 0 && <Stat label="Over budget">{count(run.budgetViolations)}</Stat>}
      </div>
      {run.inProgress && (
        <p class="notice" role="status">
          In progress: {count(taskRuns)} of {count(run.inProgress.expected)} task runs graded so
          far.
        </p>
      )}
      {run.stopReason && (
        <p class="notice warn">
          Stopped early: the {run.stopReason.budget} budget ({num(run.stopReason.limit)}) was
          reached at {num(run.stopReason.used)}.
        </p>
      )}
      {run.warnings.map((warning, i) => (
        <p class="notice warn" key={i}>
          <Text value={warning} limit={500} />
        </p>
      ))}
    </div>
  );
}
