import { useMemo, useState } from "preact/hooks";
import type { RunView } from "../../src/report-data.ts";
import { count, duration } from "../format.ts";
import { href } from "../route.ts";
import {
  cellOf,
  NO_QUERY,
  queryRows,
  type SortBy,
  type StatusFilter,
  type TaskQuery,
  type TaskRow,
  taskRows,
} from "../task-rows.ts";
import { Chip, Empty, Select, Text } from "../ui.tsx";
import { VirtualRows } from "../virtual-rows.tsx";

/** Each run's filters, kept while the page is open so "back" finds them as they were. */
const queries = new Map<string, TaskQuery>();

type Line = { readonly row: TaskRow; readonly repeat: number | null };

const STATUSES = [
  ["all", "Any status"],
  ["failing", "Failing"],
  ["passing", "Passing"],
  ["flaky", "Flaky"],
  ["errored", "Errored"],
] as const;
const SORTS = [
  ["order", "Run order"],
  ["id", "Task id"],
  ["status", "Status"],
  ["duration", "Duration"],
  ["tokens", "Tokens"],
] as const;

const choices = (all: string, values: readonly string[]) =>
  [["", all] as const, ...values.map((v) => [v, v] as const)] as const;

export function TasksPage(props: { run: RunView }) {
  const { run } = props;
  const keys = useMemo(() => run.keys.map((k) => k.key), [run]);
  const rows = useMemo(() => taskRows(run, keys), [run, keys]);
  const [query, setQueryState] = useState<TaskQuery>(queries.get(run.runId) ?? NO_QUERY);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const setQuery = (change: Partial<TaskQuery>) => {
    const next = { ...query, ...change };
    queries.set(run.runId, next);
    setQueryState(next);
  };
  const kept = useMemo(() => queryRows(rows, query, keys), [rows, query, keys]);
  const lines = useMemo(() => {
    const out: Line[] = [];
    for (const row of kept) {
      out.push({ row, repeat: null });
      if (row.runs.length > 1 && open.has(row.group)) {
        for (let i = 0; i < row.runs.length; i++) out.push({ row, repeat: i });
      }
    }
    return out;
  }, [kept, open]);
  const errorTypes = useMemo(
    () => [...new Set(rows.flatMap((r) => (r.errorType ? [r.errorType] : [])))].sort(),
    [rows],
  );
  const tags = run.tags.map((t) => t.tag);
  const columns = `2rem minmax(12rem, 2fr) ${keys.map(() => "minmax(5.5rem, 1fr)").join(" ")} minmax(8rem, 1fr) 6rem 6rem`;
  const toggle = (group: number) => {
    const next = new Set(open);
    if (next.has(group)) next.delete(group);
    else next.add(group);
    setOpen(next);
  };
  return (
    <div class="tasks-page">
      <div class="filters">
        <input
          type="search"
          class="search"
          placeholder="Search ids, inputs, outputs…"
          aria-label="Search tasks"
          value={query.text}
          onInput={(e) => setQuery({ text: (e.currentTarget as HTMLInputElement).value })}
        />
        <Select
          label="Key"
          value={query.key}
          options={choices("All keys", keys)}
          onChange={(key) => setQuery({ key })}
        />
        <Select
          label="Status"
          value={query.status}
          options={STATUSES}
          onChange={(s) => setQuery({ status: s as StatusFilter })}
        />
        {tags.length > 0 && (
          <Select
            label="Tag"
            value={query.tag}
            options={choices("Any tag", tags)}
            onChange={(tag) => setQuery({ tag })}
          />
        )}
        {errorTypes.length > 0 && (
          <Select
            label="Error"
            value={query.error}
            options={choices("Any error", errorTypes)}
            onChange={(error) => setQuery({ error })}
          />
        )}
        <Select
          label="Sort"
          value={query.sort}
          options={SORTS}
          onChange={(s) => setQuery({ sort: s as SortBy })}
        />
        <button
          type="button"
          class="button"
          aria-label={query.descending ? "Sorted descending" : "Sorted ascending"}
          onClick={() => setQuery({ descending: !query.descending })}
        >
          {query.descending ? "↓" : "↑"}
        </button>
        <span class="filter-count" data-testid="task-count">
          {count(kept.length)} of {count(rows.length)} tasks
        </span>
      </div>
      <div class="table" data-testid="tasks">
        <div class="tr th" style={{ gridTemplateColumns: columns }}>
          <span />
          <span>Task</span>
          {keys.map((k) => (
            <span key={k}>
              <Text value={k} limit={40} />
            </span>
          ))}
          <span>Error</span>
          <span class="num">Duration</span>
          <span class="num">Tokens</span>
        </div>
        {lines.length === 0 ? (
          <Empty>No task matches these filters.</Empty>
        ) : (
          <VirtualRows
            items={lines}
            label="Task rows"
            resetKey={JSON.stringify(query)}
            render={(line) => (
              <TaskLine
                key={`${line.row.group}:${line.repeat}`}
                runId={run.runId}
                line={line}
                keys={keys}
                columns={columns}
                open={open.has(line.row.group)}
                onToggle={toggle}
              />
            )}
          />
        )}
      </div>
    </div>
  );
}

function TaskLine(props: {
  runId: string;
  line: Line;
  keys: readonly string[];
  columns: string;
  open: boolean;
  onToggle: (group: number) => void;
}) {
  const { row, repeat } = props.line;
  const single = repeat === null ? null : row.runs[repeat];
  const link = href({ page: "task", runId: props.runId, group: row.group, repeat: repeat ?? 0 });
  const errorType = single ? (single.exception?.type ?? null) : row.errorType;
  return (
    <div
      class={`tr ${repeat === null ? "" : "repeat"}`}
      style={{ gridTemplateColumns: props.columns }}
    >
      <span>
        {repeat === null && row.runs.length > 1 && (
          <button
            type="button"
            class="toggle"
            aria-expanded={props.open}
            aria-label={`Show the ${row.runs.length} repeats`}
            onClick={() => props.onToggle(row.group)}
          >
            {props.open ? "▾" : "▸"}
          </button>
        )}
      </span>
      <span class="task-id">
        <a href={link}>
          <Text value={repeat === null ? row.id : `repeat ${repeat + 1}`} limit={80} />
        </a>
        {repeat === null && row.runs.length > 1 && <span class="muted"> ×{row.runs.length}</span>}
      </span>
      {props.keys.map((key) => {
        const cell = single ? cellOf([single], key) : row.cells[key];
        return <span key={key}>{cell && <Chip status={cell.status}>{cell.text}</Chip>}</span>;
      })}
      <span class="error-type">{errorType && <Text value={errorType} limit={40} />}</span>
      <span class="num">{duration(single ? single.duration_ms : row.durationMs)}</span>
      <span class="num">
        {count(single ? single.tokens.input + single.tokens.output : row.tokens)}
      </span>
    </div>
  );
}
