import { describe, expect, it } from "vitest";
import { PYTHON_PRIMS } from "../../src/dsl/prims/index.js";
import { INT, list } from "../../src/dsl/types.js";
import { buildPythonGrammar } from "../../src/search/pygrammar.js";
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
