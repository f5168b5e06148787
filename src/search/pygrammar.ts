import type { Expr } from "../dsl/expr.js";
import type { Primitive } from "../dsl/primitive.js";
import { PYTHON_PRIMS } from "../dsl/prims/index.js";
import { BOOL, FLOAT, INT, STR, iterElement, list, set, typeKey, type Type } from "../dsl/types.js";
import { hashKey, hasAstral, type Value } from "../dsl/values.js";
import type { Problem } from "../spec/problem.js";
import { COST_SCALE, costOf, instantiate, makeProduction, pow2, type Grammar, type Nonterminal, type Production, type ProductionDraft } from "./grammar.js";
import { HINT_BOOST_BITS, descriptionInts, descriptionStrings, lexiconConstants, tokenize } from "./lexicon.js";
import { signatureClass, specFeatures } from "./features.js";
import { descriptionBoostArray, priorWeight, typeOffsetBits, type GrammarWeights, type BaseCosts } from "./weights.js";

/** Options for building a problem's grammar. */
export interface PyGrammarOptions {
  /** Extra constants (for example from retrieved corpus solutions), offered at the mined-constant prior. */
  readonly extraConstants?: readonly (readonly [Value, Type])[];
  /** Primitives to use. @default PYTHON_PRIMS */
  readonly prims?: readonly Primitive[];
  /** Subprograms of retrieved solutions (over this problem's parameters), each offered as one cheap step. */
  readonly seeds?: readonly Expr[];
  /** What the weights adjust (see BaseCosts). @default "hand" */
  readonly base?: BaseCosts;
}

/** log2 prior weights of terminals relative to primitives (whose weight is -cost). */
const VAR_WEIGHT = 0;
const MINED_CONST_WEIGHT = -1;
const DEFAULT_CONST_WEIGHT = -2.5;
/** A retrieved subprogram is about as likely as a mined constant: what worked for a similar spec. */
const SEED_WEIGHT = -1;
/** Set types join the universe only when the description or signature suggests sets. */
const SET_WORDS = new Set(["unique", "distinct", "common", "set", "duplicate", "intersection", "union", "difference", "similar", "dissimilar", "shared", "uncommon", "missing"]);
const FLOAT_WORDS = new Set(["average", "mean", "area", "divide", "ratio", "float", "percent", "percentage", "sqrt", "root", "circle", "volume", "radius", "median", "perimeter", "circumference", "distance", "decimal"]);

/** Builds the typed grammar for a Python-semantics problem: one nonterminal per type of its type universe. */
export function buildPythonGrammar(problem: Problem, weights: GrammarWeights, opts: PyGrammarOptions = {}): Grammar {
  const tokens = tokenize(problem.description);
  const universe = typeUniverse(problem, tokens);
  const ntIndex = new Map(universe.map((t, i) => [typeKey(t), i] as const));
  const nts: Nonterminal[] = universe.map((t) => ({ name: typeKey(t), type: t }));
  const has = (t: Type): boolean => ntIndex.has(typeKey(t));
  const nt = (t: Type): number => ntIndex.get(typeKey(t)) ?? -1;

  const base = opts.base ?? "hand";
  const drafts: ProductionDraft[] = [];
  const ws: number[] = [];
  for (const prm of problem.params) {
    if (!has(prm.type)) continue;
    drafts.push({ kind: "var", lhs: nt(prm.type), name: prm.name, key: "var" });
    ws.push(VAR_WEIGHT + (weights.prim.get("var") ?? 0));
  }
  for (const c of constants(problem, tokens, opts.extraConstants ?? [])) {
    if (!has(c.type)) continue;
    drafts.push({ kind: "const", lhs: nt(c.type), value: c.value, key: "const" });
    ws.push(c.weight + (weights.prim.get("const") ?? 0));
  }
  for (const seed of opts.seeds ?? []) {
    if (!has(seed.type)) continue;
    drafts.push({ kind: "seed", lhs: nt(seed.type), expr: seed, key: "seed" });
    ws.push(SEED_WEIGHT + (weights.prim.get("seed") ?? 0));
  }
  const prims = opts.prims ?? PYTHON_PRIMS;
  const ops = operatorsFor(prims, universe, has, nt);
  // Per primitive: its weight with the learned evidence and the spec's description boost, and without (`prior`).
  const boosts = weights.desc ? descriptionBoostArray(weights.desc, specFeatures(problem), primNames(prims)) : undefined;
  const { prior, learned } = primWeights(prims, weights.prim, base, tokens, boosts);
  const leaves = drafts.length;
  const costs = operatorCosts(ws, drafts, ops, prior, learned, nts.length);
  const offsets = typeOffsets(problem, nts, weights);
  const prods = new Array<Production>(leaves + ops.drafts.length);
  for (let i = 0; i < leaves; i++) {
    const d = drafts[i] as ProductionDraft;
    prods[i] = makeProduction(d, (costs[i] as number) + (offsets[d.lhs] ?? 0));
  }
  for (let i = 0; i < ops.drafts.length; i++) {
    const d = ops.drafts[i] as ProductionDraft;
    prods[leaves + i] = makeProduction(d, (costs[leaves + i] as number) + (offsets[d.lhs] ?? 0));
  }
  let shape = `${ops.id}|`;
  for (let i = 0; i < leaves; i++) {
    const d = drafts[i] as ProductionDraft;
    shape += `${d.kind[0] as string}${d.lhs},`;
  }
  return { nts, prods, start: nt(problem.returns), ntIndex, shape };
}

