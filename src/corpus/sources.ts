/**
 * What `aurora corpus import` reads: a JSON-lines file of records (one per line; a last line without "\n" is
 * read too) or another corpus's `corpus.db` (its kept records). The format is told from the file's first bytes.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { num, openDb, str, type Db, type Row } from "./db.js";
import { CorpusImportError } from "./errors.js";
import { parseLine, type ParsedLine } from "./ingest.js";

/** What an import reads: JSON lines or another corpus.db. */
export type SourceFormat = "jsonl" | "db";

/** One item read: its line (jsonl) or entry number (db), its text and parse. */
export interface SourceItem {
  readonly line: number;
  readonly text: string;
  readonly parsed: ParsedLine;
}

const SQLITE_MAGIC = "SQLite format 3\u0000";

/** Tells a SQLite file from JSON lines. @throws CorpusImportError when the file cannot be read */
export async function sourceFormat(file: string): Promise<SourceFormat> {
  let fh;
  try {
    fh = await open(file, "r");
  } catch (e) {
    throw new CorpusImportError(file, `cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): give a corpus.jsonl or corpus.db file`, { cause: e });
  }
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await fh.read(head, 0, 16, 0);
    return bytesRead === 16 && head.toString("latin1") === SQLITE_MAGIC ? "db" : "jsonl";
  } finally {
    await fh.close();
  }
}

/** The items of a source, in file order. */
export async function* readSource(file: string, format: SourceFormat): AsyncGenerator<SourceItem> {
  if (format === "db") yield* readDbSource(file);
  else yield* readJsonlSource(file);
}

async function* readJsonlSource(file: string): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === "") continue;
    yield { line, text, parsed: parseLine(text) };
  }
}

function* readDbSource(file: string): Generator<SourceItem> {
  const db = openForeign(file);
  try {
    for (let after = 0; ; ) {
      const rows = db.all("SELECT id, record FROM entries WHERE id > ? ORDER BY id LIMIT 1000", [after]) as Row[];
      if (rows.length === 0) return;
      for (const r of rows) yield { line: num(r, "id"), text: str(r, "record"), parsed: parseLine(str(r, "record")) };
      after = num(rows[rows.length - 1], "id");
    }
  } finally {
    db.close();
  }
}

/** Opens another corpus's index for reading. @throws CorpusImportError */
function openForeign(file: string): Db {
  let db: Db;
  try {
    db = openDb(file, { mustExist: true, readOnly: true });
  } catch (e) {
    throw new CorpusImportError(file, `cannot open ${file} (${(e as Error).message}): if another process uses it, stop that process; if none does and ${file}.lock exists, delete that directory`, { cause: e });
  }
  try {
    const ok = db.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'entries'") && db.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
    if (!ok) throw new CorpusImportError(file, `${file} is a SQLite database but not an Aurora-X corpus index (no entries table): give a corpus.db or a corpus.jsonl`);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof CorpusImportError) throw e;
    throw new CorpusImportError(file, `cannot read ${file} (${(e as Error).message}): if another process uses it, stop that process and retry`, { cause: e });
  }
}
