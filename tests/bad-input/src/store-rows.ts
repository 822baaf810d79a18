import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { fsRunStore, OtlpFileTraceSource } from "@ag2/eval";
import { type BadInputRow, literal, rejectsClearly } from "./bad-input-row.js";

/** A run file put into the store beside the seed run; loading it must fail and leave it as is. */
export function badRunFile(name: string, text: string, problem: readonly RegExp[]): BadInputRow {
  return {
    name,
    async setup({ storeDir }) {
      await writeFile(`${storeDir}/bad.json`, text);
    },
    async check({ storeDir }) {
      const store = fsRunStore(storeDir);
      await rejectsClearly(store.load("bad"), {
        name: "RunFileError",
        message: [literal(`${storeDir}/bad.json`), ...problem],
      });
      // the good run is still readable beside it
      assert.equal((await store.load("seed")).runId, "seed");
    },
  };
}

function escapingId(id: string, problem: RegExp): BadInputRow {
  return {
    name: `a run id that escapes the store folder: ${JSON.stringify(id)}`,
    async check({ storeDir }) {
      const store = fsRunStore(storeDir);
      for (const work of [() => store.load(id), () => store.delete(id)]) {
        await rejectsClearly(work, {
          name: "InvalidRunIdError",
          message: [literal(`invalid run id ${JSON.stringify(id)}`), problem],
        });
      }
    },
  };
}

/** Bad run files, run ids and trace files. */
export const STORE_ROWS: readonly BadInputRow[] = [
  badRunFile("a corrupt run file", "{ not json", [/got text that is not valid JSON/]),
  badRunFile(
    "a truncated run file",
    '{"schema_version": "0.1", "run_id": "bad", "tasks": [{"task_id": "a", "inp',
    [/not valid JSON/],
  ),
  badRunFile(
    "a future-version run file",
    JSON.stringify({ schema_version: "9.0", run_id: "bad", tasks: [] }),
    [/schema_version: expected "0.1", got "9.0"/, /a newer ag2-eval may read this one/],
  ),
  badRunFile(
    "a run file with a field of the wrong type",
    JSON.stringify({
      schema_version: "0.1",
      run_id: "bad",
      tasks: [{ task_id: "a", inputs: {}, feedback: [{ key: "k", score: "yes" }] }],
    }),
    [/tasks\[0\]\.feedback\[0\]\.score: expected a boolean, a number or null, got "yes"/],
  ),
  escapingId("../x", /contains a path separator/),
  escapingId("a/b", /contains a path separator/),
  escapingId("a\0b", /contains a NUL character/),
  escapingId("..", /contains '\.\.'/),
  {
    name: "a missing store folder (listing is empty, loading names the expected file, nothing is created)",
    async check({ dir }) {
      const missing = `${dir}/no-such-store`;
      const store = fsRunStore(missing);
      assert.deepEqual(await store.list(), []);
      await rejectsClearly(store.load("seed"), {
        name: "RunNotFoundError",
        message: [/no run with id "seed"/, literal(`${missing}/seed.json`)],
      });
      assert.equal(existsSync(missing), false, "reading does not create the folder");
    },
  },
  {
    name: "an OTLP file with garbage lines",
    async check({ write }) {
      const path = await write("spans.jsonl", '{"resourceSpans": []}\nnot json at all\n');
      const source = new OtlpFileTraceSource(path);
      await rejectsClearly(
        async () => {
          for await (const ref of source.list()) void ref;
        },
        {
          name: "TraceFileError",
          message: [
            literal(`${path}:2`),
            /got a line that is not JSON/,
            /expected one OTLP JSON document per line/,
          ],
        },
      );
    },
  },
];
