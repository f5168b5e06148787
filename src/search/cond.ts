import { call, type Expr } from "../dsl/expr.js";
import type { Type } from "../dsl/types.js";
import { and, andNot, bitsKey, bitsOf, isEmpty, popcount, setBit, subset, type Bits } from "./bitset.js";
import type { Enumerator } from "./enumerator.js";
import type { Grammar, Production } from "./grammar.js";

interface Term {
  readonly entry: number;
  readonly cost: number;
  readonly bits: Bits;
}

/** A decision tree over enumerated predicates and terms (the conditional program found by divide and conquer). */
type Tree =
  | { readonly leaf: Term; readonly cost: number; readonly leaves: 1 }
  | { readonly built: Expr; readonly cost: number; readonly leaves: 1 }
  | { readonly pred: Term; readonly yes: Tree; readonly no: Tree; readonly cost: number; readonly leaves: number };

/** Synthesizes a leaf for a subset of the examples (indices) when no single enumerated term covers it. */
export type LeafSynth = (on: readonly number[], maxCost: number) => { readonly expr: Expr; readonly cost: number } | undefined;

/** Options of the divide-and-conquer solver. */
export interface CondOptions {
  /** Cost of the `if` production for the start nonterminal. */
  readonly ifCost: number;
  /** Stable name of that production's primitive (the Python DSL's "if", SMT-LIB's "smt.ite"). @default "if" */
  readonly ifOp?: string;
  /** Nonterminal of bool predicates. */
  readonly boolNt: number;
  /** Deepest tree. @default 3 */
  readonly maxDepth?: number;
  /** Most leaves; by default at most one leaf per two examples, so no example gets a case of its own. */
  readonly maxLeaves?: number;
  /** Predicates tried at each split, best first. @default 3 */
  readonly beam?: number;
  /** Builds leaves no single term covers (for example a concatenation that is right on just those examples). */
  readonly leafSynth?: LeafSynth;
}

/**
 * Divide and conquer in the style of EUSolver: terms that are right on some examples, predicates that separate
 * examples, and a small decision tree combining them. Prefers the cheapest tree (so that it generalizes rather
 * than splitting example by example).
 */
export class CondSolver {
  private readonly terms = new Map<string, Term>();
  private readonly preds: Term[] = [];
  private readonly predKeys = new Set<string>();
  private readonly E: number;
  private dirty = false;

  constructor(
    private readonly en: Enumerator,
    private readonly target: Float64Array,
    private readonly startNt: number,
    private readonly opts: CondOptions,
  ) {
    this.E = target.length;
    en.onMainEntry((entry, vec) => this.observe(entry, vec));
  }

  private observe(entry: number, vec: Float64Array): void {
    const bank = this.en.main.bank;
    const nt = bank.nt.data[entry] as number;
    const cost = bank.cost.data[entry] as number;
    if (nt === this.startNt) {
      const bits = bitsOf(this.E);
      for (let e = 0; e < this.E; e++) if (vec[e] === this.target[e]) setBit(bits, e);
      const n = popcount(bits);
      if (n === 0 || n === this.E) return;
      const k = bitsKey(bits);
      if (!this.terms.has(k)) {
        this.terms.set(k, { entry, cost, bits });
        this.dirty = true;
      }
    }
    if (nt === this.opts.boolNt && this.preds.length < 4000) {
      const bits = this.en.truthBits(entry);
      if (!bits) return;
      const n = popcount(bits);
      if (n === 0 || n === this.E) return;
      const k = bitsKey(bits);
      // A predicate and its negation split alike: keep the cheaper (the first seen).
      const neg = bitsKey(andNot(allBits(this.E), bits));
      if (this.predKeys.has(k) || this.predKeys.has(neg)) return;
      this.predKeys.add(k);
      this.preds.push({ entry, cost, bits });
      this.dirty = true;
    }
  }

  /** The cheapest conditional program found with cost at most `maxCost`, if any (only recomputed after changes). */
  solve(maxCost: number): { expr: Expr; cost: number } | undefined {
    if (!this.dirty || (this.terms.size < 2 && !this.opts.leafSynth) || this.preds.length === 0) return undefined;
    this.dirty = false;
    this.synthCache.clear();
    const all = allBits(this.E);
    const maxLeaves = this.opts.maxLeaves ?? Math.max(2, Math.floor(this.E / 2));
    const tree = this.learn(all, this.opts.maxDepth ?? 3, maxCost, maxLeaves);
    if (!tree || tree.cost > maxCost) return undefined;
    return { expr: this.toExpr(tree), cost: tree.cost };
  }

