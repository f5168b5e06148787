/**
 * Reading and writing progress.json and MASTER_TASK_LIST.md. Every write validates first, goes through an atomic
 * replace, and regenerates the task list; every read-modify-write holds the progress lock.
 */
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "./atomic.js";
import { summarize } from "./compute.js";
import { TrackerStateError } from "./errors.js";
import { withFileLock } from "./lock.js";
import { renderMasterTaskList } from "./markdown.js";
import { parseProgress, serializeProgress, validateProgress } from "./parse.js";
import type { TrackerPaths } from "./paths.js";
import type { Progress } from "./schema.js";

/** The tracker's files and clock. Built once at the edge (CLI, server) and passed down. */
export interface Tracker {
  readonly paths: TrackerPaths;
  /** @default () => new Date() */
  readonly now: () => Date;
}

/** A tracker over `paths` with the real clock unless one is given (tests pass a fixed one). */
export function createTracker(paths: TrackerPaths, now: () => Date = () => new Date()): Tracker {
  return { paths, now };
}

/** ISO 8601 UTC to the second: `2025-01-01T12:00:00Z`. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The text of progress.json. @throws TrackerStateError when there is none yet */
export async function readProgressText(t: Tracker): Promise<string> {
  try {
    return await readFile(t.paths.progressFile, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") {
      throw new TrackerStateError(`no progress.json at ${t.paths.progressFile}: run \`aurora progress init\` (or init --template seed) first`, { cause: e });
    }
    throw e;
  }
}

/** Reads and validates progress.json. @throws TrackerStateError, ProgressFileError */
export async function loadProgress(t: Tracker): Promise<Progress> {
  return parseProgress(await readProgressText(t), "progress.json");
}

/** The Markdown task list for a document. */
export function masterListText(progress: Progress): string {
  return renderMasterTaskList(summarize(progress));
}

/**
 * Validates, stamps `updated`, writes progress.json atomically, then regenerates MASTER_TASK_LIST.md.
 * Call inside `mutateProgress` (or with the lock otherwise held). @returns the document as written
 */
export async function saveProgress(t: Tracker, progress: Progress): Promise<Progress> {
  const stamped = validateProgress({ ...progress, updated: isoSeconds(t.now()) }, "progress.json");
  const text = serializeProgress(stamped);
  const written = parseProgress(text, "progress.json");
  await writeFileAtomic(t.paths.progressFile, text);
  await writeFileAtomic(t.paths.masterListFile, masterListText(written));
  return written;
}

/** Regenerates MASTER_TASK_LIST.md from progress.json as it is. @returns the path written */
export async function writeMasterList(t: Tracker): Promise<string> {
  await writeFileAtomic(t.paths.masterListFile, masterListText(await loadProgress(t)));
  return t.paths.masterListFile;
}

/** Runs `fn` with the progress lock held; it reads what it needs and writes with `saveProgress`. */
export async function withProgressLock<T>(t: Tracker, fn: () => Promise<T>): Promise<T> {
  return withFileLock(t.paths.progressFile, fn);
}
