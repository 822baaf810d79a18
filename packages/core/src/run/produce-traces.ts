import type { Agent, AgentFactory, AgentFactoryContext, AskOptions } from "../agent/agent.js";
import { type ModelConfigOption, resolveModelConfig } from "../agent/resolve-model-config.js";
import type { Tracing } from "../agent/tracing.js";
import { InvalidOptionError } from "../errors/invalid-option-error.js";
import { TaskTimeoutError } from "../errors/task-timeout-error.js";
import { TooDeepError } from "../errors/too-deep-error.js";
import {
  lastModelResponse,
  outputsFromResponse,
  outputsFromValue,
} from "../scoring/outputs-from-trace.js";
import type { Outputs } from "../scoring/scorer.js";
import type { Task } from "../suite/task.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import type { Trace } from "../trace/trace.js";
import type { TraceRef } from "../trace/trace-source.js";
import { depthProblem } from "../util/json-depth.js";
import { runLimited } from "../util/run-limited.js";

/** What producing one task gives: the trace, its ref and the outputs scorers will read. */
export interface ProducedTrace {
  readonly task: Task;
  readonly ref: TraceRef;
  readonly trace: Trace;
  /** From the last model response, or from what `ask` returned when there is none. */
  readonly outputs: Outputs;
  /** What the agent (or its factory) threw, as thrown; absent when it answered. */
  readonly error?: unknown;
  /** What the tracing reported about failing observers while this task ran. */
  readonly warnings?: readonly string[];
}

/** How to produce traces; shared by `runAgent`, `runVariants` and `runPairwise`. */
export interface ProduceOptions {
  readonly agent: Agent | AgentFactory;
  readonly tracing: Tracing;
  readonly runId: string;
  /** Run-level span attributes; `ag2.eval.task_id` is added last per task. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly modelConfig?: ModelConfigOption | null | undefined;
  /** Handed to each ask and factory: the fetch model calls should go through. */
  readonly fetch?: typeof fetch | undefined;
  /** Aborting it stops the run: the task's ask sees it, and production rejects. */
  readonly signal?: AbortSignal | undefined;
  /** Per task: abort the task's signal and record a `TaskTimeoutError` when it runs longer. */
  readonly taskTimeoutMs?: number | undefined;
  /** How a `TaskTimeoutError` names the limit (default the option, `taskTimeoutMs`). */
  readonly timeoutLabel?: string | undefined;
}

/** The agent's display name: an instance's `name`, else the factory function's name. */
export function agentName(agent: Agent | AgentFactory): string {
  if (typeof agent === "function") return agent.name || "agent";
  return agent.name;
}

/**
 * What `target` records for an agent: its class name, the factory function's name, or, for an
 * object literal (whose class name "Object" says nothing), the agent's own `name`.
 */
export function agentTarget(agent: Agent | AgentFactory): string {
  if (typeof agent === "function") return agent.name || "anonymous";
  const className = agent.constructor?.name;
  if (className && className !== "Object") return className;
  return typeof agent.name === "string" && agent.name !== "" ? agent.name : "Object";
}

function withTimeout<T>(
  work: Promise<T>,
  task: Task,
  timeout: {
    readonly timeoutMs: number | undefined;
    readonly leftMs: number | undefined;
    readonly label: string | undefined;
  },
  controller: AbortController | null,
): Promise<T> {
  const { timeoutMs } = timeout;
  if (timeoutMs === undefined || !controller) return work;
  // the agent may ignore the signal; its late rejection must not surface as unhandled
  work.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        const error = new TaskTimeoutError(task.taskId, timeoutMs, timeout.label);
        controller.abort(error);
        reject(error);
      },
      Math.max(0, timeout.leftMs ?? timeoutMs),
    );
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/**
 * Why a factory's product cannot be asked. A function of the input is the likely cause: it
 * was called with the factory's context and returned its answer.
 */
function notAnAgentMessage(product: unknown): string {
  const got =
    product === null || product === undefined
      ? String(product)
      : Array.isArray(product)
        ? "an array"
        : typeof product === "object"
          ? "an object without ask()"
          : `a ${typeof product}`;
  return `the agent factory returned ${got}, not an Agent (an object with ask()); a function of the input, (input) => answer, is not a factory: pass { name, ask: yourFunction } as the agent`;
}

