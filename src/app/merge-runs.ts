/**
 * Merging runs over disjoint spec files (the Action's matrix shards) into one run under `runs/`: the scores one
 * unsharded run would have written (src/report/merge.ts), a fresh meta with the same options, every part's
 * generated code, runs/latest and the report.
 */
import { cp, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { mergeScores } from "../report/merge.js";
import type { RunMeta, RunScores } from "../report/schema.js";
import { writeRunReport } from "./report.js";
import { applyRetention, makeMeta, nextRunId, pointLatest, readRun, writeAtomic, writeRun } from "./runs.js";

/** Settings of a merge. */
export interface MergeRunsConfig {
  /** The run folders to merge (each with scores.json, meta.json and optionally code/). */
  readonly parts: readonly string[];
  /** Where the merged run is written (absolute). */
  readonly runsDir: string;
  /** The project root (config file, progress.json) for the report. */
  readonly cwd: string;
  /** Runs kept after the merge. @default 20 */
  readonly keep?: number;
  /** The commit and branch of the merged run (the Action passes the workflow's). */
  readonly git: { readonly commit: string | null; readonly branch: string | null };
}

/** The merged run. */
export interface MergedRun {
  readonly runId: string;
  readonly dir: string;
  readonly scores: RunScores;
  readonly meta: RunMeta;
}

/** Two parts ran with different options (budget, rounds): their merge would compare like with unlike. */
export class MergeRunsError extends Error {
  override readonly name = "MergeRunsError";
}

function sameOptions(metas: readonly RunMeta[]): Record<string, unknown> {
  const first = metas[0];
  if (first === undefined) throw new MergeRunsError("no runs to merge: give at least one run folder");
  const text = JSON.stringify(first.options);
  const odd = metas.find((m) => JSON.stringify(m.options) !== text);
  if (odd !== undefined) throw new MergeRunsError(`run ${odd.run_id} ran with options ${JSON.stringify(odd.options)}, run ${first.run_id} with ${text}: merge only runs of one configuration`);
  return first.options;
}

/** Copies each part's generated code into `code/` (file names are per function, unique across disjoint parts). */
async function mergeCode(parts: readonly string[], dest: string): Promise<void> {
  await mkdir(dest, { recursive: true });
  for (const part of parts) {
    const src = path.join(part, "code");
    const names = await readdir(src).catch(() => [] as string[]);
    for (const name of names) if (name !== "scores.json") await cp(path.join(src, name), path.join(dest, name), { recursive: true, dereference: true });
  }
}

/** Reads the parts, merges them into a new run under `runsDir`, points runs/latest at it and writes its report. */
export async function mergeRuns(config: MergeRunsConfig): Promise<MergedRun> {
  const runs = await Promise.all(config.parts.map((dir) => readRun(dir)));
  const options = sameOptions(runs.map((r) => r.meta));
  const scores = mergeScores(runs.map((r) => r.scores));
  const runId = await nextRunId(config.runsDir);
  const inputs = [...new Set(runs.flatMap((r) => r.meta.inputs))].sort();
  const meta = makeMeta(runId, inputs, options, config.git);
  const dir = path.join(config.runsDir, runId);
  await writeRun(dir, scores, meta);
  await mergeCode(config.parts, path.join(dir, "code"));
  await writeAtomic(path.join(dir, "code", "scores.json"), JSON.stringify(scores, null, 2) + "\n");
  await pointLatest(config.runsDir, runId);
  await applyRetention(config.runsDir, config.keep ?? 20);
  await writeRunReport(dir, config.runsDir, config.cwd);
  return { runId, dir, scores, meta };
}
