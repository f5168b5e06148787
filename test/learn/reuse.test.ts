import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { call, c, v } from "../../src/dsl/expr.js";
import { exprFromJson, exprToJson } from "../../src/dsl/serialize.js";
import { INT, STR, list } from "../../src/dsl/types.js";
import { exprToPython } from "../../src/emit/python.js";
import { recordKey, type CorpusRecord } from "../../src/learn/record.js";
import { REUSE_MIN_SCORE, adaptProgram, rankRecords, reuseFor, seedsOf, updateBias, usedSources } from "../../src/learn/reuse.js";
import { synthesize } from "../../src/search/synthesize.js";
import type { Problem } from "../../src/spec/problem.js";
import { record } from "../corpus/helpers.js";
import { problem } from "../search/helpers.js";

const keyed = (r: CorpusRecord): CorpusRecord & { key: string } => ({ ...r, key: recordKey(r) });

/** ' '.join(s.split()[::-1]) over parameter `name`. */
const reverseWords = (name: string) => call("str.join", STR, c(" ", STR), call("seq.reverse", list(STR), call("str.split", list(STR), v(name, STR))));

const reverseSpec = problem("reverse_words", "Reverse the words of a sentence.", [["text", STR]], STR, [[["hello big world"], "world big hello"], [["a b"], "b a"]]);

describe("ranking retrieved records", () => {
  it("orders by the seed's score, leaves out unsolved records and lets the seed bias move an entry", () => {
    const same = keyed(record(1));
    const otherWords = keyed(record(2, { description: "Upper-case a text." }));
    const otherType = keyed(record(3, { params: [{ name: "n", type: "int" }], signature: "(n: int) -> str" }));
    const unsolved = keyed(record(4, { status: "unsolved", score: 0.5 }));
    const ranked = rankRecords(reverseSpec, [otherType, unsolved, otherWords, same]);
    // A parameter of another type keeps half the signature match (the return type): 0.3 + 0.4 + 0.1 = 0.8 beats
    // the same signature with no shared word, 0.6 + 0 + 0.1.
    expect(ranked.map((r) => r.key)).toEqual([same.key, otherType.key, otherWords.key]);
    // Same signature, every description word shared, perfect: 0.6 + 0.4 + 0.1.
    expect(ranked[0]?.score).toBeCloseTo(1.1, 10);
    const biased = rankRecords(reverseSpec, [otherType, otherWords, same], new Map([[otherWords.key, 0.9]]));
    expect(biased[0]?.key).toBe(otherWords.key);
    expect(rankRecords(reverseSpec, [same, otherWords, otherType], new Map(), 1)).toHaveLength(1);
  });
});

describe("adapting a stored program to a new spec", () => {
  it("renames parameters onto the new spec's by type, preferring the same position", () => {
    const stored = call("int.add", INT, call("seq.len", INT, v("s", STR)), v("n", INT));
    const p = problem("f", "", [["k", INT], ["word", STR]], INT, [[[1, "a"], 2]]);
    const adapted = adaptProgram(stored, [{ name: "s", type: "str" }, { name: "n", type: "int" }], p);
    expect(adapted && exprToPython(adapted)).toBe(exprToPython(call("int.add", INT, call("seq.len", INT, v("word", STR)), v("k", INT))));
  });

  it("gives up when a stored parameter has no counterpart of its type", () => {
    const p = problem("f", "", [["k", INT]], INT, [[[1], 2]]);
    expect(adaptProgram(v("s", STR), [{ name: "s", type: "str" }], p)).toBeUndefined();
  });
});

describe("seeds", () => {
  it("are the calls over parameters only, each once, largest first (a comprehension body's pieces are not)", () => {
    const prog = reverseWords("text");
    const seeds = seedsOf(prog, new Set(["text"])).map(exprToPython);
    expect(seeds).toEqual(["' '.join(text.split()[::-1])", "text.split()[::-1]", "text.split()"]);
    expect(seedsOf(call("int.add", INT, v("x", INT), c(1, INT)), new Set(["n"]))).toEqual([]);
  });

  it("come with the programs from the best records first, and say which record gave which", () => {
    const a = keyed(record(1));
    const b = keyed(record(2, { program: [...exprToJson(call("str.upper", STR, v("s", STR)))], python: "s.upper()" }));
    const reuse = reuseFor(reverseSpec, rankRecords(reverseSpec, [a, b]));
    expect(reuse.programs.map((p) => exprToPython(p.expr))).toEqual(["' '.join(text.split()[::-1])", "text.upper()"]);
    expect(reuse.sources.map((s) => [s.key, s.seeds.length])).toEqual([[a.key, 3], [b.key, 1]]);
    expect(reuseFor(reverseSpec, rankRecords(reverseSpec, [a, b]), { maxSeeds: 2 }).seeds).toHaveLength(2);
    expect(reuse.constants.map((k) => k.value)).toEqual([" "]);
    const used = usedSources(exprFromJson(a.program)!, reuse);
    // Its parameter is `s`, the spec's `text`: the stored form is not this spec's program, so it did not help.
    expect(used.size).toBe(0);
    expect(usedSources(reuse.programs[0]!.expr, reuse)).toEqual(new Set([a.key]));
  });
});

