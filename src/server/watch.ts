/**
 * Folder watching on node:fs.watch. Not chokidar: measured here, chokidar 5 reported only 7 of 12 atomic
 * replacements of progress.json made 5-250 ms apart and sometimes missed the last one, so a page could stay on a
 * stale state; an inotify watch on the folder reports every rename into it (see docs/adr/0006-tracker-server-fastify.md).
 *
 * A watched folder may not exist yet or may be deleted and made again (`make clean`): its parent is watched too,
 * and the watch is re-attached whenever the folder's name changes there.
 */
import { watch, type FSWatcher } from "node:fs";
import { basename, dirname } from "node:path";

/** What to watch and what counts. */
export interface FolderWatch {
  readonly dir: string;
  /** Watch subfolders too (runs/<run>/scores.json). */
  readonly recursive: boolean;
  /** Whether a change of this entry (relative path as fs.watch reports it) matters. */
  readonly accept: (name: string) => boolean;
}

function tryWatch(dir: string, recursive: boolean, listener: (name: string | null) => void, report: (e: unknown) => void): FSWatcher | undefined {
  try {
    const w = watch(dir, { recursive }, (_event, name) => listener(name === null ? null : String(name)));
    w.on("error", report);
    return w;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") report(e);
    return undefined;
  }
}

/** Calls `onChange` after every accepted change below `spec.dir`. @returns a function that stops watching */
export function watchFolder(spec: FolderWatch, onChange: () => void, report: (e: unknown) => void): () => void {
  let inner: FSWatcher | undefined;
  const attach = (): void => {
    inner?.close();
    inner = tryWatch(spec.dir, spec.recursive, (name) => (name === null || spec.accept(name) ? onChange() : undefined), report);
  };
  const outer = tryWatch(dirname(spec.dir), false, (name) => {
    if (name !== basename(spec.dir)) return;
    attach();
    onChange();
  }, report);
  attach();
  return () => {
    inner?.close();
    outer?.close();
  };
}
