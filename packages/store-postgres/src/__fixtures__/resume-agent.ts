// The suite, agent and scorers of the resume test. The agent appends "<pid> <input>" to a
// side file when it starts a task, so the test counts every invocation across processes.
import { appendFileSync } from "node:fs";
import { type Agent, Suite, scorer } from "@ag2/eval-core";

export function resumeSuite(size: number): Suite {
  return Suite.fromList(
    Array.from({ length: size }, (_, i) => ({
      task_id: `t${String(i).padStart(3, "0")}`,
      inputs: { input: `q${i}` },
      reference_outputs: { answer: i % 3 === 0 ? "wrong" : `${i}q` },
      tags: i % 2 === 0 ? ["even"] : [],
    })),
    { name: "resume" },
  );
}

export function reversingAgent(options: { delayMs: number; sideFile?: string }): Agent {
  return {
    name: "ReversingAgent",
    async ask(input) {
      if (options.sideFile) appendFileSync(options.sideFile, `${process.pid} ${String(input)}\n`);
      if (options.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      return String(input).split("").reverse().join("");
    },
  };
}

export const resumeScorers = [
  scorer(({ outputs, referenceOutputs }) => outputs.body === referenceOutputs?.answer, {
    key: "correct",
  }),
  scorer(({ outputs }) => String(outputs.body ?? "").length, { key: "length" }),
];
