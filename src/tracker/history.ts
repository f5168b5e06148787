/** Snapshots of progress.json in `history/<YYYYMMDD_HHMMSS>.json` (UTC), oldest first by name. */
import { mkdir, readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic.js";
import { overallPercent } from "./compute.js";
import { SnapshotError } from "./errors.js";
import { SNAPSHOT_NAME, compactTimestamp, compareSnapshotNames, snapshotTime } from "./names.js";
import { parseProgress, serializeProgress } from "./parse.js";
import type { Progress } from "./schema.js";
import type { Tracker } from "./store.js";

/** One snapshot as `history` lists it; `error` is set instead of version/overall when the file does not validate. */
export interface SnapshotInfo {
  readonly name: string;
  /** The UTC time in the name, ISO 8601. */
  readonly at: string;
  readonly version?: string;
  readonly overall?: number;
  readonly error?: string;
}

/** The snapshot names in history/, oldest first (files that are not snapshots are ignored). */
export async function snapshotNames(t: Tracker): Promise<string[]> {
  let files: string[];
  try {
    files = await readdir(t.paths.historyDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  const names = files.filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length));
  return names.filter((n) => SNAPSHOT_NAME.test(n)).sort(compareSnapshotNames);
}

/** Accepts `20250101_120000`, `20250101_120000.json` or `history/20250101_120000.json`. @throws SnapshotError */
export function normalizeSnapshotName(input: string): string {
  const name = input.replace(/^history\//, "").replace(/\.json$/, "");
  if (!SNAPSHOT_NAME.test(name)) throw new SnapshotError(`"${input}" is not a snapshot name (expected YYYYMMDD_HHMMSS, see \`aurora progress history\`)`);
  return name;
}

/** Reads and validates one snapshot. @throws SnapshotError when missing, ProgressFileError when invalid */
export async function readSnapshot(t: Tracker, input: string): Promise<Progress> {
  const name = normalizeSnapshotName(input);
  let text: string;
  try {
    text = await readFile(join(t.paths.historyDir, `${name}.json`), "utf8");
  } catch (e) {
    throw new SnapshotError(`no snapshot ${name} in history/ (see \`aurora progress history\`)`, { cause: e });
  }
  return parseProgress(text, `history/${name}.json`);
}

/** Every snapshot with its version and overall percent, oldest first. */
export async function listSnapshots(t: Tracker): Promise<SnapshotInfo[]> {
  const names = await snapshotNames(t);
  return Promise.all(names.map((name) => describeSnapshot(t, name)));
}

async function describeSnapshot(t: Tracker, name: string): Promise<SnapshotInfo> {
  const at = snapshotTime(name)?.toISOString() ?? "";
  try {
    const p = await readSnapshot(t, name);
    return { name, at, version: p.version, overall: overallPercent(p) };
  } catch (e) {
    return { name, at, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Writes `progress` as a new snapshot named after the current UTC second (`-2`, `-3`... on a clash). Hold the lock. */
export async function writeSnapshot(t: Tracker, progress: Progress): Promise<string> {
  await mkdir(t.paths.historyDir, { recursive: true });
  const taken = new Set(await snapshotNames(t));
  const base = compactTimestamp(t.now());
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  await writeFileAtomic(join(t.paths.historyDir, `${name}.json`), serializeProgress(progress));
  return name;
}

/** The newest snapshot's name, or undefined when history/ has none. */
export async function lastSnapshotName(t: Tracker): Promise<string | undefined> {
  return (await snapshotNames(t)).at(-1);
}
