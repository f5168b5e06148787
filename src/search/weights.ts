import { pow2 } from "./grammar.js";

/**
 * Grammar weights: an immutable value passed into the search (HOUSE-STYLE habit 5). Every number is a log2
 * multiplier on a production's prior probability before per-nonterminal normalization: +1 doubles the
 * probability of a production, -1 halves it. Missing entries mean 0 (no change).
 */
export interface GrammarWeights {
  /** Per primitive (by stable name), and "var" / "const" for terminals. */
  readonly prim: ReadonlyMap<string, number>;
  /**
   * Parent-conditioned weights (a bigram model): `${parentPrim}/${argIndex}` -> child primitive -> log2
   * multiplier relative to the child's unconditioned weight.
   */
  readonly bigram: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Per spec: which primitives its features (description, name, signature, examples) call for. */
  readonly desc?: DescriptionModel;
  /** Per spec: which intermediate types solutions of its signature's class compute. */
  readonly types?: TypePrior;
  /** Where these weights came from (for reports): "uniform", "prior:<hash>", "corpus:<n records>". */
  readonly source: string;
}

/**
 * A linear model of which primitives a solution uses, given the spec's features (src/search/features.ts): logistic
 * regression (src/learn/logistic.ts, intercepts in the BIAS_FEATURE row, temperature 1) or naive Bayes (older
 * stored weights; correlated words counted as independent, so the sum is damped by a temperature below 1).
 * For a spec with features F, primitive p's boost is log2(P(p | F) / P(p)), where the posterior's log-odds are
 * P(p)'s plus `temperature` times the evidence of the features present, clamped to [floor, ceil].
 */
export interface DescriptionModel {
  /** P(p appears in a solution): the base rate. */
  readonly presence: ReadonlyMap<string, number>;
  /** feature -> primitive -> evidence in bits (naive Bayes: log2 P(feature | p used) / P(feature | p not used)). */
  readonly evidence: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly temperature: number;
  readonly floor: number;
  readonly ceil: number;
  /** Training items the model was learned from (a primitive never seen has presence 0.5 / (n + 1)). */
  readonly n: number;
}

/**
 * How often solutions compute values of each intermediate type (one that is neither a parameter's nor the result's),
 * overall and per signature class (src/search/features.ts signatureClass). A nonterminal whose type solutions of
 * this class rarely compute costs more, so the search builds its values later.
 */
export interface TypePrior {
  /** Solved programs counted. */
  readonly n: number;
  /** type key -> programs that compute a value of it. */
  readonly used: ReadonlyMap<string, number>;
  /** signature class -> its programs and their counts per type. */
  readonly bySignature: ReadonlyMap<string, { readonly n: number; readonly used: ReadonlyMap<string, number> }>;
}

/**
 * What learned weights adjust (SynthOptions.base): "hand" = each primitive's hand-set cost plus the lexicon's
 * description hints (the product); "flat" = every primitive FLAT_PRIM_COST and no hints, the unguided engine
 * that the learning benchmark compares with (`--base flat`).
 */
export type BaseCosts = "hand" | "flat";

/** A primitive's cost under the flat base: about the mean of the hand-set costs (0.5 to 3 bits). */
export const FLAT_PRIM_COST = 1.5;

/** A primitive's log2 weight before learned weights: minus its cost, plus the hint boost when hinted ("hand"). */
export function priorWeight(cost: number, hinted: boolean, hintBits: number, base: BaseCosts): number {
  return base === "flat" ? -FLAT_PRIM_COST : -cost + (hinted ? hintBits : 0);
}

export const UNIFORM_WEIGHTS: GrammarWeights = {
  prim: new Map(),
  bigram: new Map(),
  source: "uniform",
};

/**
 * A feature every spec has: a logistic description model keeps its intercepts there (relative to `presence`);
 * naive Bayes models have no such row.
 */
export const BIAS_FEATURE = "*";

