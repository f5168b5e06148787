/**
 * Series over a sequence of runs (oldest first): the solve rate and time of each run and each function's trend.
 * Shared by the run report and the site. Pure.
 */
import { keyFunction } from "./compare.js";
import type { RunMeta, RunScores, SpecScore } from "./schema.js";

/** A kept run: its records. */
export interface HistoryRun {
  readonly meta: RunMeta;
  readonly scores: RunScores;
}

/** One run's totals. */
export interface RunPoint {
  readonly id: string;
  readonly created: string;
  readonly commit: string | null;
  readonly solved: number;
  readonly total: number;
  /** Percent solved (0 when the run has no specs). */
  readonly solveRate: number;
  readonly time_ms: number;
}

/** One function in one run. */
export interface TrendPoint {
  readonly run: string;
  readonly created: string;
  readonly status: SpecScore["status"];
  readonly score: number;
  readonly time_ms: number;
  readonly size: number;
}

/** A run's totals. */
export function runPoint(run: HistoryRun): RunPoint {
  const total = run.scores.specs.length;
  const solved = run.scores.specs.filter((s) => s.status === "solved").length;
  return {
    id: run.meta.run_id,
    created: run.meta.created,
    commit: run.meta.commit,
    solved,
    total,
    solveRate: total === 0 ? 0 : (solved / total) * 100,
    time_ms: run.scores.summary.time_ms,
  };
}

/** Every function's points across the runs, by comparison key (keys as in the newest run). */
export function trends(runs: readonly HistoryRun[]): Map<string, TrendPoint[]> {
  const keyOf = keyFunction(...runs.map((r) => r.scores));
  const out = new Map<string, TrendPoint[]>();
  for (const run of runs) {
    for (const s of run.scores.specs) {
      const p: TrendPoint = { run: run.meta.run_id, created: run.meta.created, status: s.status, score: s.score, time_ms: s.time_ms, size: s.size };
      const key = keyOf(s);
      const list = out.get(key);
      if (list === undefined) out.set(key, [p]);
      else list.push(p);
    }
  }
  return out;
}

/** The runs sorted oldest first by id (run ids sort by time). */
export function sortRuns<T extends HistoryRun>(runs: readonly T[]): T[] {
  return [...runs].sort((a, b) => (a.meta.run_id < b.meta.run_id ? -1 : a.meta.run_id > b.meta.run_id ? 1 : 0));
}
