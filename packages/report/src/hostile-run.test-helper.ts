import type { RunResult } from "@ag2/eval-core";
import { makeRunResult, makeTaskResult } from "@ag2/eval-core/testing";

/** Sets `window.__pwned` (and opens a dialog) if it ever runs as script. */
export const PAYLOADS = [
  `<img src=x onerror="window.__pwned=1;alert(1)">`,
  `</script><script>window.__pwned=2;alert(2)</script>`,
  "javascript:window.__pwned=3;alert(3)",
  `"><svg onload="window.__pwned=4">`,
  "\u001b[31mred\u001b[0m ansi",
  "abc\u202Etxt.exe\u202C rtl",
  "<!-- <script>window.__pwned=5</script>",
] as const;

/** One mebibyte of text, ending in a payload. */
export const HUGE = `${"x".repeat(1024 * 1024)}${PAYLOADS[0]}`;

const pick = (i: number) => PAYLOADS[i % PAYLOADS.length] as string;

/**
 * A run in which every string a run can hold (ids, inputs, outputs, tool arguments and
 * results, comments, values, error messages, the label, target, suite) is a payload.
 */
export function hostileRun(): RunResult {
  const tasks = PAYLOADS.map((payload, i) =>
    makeTaskResult({
      taskId: `${payload}-${i}`,
      inputs: { [payload]: payload, question: i === 0 ? HUGE : payload },
      referenceOutputs: { answer: pick(i + 1) },
      tags: [payload],
      metadata: { note: payload },
      events: [
        {
          type: "ModelResponse",
          content: null,
          toolCalls: [{ id: `c${i}`, name: payload, arguments: JSON.stringify({ q: payload }) }],
          model: payload,
          finishReason: payload,
        },
        { type: "ToolCallEvent", id: `c${i}`, name: payload, arguments: payload },
        i % 2 === 0
          ? { type: "ToolResultEvent", parentId: `c${i}`, name: payload, result: pick(i + 2) }
          : {
              type: "ToolErrorEvent",
              parentId: `c${i}`,
              name: payload,
              error: { type: payload, message: pick(i + 3) },
            },
        { type: "HumanInputRequest", prompt: payload },
        { type: "HumanMessage", content: pick(i + 4) },
        { type: "ModelResponse", content: i === 1 ? HUGE : payload },
      ],
      exception: { type: payload, message: pick(i + 5) },
      feedback: [
        {
          key: payload,
          score: i % 2 === 0,
          value: payload,
          comment: pick(i + 6),
          detail: { [payload]: payload },
        },
      ],
    }),
  );
  return makeRunResult({
    runId: "hostile-run",
    tasks,
    label: PAYLOADS[0],
    target: PAYLOADS[1],
    suiteName: PAYLOADS[2],
    suiteSource: PAYLOADS[3],
  });
}
