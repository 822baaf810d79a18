import type { EvalEvent } from "./lifecycle-events.js";

/**
 * A stream subscriber that prints one line per lifecycle event with `console.log`, in the
 * reference's text format. `EvalCompleted` prints nothing (print `result.summary()` yourself).
 *
 * @example
 * ```ts
 * const stream = createStream();
 * stream.subscribe(consoleReporter);
 * ```
 */
export function consoleReporter(event: EvalEvent): void {
  const line = reportLine(event);
  if (line !== null) console.log(line);
}

/**
 * A {@link consoleReporter} that writes its lines somewhere else (a log file, a test array).
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * stream.subscribe(createConsoleReporter({ write: (line) => lines.push(line) }));
 * ```
 */
export function createConsoleReporter(options: {
  write: (line: string) => void;
}): (event: EvalEvent) => void {
  return (event) => {
    const line = reportLine(event);
    if (line !== null) options.write(line);
  };
}

function reportLine(event: EvalEvent): string | null {
  const tag = event.label ? `[${event.label}] ` : "";
  switch (event.type) {
    case "EvalStarted":
      return `${tag}running ${event.total} task-run(s) over '${event.suite}'...`;
    case "VariantStarted":
      return `  → variant ${event.variant} (${event.index}/${event.total})`;
    case "TaskEvaluated": {
      const passed = event.feedback.filter((feedback) => feedback.score === true).length;
      const variant = event.variant ? `[${event.variant}] ` : "";
      return `    ${variant}${event.taskId}: ${passed}/${event.feedback.length} passed`;
    }
    case "VariantCompleted":
      return `  ✓ variant ${event.variant} done`;
    case "PairwiseStarted":
      return `${tag}comparing '${event.variantB}' (B) vs '${event.variantA}' (A) over ${event.total} pair(s)...`;
    case "PairwiseCompared":
      return `    ${event.taskId} [${event.key}]: ${event.winner}`;
    case "PairwiseCompleted":
      return `  ✓ pairwise ${event.runId} done`;
    default:
      return null;
  }
}
