/**
 * Log -> index: reads corpus.jsonl lines from the position the index has reached and applies them, a batch per
 * transaction, each transaction also advancing the recorded position. So the index always equals "the log up to
 * its recorded position", whatever moment a crash hits.
 *
 * Applying a record: a new key adds an entry; a better record with a known key replaces the kept one (merge.ts);
 * anything else is a duplicate. Lines that are not records are listed in `skipped` (never silently dropped).
 */
import { CorpusRecordSchema, type CorpusRecord } from "../learn/record.js";
import { descriptionTokens, isPerfect, parseSignature, signatureKey } from "../learn/retrieval.js";
import { num, str, transaction, Statements, type Db, type Row } from "./db.js";
import { lineHash, readLogLines, type LogLine } from "./log.js";
import { isBetter, keyHash } from "./merge.js";

/** How far into the log the index is. */
export interface LogPosition {
  /** Bytes of the log ingested (always just after a "\n"). */
  readonly offset: number;
  /** Lines ingested (records and skipped lines). */
  readonly lines: number;
  /** Lines that were records. */
  readonly records: number;
  /** lineHash of the last ingested line ("" at offset 0): tells this log from a replaced one. */
  readonly tail: string;
}

/** The position of an index that has read nothing yet. */
export const START: LogPosition = { offset: 0, lines: 0, records: 0, tail: "" };

/** What applying records did. */
export interface IngestCounts {
  added: number;
  superseded: number;
  duplicates: number;
  skipped: number;
}

/** What applying one record did to the index. */
export type Applied = "added" | "superseded" | "duplicate";

/** A parsed line: the record (validated) and the raw JSON object (kept whole, so fields added later survive). */
export type ParsedLine = { readonly record: CorpusRecord; readonly raw: CorpusRecord } | { readonly reason: string };

const BATCH_LINES = 2000;

/** Parses one log line. */
export function parseLine(text: string): ParsedLine {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { reason: "not JSON" };
  }
  const parsed = CorpusRecordSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: `not a corpus record: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}` };
  }
  return { record: parsed.data, raw: data as CorpusRecord };
}

/** The position recorded in the index. */
export function readPosition(db: Db): LogPosition {
  const meta = readMeta(db);
  return { offset: Number(meta.get("log_offset") ?? 0), lines: Number(meta.get("log_lines") ?? 0), records: Number(meta.get("log_records") ?? 0), tail: meta.get("log_tail") ?? "" };
}

/** All meta values. */
export function readMeta(db: Db): Map<string, string> {
  return new Map((db.all("SELECT key, value FROM meta") as Row[]).map((r) => [str(r, "key"), str(r, "value")]));
}

