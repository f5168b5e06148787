/**
 * Learning across runs (the seed's "Learning & Memory" and "Adaptive Learning"): before a run, what the corpus
 * knows becomes guidance for each spec (learned grammar weights, retrieved programs tried first, their
 * subprograms as seeds); after it, the seed bias of retrieved entries and the learned weights are updated.
 */
import { exprFromJson, exprToJson, type ExprJson } from "../dsl/serialize.js";
import { typeKey } from "../dsl/types.js";
import { exampleSources, signatureText, specHash } from "../corpus/run-records.js";
import { CorpusStore } from "../corpus/store.js";
import { DEFAULT_PRIOR } from "../learn/prior.js";
import { credibility } from "../learn/credibility.js";
import { recordKey, recordSpec, type CorpusRecord } from "../learn/record.js";
import { intermediateTypes, signatureClass, specFeatures } from "../search/features.js";
import { reuseFor, updateBias, usedSources, type Reuse } from "../learn/reuse.js";
import { combineWeights, learnWeights, treeOfExpr, weightsFromJson, weightsToJson, type TrainingProgram, type WeightsJson } from "../learn/weights.js";
import { PYTHON_PRIMS } from "../dsl/prims/index.js";
import { SMT_PRIMS } from "../dsl/prims/smt.js";
import type { Problem } from "../spec/problem.js";

/** Learning settings (config file `learning:`, env AURORA_LEARNING_RATE / AURORA_BIAS_DECAY, CLI flags). */
export interface LearningConfig {
  /** Use the corpus at all (retrieval, learned weights, bias). @default true */
  readonly enabled: boolean;
  /** Seed-bias learning rate. @default 0.1 */
  readonly rate: number;
  /** How much old bias is kept per run (it fades toward neutral). @default 0.95 */
  readonly decay: number;
  /** Start from the shipped prior (src/learn/prior.json). @default false: learned from MBPP reference code, it helps list-and-number specs but misleads string ones, so it is opt-in (--prior). */
  readonly prior: boolean;
  /** Retrieved entries per spec. @default 5 */
  readonly topK?: number;
}

export const DEFAULT_LEARNING: LearningConfig = { enabled: true, rate: 0.1, decay: 0.95, prior: false };

const WEIGHTS_NAME = "grammar-weights";
const BIAS_NAME = "seed-bias";

/** What one spec gets from the corpus. */
export interface SpecGuidance {
  readonly tryFirst: readonly ExprJson[];
  readonly seeds: readonly ExprJson[];
  /** Constants of the retrieved programs (as const expressions). */
  readonly constants: readonly ExprJson[];
  readonly reuse: Reuse;
  readonly retrieved: readonly string[];
}

/** Guidance for a whole run. */
export interface Guidance {
  readonly weights: WeightsJson | undefined;
  readonly forSpec: ReadonlyMap<Problem, SpecGuidance>;
  readonly bias: ReadonlyMap<string, number>;
}

/**
 * Reads the corpus once (retrieval for every spec, stored weights and bias) and releases it. A corpus that cannot
 * be opened is reported through `notice` and the run goes on unguided (never a failure).
 */
export async function prepareGuidance(dir: string, problems: readonly Problem[], learning: LearningConfig, notice: (m: string) => void): Promise<Guidance> {
  const base = learning.prior ? DEFAULT_PRIOR : undefined;
  if (!learning.enabled) return { weights: base ? weightsToJson(base) : undefined, forSpec: new Map(), bias: new Map() };
  let store: CorpusStore | undefined;
  try {
    store = await CorpusStore.open({ dir, onNotice: notice });
    const stored = (await store.loadWeights(WEIGHTS_NAME)) as WeightsJson | undefined;
    const bias = new Map(Object.entries(((await store.loadWeights(BIAS_NAME)) as Record<string, number> | undefined) ?? {}));
    const forSpec = new Map<Problem, SpecGuidance>();
    for (const p of problems) forSpec.set(p, await guidanceFor(store, p, bias, learning.topK ?? 5));
    const learned = stored ? weightsFromJson(stored) : undefined;
    const weights = base && learned ? combineWeights(base, learned) : (learned ?? base);
    return { weights: weights ? weightsToJson(weights) : undefined, forSpec, bias };
  } catch (e) {
    notice(`the corpus could not be read (${(e as Error).message}); this run searches without it`);
    return { weights: base ? weightsToJson(base) : undefined, forSpec: new Map(), bias: new Map() };
  } finally {
    await store?.close();
  }
}

