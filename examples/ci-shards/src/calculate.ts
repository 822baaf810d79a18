import { tool } from "@ag2/eval";
import { z } from "zod";

/** The four operations the tool knows, as the questions word them. */
export const OPERATIONS = ["plus", "minus", "times", "divided by"] as const;

/**
 * The agent's only tool: exact arithmetic on two numbers. Dividing by zero is an error the
 * model sees (and `noToolErrors` scores), not a crash.
 *
 * @example
 * ```ts
 * await calculate.run('{"a":6,"op":"times","b":7}', { askHuman: async () => "" }); // '{"result":42}'
 * ```
 */
export const calculate = tool({
  name: "calculate",
  description: "Exact arithmetic on two numbers: a plus, minus, times or divided by b.",
  parameters: z.object({
    a: z.number(),
    op: z.enum(OPERATIONS),
    b: z.number(),
  }),
  execute: ({ a, op, b }) => {
    if (op === "divided by" && b === 0) throw new Error("division by zero");
    const result = op === "plus" ? a + b : op === "minus" ? a - b : op === "times" ? a * b : a / b;
    return { result };
  },
});
