import { randomUUID } from "node:crypto";
import { type PairwiseComparator, PairwiseRunResult, runPairwise, Suite } from "@ag2/eval";
import { RunNeverSettledError } from "@ag2/eval/cli";
import type { Command } from "../args/command.js";
import { UsageError } from "../args/usage-error.js";
import { checkAgentForm } from "../config/check-agent-form.js";
import { loadExport } from "../config/load-module.js";
import { loadAgent } from "../config/load-targets.js";
import { formatNotFinished } from "../output/format-stop-reason.js";
import { withProgress } from "../output/progress-stream.js";
import { COMPARATOR_TIMEOUT_FLAG } from "../run/run-flags.js";
import { runInProgress } from "../run/run-in-progress.js";
import { callTimeoutPlan } from "../run/run-plan.js";
import { EXIT } from "../terminal/cli-io.js";
import { visibleData, visibleJson, visibleText } from "../terminal/visible-text.js";
import { sweepFlags, sweepStart, taskLimitOptions } from "./sweep-command.js";

/** `ag2-eval pairwise <suite> --a <module> --b <module> --comparators <module>`. */
export const pairwiseCommand: Command = {
  name: "pairwise",
  usage:
    "ag2-eval pairwise [suite.jsonl] --a <module>[#export] --b <module>[#export] --comparators <module>[#export]",
  summary:
    "Run two agents over the suite and compare their answers task by task (win rates with 95% CIs).",
  maxPositionals: 1,
  flags: sweepFlags(
    {
      a: { type: "string", valueName: "<module>[#export]", description: "agent A (the baseline)" },
      b: { type: "string", valueName: "<module>[#export]", description: "agent B (the candidate)" },
      "a-name": {
        type: "string",
        valueName: "<name>",
        description: "A's name in reports (default A)",
      },
      "b-name": {
        type: "string",
        valueName: "<name>",
        description: "B's name in reports (default B)",
      },
      comparators: {
        type: "string",
        valueName: "<module>[#export]",
        description: "pairwise comparators, e.g. pairwiseJudge(...)",
      },
    },
    {
      concurrency: "pairs compared at once",
      label: "label the comparison",
      runId: "the comparison's id",
      json: "print the comparison as JSON",
    },
    COMPARATOR_TIMEOUT_FLAG,
  ),
  details: [
    "A comparison the store could not save exits 4 (it is still printed); one that did not",
    "finish (agent or comparator code called process.exit(), or work never settled) exits 5.",
    "Floating rejections and timer throws in agent or comparator code become warnings.",
  ].join("\n"),
  async run(input) {
    const { io } = input;
    const { flags, suitePath, storeDir, limits } = await sweepStart("pairwise", input);
    const comparatorTimeoutMs = callTimeoutPlan(input.values, "comparator-timeout");
    const [specA, specB, specComparators] = [
      flags.string("a"),
      flags.string("b"),
      flags.string("comparators"),
    ];
    if (specA === undefined || specB === undefined || specComparators === undefined) {
      throw new UsageError("ag2-eval pairwise: needs --a, --b and --comparators", {
        hint: "e.g. ag2-eval pairwise suite.jsonl --a ./old.ts --b ./new.ts --comparators ./judges.ts",
      });
    }
    const concurrency = flags.integer("concurrency", { min: 1 });
    const variantA = await loadAgent({ value: specA, baseDir: io.cwd, origin: "--a" });
    const variantB = await loadAgent({ value: specB, baseDir: io.cwd, origin: "--b" });
    const suite = await Suite.fromFile(suitePath);
    await checkAgentForm({ agent: variantA, origin: `--a ${specA}`, task: suite.tasks[0] });
    await checkAgentForm({ agent: variantB, origin: `--b ${specB}`, task: suite.tasks[0] });
    const loaded = await loadExport({
      spec: specComparators,
      baseDir: io.cwd,
      flag: "--comparators",
      fallbacks: ["comparators"],
    });
    const comparators = [
      ...((Symbol.iterator in Object(loaded) ? loaded : [loaded]) as Iterable<PairwiseComparator>),
    ];
    if (comparators.length === 0) {
      throw new UsageError(
        `ag2-eval pairwise: --comparators ${specComparators}: got no comparators, expected at least one`,
        { hint: "export a list of comparators, e.g. [pairwiseJudge(config, { criterion, key })]" },
      );
    }
    const json = flags.boolean("json") ?? false;
    const [nameA, nameB, label, runId] = [
      flags.string("a-name"),
      flags.string("b-name"),
      flags.string("label"),
      flags.string("run-id"),
    ];
    // fixed here, not by core, so a comparison that did not finish can be named
    const id = runId ?? randomUUID().replaceAll("-", "");
    const again = "nothing of the comparison was saved; run it again";
    const running = runInProgress(id, again, "agent or comparator code");
    let result: PairwiseRunResult;
    try {
      result = await withProgress({
        io,
        json,
        work: (stream) =>
          runPairwise(suite, {
            variantA,
            variantB,
            comparators,
            storeDir,
            stream,
            ...(nameA !== undefined && { variantAName: nameA }),
            ...(nameB !== undefined && { variantBName: nameB }),
            ...(label !== undefined && { label }),
            runId: id,
            ...(concurrency !== undefined && { concurrency }),
            ...taskLimitOptions(limits),
            ...(comparatorTimeoutMs !== undefined && { comparatorTimeoutMs }),
            // agent and comparator code's floating rejections become warnings, not a crash
            catchStrayErrors: true,
            ...(io.signal && { signal: io.signal }),
          }),
      });
    } catch (error) {
      if (RunNeverSettledError.isInstance(error)) {
        io.stderr.write(
          `${formatNotFinished({ runId: id, message: error.message, next: again })}\n`,
        );
        return EXIT.unfinished;
      }
      throw error;
    } finally {
      running.end();
    }
    io.stdout.write(
      json
        ? `${visibleJson(result.toJSON())}\n`
        : `${PairwiseRunResult.fromJSON(visibleData(result.toJSON())).summary()}\n`,
    );
    // in --json the warnings are in the document; otherwise they follow the summary, as for run
    if (!json) {
      for (const warning of result.warnings) io.stderr.write(`warning: ${visibleText(warning)}\n`);
    }
    if (result.saveError) {
      const { type, message } = result.saveError;
      io.stderr.write(
        `error: comparison ${visibleText(id)} finished but was NOT saved (${visibleText(type)}: ${visibleText(message)}); fix the store and run it again\n`,
      );
      return EXIT.notSaved;
    }
    return EXIT.ok;
  },
};
