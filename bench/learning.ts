/**
 * Learning curve on unseen tasks: weights learned from a fixed train half of the public training data against
 * uniform weights, at the same per-task budget, on the held-out half.
 *
 *   npm run bench -- learning [--timeout 5] [--jobs 2] [--limit N] [--set all|mbpp|euphony] [--dump rows.json]
 *                              [--base hand|flat]
 *
 * --base flat compares with the unguided engine: every primitive the same prior cost and no description hints,
 * under both rows (the literal "uniform weights"). --base hand (default) keeps the hand-set costs and the
 * lexicon's hints under both rows, so the learned row must beat hand tuning.
 *
 * MBPP dev: train = even task ids (their reference solutions' expressions), held out = odd task ids (searched on
 * all their asserts). Prints solved counts and median time-to-solve for both configurations.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { SearchPool } from "../src/app/pool.js";
import { PYTHON_PRIMS } from "../src/dsl/prims/index.js";
import type { Expr } from "../src/dsl/expr.js";
import { SMT_PRIMS } from "../src/dsl/prims/smt.js";
import { learnWeights, neighborBoosts, treeOfExpr, weightsFromJson, weightsToJson, withBoosts, type TrainingProgram, type WeightsJson } from "../src/learn/weights.js";
import { parseSygus } from "../src/spec/sygus.js";
import type { BaseCosts } from "../src/search/weights.js";
import { exprSize } from "../src/dsl/expr.js";
import { exprFromJson, exprToJson, type ExprJson } from "../src/dsl/serialize.js";
import { exprToPython } from "../src/emit/python.js";
import { recordKey, type CorpusRecord } from "../src/learn/record.js";
import { rankRecords, reuseFor } from "../src/learn/reuse.js";
import { recordOf } from "../src/corpus/run-records.js";
import { parseMbpp } from "../src/spec/mbpp.js";
import type { Problem } from "../src/spec/problem.js";
import { mbppTrees, toTraining } from "../scripts/mbpp-trees.js";

const shared = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..", "..", "shared", "benchmarks");

interface Row {
  readonly solved: boolean;
  readonly ms: number;
  /** Candidates evaluated: the machine-independent measure of search effort. */
  readonly candidates: number;
  readonly program?: Expr | undefined;
  readonly name: string;
}

/** Per held-out problem: what the corpus offers it (adapted past programs and seeds). */
type ReuseOf = (p: Problem) => { tryFirst: ExprJson[]; seeds: ExprJson[]; weights?: WeightsJson };
const KNN_BITS = Number(process.env["AURORA_KNN_BITS"] ?? 2);

/** What both rows' weights adjust (--base): the hand-set costs and hints, or flat. */
let BASE: BaseCosts = "hand";

async function runAll(pool: SearchPool, problems: readonly Problem[], timeoutMs: number, weights?: WeightsJson, reuse?: ReuseOf): Promise<Row[]> {
  return Promise.all(
    problems.map(async (problem) => {
      const r = await pool.run({ problem, options: { timeoutMs, base: BASE, ...(weights ? { weights } : {}), ...(reuse ? reuse(problem) : {}) } });
      return { name: problem.name, solved: r.stop.kind === "solved", ms: r.stats.elapsedMs, candidates: r.stats.candidates, program: r.program };
    }),
  );
}

/**
 * The corpus after a run on the train half: one record per train task that Aurora-X solved (uniform weights),
 * as `aurora run` would record them.
 */
async function trainCorpus(pool: SearchPool, train: readonly Problem[], timeoutMs: number): Promise<(CorpusRecord & { key: string })[]> {
  const rows = await runAll(pool, train, timeoutMs);
  return train.flatMap((p, i) => {
    const r = rows[i] as Row;
    if (!r.solved || !r.program) return [];
    const rec = recordOf(p, { status: "solved", score: 1, time_ms: r.ms, size: exprSize(r.program), program: exprToPython(r.program), dsl: exprToJson(r.program) }, { runId: "bench-train", engineVersion: "bench" });
    return [{ ...rec, key: recordKey(rec) }];
  });
}

