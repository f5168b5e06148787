/**
 * The tracker's operations, shared by the CLI and the server: init, update, auto, bump, rollback, check, export.
 * Each mutation holds the progress lock for its whole read-modify-write.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic.js";
import { checkProgress, type CheckReport } from "./check.js";
import { allTasks, isHeader, summarize, taskPercent } from "./compute.js";
import { renderCsv } from "./csv.js";
import { ProgressFileError, TaskUpdateError, TrackerStateError } from "./errors.js";
import { lastSnapshotName, normalizeSnapshotName, readSnapshot, writeSnapshot } from "./history.js";
import { readMetric } from "./metric.js";
import { csvFileName, snapshotTime } from "./names.js";
import { parseProgress } from "./parse.js";
import type { Change, Progress } from "./schema.js";
import { isoSeconds, loadProgress, masterListText, readProgressText, saveProgress, withProgressLock, type Tracker } from "./store.js";
import { template, type TemplateName } from "./templates.js";
import { applyAssignments, metricAssignments, type Assignment, type UpdateResult } from "./update.js";
import { bumpVersion, type BumpLevel } from "./version.js";

/** Who asked for a change, recorded in `changes`. */
export interface ChangeOptions {
  readonly reason?: string | undefined;
  /** @default "cli" */
  readonly source?: "cli" | "api";
}

