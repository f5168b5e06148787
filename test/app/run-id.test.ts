import { describe, expect, it } from "vitest";
import { runIdAfter } from "../../src/app/runs.js";

const RUN_ID = /^\d{8}T\d{6}Z-[0-9a-f]{4}$/;
const at = new Date("2026-11-25T04:21:49.500Z");

describe("runIdAfter", () => {
  it("is a timestamped id when nothing is newer", () => {
    const id = runIdAfter(["20261125T042148Z-ffff"], at);
    expect(id).toMatch(RUN_ID);
    expect(id.startsWith("20261125T042149Z-")).toBe(true);
  });

  it("sorts after a run made in the same second, whatever the random suffix", () => {
    for (let i = 0; i < 50; i++) {
      const first = runIdAfter([], at);
      const second = runIdAfter([first], at);
      expect(second > first, `${second} after ${first}`).toBe(true);
      expect(second).toMatch(RUN_ID);
    }
  });

  it("continues after a newer run (a clock that ran ahead), into the next second when the suffixes run out", () => {
    expect(runIdAfter(["20261125T050000Z-00a0"], at)).toBe("20261125T050000Z-00a1");
    expect(runIdAfter(["20261231T235959Z-ffff"], at)).toBe("20270101T000000Z-0000");
  });
});
