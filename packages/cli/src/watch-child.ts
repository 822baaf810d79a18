#!/usr/bin/env node
// One run of `ag2-eval watch`, in a process of its own so every module of the user's (config,
// agent, scorers and whatever they import) is loaded fresh. The process starts ahead of need:
// it loads the CLI, the run command and @ag2/eval (and tsx, given `--typescript`), then waits
// for the parent's request, so a save only pays for the user's modules and the run itself.
import { registerTypeScript } from "./config/load-module.js";
import { main } from "./main.js";
import { runWatchChild, watchChildRequest } from "./watch/run-watch-child.js";

// imported for its cost, not its value: main imports it again, from the module cache
await import("./commands/run.js");
if (process.argv.includes("--typescript")) await registerTypeScript();
const code = await runWatchChild({ request: await watchChildRequest(), main });
process.exitCode = code;
process.disconnect?.();
// a handle the agent left open (a socket, a timer) must not keep a finished run alive
setTimeout(() => process.exit(code), 1000).unref();