async function exists(file: string): Promise<boolean> {
  try {
    await readFile(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates progress.json from a template, writes MASTER_TASK_LIST.md and a first snapshot.
 * @throws TrackerStateError when progress.json exists and `force` is not set (with `force` it is snapshotted first)
 */
export async function initProgress(t: Tracker, name: TemplateName, force = false): Promise<{ progress: Progress; snapshot: string }> {
  return withProgressLock(t, async () => {
    if (await exists(t.paths.progressFile)) {
      if (!force) throw new TrackerStateError(`${t.paths.progressFile} already exists; use --force to replace it (the current file is snapshotted first)`);
      await backupCurrent(t);
    }
    const progress = await saveProgress(t, template(name));
    return { progress, snapshot: await writeSnapshot(t, progress) };
  });
}

/**
 * Snapshots the current file; one that does not validate is copied as is (listed as invalid, still recoverable).
 * @returns no name when there is no progress.json at all
 */
async function backupCurrent(t: Tracker): Promise<{ name?: string; progress?: Progress }> {
  if (!(await exists(t.paths.progressFile))) return {};
  const text = await readProgressText(t);
  try {
    const progress = parseProgress(text, "progress.json");
    return { name: await writeSnapshot(t, progress), progress };
  } catch (e) {
    if (!(e instanceof ProgressFileError)) throw e;
    const name = await writeSnapshot(t, { version: "0.0.0", phases: [] });
    await writeFileAtomic(join(t.paths.historyDir, `${name}.json`), text);
    return { name };
  }
}

/** Reads the metric of every `auto` assignment on a metric-linked leaf; unreadable ones throw (strict) or become notes. */
async function readMetrics(t: Tracker, progress: Progress, assignments: readonly Assignment[], strict: boolean): Promise<{ values: Map<string, number>; notes: string[]; unreadable: Set<string> }> {
  const byId = new Map(allTasks(progress).map(({ task }) => [task.id, task]));
  const values = new Map<string, number>();
  const notes: string[] = [];
  const unreadable = new Set<string>();
  for (const a of assignments) {
    const metric = byId.get(a.id)?.metric;
    if (a.op.kind !== "auto" || metric === undefined) continue;
    const reading = await readMetric(t.paths.runsDir, metric);
    if (reading.ok) {
      values.set(a.id, reading.percent);
      notes.push(`${a.id}: ${reading.solved}/${reading.total} specs solved in ${reading.source}`);
    } else if (strict) {
      throw new TaskUpdateError(`${a.text}: the metric of ${a.id} has no value: ${reading.reason}`);
    } else {
      unreadable.add(a.id);
      notes.push(`${a.id}: skipped, ${reading.reason}`);
    }
  }
  return { values, notes, unreadable };
}

async function applyAndSave(t: Tracker, progress: Progress, assignments: readonly Assignment[], opts: ChangeOptions, strict: boolean): Promise<UpdateResult> {
  const metrics = await readMetrics(t, progress, assignments, strict);
  const todo = assignments.filter((a) => !metrics.unreadable.has(a.id));
  const ctx = { at: isoSeconds(t.now()), source: opts.source ?? "cli", reason: opts.reason, metricValues: metrics.values } as const;
  const result = applyAssignments(progress, todo, ctx);
  const saved = result.changes.length > 0 ? await saveProgress(t, result.progress) : progress;
  return { progress: saved, changes: result.changes, notes: [...metrics.notes, ...result.notes] };
}

/** Applies `T02f=75`-style assignments (all or nothing) and records them in `changes`. @throws TaskUpdateError */
export async function updateTasks(t: Tracker, assignments: readonly Assignment[], opts: ChangeOptions = {}): Promise<UpdateResult> {
  return withProgressLock(t, async () => applyAndSave(t, await loadProgress(t), assignments, opts, true));
}

/** Recomputes every metric-linked task (`aurora progress auto`); a metric without a value is skipped with a note. */
export async function autoUpdate(t: Tracker, opts: ChangeOptions = {}): Promise<UpdateResult> {
  return withProgressLock(t, async () => {
    const progress = await loadProgress(t);
    const assignments = metricAssignments(progress);
    if (assignments.length === 0) return { progress, changes: [], notes: ["no task links a metric (headers always derive from their children)"] };
    return applyAndSave(t, progress, assignments, opts, false);
  });
}

function withoutChanges(progress: Progress): Progress {
  const { changes: _changes, ...rest } = progress;
  return rest;
}

/**
 * Bumps the version, snapshots the result to history/ (with the `changes` made since the last snapshot, as an
 * archive) and clears `changes` in progress.json.
 */
export async function bumpProgress(t: Tracker, level: BumpLevel): Promise<{ version: string; snapshot: string }> {
  return withProgressLock(t, async () => {
    const current = await loadProgress(t);
    const saved = await saveProgress(t, withoutChanges({ ...current, version: bumpVersion(current.version, level) }));
    const snapshot = await writeSnapshot(t, { ...saved, ...(current.changes === undefined ? {} : { changes: current.changes }) });
    return { version: saved.version, snapshot };
  });
}

function rollbackChanges(current: Progress | undefined, target: Progress, at: string, reason: string): Change[] {
  const before = new Map(current === undefined ? [] : allTasks(current).map(({ task }) => [task.id, taskPercent(task)]));
  return allTasks(target).flatMap(({ task }) => {
    const from = before.get(task.id);
    if (isHeader(task) || from === undefined || from === task.percent) return [];
    return [{ at, task: task.id, from, to: task.percent ?? 0, reason, source: "rollback" as const }];
  });
}

/**
 * Restores a snapshot, after snapshotting the current state (so the rollback can be undone). Every task it moves
 * gets a `changes` entry with the reason (default `rollback to <name>`), so `check` accepts the decreases.
 */
export async function rollbackProgress(t: Tracker, input: string, reason?: string): Promise<{ restored: string; backup?: string; progress: Progress }> {
  const name = normalizeSnapshotName(input);
  return withProgressLock(t, async () => {
    const target = await readSnapshot(t, name);
    const backup = await backupCurrent(t);
    const changes = rollbackChanges(backup.progress, target, isoSeconds(t.now()), reason ?? `rollback to ${name}`);
    const progress = await saveProgress(t, { ...withoutChanges(target), ...(changes.length > 0 ? { changes } : {}) });
    return { restored: name, ...(backup.name === undefined ? {} : { backup: backup.name }), progress };
  });
}

/** Writes `progress_export_YYYYMMDD_HHMMSS.csv` (UTC) into `dir`. @returns the file written */
export async function exportCsv(t: Tracker, dir: string): Promise<string> {
  const file = join(dir, csvFileName(t.now()));
  await writeFileAtomic(file, renderCsv(summarize(await loadProgress(t))));
  return file;
}

/** The outcome of `aurora progress check`. */
export interface CheckOutcome {
  /** Undefined when history/ has no snapshot yet (nothing to compare with). */
  readonly report?: CheckReport;
  /** MASTER_TASK_LIST.md differs from what progress.json generates. */
  readonly masterListStale: boolean;
  readonly ok: boolean;
}

/** Compares progress.json with the last snapshot and MASTER_TASK_LIST.md with what it should be. */
export async function checkTracker(t: Tracker): Promise<CheckOutcome> {
  const current = await loadProgress(t);
  const listed = await readFile(t.paths.masterListFile, "utf8").catch(() => "");
  const masterListStale = listed !== masterListText(current);
  const last = await lastSnapshotName(t);
  if (last === undefined) return { masterListStale, ok: !masterListStale };
  const report = checkProgress(await readSnapshot(t, last), current, last, snapshotTime(last));
  return { report, masterListStale, ok: report.ok && !masterListStale };
}
