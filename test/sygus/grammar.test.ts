// The search grammar of SyGuS problems: the problem's own nonterminals (pure aliases collapsed), its literals,
// parameters and operators only, costs normalized per nonterminal, and the conditional divide and conquer uses.
import { describe, expect, it } from "vitest";
import { conditionalOf } from "../../src/search/cond.js";
import type { Grammar, Production } from "../../src/search/grammar.js";
import { buildSygusGrammar } from "../../src/search/sygrammar.js";
import { UNIFORM_WEIGHTS } from "../../src/search/weights.js";
import { parseSygus } from "../../src/spec/sygus.js";

function grammarOf(rules: string, sort = "String", weights = UNIFORM_WEIGHTS): Grammar {
  const ex = sort === "Int" ? '(constraint (= (f "a") 1))' : '(constraint (= (f "a") "b"))';
  const r = parseSygus(`(set-logic SLIA)\n(synth-fun f ((s String)) ${sort} (${rules}))\n${ex}\n(check-synth)`, "g.sl");
  expect(r.errors).toEqual([]);
  return buildSygusGrammar(r.problems[0]!, weights);
}

const show = (g: Grammar, p: Production): string => {
  const nt = (i: number): string => g.nts[i]!.name;
  switch (p.kind) {
    case "var":
      return `${nt(p.lhs)} -> ${p.name}`;
    case "const":
      return `${nt(p.lhs)} -> ${JSON.stringify(p.value)}`;
    case "op":
      return `${nt(p.lhs)} -> ${p.prim.name}(${p.args.map(nt).join(", ")})`;
    case "hof":
      return `${nt(p.lhs)} -> hof`;
    case "seed":
      return `${nt(p.lhs)} -> seed`;
  }
};

const PHONE = `(Start String (ntString))
  (ntString String (s " " (str.++ ntString ntString) (str.substr ntString ntInt ntInt) (ite ntBool ntString ntString)))
  (ntInt Int (0 1 (+ ntInt ntInt) (str.len ntString)))
  (ntBool Bool (true (str.prefixof ntString ntString)))`;

describe("buildSygusGrammar", () => {
  it("has one nonterminal per grammar nonterminal, a pure alias collapsed into its target", () => {
    const g = grammarOf(PHONE);
    expect(g.nts.map((n) => [n.name, n.type.kind])).toEqual([
      ["ntString", "str"],
      ["ntInt", "int"],
      ["ntBool", "bool"],
    ]);
    expect(g.start).toBe(0);
    expect(g.prods.map((p) => show(g, p))).toEqual([
      "ntString -> s",
      'ntString -> " "',
      "ntString -> smt.str.++(ntString, ntString)",
      "ntString -> smt.str.substr(ntString, ntInt, ntInt)",
      "ntString -> smt.ite(ntBool, ntString, ntString)",
      "ntInt -> 0",
      "ntInt -> 1",
      "ntInt -> smt.+(ntInt, ntInt)",
      "ntInt -> smt.str.len(ntString)",
      "ntBool -> true",
      "ntBool -> smt.str.prefixof(ntString, ntString)",
    ]);
  });

  it("gives an alias among other rules the target's rules, and nested terms a nonterminal of their own", () => {
    const g = grammarOf(`(Start String (T (str.++ Start "!"))) (T String (s "a"))`);
    expect(g.prods.map((p) => show(g, p))).toEqual(["Start -> s", 'Start -> "a"', '"!" -> "!"', 'Start -> smt.str.++(Start, "!")', "T -> s", 'T -> "a"']);
    expect(g.nts[g.start]!.name).toBe("Start");
  });

  it("normalizes costs per nonterminal, and weights make a primitive cheaper", () => {
    const g = grammarOf(PHONE);
    for (const p of g.prods) expect(p.cost).toBeGreaterThanOrEqual(1);
    const cost = (gr: Grammar, name: string): number => gr.prods.find((p) => p.kind === "op" && p.prim.name === name)!.cost;
    const boosted = grammarOf(PHONE, "String", { ...UNIFORM_WEIGHTS, prim: new Map([["smt.str.substr", 2]]) });
    expect(cost(boosted, "smt.str.substr")).toBeLessThan(cost(g, "smt.str.substr"));
    const single = grammarOf(`(Start String ((str.++ s s)))`);
    expect(single.prods.map((p) => p.cost)).toEqual([1, 1]);
  });

  it("tells divide and conquer the start conditional (smt.ite) and its Bool nonterminal", () => {
    const g = grammarOf(PHONE);
    const c = conditionalOf(g);
    expect(c?.prod.prim.name).toBe("smt.ite");
    expect(c?.boolNt).toBe(g.ntIndex.get("ntBool"));
    expect(conditionalOf(grammarOf(`(Start Int ((ite B Start Start) 1)) (B Bool (true))`, "Int"))).toBeDefined();
    expect(conditionalOf(grammarOf(`(Start String ((ite B T T) s)) (T String (s)) (B Bool (true))`))).toBeUndefined();
  });
});
