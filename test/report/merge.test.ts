import { describe, expect, it } from "vitest";
import { MergeConflictError, mergeRounds, mergeScores } from "../../src/report/merge.js";
import { RunScoresSchema } from "../../src/report/schema.js";
import { scores, spec } from "./fixtures.js";

describe("mergeScores", () => {
  it("orders specs by file then line, sums counts and times, and stays a valid RunScores", () => {
    const a = scores([spec("b1", { file: "b.py", line: 9 }), spec("b0", { file: "b.py", line: 1, status: "unsolved", score: 0.5 })], [{ round: 1, solved: 1, time_ms: 30 }]);
    const b = scores([spec("a0", { file: "a.py", line: 4, time_ms: 25 })], [{ round: 1, solved: 1, time_ms: 25 }]);
    const merged = mergeScores([a, b]);
    expect(merged.specs.map((s) => `${s.file}:${s.line}`)).toEqual(["a.py:4", "b.py:1", "b.py:9"]);
    expect(merged.summary).toMatchObject({ total: 3, solved: 2, unsolved: 1, ambiguous: 0, errors: 0, time_ms: a.summary.time_ms + b.summary.time_ms });
    expect(RunScoresSchema.parse(merged)).toEqual(merged);
  });

  it("gives the same result whatever the order of the parts", () => {
    const parts = [scores([spec("x", { file: "x.py" })]), scores([spec("y", { file: "y.py" })]), scores([spec("z", { file: "a/z.py" })])];
    expect(mergeScores(parts)).toEqual(mergeScores([...parts].reverse()));
  });

  it("keeps spec errors of every part, sorted by file", () => {
    const a = { ...scores([]), errors: [{ file: "z.py", line: 3, message: "bad" }] };
    const b = { ...scores([]), errors: [{ file: "a.py", line: 1, message: "worse" }] };
    expect(mergeScores([a, b]).errors.map((e) => e.file)).toEqual(["a.py", "z.py"]);
  });

  it("refuses parts that share a spec", () => {
    const one = scores([spec("f", { file: "f.py", line: 2 })]);
    expect(() => mergeScores([one, one])).toThrow(MergeConflictError);
    expect(() => mergeScores([one, one])).toThrow(/f.py:2:f is in more than one/);
  });

  it("merges nothing into an empty run", () => {
    expect(mergeScores([]).summary).toEqual({ total: 0, solved: 0, ambiguous: 0, unsolved: 0, errors: 0, time_ms: 0, per_round: [] });
  });
});

describe("mergeRounds", () => {
  it("adds rounds up, a part that finished early keeping its final count", () => {
    const early = [{ round: 1, solved: 3, time_ms: 100 }];
    const late = [
      { round: 1, solved: 1, time_ms: 50 },
      { round: 2, solved: 2, time_ms: 80 },
    ];
    expect(mergeRounds([early, late])).toEqual([
      { round: 1, solved: 4, time_ms: 150 },
      { round: 2, solved: 5, time_ms: 80 },
    ]);
  });
});
