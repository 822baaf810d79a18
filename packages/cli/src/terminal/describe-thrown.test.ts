import assert from "node:assert/strict";
import { test } from "node:test";
import { describeThrown } from "./describe-thrown.js";

test("describeThrown reads an Error whose message getter throws, and a Proxy, without throwing", () => {
  const error = new Error("x");
  Object.defineProperty(error, "message", {
    get() {
      throw new Error("no");
    },
  });
  assert.match(describeThrown(error).message, /message could not be read/);
  const boom = () => {
    throw new Error("trap");
  };
  const proxy = new Proxy({}, { get: boom, getPrototypeOf: boom, has: boom });
  assert.match(describeThrown(proxy).message, /could not be/);
  assert.deepEqual(describeThrown(new RangeError("plain")).message, "plain");
});
