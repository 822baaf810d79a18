import { type PairwiseComparator, runPairwise } from "@ag2/eval";
import { COMMON_FLAGS, type Command, STORE_FLAG } from "../command.js";
import { requireSuitePath, withProgress } from "../command-inputs.js";
import { flagReader } from "../flag-values.js";
import { loadExport } from "../load-module.js";
import { loadAgent } from "../load-targets.js";
import { loadSettings } from "../settings.js";
import { UsageError } from "../usage-error.js";

/** `ag2-eval pairwise <suite> --a <module> --b <module> --comparators <module>`. */
export const pairwiseCommand: Command = {
  name: "pairwise",
  usage:
    "ag2-eval pairwise [suite.jsonl] --a <module>[#export] --b <module>[#export] --comparators <module>[#export]",
  summary:
    "Run two agents over the suite and compare their answers task by task (win rates with 95% CIs).",
  maxPositionals: 1,
  flags: {
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
    concurrency: { type: "string", valueName: "<n>", description: "pairs compared at once" },
    label: { type: "string", valueName: "<label>", description: "label the comparison" },
    "run-id": { type: "string", valueName: "<id>", description: "the comparison's id" },
    json: { type: "boolean", description: "print the comparison as JSON" },
    ...STORE_FLAG,
    ...COMMON_FLAGS,
  },
  async run({ values, positionals, io }) {
    const flags = flagReader(values);
    const settings = await loadSettings({ values, io });
    const suitePath = requireSuitePath({
      command: "pairwise",
      given: positionals[0],
      settings,
      cwd: io.cwd,
    });
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
    const loaded = await loadExport({
      spec: specComparators,
      baseDir: io.cwd,
      flag: "--comparators",
      fallbacks: ["comparators"],
    });
    const comparators = (
      Symbol.iterator in Object(loaded) ? loaded : [loaded]
    ) as Iterable<PairwiseComparator>;
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
        runPairwise(suitePath, {
          variantA,
          variantB,
          comparators,
          storeDir: settings.storeDir,
          stream,
          ...(nameA !== undefined && { variantAName: nameA }),
          ...(nameB !== undefined && { variantBName: nameB }),
          ...(label !== undefined && { label }),
          ...(runId !== undefined && { runId }),
          ...(concurrency !== undefined && { concurrency }),
          ...(io.signal && { signal: io.signal }),
        }),
    });
    io.stdout.write(
      json ? `${JSON.stringify(result.toJSON(), null, 2)}\n` : `${result.summary()}\n`,
    );
    // in --json the warnings are in the document; otherwise they follow the summary, as for run
    if (!json) for (const warning of result.warnings) io.stderr.write(`warning: ${warning}\n`);
    return 0;
  },
};
