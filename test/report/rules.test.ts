import { describe, expect, it } from "vitest";
import { AckFileSchema } from "../../src/report/ack.js";
import { compareRuns, environmentDiff, fnValues, functionFindings, keyFunction } from "../../src/report/compare.js";
import { binomialHalfCdf, mcnemarExact } from "../../src/report/mcnemar.js";
import { CompareRulesSchema, defaultRules, overStep, stepLevel } from "../../src/report/rules.js";
import type { SpecScore } from "../../src/report/schema.js";
import { meta, run, spec } from "./fixtures.js";

const rules = defaultRules();
const kinds = (b: Partial<SpecScore>, h: Partial<SpecScore>, comparable = true): string[] =>
  functionFindings(fnValues(spec("f", b)), fnValues(spec("f", h)), rules, comparable).map((f) => `${f.kind}:${f.level}`);

describe("per-function rules", () => {
  it.each([
    ["unchanged", {}, {}, []],
    ["solved -> unsolved", {}, { status: "unsolved", score: 0.5 }, ["solved-lost:fail", "score-down:fail"]],
    ["solved -> error", {}, { status: "error", score: 1 }, ["solved-lost:fail"]],
    ["solved -> ambiguous", {}, { status: "ambiguous" }, ["solved-lost:fail", "ambiguous-new:warn"]],
    ["ambiguous stays ambiguous", { status: "ambiguous" }, { status: "ambiguous" }, []],
    ["unsolved -> ambiguous", { status: "unsolved", score: 0.5 }, { status: "ambiguous", score: 1 }, ["ambiguous-new:warn"]],
    ["score 1 -> 0.95 warns", { status: "unsolved" }, { status: "unsolved", score: 0.95 }, ["score-down:warn"]],
    ["score 1 -> 0.8 fails", { status: "unsolved" }, { status: "unsolved", score: 0.8 }, ["score-down:fail"]],
    ["score up is no finding", { status: "unsolved", score: 0.5 }, { status: "unsolved", score: 0.8 }, []],
    ["2 ms -> 5 ms is noise (floor)", { time_ms: 2 }, { time_ms: 5 }, []],
    ["100 ms -> 140 ms is noise (relative)", { time_ms: 100 }, { time_ms: 140 }, []],
    ["100 ms -> 200 ms warns", { time_ms: 100 }, { time_ms: 200 }, ["time-up:warn"]],
    ["100 ms -> 900 ms fails", { time_ms: 100 }, { time_ms: 900 }, ["time-up:fail"]],
    ["1000 ms -> 1400 ms warns? no: +40% < 50%", { time_ms: 1000 }, { time_ms: 1400 }, []],
    ["time faster is no finding", { time_ms: 900 }, { time_ms: 100 }, []],
    ["size 3 -> 4 is noise (floor)", { size: 3 }, { size: 4 }, []],
    ["size 3 -> 5 warns", { size: 3 }, { size: 5 }, ["size-up:warn"]],
    ["size 5 -> 15 fails", { size: 5 }, { size: 15 }, ["size-up:fail"]],
    ["size 20 -> 23 is noise (relative)", { size: 20 }, { size: 23 }, []],
    ["size from 0 (no program) is not growth", { size: 0, status: "unsolved", score: 0 }, { size: 9 }, []],
  ] as const)("%s", (_label, b, h, expected) => {
    expect(kinds(b, h)).toEqual(expected);
  });

  it("time comparisons across machines are warn-only", () => {
    expect(kinds({ time_ms: 100 }, { time_ms: 900 }, false)).toEqual(["time-up:warn"]);
  });

  it("levels and thresholds come from the rules", () => {
    const custom = CompareRulesSchema.parse({ solved_lost: "warn", ambiguous_new: "off", time: { warn: { relative: 0.1, absolute: 1 } } });
    const f = (b: Partial<SpecScore>, h: Partial<SpecScore>): string[] => functionFindings(fnValues(spec("f", b)), fnValues(spec("f", h)), custom, true).map((x) => `${x.kind}:${x.level}`);
    expect(f({}, { status: "ambiguous" })).toEqual(["solved-lost:warn"]);
    expect(f({ time_ms: 10 }, { time_ms: 12 })).toEqual(["time-up:warn"]);
    expect(custom.time.fail).toEqual(rules.time.fail);
  });

  it.each([
    [100, 200, { relative: 0.5, absolute: 50 }, true],
    [100, 149, { relative: 0.5, absolute: 10 }, false],
    [2, 5, { relative: 0.5, absolute: 50 }, false],
    [0, 60, { relative: 0.5, absolute: 50 }, true],
    [100, 100, { relative: 0, absolute: 0 }, false],
  ])("overStep(%d, %d, %o) = %s", (b, h, step, expected) => {
    expect(overStep(b, h, step)).toBe(expected);
  });

  it("stepLevel prefers fail", () => {
    expect(stepLevel(10, 1000, rules.time)).toBe("fail");
    expect(stepLevel(10, 80, rules.time)).toBe("warn");
  });
});

