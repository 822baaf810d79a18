import { type PairwiseComparator, PairwiseRunResult, runPairwise, Suite } from "@ag2/eval";
import type { Command } from "../args/command.js";
import { UsageError } from "../args/usage-error.js";
import { checkAgentForm } from "../config/check-agent-form.js";
import { loadExport } from "../config/load-module.js";
import { loadAgent } from "../config/load-targets.js";
import { withProgress } from "../output/progress-stream.js";
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
  ),
  async run(input) {
    const { io } = input;
    const { flags, suitePath, storeDir, limits } = await sweepStart("pairwise", input);
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
    const result = await withProgress({
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
          ...(runId !== undefined && { runId }),
          ...(concurrency !== undefined && { concurrency }),
          ...taskLimitOptions(limits),
          ...(io.signal && { signal: io.signal }),
        }),
    });
    io.stdout.write(
      json
        ? `${visibleJson(result.toJSON())}\n`
        : `${PairwiseRunResult.fromJSON(visibleData(result.toJSON())).summary()}\n`,
    );
    // in --json the warnings are in the document; otherwise they follow the summary, as for run
    if (!json) {
      for (const warning of result.warnings) io.stderr.write(`warning: ${visibleText(warning)}\n`);
    }
    return 0;
  },
};