/**
 * The operator productions of a primitive table over a type universe, primitive by primitive in table order, and
 * the index of each one's primitive: they depend on nothing else, and specs share universes.
 */
interface Operators {
  /** Distinct per primitive table and type universe. */
  readonly id: number;
  readonly drafts: readonly ProductionDraft[];
  readonly prim: Int32Array;
  readonly lhs: Int32Array;
}
const OPERATOR_CACHE = new WeakMap<readonly Primitive[], Map<string, Operators>>();
const OPERATOR_CACHE_SIZE = 256;
let operatorsMade = 0;

function operatorsFor(prims: readonly Primitive[], universe: readonly Type[], has: (t: Type) => boolean, nt: (t: Type) => number): Operators {
  let byUniverse = OPERATOR_CACHE.get(prims);
  if (!byUniverse) {
    byUniverse = new Map();
    OPERATOR_CACHE.set(prims, byUniverse);
  }
  const key = universe.map(typeKey).join(",");
  let out = byUniverse.get(key);
  if (!out) {
    const drafts: ProductionDraft[] = [];
    const prim: number[] = [];
    prims.forEach((p, k) => {
      for (const inst of instantiate(p, universe, has)) {
        const ret = nt(inst.ret);
        const args = inst.args.map(nt);
        drafts.push(p.hof ? { kind: "hof", lhs: ret, prim: p, source: nt(inst.args[0] ?? STR), bodies: inst.lambdas.map(nt), key: p.name } : { kind: "op", lhs: ret, prim: p, args, key: p.name });
        prim.push(k);
      }
    });
    out = { id: operatorsMade++, drafts, prim: Int32Array.from(prim), lhs: Int32Array.from(drafts, (d) => d.lhs) };
    if (byUniverse.size >= OPERATOR_CACHE_SIZE) byUniverse.clear();
    byUniverse.set(key, out);
  }
  return out;
}

/** A primitive table's prior weights under one base (priorWeight without hints), and which primitives each word hints. */
interface TablePriors {
  readonly prior: Float64Array;
  /** Description word -> the primitives it hints (indexes into the table). */
  readonly hinted: ReadonlyMap<string, readonly number[]>;
}
const TABLE_PRIORS = new WeakMap<readonly Primitive[], Map<BaseCosts, TablePriors>>();