async function askFromFactory(
  factory: AgentFactory,
  context: AgentFactoryContext,
  input: string,
  askOptions: AskOptions,
): Promise<unknown> {
  const instance: unknown = await factory(context);
  if (typeof (instance as Partial<Agent> | null)?.ask !== "function") {
    throw new InvalidOptionError("agent", notAnAgentMessage(instance));
  }
  return (instance as Agent).ask(input, askOptions);
}

/**
 * Runs the agent on one task under tracing and returns its trace. Whatever the agent (or its
 * factory) throws is recorded on the trace with its error type; only cancellation of
 * `options.signal` rejects. `leftMs` (default `options.taskTimeoutMs`) is what remains of the
 * task's time when earlier attempts used some; a timeout still names the whole `taskTimeoutMs`.
 *
 * @example
 * ```ts
 * const produced = await produceTask(task, { agent, tracing: eventTracing(), runId, attributes: {} });
 * ```
 */
export async function produceTask(
  task: Task,
  options: ProduceOptions,
  leftMs?: number,
): Promise<ProducedTrace> {
  const { agent, signal } = options;
  signal?.throwIfAborted();
  const config = resolveModelConfig(options.modelConfig, task);
  const attributes = { ...options.attributes, "ag2.eval.task_id": task.taskId };
  const tracing = options.tracing.startTask({
    runId: options.runId,
    task,
    agentName: agentName(agent),
    attributes,
  });
  // a per-task signal only when something can abort it (it costs more than a trivial ask)
  const controller = signal || options.taskTimeoutMs !== undefined ? new AbortController() : null;
  const stopTask = (): void => controller?.abort(signal?.reason);
  signal?.addEventListener("abort", stopTask, { once: true });
  const started = performance.now();
  let error: unknown = null;
  let failed = false;
  let returned: unknown;
  try {
    const askOptions = {
      middleware: tracing.middleware,
      config,
      signal: controller?.signal,
      tracer: tracing.tracer,
      task,
      fetch: options.fetch,
    };
    const input = task.inputs.input as string;
    // An instance is asked directly: an async wrapper would cost two more promises per task,
    // each run through the AsyncLocalStorage hooks tracing enables. A synchronous throw from
    // `ask` lands in the catch below, as a rejection would.
    const work =
      typeof agent === "function"
        ? askFromFactory(
            agent,
            { config, task, tracer: tracing.tracer, fetch: options.fetch },
            input,
            askOptions,
          )
        : agent.ask(input, askOptions);
    returned =
      options.taskTimeoutMs === undefined
        ? await work
        : await withTimeout(
            Promise.resolve(work),
            task,
            { timeoutMs: options.taskTimeoutMs, leftMs, label: options.timeoutLabel },
            controller,
          );
    // scorers, printing and the run writer all recurse into the answer
    const tooDeep = depthProblem(returned, { path: "answer" });
    if (tooDeep) throw new TooDeepError(`the agent's answer to task '${task.taskId}'`, tooDeep);
  } catch (caught) {
    failed = true;
    error = caught;
    returned = undefined;
  } finally {
    signal?.removeEventListener("abort", stopTask);
  }
  const durationMs = Math.trunc(performance.now() - started);
  const traced = await tracing.finish({ durationMs, error: failed ? toErrorInfo(error) : null });
  signal?.throwIfAborted();
  const { trace } = traced;
  const last = lastModelResponse(trace);
  const outputs = last ? outputsFromResponse(last) : outputsFromValue(returned);
  const ref = { traceId: traced.traceId, taskId: task.taskId };
  const produced: ProducedTrace = failed
    ? { task, ref, trace, outputs, error }
    : { task, ref, trace, outputs };
  return traced.warnings?.length ? { ...produced, warnings: traced.warnings } : produced;
}

/**
 * Produces every task with at most `concurrency` asks in flight; results keep task order.
 * `runAgent` grades each task as soon as it is produced; `runPairwise` produces both sides
 * with this and compares afterwards.
 *
 * @example
 * ```ts
 * const produced = await produceTraces(suite.tasks, { agent, tracing, runId, attributes: {}, concurrency: 4 });
 * ```
 */
export function produceTraces(
  tasks: readonly Task[],
  options: ProduceOptions & { readonly concurrency: number },
): Promise<ProducedTrace[]> {
  return runLimited(tasks, options, (task) => produceTask(task, options));
}
