import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Trace, TraceRef, TraceSource } from "@ag2/eval-core";
import type { SpanConvention } from "../conventions/span-convention.js";
import { spansToTrace } from "../convert/spans-to-trace.js";
import { parseWithExactTimes, spanFromDict } from "../spans/span-data-json.js";
import { taskRunMetadata } from "./task-run-metadata.js";
import { TraceFileError } from "./trace-file-error.js";
import { traceFileName } from "./trace-file-name.js";

type Doc = Record<string, unknown>;

async function readDoc(path: string): Promise<Doc> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new TraceFileError(
      path,
      null,
      `cannot read the trace file (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
  let doc: unknown;
  try {
    doc = parseWithExactTimes(text);
  } catch (error) {
    throw new TraceFileError(
      path,
      null,
      `got invalid JSON (${(error as Error).message}), expected a trace object`,
      {
        cause: error,
      },
    );
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new TraceFileError(
      path,
      null,
      `got ${Array.isArray(doc) ? "an array" : typeof doc}, expected a trace object`,
    );
  }
  return doc as Doc;
}

/** The `attributes` of each span dict in a trace file, skipping anything malformed. */
function* spanAttributes(spans: unknown): Iterable<Record<string, never> | null> {
  if (!Array.isArray(spans)) return;
  for (const span of spans) {
    const attributes = (span as { attributes?: unknown } | null)?.attributes;
    yield typeof attributes === "object" ? (attributes as Record<string, never> | null) : null;
  }
}

/**
 * Reads traces written by {@link saveTrace}: one `<trace id>.json` per trace. `list` yields a
 * ref per file in file-name order (`trace_id`, `task_id` and `metadata` from the file, plus
 * the repeat and attempt its spans' `ag2.eval.*` attributes name);
 * `load` rebuilds the trace with the given conventions, its duration from the root span.
 *
 * @example
 * ```ts
 * const result = await evaluateTraces(new DirectoryTraceSource("traces"), { scorers, suite });
 * ```
 */
export class DirectoryTraceSource implements TraceSource {
  readonly path: string;
  readonly #conventions: readonly SpanConvention[] | undefined;
  /** Files whose `trace_id` differs from their name, learned by `list`. */
  readonly #files = new Map<string, string>();

  constructor(path: string, options: { conventions?: readonly SpanConvention[] | undefined } = {}) {
    this.path = path;
    this.#conventions = options.conventions;
  }

  async *list(): AsyncIterable<TraceRef> {
    const names = (await readdir(this.path)).filter((name) => name.endsWith(".json")).sort();
    for (const name of names) {
      const file = join(this.path, name);
      const doc = await readDoc(file);
      const traceId = typeof doc.trace_id === "string" ? doc.trace_id : basename(name, ".json");
      this.#files.set(traceId, file);
      const metadata =
        typeof doc.metadata === "object" && doc.metadata !== null ? doc.metadata : {};
      // the spans name the repeat and attempt; the file's own metadata wins over them
      yield {
        traceId,
        taskId: typeof doc.task_id === "string" ? doc.task_id : null,
        metadata: { ...taskRunMetadata(spanAttributes(doc.spans)), ...(metadata as Doc) },
      };
    }
  }

  async load(ref: TraceRef): Promise<Trace> {
    const file = this.#files.get(ref.traceId) ?? join(this.path, traceFileName(ref.traceId));
    const doc = await readDoc(file);
    if (!Array.isArray(doc.spans)) {
      throw new TraceFileError(
        file,
        null,
        `field "spans": got ${typeof doc.spans}, expected an array`,
      );
    }
    return spansToTrace(doc.spans.map(spanFromDict), { conventions: this.#conventions });
  }
}