/** Per primitive, the description model's boost (log2) for a spec with these features; primitives without evidence are absent. */
export function descriptionBoosts(model: DescriptionModel, features: readonly string[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const f of [BIAS_FEATURE, ...features]) {
    const row = model.evidence.get(f);
    if (row) for (const [p, w] of row) sum.set(p, (sum.get(p) ?? 0) + w);
  }
  const out = new Map<string, number>();
  for (const [p, s] of sum) {
    const p0 = model.presence.get(p) ?? 0.5 / (model.n + 1);
    const logOdds = Math.log2(p0 / (1 - p0)) + model.temperature * s;
    const post = 1 / (1 + pow2(-logOdds));
    out.set(p, Math.max(model.floor, Math.min(model.ceil, Math.log2(post / p0))));
  }
  return out;
}

/** A description model's evidence as dense rows over one primitive table (see descriptionBoostArray). */
interface DenseDescription {
  readonly rows: ReadonlyMap<string, { readonly prim: Int32Array; readonly bits: Float64Array }>;
  /** Per primitive of the table: its base rate. */
  readonly p0: Float64Array;
}

const DENSE_DESCRIPTIONS = new WeakMap<DescriptionModel, WeakMap<readonly string[], DenseDescription>>();

function denseDescription(model: DescriptionModel, names: readonly string[]): DenseDescription {
  let byTable = DENSE_DESCRIPTIONS.get(model);
  if (!byTable) {
    byTable = new WeakMap();
    DENSE_DESCRIPTIONS.set(model, byTable);
  }
  let dense = byTable.get(names);
  if (!dense) {
    const index = new Map(names.map((n, k) => [n, k] as const));
    const rows = new Map<string, { prim: Int32Array; bits: Float64Array }>();
    for (const [f, row] of model.evidence) {
      const prim: number[] = [];
      const bits: number[] = [];
      for (const [p, w] of row) {
        const k = index.get(p);
        if (k === undefined) continue;
        prim.push(k);
        bits.push(w);
      }
      if (prim.length > 0) rows.set(f, { prim: Int32Array.from(prim), bits: Float64Array.from(bits) });
    }
    const p0 = Float64Array.from(names, (n) => model.presence.get(n) ?? 0.5 / (model.n + 1));
    dense = { rows, p0 };
    byTable.set(names, dense);
  }
  return dense;
}

/**
 * descriptionBoosts for the primitives `names` (distinct; one array per primitive table, kept by identity), as an array in
 * their order (0 for a primitive without evidence): the same numbers, from evidence rows converted once per model
 * and table rather than maps read per spec.
 */
export function descriptionBoostArray(model: DescriptionModel, features: readonly string[], names: readonly string[]): Float64Array {
  const { rows, p0 } = denseDescription(model, names);
  const sum = new Float64Array(names.length);
  const seen = new Uint8Array(names.length);
  const add = (f: string): void => {
    const row = rows.get(f);
    if (!row) return;
    const { prim, bits } = row;
    for (let j = 0; j < prim.length; j++) {
      const k = prim[j] as number;
      sum[k] = (sum[k] as number) + (bits[j] as number);
      seen[k] = 1;
    }
  };
  add(BIAS_FEATURE);
  for (const f of features) add(f);
  const out = new Float64Array(names.length);
  for (let k = 0; k < names.length; k++) {
    if (seen[k] === 0) continue;
    const base = p0[k] as number;
    const logOdds = Math.log2(base / (1 - base)) + model.temperature * (sum[k] as number);
    const post = 1 / (1 + pow2(-logOdds));
    out[k] = Math.max(model.floor, Math.min(model.ceil, Math.log2(post / base)));
  }
  return out;
}

/** Pseudo-count of the overall rate when a signature class has few programs. */
const TYPE_PRIOR_STRENGTH = 2;
/** Most bits a type's rarity adds to its nonterminal. */
const TYPE_PRIOR_CAP = 6;

/**
 * The extra cost (bits) of building values of type `typeKey` for a spec of signature class `signature`:
 * -log2 of the smoothed share of that class's solutions that compute such a value (0 for types the spec itself has).
 */
export function typeOffsetBits(prior: TypePrior, signature: string, typeKey: string): number {
  const mine = prior.bySignature.get(signature) ?? { n: 0, used: new Map<string, number>() };
  const overall = ((prior.used.get(typeKey) ?? 0) + 0.5) / (prior.n + 1);
  const share = ((mine.used.get(typeKey) ?? 0) + TYPE_PRIOR_STRENGTH * overall) / (mine.n + TYPE_PRIOR_STRENGTH);
  return Math.min(TYPE_PRIOR_CAP, -Math.log2(share));
}
