/**
 * Per-task cost of quick searches: most specs are solved after a few hundred or thousand candidates, where the
 * fixed work of a search (grammar, enumerator, tables) and the per-level work matter as much as the inner loops.
 *
 *   npm run bench -- overhead [--reps 5] [--max-candidates 20000] [--limit N]
 *
 * The MBPP dev tasks that the uniform search solves within --max-candidates candidates are searched --reps times
 * each in this process, with uniform weights and with the shipped prior, the two rows interleaved task by task; each
 * task's figure is its fastest run (the machines are shared: the minimum is the steadiest). Printed per row: the
 * total and median of those minima, the median time of the tasks under 50 candidates (about the fixed cost of a
 * search) and the median time per candidate of the others. Candidates are printed too: a change that only saves
 * overhead must leave them the same.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_PRIOR } from "../src/learn/prior.js";
import { synthesize } from "../src/search/synthesize.js";
import type { GrammarWeights } from "../src/search/weights.js";
import { parseMbpp } from "../src/spec/mbpp.js";
import type { Problem } from "../src/spec/problem.js";

const shared = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..", "..", "shared", "benchmarks");

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

interface Timing {
  readonly ms: number;
  readonly candidates: number;
}

/** The fastest of `reps` runs of one search. */
function fastest(p: Problem, weights: GrammarWeights | undefined, reps: number): Timing {
  let best: Timing = { ms: Infinity, candidates: 0 };
  for (let k = 0; k < reps; k++) {
    const t = performance.now();
    const r = synthesize(p, { timeoutMs: 10_000, ...(weights ? { weights } : {}) });
    const ms = performance.now() - t;
    if (ms < best.ms) best = { ms, candidates: r.stats.candidates };
  }
  return best;
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { reps: { type: "string", default: "5" }, "max-candidates": { type: "string", default: "20000" }, limit: { type: "string" } } });
  const reps = Number(values.reps);
  const maxCandidates = Number(values["max-candidates"]);
  const file = path.join(shared, "mbpp-dev.jsonl");
  const problems = parseMbpp(readFileSync(file, "utf8"), file, { holdout: 0 }).problems;
  const quick = problems.filter((p) => {
    const r = synthesize(p, { timeoutMs: 1000 });
    return r.stop.kind === "solved" && r.stats.candidates <= maxCandidates;
  }).slice(0, values.limit ? Number(values.limit) : Infinity);
  console.log(`${quick.length} MBPP dev tasks solved by the uniform search within ${maxCandidates} candidates; fastest of ${reps} runs each, rows interleaved`);
  const rows: Record<"uniform" | "prior", Timing[]> = { uniform: [], prior: [] };
  for (const p of quick) {
    rows.uniform.push(fastest(p, undefined, reps));
    rows.prior.push(fastest(p, DEFAULT_PRIOR, reps));
  }
  console.log("weights    total ms  median ms  fixed ms (<50 cand.)  us/candidate (others)  total candidates");
  for (const [name, ts] of Object.entries(rows)) {
    const small = ts.filter((t) => t.candidates < 50);
    const large = ts.filter((t) => t.candidates >= 50);
    const total = ts.reduce((s, t) => s + t.ms, 0);
    const cands = ts.reduce((s, t) => s + t.candidates, 0);
    console.log(
      `${name.padEnd(8)} ${total.toFixed(0).padStart(10)} ${median(ts.map((t) => t.ms)).toFixed(2).padStart(10)} ${median(small.map((t) => t.ms)).toFixed(2).padStart(21)} ${median(large.map((t) => (1000 * t.ms) / t.candidates)).toFixed(2).padStart(22)} ${String(cands).padStart(17)}`,
    );
  }
}
