import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { answer, call, context, result, toolError } from "./internal/context.test-helper.js";
import { noToolErrors } from "./no-tool-errors.js";
import { toolCalled } from "./tool-called.js";

describe("toolCalled", () => {
  it("passes when the tool ran at least once and keys by tool name", async () => {
    const s = toolCalled("search");
    assert.equal(s.key, "tool_called[search]");
    const [fb] = await s.score(context({ events: [call("search"), call("search"), answer("x")] }));
    assert.equal(fb?.key, "tool_called[search]");
    assert.equal(fb?.score, true);
    assert.equal(fb?.detail?.count, 2);
  });

  it("fails when only other tools ran, and on an empty trace", async () => {
    const s = toolCalled("search");
    assert.equal((await s.score(context({ events: [call("lookup")] })))[0]?.score, false);
    assert.equal((await s.score(context()))[0]?.score, false);
  });

  it("with exactly, requires that exact count (repeated calls fail exactly: 1)", async () => {
    const once = toolCalled("pay", { exactly: 1 });
    assert.equal((await once.score(context({ events: [call("pay")] })))[0]?.score, true);
    assert.equal(
      (await once.score(context({ events: [call("pay"), call("pay")] })))[0]?.score,
      false,
    );
    const never = toolCalled("pay", { exactly: 0 });
    assert.equal((await never.score(context()))[0]?.score, true);
  });
});

describe("noToolErrors", () => {
  it("passes without tool errors", async () => {
    const [fb] = await noToolErrors().score(context({ events: [call("a"), result("a", "ok")] }));
    assert.deepEqual(fb, { key: "no_tool_errors", score: true, detail: { errors: [] } });
  });

  it("fails and names every failing tool", async () => {
    const events = [call("a"), toolError("a", "boom"), call("b"), toolError("b", "bad")];
    const [fb] = await noToolErrors().score(context({ events }));
    assert.equal(fb?.score, false);
    assert.deepEqual(fb?.detail?.errors, ["a", "b"]);
  });

  it("passes on an empty trace", async () => {
    assert.equal((await noToolErrors().score(context()))[0]?.score, true);
  });
});
