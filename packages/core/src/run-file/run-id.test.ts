import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runIdProblem } from "./run-id.js";

describe("runIdProblem: Windows device names", () => {
  it("refuses CON, PRN, AUX, NUL, COM1-9 and LPT1-9 in any case, alone or before a dot", () => {
    const devices = ["CON", "PRN", "AUX", "NUL"];
    for (let n = 1; n <= 9; n++) devices.push(`COM${n}`, `LPT${n}`);
    for (const device of devices) {
      for (const id of [device, device.toLowerCase(), `${device}.json`, `${device}.a.b`]) {
        assert.equal(runIdProblem(id), `is the Windows device name '${id.split(".")[0]}'`, id);
      }
    }
    assert.equal(runIdProblem("Com3"), "is the Windows device name 'Com3'");
  });

  it("accepts ids that only start with or contain a device name", () => {
    for (const id of ["CONSOLE", "con-1", "nul_run", "COM0", "COM10", "LPT", "my.CON", "AUXx.1"]) {
      assert.equal(runIdProblem(id), null, id);
    }
  });
});
