import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { trace } from "@opentelemetry/api";
import { aiSdkTelemetry } from "./ai-sdk-telemetry.js";

describe("aiSdkTelemetry", () => {
  const tracer = trace.getTracer("test");

  it("enables the SDK's telemetry with the task's tracer and keeps the caller's settings", () => {
    const settings = aiSdkTelemetry(
      { tracer },
      { functionId: "weather", metadata: { team: "search" }, recordInputs: false },
    );
    assert.deepEqual(settings, {
      functionId: "weather",
      metadata: { team: "search" },
      recordInputs: false,
      isEnabled: true,
      tracer,
    });
    assert.equal(aiSdkTelemetry({ tracer }, { isEnabled: false }).isEnabled, false);
  });

  it("leaves out a tracer that is not an OpenTelemetry tracer, and works without ask options", () => {
    assert.deepEqual(aiSdkTelemetry({ tracer: { name: "custom" } }), { isEnabled: true });
    assert.deepEqual(aiSdkTelemetry({}), { isEnabled: true });
    assert.deepEqual(aiSdkTelemetry(undefined), { isEnabled: true });
  });
});
