import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { checkErrorNames } from "./check-error-names.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

describe("error classes under a minifier", () => {
  it("every error class in the packages states its errorName", () => {
    assert.deepEqual(checkErrorNames(root), []);
  });

  it("reports a class without one, or with another class's name", () => {
    const dir = mkdtempSync(join(tmpdir(), "check-error-names-"));
    try {
      mkdirSync(join(dir, "packages/x/src"), { recursive: true });
      writeFileSync(
        join(dir, "packages/x/src/errors.ts"),
        [
          "export class GoodError extends Ag2EvalError {",
          '  static override readonly errorName: string = "GoodError";',
          "}",
          "export class BareError extends Ag2EvalError {",
          "  readonly code = 1;",
          "}",
          "export class CopiedError extends GoodError {",
          '  static override readonly errorName: string = "GoodError";',
          "}",
        ].join("\n"),
      );
      assert.deepEqual(checkErrorNames(dir), [
        'packages/x/src/errors.ts: BareError does not set errorName = "BareError"',
        'packages/x/src/errors.ts: CopiedError does not set errorName = "CopiedError"',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
