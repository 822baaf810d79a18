import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { DEFAULT_PRICES, runAgent, Suite } from "@ag2/eval";
import { RunNeverSettledError } from "@ag2/eval/cli";
import type { Command } from "../args/command.js";
import { UsageError } from "../args/usage-error.js";
import { agentSettingName, checkAgentForm } from "../config/check-agent-form.js";
import { DEFAULT_STORE_DIR, loadSettings, openStore, savedLocation } from "../config/settings.js";
import { TASK_LIMIT_LABELS } from "../config/task-limit-flags.js";
import { evaluateGates, type GateOutcome } from "../gates/evaluate-gates.js";
import {
  formatNotFinished,
  formatNotSaved,
  formatStopReason,
} from "../output/format-stop-reason.js";
import { printRunOutcome } from "../output/print-run-outcome.js";
import { progressStream } from "../output/progress-stream.js";
import { modelCacheReport, openModelCache } from "../run/model-cache-plan.js";
import { otlpSpanProcessor } from "../run/otlp-span-processor.js";
import { priceTableCost } from "../run/price-table-cost.js";
import { RUN_FLAGS } from "../run/run-flags.js";
import { runInProgress } from "../run/run-in-progress.js";
import { resumedArgs, runInvocation } from "../run/run-invocation.js";
import { type RunPlan, runPlan } from "../run/run-plan.js";
import { prepareTraceDir, traceSaver } from "../run/trace-saver.js";
import { EXIT } from "../terminal/cli-io.js";
import { visibleText } from "../terminal/visible-text.js";

