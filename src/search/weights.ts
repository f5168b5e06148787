/**
 * Grammar weights: an immutable value passed into the search (HOUSE-STYLE habit 5). Every number is a log2
 * multiplier on a production's prior probability before per-nonterminal normalization: +1 doubles the
 * probability of a production, -1 halves it. Missing entries mean 0 (no change).
 */
export interface GrammarWeights {
  /** Per primitive (by stable name), and "var" / "const" for terminals. */
  readonly prim: ReadonlyMap<string, number>;
  /** Description prior: word -> primitive -> log2 boost, applied for the words of each spec's description. */
  readonly word: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /**
   * Parent-conditioned weights (a bigram model): `${parentPrim}/${argIndex}` -> child primitive -> log2
   * multiplier relative to the child's unconditioned weight.
   */
  readonly bigram: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Where these weights came from (for reports): "uniform", "prior:<hash>", "corpus:<n records>". */
  readonly source: string;
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
  word: new Map(),
  bigram: new Map(),
  source: "uniform",
};

/** The log2 boost the description's words give a primitive under the learned word prior (max over words). */
export function wordBoost(weights: GrammarWeights, tokens: readonly string[], prim: string): number {
  let best = 0;
  for (const t of tokens) {
    const b = weights.word.get(t)?.get(prim);
    if (b !== undefined && b > best) best = b;
  }
  return best;
}
