#!/usr/bin/env node
// One run of `ag2-eval watch`, in a process of its own so every module (config, agent, scorers
// and whatever they import) is loaded fresh. It reports what it read to the parent, runs
// `ag2-eval run`, prints what changed against the session's previous run, and says how it ended.
import { main } from "./main.js";
import { runWatchChild } from "./watch/run-watch-child.js";

const code = await runWatchChild({ argv: process.argv.slice(2), main });
process.exitCode = code;
process.disconnect?.();
// a handle the agent left open (a socket, a timer) must not keep a finished run alive
setTimeout(() => process.exit(code), 1000).unref();
