import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describeTraceSourceContract } from "@ag2/eval-core/testing";
import { spansToOtlpJson } from "../convert/spans-to-otlp-json.test-helper.js";
import { traceToSpans } from "../convert/trace-to-spans.js";
import { DirectoryTraceSource } from "./directory-trace-source.js";
import { OtlpFileTraceSource } from "./otlp-file-trace-source.js";
import { saveTrace } from "./save-trace.js";
import { tempDir } from "./temp-dir.test-helper.js";

// TempoTraceSource runs the contract against a fake Tempo in tempo-trace-source-contract.test.ts.

describeTraceSourceContract("DirectoryTraceSource", async (fixtures) => {
  const dir = await tempDir("ag2-contract-dir-");
  for (const { traceId, taskId, trace } of fixtures) {
    await saveTrace(dir, traceId, traceToSpans(trace, { traceId, taskId }), { taskId });
  }
  return new DirectoryTraceSource(dir);
});

describeTraceSourceContract("OtlpFileTraceSource", async (fixtures) => {
  const dir = await tempDir("ag2-contract-otlp-");
  const file = join(dir, "spans.jsonl");
  const lines = fixtures.map(({ traceId, taskId, trace }) =>
    spansToOtlpJson(traceToSpans(trace, { traceId, taskId, runId: "contract" })),
  );
  await writeFile(file, `${lines.join("\n")}\n`, "utf8");
  return new OtlpFileTraceSource(file);
});