  private learn(S: Bits, depth: number, budget: number, maxLeaves: number): Tree | undefined {
    const leaf = this.bestLeaf(S);
    if (leaf) return leaf.cost <= budget ? { leaf, cost: leaf.cost, leaves: 1 } : undefined;
    const built = this.synthLeaf(S, budget);
    if (built) return { built: built.expr, cost: built.cost, leaves: 1 };
    if (depth === 0 || maxLeaves < 2) return undefined;
    let best: Tree | undefined;
    for (const p of this.rankPreds(S)) {
      const yesSet = and(S, p.bits);
      const noSet = andNot(S, p.bits);
      const left = budget - this.opts.ifCost - p.cost;
      if (left <= 0) continue;
      const yes = this.learn(yesSet, depth - 1, left, maxLeaves - 1);
      if (!yes) continue;
      const no = this.learn(noSet, depth - 1, left - yes.cost, maxLeaves - yes.leaves);
      if (!no) continue;
      const cost = this.opts.ifCost + p.cost + yes.cost + no.cost;
      if (!best || cost < best.cost) best = { pred: p, yes, no, cost, leaves: yes.leaves + no.leaves };
    }
    return best;
  }

  private readonly synthCache = new Map<string, { expr: Expr; cost: number } | undefined>();

  /** A synthesized leaf for S (a proper subset of the examples), cached per subset within one solve. */
  private synthLeaf(S: Bits, budget: number): { expr: Expr; cost: number } | undefined {
    const synth = this.opts.leafSynth;
    if (!synth || popcount(S) === this.E) return undefined;
    const key = bitsKey(S);
    if (!this.synthCache.has(key)) {
      const on: number[] = [];
      for (let e = 0; e < this.E; e++) if (((S[e >>> 5] as number) >>> (e & 31)) & 1) on.push(e);
      this.synthCache.set(key, synth(on, budget) ?? undefined);
    }
    const r = this.synthCache.get(key);
    return r && r.cost <= budget ? r : undefined;
  }

  private bestLeaf(S: Bits): Term | undefined {
    let best: Term | undefined;
    for (const t of this.terms.values()) if (subset(S, t.bits) && (!best || t.cost < best.cost)) best = t;
    return best;
  }

  /** Predicates that split S, ranked by how well one term can cover each side (then by cost). */
  private rankPreds(S: Bits): Term[] {
    const scored: { p: Term; score: number }[] = [];
    for (const p of this.preds) {
      const yes = and(S, p.bits);
      const no = andNot(S, p.bits);
      if (isEmpty(yes) || isEmpty(no)) continue;
      scored.push({ p, score: this.cover(yes) + this.cover(no) });
    }
    scored.sort((a, b) => b.score - a.score || a.p.cost - b.p.cost);
    return scored.slice(0, this.opts.beam ?? 3).map((s) => s.p);
  }

  /** The most examples of S a single term gets right. */
  private cover(S: Bits): number {
    let best = 0;
    for (const t of this.terms.values()) {
      const n = popcount(and(S, t.bits));
      if (n > best) best = n;
    }
    return best;
  }

  private toExpr(t: Tree): Expr {
    if ("leaf" in t) return this.en.toExpr(0, t.leaf.entry);
    if ("built" in t) return t.built;
    const then = this.toExpr(t.yes);
    const type: Type = then.type;
    return call(this.opts.ifOp ?? "if", type, this.en.toExpr(0, t.pred.entry), then, this.toExpr(t.no));
  }
}

/** Primitives that are conditionals `(cond, then, else)`, as divide and conquer builds them. */
const CONDITIONALS = new Set(["if", "smt.ite"]);

/**
 * The grammar's conditional at the start nonterminal, `start -> if(bool, start, start)`, and the nonterminal of its
 * conditions (the predicates divide and conquer may use), when the grammar has one. A conditional whose branches
 * are other nonterminals does not qualify: the trees built from start terms would leave the grammar.
 */
export function conditionalOf(g: Grammar): { readonly prod: Production & { kind: "op" }; readonly boolNt: number } | undefined {
  for (const p of g.prods) {
    if (p.kind !== "op" || p.lhs !== g.start || !CONDITIONALS.has(p.prim.name)) continue;
    const [cond, yes, no] = p.args;
    if (cond !== undefined && yes === g.start && no === g.start && g.nts[cond]?.type.kind === "bool") return { prod: p, boolNt: cond };
  }
  return undefined;
}

function allBits(n: number): Bits {
  const b = bitsOf(n);
  for (let i = 0; i < n; i++) setBit(b, i);
  return b;
}
