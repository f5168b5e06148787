import { createHash, randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { cpus, platform, release } from "node:os";
import { mkdir, readdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { RunMetaSchema, RunScoresSchema, type RunMeta, type RunScores } from "../report/schema.js";
import { VERSION } from "./version.js";

const exec = promisify(execFile);

/** A new run id: sortable UTC time plus a short random suffix (two runs in one second never collide). */
function newRunId(now = new Date()): string {
  return `${stamp(now)}-${randomBytes(2).toString("hex")}`;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

/**
 * A new run id that sorts after every id in `existing` (ids order runs: "the previous run" is the one before).
 * A plain newRunId can sort before a run made in the same second (random suffix) or before a run stamped by a
 * clock that ran ahead; then the id continues from the newest one: same second, next suffix (or the next second).
 */
export function runIdAfter(existing: readonly string[], now = new Date()): string {
  const id = newRunId(now);
  const newest = [...existing].sort().at(-1);
  if (newest === undefined || id > newest) return id;
  const [time = "", suffix = "0"] = newest.split("-");
  const next = parseInt(suffix, 16) + 1;
  if (next <= 0xffff) return `${time}-${next.toString(16).padStart(4, "0")}`;
  const t = time.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  const when = t ? new Date(Date.UTC(Number(t[1]), Number(t[2]) - 1, Number(t[3]), Number(t[4]), Number(t[5]), Number(t[6]) + 1)) : now;
  return `${stamp(when)}-0000`;
}

/** A new id for a run under runsDir: after every run already there (see runIdAfter). */
export async function nextRunId(runsDir: string): Promise<string> {
  return runIdAfter(await listRuns(runsDir));
}

/** Git commit and branch of `cwd`, or nulls outside a repository (env GITHUB_SHA etc. are read at the edge). */
export async function gitInfo(cwd: string): Promise<{ commit: string | null; branch: string | null }> {
  const run = async (args: string[]): Promise<string | null> => {
    try {
      return (await exec("git", args, { cwd })).stdout.trim() || null;
    } catch {
      return null;
    }
  };
  return { commit: await run(["rev-parse", "HEAD"]), branch: await run(["rev-parse", "--abbrev-ref", "HEAD"]) };
}

/** The environment fingerprint of a run (engine, options that change results, machine). */
export function makeMeta(runId: string, inputs: readonly string[], options: Record<string, unknown>, git: { commit: string | null; branch: string | null }): RunMeta {
  const cpu = cpus()[0]?.model ?? "unknown";
  const fingerprint = createHash("sha256").update(JSON.stringify([VERSION, options, cpu])).digest("hex").slice(0, 16);
  return {
    run_id: runId,
    created: new Date().toISOString(),
    engine_version: VERSION,
    commit: git.commit,
    branch: git.branch,
    node: process.version,
    os: `${platform()} ${release()}`,
    cpu,
    cpus: cpus().length,
    options,
    fingerprint,
    inputs: [...inputs],
  };
}

/** Writes a file atomically: temp file in the same directory, then rename (a crash never leaves half a file). */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(3).toString("hex")}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

/** Writes scores.json and meta.json of a run (validated against the shared schemas first). */
export async function writeRun(dir: string, scores: RunScores, meta: RunMeta): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeAtomic(path.join(dir, "scores.json"), JSON.stringify(RunScoresSchema.parse(scores), null, 2) + "\n");
  await writeAtomic(path.join(dir, "meta.json"), JSON.stringify(RunMetaSchema.parse(meta), null, 2) + "\n");
}

/** Points `runs/latest` at a run (a relative symlink, replaced atomically). */
export async function pointLatest(runsDir: string, runId: string): Promise<void> {
  const tmp = path.join(runsDir, `.latest-${randomBytes(3).toString("hex")}`);
  await symlink(runId, tmp);
  await rename(tmp, path.join(runsDir, "latest"));
}

const RUN_ID = /^\d{8}T\d{6}Z-[0-9a-f]{4}$/;

/** Run ids under runsDir, oldest first (baselines live in runs/baselines/ and are never listed here). */
export async function listRuns(runsDir: string): Promise<string[]> {
  const names = await readdir(runsDir).catch(() => [] as string[]);
  return names.filter((n) => RUN_ID.test(n)).sort();
}

/** Deletes all but the newest `keep` runs. Baselines are never touched. */
export async function applyRetention(runsDir: string, keep: number): Promise<string[]> {
  const runs = await listRuns(runsDir);
  const doomed = runs.slice(0, Math.max(0, runs.length - keep));
  for (const r of doomed) await rm(path.join(runsDir, r), { recursive: true, force: true });
  return doomed;
}

/** Reads a run's scores and meta (validated). */
export async function readRun(dir: string): Promise<{ scores: RunScores; meta: RunMeta }> {
  const scores = RunScoresSchema.parse(JSON.parse(await readFile(path.join(dir, "scores.json"), "utf8")));
  const meta = RunMetaSchema.parse(JSON.parse(await readFile(path.join(dir, "meta.json"), "utf8")));
  return { scores, meta };
}
