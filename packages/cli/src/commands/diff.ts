import { compareRuns } from "@ag2/eval";
import type { Command } from "../args/command.js";
import { COMMON_FLAGS, STORE_FLAG } from "../args/command.js";
import { flagReader, parseMinPassRates } from "../args/flag-values.js";
import { resolveRunId } from "../args/resolve-run-id.js";
import { UsageError } from "../args/usage-error.js";
import { loadSettings, openStore } from "../config/settings.js";
import { formatGateOutcome } from "../gates/evaluate-gates.js";
import {
  checkMinPassRates,
  checkRegressions,
  checkSignificantRegressions,
} from "../gates/gate-checks.js";
import { visibleRun } from "../output/visible-run.js";
import { EXIT } from "../terminal/cli-io.js";
import { DEFAULT_WIDTH, textWidth } from "../terminal/text-width.js";
import { visibleJson } from "../terminal/visible-text.js";

/** `ag2-eval diff <run-id> [--baseline <id> | --against-latest]`, optionally as a CI gate. */
export const diffCommand: Command = {
  name: "diff",
  usage: "ag2-eval diff <run-id | latest> [--baseline <run-id> | --against-latest] [--all] [gates]",
  summary: "Compare a run with a baseline: per-key deltas, flipped tasks, and paired statistics.",
  maxPositionals: 1,
  flags: {
    baseline: { type: "string", valueName: "<run-id>", description: "the run to compare against" },
    "against-latest": {
      type: "boolean",
      description: "compare against the newest earlier run with the same label",
    },
    overlap: {
      type: "boolean",
      description: "diff the comparable tasks even when the runs graded different evals",
    },
    "fail-on-regression": {
      type: "boolean",
      description: "exit 1 when a task flips from pass to fail",
    },
    "fail-on-significant-regression": {
      type: "boolean",
      description: "exit 1 when the paired statistics find a significant regression on a key",
    },
    "min-pass-rate": {
      type: "string",
      multiple: true,
      valueName: "<key>=<0..1>",
      description: "exit 1 when the run's pass rate of <key> is below the value",
    },
    json: { type: "boolean", description: "print the diff and statistics as JSON" },
    all: {
      type: "boolean",
      description: "list every flipped or excluded task, not only the first rows",
    },
    ...STORE_FLAG,
    ...COMMON_FLAGS,
  },
  async run({ values, positionals, io }) {
    const flags = flagReader(values);
    const store = await openStore(await loadSettings({ values, io }));
    const current = await store.load(
      await resolveRunId({ store, given: positionals[0], command: "diff" }),
    );
    const baselineId =
      flags.string("baseline") ?? (flags.boolean("against-latest") ? await previous() : undefined);
    if (baselineId === undefined) {
      throw new UsageError("ag2-eval diff: no baseline", {
        hint: "pass --baseline <run-id> or --against-latest",
      });
    }
    const resolvedBaseline = await resolveRunId({ store, given: baselineId, command: "diff" });
    if (resolvedBaseline === current.runId) {
      throw new UsageError(`ag2-eval diff: run ${current.runId} is its own baseline`, {
        hint: "pass a different run to --baseline, or --against-latest",
      });
    }
    const baseline = await store.load(resolvedBaseline);
    const diff = current.diff(baseline, { strict: !flags.boolean("overlap") });
    const comparison = compareRuns(baseline, current);
    const failures = [
      ...checkMinPassRates({
        passRates: current.aggregates.passRate,
        minPassRate: parseMinPassRates(flags.list("min-pass-rate")),
      }),
      ...(flags.boolean("fail-on-regression")
        ? checkRegressions({ baselineRunId: baseline.runId, flippedToFail: diff.flippedToFail })
        : []),
      ...(flags.boolean("fail-on-significant-regression")
        ? checkSignificantRegressions({ comparison })
        : []),
    ];
    if (flags.boolean("json")) {
      io.stdout.write(
        `${visibleJson({ diff, comparison, gates: { passed: failures.length === 0, failures } })}\n`,
      );
    } else {
      // printed from escaped copies; the gates above were decided on the runs themselves
      const [shownCurrent, shownBaseline] = [visibleRun(current), visibleRun(baseline)];
      const shownDiff = shownCurrent.diff(shownBaseline, { strict: !flags.boolean("overlap") });
      const text = shownDiff.summary({
        readable: true,
        width: textWidth(io) ?? DEFAULT_WIDTH,
        all: flags.boolean("all") ?? false,
      });
      io.stdout.write(`${text}\n\n${compareRuns(shownBaseline, shownCurrent).summary()}\n`);
      io.stderr.write(
        formatGateOutcome({ failures, notes: [], baselineRunId: baseline.runId, checked: 0 }),
      );
    }
    return failures.length === 0 ? EXIT.ok : EXIT.failed;

    async function previous(): Promise<string> {
      const runs = await store.list(current.label === null ? {} : { label: current.label });
      const earlier = runs.find(
        (run) => run.runId !== current.runId && run.createdAt <= current.createdAt,
      );
      if (!earlier) {
        throw new UsageError(
          `ag2-eval diff: no run saved before ${current.runId}${current.label ? ` with label "${current.label}"` : ""}`,
          {
            hint: "pass --baseline <run-id> (ag2-eval list shows the runs)",
          },
        );
      }
      return earlier.runId;
    }
  },
};