/** Sets meta values (inside the caller's transaction). */
export function writeMeta(db: Db, values: Readonly<Record<string, string | number>>): void {
  for (const [k, v] of Object.entries(values)) db.run("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [k, String(v)]);
}

/** Applies the log from `from` to its end (complete lines only). */
export async function ingestLog(db: Db, logFile: string, from: LogPosition): Promise<{ position: LogPosition; counts: IngestCounts }> {
  const counts: IngestCounts = { added: 0, superseded: 0, duplicates: 0, skipped: 0 };
  const ingestor = new Ingestor(db);
  let position = from;
  try {
    let batch: LogLine[] = [];
    for await (const line of readLogLines(logFile, from.offset, from.lines + 1)) {
      batch.push(line);
      if (batch.length >= BATCH_LINES) {
        position = ingestor.applyBatch(batch, position, counts);
        batch = [];
      }
    }
    if (batch.length > 0) position = ingestor.applyBatch(batch, position, counts);
  } finally {
    ingestor.close();
  }
  return { position, counts };
}

/** Applies lines to the index with prepared statements. */
export class Ingestor {
  private readonly st: Statements;
  private readonly sigIds = new Map<string, number>();

  constructor(private readonly db: Db) {
    this.st = new Statements(db);
  }

  /** One transaction: the lines, the new position and a new generation. */
  applyBatch(lines: readonly LogLine[], from: LogPosition, counts: IngestCounts): LogPosition {
    return transaction(this.db, () => {
      const gen = Number(readMeta(this.db).get("generation") ?? 0) + 1;
      let records = from.records;
      for (const line of lines) {
        const parsed = parseLine(line.text);
        if ("reason" in parsed) {
          this.st.get("INSERT OR REPLACE INTO skipped (line, offset, reason) VALUES (?, ?, ?)").run([line.lineNo, line.offset, parsed.reason]);
          counts.skipped++;
          continue;
        }
        records++;
        const applied = this.apply(parsed.raw, line.text, line.lineNo, gen);
        if (applied === "duplicate") counts.duplicates++;
        else counts[applied]++;
      }
      const last = lines[lines.length - 1]!;
      const position = { offset: last.end, lines: last.lineNo, records, tail: lineHash(last.text) };
      writeMeta(this.db, { log_offset: position.offset, log_lines: position.lines, log_records: position.records, log_tail: position.tail, generation: gen });
      return position;
    });
  }

  /** Applies one record (raw: the whole parsed JSON, text: its line). */
  apply(raw: CorpusRecord, text: string, lineNo: number, gen: number): Applied {
    const khash = keyHash(raw);
    const kept = this.st.get("SELECT id, record, name, description, terms FROM entries WHERE khash = ?").get([khash]) as Row | null;
    const values = this.entryValues(raw, text, lineNo, gen);
    if (!kept) {
      const id = Number(this.st.get("INSERT INTO entries (khash, spec_hash, name, description, terms, sig_id, status, score, perfect, has_program, time_ms, size, timestamp, line, gen, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run([khash, ...values]).lastInsertRowid);
      this.ftsInsert(id, raw.name, raw.description, values[3]);
      return "added";
    }
    if (!isBetter(raw, JSON.parse(str(kept, "record")) as CorpusRecord)) return "duplicate";
    const id = num(kept, "id");
    this.st.get("INSERT INTO entries_fts (entries_fts, rowid, name, description, terms) VALUES ('delete', ?, ?, ?, ?)").run([id, str(kept, "name"), str(kept, "description"), str(kept, "terms")]);
    this.st.get("UPDATE entries SET spec_hash = ?, name = ?, description = ?, terms = ?, sig_id = ?, status = ?, score = ?, perfect = ?, has_program = ?, time_ms = ?, size = ?, timestamp = ?, line = ?, gen = ?, record = ? WHERE id = ?").run([...values, id]);
    this.ftsInsert(id, raw.name, raw.description, values[3]);
    return "superseded";
  }

  /** The kept record for a key, if any. */
  kept(khash: string): CorpusRecord | undefined {
    const row = this.st.get("SELECT record FROM entries WHERE khash = ?").get([khash]) as Row | null;
    return row ? (JSON.parse(str(row, "record")) as CorpusRecord) : undefined;
  }

  close(): void {
    this.st.finalize();
  }

  private ftsInsert(id: number, name: string, description: string, terms: string): void {
    this.st.get("INSERT INTO entries_fts (rowid, name, description, terms) VALUES (?, ?, ?, ?)").run([id, name, description, terms]);
  }

  /** Column values after khash, in the INSERT's order. */
  private entryValues(r: CorpusRecord, text: string, lineNo: number, gen: number): [string, string, string, string, number, string, number, number, number, number, number, string, number, number, string] {
    const terms = descriptionTokens(r.description).join(" ");
    const hasProgram = r.program !== null ? 1 : 0;
    return [r.spec_hash, r.name, r.description, terms, this.signatureId(r), r.status, r.score, isPerfect(r) ? 1 : 0, hasProgram, r.time_ms, r.size, r.timestamp, lineNo, gen, text];
  }

  private signatureId(r: CorpusRecord): number {
    const params = r.params.map((p) => p.type);
    const key = signatureKey(parseSignature(params, r.returns));
    const cached = this.sigIds.get(key);
    if (cached !== undefined) return cached;
    const row = this.st.get("SELECT id FROM signatures WHERE sig_key = ?").get([key]) as Row | null;
    const id = row ? num(row, "id") : Number(this.st.get("INSERT INTO signatures (sig_key, params, returns) VALUES (?, ?, ?)").run([key, JSON.stringify(params), r.returns]).lastInsertRowid);
    this.sigIds.set(key, id);
    return id;
  }
}
