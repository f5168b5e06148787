/**
 * Learning curve on unseen tasks: weights learned from a fixed train half of the public training data against
 * uniform weights, at the same per-task budget, on the held-out half.
 *
 *   npm run bench -- learning [--timeout 5] [--jobs 2] [--limit N]
 *
 * MBPP dev: train = even task ids (their reference solutions' expressions), held out = odd task ids (searched on
 * all their asserts). Prints solved counts and median time-to-solve for both configurations.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { SearchPool } from "../src/app/pool.js";
import { PYTHON_PRIMS } from "../src/dsl/prims/index.js";
import { learnWeights, weightsToJson, type WeightsJson } from "../src/learn/weights.js";
import { parseMbpp } from "../src/spec/mbpp.js";
import type { Problem } from "../src/spec/problem.js";
import { mbppTrees, toTraining } from "../scripts/mbpp-trees.js";

const shared = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..", "..", "shared", "benchmarks");

interface Row {
  readonly solved: boolean;
  readonly ms: number;
  /** Candidates evaluated: the machine-independent measure of search effort. */
  readonly candidates: number;
}

async function runAll(pool: SearchPool, problems: readonly Problem[], timeoutMs: number, weights?: WeightsJson): Promise<Row[]> {
  return Promise.all(
    problems.map(async (problem) => {
      const r = await pool.run({ problem, options: { timeoutMs, ...(weights ? { weights } : {}) } });
      return { solved: r.stop.kind === "solved", ms: r.stats.elapsedMs, candidates: r.stats.candidates };
    }),
  );
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { timeout: { type: "string", default: "5" }, jobs: { type: "string", default: "2" }, limit: { type: "string" } } });
  const timeoutMs = Number(values.timeout) * 1000;
  const file = path.join(shared, "mbpp-dev.jsonl");
  const tasks = mbppTrees(file);
  const train = tasks.filter((t) => t.taskId % 2 === 0);
  const learned = weightsToJson(learnWeights(toTraining(train), { source: "bench:mbpp-even", universe: PYTHON_PRIMS.map((p) => p.name) }));
  const all = parseMbpp(readFileSync(file, "utf8"), file, { holdout: 0 }).problems;
  const held = all.filter((p) => (p.taskId ?? 0) % 2 === 1).slice(0, values.limit ? Number(values.limit) : Infinity);
  console.log(`learning curve: MBPP dev, train = ${train.length} even tasks (${toTraining(train).length} programs), held out = ${held.length} odd tasks, ${timeoutMs / 1000} s per task, ${values.jobs} jobs`);
  const pool = new SearchPool(Number(values.jobs));
  try {
    const uniform = await runAll(pool, held, timeoutMs);
    const withPrior = await runAll(pool, held, timeoutMs, learned);
    report(uniform, withPrior, timeoutMs);
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
