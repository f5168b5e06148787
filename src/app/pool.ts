import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { exprFromJson, exprToJson, type ExprJson } from "../dsl/serialize.js";
import type { Expr } from "../dsl/expr.js";
import type { SearchResult, SearchStats, StopReason } from "../search/result.js";
import { synthesize, type SynthOptions } from "../search/synthesize.js";
import { weightsFromJson, type WeightsJson } from "../learn/weights.js";
import type { GrammarWeights } from "../search/weights.js";
import type { Problem } from "../spec/problem.js";
import { decodeProblem, encodeProblem, type EncodedProblem } from "./codec.js";

/** A search to run: the problem and the options that can cross a thread boundary (weights as JSON). */
export interface SearchJob {
  readonly problem: Problem;
  readonly options: Pick<SynthOptions, "timeoutMs" | "maxBytes" | "maxCost" | "maxAlternatives" | "ambiguityWindow" | "base"> & {
    readonly weights?: WeightsJson;
    /** Programs (stable JSON form) to try first, seeds for the search, and constants (const expressions) to offer. */
    readonly tryFirst?: readonly ExprJson[];
    readonly seeds?: readonly ExprJson[];
    readonly constants?: readonly ExprJson[];
  };
}

/** Runs one job in this thread (`parsed`: the job's weights already in their Map form). */
export function runJob(problem: Problem, options: SearchJob["options"], parsed?: GrammarWeights): SearchResult {
  const { weights, tryFirst, seeds, constants, ...rest } = options;
  const exprs = (xs: readonly ExprJson[] | undefined): Expr[] => (xs ?? []).flatMap((j) => exprFromJson(j) ?? []);
  const w = parsed ?? (weights ? weightsFromJson(weights) : undefined);
  const extraConstants = exprs(constants).flatMap((e) => (e.t === "const" ? [[e.value, e.type] as const] : []));
  return synthesize(problem, { ...rest, ...(w ? { weights: w } : {}), tryFirst: exprs(tryFirst), seeds: exprs(seeds), ...(extraConstants.length > 0 ? { extraConstants } : {}) });
}

/** How many weights objects a worker keeps parsed (SearchPool mirrors each worker's cache). */
const WEIGHTS_PER_WORKER = 4;

/**
 * Weights by identity, parsed once: a run passes one weights object to all its searches, and parsing it (or, for a
 * worker, receiving a copy) per search made garbage that the next searches paid for in collection time.
 */
export class WeightsCache {
  private readonly parsed = new Map<number, GrammarWeights>();
  constructor(private readonly size = WEIGHTS_PER_WORKER) {}
  get(id: number): GrammarWeights | undefined {
    return this.parsed.get(id);
  }
  put(id: number, json: WeightsJson): GrammarWeights {
    const w = weightsFromJson(json);
    if (this.parsed.size >= this.size) this.parsed.delete(this.parsed.keys().next().value as number);
    this.parsed.set(id, w);
    return w;
  }
}

/** What crosses back from a worker: the search result with programs in their stable JSON form. */
export interface EncodedResult {
  readonly stop: StopReason;
  readonly program?: ExprJson;
  readonly cost?: number;
  readonly alternatives: readonly ExprJson[];
  readonly partial?: { readonly program: ExprJson; readonly passed: number };
  readonly stats: SearchStats;
}

export function encodeResult(r: SearchResult): EncodedResult {
  return {
    stop: r.stop,
    ...(r.program ? { program: exprToJson(r.program), cost: r.cost ?? 0 } : {}),
    alternatives: r.alternatives.map(exprToJson),
    ...(r.partial ? { partial: { program: exprToJson(r.partial.program), passed: r.partial.passed } } : {}),
    stats: r.stats,
  };
}

export function decodeResult(r: EncodedResult): SearchResult {
  const dec = (j: ExprJson): Expr => exprFromJson(j) ?? { t: "const", value: null, type: { kind: "none" } };
  return {
    stop: r.stop,
    ...(r.program ? { program: dec(r.program), cost: r.cost ?? 0 } : {}),
    alternatives: r.alternatives.map(dec),
    ...(r.partial ? { partial: { program: dec(r.partial.program), passed: r.partial.passed } } : {}),
    stats: r.stats,
  };
}

