import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Ag2EvalError } from "@ag2/eval-core";
import { assertValidRunId, InvalidRunIdError, runIdProblem } from "./invalid-run-id-error.js";

describe("run ids as file names", () => {
  it("accepts the ids runAgent and users produce", () => {
    for (const id of [
      "3f2a9c",
      "nightly-2026-11-26",
      "t1#2",
      "gpt-4o@v1:base",
      "a.b_c+d=e",
      "x".repeat(200),
    ]) {
      assert.equal(runIdProblem(id), null, id);
      assertValidRunId(id);
    }
  });

  it("refuses ids that could escape or break the folder, saying why", () => {
    const cases: [string, RegExp][] = [
      ["", /empty/],
      ["../etc/passwd", /path separator/],
      ["a\\b", /path separator/],
      ["..", /'\.\.'/],
      ["a..b", /'\.\.'/],
      [".hidden", /starts with '\.'/],
      ["a\0b", /NUL/],
      ["a\nb", /control character/],
      ["a\u007fb", /control character/],
      ["a b", /contains " "/],
      ["São", /contains "ã"/],
      ["x".repeat(201), /201 characters/],
    ];
    for (const [id, reason] of cases) {
      assert.throws(
        () => assertValidRunId(id),
        (error: unknown) => {
          assert.ok(error instanceof InvalidRunIdError);
          assert.ok(Ag2EvalError.isInstance(error));
          assert.ok(InvalidRunIdError.isInstance(error));
          assert.equal(error.runId, id);
          assert.match(error.message, reason);
          assert.match(error.message, /expected 1-200 characters/);
          return true;
        },
        JSON.stringify(id),
      );
    }
  });
});
