import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { INT, list, STR } from "../../src/dsl/types.js";
import { learnWeights, weightsToJson, type OpTree, type WeightsJson } from "../../src/learn/weights.js";
import { runJob } from "../../src/app/pool.js";
import type * as PoolSource from "../../src/app/pool.js";
import { exprToPython } from "../../src/emit/python.js";
import { problem } from "../search/helpers.js";

// Worker threads run the compiled search (build/, made by vitest.setup.ts); the pool is imported from there too.
type PoolModule = typeof PoolSource;
const load = async (): Promise<PoolModule> => (await import(new URL("../../build/app/pool.js", import.meta.url).href)) as PoolModule;

const t = (op: string, ...kids: OpTree[]): OpTree => ({ op, kids });
const weights = (op: string, n: number): WeightsJson =>
  weightsToJson(learnWeights(Array.from({ length: n }, (_, i) => ({ description: "", features: ["w"], tree: t(op, t("var")), group: `g${i}` })), { source: `test:${op}:${n}` }));

const PROBLEMS = [
  problem("total", "sum of the numbers", [["xs", list(INT)]], INT, [[[[1, 2, 3]], 6], [[[5]], 5], [[[]], 0]]),
  problem("shout", "upper case", [["s", STR]], STR, [[["ab"], "AB"], [["x y"], "X Y"]]),
  problem("count", "length of the list", [["xs", list(INT)]], INT, [[[[1, 2, 3]], 3], [[[]], 0]]),
  problem("biggest", "largest number", [["xs", list(INT)]], INT, [[[[1, 5, 3]], 5], [[[7, 2]], 7]]),
];

const posted: unknown[] = [];
const original = Worker.prototype.postMessage;
afterEach(() => {
  Worker.prototype.postMessage = original;
  posted.length = 0;
});

describe("SearchPool", () => {
  it("sends a run's weights to each worker once, and searches exactly as in this thread", async () => {
    Worker.prototype.postMessage = function (this: Worker, msg: unknown, ...rest: never[]) {
      posted.push(msg);
      return original.call(this, msg, ...rest);
    };
    const { SearchPool } = await load();
    const pool = new SearchPool(2);
    const w = weights("seq.sum", 6);
    try {
      const jobs = [...PROBLEMS, ...PROBLEMS, ...PROBLEMS].map((p) => ({ problem: p, options: { timeoutMs: 5000, weights: w } }));
      const results = await Promise.all(jobs.map((j) => pool.run(j)));
      const withWeights = posted.filter((m) => (m as { options: { weights?: unknown } }).options.weights !== undefined);
      expect(posted.length).toBe(jobs.length);
      expect(withWeights.length).toBeGreaterThan(0);
      expect(withWeights.length).toBeLessThanOrEqual(2);
      results.forEach((r, i) => {
        const job = jobs[i]!;
        const here = runJob(job.problem, job.options);
        expect(r.stop.kind).toBe("solved");
        expect(exprToPython(r.program!)).toBe(exprToPython(here.program!));
        expect(r.stats.candidates).toBe(here.stats.candidates);
      });
    } finally {
      await pool.close();
    }
  });

  it("keeps up when more weights objects are in play than a worker holds (the oldest are sent again)", async () => {
    const { SearchPool } = await load();
    const pool = new SearchPool(2);
    const ws = ["seq.sum", "str.upper", "seq.len", "seq.max", "seq.min", "seq.sorted"].map((op) => weights(op, 4));
    try {
      for (let round = 0; round < 3; round++) {
        const jobs = ws.flatMap((w) => PROBLEMS.map((p) => ({ problem: p, options: { timeoutMs: 5000, weights: w } })));
        const results = await Promise.all(jobs.map((j) => pool.run(j)));
        results.forEach((r, i) => expect(r.stats.candidates).toBe(runJob(jobs[i]!.problem, jobs[i]!.options).stats.candidates));
      }
    } finally {
      await pool.close();
    }
  });
});
