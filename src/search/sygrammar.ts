/**
 * The search grammar of a SyGuS problem: exactly the language of its `synth-fun` grammar, so that every program
 * the search builds is one the problem allows.
 *
 * - One Nonterminal per grammar nonterminal. A pure alias (`Start -> ntString` as its only rule) is collapsed into
 *   its target, so both share one bank of values; an alias among other rules brings in the target's rules.
 * - Productions: parameters (`var`), literals (`const`), and operators (`op`, the SMT primitive of the rule). A
 *   nested argument term (`(str.++ ntString " ")`) gets a nonterminal of its own with that one production.
 * - Costs: a primitive's prior cost plus the weights' adjustment (GrammarWeights.prim by stable name, "var",
 *   "const"), normalized per nonterminal (normalizeCosts), so a nonterminal with few rules has cheap ones.
 */
import type { Primitive } from "../dsl/primitive.js";
import { primByName } from "../dsl/prims/index.js";
import { BOOL, INT, STR, type Type } from "../dsl/types.js";
import type { Problem } from "../spec/problem.js";
import type { SygusData, SygusNonterminal, SygusRule, SygusSort } from "../spec/sygus-types.js";
import { makeProduction, normalizeCosts, type Grammar, type Nonterminal, type ProductionDraft } from "./grammar.js";
import { priorWeight, type GrammarWeights, type BaseCosts } from "./weights.js";

/** log2 prior weights of terminals relative to primitives (whose weight is -cost). */
const VAR_WEIGHT = 0;
/** A grammar's literals are chosen for the task (like constants mined from a description). */
const CONST_WEIGHT = -0.5;

const SORT_TYPES: Readonly<Record<SygusSort, Type>> = { String: STR, Int: INT, Bool: BOOL };

/**
 * Builds the search grammar of a problem that has SyGuS data (`problem.sygus`). Throws when it has none: callers
 * choose this builder only for SyGuS problems.
 */
export function buildSygusGrammar(problem: Problem, weights: GrammarWeights, base: BaseCosts = "hand"): Grammar {
  const data = problem.sygus;
  if (!data) throw new Error(`problem ${problem.name} has no SyGuS grammar`);
  return new SygusGrammarBuilder(data, weights, base).build();
}

class SygusGrammarBuilder {
  private readonly byName: ReadonlyMap<string, SygusNonterminal>;
  /** Grammar nonterminal name -> index of the search nonterminal it became (aliases share their target's). */
  private readonly index = new Map<string, number>();
  private readonly nts: Nonterminal[] = [];
  private readonly draft: { p: ProductionDraft; w: number }[] = [];
  /** Nonterminals made for nested argument terms, by the term's key (shared when the same term recurs). */
  private readonly nested = new Map<string, number>();

  constructor(
    private readonly data: SygusData,
    private readonly weights: GrammarWeights,
    private readonly base: BaseCosts,
  ) {
    this.byName = new Map(data.grammar.nonterminals.map((n) => [n.name, n]));
  }

  build(): Grammar {
    for (const n of this.data.grammar.nonterminals) this.nonterminal(n.name);
    for (const n of this.data.grammar.nonterminals) {
      if (this.aliasTarget(n) !== n.name) continue;
      for (const rule of this.rulesOf(n)) this.production(this.index.get(n.name) ?? 0, rule);
    }
    const costs = normalizeCosts(this.draft.map((d) => d.w), this.draft.map((d) => d.p.lhs));
    const prods = this.draft.map((d, i) => makeProduction(d.p, costs[i] ?? 1));
    const ntIndex = new Map(this.nts.map((n, i) => [n.name, i] as const));
    return { nts: this.nts, prods, start: this.index.get(this.data.grammar.start) ?? -1, ntIndex };
  }

  /** The index of a grammar nonterminal's search nonterminal (its alias target's, for a pure alias). */
  private nonterminal(name: string): number {
    const known = this.index.get(name);
    if (known !== undefined) return known;
    const n = this.byName.get(name);
    if (!n) throw new Error(`grammar nonterminal ${name} is not defined`);
    const target = this.aliasTarget(n);
    const i = target === name ? this.nts.push({ name, type: SORT_TYPES[n.sort] }) - 1 : this.nonterminal(target);
    this.index.set(name, i);
    return i;
  }

  /** Follows pure aliases (a nonterminal whose only rule is another nonterminal of its sort), cycles excepted. */
  private aliasTarget(n: SygusNonterminal): string {
    const seen = new Set<string>([n.name]);
    let cur = n;
    for (;;) {
      const only = cur.rules.length === 1 ? cur.rules[0] : undefined;
      const next = only?.kind === "nt" ? this.byName.get(only.name) : undefined;
      if (!next || next.sort !== cur.sort || seen.has(next.name)) return cur.name;
      seen.add(next.name);
      cur = next;
    }
  }

  /** The rules of a nonterminal with alias rules replaced by the rules of their targets (transitively). */
  private rulesOf(n: SygusNonterminal): SygusRule[] {
    const out: SygusRule[] = [];
    const keys = new Set<string>();
    const visited = new Set<string>();
    const visit = (x: SygusNonterminal): void => {
      if (visited.has(x.name)) return;
      visited.add(x.name);
      for (const r of x.rules) {
        const target = r.kind === "nt" ? this.byName.get(r.name) : undefined;
        if (target) visit(target);
        else if (!keys.has(ruleKey(r))) {
          keys.add(ruleKey(r));
          out.push(r);
        }
      }
    };
    visit(n);
    return out;
  }

  private production(lhs: number, rule: SygusRule): void {
    const w = this.weights.prim;
    switch (rule.kind) {
      case "nt":
        return;
      case "var":
        this.draft.push({ p: { kind: "var", lhs, name: rule.name, key: "var" }, w: VAR_WEIGHT + (w.get("var") ?? 0) });
        return;
      case "const":
        this.draft.push({ p: { kind: "const", lhs, value: rule.value, key: "const" }, w: CONST_WEIGHT + (w.get("const") ?? 0) });
        return;
      case "op": {
        const prim: Primitive | undefined = primByName(rule.prim);
        if (!prim) throw new Error(`grammar operator ${rule.prim} is not a registered primitive`);
        const args = rule.args.map((a) => this.argument(a));
        this.draft.push({ p: { kind: "op", lhs, prim, args, key: prim.name }, w: priorWeight(prim.cost, false, 0, this.base) + (w.get(prim.name) ?? 0) });
        return;
      }
    }
  }

  /** The nonterminal of an operator's argument: a grammar nonterminal, or one made for a nested term. */
  private argument(rule: SygusRule): number {
    if (rule.kind === "nt") return this.nonterminal(rule.name);
    const key = ruleKey(rule);
    const known = this.nested.get(key);
    if (known !== undefined) return known;
    const i = this.nts.push({ name: key, type: SORT_TYPES[rule.sort] }) - 1;
    this.nested.set(key, i);
    this.production(i, rule);
    return i;
  }
}

/** A rule as SyGuS-like text, canonical enough to deduplicate rules and name nested terms (`(str.++ ntString "!")`). */
function ruleKey(r: SygusRule): string {
  switch (r.kind) {
    case "nt":
    case "var":
      return r.name;
    case "const":
      return typeof r.value === "string" ? JSON.stringify(r.value) : String(r.value);
    case "op":
      return `(${primByName(r.prim)?.smt ?? r.prim} ${r.args.map(ruleKey).join(" ")})`;
  }
}
