/**
 * The index schema and its versioned migrations. `schema_version` holds one row per applied migration; a
 * database from a newer Aurora-X (a version above the last one here) is refused, never downgraded.
 *
 * Tables: `entries` (one row per distinct record key, the best record kept: merge.ts), `signatures` (distinct
 * type signatures, for signature-match scoring per group), `entries_fts` (FTS5 over name, description and the
 * description's tokens), `skipped` (log lines that are not records, reported by stats), `weights` (learned
 * weights as JSON, written by src/learn through the store), `meta` (the log position ingested: offset, lines,
 * records, the last line's hash; the generation counter; the database id).
 */
import { CorpusSchemaError } from "./errors.js";
import { num, transaction, type Db, type Row } from "./db.js";

interface Migration {
  readonly version: number;
  readonly sql: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE signatures (id INTEGER PRIMARY KEY, sig_key TEXT NOT NULL UNIQUE, params TEXT NOT NULL, returns TEXT NOT NULL);
      CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        khash TEXT NOT NULL UNIQUE,
        spec_hash TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        terms TEXT NOT NULL,
        sig_id INTEGER NOT NULL REFERENCES signatures(id),
        status TEXT NOT NULL,
        score REAL NOT NULL,
        perfect INTEGER NOT NULL,
        has_program INTEGER NOT NULL,
        time_ms REAL NOT NULL,
        size INTEGER NOT NULL,
        timestamp TEXT NOT NULL,
        line INTEGER NOT NULL,
        gen INTEGER NOT NULL,
        record TEXT NOT NULL
      );
      CREATE INDEX entries_spec ON entries(spec_hash);
      CREATE INDEX entries_sig ON entries(sig_id);
      CREATE INDEX entries_gen ON entries(gen);
      CREATE VIRTUAL TABLE entries_fts USING fts5(name, description, terms, content='entries', content_rowid='id');
      CREATE TABLE skipped (line INTEGER PRIMARY KEY, offset INTEGER NOT NULL, reason TEXT NOT NULL);
      CREATE TABLE weights (name TEXT PRIMARY KEY, data TEXT NOT NULL, updated TEXT NOT NULL);
    `,
  },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The version a database is at (0 for a new file). */
export function schemaVersion(db: Db): number {
  const exists = db.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
  if (!exists) return 0;
  return num(db.get("SELECT MAX(version) AS v FROM schema_version") as Row | null, "v");
}

/** Applies the pending migrations, each in its own transaction. Returns true when something was applied. @throws CorpusSchemaError */
export function migrate(db: Db, file: string): boolean {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new CorpusSchemaError(file, `${file} has index schema version ${current}, this Aurora-X knows up to ${SCHEMA_VERSION}: upgrade Aurora-X, or delete ${file} to rebuild the index from corpus.jsonl`);
  }
  const pending = MIGRATIONS.filter((m) => m.version > current);
  for (const m of pending) {
    transaction(db, () => {
      db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)");
      db.exec(m.sql);
      db.run("INSERT INTO schema_version (version, applied) VALUES (?, ?)", [m.version, new Date().toISOString()]);
    });
  }
  return pending.length > 0;
}
