import { randomUUID } from "node:crypto";
import {
  type AgentFactory,
  runVariants,
  Suite,
  type VariantAgents,
  type Variants,
} from "@ag2/eval";
import type { Command } from "../args/command.js";
import { UsageError } from "../args/usage-error.js";
import { checkAgentForm } from "../config/check-agent-form.js";
import { loadExport } from "../config/load-module.js";
import { scorersFrom } from "../config/suite-and-scorers.js";
import { printSweepProblems } from "../output/print-sweep-problems.js";
import { withProgress } from "../output/progress-stream.js";
import { SCORER_TIMEOUT_FLAG } from "../run/run-flags.js";
import { trackRunsInProgress } from "../run/run-in-progress.js";
import { scorerTimeoutPlan } from "../run/run-plan.js";
import { visibleJson } from "../terminal/visible-text.js";
import { sweepFlags, sweepStart, taskLimitOptions } from "./sweep-command.js";

/** `ag2-eval variants <suite> --variants <module>[#export]`: one run per variant, ranked. */
export const variantsCommand: Command = {
  name: "variants",
  usage:
    "ag2-eval variants [suite.jsonl] --variants <module>[#export] [--scorers <module>] [--key <key>]",
  summary:
    "Run the suite once per variant (a Variants, or a record of name → agent) and rank them.",
  maxPositionals: 1,
  flags: sweepFlags(
    {
      variants: {
        type: "string",
        valueName: "<module>[#export]",
        description: "a Variants or { name: agent | factory } (default export, or named)",
      },
      scorers: {
        type: "string",
        valueName: "<module>[#export]",
        description: "the scorers (default: the config's)",
      },
      key: {
        type: "string",
        valueName: "<key>",
        description: "rank by this key only (default: every key)",
      },
      repeats: {
        type: "string",
        valueName: "<n>",
        description: "run every task n times per variant",
      },
    },
    {
      concurrency: "tasks in flight at once per variant",
      label: "label every variant's run",
      runId: "the sweep's id (variant runs get a suffix)",
      json: "print the sweep's manifest and leaderboards as JSON",
    },
    {
      ...SCORER_TIMEOUT_FLAG,
      overwrite: {
        type: "boolean",
        description: "replace the variant runs already saved under this --run-id",
      },
    },
  ),
  details: [
    "A variant run the store could not save exits 4 (its journal is kept); one that did not",
    "finish (agent code called process.exit(), or tasks never settled) exits 5. Either way the",
    "line names the variant's run, which ag2-eval run --resume <run-id> continues with that",
    "variant's agent. A variant that failed otherwise (its run locked by another writer, say)",
    "is named on stderr and exits 1. Floating rejections and timer throws in agent code become",
    "warnings.",
  ].join("\n"),
  async run(input) {
    const { io } = input;
    const { flags, settings, suitePath, storeDir, limits } = await sweepStart("variants", input);
    const scorerTimeoutMs = scorerTimeoutPlan(input.values);
    const spec = flags.string("variants");
    if (spec === undefined) {
      throw new UsageError("ag2-eval variants: missing --variants <module>[#export]", {
        hint: "export new Variants({ fast: agentA, careful: agentB }) or a plain record of agents",
      });
    }
    const repeats = flags.integer("repeats", { min: 1 });
    const concurrency = flags.integer("concurrency", { min: 1 });
    const variants = (await loadExport({
      spec,
      baseDir: io.cwd,
      flag: "--variants",
      fallbacks: ["variants"],
    })) as Variants | VariantAgents;
    const suite = await Suite.fromFile(suitePath);
    // a Variants, a Map or a record of name → agent, as runVariants takes them
    const named: readonly (readonly [string, unknown])[] = [
      ...(Symbol.iterator in Object(variants)
        ? (variants as Iterable<readonly [string, unknown]>)
        : Object.entries(variants ?? {})),
    ];
    if (named.length === 0) {
      throw new UsageError(
        `ag2-eval variants: --variants ${spec}: got no variants, expected at least one`,
        {
          hint: "export new Variants({ fast: agentA, careful: agentB }) or a plain record of agents",
        },
      );
    }
    for (const [name, agent] of named) {
      const origin = `--variants ${spec}: variant '${name}'`;
      await checkAgentForm({ agent: agent as AgentFactory, origin, task: suite.tasks[0] });
    }
    const scorers = await scorersFrom({ given: flags.string("scorers"), settings, cwd: io.cwd });
    const json = flags.boolean("json") ?? false;
    const label = flags.string("label") ?? settings.config.label;
    // fixed here, not by core, so a variant run that did not finish can be named
    const runId = flags.string("run-id") ?? randomUUID().replaceAll("-", "");
    const overwrite = flags.boolean("overwrite") ?? false;
    const scorersSpec = flags.string("scorers");
    // a variant run has no invocation in its journal: `run --resume` needs its pieces again
    const resume = (variantRunId: string, name: string | null): string =>
      [
        `ag2-eval run ${suitePath} --agent <the agent of variant '${name ?? "?"}'>`,
        ...(scorersSpec !== undefined ? [`--scorers ${scorersSpec}`] : []),
        ...(label !== undefined ? [`--label ${label}`] : []),
        ...(name !== null ? [`--variant ${name}`] : []),
        `--resume ${variantRunId}`,
      ].join(" ");
    const { sweep, runIds } = await withProgress({
      io,
      json,
      work: async (stream) => {
        const tracked = trackRunsInProgress(stream, resume);
        const swept = runVariants(suite, {
          variants,
          scorers,
          storeDir,
          stream,
          ...(repeats !== undefined && { repeats }),
          ...(concurrency !== undefined && { concurrency }),
          ...(label !== undefined && { label }),
          runId,
          ...(overwrite && { overwrite: true }),
          ...taskLimitOptions(limits),
          ...(scorerTimeoutMs !== undefined && { scorerTimeoutMs }),
          // agent code's floating rejections and timer throws become warnings, not a crash
          catchStrayErrors: true,
          ...(io.signal && { signal: io.signal }),
        });
        try {
          return { sweep: await swept, runIds: tracked.runIds };
        } finally {
          tracked.stop();
        }
      },
    });
    const key = flags.string("key");
    const found = [
      ...new Set(
        [...sweep.results.values()].flatMap((run) => [
          ...Object.keys(run.aggregates.passRate),
          ...Object.keys(run.aggregates.scoreStats),
        ]),
      ),
    ].sort();
    if (key !== undefined && !found.includes(key) && sweep.results.size > 0) {
      // ranking by a key no run has would list every variant tied at 0
      throw new UsageError(
        `ag2-eval variants: --key: got "${key}", expected a key the variants' runs have: ${found.join(", ") || "(none)"}`,
        { hint: `the sweep is saved as ${sweep.runId}: ag2-eval report ${sweep.runId} shows it` },
      );
    }
    const keys = key !== undefined ? [key] : found;
    if (json) {
      const leaderboards = Object.fromEntries(keys.map((name) => [name, sweep.leaderboard(name)]));
      io.stdout.write(`${visibleJson({ manifest: sweep.manifest, leaderboards })}\n`);
    } else {
      const text = keys.map((name) => sweep.summary(name, { readable: true })).join("\n\n");
      io.stdout.write(`${text}\n`);
    }
    return printSweepProblems({ sweep, io, runIds, resume });
  },
};
