import { runExample } from "./run-example.js";

const result = await runExample();
process.stdout.write(`${result.summary()}\n`);
const tokens = result.tasks.reduce((sum, task) => sum + task.trace.tokens.total, 0);
process.stdout.write(`tokens: ${tokens}\n`);
for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
process.exitCode =
  result.warnings.length === 0 && result.passRate("final_answer_matches") === 1 ? 0 : 1;
