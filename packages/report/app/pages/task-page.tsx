import type { TaskResultJSON } from "@ag2/eval-core/internal";
import type { RunView } from "../../src/report-data.ts";
import { count, duration, pretty } from "../format.ts";
import { href } from "../route.ts";
import { finalOutput } from "../task-rows.ts";
import { Timeline } from "../timeline.tsx";
import { Card, Chip, Code, Empty, Stat, Text } from "../ui.tsx";

export function TaskPage(props: { run: RunView; group: number; repeat: number }) {
  const { run } = props;
  const group = run.groups[props.group];
  if (!group) return <Empty>This run has no task number {props.group}.</Empty>;
  const index = group.tasks[props.repeat] ?? group.tasks[0];
  const task = run.tasks[index as number];
  if (!task) return <Empty>This task has no repeat {props.repeat + 1}.</Empty>;
  return (
    <div class="task-page">
      <div class="task-head">
        <h2 class="task-title">
          <Text value={group.id} limit={200} />
        </h2>
        {task.exception && <Chip status="error">error</Chip>}
        {task.feedback.map((fb, i) =>
          typeof fb.score === "boolean" ? (
            <Chip key={i} status={fb.score ? "pass" : "fail"}>
              <Text value={fb.key} limit={40} /> {fb.score ? "pass" : "fail"}
            </Chip>
          ) : null,
        )}
      </div>
      {group.tasks.length > 1 && (
        <nav class="tabs" aria-label="Repeats">
          {group.tasks.map((_, i) => (
            <a
              key={i}
              class={i === props.repeat ? "tab active" : "tab"}
              href={href({ page: "task", runId: run.runId, group: props.group, repeat: i })}
            >
              Repeat {i + 1}
            </a>
          ))}
        </nav>
      )}
      <TaskDetail task={task} />
    </div>
  );
}

export function TaskDetail(props: { task: TaskResultJSON }) {
  const { task } = props;
  const output = finalOutput(task);
  return (
    <>
      <div class="stats">
        <Stat label="Duration">{duration(task.duration_ms)}</Stat>
        <Stat label="Tokens">
          {count(task.tokens.input + task.tokens.output)}
          <span class="stat-sub">
            {count(task.tokens.input)} in · {count(task.tokens.output)} out
          </span>
        </Stat>
        {task.tags.length > 0 && (
          <Stat label="Tags">
            {task.tags.map((tag) => (
              <Chip status="none" key={tag}>
                <Text value={tag} limit={40} />
              </Chip>
            ))}
          </Stat>
        )}
      </div>
      {task.exception && (
        <Card class="exception" title="Exception">
          <div>
            <b>
              <Text value={task.exception.type} limit={200} />
            </b>
          </div>
          <Code value={task.exception.message} />
        </Card>
      )}
      <FeedbackTable task={task} />
      <div class="columns">
        <Card title="Inputs">
          <Code value={task.inputs} />
        </Card>
        <Card title="Reference outputs">
          {task.reference_outputs === null ? (
            <Empty>None.</Empty>
          ) : (
            <Code value={task.reference_outputs} />
          )}
        </Card>
      </div>
      <Card title="Final output">
        {output === null ? <Empty>No model response.</Empty> : <Code value={output} />}
      </Card>
      {(task.budget_violations?.length ?? 0) > 0 && (
        <Card title="Budget violations" class="warn">
          <ul>
            {task.budget_violations?.map((v, i) => (
              <li key={i}>
                <Text value={pretty(v)} limit={500} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      {task.attempts && task.attempts.length > 0 && (
        <Card title={`Attempts (${task.attempts.length})`}>
          <table class="grid-table">
            <thead>
              <tr>
                <th>#</th>
                <th>Outcome</th>
                <th class="num">Duration</th>
              </tr>
            </thead>
            <tbody>
              {task.attempts.map((a, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>
                    {a.error ? (
                      <>
                        <Chip status="fail">
                          <Text value={a.error.type} limit={60} />
                        </Chip>{" "}
                        <Text value={a.error.message} limit={300} />
                      </>
                    ) : (
                      <Chip status="pass">ok</Chip>
                    )}
                  </td>
                  <td class="num">{duration(a.duration_ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <h3>Trace</h3>
      <Timeline task={task} />
    </>
  );
}

function FeedbackTable(props: { task: TaskResultJSON }) {
  const { feedback } = props.task;
  if (feedback.length === 0)
    return (
      <Card title="Feedback">
        <Empty>No feedback.</Empty>
      </Card>
    );
  return (
    <Card title="Feedback">
      <table class="grid-table feedback">
        <thead>
          <tr>
            <th>Key</th>
            <th>Score</th>
            <th>Value</th>
            <th>Comment</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {feedback.map((fb, i) => (
            <tr key={i}>
              <td>
                <Text value={fb.key} limit={80} />
              </td>
              <td>
                {typeof fb.score === "boolean" ? (
                  <Chip status={fb.score ? "pass" : "fail"}>{fb.score ? "pass" : "fail"}</Chip>
                ) : fb.score === null ? (
                  <span class="muted">—</span>
                ) : (
                  <Chip status="score">{String(fb.score)}</Chip>
                )}
              </td>
              <td>
                {fb.value === null ? (
                  <span class="muted">—</span>
                ) : (
                  <Text value={fb.value} limit={200} />
                )}
              </td>
              <td class="comment">
                {fb.comment === null ? (
                  <span class="muted">—</span>
                ) : (
                  <Text value={fb.comment} limit={2000} />
                )}
              </td>
              <td>
                {fb.detail === null ? (
                  <span class="muted">—</span>
                ) : (
                  <Code value={fb.detail} class="small" />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
