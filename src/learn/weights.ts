/**
 * Learning grammar weights from solved programs (pure functions; the corpus and training scripts supply data).
 *
 * - Unigram: how often each primitive appears, relative to a uniform choice among the primitives seen.
 * - Bigram (parent-conditioned, in the spirit of EuPhony and DreamCoder): how much more or less likely a child
 *   primitive is under a given parent primitive and argument position than on its own.
 * - Description prior: which primitives go with which description words (pointwise mutual information).
 *
 * All weights are log2 multipliers on a production's prior probability (see GrammarWeights), smoothed and clamped
 * so that a handful of examples cannot exclude anything.
 */
import type { Expr } from "../dsl/expr.js";
import { tokenize } from "../search/lexicon.js";
import type { GrammarWeights } from "../search/weights.js";

/** A program as a tree of primitive names ("var" and "const" for leaves): all learning needs. */
export interface OpTree {
  readonly op: string;
  readonly kids: readonly OpTree[];
}

/** One training item: a solved program with the description it was solved for. */
export interface TrainingProgram {
  readonly description: string;
  readonly tree: OpTree;
  /** Weight of this item (seed bias, recency decay). @default 1 */
  readonly weight?: number;
}

export interface LearnOptions {
  /** Additive smoothing of counts. @default 1 */
  readonly alpha?: number;
  /** Learned unigram weights are clamped to [-clamp, clamp]. @default 3 */
  readonly clamp?: number;
  /** A word-primitive or parent-child association needs this much (weighted) support. @default 2 */
  readonly minSupport?: number;
  /** Associations weaker than this (in bits) are dropped. @default 0.5 */
  readonly minBits?: number;
  /** Label for reports. */
  readonly source?: string;
  /**
   * Every primitive the weights may be applied to. Primitives never seen then get the smoothed weight of a zero
   * count (below average) instead of no opinion, so rarely-seen ones are not beaten by never-seen ones.
   */
  readonly universe?: readonly string[];
}

/** The op tree of a DSL program (lambdas contribute their bodies). */
export function treeOfExpr(e: Expr): OpTree {
  switch (e.t) {
    case "var":
      return { op: "var", kids: [] };
    case "const":
      return { op: "const", kids: [] };
    case "lambda":
      return treeOfExpr(e.body);
    case "call":
      return { op: e.op, kids: e.args.map(treeOfExpr) };
  }
}

function* nodes(t: OpTree): Generator<OpTree> {
  yield t;
  for (const k of t.kids) yield* nodes(k);
}

/** Learns unigram, bigram and description weights from solved programs. */
export function learnWeights(items: readonly TrainingProgram[], opts: LearnOptions = {}): GrammarWeights {
  return {
    prim: learnUnigram(items, opts),
    bigram: learnBigram(items, opts),
    word: learnWordPrior(items, opts),
    source: opts.source ?? `learned:${items.length}`,
  };
}

function count<K>(m: Map<K, number>, k: K, w: number): void {
  m.set(k, (m.get(k) ?? 0) + w);
}

