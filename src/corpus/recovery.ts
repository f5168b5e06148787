/**
 * Opening the index at the start of a session, with the log as the truth:
 *
 * 1. Signs of a crash: the corpus lock was stale, the binding's `corpus.db.lock` directory is still there (a
 *    killed process never released it: removed, with a notice), or a `-wal` file outlived its session. Then
 *    `PRAGMA integrity_check` runs (about 1.6 s at 100,000 entries, so not on every open). A `-journal` file means
 *    a rollback-journal write was interrupted, which this binding cannot roll back (db.ts): the index is rebuilt.
 * 2. The index is rebuilt from corpus.jsonl when it is missing, unreadable, fails the check, or was built from a
 *    different log (its recorded offset is past the end, or the line before it has another hash).
 * 3. Otherwise the caller catches up from the recorded position.
 *
 * A rebuild writes `corpus.db.rebuild` with no journal, switches it to WAL and renames it over corpus.db: a crash
 * mid-rebuild leaves the old index (or none) and a temp file the next open deletes. Learned weights are copied
 * over when the old database can still be read.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { closeDb, integrityCheck, journalMode, openDb, setWal, str, type Db, type Row } from "./db.js";
import { CorpusError, CorpusLogError } from "./errors.js";
import { ingestLog, readPosition, START, writeMeta } from "./ingest.js";
import { lineBefore, lineHash, logSize, syncDir } from "./log.js";
import type { CorpusPaths } from "./paths.js";
import { migrate } from "./schema.js";

/** What the session knows when it opens the index. */
export interface OpenIndexOptions {
  /** The session found a stale corpus lock (its owner was killed). */
  readonly brokeStale: boolean;
  /** Check integrity even without signs of a crash. */
  readonly verify: boolean;
  readonly notice: (message: string) => void;
}

/** An open, migrated index whose recorded log position is valid (possibly behind the log's end). */
export async function openIndex(paths: CorpusPaths, options: OpenIndexOptions): Promise<Db> {
  const crashed = await crashSigns(paths, options);
  if (!existsSync(paths.db)) return rebuild(paths, undefined, options.notice);
  if (existsSync(paths.dbJournal)) return rebuild(paths, "an interrupted rollback-journal write left corpus.db-journal, which this SQLite binding cannot roll back", options.notice);
  let db: Db | undefined;
  try {
    db = openDb(paths.db, { mustExist: true });
    const problem = await validate(db, paths, crashed || options.verify);
    if (problem === undefined) return db;
    closeDb(db);
    return await rebuild(paths, problem, options.notice);
  } catch (e) {
    if (e instanceof CorpusError) {
      if (db?.isOpen) db.close();
      throw e;
    }
    if (db?.isOpen) safeClose(db);
    return rebuild(paths, `it cannot be read (${(e as Error).message})`, options.notice);
  }
}

/** Removes what a killed process left; true when there are signs of a crash. */
async function crashSigns(paths: CorpusPaths, options: OpenIndexOptions): Promise<boolean> {
  let crashed = options.brokeStale;
  if (existsSync(paths.dbLock)) {
    await rm(paths.dbLock, { recursive: true, force: true });
    options.notice(`removed the stale SQLite lock ${paths.dbLock} left by a process that was killed while using the index`);
    crashed = true;
  }
  if (existsSync(paths.dbWal)) crashed = true;
  await removeDbFiles(paths.dbRebuild);
  return crashed;
}

/** Undefined when the index can be used as it is, otherwise why it must be rebuilt. @throws CorpusError */
async function validate(db: Db, paths: CorpusPaths, check: boolean): Promise<string | undefined> {
  if (journalMode(db) !== "wal") setWal(db);
  migrate(db, paths.db);
  if (check) {
    const result = integrityCheck(db);
    if (result !== "ok") return `PRAGMA integrity_check failed: ${result}`;
  }
  return positionProblem(db, paths);
}

async function positionProblem(db: Db, paths: CorpusPaths): Promise<string | undefined> {
  const pos = readPosition(db);
  const size = await logSize(paths.log);
  if (size === undefined) {
    if (pos.offset === 0) return undefined;
    throw new CorpusLogError(paths.log, `${paths.log} is missing but ${paths.db} indexes ${pos.records} records from it: restore the log from a backup, or move ${paths.dir} aside and import its corpus.db into a new corpus (aurora corpus import ${paths.db} --corpus-dir <new folder>)`);
  }
  if (size < pos.offset) return `it was built from a longer corpus.jsonl (offset ${pos.offset}, the log has ${size} bytes)`;
  if (pos.offset > 0 && lineHash(await lineBefore(paths.log, pos.offset)) !== pos.tail) return "it was built from a different corpus.jsonl";
  return undefined;
}

/** Builds a fresh index from the whole log and puts it in place; returns it open. `reason` undefined: first build. */
export async function rebuild(paths: CorpusPaths, reason: string | undefined, notice: (m: string) => void): Promise<Db> {
  if (reason !== undefined) notice(`rebuilding ${paths.db} from ${path.basename(paths.log)}: ${reason}`);
  const weights = existsSync(paths.db) ? salvageWeights(paths.db, notice) : [];
  await removeDbFiles(paths.dbRebuild);
  const tmp = openDb(paths.dbRebuild);
  try {
    tmp.exec("PRAGMA journal_mode=OFF");
    tmp.exec("PRAGMA synchronous=OFF");
    migrate(tmp, paths.dbRebuild);
    tmp.exec("BEGIN");
    writeMeta(tmp, { db_id: randomBytes(8).toString("hex"), created: new Date().toISOString() });
    for (const w of weights) tmp.run("INSERT OR REPLACE INTO weights (name, data, updated) VALUES (?, ?, ?)", [w.name, w.data, w.updated]);
    tmp.exec("COMMIT");
    await ingestLog(tmp, paths.log, START);
    setWal(tmp);
  } finally {
    tmp.close();
  }
  await removeDbFiles(paths.db);
  await rename(paths.dbRebuild, paths.db);
  await syncDir(paths.dir);
  return openDb(paths.db, { mustExist: true });
}

interface WeightsRow {
  readonly name: string;
  readonly data: string;
  readonly updated: string;
}

/** Learned weights of an index about to be replaced, when it can still be read. */
function salvageWeights(file: string, notice: (m: string) => void): WeightsRow[] {
  let db: Db | undefined;
  try {
    db = openDb(file, { mustExist: true });
    const rows = db.all("SELECT name, data, updated FROM weights") as Row[];
    return rows.map((r) => ({ name: str(r, "name"), data: str(r, "data"), updated: str(r, "updated") }));
  } catch (e) {
    notice(`the learned weights in ${file} could not be read (${(e as Error).message}): they will be learned again from the corpus`);
    return [];
  } finally {
    if (db?.isOpen) safeClose(db);
  }
}

/** Deletes a database file and its companions (`-wal`, `-journal`, the binding's `.lock` directory). */
async function removeDbFiles(file: string): Promise<void> {
  for (const f of [`${file}-wal`, `${file}-journal`, `${file}.lock`]) await rm(f, { recursive: true, force: true });
  await rm(file, { force: true });
}

function safeClose(db: Db): void {
  try {
    db.close();
  } catch {
    // already unusable
  }
}
