/**
 * Run folders under `runs/` as the API lists them. Tolerant: `scores.json` and `meta.json` belong to the run
 * writer and may be missing, partial (being written) or richer than this reader knows.
 */
import { lstat, readdir, readlink } from "node:fs/promises";
import { basename, join } from "node:path";
import { isJsonObject, readJsonFile, type JsonRead } from "../tracker/jsonfile.js";

/** Folder names the API accepts for a run (no path separators, no dot-dot). */
export const RUN_NAME = /^(?!\.{1,2}$)[A-Za-z0-9._-]+$/;

/** One run: its meta.json as is, its scores summary and counts by status; `errors` for unreadable files. */
export interface RunInfo {
  readonly name: string;
  /** For a symlink such as `latest`: the run it points to. */
  readonly linkTo?: string;
  readonly meta?: unknown;
  readonly summary?: unknown;
  readonly counts?: Readonly<Record<string, number>>;
  readonly errors?: readonly string[];
}

function countByStatus(specs: unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of specs) {
    const status = isJsonObject(s) && typeof s["status"] === "string" ? s["status"] : "unknown";
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

async function linkTarget(dir: string): Promise<string | undefined> {
  const st = await lstat(dir);
  return st.isSymbolicLink() ? basename(await readlink(dir)) : undefined;
}

function scoresPart(scores: JsonRead, full: boolean): Pick<RunInfo, "summary" | "counts"> & { scores?: unknown } {
  if (!("data" in scores) || !isJsonObject(scores.data)) return {};
  const specs = Array.isArray(scores.data["specs"]) ? scores.data["specs"] : [];
  return { summary: scores.data["summary"], counts: countByStatus(specs), ...(full ? { scores: scores.data } : {}) };
}

/** Missing files are normal (a run in progress); unreadable ones are reported. */
function readErrors(...reads: JsonRead[]): string[] {
  return reads.flatMap((r) => ("error" in r && !r.error.endsWith("not found") ? [r.error] : []));
}

/** Reads one run folder. @param full include the whole scores.json (for `/api/runs/:name`) */
export async function readRun(runsDir: string, name: string, full = false): Promise<RunInfo & { scores?: unknown }> {
  const dir = join(runsDir, name);
  const [scores, meta, linkTo] = await Promise.all([
    readJsonFile(join(dir, "scores.json"), `${name}/scores.json`),
    readJsonFile(join(dir, "meta.json"), `${name}/meta.json`),
    linkTarget(dir),
  ]);
  const errors = readErrors(scores, meta);
  return {
    name,
    ...(linkTo === undefined ? {} : { linkTo }),
    ...("data" in meta ? { meta: meta.data } : {}),
    ...scoresPart(scores, full),
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/** Every run folder (and symlink to one) under `runsDir`: `latest` first, then newest name first. */
export async function listRuns(runsDir: string): Promise<RunInfo[]> {
  let entries: string[];
  try {
    entries = await readdir(runsDir);
  } catch {
    return [];
  }
  const names = entries.filter((n) => RUN_NAME.test(n) && !n.startsWith("."));
  const dirs: string[] = [];
  for (const n of names) {
    const st = await lstat(join(runsDir, n)).catch(() => undefined);
    if (st !== undefined && (st.isDirectory() || st.isSymbolicLink())) dirs.push(n);
  }
  dirs.sort((a, b) => (a === "latest" ? -1 : b === "latest" ? 1 : b.localeCompare(a)));
  return Promise.all(dirs.map((n) => readRun(runsDir, n)));
}