describe("exact McNemar", () => {
  it.each([
    [0, 0, 1],
    [1, 0, 1],
    [5, 0, 0.0625],
    [6, 0, 0.03125],
    [10, 2, 0.0385742],
    [3, 3, 1],
  ])("lost %d, gained %d: p = %d", (lost, gained, p) => {
    expect(mcnemarExact(lost, gained).p).toBeCloseTo(p, 6);
  });

  it("agrees with the binomial table and stays finite for large n", () => {
    expect(binomialHalfCdf(2, 4)).toBeCloseTo(11 / 16, 12);
    const big = mcnemarExact(600, 400).p;
    expect(big).toBeGreaterThan(0);
    expect(big).toBeLessThan(1e-9);
  });
});

describe("compareRuns", () => {
  const base = run("20250101T000000Z-aaaa", [spec("a"), spec("b"), spec("c", { time_ms: 2 }), spec("gone")], "previous");

  it("passes when nothing changed beyond noise", () => {
    const head = run("20250102T000000Z-bbbb", [spec("a"), spec("b"), spec("c", { time_ms: 5 }), spec("gone")], "latest");
    const c = compareRuns(base, head, { rules });
    expect(c.verdict).toBe("pass");
    expect(c.regressions).toBe(0);
    expect(c.rows.map((r) => r.change)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
    expect(c.solveRate.mcnemar).toEqual({ lost: 0, gained: 0, p: 1 });
  });

  it("fails on a lost solution, counts functions once, lists added and removed ones", () => {
    const head = run("20250102T000000Z-bbbb", [spec("a", { status: "unsolved", score: 0.5 }), spec("b"), spec("c"), spec("new")], "latest");
    const c = compareRuns(base, head, { rules });
    expect(c.verdict).toBe("fail");
    expect(c.regressions).toBe(1);
    expect(c.rows.find((r) => r.key === "new")?.change).toBe("added");
    expect(c.rows.find((r) => r.key === "gone")?.findings.map((f) => f.kind)).toEqual(["missing"]);
    expect(c.warnings).toBe(1);
  });

  it("an acknowledgement excuses a known regression (and only while in force)", () => {
    const head = run("20250102T000000Z-bbbb", [spec("a", { time_ms: 900 }), spec("b"), spec("c"), spec("gone")], "latest");
    const acks = AckFileSchema.parse({ acknowledged: [{ function: "a", kind: "time-up", reason: "slower by design" }, { function: "zzz", reason: "stale" }] }).acknowledged;
    const c = compareRuns(base, head, { rules, acks });
    expect(c.verdict).toBe("pass");
    expect(c.acknowledged).toBe(1);
    expect(c.findings[0]?.acknowledged).toBe("slower by design");
    expect(c.unusedAcks).toEqual(["zzz (any)"]);
    const expired = AckFileSchema.parse({ acknowledged: [{ function: "a", reason: "old", expires: "2024-06-01" }] }).acknowledged;
    expect(compareRuns(base, head, { rules, acks: expired }).verdict).toBe("fail");
    const otherCommit = AckFileSchema.parse({ acknowledged: [{ function: "a", reason: "x", commit: "ffff" }] }).acknowledged;
    expect(compareRuns(base, head, { rules, acks: otherCommit }).verdict).toBe("fail");
    const sameCommit = AckFileSchema.parse({ acknowledged: [{ function: "a", reason: "x", commit: "0123456" }] }).acknowledged;
    expect(compareRuns(base, head, { rules, acks: sameCommit }).verdict).toBe("pass");
  });

  it("the solve rate fails by McNemar when many functions are lost", () => {
    const names = Array.from({ length: 12 }, (_, i) => `f${String(i).padStart(2, "0")}`);
    const b = run("20250101T000000Z-aaaa", names.map((n) => spec(n)));
    const h = run("20250102T000000Z-bbbb", names.map((n, i) => spec(n, i < 7 ? { status: "unsolved", score: 0.9 } : {})));
    const lenient = CompareRulesSchema.parse({ solved_lost: "warn", score: { warn: 0.5, fail: 0.6 } });
    const c = compareRuns(b, h, { rules: lenient });
    expect(c.solveRate.mcnemar.p).toBeCloseTo(0.015625, 6);
    expect(c.solveRate.level).toBe("fail");
    expect(c.findings[0]?.kind).toBe("solve-rate");
    expect(c.verdict).toBe("fail");
    expect(c.regressions).toBe(1);
  });

  it("flags environment differences; time across machines only warns", () => {
    const head = run("20250102T000000Z-bbbb", [spec("a", { time_ms: 900 }), spec("b"), spec("c"), spec("gone")], "latest", { cpu: "Other CPU", fingerprint: "ffff" });
    const c = compareRuns(base, head, { rules });
    expect(c.environment.comparable).toBe(false);
    expect(c.environment.differences.map((d) => d.field)).toEqual(["cpu", "fingerprint"]);
    expect(c.verdict).toBe("warn");
    expect(environmentDiff(meta("x"), meta("y", { options: { rounds: 2 } })).differences.map((d) => d.field)).toEqual(["options"]);
  });

  it("keys duplicated names by file", () => {
    const s = run("x", [spec("dup", { file: "a.py" }), spec("dup", { file: "b.py" }), spec("one")]).scores;
    const key = keyFunction(s);
    expect(s.specs.map(key)).toEqual(["a.py:dup", "b.py:dup", "one"]);
  });
});
