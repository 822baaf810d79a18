/** One step of the store's schema; versions only ever grow, and a released step never changes. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  /** The statements, given the quoted schema name (`"public"`). */
  readonly statements: (schema: string) => readonly string[];
}

/**
 * The store's schema, oldest step first. Runs keep their listing fields in columns (indexed
 * newest first, overall and per label) and their tasks one row each; a journal is a header row
 * plus one row per graded task. Version 1's writer rows (leases with heartbeats) gave way to
 * advisory locks in version 2; the step also makes a release that still relies on those rows
 * refuse the schema, rather than write runs unaware of the new locks.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "runs, tasks, journals and writers",
    statements: (s) => [
      `CREATE TABLE ${s}.ag2_eval_runs (
        run_id text PRIMARY KEY,
        label text,
        created_at text NOT NULL,
        created_ts timestamptz,
        duration_ms double precision NOT NULL,
        target text NOT NULL,
        suite_name text NOT NULL,
        suite_source text NOT NULL,
        suite_size integer NOT NULL,
        pass_rate text NOT NULL,
        score_means text NOT NULL,
        errors integer NOT NULL,
        task_count integer NOT NULL,
        head text NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
      `CREATE INDEX ag2_eval_runs_newest ON ${s}.ag2_eval_runs
        (created_ts DESC NULLS LAST, created_at DESC, run_id DESC)`,
      `CREATE INDEX ag2_eval_runs_label_newest ON ${s}.ag2_eval_runs
        (label, created_ts DESC NULLS LAST, created_at DESC, run_id DESC)`,
      `CREATE TABLE ${s}.ag2_eval_run_tasks (
        run_id text NOT NULL REFERENCES ${s}.ag2_eval_runs (run_id) ON DELETE CASCADE,
        position integer NOT NULL,
        task_id text NOT NULL,
        body text NOT NULL,
        PRIMARY KEY (run_id, position)
      )`,
      `CREATE TABLE ${s}.ag2_eval_journals (
        run_id text PRIMARY KEY,
        header text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`,
      `CREATE TABLE ${s}.ag2_eval_journal_tasks (
        run_id text NOT NULL REFERENCES ${s}.ag2_eval_journals (run_id) ON DELETE CASCADE,
        seq integer NOT NULL,
        task_id text NOT NULL,
        body text NOT NULL,
        PRIMARY KEY (run_id, seq)
      )`,
      `CREATE TABLE ${s}.ag2_eval_writers (
        run_id text PRIMARY KEY,
        holder text NOT NULL,
        token text NOT NULL,
        acquired_at timestamptz NOT NULL,
        heartbeat_at timestamptz NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    description: "run locks are advisory locks: the writers table goes",
    statements: (s) => [`DROP TABLE ${s}.ag2_eval_writers`],
  },
];