/** log2 of each primitive's smoothed frequency relative to a uniform choice among the primitives seen. */
export function learnUnigram(items: readonly TrainingProgram[], opts: LearnOptions = {}): Map<string, number> {
  const alpha = opts.alpha ?? 1;
  const clamp = opts.clamp ?? 3;
  const counts = new Map<string, number>();
  for (const op of opts.universe ?? []) counts.set(op, 0);
  for (const it of items) for (const n of nodes(it.tree)) if (n.op !== "var" && n.op !== "const") count(counts, n.op, it.weight ?? 1);
  const K = counts.size;
  const N = [...counts.values()].reduce((a, b) => a + b, 0);
  const out = new Map<string, number>();
  for (const [op, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const f = (c + alpha) / (N + alpha * K);
    out.set(op, Math.max(-clamp, Math.min(clamp, Math.log2(f * K))));
  }
  return out;
}

/**
 * Parent-conditioned weights: key `${parent}/${argIndex}` -> child -> log2( P(child | parent, i) / P(child) ),
 * smoothed, kept only with enough support and strength.
 */
export function learnBigram(items: readonly TrainingProgram[], opts: LearnOptions = {}): Map<string, Map<string, number>> {
  const alpha = opts.alpha ?? 1;
  const minSupport = opts.minSupport ?? 2;
  const minBits = opts.minBits ?? 0.5;
  const clamp = opts.clamp ?? 3;
  const pair = new Map<string, Map<string, number>>();
  const ctxTotal = new Map<string, number>();
  const child = new Map<string, number>();
  let total = 0;
  for (const it of items) {
    const w = it.weight ?? 1;
    for (const n of nodes(it.tree)) {
      n.kids.forEach((k, i) => {
        const key = `${n.op}/${i}`;
        const m = pair.get(key) ?? new Map<string, number>();
        pair.set(key, m);
        count(m, k.op, w);
        count(ctxTotal, key, w);
        count(child, k.op, w);
        total += w;
      });
    }
  }
  const V = child.size;
  const out = new Map<string, Map<string, number>>();
  for (const [key, m] of [...pair].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const ct = ctxTotal.get(key) ?? 0;
    for (const [op, c] of [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (c < minSupport) continue;
      const pCond = (c + alpha) / (ct + alpha * V);
      const pChild = ((child.get(op) ?? 0) + alpha) / (total + alpha * V);
      const bits = Math.max(-clamp, Math.min(clamp, Math.log2(pCond / pChild)));
      if (Math.abs(bits) < minBits) continue;
      const row = out.get(key) ?? new Map<string, number>();
      out.set(key, row);
      row.set(op, bits);
    }
  }
  return out;
}

/**
 * Description prior: word -> primitive -> log2 PMI, for pairs seen together at least minSupport times and
 * at least minBits strong. Each program counts each word and primitive once.
 */
export function learnWordPrior(items: readonly TrainingProgram[], opts: LearnOptions = {}): Map<string, Map<string, number>> {
  const minSupport = opts.minSupport ?? 2;
  const minBits = opts.minBits ?? 0.5;
  const clamp = opts.clamp ?? 3;
  const beta = opts.alpha ?? 1;
  const joint = new Map<string, Map<string, number>>();
  const wordN = new Map<string, number>();
  const primN = new Map<string, number>();
  let N = 0;
  for (const it of items) {
    const w = it.weight ?? 1;
    const words = new Set(tokenize(it.description));
    const prims = new Set([...nodes(it.tree)].map((n) => n.op).filter((op) => op !== "var" && op !== "const"));
    N += w;
    for (const t of words) count(wordN, t, w);
    for (const p of prims) count(primN, p, w);
    for (const t of words) {
      const m = joint.get(t) ?? new Map<string, number>();
      joint.set(t, m);
      for (const p of prims) count(m, p, w);
    }
  }
  const out = new Map<string, Map<string, number>>();
  for (const [t, m] of [...joint].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    for (const [p, c] of [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (c < minSupport) continue;
      const expected = ((wordN.get(t) ?? 0) * (primN.get(p) ?? 0)) / Math.max(N, 1);
      const bits = Math.min(clamp, Math.log2((c + beta) / (expected + beta)));
      if (bits < minBits) continue;
      const row = out.get(t) ?? new Map<string, number>();
      out.set(t, row);
      row.set(p, bits);
    }
  }
  return out;
}

/** JSON form of weights (Maps as sorted objects), for the shipped prior and the corpus's weights table. */
export interface WeightsJson {
  readonly source: string;
  readonly prim: Record<string, number>;
  readonly word: Record<string, Record<string, number>>;
  readonly bigram: Record<string, Record<string, number>>;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function mapToObj(m: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => [k, round3(v)]));
}

export function weightsToJson(w: GrammarWeights): WeightsJson {
  const nested = (m: ReadonlyMap<string, ReadonlyMap<string, number>>): Record<string, Record<string, number>> =>
    Object.fromEntries([...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => [k, mapToObj(v)]));
  return { source: w.source, prim: mapToObj(w.prim), word: nested(w.word), bigram: nested(w.bigram) };
}

export function weightsFromJson(j: WeightsJson): GrammarWeights {
  const nested = (o: Record<string, Record<string, number>>): Map<string, Map<string, number>> => new Map(Object.entries(o).map(([k, v]) => [k, new Map(Object.entries(v))]));
  return { source: j.source, prim: new Map(Object.entries(j.prim)), word: nested(j.word), bigram: nested(j.bigram) };
}

/** Combines weights (for example the shipped prior and what the corpus taught): sums per entry. */
export function combineWeights(a: GrammarWeights, b: GrammarWeights): GrammarWeights {
  const add = (x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): Map<string, number> => {
    const m = new Map(x);
    for (const [k, v] of y) m.set(k, (m.get(k) ?? 0) + v);
    return m;
  };
  const addNested = (x: ReadonlyMap<string, ReadonlyMap<string, number>>, y: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, Map<string, number>> => {
    const m = new Map([...x].map(([k, v]) => [k, new Map(v)] as const));
    for (const [k, v] of y) m.set(k, add(m.get(k) ?? new Map(), v));
    return m;
  };
  return { prim: add(a.prim, b.prim), word: addNested(a.word, b.word), bigram: addNested(a.bigram, b.bigram), source: `${a.source}+${b.source}` };
}

/**
 * Per-spec boosts from the most similar training programs (k nearest by description Jaccard): every primitive
 * of a neighbor's program gains `bits` times the neighbor's similarity (the strongest neighbor counts). A
 * sharper, instance-based companion to the global word prior.
 */
export function neighborBoosts(description: string, items: readonly TrainingProgram[], k = 5, bits = 2): Map<string, number> {
  const mine = new Set(tokenize(description));
  if (mine.size === 0) return new Map();
  const scored = items
    .map((it) => {
      const theirs = new Set(tokenize(it.description));
      let inter = 0;
      for (const t of theirs) if (mine.has(t)) inter++;
      const union = mine.size + theirs.size - inter;
      return { it, sim: union === 0 ? 0 : inter / union };
    })
    .filter((x) => x.sim > 0)
    .sort((a, b) => b.sim - a.sim)
    .slice(0, k);
  const out = new Map<string, number>();
  for (const { it, sim } of scored) {
    for (const n of nodes(it.tree)) {
      if (n.op === "var" || n.op === "const") continue;
      out.set(n.op, Math.max(out.get(n.op) ?? 0, bits * sim));
    }
  }
  return out;
}

/** Weights with extra per-primitive log2 boosts added. */
export function withBoosts(w: GrammarWeights, boosts: ReadonlyMap<string, number>): GrammarWeights {
  const prim = new Map(w.prim);
  for (const [k, v] of boosts) prim.set(k, (prim.get(k) ?? 0) + v);
  return { ...w, prim, source: `${w.source}+knn` };
}