/** Corpus records' programs as training items for learnWeights. */
function trainingOf(corpus: readonly CorpusRecord[]): TrainingProgram[] {
  return corpus.flatMap((r) => {
    const e = r.program ? exprFromJson(r.program) : undefined;
    return e ? [{ description: r.description, tree: treeOfExpr(e) }] : [];
  });
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * EuPhony's string training set: train = the even-numbered files in name order (their reference solutions), held
 * out = the odd-numbered ones, searched within their own SyGuS grammars.
 */
async function euphony(pool: SearchPool, timeoutMs: number, limit: number): Promise<{ uniform: Row[]; learned: Row[] }> {
  const dir = path.join(shared, "euphony-string-train");
  const files = readdirSync(dir).filter((f) => f.endsWith(".sl")).sort();
  const problems = files.flatMap((f) => parseSygus(readFileSync(path.join(dir, f), "utf8"), path.join(dir, f)).problems);
  const train = problems.filter((_, i) => i % 2 === 0);
  const held = problems.filter((_, i) => i % 2 === 1).slice(0, limit);
  const items: TrainingProgram[] = train.flatMap((p) => {
    const prog = (p.sygus as { reference?: { program?: Expr } } | undefined)?.reference?.program;
    return prog ? [{ description: "", tree: treeOfExpr(prog) }] : [];
  });
  const learned = weightsToJson(learnWeights(items, { source: "bench:euphony-even", universe: SMT_PRIMS.map((p) => p.name) }));
  console.log(`\nEuPhony: train = ${train.length} tasks (${items.length} reference programs), held out = ${held.length} tasks, ${timeoutMs / 1000} s per task`);
  const uniform = await runAll(pool, held, timeoutMs);
  const withPrior = await runAll(pool, held, timeoutMs, learned);
  report(uniform, withPrior, timeoutMs);
  return { uniform, learned: withPrior };
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { timeout: { type: "string", default: "5" }, jobs: { type: "string", default: "2" }, limit: { type: "string" }, set: { type: "string", default: "all" }, dump: { type: "string" }, clamp: { type: "string", default: "3" }, "weights-only": { type: "boolean", default: false }, from: { type: "string", default: "reference" }, "train-cache": { type: "string" }, base: { type: "string", default: "hand" } } });
  const timeoutMs = Number(values.timeout) * 1000;
  if (values.base !== "hand" && values.base !== "flat") throw new Error(`--base ${values.base}: use hand or flat`);
  BASE = values.base;
  console.log(
    BASE === "flat"
      ? "base: flat (every primitive the same cost, no description hints): uniform weights are the unguided engine"
      : "base: hand (the hand-set primitive costs and description hints stay under both rows)",
  );
  if (values.set === "euphony") {
    const pool = new SearchPool(Number(values.jobs));
    try {
      await euphony(pool, timeoutMs, values.limit ? Number(values.limit) : Infinity);
    } finally {
      await pool.close();
    }
    return;
  }
  const file = path.join(shared, "mbpp-dev.jsonl");
  const tasks = mbppTrees(file);
  const train = tasks.filter((t) => t.taskId % 2 === 0);
  const clamp = Number(values.clamp);
  const learned = weightsToJson(learnWeights(toTraining(train), { source: "bench:mbpp-even", universe: PYTHON_PRIMS.map((p) => p.name), clamp }));
  const all = parseMbpp(readFileSync(file, "utf8"), file, { holdout: 0 }).problems;
  const held = all.filter((p) => (p.taskId ?? 0) % 2 === 1).slice(0, values.limit ? Number(values.limit) : Infinity);
  const trainProblems = all.filter((p) => (p.taskId ?? 0) % 2 === 0);
  if (values.set !== "all" && values.set !== "mbpp") throw new Error(`--set ${values.set}: use all, mbpp or euphony`);
  console.log(`learning curve: MBPP dev, train = ${train.length} even tasks (${toTraining(train).length} programs), held out = ${held.length} odd tasks, ${timeoutMs / 1000} s per task, ${values.jobs} jobs`);
  const pool = new SearchPool(Number(values.jobs));
  if (values["weights-only"]) {
    try {
      // --from: the train half's reference expressions, Aurora-X's own solutions of the train half, or both.
      let w = learned;
      if (values.from !== "reference") {
        const cache = values["train-cache"];
        const corpus = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, "utf8")) as (CorpusRecord & { key: string })[]) : await trainCorpus(pool, trainProblems, timeoutMs);
        if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(corpus));
        const own = trainingOf(corpus);
        const items = values.from === "corpus" ? own : [...toTraining(train), ...own];
        w = weightsToJson(learnWeights(items, { source: `bench:mbpp-even:${values.from}`, universe: PYTHON_PRIMS.map((p) => p.name), clamp }));
        console.log(`train corpus: ${corpus.length} solved train tasks`);
      }
      const uniform = await runAll(pool, held, timeoutMs);
      const withPrior = await runAll(pool, held, timeoutMs, w);
      console.log(`\n[weights only: learned from the train half (${values.from}), clamp ${clamp} bits]`);
      report(uniform, withPrior, timeoutMs);
      if (values.dump) writeFileSync(values.dump, JSON.stringify(held.map((p, i) => ({ task: p.name, uniform: uniform[i], weights: withPrior[i] })), (k, v: unknown) => (k === "program" ? undefined : v), 1));
    } finally {
      await pool.close();
    }
    return;
  }
  try {
    const corpus = await trainCorpus(pool, trainProblems, timeoutMs);
    // Weights from both sources: the train tasks' reference expressions and Aurora-X's own solved programs.
    const fromCorpus = trainingOf(corpus);
    const weights = weightsToJson(learnWeights([...toTraining(train), ...fromCorpus], { source: "bench:mbpp-even+corpus", universe: PYTHON_PRIMS.map((p) => p.name), clamp }));
    const items = [...toTraining(train), ...fromCorpus];
    const base = weightsFromJson(weights);
    const reuse: ReuseOf = (p) => {
      const r = reuseFor(p, rankRecords(p, corpus, new Map(), 5));
      const w = weightsToJson(withBoosts(base, neighborBoosts(p.description, items, 5, KNN_BITS)));
      return { tryFirst: r.programs.map((x) => exprToJson(x.expr)), seeds: r.seeds.map(exprToJson), weights: w };
    };
    console.log(`train run: Aurora-X solved ${corpus.length} of ${trainProblems.length} train tasks; their programs feed retrieval, seeds and weights`);
    const uniform = await runAll(pool, held, timeoutMs);
    const withPrior = await runAll(pool, held, timeoutMs, learned);
    const withCorpus = await runAll(pool, held, timeoutMs, weights, reuse);
    console.log("\n[weights only: learned from the train half's reference expressions]");
    report(uniform, withPrior, timeoutMs);
    console.log("\n[full learning: weights + retrieval (programs tried first) + seeds, from the train half]");
    report(uniform, withCorpus, timeoutMs);
    if (values.dump) {
      const row = (r: Row): unknown => ({ solved: r.solved, ms: Math.round(r.ms), candidates: r.candidates, size: r.program ? exprSize(r.program) : null });
      writeFileSync(values.dump, JSON.stringify(held.map((p, i) => ({ task: p.name, uniform: row(uniform[i] as Row), weights: row(withPrior[i] as Row), full: row(withCorpus[i] as Row) })), null, 1));
      console.log(`per-task rows: ${values.dump}`);
    }
    if (values.set === "all") {
      const e = await euphony(pool, timeoutMs, values.limit ? Number(values.limit) : Infinity);
      // Both sets' held-out halves as one (the issue's "a fixed half of MBPP dev and of the EuPhony set").
      console.log(`\n[pooled: the ${held.length} MBPP and ${e.uniform.length} EuPhony held-out tasks, weights only]`);
      report([...uniform, ...e.uniform], [...withPrior, ...e.learned], timeoutMs);
    }
  } finally {
    await pool.close();
  }
}

