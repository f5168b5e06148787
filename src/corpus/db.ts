/**
 * The SQLite connection of the index (node-sqlite3-wasm, default import only: FACTS.md).
 *
 * The index lives in WAL mode for good, and every connection starts with `locking_mode=EXCLUSIVE` (the binding
 * can use WAL only that way, and keeps its `<db>.lock` directory for the whole session: taken once, because each
 * take and release costs milliseconds on ext4). Why never a rollback journal: the binding takes one lock directory
 * for every lock level, so its "is a RESERVED lock held?" check also sees the process's own lock and a hot journal
 * is never rolled back (the kill test in FACTS.md); even switching between DELETE and WAL writes through such a
 * journal, so the mode is set once, when the index is built, and never switched back. WAL recovery does not
 * depend on that check. Callers hold the corpus lock (lock.ts) around a connection's whole life.
 */
import sqlite from "node-sqlite3-wasm";

/** An open node-sqlite3-wasm connection. */
export type Db = InstanceType<typeof sqlite.Database>;
/** A value SQLite hands back. */
export type SqlValue = number | bigint | string | Uint8Array | null;
/** One result row, by column name. */
export type Row = Record<string, SqlValue>;

/** Opens `file` for one session (created when missing unless `mustExist`). */
export function openDb(file: string, options: { readonly mustExist?: boolean; readonly readOnly?: boolean } = {}): Db {
  const db = new sqlite.Database(file, { fileMustExist: options.mustExist ?? false, readOnly: options.readOnly ?? false });
  try {
    db.exec("PRAGMA locking_mode=EXCLUSIVE");
    db.exec("PRAGMA busy_timeout=5000");
    db.exec("PRAGMA synchronous=NORMAL");
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** The journal mode of an open database, lowercase ("wal", "delete", "off"...). */
export function journalMode(db: Db): string {
  return String((db.get("PRAGMA journal_mode") as Row | null)?.["journal_mode"] ?? "").toLowerCase();
}

/** Puts a database in WAL mode (once, when it is built). @throws Error when the binding refuses */
export function setWal(db: Db): void {
  const row = db.get("PRAGMA journal_mode=WAL") as Row | null;
  if (String(row?.["journal_mode"]).toLowerCase() !== "wal") throw new Error(`could not switch the index to WAL mode (got ${String(row?.["journal_mode"])})`);
}

/** Ends a session: the last connection checkpoints the WAL into the database and removes the -wal file. */
export function closeDb(db: Db): void {
  if (db.isOpen) db.close();
}

/** Runs `fn` in one transaction (rolled back when it throws). */
export function transaction<T>(db: Db, fn: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = fn();
    db.exec("COMMIT");
    return result;
  } catch (e) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw e;
  }
}

/** A prepared statement that is finalized with its owner. */
export class Statements {
  private readonly cache = new Map<string, ReturnType<Db["prepare"]>>();

  constructor(private readonly db: Db) {}

  get(sql: string): ReturnType<Db["prepare"]> {
    let st = this.cache.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.cache.set(sql, st);
    }
    return st;
  }

  finalize(): void {
    for (const st of this.cache.values()) if (!st.isFinalized) st.finalize();
    this.cache.clear();
  }
}

/** A column as a number (0 for null). */
export function num(row: Row | null | undefined, key: string): number {
  const v = row?.[key];
  return typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : Number(v ?? 0);
}

/** A column as a string ("" for null). */
export function str(row: Row | null | undefined, key: string): string {
  const v = row?.[key];
  return v === null || v === undefined ? "" : typeof v === "string" ? v : String(v);
}

/** `PRAGMA integrity_check`: "ok" or the first problems found. */
export function integrityCheck(db: Db): string {
  const rows = db.all("PRAGMA integrity_check") as Row[];
  return rows.map((r) => str(r, "integrity_check")).slice(0, 5).join("; ");
}