async function guidanceFor(store: CorpusStore, problem: Problem, bias: ReadonlyMap<string, number>, k: number): Promise<SpecGuidance> {
  const query = { description: problem.description, params: problem.params.map((p) => typeKey(p.type)), returns: typeKey(problem.returns) };
  const hits = await store.retrieve(query, k * 2, { solvedOnly: true });
  const ranked = hits
    .map((h) => ({ record: h.record, key: h.key, score: h.score + (bias.get(h.key) ?? 0) }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
    .slice(0, k);
  // SyGuS problems must stay within their grammar: retrieved programs are tried first but never seeded.
  const reuse = reuseFor(problem, ranked, { specHash: specHash(signatureText(problem), exampleSources(problem)) });
  return {
    tryFirst: reuse.programs.map((p) => exprToJson(p.expr)),
    seeds: problem.sygus ? [] : reuse.seeds.map(exprToJson),
    constants: problem.sygus ? [] : reuse.constants.map(exprToJson),
    reuse,
    // Only what was offered: a record below the relevance gate (or not adaptable to this spec) neither helped
    // nor failed to, so its bias stays as it was.
    retrieved: reuse.sources.map((s) => s.key),
  };
}

/**
 * Training programs from corpus records: solved ones with a program, each (spec, program) once however many runs
 * recorded it, with the spec's features and the intermediate types the program computes, weighted by how unlikely
 * it is to fit its examples by coincidence (src/learn/credibility.ts; records without a candidate count weigh 1).
 */
export function trainingFromRecords(records: readonly CorpusRecord[]): (TrainingProgram & { readonly sygus?: boolean })[] {
  const seen = new Set<string>();
  return records.flatMap((r) => {
    if (!r.program || (r.status !== "solved" && r.status !== "ambiguous")) return [];
    const key = recordKey(r);
    if (seen.has(key)) return [];
    seen.add(key);
    const e = exprFromJson(r.program);
    if (!e) return [];
    const spec = recordSpec(r);
    const weight = spec && r.candidates !== undefined ? credibility(spec.examples.map((x) => x.output), r.candidates) : 1;
    return [{ description: r.description, tree: treeOfExpr(e), group: r.spec_hash, weight, ...(r.format === "sygus" ? { sygus: true } : {}), ...(spec ? { features: specFeatures(spec), types: { signature: signatureClass(spec), used: intermediateTypes(e, spec) } } : {}) }];
  });
}

/**
 * Weights learned from training programs: the Python DSL's and the SyGuS grammars' (SMT-LIB primitives, items
 * marked `sygus`) separately, as their vocabularies and grammars differ (see LearnOptions.leafChildren), then
 * side by side.
 */
export function learnFrom(items: readonly (TrainingProgram & { readonly sygus?: boolean })[], source: string): WeightsJson {
  const python = learnWeights(items.filter((i) => !i.sygus), { source, universe: PYTHON_PRIMS.map((p) => p.name) });
  const sygus = items.filter((i) => i.sygus);
  if (sygus.length === 0) return weightsToJson(python);
  const smt = learnWeights(sygus, { source, universe: SMT_PRIMS.map((p) => p.name), leafChildren: true });
  return weightsToJson({ ...combineWeights(python, smt), source });
}

/**
 * After a run (its records already appended): updates the seed bias of every retrieved entry (helped: its
 * program or a seed is in the solution) and re-learns the grammar weights from all solved records.
 */
export async function learnAfterRun(dir: string, guidance: Guidance, solved: readonly { readonly problem: Problem; readonly program: ExprJson | null }[], learning: LearningConfig, notice: (m: string) => void): Promise<void> {
  if (!learning.enabled) return;
  let store: CorpusStore | undefined;
  try {
    store = await CorpusStore.open({ dir, onNotice: notice });
    let bias = new Map(guidance.bias);
    for (const { problem, program } of solved) {
      const g = guidance.forSpec.get(problem);
      if (!g || g.retrieved.length === 0) continue;
      const expr = program ? exprFromJson(program) : undefined;
      const helped = expr ? usedSources(expr, g.reuse) : new Set<string>();
      bias = updateBias(bias, g.retrieved, helped, learning.rate, 1);
    }
    for (const [k, v] of bias) bias.set(k, v * learning.decay);
    await store.saveWeights(BIAS_NAME, Object.fromEntries([...bias].filter(([, v]) => Math.abs(v) > 1e-3)));
    const records: CorpusRecord[] = [];
    for (let offset = 0; ; offset += 5000) {
      const page = await store.list({ limit: 5000, offset, status: "solved" });
      records.push(...page);
      if (page.length < 5000) break;
    }
    await store.saveWeights(WEIGHTS_NAME, learnFrom(trainingFromRecords(records), `corpus:${records.length}`));
  } catch (e) {
    notice(`learning from this run failed (${(e as Error).message}); the corpus keeps its records`);
  } finally {
    await store?.close();
  }
}
