import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseRetryAfter, retryAfterFromHeaders } from "./retry-after.js";
import { checkRetries, isTransientError, retryAfterMsOf, retryDelayMs } from "./retry-policy.js";

/** The shape of the AI SDK's `AI_APICallError` (core cannot import the SDK). */
function apiCallError(statusCode: number, responseHeaders?: Record<string, string>): Error {
  const isRetryable =
    statusCode === 408 || statusCode === 409 || statusCode === 429 || statusCode >= 500;
  return Object.assign(new Error(`HTTP ${statusCode}`), {
    name: "AI_APICallError",
    statusCode,
    isRetryable,
    responseHeaders,
  });
}

/** The shape of the AI SDK's `AI_RetryError`: its own retries gave up; the last error kept. */
function sdkRetryError(...errors: Error[]): Error {
  return Object.assign(new Error("Failed after retries"), {
    name: "AI_RetryError",
    reason: "maxRetriesExceeded",
    errors,
    lastError: errors.at(-1),
  });
}

describe("isTransientError on errors of HTTP clients and SDKs", () => {
  it("recognises the AI SDK's API call errors by statusCode and isRetryable", () => {
    assert.equal(isTransientError(apiCallError(429)), true);
    assert.equal(isTransientError(apiCallError(503)), true);
    assert.equal(
      isTransientError(apiCallError(409)),
      true,
      "isRetryable says so though 409 is not 5xx",
    );
    assert.equal(isTransientError(apiCallError(400)), false);
    assert.equal(isTransientError({ statusCode: 502 }), true);
  });

  it("looks down the cause chain, through the SDK's RetryError, and stops at the first verdict", () => {
    assert.equal(isTransientError(sdkRetryError(apiCallError(429), apiCallError(429))), true);
    assert.equal(isTransientError(sdkRetryError(apiCallError(401))), false);
    const deep = new Error("agent failed", {
      cause: new Error("step failed", { cause: new Error("fetch", { cause: apiCallError(500) }) }),
    });
    assert.equal(isTransientError(deep), true);
    const vetoed = Object.assign(new Error("quota"), {
      isRetryable: false,
      cause: apiCallError(429),
    });
    assert.equal(isTransientError(vetoed), false, "an explicit isRetryable: false wins");
    const cycle: { cause?: unknown } = {};
    cycle.cause = cycle;
    assert.equal(isTransientError(cycle), false);
  });

  it("treats a server's Retry-After, in headers or responseHeaders, as transient and as the wait", () => {
    const limited = apiCallError(429, { "retry-after": "3" });
    assert.equal(retryAfterMsOf(limited), 3000);
    assert.equal(retryAfterMsOf(sdkRetryError(limited)), 3000);
    assert.equal(retryAfterMsOf({ responseHeaders: { "Retry-After-Ms": "250" } }), 250);
    assert.equal(retryAfterMsOf({ headers: new Headers({ "retry-after": "1.5" }) }), 1500);
    assert.equal(retryAfterMsOf(apiCallError(503)), undefined);
    assert.equal(isTransientError({ headers: { "retry-after": "2" } }), true);
    const policy = checkRetries({ attempts: 3, random: () => 0 }, "t");
    assert.ok(policy);
    assert.equal(retryDelayMs(policy, { retry: 1, error: sdkRetryError(limited) }), 3000);
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates; anything else is undefined", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    assert.equal(parseRetryAfter("2.5", now), 2500);
    assert.equal(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now), 30_000);
    assert.equal(parseRetryAfter("Wed, 31 Dec 2025 23:59:00 GMT", now), 0);
    assert.equal(parseRetryAfter("soon", now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter(" ", now), undefined);
  });

  it("prefers retry-after-ms and ignores a bad one", () => {
    assert.equal(retryAfterFromHeaders({ "retry-after-ms": "120", "retry-after": "9" }), 120);
    assert.equal(retryAfterFromHeaders({ "retry-after-ms": "x", "retry-after": "9" }), 9000);
    assert.equal(retryAfterFromHeaders("retry-after: 9"), undefined);
  });
});
