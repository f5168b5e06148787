/**
 * The description model as per-primitive logistic regression (DeepCoder's "which primitives does this spec call
 * for", with a linear model small enough for a few hundred training specs).
 *
 * Naive Bayes (learnDescription) adds up each feature's evidence as if the features were independent; a spec's
 * description words, name words, signature and example relations are not, so a rare primitive that shares a few
 * common features with a spec collects a large boost from them together. Logistic regression fits the weights of
 * all features jointly: correlated features share their evidence, a feature that is common everywhere gets no
 * credit, and the fitted probabilities are calibrated, so primitives the spec's features do not call for fall
 * below their base rate instead of staying at it.
 *
 * Fitting: weighted cross-entropy (soft labels: a primitive's weight in a spec over the spec's weight, see
 * specsOf) plus an L2 penalty on the feature weights, minimised by mini-batch Adam from a fixed start in a fixed
 * pseudo-random order (deterministic). Each step touches only the feature rows its batch has (features are sparse),
 * and the number of passes shrinks as the data grows, so a corpus of thousands of specs refits in seconds.
 *
 * The fitted model is stored in the DescriptionModel shape that naive Bayes uses: `presence` holds each
 * primitive's base rate, the always-present BIAS_FEATURE row holds the intercept relative to that base rate, the
 * other rows the feature weights, all in bits, with temperature 1.
 */
import { BIAS_FEATURE, type DescriptionModel } from "../search/weights.js";

/** One training spec for the description model: its features, the primitives used (with weights), its weight. */
export interface SpecCounts {
  readonly features: readonly string[];
  readonly prims: Map<string, number>;
  weight: number;
}

/** The fit's settings (the description model's part of LearnOptions). */
export interface LogisticOptions {
  /** A feature needs this much (weighted) spec support. @default 2 */
  readonly minFeatureSpecs?: number;
  /** Feature weights smaller than this (bits) are not stored. @default 0.1 */
  readonly minBits?: number;
  /** L2 penalty per unit of spec weight. @default DEFAULT_L2 */
  readonly l2?: number;
  /** Boosts are clamped to [-clamp, 2 * clamp] bits. @default 3 */
  readonly clamp?: number;
}

/** L2 penalty (per unit of spec weight) on each feature weight, in nats (on the MBPP validation quarter 0.1 beat 1, 0.3, 0.03 and 0.01). */
export const DEFAULT_L2 = 0.1;
/** Specs per Adam step. */
const BATCH = 32;
const RATE = 0.05;
/** Passes over the data: as many as about WORK multiply-adds allow, within [MIN_EPOCHS, MAX_EPOCHS]. */
const MIN_EPOCHS = 4;
const MAX_EPOCHS = 40;
const WORK = 3e8;

