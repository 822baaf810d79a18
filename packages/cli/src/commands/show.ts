import { flakiness, flakinessSummary } from "@ag2/eval";
import { COMMON_FLAGS, type Command, STORE_FLAG } from "../args/command.js";
import { flagReader } from "../args/flag-values.js";
import { resolveRunId } from "../args/resolve-run-id.js";
import { loadSettings, openStore } from "../config/settings.js";
import { formatFailingTasks } from "../output/format-failing-tasks.js";
import { visibleRun } from "../output/visible-run.js";
import { visibleJson } from "../terminal/visible-text.js";

/**
 * `ag2-eval show <run-id>`: the run's summary plus its failing tasks, and, for a run with
 * repeats, how flaky each boolean key was (pass@k, pass^k, the tasks that flipped).
 */
export const showCommand: Command = {
  name: "show",
  usage: "ag2-eval show <run-id | latest> [--all] [--json]",
  summary: "Print a saved run's summary, its failing tasks, and its flakiness when it has repeats.",
  maxPositionals: 1,
  flags: {
    json: { type: "boolean", description: "print the whole run file (schema 0.1) instead" },
    all: { type: "boolean", description: "list every failing task, not only the first 20" },
    ...STORE_FLAG,
    ...COMMON_FLAGS,
  },
  async run({ values, positionals, io }) {
    const store = await openStore(await loadSettings({ values, io }));
    const runId = await resolveRunId({ store, given: positionals[0], command: "show" });
    const result = await store.load(runId);
    if (flagReader(values).boolean("json")) {
      io.stdout.write(`${visibleJson(result.toJSON())}\n`);
      return 0;
    }
    const shown = visibleRun(result);
    const failing = flagReader(values).boolean("all")
      ? formatFailingTasks(shown, { limit: Number.POSITIVE_INFINITY })
      : formatFailingTasks(shown, { more: "--all lists every one" });
    io.stdout.write(`${shown.summary({ readable: true })}\n${failing}`);
    const report = flakiness(shown);
    if (report.tasks.some((task) => task.n > 1)) {
      io.stdout.write(`\n${flakinessSummary(report)}\n`);
    }
    return 0;
  },
};
