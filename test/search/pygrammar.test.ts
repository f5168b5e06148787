import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PYTHON_PRIMS } from "../../src/dsl/prims/index.js";
import { INT, STR, list } from "../../src/dsl/types.js";
import { exprToPython } from "../../src/emit/python.js";
import { COST_SCALE } from "../../src/search/grammar.js";
import { buildPythonGrammar } from "../../src/search/pygrammar.js";
import { synthesize } from "../../src/search/synthesize.js";
import { UNIFORM_WEIGHTS, type GrammarWeights, type BaseCosts } from "../../src/search/weights.js";
import { problem } from "./helpers.js";

const P = problem("total", "add up the numbers", [["xs", list(INT)]], INT, [
  [[[1, 2, 3]], 6],
  [[[4]], 4],
]);

type Prod = ReturnType<typeof buildPythonGrammar>["prods"][number];
const costOf = (w: GrammarWeights, pick: (p: Prod) => boolean, prior: BaseCosts = "hand"): number[] =>
  buildPythonGrammar(P, w, { base: prior }).prods.filter(pick).map((p) => p.cost);

describe("learned weights in the Python grammar", () => {
  it("move probability among operators, never between operators and leaves", () => {
    // A model that raises every operator it knows by the same amount says nothing about which one to pick.
    const flat: GrammarWeights = { ...UNIFORM_WEIGHTS, prim: new Map(PYTHON_PRIMS.map((p) => [p.name, 3])), source: "flat" };
    const leaves = (p: { kind: string }): boolean => p.kind === "var" || p.kind === "const";
    expect(costOf(flat, leaves)).toEqual(costOf(UNIFORM_WEIGHTS, leaves));
    expect(costOf(flat, () => true)).toEqual(costOf(UNIFORM_WEIGHTS, () => true));
    // Raising one operator makes it cheaper and the others dearer; leaves do not move (up to rounding).
    const one: GrammarWeights = { ...UNIFORM_WEIGHTS, prim: new Map([["seq.sum", 3]]), source: "one" };
    const sumCost = (w: GrammarWeights): number => Math.min(...costOf(w, (p) => p.key === "seq.sum"));
    expect(sumCost(one)).toBeLessThan(sumCost(UNIFORM_WEIGHTS));
    const before = costOf(UNIFORM_WEIGHTS, leaves);
    costOf(one, leaves).forEach((c, i) => expect(Math.abs(c - (before[i] as number))).toBeLessThanOrEqual(1));
  });
});

describe("operator costs under arbitrary learned weights", () => {
  const names = ["seq.sum", "seq.len", "seq.max", "seq.min", "int.add", "int.mul", "seq.count", "comp.sum", "comp.count", "str.int"];
  const arbWeights = fc.array(fc.tuple(fc.constantFrom(...names), fc.double({ min: -6, max: 6, noNaN: true })), { maxLength: 10 });

  it("keep each leaf's cost, and price a nonterminal's operators by their learned weights", () => {
    fc.assert(
      fc.property(arbWeights, (pairs) => {
        const prim = new Map(pairs);
        const w: GrammarWeights = { ...UNIFORM_WEIGHTS, prim, source: "arb" };
        const g = buildPythonGrammar(P, w, { base: "flat" });
        const u = buildPythonGrammar(P, UNIFORM_WEIGHTS, { base: "flat" });
        // The same productions in the same order; leaves cost the same as without learned weights (up to rounding).
        expect(g.prods.map((p) => p.key)).toEqual(u.prods.map((p) => p.key));
        g.prods.forEach((p, i) => {
          if (p.kind === "var" || p.kind === "const") expect(Math.abs(p.cost - (u.prods[i] as Prod).cost)).toBeLessThanOrEqual(1);
        });
        // Within a nonterminal, two operators' costs differ by their weights' difference (in cost units, up to
        // rounding and the floor of 1 unit).
        const ops = g.prods.filter((p) => p.kind === "op" || p.kind === "hof");
        for (const a of ops)
          for (const b of ops) {
            if (a.lhs !== b.lhs || a.cost <= 1 || b.cost <= 1) continue;
            const gap = ((prim.get(b.key) ?? 0) - (prim.get(a.key) ?? 0)) * COST_SCALE;
            expect(Math.abs(a.cost - b.cost - gap)).toBeLessThanOrEqual(1);
          }
      }),
      { numRuns: 25 },
    );
  });
});

