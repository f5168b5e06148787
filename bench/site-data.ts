/**
 * Generated history for the site benchmark and tests: `functions` x `runs` runs of plausible, seeded data
 * (statuses drift, times jitter, programs share subtrees), plus progress.json and history snapshots.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { writeRun } from "../src/app/runs.js";
import type { RunMeta, RunScores, SpecScore } from "../src/report/schema.js";
import { serializeProgress } from "../src/tracker/parse.js";
import { seedTemplate } from "../src/tracker/templates.js";
import { prng } from "./corpus-gen.js";

const VARS = [["$", "s", "str"], ["$", "x", "int"], ["$", "xs", "list[int]"]];
const OPS = ["add", "mul", "len", "sum", "max", "neg", "abs", "sorted"];

function tree(rand: () => number, depth: number): unknown[] {
  if (depth === 0 || rand() < 0.3) return rand() < 0.7 ? VARS[Math.floor(rand() * VARS.length)]! : ["#", Math.floor(rand() * 5), "int"];
  const op = OPS[Math.floor(rand() * OPS.length)]!;
  const arity = op === "add" || op === "mul" || op === "max" ? 2 : 1;
  return [op, "int", ...Array.from({ length: arity }, () => tree(rand, depth - 1))];
}

function size(node: unknown): number {
  return Array.isArray(node) && node[0] !== "$" && node[0] !== "#" ? 1 + node.slice(2).reduce((n: number, a) => n + size(a), 0) : 1;
}

/** The options of the generator. */
export interface GenOptions {
  readonly functions: number;
  readonly runs: number;
  /** @default 42 */
  readonly seed?: number;
  /** Extra function names (e.g. hostile ones) added to every run. */
  readonly extraNames?: readonly string[];
}

function specFor(i: number, name: string, rand: () => number, base: { dsl: unknown[]; time: number }): SpecScore {
  const r = rand();
  const status = r < 0.85 ? "solved" : r < 0.93 ? "unsolved" : r < 0.98 ? "ambiguous" : "error";
  const solved = status === "solved" || status === "ambiguous";
  return {
    name,
    file: `specs/suite_${i % 20}.py`,
    line: 1 + (i % 50) * 7,
    status,
    score: solved ? 1 : Math.round(rand() * 80) / 100,
    time_ms: Math.round(base.time * (0.8 + rand() * 0.4) * 10) / 10,
    size: solved ? size(base.dsl) : 0,
    candidates: Math.floor(rand() * 100000),
    stop_reason: solved ? "solved" : "timeLimit",
    program: solved ? `f${i}(x)` : null,
    dsl: solved ? base.dsl : null,
    heldout: { passed: solved ? 3 : 0, failed: 0 },
    round: 1,
    warnings: [],
  };
}

function runRecord(k: number, specs: SpecScore[], start: number): { scores: RunScores; meta: RunMeta } {
  const t = new Date(start + k * 3_600_000);
  const id = `${t.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-${(k % 65536).toString(16).padStart(4, "0")}`;
  const solved = specs.filter((s) => s.status === "solved").length;
  const rounds = k % 10 === 9 ? 3 : 1;
  const perRound = Array.from({ length: rounds }, (_, r) => ({ round: r + 1, solved: Math.round(solved * (0.7 + (0.3 * (r + 1)) / rounds)), time_ms: 1000 * (r + 1) }));
  const count = (st: SpecScore["status"]): number => specs.filter((s) => s.status === st).length;
  return {
    scores: { specs, errors: [], summary: { total: specs.length, solved, ambiguous: count("ambiguous"), unsolved: count("unsolved"), errors: count("error"), time_ms: specs.reduce((a, s) => a + s.time_ms, 0), per_round: perRound } },
    meta: { run_id: id, created: t.toISOString(), engine_version: "0.1.0", commit: (0x1000000 + k).toString(16).padStart(40, "0"), branch: "main", node: "v20.20.2", os: "linux", cpu: "Bench CPU", cpus: 2, options: { timeout_ms: 10000, rounds }, fingerprint: "bench", inputs: ["specs"] },
  };
}

/** Writes `<dir>/runs/<id>/`, progress.json and history/; returns the run ids, oldest first. */
export async function generateSiteData(dir: string, opts: GenOptions): Promise<string[]> {
  const rand = prng(opts.seed ?? 42);
  const names = [...Array.from({ length: opts.functions }, (_, i) => `fn_${String(i).padStart(4, "0")}`), ...(opts.extraNames ?? [])];
  const bases = names.map(() => ({ dsl: tree(rand, 3), time: Math.exp(rand() * 6) }));
  const start = Date.UTC(2025, 0, 1);
  const ids: string[] = [];
  for (let k = 0; k < opts.runs; k++) {
    const { scores, meta } = runRecord(k, names.map((n, i) => specFor(i, n, rand, bases[i]!)), start);
    await writeRun(path.join(dir, "runs", meta.run_id), scores, meta);
    ids.push(meta.run_id);
  }
  await writeProgress(dir);
  return ids;
}

async function writeProgress(dir: string): Promise<void> {
  const p = seedTemplate();
  await mkdir(path.join(dir, "history"), { recursive: true });
  for (const [i, pct] of [20, 45, 60].entries()) {
    const leaf = p.phases[1]!.tasks[0]!.children![0]!;
    leaf.percent = pct;
    await writeFile(path.join(dir, "history", `2025010${i + 1}_120000.json`), serializeProgress(p));
  }
  await writeFile(path.join(dir, "progress.json"), serializeProgress({ ...p, changes: [{ at: "2025-01-04T12:00:00Z", task: "T02f", from: 60, to: 50, reason: "import format changed", source: "cli" }] }));
}
