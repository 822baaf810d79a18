import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RunFileError } from "../run-file/run-file-error.js";
import { SuiteFileError } from "../suite/suite-file-error.js";
import { toErrorInfo } from "../trace/to-error-info.js";
import { Ag2EvalError } from "./ag2-eval-error.js";
import { InvalidOptionError } from "./invalid-option-error.js";

class OuterError extends Ag2EvalError {}
class InnerError extends OuterError {}
const MARKER = Symbol.for("ag2.eval.error");

describe("Ag2EvalError.isInstance", () => {
  const suiteError = new SuiteFileError("bad line", { path: "s.jsonl", line: 2 });
  const runFileError = new RunFileError({ field: "tasks", expected: "an array", found: "null" });

  it("on a subclass, is true only for that class and its subclasses", () => {
    assert.equal(SuiteFileError.isInstance(suiteError), true);
    assert.equal(SuiteFileError.isInstance(runFileError), false);
    assert.equal(InvalidOptionError.isInstance(suiteError), false);
    assert.equal(OuterError.isInstance(new InnerError("x")), true);
    assert.equal(InnerError.isInstance(new OuterError("x")), false);
  });

  it("on the base class, is true for every ag2-eval error and nothing else", () => {
    assert.equal(Ag2EvalError.isInstance(suiteError), true);
    assert.equal(Ag2EvalError.isInstance(new InnerError("x")), true);
    assert.equal(Ag2EvalError.isInstance(new Error("x")), false);
    assert.equal(Ag2EvalError.isInstance("SuiteFileError"), false);
  });

  it("recognizes errors of another copy of the package, by the names they carry", () => {
    const foreign = Object.defineProperty(new Error("x"), MARKER, {
      value: ["SuiteFileError", "Ag2EvalError"],
    });
    assert.equal(SuiteFileError.isInstance(foreign), true);
    assert.equal(RunFileError.isInstance(foreign), false);
    // an older copy marked its errors with `true` and named them after their class
    const older = Object.defineProperty(
      Object.assign(new Error("x"), { name: "RunFileError" }),
      MARKER,
      {
        value: true,
      },
    );
    assert.equal(RunFileError.isInstance(older), true);
    assert.equal(SuiteFileError.isInstance(older), false);
    assert.equal(Ag2EvalError.isInstance(older), true);
  });

  it("keeps working when a minifier renames the classes", () => {
    // what a minifier leaves: one-letter class names, the stated errorName strings intact
    const Quota = class e extends Ag2EvalError {
      static override readonly errorName: string = "QuotaError";
    };
    const HardQuota = class t extends Quota {
      static override readonly errorName: string = "HardQuotaError";
    };
    const Other = class n extends Ag2EvalError {
      static override readonly errorName: string = "OtherError";
    };
    const error = new HardQuota("over quota");
    assert.equal(error.name, "HardQuotaError");
    assert.equal(toErrorInfo(error).type, "HardQuotaError");
    assert.equal(Quota.isInstance(error), true);
    assert.equal(HardQuota.isInstance(new Quota("x")), false);
    assert.equal(Other.isInstance(error), false);
    // another copy of the package, minified to other class names, still recognizes it
    const QuotaElsewhere = class r extends Ag2EvalError {
      static override readonly errorName: string = "QuotaError";
    };
    assert.equal(QuotaElsewhere.isInstance(error), true);
  });

  it("states the name of every core error class, not its constructor's", () => {
    for (const errorClass of [SuiteFileError, RunFileError, InvalidOptionError]) {
      assert.ok(Object.hasOwn(errorClass, "errorName"), errorClass.name);
      assert.equal(errorClass.errorName, errorClass.name);
    }
  });
});
