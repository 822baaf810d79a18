// Runs a measuring child and returns the JSON line it prints. On Linux a child's peak RSS
// starts at its parent's (the high-water mark survives fork and exec), so a parent holding a
// 10,000-task run would inflate every child's figure; going through /usr/bin/time puts a small
// process in between, whose fork the measuring node starts from.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";

const TIME = "/usr/bin/time";
const hasTime = existsSync(TIME);

/** `node script ...args` in a fresh process; resolves to the JSON object of its stdout. */
export function runFresh(script, args) {
  const [file, argv] = hasTime
    ? [TIME, ["-f", "", process.execPath, script, ...args]]
    : [process.execPath, [script, ...args]];
  return new Promise((resolve, reject) =>
    execFile(file, argv, { encoding: "utf8", maxBuffer: 16 * 2 ** 20 }, (error, stdout, stderr) =>
      error
        ? reject(new Error(`${script} ${args.join(" ")} failed: ${stderr}`))
        : resolve(JSON.parse(stdout)),
    ),
  );
}

/** One warm-up, then the median of 5 samples of `ms`, `cpuMs` and `rssMb`. */
export async function medianOfFive(script, args) {
  const runs = [];
  for (let i = 0; i < 6; i++) runs.push(await runFresh(script, args));
  runs.shift();
  const median = (key) => runs.map((run) => run[key]).sort((a, b) => a - b)[2];
  return { ms: median("ms"), cpuMs: median("cpuMs"), rssMb: median("rssMb") };
}
