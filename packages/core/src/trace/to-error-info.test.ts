import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eventTracing } from "../agent/event-tracing.js";
import { runAgent } from "../run/run-agent.js";
import { toErrorInfo } from "./to-error-info.js";

/** An Error whose `message` getter throws, as hostile agent code may throw. */
function unreadableError(): Error {
  const error = new Error("hidden");
  Object.defineProperty(error, "message", {
    get() {
      throw new Error("no message for you");
    },
  });
  return error;
}

/** A Proxy whose every trap throws. */
function hostileProxy(): object {
  const boom = () => {
    throw new Error("trap");
  };
  return new Proxy({}, { get: boom, has: boom, getPrototypeOf: boom, ownKeys: boom });
}

describe("toErrorInfo", () => {
  test("an Error whose message getter throws: its class kept, the message says it could not be read", () => {
    const info = toErrorInfo(unreadableError());
    assert.equal(info.type, "Error");
    assert.match(info.message, /message could not be read/);
  });

  test("a Proxy whose traps throw: a type and a message, no throw", () => {
    const info = toErrorInfo(hostileProxy());
    assert.equal(typeof info.type, "string");
    assert.match(info.message, /could not be read|could not be turned into text/);
  });

  test("an object whose toString throws", () => {
    const info = toErrorInfo({
      toString() {
        throw new Error("x");
      },
    });
    assert.equal(info.type, "object");
    assert.match(info.message, /could not be turned into text/);
  });

  test("runAgent goes on when agents throw such values: each is an error on its task", async () => {
    const throwers: Record<string, () => unknown> = {
      getter: unreadableError,
      proxy: hostileProxy,
    };
    const result = await runAgent(
      Object.keys(throwers)
        .map((id) => ({ task_id: id, inputs: { input: id } }))
        .concat([{ task_id: "fine", inputs: { input: "fine" } }]),
      {
        agent: {
          name: "hostile",
          async ask(input: string) {
            const thrower = throwers[input];
            if (thrower) throw thrower();
            return input;
          },
        },
        scorers: [],
        store: null,
        tracing: eventTracing(),
      },
    );
    assert.deepEqual(
      result.tasks.map((task) => [task.task.taskId, task.trace.exception !== null]),
      [
        ["getter", true],
        ["proxy", true],
        ["fine", false],
      ],
    );
    assert.match(result.tasks[0]?.trace.exception?.message ?? "", /could not be read/);
  });
});