describe("the relevance gate", () => {
  const related = keyed(record(1));
  const unrelated = keyed(record(2, { description: "Upper-case a text.", program: [...exprToJson(call("str.upper", STR, v("s", STR)))], python: "s.upper()" }));

  it("reuses records that share the signature and at least half the description words, nothing from the rest", () => {
    const ranked = rankRecords(reverseSpec, [related, unrelated]);
    expect(ranked.map((r) => r.score.toFixed(2))).toEqual(["1.10", "0.70"]);
    expect(REUSE_MIN_SCORE).toBeGreaterThan(0.7);
    const reuse = reuseFor(reverseSpec, ranked);
    expect(reuse.programs.map((p) => p.key)).toEqual([related.key]);
    expect(reuse.sources.map((s) => s.key)).toEqual([related.key]);
    expect(reuse.seeds.map(exprToPython)).not.toContain("text.upper()");
    // The seed bias lifts an entry over the gate.
    expect(reuseFor(reverseSpec, rankRecords(reverseSpec, [related, unrelated], new Map([[unrelated.key, 0.3]]))).programs).toHaveLength(2);
  });

  it("always lets the very same question through, and SyGuS problems reuse whatever fits their constraints", () => {
    const ranked = rankRecords(reverseSpec, [unrelated]);
    expect(reuseFor(reverseSpec, ranked).programs).toHaveLength(0);
    expect(reuseFor(reverseSpec, ranked, { specHash: unrelated.spec_hash }).programs).toHaveLength(1);
    const sygus = { ...reverseSpec, format: "sygus" as const, sygus: {} as NonNullable<Problem["sygus"]> };
    expect(reuseFor(sygus, ranked).programs).toHaveLength(1);
  });
});

describe("the seed bias", () => {
  it("fades toward 0 by the decay, and moves retrieved entries toward +1 when they helped, -1 when not", () => {
    const next = updateBias(new Map([["old", 0.5], ["a", 0.2]]), ["a", "b"], new Set(["a"]), 0.1, 0.95);
    expect(next.get("old")).toBeCloseTo(0.475, 12);
    expect(next.get("a")).toBeCloseTo(0.19 + 0.1 * (1 - 0.19), 12);
    expect(next.get("b")).toBeCloseTo(-0.1, 12);
  });

  it("stays within (-1, 1) and keeps helped entries above unhelped ones, whatever the history", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.boolean()), { maxLength: 60 }), fc.double({ min: 0.01, max: 0.9, noNaN: true }), fc.double({ min: 0.5, max: 1, noNaN: true }), (history, rate, decay) => {
        let bias = new Map<string, number>();
        for (const [x, y] of history) bias = updateBias(bias, ["x", "y"], new Set([...(x ? ["x"] : []), ...(y ? ["y"] : [])]), rate, decay);
        for (const b of bias.values()) expect(Math.abs(b)).toBeLessThan(1);
        const always = history.length > 0 && history.every(([x, y]) => x && !y);
        if (always) expect(bias.get("x")!).toBeGreaterThan(bias.get("y")!);
      }),
    );
  });
});

describe("a search with retrieved programs", () => {
  it("returns a tried-first program that fits every example without searching", () => {
    const r = synthesize(reverseSpec, { timeoutMs: 5000, tryFirst: [call("str.upper", STR, v("text", STR)), reverseWords("text")] });
    expect(r.stop.kind).toBe("solved");
    expect(exprToPython(r.program!)).toBe("' '.join(text.split()[::-1])");
    expect(r.stats.candidates).toBe(0);
  });

  it("offers the retrieved programs' constants to the search", () => {
    const p = problem("add_offset", "", [["n", INT]], INT, [[[1], 4097], [[10], 4106], [[-5], 4091]]);
    const reuse = reuseFor(p, rankRecords(p, [keyed(record(7, { description: "", params: [{ name: "n", type: "int" }], returns: "int", signature: "(n: int) -> int", program: [...exprToJson(call("int.mul", INT, v("n", INT), c(4096, INT)))] }))], new Map()), { minScore: 0 });
    expect(reuse.constants.map((k) => k.value)).toEqual([4096]);
    const offered = synthesize(p, { timeoutMs: 5000, extraConstants: reuse.constants.map((k) => [k.value, k.type] as const) });
    expect(offered.stop.kind).toBe("solved");
    expect(exprToPython(offered.program!)).toBe("n + 4096");
    // Without the constant, half a second is not enough (the search has to build 4096 from smaller numbers).
    const without = synthesize(p, { timeoutMs: 500 });
    expect(without.stop.kind === "solved" ? without.stats.candidates : Infinity).toBeGreaterThan(offered.stats.candidates);
  });

  it("searches as usual when no tried-first program fits, and a seed makes a long program one cheap step", () => {
    const p = problem("exclaim_reversed", "", [["text", STR]], STR, [[["hello big world"], "world big hello!"], [["a b"], "b a!"], [["x"], "x!"]]);
    const seeded = synthesize(p, { timeoutMs: 10_000, tryFirst: [reverseWords("text")], seeds: [reverseWords("text")] });
    expect(seeded.stop.kind).toBe("solved");
    expect(exprToPython(seeded.program!)).toBe("' '.join(text.split()[::-1]) + '!'");
    // Unguided, this program takes about 750,000 candidates (2.6 s on a 2-core runner); in half a second the search
    // either has not found it or has tried far more.
    const unguided = synthesize(p, { timeoutMs: 500 });
    expect(seeded.stats.candidates).toBeLessThan(1000);
    expect(unguided.stop.kind === "solved" ? unguided.stats.candidates : Infinity).toBeGreaterThan(10 * seeded.stats.candidates);
  });
});