describe("grammar shapes", () => {
  const words = (description: string, out: number[]) =>
    problem("words", description, [["s", STR]], list(INT), [
      [["ab c"], out],
      [["d"], [1]],
    ]);

  it("are equal for grammars with the same productions apart from costs, and differ otherwise", () => {
    const a = buildPythonGrammar(words("lengths of the words", [2, 1]), UNIFORM_WEIGHTS, { base: "flat" });
    const weighted = buildPythonGrammar(words("lengths of the words", [2, 1]), { ...UNIFORM_WEIGHTS, prim: new Map([["seq.len", 3]]), source: "one" }, { base: "flat" });
    expect(weighted.shape).toBe(a.shape);
    expect(weighted.prods.map((p) => p.cost)).not.toEqual(a.prods.map((p) => p.cost));
    // A mined constant more: one leaf more, so another shape.
    const more = buildPythonGrammar(words("lengths of the words after 7", [2, 1]), UNIFORM_WEIGHTS, { base: "flat" });
    expect(more.prods.length).toBeGreaterThan(a.prods.length);
    expect(more.shape).not.toBe(a.shape);
  });

  it("let searches share bigram tables without changing what they enumerate", () => {
    const bigram = new Map([
      ["comp.map/1", new Map([["seq.len", 2], ["str.upper", -1]])],
      ["seq.len/0", new Map([["str.split", 1.5]])],
    ]);
    const w: GrammarWeights = { ...UNIFORM_WEIGHTS, bigram, source: "bigram" };
    // The second spec has the first one's shape, the third one more leaf (a mined constant).
    for (const spec of [words("lengths of the words", [2, 1]), words("how long each word is", [2, 1]), words("lengths of the words after 7", [2, 1])]) {
      const g = buildPythonGrammar(spec, w, { base: "flat" });
      const run = (grammar: typeof g) => synthesize(spec, { timeoutMs: 20_000, weights: w, grammar });
      const shared = [run(g), run(g)];
      const { shape: _, ...unshaped } = g;
      const alone = run(unshaped);
      for (const r of shared) {
        expect(r.stop.kind).toBe("solved");
        expect(r.stats.candidates).toBe(alone.stats.candidates);
        expect(exprToPython(r.program!)).toBe(exprToPython(alone.program!));
      }
    }
  });
});

