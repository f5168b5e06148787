/**
 * The SQLite connection of the index (node-sqlite3-wasm, default import only: FACTS.md).
 *
 * Every connection starts with `locking_mode=EXCLUSIVE`: the binding can open a file left in WAL mode only that
 * way, and it keeps the binding's `<db>.lock` directory for the whole session (taken once; each take and release
 * costs milliseconds on ext4). Writes switch the session to WAL, which survived the kill test where the binding's
 * rollback-journal recovery did not; closing switches back to DELETE so no `-wal` file outlives a clean session.
 * Callers hold the corpus lock (lock.ts) around a connection's whole life.
 */
import sqlite from "node-sqlite3-wasm";

export type Db = InstanceType<typeof sqlite.Database>;
export type SqlValue = number | bigint | string | Uint8Array | null;
export type Row = Record<string, SqlValue>;

/** Opens `file` for one session (created when missing unless `mustExist`). */
export function openDb(file: string, options: { readonly mustExist?: boolean; readonly readOnly?: boolean } = {}): Db {
  const db = new sqlite.Database(file, { fileMustExist: options.mustExist ?? false, readOnly: options.readOnly ?? false });
  try {
    db.exec("PRAGMA locking_mode=EXCLUSIVE");
    db.exec("PRAGMA busy_timeout=5000");
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Switches a session to WAL before its first write (a no-op when already there). */
export function useWal(db: Db): void {
  const row = db.get("PRAGMA journal_mode=WAL") as Row | null;
  if (String(row?.["journal_mode"]).toLowerCase() !== "wal") throw new Error(`could not switch the index to WAL mode (got ${String(row?.["journal_mode"])})`);
  db.exec("PRAGMA synchronous=NORMAL");
}

/** Ends a session: back to DELETE mode (checkpoints and removes the -wal file), then closes. */
export function closeDb(db: Db): void {
  if (!db.isOpen) return;
  try {
    db.get("PRAGMA journal_mode=DELETE");
  } finally {
    db.close();
  }
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
