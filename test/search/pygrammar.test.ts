import { describe, expect, it } from "vitest";
import { PYTHON_PRIMS } from "../../src/dsl/prims/index.js";
import { INT, list } from "../../src/dsl/types.js";
import { buildPythonGrammar } from "../../src/search/pygrammar.js";
import { UNIFORM_WEIGHTS, type GrammarWeights } from "../../src/search/weights.js";
import { problem } from "./helpers.js";

const P = problem("total", "add up the numbers", [["xs", list(INT)]], INT, [
  [[[1, 2, 3]], 6],
  [[[4]], 4],
]);

const costOf = (w: GrammarWeights, pick: (p: ReturnType<typeof buildPythonGrammar>["prods"][number]) => boolean): number[] =>
  buildPythonGrammar(P, w).prods.filter(pick).map((p) => p.cost);

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
