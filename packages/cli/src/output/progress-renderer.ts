import { createConsoleReporter, type EvalEvent } from "@ag2/eval";
import type { Colors } from "../terminal/colors.js";
import { visibleText } from "../terminal/visible-text.js";

/**
 * The parts of the lifecycle events progress reads, matched on `type` (core's `EvalStarted`,
 * `TaskEvaluated` with its `error`, `VariantStarted`, `VariantCompleted`).
 */
export interface ProgressEvent {
  readonly type: string;
  readonly total?: number;
  readonly suite?: string;
  readonly label?: string | null;
  readonly taskId?: string;
  readonly variant?: string | null;
  readonly index?: number;
  readonly feedback?: readonly { readonly score?: unknown }[];
  readonly error?: unknown;
}

/** Live (one rewritten line), plain (one line per task), or off. */
export type ProgressMode = "live" | "plain" | "off";

/** What {@link createProgressRenderer} returns. */
export interface ProgressRenderer {
  handle(event: ProgressEvent): void;
  /** Stops the refresh timer and leaves the final state on its own line. */
  stop(): void;
}

/**
 * Picks the progress mode: live on a terminal, plain when not a TTY or when `CI` is set.
 *
 * @example
 * ```ts
 * progressMode({ isTTY: process.stderr.isTTY, env: process.env, json: false }); // "live" in a terminal
 * ```
 */
export function progressMode(options: {
  isTTY: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
  json: boolean;
}): ProgressMode {
  if (options.json) return "off";
  const ci = options.env.CI !== undefined && options.env.CI !== "" && options.env.CI !== "false";
  return options.isTTY && !ci ? "live" : "plain";
}

/**
 * Renders run progress from lifecycle events. Live mode keeps one line up to date (tasks
 * done/total, pass rate so far, errors, elapsed, ETA); plain mode prints core's console
 * reporter lines (one per task, variant and comparison). `now` is injectable so tests need no clock.
 *
 * @example
 * ```ts
 * const progress = createProgressRenderer({ mode: "plain", write: (s) => process.stderr.write(s), colors: c });
 * stream.subscribe((event) => progress.handle(event));
 * ```
 */
export function createProgressRenderer(options: {
  mode: ProgressMode;
  write: (text: string) => void;
  colors: Colors;
  now?: () => number;
  refreshMs?: number;
}): ProgressRenderer {
  const { mode, write, colors: c } = options;
  const now = options.now ?? Date.now;
  const state = { total: 0, done: 0, passed: 0, graded: 0, errors: 0, startedAt: now() };
  let timer: ReturnType<typeof setInterval> | undefined;
  let drawn = false;
  let drawnAt = Number.NEGATIVE_INFINITY;
  // one line per event; a task id or error message from the run must not break it in two
  const plain = createConsoleReporter({ write: (text) => write(`${visibleText(text)}\n`) });

  const line = (): string => {
    const elapsed = now() - state.startedAt;
    const rate = state.graded > 0 ? `${((100 * state.passed) / state.graded).toFixed(1)}%` : "–";
    const eta =
      state.done > 0 && state.done < state.total
        ? ` · ETA ${seconds((elapsed / state.done) * (state.total - state.done))}`
        : "";
    const errors = state.errors === 1 ? "1 error" : `${state.errors} errors`;
    return `${c.bold(`${state.done}/${state.total}`)} tasks · pass ${rate} · ${
      state.errors > 0 ? c.red(errors) : errors
    } · ${seconds(elapsed)}${eta}`;
  };
  const draw = () => {
    if (mode !== "live") return;
    write(`\r\u001b[2K${line()}`);
    drawn = true;
    drawnAt = now();
  };
  // A terminal cannot show more than a few frames a second; a fast run would otherwise spend
  // its time repainting one line per task.
  const drawThrottled = () => {
    if (now() - drawnAt >= MIN_FRAME_MS) draw();
  };

  return {
    handle(event) {
      if (mode === "off") return;
      if (mode === "plain") plain(event as EvalEvent);
      if (event.type === "EvalStarted") {
        state.total += event.total ?? 0;
        if (mode === "live" && !timer && options.refreshMs !== 0) {
          timer = setInterval(draw, options.refreshMs ?? 1000);
          timer.unref();
        }
        draw();
      } else if (event.type === "TaskEvaluated") {
        const feedback = event.feedback ?? [];
        const passed = feedback.filter((item) => item.score === true).length;
        state.done += 1;
        state.passed += passed;
        state.graded += feedback.filter((item) => typeof item.score === "boolean").length;
        if (event.error) state.errors += 1;
        drawThrottled();
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (mode === "live" && drawn) write(`\r\u001b[2K${line()}\n`);
      drawn = false;
    },
  };
}

/** The shortest time between two repaints of the live line, in milliseconds. */
const MIN_FRAME_MS = 50;

function seconds(ms: number): string {
  return ms < 60_000
    ? `${(ms / 1000).toFixed(1)}s`
    : `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`;
}