describe("the flat prior (the unguided engine of the learning benchmark)", () => {
  // In the list[int] -> int nonterminal: seq.sum (hand cost 1, hinted by "add") and a costlier unhinted operator.
  const intOps = (p: Prod): boolean => p.kind !== "var" && p.kind !== "const" && p.lhs === buildPythonGrammar(P, UNIFORM_WEIGHTS).start;
  const costsByKey = (prior: BaseCosts, w: GrammarWeights = UNIFORM_WEIGHTS): Map<string, number> => {
    const out = new Map<string, number>();
    for (const p of buildPythonGrammar(P, w, { base: prior }).prods.filter(intOps)) out.set(p.key, Math.min(out.get(p.key) ?? Infinity, p.cost));
    return out;
  };

  it("gives every operator of a nonterminal the same cost, hinted or not", () => {
    const hand = costsByKey("hand");
    expect(new Set(hand.values()).size).toBeGreaterThan(1);
    expect(hand.get("seq.sum")).toBeLessThan(Math.max(...hand.values()));
    const flat = costsByKey("flat");
    expect(new Set(flat.values()).size).toBe(1);
  });

  it("keeps each spec's hints and each weights object's learned weights apart (they are cached per table and weights)", () => {
    const sumCost = (spec: typeof P, w: GrammarWeights, prior: BaseCosts): number =>
      Math.min(...buildPythonGrammar(spec, w, { base: prior }).prods.filter((p) => p.key === "seq.sum").map((p) => p.cost));
    const silent = problem("total", "the numbers", [["xs", list(INT)]], INT, [[[[1, 2, 3]], 6], [[[4]], 4]]);
    const raised: GrammarWeights = { ...UNIFORM_WEIGHTS, prim: new Map([["seq.sum", 3]]), source: "raised" };
    const before = [sumCost(P, UNIFORM_WEIGHTS, "hand"), sumCost(silent, UNIFORM_WEIGHTS, "hand"), sumCost(P, raised, "hand"), sumCost(P, raised, "flat")];
    // "add" hints seq.sum under the hand base only; learned weights lower it under both bases.
    expect(before[0]).toBeLessThan(before[1] as number);
    expect(before[2]).toBeLessThan(before[0] as number);
    expect(before[3]).toBeLessThan(sumCost(P, UNIFORM_WEIGHTS, "flat"));
    // The same again, in another order: nothing computed for one spec, base or weights object leaks into another.
    expect([sumCost(P, raised, "flat"), sumCost(P, raised, "hand"), sumCost(silent, UNIFORM_WEIGHTS, "hand"), sumCost(P, UNIFORM_WEIGHTS, "hand")].reverse()).toEqual(before);
  });

  it("leaves room for learned weights to rank operators", () => {
    const learned: GrammarWeights = { ...UNIFORM_WEIGHTS, prim: new Map([["seq.sum", 3]]), source: "one" };
    const flat = costsByKey("flat", learned);
    const sum = flat.get("seq.sum") as number;
    for (const [k, c] of flat) if (k !== "seq.sum") expect(sum).toBeLessThan(c);
  });
});

describe("per-spec learned guidance in the Python grammar", () => {
  const ntCost = (w: GrammarWeights, nt: string): number => {
    const g = buildPythonGrammar(P, w, { base: "flat" });
    const i = g.ntIndex.get(nt)!;
    return Math.min(...g.prods.filter((p) => p.lhs === i).map((p) => p.cost));
  };

  it("the description model makes the primitives a spec's features call for cheaper", () => {
    const desc = { presence: new Map([["seq.sum", 0.2], ["seq.max", 0.2]]), evidence: new Map([["add", new Map([["seq.sum", 4]])]]), temperature: 1, floor: -3, ceil: 6, n: 50 };
    const w: GrammarWeights = { ...UNIFORM_WEIGHTS, desc, source: "desc" };
    const cost = (weights: GrammarWeights, key: string): number => Math.min(...buildPythonGrammar(P, weights, { base: "flat" }).prods.filter((p) => p.key === key).map((p) => p.cost));
    expect(cost(w, "seq.sum")).toBeLessThan(cost(UNIFORM_WEIGHTS, "seq.sum"));
    // "add" is in P's description; a model whose evidence is for a word P lacks changes nothing.
    const other: GrammarWeights = { ...UNIFORM_WEIGHTS, desc: { ...desc, evidence: new Map([["reverse", new Map([["seq.sum", 4]])]]) }, source: "other" };
    expect(cost(other, "seq.sum")).toBe(cost(UNIFORM_WEIGHTS, "seq.sum"));
  });

  it("the type prior raises every production of a type this signature's solutions rarely compute, and never the signature's own types", () => {
    const types = { n: 20, used: new Map([["str", 1]]), bySignature: new Map([["int<-list", { n: 10, used: new Map<string, number>() }]]) };
    const w: GrammarWeights = { ...UNIFORM_WEIGHTS, types, source: "types" };
    expect(ntCost(w, "str")).toBeGreaterThan(ntCost(UNIFORM_WEIGHTS, "str") + 4);
    expect(ntCost(w, "int")).toBe(ntCost(UNIFORM_WEIGHTS, "int"));
    expect(ntCost(w, "list[int]")).toBe(ntCost(UNIFORM_WEIGHTS, "list[int]"));
  });
});