/** `ag2-eval run <suite.jsonl>`: run, grade, save, then check the gates. */
export const runCommand: Command = {
  name: "run",
  usage:
    "ag2-eval run [suite.jsonl] --agent <module>[#export] [--scorers <module>[#export]] [flags]",
  summary: "Run an agent over a suite, grade every task, save the run and check the gates.",
  maxPositionals: 1,
  flags: RUN_FLAGS,
  details: [
    "Examples:",
    "  ag2-eval run suite.jsonl --agent ./agent.ts#myAgent --scorers ./scorers.ts",
    "  ag2-eval run --label nightly --min-pass-rate correct=0.9 --fail-on-regression",
    "  ag2-eval run suite.jsonl --retries 3 --max-tokens 200000 --max-duration 30m",
    "",
    "A run stopped by --max-tokens, --max-cost-usd or --max-duration is saved with the tasks",
    "it graded and exits 3; --resume <run-id> with a higher budget completes it.",
    "--resume <run-id> alone takes the suite, modules, label and flags the run started with",
    "from its journal; flags given again override them (--store and --config are not recorded).",
    "",
    "--cache read-write answers a repeated model call (same request, same repeat) out of",
    "<store>/cache instead of the model; --cache replay calls no model at all (a call with no",
    "stored answer fails its task). The summary reports hits, misses and what they saved.",
    "A --run-id the store already holds (saved, or unfinished with its journal) is refused",
    "(exit 2) unless --overwrite replaces it or --resume continues it. One process writes a",
    "run at a time: a second one given the same id exits 2 naming the holder (pid, host).",
    "A run the store could not save exits 4 (no gate checked); one that did not finish (agent",
    "code called process.exit(), or tasks never settled) exits 5. Both keep the journal: --resume.",
    "",
    "--watch runs again whenever the suite, agent, scorers or a file they import changes",
    "(the same as ag2-eval watch; see ag2-eval watch --help).",
  ].join("\n"),
  async run({ values, positionals, io }) {
    const settings = await loadSettings({ values, io });
    const store = await openStore(settings);
    // --resume <id> alone: the suite, modules and flags come from the run's journal
    const args = await resumedArgs({ values, positionals, settings, store, cwd: io.cwd });
    const plan = await runPlan({ ...args, settings, cwd: io.cwd });
    if (plan.saveTraces) await prepareTraceDir(plan.saveTraces);
    const { stream, progress } = progressStream({ io, json: plan.json });
    const onWarning = (message: string) => io.stderr.write(`warning: ${visibleText(message)}\n`);
    const otlp = plan.otlpEndpoint
      ? await otlpSpanProcessor(plan.otlpEndpoint, { onWarning })
      : null;
    const saver = plan.saveTraces ? traceSaver(plan.saveTraces) : null;
    const spanProcessors = [...(otlp ? [otlp] : []), ...(saver ? [saver.processor] : [])];
    // The id is fixed here, not by core, so an interrupted run can be named for --resume.
    const runId = plan.resume ?? plan.runId ?? randomUUID().replaceAll("-", "");
    const prices = { ...DEFAULT_PRICES, ...settings.config.prices };
    const pricing = plan.runBudget?.maxCostUsd !== undefined ? priceTableCost({ prices }) : null;
    // a database store has no folder: the model cache stays in the project's default one
    const cacheBase = settings.storeDir ?? resolve(io.cwd, DEFAULT_STORE_DIR);
    const modelCache = openModelCache({ mode: plan.cache, storeDir: cacheBase });
    let result: Awaited<ReturnType<typeof runAgent>>;
    const running = runInProgress(runId);
    try {
      const suite = await Suite.fromFile(plan.suitePath, {
        ...(plan.suiteMapping && { mapping: plan.suiteMapping }),
      });
      if (suite.tasks.length === 0) {
        // an empty or truncated file would save a run of nothing that a gate-less CI job passes
        throw new UsageError(
          `${plan.suitePath}: got a suite without tasks, expected at least one`,
          {
            hint: "a suite holds one task per line (.jsonl), per row (.csv) or per array item (.json)",
          },
        );
      }
      await checkAgentForm({
        agent: plan.agent,
        origin: agentSettingName(args.values, settings),
        task: suite.tasks[0],
        modelConfig: plan.modelConfig,
        fetch: modelCache?.fetch,
      });
      result = await runAgent(suite, {
        agent: plan.agent,
        scorers: plan.scorers,
        store,
        stream,
        ...(plan.repeats !== undefined && { repeats: plan.repeats }),
        ...(plan.concurrency !== undefined && { concurrency: plan.concurrency }),
        ...(plan.label !== undefined && { label: plan.label }),
        ...(plan.variant !== undefined && { variant: plan.variant }),
        ...(plan.resume === undefined && { runId }),
        ...(plan.budgets !== undefined && { budgets: plan.budgets }),
        ...(plan.taskTimeoutMs !== undefined && { taskTimeoutMs: plan.taskTimeoutMs }),
        ...(plan.scorerTimeoutMs !== undefined && { scorerTimeoutMs: plan.scorerTimeoutMs }),
        // agent code's floating rejections and timer throws become warnings, not a crash
        catchStrayErrors: true,
        ...(plan.resume !== undefined && { resume: plan.resume }),
        // read once: resumedArgs took the invocation from it, the run takes the graded tasks
        ...(plan.resume !== undefined &&
          args.journal !== undefined && { resumeJournal: args.journal }),
        ...(plan.allowAgentChange && { allowAgentChange: true }),
        ...(plan.overwrite && { overwrite: true }),
        ...(plan.shard && { shard: plan.shard }),
        ...(plan.retries !== undefined && { retries: plan.retries }),
        optionLabels: TASK_LIMIT_LABELS,
        invocation: {
          ...runInvocation({ ...args, suitePath: plan.suitePath, settings, cwd: io.cwd }),
        },
        ...(plan.runBudget !== undefined && {
          runBudget: { ...plan.runBudget, ...(pricing && { costOf: pricing.costOf }) },
        }),
        ...(plan.modelConfig !== undefined && { modelConfig: plan.modelConfig }),
        ...(modelCache && {
          fetch: modelCache.fetch,
          runFileFields: () => ({ model_cache: modelCacheReport(modelCache, prices) }),
        }),
        ...(spanProcessors.length > 0 && { spanProcessors }),
        ...(io.signal && { signal: io.signal }),
      });
    } catch (error) {
      progress.stop();
      if (RunNeverSettledError.isInstance(error)) {
        io.stderr.write(`${formatNotFinished({ runId, message: error.message })}\n`);
        return EXIT.unfinished;
      }
      if (io.signal?.aborted) {
        io.stderr.write(`finished tasks are kept; continue this run with --resume ${runId}\n`);
      }
      throw error;
    } finally {
      running.end();
      progress.stop();
      await otlp?.shutdown();
    }
    if (saver) {
      const saved = await saver.save();
      if (saved === 0) {
        io.stderr.write(
          "note: --save-traces: the agent emitted no spans (it calls no middleware hook), nothing saved\n",
        );
      } else if (!plan.json) io.stderr.write(`saved ${saved} trace(s) to ${plan.saveTraces}\n`);
    }
    // said after the run, so that a usage error (a missing suite) stays a one-line message
    if (plan.scorers.length === 0) {
      io.stderr.write(
        "warning: no scorers (--scorers, or scorers in the config): the tasks ran and were saved, but nothing was graded\n",
      );
    }
    for (const model of pricing?.unpriced ?? []) {
      io.stderr.write(
        `warning: no price for model '${model}' in the price table; its tokens counted as $0 toward --max-cost-usd (add it to prices in ag2-eval.config.ts)\n`,
      );
    }
    const { stopReason, saveError } = result;
    // An incomplete run would pass or fail gates on the tasks that happened to finish; an
    // unsaved one would pass a gate CI then cannot find the run of.
    const gates: GateOutcome =
      stopReason || saveError
        ? {
            failures: [],
            baselineRunId: null,
            notes: gateNotes(
              plan.gates,
              saveError ? "was not saved" : "stopped on its budget before every task ran",
            ),
            checked: 0,
          }
        : await evaluateGates({ result, store, gates: plan.gates });
    const code = printRunOutcome({
      result,
      gates,
      io,
      json: plan.json,
      savedTo: savedLocation(store, result.runId),
      modelCache: modelCache && modelCacheReport(modelCache, prices),
    });
    if (saveError) {
      io.stderr.write(`${formatNotSaved({ runId: result.runId, saveError })}\n`);
      return EXIT.notSaved;
    }
    if (!stopReason) return code;
    io.stderr.write(`${formatStopReason({ reason: stopReason, runId: result.runId })}\n`);
    return EXIT.budgetStopped;
  },
};

function gateNotes(gates: RunPlan["gates"], why: string): string[] {
  const asked =
    Object.keys(gates.minPassRate).length > 0 ||
    gates.failOnRegression ||
    gates.failOnSignificantRegression;
  return asked ? [`gates not checked: the run ${why}`] : [];
}
