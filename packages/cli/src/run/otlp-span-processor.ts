import { connect } from "node:net";
import type { ReadableSpan, SpanExporter, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { UsageError } from "../args/usage-error.js";
import { abandonBackgroundWork } from "./background-work.js";

const TASK_ID = "ag2.eval.task_id";
/** The W3C trace flag of a sampled span: only those reach the batch processor's exporter. */
const SAMPLED = 1;
/**
 * How long `shutdown()` still waits for the last spans once the endpoint has failed. The
 * exporter retries a refused connection with backoff for up to 10 s per export; a collector
 * that is down will not take them in that time, and the run would wait for nothing.
 */
export const DEAD_ENDPOINT_GRACE_MS = 1000;

/** What `--otlp-endpoint` could not deliver: counted here, said once at the end. */
interface ExportFailures {
  exports: number;
  spans: number;
  readonly tasks: Set<string>;
  lastError: string;
}

/**
 * `--otlp-endpoint`: an OTLP/HTTP exporter in a batch processor, added to the run's span
 * processors. Tracing shares it between tasks and never shuts it down, so the caller calls
 * `shutdown()` once at the end, which sends the last batch. A bare `http://host:4318` gets
 * the standard `/v1/traces` path. The exporter is imported only here: its modules take 25–30 ms
 * to load, which a run without `--otlp-endpoint` should not pay.
 *
 * A collector that is down fails every export, and tracing would warn once per flush (one per
 * task). Failed exports are counted here instead and reported to the batch processor as done;
 * `shutdown()` then hands `onWarning` one line with the count of tasks whose spans were lost.
 * Once the endpoint has failed (an export failed, or at shutdown, with spans still to send, a
 * connection to its host and port is refused), `shutdown()` waits at most
 * {@link DEAD_ENDPOINT_GRACE_MS} more, counts what was still unsent as lost, and lets the
 * process exit without the exporter's remaining retries.
 *
 * @example
 * ```ts
 * const otlp = await otlpSpanProcessor("http://127.0.0.1:4318", { onWarning: console.warn });
 * await runAgent(suite, { ...options, spanProcessors: [otlp] });
 * await otlp.shutdown();
 * ```
 */
export async function otlpSpanProcessor(
  endpoint: string,
  options: { onWarning: (message: string) => void },
): Promise<SpanProcessor> {
  checkEndpoint(endpoint);
  const [{ OTLPTraceExporter }, { BatchSpanProcessor }] = await Promise.all([
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/sdk-trace-base"),
  ]);
  const url = /\/v1\/traces\/?$/.test(endpoint)
    ? endpoint
    : `${endpoint.replace(/\/$/, "")}/v1/traces`;
  const failures: ExportFailures = { exports: 0, spans: 0, tasks: new Set(), lastError: "" };
  // sampled spans handed to the batch and not yet answered for: what a give-up loses
  const unsent = new Set<ReadableSpan>();
  let inFlight = 0;
  let markDown: () => void = () => undefined;
  const down = new Promise<void>((resolve) => {
    markDown = resolve;
  });
  const exporter = new OTLPTraceExporter({ url });
  const counting: SpanExporter = {
    export(spans, done) {
      inFlight++;
      exporter.export(spans, (result) => {
        inFlight--;
        for (const span of spans) unsent.delete(span);
        if (result.code !== 0) {
          record(failures, spans, result.error);
          markDown();
        }
        done({ code: 0 });
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush(),
  };
  const batch = new BatchSpanProcessor(counting);
  return {
    onStart: (span, context) => batch.onStart(span, context),
    onEnd(span) {
      if ((span.spanContext().traceFlags & SAMPLED) !== 0) unsent.add(span);
      batch.onEnd(span);
    },
    forceFlush: () => batch.forceFlush(),
    async shutdown() {
      // spans still to send: is anyone there? (a refused connection is otherwise known only
      // once the exporter has retried it for its whole timeout)
      if (unsent.size > 0) {
        void endpointRefuses(url, DEAD_ENDPOINT_GRACE_MS).then((error) => {
          if (!error) return;
          failures.lastError ||= error.message;
          markDown();
        });
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const gaveUp = down.then(() =>
        // a failure seen after the flush ended must not leave a timer holding the process
        settled
          ? false
          : new Promise<false>((resolve) => {
              timer = setTimeout(() => resolve(false), DEAD_ENDPOINT_GRACE_MS);
            }),
      );
      const flushed = await Promise.race([batch.shutdown().then(() => true), gaveUp]);
      settled = true;
      clearTimeout(timer);
      if (!flushed) {
        failures.exports += inFlight;
        record(failures, [...unsent], undefined, { countExport: false });
        abandonBackgroundWork();
      }
      if (failures.exports > 0 || failures.spans > 0) options.onWarning(describe(url, failures));
    },
  };
}

/**
 * Whether nothing answers at the endpoint's host and port: the error of a TCP connection
 * refused, reset or not resolved, else null (connected, or no answer within `timeoutMs`,
 * which the exporter's own timeout covers). Only TCP: the exporter's agent, with whatever TLS
 * settings its environment gives it, stays the exporter's own.
 */
function endpointRefuses(url: string, timeoutMs: number): Promise<Error | null> {
  const { hostname, port, protocol } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({
      host: hostname.replace(/^\[|\]$/g, ""),
      port: Number(port || (protocol === "https:" ? 443 : 80)),
    });
    const settle = (error: Error | null) => {
      socket.destroy();
      resolve(error);
    };
    socket.setTimeout(timeoutMs, () => settle(null));
    socket.once("connect", () => settle(null));
    socket.once("error", settle);
  });
}

function record(
  failures: ExportFailures,
  spans: readonly ReadableSpan[],
  error?: Error,
  options: { countExport: boolean } = { countExport: true },
): void {
  if (options.countExport) failures.exports++;
  failures.spans += spans.length;
  for (const span of spans) {
    const task = span.attributes[TASK_ID];
    if (typeof task === "string") failures.tasks.add(task);
  }
  if (error || !failures.lastError) failures.lastError = error?.message ?? "unknown error";
}

function describe(url: string, failures: ExportFailures): string {
  const tasks = failures.tasks.size;
  const whose = tasks > 0 ? `the spans of ${tasks} task(s)` : `${failures.spans} span(s)`;
  return `--otlp-endpoint ${url}: ${whose} were not exported (${failures.exports} failed export(s), last: ${failures.lastError})`;
}

/** The exporter's own complaint about a bad URL is a stack trace naming no flag. */
function checkEndpoint(endpoint: string): void {
  const protocol = URL.canParse(endpoint) ? new URL(endpoint).protocol : null;
  if (protocol === "http:" || protocol === "https:") return;
  throw new UsageError(
    `--otlp-endpoint: got "${endpoint}", expected the http:// or https:// URL of an OTLP/HTTP collector`,
    { hint: "e.g. --otlp-endpoint http://localhost:4318 (/v1/traces is added)" },
  );
}
