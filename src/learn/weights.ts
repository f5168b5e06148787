/**
 * Learning grammar weights from solved programs (pure functions; the corpus and training scripts supply data).
 *
 * - Unigram: how often each primitive appears, relative to a uniform choice among the primitives seen.
 * - Bigram (parent-conditioned, in the spirit of EuPhony and DreamCoder): how much more or less likely a child
 *   operator is under a given parent primitive and argument position than on its own.
 * - Description model: which primitives a spec's features (description and name words, signature, example
 *   relations: src/search/features.ts) call for, by per-primitive logistic regression (src/learn/logistic.ts) or
 *   naive Bayes (DeepCoder's idea of predicting the primitives of a solution from the spec, with a model small
 *   enough to learn from a few hundred specs).
 * - Type prior: which intermediate types solutions of each signature class compute.
 *
 * All weights are log2 multipliers on a production's prior probability (see GrammarWeights), smoothed and clamped
 * so that a handful of examples cannot exclude anything.
 *
 * Training items are whole solutions or fragments. Fragments (expressions pulled out of reference code: loop
 * conditions, index arithmetic) say which primitives go with a spec, so they teach the description model; they are
 * not programs of the DSL's shape, so they do not teach production frequencies (unigram, bigram, types).
 */
import type { Expr } from "../dsl/expr.js";
import { tokenize } from "../search/lexicon.js";
import type { DescriptionModel, GrammarWeights, TypePrior } from "../search/weights.js";
import { fitDescriptionLogistic, type SpecCounts } from "./logistic.js";

/** A program as a tree of primitive names ("var" and "const" for leaves): all learning needs. */
export interface OpTree {
  readonly op: string;
  readonly kids: readonly OpTree[];
}

/** One training item: a solved program (or fragments of one) with the spec it was solved for. */
export interface TrainingProgram {
  readonly description: string;
  readonly tree: OpTree;
  /** Weight of this item (seed bias, recency decay, credibility: src/learn/credibility.ts). @default 1 */
  readonly weight?: number;
  /** The spec's features (src/search/features.ts specFeatures). @default the description's words */
  readonly features?: readonly string[];
  /** Items with the same group are one spec to the description model (their primitives pooled). @default each alone */
  readonly group?: string;
  /** Expressions from reference code rather than a whole program: description model only. @default false */
  readonly fragment?: boolean;
  /** The spec's signature class and the intermediate types the program computes (for the type prior). */
  readonly types?: { readonly signature: string; readonly used: readonly string[] };
}

export interface LearnOptions {
  /** Additive smoothing of counts. @default 1 */
  readonly alpha?: number;
  /** Learned unigram weights are clamped to [-clamp, clamp]; description boosts to [-clamp, 2 * clamp]. @default 3 */
  readonly clamp?: number;
  /** A parent-child association needs this much (weighted) support. @default 2 */
  readonly minSupport?: number;
  /** Associations weaker than this (in bits) are dropped. @default 0.5 (bigram), 0.3 (description model) */
  readonly minBits?: number;
  /** Label for reports. */
  readonly source?: string;
  /**
   * Count variables and constants as bigram children too. Right for grammars with few types (SyGuS string
   * grammars: on EuPhony's validation quarter 1.9x fewer candidates than without, against 1.4x); wrong for the
   * Python DSL, whose one nonterminal per type already decides which leaves fit a slot (counted anyway, the ratio
   * mixes types: on MBPP's validation quarter 37 instead of 39 tasks solved, and no fewer candidates). @default false
   */
  readonly leafChildren?: boolean;
  /** Description model: scale on summed feature evidence (naive Bayes double-counts correlated words). @default 0.3 */
  readonly temperature?: number;
  /** Description model: a feature needs this many specs to count. @default 2 */
  readonly minFeatureSpecs?: number;
  /**
   * Every primitive the weights may be applied to. Primitives never seen then get the smoothed weight of a zero
   * count (below average) instead of no opinion, so rarely-seen ones are not beaten by never-seen ones.
   */
  readonly universe?: readonly string[];
  /**
   * How the description model is fitted: "logistic" (per-primitive logistic regression over all features jointly:
   * src/learn/logistic.ts) or "naive-bayes" (each feature's evidence counted on its own). @default "logistic"
   */
  readonly description?: "logistic" | "naive-bayes";
  /** Logistic description model: L2 penalty per unit of spec weight on each feature weight. @default 0.1 */
  readonly l2?: number;
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
  const desc = (opts.description ?? "logistic") === "logistic" ? fitDescriptionLogistic(specsOf(items), opts) : learnDescription(items, opts);
  const types = learnTypePrior(items);
  return {
    prim: learnUnigram(items, opts),
    bigram: learnBigram(items, opts),
    ...(desc.evidence.size > 0 ? { desc } : {}),
    ...(types.n > 0 ? { types } : {}),
    source: opts.source ?? `learned:${items.length}`,
  };
}