export function fitDescriptionLogistic(specs: readonly SpecCounts[], opts: LogisticOptions = {}): DescriptionModel {
  const minSpecs = opts.minFeatureSpecs ?? 2;
  const minBits = opts.minBits ?? 0.1;
  const l2 = opts.l2 ?? DEFAULT_L2;
  const clamp = opts.clamp ?? 3;
  const N = specs.reduce((s, x) => s + x.weight, 0);
  // Features of at least minSpecs (weighted) specs; primitives used by at least one spec.
  const nF = new Map<string, number>();
  const nP = new Map<string, number>();
  for (const s of specs) {
    for (const f of new Set(s.features)) nF.set(f, (nF.get(f) ?? 0) + s.weight);
    for (const [p, w] of s.prims) nP.set(p, (nP.get(p) ?? 0) + w);
  }
  const feats = [...nF].filter(([, n]) => n >= minSpecs).map(([f]) => f).sort();
  const prims = [...nP.keys()].sort();
  const presence = new Map(prims.map((p) => [p, ((nP.get(p) ?? 0) + 0.5) / (N + 1)] as const));
  const F = feats.length;
  const P = prims.length;
  const fIndex = new Map(feats.map((f, i) => [f, i] as const));
  const pIndex = new Map(prims.map((p, i) => [p, i] as const));
  const S = specs.length;
  const rows = specs.map((s) => Int32Array.from(new Set(s.features.flatMap((f) => fIndex.get(f) ?? []))));
  const sw = Float64Array.from(specs, (s) => s.weight);
  // Labels, sparse (a spec uses a few primitives): per spec, the primitives' indices and soft labels.
  const labelIdx = specs.map((s) => Int32Array.from(s.prims.keys(), (p) => pIndex.get(p) as number));
  const labelVal = specs.map((s) => Float64Array.from(s.prims.values(), (w) => (s.weight > 0 ? Math.min(1, w / s.weight) : 0)));
  // Parameters: F rows of feature weights, then the intercepts; Adam moments alongside.
  const theta = new Float64Array((F + 1) * P);
  const b0 = F * P;
  for (let j = 0; j < P; j++) {
    const m = presence.get(prims[j] as string) as number;
    theta[b0 + j] = Math.log(m / (1 - m));
  }
  const grad = new Float64Array(theta.length);
  const m1 = new Float64Array(theta.length);
  const m2 = new Float64Array(theta.length);
  const z = new Float64Array(P);
  const scale = N > 0 ? 1 / N : 1;
  const order = Array.from({ length: S }, (_, i) => i);
  const featsPerSpec = rows.reduce((a, r) => a + r.length + 1, 0) / Math.max(1, S);
  const epochs = Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, Math.floor(WORK / Math.max(1, S * P * featsPerSpec))));
  let step = 0;
  let seed = 0x9e3779b9;
  const touched = new Uint8Array(F);
  const rowsOf: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    // A fixed pseudo-random order per epoch (deterministic).
    for (let i = S - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      const k = seed % (i + 1);
      [order[i], order[k]] = [order[k] as number, order[i] as number];
    }
    for (let start = 0; start < S; start += BATCH) {
      const batch = order.slice(start, start + BATCH);
      rowsOf.length = 0;
      let bw = 0;
      for (const i of batch) {
        const row = rows[i] as Int32Array;
        const wi = (sw[i] as number) * scale;
        bw += wi;
        if (wi === 0) continue;
        z.set(theta.subarray(b0, b0 + P));
        for (const f of row) for (let j = 0, o = f * P; j < P; j++) z[j] = (z[j] as number) + (theta[o + j] as number);
        for (let j = 0; j < P; j++) z[j] = wi / (1 + Math.exp(-(z[j] as number)));
        const li = labelIdx[i] as Int32Array;
        const lv = labelVal[i] as Float64Array;
        for (let k = 0; k < li.length; k++) z[li[k] as number] = (z[li[k] as number] as number) - wi * (lv[k] as number);
        for (const f of row) {
          if (!touched[f]) {
            touched[f] = 1;
            rowsOf.push(f);
          }
          for (let j = 0, o = f * P; j < P; j++) grad[o + j] = (grad[o + j] as number) + (z[j] as number);
        }
        for (let j = 0; j < P; j++) grad[b0 + j] = (grad[b0 + j] as number) + (z[j] as number);
      }
      // Batches are weighted shares of the data: rescale to the whole, with the penalty on the rows this batch moves.
      const share = bw > 0 ? 1 / bw : 0;
      step++;
      const c1 = 1 - 0.9 ** step;
      const c2 = 1 - 0.999 ** step;
      const update = (k: number, g: number): void => {
        m1[k] = 0.9 * (m1[k] as number) + 0.1 * g;
        m2[k] = 0.999 * (m2[k] as number) + 0.001 * g * g;
        theta[k] = (theta[k] as number) - (RATE * ((m1[k] as number) / c1)) / (Math.sqrt((m2[k] as number) / c2) + 1e-8);
        grad[k] = 0;
      };
      for (const f of rowsOf) {
        touched[f] = 0;
        for (let j = 0, o = f * P; j < P; j++) update(o + j, (grad[o + j] as number) * share + l2 * scale * (theta[o + j] as number));
      }
      for (let j = 0; j < P; j++) update(b0 + j, (grad[b0 + j] as number) * share);
    }
  }
  const bits = (x: number): number => x / Math.LN2;
  const evidence = new Map<string, Map<string, number>>();
  const bias = new Map<string, number>();
  prims.forEach((p, j) => {
    const m = presence.get(p) as number;
    bias.set(p, bits((theta[b0 + j] as number) - Math.log(m / (1 - m))));
  });
  evidence.set(BIAS_FEATURE, bias);
  feats.forEach((f, i) => {
    const row = new Map<string, number>();
    prims.forEach((p, j) => {
      const w = bits(theta[i * P + j] as number);
      if (Math.abs(w) >= minBits) row.set(p, w);
    });
    if (row.size > 0) evidence.set(f, row);
  });
  return { presence, evidence, temperature: 1, floor: -clamp, ceil: 2 * clamp, n: Math.round(N) };
}