function report(u: readonly Row[], l: readonly Row[], timeoutMs: number): void {
  const both = u.map((x, i) => [x, l[i] as Row] as const).filter(([a, b]) => a.solved && b.solved);
  const censored = (rows: readonly Row[]): number => median(rows.map((r) => (r.solved ? r.ms : timeoutMs)));
  const line = (name: string, rows: readonly Row[], pick: 0 | 1): string => {
    const solved = rows.filter((r) => r.solved).length;
    const mBoth = median(both.map((p) => p[pick].ms));
    return `${name.padEnd(10)} ${String(solved).padStart(7)} ${mBoth.toFixed(0).padStart(16)} ${censored(rows).toFixed(0).padStart(20)}`;
  };
  console.log("weights     solved  median ms (both)  median ms (censored)");
  console.log(line("uniform", u, 0));
  console.log(line("learned", l, 1));
  const speed = median(both.map((p) => p[0].ms)) / median(both.map((p) => p[1].ms));
  const effort = median(both.map((p) => p[0].candidates)) / median(both.map((p) => p[1].candidates));
  const ratios = both.map((p) => p[0].candidates / Math.max(1, p[1].candidates));
  console.log(`on the ${both.length} tasks both solve: median time ${speed.toFixed(2)}x faster, median candidates ${effort.toFixed(2)}x fewer (median per-task ratio ${median(ratios).toFixed(2)}x); solved ${u.filter((r) => r.solved).length} -> ${l.filter((r) => r.solved).length}`);
}
