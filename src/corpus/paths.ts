/**
 * The files of one corpus folder (`.aurora/` under the working directory by default):
 *
 * - `corpus.jsonl`: the append-only log, the source of truth (one CorpusRecord per line).
 * - `corpus.db`: the SQLite index, rebuildable from the log at any time (`corpus.db.rebuild` while rebuilding).
 * - `corpus.lock`: the writer lock every process takes around its work (owner pid inside).
 * - `outbox/`: POST export batches not yet delivered, with their own lock and cursor.
 */
import path from "node:path";

/** Default corpus folder, relative to the working directory. */
export const DEFAULT_CORPUS_DIR = ".aurora";

/** Absolute paths of one corpus folder's files. */
export interface CorpusPaths {
  readonly dir: string;
  readonly log: string;
  readonly db: string;
  /** The lock directory node-sqlite3-wasm takes while the database is open. */
  readonly dbLock: string;
  readonly dbWal: string;
  readonly dbJournal: string;
  /** Where a rebuild writes before it replaces corpus.db. */
  readonly dbRebuild: string;
  readonly lock: string;
  readonly outbox: string;
  readonly outboxLock: string;
  readonly outboxState: string;
}

/** The paths of the corpus in `dir` (absolute or relative to `cwd`). */
export function corpusPaths(dir: string, cwd = process.cwd()): CorpusPaths {
  const d = path.resolve(cwd, dir);
  const db = path.join(d, "corpus.db");
  const outbox = path.join(d, "outbox");
  return {
    dir: d,
    log: path.join(d, "corpus.jsonl"),
    db,
    dbLock: `${db}.lock`,
    dbWal: `${db}-wal`,
    dbJournal: `${db}-journal`,
    dbRebuild: `${db}.rebuild`,
    lock: path.join(d, "corpus.lock"),
    outbox,
    outboxLock: path.join(outbox, "outbox.lock"),
    outboxState: path.join(outbox, "state.json"),
  };
}