/** The value kept under `key` in `map`, made and kept on first use. */
function kept<K, V>(map: { get(k: K): V | undefined; set(k: K, v: V): unknown }, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

function tablePriors(prims: readonly Primitive[], base: BaseCosts): TablePriors {
  return kept(kept(TABLE_PRIORS, prims, () => new Map()), base, () => {
    const hinted = new Map<string, number[]>();
    prims.forEach((p, k) => {
      for (const h of new Set(p.hints ?? [])) hinted.set(h, [...(hinted.get(h) ?? []), k]);
    });
    return { prior: Float64Array.from(prims, (p) => priorWeight(p.cost, false, HINT_BOOST_BITS, base)), hinted };
  });
}

/** Per learned per-primitive weights, table and base: prior plus learned weight per primitive of the table. */
const LEARNED_WEIGHTS = new WeakMap<ReadonlyMap<string, number>, WeakMap<readonly Primitive[], Map<BaseCosts, Float64Array>>>();

function learnedWeights(prims: readonly Primitive[], learnedPrim: ReadonlyMap<string, number>, base: BaseCosts, prior: Float64Array): Float64Array {
  const byTable = kept(LEARNED_WEIGHTS, learnedPrim, () => new WeakMap());
  return kept(kept(byTable, prims, () => new Map()), base, () => Float64Array.from(prims, (p, k) => (prior[k] as number) + (learnedPrim.get(p.name) ?? 0)));
}

/**
 * Per primitive of the table: its prior weight with the spec's description hints ("hand" base), and that plus the
 * learned weight and the description model's boost. The spec-independent part is computed once per weights and
 * table (a search's set-up reads two small arrays rather than every primitive and a map per primitive: that set-up
 * runs with cold caches after the previous search, where each object read costs a memory access).
 */
function primWeights(prims: readonly Primitive[], learnedPrim: ReadonlyMap<string, number>, base: BaseCosts, tokens: readonly string[], boosts: Float64Array | undefined): { prior: Float64Array; learned: Float64Array } {
  const table = tablePriors(prims, base);
  const dense = learnedWeights(prims, learnedPrim, base, table.prior);
  let hints: Set<number> | undefined;
  if (base === "hand") {
    for (const t of tokens) for (const k of table.hinted.get(t) ?? []) (hints ??= new Set()).add(k);
  }
  if (!hints && !boosts) return { prior: table.prior, learned: dense };
  const prior = hints ? Float64Array.from(table.prior) : table.prior;
  const learned = Float64Array.from(dense);
  for (const k of hints ?? []) {
    prior[k] = priorWeight(prims[k]?.cost ?? 0, true, HINT_BOOST_BITS, base);
    learned[k] = (prior[k] as number) + (learnedPrim.get(prims[k]?.name ?? "") ?? 0);
  }
  if (boosts) for (let k = 0; k < learned.length; k++) learned[k] = (learned[k] as number) + (boosts[k] as number);
  return { prior, learned };
}

const PRIM_NAMES = new WeakMap<readonly Primitive[], readonly string[]>();

function primNames(prims: readonly Primitive[]): readonly string[] {
  let names = PRIM_NAMES.get(prims);
  if (!names) {
    names = prims.map((p) => p.name);
    PRIM_NAMES.set(prims, names);
  }
  return names;
}

/**
 * Integer costs (normalizeCosts' rounding) of the leaves (log2-weights `leafW`, productions `leaves`) followed by the
 * operators of `ops`, normalized per nonterminal.
 *
 * Learned weights redistribute probability among a nonterminal's operators; they do not move it between operators
 * and leaves (variables, constants, seeds). Without this, a model that raises most operators it has seen would make
 * every leaf, and so every program, costlier. So each nonterminal's operator weights are shifted by one amount,
 * log2(base / now), so that their total mass equals what it is without learned evidence (`prior` per primitive:
 * base) rather than with it (`learned`: now); uniform weights are left exactly as they are. The nonterminal's total
 * mass is then its leaves' mass plus its operators' base mass, and an operator's cost needs no power or logarithm
 * of its own: a grammar has a few hundred operator productions over a hundred or so primitives and a dozen
 * nonterminals, and this is set-up time of every search.
 */
function operatorCosts(leafW: readonly number[], leaves: readonly ProductionDraft[], ops: Operators, prior: Float64Array, learned: Float64Array, nNts: number): Int32Array {
  const massBase = new Float64Array(nNts);
  const massNow = new Float64Array(nNts);
  const powPrior = new Float64Array(prior.length);
  const powLearned = new Float64Array(learned.length);
  for (let k = 0; k < prior.length; k++) {
    powPrior[k] = pow2(prior[k] as number);
    powLearned[k] = pow2(learned[k] as number);
  }
  for (let i = 0; i < ops.prim.length; i++) {
    const k = ops.prim[i] as number;
    const l = ops.lhs[i] as number;
    massBase[l] = (massBase[l] as number) + (powPrior[k] as number);
    massNow[l] = (massNow[l] as number) + (powLearned[k] as number);
  }
  const total = new Float64Array(nNts);
  for (let i = 0; i < leaves.length; i++) {
    const l = (leaves[i] as ProductionDraft).lhs;
    total[l] = (total[l] as number) + pow2(leafW[i] as number);
  }
  // Per nonterminal: log2 of its total mass, and the shift of its operators' weights.
  const logTotal = new Float64Array(nNts);
  const shift = new Float64Array(nNts);
  for (let l = 0; l < nNts; l++) {
    const b = massBase[l] as number;
    const m = massNow[l] as number;
    const moved = m > 0 && b !== m;
    if (moved) shift[l] = Math.log2(b / m);
    logTotal[l] = Math.log2((total[l] as number) + (moved ? b : m));
  }
  const out = new Int32Array(leaves.length + ops.prim.length);
  for (let i = 0; i < leaves.length; i++) out[i] = costOf((logTotal[(leaves[i] as ProductionDraft).lhs] as number) - (leafW[i] as number));
  for (let i = 0; i < ops.prim.length; i++) {
    const l = ops.lhs[i] as number;
    out[leaves.length + i] = costOf((logTotal[l] as number) - ((learned[ops.prim[i] as number] as number) + (shift[l] as number)));
  }
  return out;
}

/**
 * Per nonterminal, the type prior's extra cost in cost units (see TypePrior): every production of a type that
 * solutions of this signature class rarely compute costs that much more, so its values are built later. The
 * signature's own types cost nothing extra.
 */
function typeOffsets(problem: Problem, nts: readonly Nonterminal[], weights: GrammarWeights): number[] {
  const prior = weights.types;
  if (!prior || prior.n === 0) return nts.map(() => 0);
  const own = new Set([typeKey(problem.returns), ...problem.params.map((p) => typeKey(p.type))]);
  const sig = signatureClass(problem);
  return nts.map((nt) => (own.has(nt.name) ? 0 : Math.round(typeOffsetBits(prior, sig, nt.name) * COST_SCALE)));
}

/**
 * The types the search may build values of: the signature's types and their components, plus the everyday
 * intermediates (int, bool, str, list[str] for split/join), sets when the description talks about them, float
 * when division or averages are likely.
 */
export function typeUniverse(problem: Problem, tokens: readonly string[]): Type[] {
  const out: Type[] = [];
  const seen = new Set<string>();
  const add = (t: Type): void => {
    if (t.kind === "unknown" || t.kind === "none" || seen.has(typeKey(t))) return;
    if (t.kind === "optional") return add(t.el);
    seen.add(typeKey(t));
    out.push(t);
    for (const c of components(t)) add(c);
  };
  for (const p of problem.params) add(p.type);
  add(problem.returns);
  [INT, BOOL, STR].forEach(add);
  if (tokens.some((w) => FLOAT_WORDS.has(w)) || seen.has("float")) add(FLOAT);
  add(list(STR));
  const wantsSets = tokens.some((w) => SET_WORDS.has(w)) || out.some((t) => t.kind === "set");
  for (const t of [...out]) {
    const el = iterElement(t);
    if (el && t.kind !== "str") {
      add(list(el));
      if (wantsSets && el.kind !== "list" && el.kind !== "dict" && el.kind !== "set") add(set(el));
    }
  }
  if (out.some((t) => t.kind === "list" || t.kind === "vtuple")) add(list(INT));
  return out;
}

function components(t: Type): Type[] {
  switch (t.kind) {
    case "list":
    case "set":
    case "vtuple":
    case "optional":
      return [t.el];
    case "tuple":
      return [...t.els];
    case "dict":
      return [t.key, t.val, list(t.key), list(t.val)];
    default:
      return [];
  }
}

interface Constant {
  readonly value: Value;
  readonly type: Type;
  readonly weight: number;
}

/** Constants offered to the search: mined from the spec first, then small defaults. Deduplicated, in a fixed order. */
export function constants(problem: Problem, tokens: readonly string[], extra: readonly (readonly [Value, Type])[]): Constant[] {
  const out: Constant[] = [];
  const seen = new Set<string>();
  const push = (value: Value, type: Type, weight: number): void => {
    const k = typeKey(type) + "|" + hashKey(value);
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ value, type, weight });
  };
  for (const [v, t] of extra) push(v, t, MINED_CONST_WEIGHT);
  for (const s of descriptionStrings(problem.description)) push(s, STR, MINED_CONST_WEIGHT);
  for (const n of descriptionInts(problem.description)) push(n, INT, MINED_CONST_WEIGHT);
  for (const [v, t] of lexiconConstants(tokens)) push(v, t, MINED_CONST_WEIGHT);
  for (const ch of outputOnlyChars(problem)) push(ch, STR, MINED_CONST_WEIGHT);
  // 0 and 1 are as common in real code as any mined constant.
  for (const n of [0, 1]) push(n, INT, MINED_CONST_WEIGHT);
  for (const n of [2, -1]) push(n, INT, DEFAULT_CONST_WEIGHT);
  for (const n of [0, 1, 2]) push(n, FLOAT, DEFAULT_CONST_WEIGHT - 1);
  push(" ", STR, DEFAULT_CONST_WEIGHT);
  push("", STR, DEFAULT_CONST_WEIGHT);
  push(true, BOOL, DEFAULT_CONST_WEIGHT - 1);
  push(false, BOOL, DEFAULT_CONST_WEIGHT - 1);
  return out;
}

/** Characters that appear in a str output but in none of that example's str inputs ("-" in "2024-01-02"). */
function outputOnlyChars(problem: Problem): string[] {
  if (problem.returns.kind !== "str") return [];
  const counts = new Map<string, number>();
  for (const ex of problem.examples) {
    if (typeof ex.output !== "string" || hasAstral(ex.output)) continue;
    const inputText = ex.inputs.map((v) => (typeof v === "string" ? v : JSON.stringify(v) ?? "")).join("");
    for (const ch of new Set(ex.output)) if (!inputText.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return [...counts.keys()].sort().slice(0, 8);
}
