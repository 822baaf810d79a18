import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { UsageError } from "../args/usage-error.js";
import { otlpSpanProcessor } from "./otlp-span-processor.js";

describe("otlpSpanProcessor", () => {
  test("an endpoint that is not an http(s) URL is a usage error naming the flag", async () => {
    for (const endpoint of ["notaurl", "localhost:4318", "ftp://collector/"]) {
      await assert.rejects(otlpSpanProcessor(endpoint, { onWarning: () => {} }), (error) => {
        assert.ok(error instanceof UsageError, String(error));
        assert.equal(
          error.message,
          `--otlp-endpoint: got "${endpoint}", expected the http:// or https:// URL of an OTLP/HTTP collector`,
        );
        return true;
      });
    }
    const processor = await otlpSpanProcessor("http://127.0.0.1:9/", { onWarning: () => {} });
    await processor.shutdown();
  });
});