const isLeaf = (op: string): boolean => op === "var" || op === "const";

function count<K>(m: Map<K, number>, k: K, w: number): void {
  m.set(k, (m.get(k) ?? 0) + w);
}

/** log2 of each primitive's smoothed frequency relative to a uniform choice among the primitives seen. */
export function learnUnigram(items: readonly TrainingProgram[], opts: LearnOptions = {}): Map<string, number> {
  const alpha = opts.alpha ?? 1;
  const clamp = opts.clamp ?? 3;
  const counts = new Map<string, number>();
  for (const op of opts.universe ?? []) counts.set(op, 0);
  for (const it of items) if (!it.fragment) for (const n of nodes(it.tree)) if (!isLeaf(n.op)) count(counts, n.op, it.weight ?? 1);
  const K = counts.size;
  const N = [...counts.values()].reduce((a, b) => a + b, 0);
  const out = new Map<string, number>();
  // Without whole programs there is no evidence about frequencies (fragments teach the description model only).
  if (N === 0) return out;
  for (const [op, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const f = (c + alpha) / (N + alpha * K);
    out.set(op, Math.max(-clamp, Math.min(clamp, Math.log2(f * K))));
  }
  return out;
}

/**
 * Parent-conditioned weights: key `${parent}/${argIndex}` -> child -> log2( P(child | parent, i) / P(child) ),
 * smoothed, kept only with enough support and strength. Children are operators only unless `leafChildren` (see
 * LearnOptions): the trees carry no types, and in a grammar with many types whether a variable or a constant fills a
 * slot is mostly decided by the slot's type, which the typed grammar already knows.
 */
export function learnBigram(items: readonly TrainingProgram[], opts: LearnOptions = {}): Map<string, Map<string, number>> {
  const alpha = opts.alpha ?? 1;
  const minSupport = opts.minSupport ?? 2;
  const minBits = opts.minBits ?? 0.5;
  const clamp = opts.clamp ?? 3;
  const leafChildren = opts.leafChildren ?? false;
  const pair = new Map<string, Map<string, number>>();
  const ctxTotal = new Map<string, number>();
  const child = new Map<string, number>();
  let total = 0;
  for (const it of items) {
    if (it.fragment) continue;
    const w = it.weight ?? 1;
    for (const n of nodes(it.tree)) {
      n.kids.forEach((k, i) => {
        if (!leafChildren && isLeaf(k.op)) return;
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
 * Items pooled per group (see TrainingProgram.group): features, the primitives used, each with the largest weight
 * of the group's items that use it (a coincidental solution's primitives keep its small weight even when a
 * reference fragment of the same task counts fully), and the group's weight (its largest item weight).
 */
export function specsOf(items: readonly TrainingProgram[]): SpecCounts[] {
  const byGroup = new Map<string, SpecCounts>();
  const out: SpecCounts[] = [];
  for (const it of items) {
    const w = it.weight ?? 1;
    const prims = [...nodes(it.tree)].map((n) => n.op).filter((op) => !isLeaf(op));
    const g = it.group !== undefined ? byGroup.get(it.group) : undefined;
    if (g) {
      for (const p of prims) g.prims.set(p, Math.max(g.prims.get(p) ?? 0, w));
      g.weight = Math.max(g.weight, w);
      continue;
    }
    const spec = { features: it.features ?? tokenize(it.description), prims: new Map(prims.map((p) => [p, w] as const)), weight: w };
    if (it.group !== undefined) byGroup.set(it.group, spec);
    out.push(spec);
  }
  return out;
}

/**
 * The description model (see DescriptionModel): per (feature, primitive) seen together in at least one spec, the
 * log2 likelihood ratio P(f | p used) / P(f | p not used), with add-half smoothing, for features of at least
 * minFeatureSpecs specs and ratios of at least minBits (in either direction). Pairs never seen together carry no
 * evidence: with a few hundred training specs, absence says little.
 */
export function learnDescription(items: readonly TrainingProgram[], opts: LearnOptions = {}): DescriptionModel {
  const minSpecs = opts.minFeatureSpecs ?? 2;
  const minBits = opts.minBits ?? 0.3;
  const a = 0.5;
  const specs = specsOf(items);
  const nP = new Map<string, number>();
  const nF = new Map<string, number>();
  const nFP = new Map<string, Map<string, number>>();
  let N = 0;
  for (const s of specs) {
    N += s.weight;
    for (const [p, w] of s.prims) count(nP, p, w);
    for (const f of new Set(s.features)) {
      count(nF, f, s.weight);
      const row = nFP.get(f) ?? new Map<string, number>();
      nFP.set(f, row);
      for (const [p, w] of s.prims) count(row, p, w);
    }
  }
  const evidence = new Map<string, Map<string, number>>();
  for (const [f, nf] of [...nF].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (nf < minSpecs) continue;
    for (const [p, nfp] of [...(nFP.get(f) ?? new Map<string, number>())].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      const np = nP.get(p) ?? 0;
      const bits = Math.log2((nfp + a) / (np + 2 * a) / ((nf - nfp + a) / (N - np + 2 * a)));
      if (Math.abs(bits) < minBits) continue;
      const row = evidence.get(f) ?? new Map<string, number>();
      evidence.set(f, row);
      row.set(p, bits);
    }
  }
  const presence = new Map([...nP].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([p, n]) => [p, (n + 0.5) / (N + 1)] as const));
  return { presence, evidence, temperature: opts.temperature ?? 0.3, floor: -(opts.clamp ?? 3), ceil: 2 * (opts.clamp ?? 3), n: Math.round(N) };
}

/** The type prior (see TypePrior) from whole solutions that say which types they computed (one per group). */
export function learnTypePrior(items: readonly TrainingProgram[]): TypePrior {
  const used = new Map<string, number>();
  const bySignature = new Map<string, { n: number; used: Map<string, number> }>();
  const seen = new Set<string>();
  let n = 0;
  for (const it of items) {
    if (it.fragment || !it.types) continue;
    if (it.group !== undefined) {
      if (seen.has(it.group)) continue;
      seen.add(it.group);
    }
    const w = it.weight ?? 1;
    n += w;
    const row = bySignature.get(it.types.signature) ?? { n: 0, used: new Map<string, number>() };
    bySignature.set(it.types.signature, row);
    row.n += w;
    for (const t of new Set(it.types.used)) {
      count(used, t, w);
      count(row.used, t, w);
    }
  }
  return { n, used, bySignature };
}

/** JSON form of weights (Maps as sorted objects), for the shipped prior and the corpus's weights table. */
export interface WeightsJson {
  readonly source: string;
  readonly prim: Record<string, number>;
  readonly bigram: Record<string, Record<string, number>>;
  readonly desc?: {
    readonly presence: Record<string, number>;
    readonly evidence: Record<string, Record<string, number>>;
    readonly temperature: number;
    readonly floor: number;
    readonly ceil: number;
    readonly n: number;
  };
  readonly types?: { readonly n: number; readonly used: Record<string, number>; readonly bySignature: Record<string, { readonly n: number; readonly used: Record<string, number> }> };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const byKey = <T>(a: readonly [string, T], b: readonly [string, T]): number => (a[0] < b[0] ? -1 : 1);

function mapToObj(m: ReadonlyMap<string, number>, round = round3): Record<string, number> {
  return Object.fromEntries([...m].sort(byKey).map(([k, v]) => [k, round(v)]));
}

function nestedToObj(m: ReadonlyMap<string, ReadonlyMap<string, number>>): Record<string, Record<string, number>> {
  return Object.fromEntries([...m].sort(byKey).map(([k, v]) => [k, mapToObj(v)]));
}

const objToMap = (o: Record<string, number>): Map<string, number> => new Map(Object.entries(o));
const objToNested = (o: Record<string, Record<string, number>>): Map<string, Map<string, number>> => new Map(Object.entries(o).map(([k, v]) => [k, objToMap(v)]));

export function weightsToJson(w: GrammarWeights): WeightsJson {
  const d = w.desc;
  const t = w.types;
  const exact = (x: number): number => x;
  return {
    source: w.source,
    prim: mapToObj(w.prim),
    bigram: nestedToObj(w.bigram),
    ...(d ? { desc: { presence: mapToObj(d.presence, (x) => Math.round(x * 1e6) / 1e6), evidence: nestedToObj(d.evidence), temperature: d.temperature, floor: d.floor, ceil: d.ceil, n: d.n } } : {}),
    ...(t ? { types: { n: t.n, used: mapToObj(t.used, exact), bySignature: Object.fromEntries([...t.bySignature].sort(byKey).map(([k, v]) => [k, { n: v.n, used: mapToObj(v.used, exact) }])) } } : {}),
  };
}

/** Weights from their JSON form. Fields of older stored weights that no longer exist (the word PMI table) are ignored. */
export function weightsFromJson(j: WeightsJson): GrammarWeights {
  const d = j.desc;
  const t = j.types;
  return {
    source: j.source,
    prim: objToMap(j.prim),
    bigram: objToNested(j.bigram ?? {}),
    ...(d ? { desc: { presence: objToMap(d.presence), evidence: objToNested(d.evidence), temperature: d.temperature, floor: d.floor, ceil: d.ceil, n: d.n } } : {}),
    ...(t ? { types: { n: t.n, used: objToMap(t.used), bySignature: new Map(Object.entries(t.bySignature).map(([k, v]) => [k, { n: v.n, used: objToMap(v.used) }])) } } : {}),
  };
}

/**
 * Combines weights (for example the shipped prior and what the corpus taught, or the Python DSL's and the SyGuS
 * grammars' models): unigram and bigram weights add up, type counts add up, and the description models are joined
 * primitive by primitive, each primitive's whole column of evidence from the model that saw more specs using it
 * (evidence fitted on different data does not add; each primitive's boost depends only on its own presence and
 * evidence).
 */
export function combineWeights(a: GrammarWeights, b: GrammarWeights): GrammarWeights {
  const add = addMaps;
  const addNested = (x: ReadonlyMap<string, ReadonlyMap<string, number>>, y: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, Map<string, number>> => {
    const m = new Map([...x].map(([k, v]) => [k, new Map(v)] as const));
    for (const [k, v] of y) m.set(k, add(m.get(k) ?? new Map(), v));
    return m;
  };
  const desc = a.desc && b.desc ? joinDescriptions(a.desc, b.desc) : (b.desc ?? a.desc);
  const types = a.types && b.types ? addTypes(a.types, b.types) : (b.types ?? a.types);
  return { prim: add(a.prim, b.prim), bigram: addNested(a.bigram, b.bigram), ...(desc ? { desc } : {}), ...(types ? { types } : {}), source: `${a.source}+${b.source}` };
}

function joinDescriptions(a: DescriptionModel, b: DescriptionModel): DescriptionModel {
  // A primitive's boost depends only on its presence and its own column of evidence, so the join takes whole
  // columns, each from the model that saw more specs using the primitive (b on ties), scaled to temperature 1.
  const support = (m: DescriptionModel, p: string): number => {
    const r = m.presence.get(p);
    return r === undefined ? -1 : r * (m.n + 1) - 0.5;
  };
  const prims = new Set([...a.presence.keys(), ...b.presence.keys()]);
  const from = new Map([...prims].map((p) => [p, support(b, p) >= support(a, p) ? b : a] as const));
  const evidence = new Map<string, Map<string, number>>();
  for (const m of [a, b]) {
    for (const [f, row] of m.evidence) {
      for (const [p, w] of row) {
        if ((from.get(p) ?? b) !== m) continue;
        const mine = evidence.get(f) ?? new Map<string, number>();
        evidence.set(f, mine);
        mine.set(p, w * m.temperature);
      }
    }
  }
  const presence = new Map([...prims].map((p) => [p, (from.get(p) as DescriptionModel).presence.get(p) as number] as const));
  return { ...b, temperature: 1, presence, evidence, n: Math.max(a.n, b.n) };
}

function addMaps(x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): Map<string, number> {
  const m = new Map(x);
  for (const [k, v] of y) m.set(k, (m.get(k) ?? 0) + v);
  return m;
}

function addTypes(a: TypePrior, b: TypePrior): TypePrior {
  const add = addMaps;
  const bySignature = new Map(a.bySignature);
  for (const [k, v] of b.bySignature) {
    const mine = bySignature.get(k);
    bySignature.set(k, mine ? { n: mine.n + v.n, used: add(mine.used, v.used) } : v);
  }
  return { n: a.n + b.n, used: add(a.used, b.used), bySignature };
}