/**
 * Message to a worker thread. Weights travel once per worker: the first job with a given weights object carries them
 * (`options.weights`) with their `weightsId`; later jobs carry the id only.
 */
export interface WorkerRequest {
  readonly id: number;
  readonly problem: EncodedProblem;
  readonly options: SearchJob["options"];
  readonly weightsId?: number;
}

/**
 * Runs searches on `jobs` threads (1 = in this thread). Results come back in submission order through the
 * returned promises; each search owns one thread for its whole budget.
 */
export class SearchPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { req: WorkerRequest; resolve: (r: SearchResult) => void; reject: (e: Error) => void }[] = [];
  private readonly pending = new Map<number, { resolve: (r: SearchResult) => void; reject: (e: Error) => void; worker: Worker }>();
  private nextId = 0;
  /** Ids of the weights objects jobs were given, and which ids each worker holds (its cache keeps the last few). */
  private readonly weightIds = new WeakMap<WeightsJson, number>();
  private nextWeightsId = 1;
  private readonly holds = new WeakMap<Worker, number[]>();
  private readonly inThread = new WeightsCache();

  constructor(readonly jobs: number) {
    const n = Math.max(1, Math.min(jobs, availableParallelism() * 2));
    if (n <= 1) return;
    for (let i = 0; i < n; i++) this.spawn();
  }

  /** Runs one search (in a worker thread when the pool has any). */
  run(job: SearchJob): Promise<SearchResult> {
    const w = job.options.weights;
    const weightsId = w ? this.weightsIdOf(w) : undefined;
    if (this.workers.length === 0) {
      const parsed = w && weightsId !== undefined ? (this.inThread.get(weightsId) ?? this.inThread.put(weightsId, w)) : undefined;
      return Promise.resolve(runJob(job.problem, job.options, parsed));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ req: { id: this.nextId++, problem: encodeProblem(job.problem), options: job.options, ...(weightsId !== undefined ? { weightsId } : {}) }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }

  private spawn(): void {
    const w = new Worker(new URL("./search-worker.js", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    w.on("message", (msg: { id: number; result?: EncodedResult; error?: string }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      w.unref();
      this.idle.push(w);
      if (msg.result) p.resolve(decodeResult(msg.result));
      else p.reject(new Error(msg.error ?? "search worker failed"));
      this.dispatch();
    });
    w.on("error", (e) => this.failWorker(w, e));
    w.unref();
    this.workers.push(w);
    this.idle.push(w);
  }

  /** A worker that died fails its search only; a fresh worker takes its place. */
  private failWorker(w: Worker, e: Error): void {
    for (const [id, p] of this.pending) {
      if (p.worker !== w) continue;
      this.pending.delete(id);
      p.reject(new Error(`search worker crashed: ${e.message}`));
    }
    this.workers.splice(this.workers.indexOf(w), 1);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    this.spawn();
    this.dispatch();
  }

  private weightsIdOf(w: WeightsJson): number {
    let id = this.weightIds.get(w);
    if (id === undefined) {
      id = this.nextWeightsId++;
      this.weightIds.set(w, id);
    }
    return id;
  }

  /** The request as this worker needs it: without the weights when it already holds them. */
  private forWorker(w: Worker, req: WorkerRequest): WorkerRequest {
    if (req.weightsId === undefined) return req;
    const held = this.holds.get(w) ?? [];
    if (held.includes(req.weightsId)) {
      const { weights: _, ...options } = req.options;
      return { ...req, options };
    }
    // Mirrors the worker's cache (WeightsCache, same size and eviction order).
    if (held.length >= WEIGHTS_PER_WORKER) held.shift();
    held.push(req.weightsId);
    this.holds.set(w, held);
    return req;
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop() as Worker;
      const job = this.queue.shift()!;
      this.pending.set(job.req.id, { resolve: job.resolve, reject: job.reject, worker: w });
      // A busy worker keeps the process alive; an idle one does not.
      w.ref();
      w.postMessage(this.forWorker(w, job.req));
    }
  }
}

export { decodeProblem };
