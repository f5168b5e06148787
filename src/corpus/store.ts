/**
 * CorpusStore: the corpus behind one repository interface (the rest of Aurora-X never sees SQL or the log).
 *
 * Every operation runs in a session: the corpus lock (lock.ts) plus one SQLite connection (db.ts), opened with
 * recovery (recovery.ts) and caught up with the log (ingest.ts). Operations of one store run one at a time; other
 * processes wait for the lock (`lockTimeoutMs`). A session ends after the operation, or `lingerMs` later so a burst
 * of operations opens once; `close()` ends it at once. Appends are acknowledged (the promise resolves) only after
 * the log line is fsync'd.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { CorpusRecordSchema, type CorpusRecord } from "../learn/record.js";
import { descriptionTokens, prepareQuery, type RetrievalQuery, type ScoreParts } from "../learn/retrieval.js";
import { closeDb, integrityCheck, num, str, type Db, type Row } from "./db.js";
import { CorpusError } from "./errors.js";
import { csvHeader, csvRow, type ExportFormat } from "./formats.js";
import { ingestLog, Ingestor, readMeta, readPosition, type IngestCounts } from "./ingest.js";
import { cleanLockLeftovers, FileLock } from "./lock.js";
import { appendToLog, logSize, repairLog } from "./log.js";
import { isBetter, keyHash } from "./merge.js";
import { corpusPaths, type CorpusPaths } from "./paths.js";
import { openIndex } from "./recovery.js";
import { RetrievalIndex, type Ranked, type RetrievalFilter } from "./retrieval-index.js";
import { schemaVersion } from "./schema.js";
import { readSource, sourceFormat, type SourceFormat } from "./sources.js";

/** Where the corpus is and how a store waits, lingers and reports recovery. */
export interface CorpusStoreOptions {
  /** The corpus folder, created on first use. */
  readonly dir: string;
  /** How long to wait for another process holding the corpus. @default 10000 */
  readonly lockTimeoutMs?: number;
  /** Keep the session this long after an operation (0: end it at once). @default 0 */
  readonly lingerMs?: number;
  /** Run `PRAGMA integrity_check` when a session opens even without signs of a crash. @default false */
  readonly verify?: boolean;
  /** Receives one line per recovery action (stale lock removed, torn line cut, index rebuilt). */
  readonly onNotice?: (message: string) => void;
}

/** A retrieved entry: its stable key, score and record. */
export interface Retrieved {
  /** The entry's stable key (sha256 of spec hash + program): survives rebuilds and merges. */
  readonly key: string;
  readonly score: number;
  readonly parts: ScoreParts;
  readonly record: CorpusRecord;
}

/** One page of `query`. */
export interface QueryPage {
  /** Entries matching the text, before paging. */
  readonly total: number;
  readonly offset: number;
  readonly items: readonly Retrieved[];
}

/** What an append wrote and what indexing it did. */
export interface AppendResult {
  /** Byte range written to corpus.jsonl. */
  readonly start: number;
  readonly end: number;
  readonly appended: number;
  readonly counts: IngestCounts;
}

/** What an import did with each record it read; nothing is dropped without being counted here. */
export interface MergeReport {
  readonly file: string;
  readonly format: SourceFormat;
  read: number;
  /** New keys, appended. */
  added: number;
  /** Better than the kept record of their key: appended, and they replace it. */
  superseded: number;
  /** Not better than the kept record of their key (an identical or worse record): not appended. */
  duplicates: number;
  /** Lines that are not records. */
  invalid: number;
  /** The first invalid lines (line number and reason). */
  readonly invalidLines: { line: number; reason: string }[];
}

/** The figures of `aurora corpus stats`. */
export interface CorpusStats {
  readonly dir: string;
  readonly logBytes: number;
  /** Records in the log (every attempt, with repeats). */
  readonly records: number;
  /** Log lines that are not records. */
  readonly skipped: number;
  readonly skippedLines: readonly { line: number; reason: string }[];
  /** Distinct keys (spec hash + program), the best record kept for each. */
  readonly entries: number;
  readonly byStatus: Readonly<Record<CorpusRecord["status"], number>>;
  readonly perfect: number;
  readonly withProgram: number;
  readonly signatures: number;
  readonly firstTimestamp: string | null;
  readonly lastTimestamp: string | null;
  readonly schemaVersion: number;
  readonly weights: readonly string[];
}

/** The result of `check()`. */
export interface CheckReport {
  readonly integrity: string;
  readonly logBytes: number;
  readonly indexedBytes: number;
  readonly records: number;
  readonly entries: number;
  readonly ok: boolean;
}

interface Session {
  readonly db: Db;
}

/** The corpus of one folder. */
export class CorpusStore {
  readonly paths: CorpusPaths;
  private readonly lock: FileLock;
  private session: Session | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private releaseTimer: NodeJS.Timeout | undefined;
  private index = new RetrievalIndex();

  private constructor(private readonly options: CorpusStoreOptions) {
    this.paths = corpusPaths(options.dir);
    this.lock = new FileLock(this.paths.lock);
  }

  /** Opens (creating the folder on first use), recovers and catches up the index. */
  static async open(options: CorpusStoreOptions): Promise<CorpusStore> {
    const store = new CorpusStore(options);
    await mkdir(store.paths.dir, { recursive: true });
    await cleanLockLeftovers(store.paths.lock);
    await store.run(() => undefined);
    return store;
  }

  /** Appends records to the log (fsync'd before this resolves) and indexes them. */
  async append(records: readonly CorpusRecord[]): Promise<AppendResult> {
    const lines = records.map((r, i) => {
      const parsed = CorpusRecordSchema.safeParse(r);
      if (!parsed.success) throw new CorpusError(this.paths.log, `record ${i + 1} is not a corpus record (${parsed.error.issues[0]?.path.join(".") ?? ""}: ${parsed.error.issues[0]?.message ?? ""}): nothing was appended`);
      return JSON.stringify(r);
    });
    if (lines.length === 0) return { start: 0, end: 0, appended: 0, counts: { added: 0, superseded: 0, duplicates: 0, skipped: 0 } };
    return this.run(async (s) => {
      const { start, end } = await appendToLog(this.paths.log, lines, this.notice);
      const counts = await this.catchUp(s);
      return { start, end, appended: lines.length, counts };
    });
  }

  /** The `k` entries closest to `query` by the retrieval score (exact top-k), best first. */
  async retrieve(query: RetrievalQuery, k = 5, filter: RetrievalFilter = {}): Promise<Retrieved[]> {
    return this.run((s) => {
      this.syncIndex(s.db);
      return this.hydrate(s.db, this.index.topK(prepareQuery(query), k, filter));
    });
  }

  /**
   * Entries whose description shares a word with `text` (FTS5), ranked by the retrieval score (with the signature
   * when given), then by key: a stable order, so `offset` pages never repeat or skip entries.
   */
  async query(query: RetrievalQuery, page: { readonly limit: number; readonly offset: number }): Promise<QueryPage> {
    const tokens = descriptionTokens(query.description);
    if (tokens.length === 0) return { total: 0, offset: page.offset, items: [] };
    return this.run((s) => {
      this.syncIndex(s.db);
      const match = `terms : (${tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(" OR ")})`;
      const ids = (s.db.all("SELECT rowid AS id FROM entries_fts WHERE entries_fts MATCH ?", [match]) as Row[]).map((r) => num(r, "id"));
      const ranked = this.index.rankAll(prepareQuery(query), ids);
      return { total: ranked.length, offset: page.offset, items: this.hydrate(s.db, ranked.slice(page.offset, page.offset + page.limit)) };
    });
  }

  /** Kept records in a stable order (first appearance in the log), optionally only one status. */
  async list(page: { readonly limit: number; readonly offset: number; readonly status?: CorpusRecord["status"] }): Promise<CorpusRecord[]> {
    return this.run((s) => {
      const where = page.status ? "WHERE status = ?" : "";
      const args = [...(page.status ? [page.status] : []), page.limit, page.offset];
      return (s.db.all(`SELECT record FROM entries ${where} ORDER BY id LIMIT ? OFFSET ?`, args) as Row[]).map((r) => JSON.parse(str(r, "record")) as CorpusRecord);
    });
  }

  /** Counts and facts about the corpus. */
  async stats(): Promise<CorpusStats> {
    return this.run(async (s) => statsOf(s.db, this.paths, (await logSize(this.paths.log)) ?? 0));
  }

  /** Full check: integrity of the index and agreement with the log. */
  async check(): Promise<CheckReport> {
    return this.run(async (s) => {
      const integrity = integrityCheck(s.db);
      const pos = readPosition(s.db);
      const logBytes = (await logSize(this.paths.log)) ?? 0;
      const entries = num(s.db.get("SELECT COUNT(*) AS n FROM entries") as Row, "n");
      return { integrity, logBytes, indexedBytes: pos.offset, records: pos.records, entries, ok: integrity === "ok" && pos.offset === logBytes };
    });
  }

  /** Writes the kept records (first appearance order) through `write`; returns how many. */
  async exportTo(format: ExportFormat, write: (text: string) => void | Promise<void>): Promise<number> {
    return this.run(async (s) => {
      if (format === "csv") await write(csvHeader());
      let count = 0;
      for (let after = 0; ; ) {
        const rows = s.db.all("SELECT id, khash, record FROM entries WHERE id > ? ORDER BY id LIMIT 1000", [after]) as Row[];
        if (rows.length === 0) return count;
        const text = rows.map((r) => (format === "csv" ? csvRow(str(r, "khash"), JSON.parse(str(r, "record")) as CorpusRecord) : `${str(r, "record")}\n`));
        await write(text.join(""));
        count += rows.length;
        after = num(rows[rows.length - 1], "id");
      }
    });
  }

  /**
   * Merges another corpus (JSON lines or a corpus.db): records with a new key or better than the kept one are
   * appended to the log; the rest are counted as duplicates. Idempotent and order-independent (merge.ts).
   */
  async importFile(file: string): Promise<MergeReport> {
    const resolved = path.resolve(file);
    if (resolved === this.paths.db || resolved === this.paths.log) throw new CorpusError(resolved, `${resolved} is this corpus's own file: import another corpus`);
    const format = await sourceFormat(resolved);
    return this.run(async (s) => this.merge(s, resolved, format));
  }

  /** Stores learned weights (any JSON value) under `name`. */
  async saveWeights(name: string, data: unknown): Promise<void> {
    await this.run((s) => {
      s.db.run("INSERT OR REPLACE INTO weights (name, data, updated) VALUES (?, ?, ?)", [name, JSON.stringify(data), new Date().toISOString()]);
    });
  }

  /** The weights stored under `name`, undefined when none. */
  async loadWeights(name: string): Promise<unknown> {
    return this.run((s) => {
      const row = s.db.get("SELECT data FROM weights WHERE name = ?", [name]) as Row | null;
      return row ? (JSON.parse(str(row, "data")) as unknown) : undefined;
    });
  }

  /** Ends the session now (releases the lock and the connection). The store can still be used afterwards. */
  async close(): Promise<void> {
    clearTimeout(this.releaseTimer);
    await this.serialize(() => this.end());
  }

  private readonly notice = (message: string): void => this.options.onNotice?.(message);

  /** Runs `fn` in a session, one operation at a time. */
  private run<T>(fn: (s: Session) => T | Promise<T>): Promise<T> {
    clearTimeout(this.releaseTimer);
    return this.serialize(async () => {
      const s = this.session ?? (await this.begin());
      try {
        return await fn(s);
      } finally {
        await this.scheduleEnd();
      }
    });
  }

  private serialize<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async begin(): Promise<Session> {
    const { brokeStale } = await this.lock.acquire({ timeoutMs: this.options.lockTimeoutMs ?? 10_000, onNotice: this.notice });
    try {
      await repairLog(this.paths.log, this.notice);
      const db = await openIndex(this.paths, { brokeStale, verify: this.options.verify ?? false, notice: this.notice });
      const session: Session = { db };
      this.session = session;
      await this.catchUp(session);
      return session;
    } catch (e) {
      await this.end();
      throw e;
    }
  }

  private async scheduleEnd(): Promise<void> {
    const linger = this.options.lingerMs ?? 0;
    if (linger <= 0) return this.end();
    this.releaseTimer = setTimeout(() => void this.serialize(() => this.end()).catch((e: unknown) => this.notice(`could not close the corpus: ${(e as Error).message}`)), linger);
    this.releaseTimer.unref();
  }

  private async end(): Promise<void> {
    const s = this.session;
    this.session = undefined;
    try {
      if (s) closeDb(s.db);
    } finally {
      await this.lock.release();
    }
  }

  /** Ingests log lines the index has not seen. */
  private async catchUp(s: Session): Promise<IngestCounts> {
    const pos = readPosition(s.db);
    const size = (await logSize(this.paths.log)) ?? 0;
    if (size <= pos.offset) return { added: 0, superseded: 0, duplicates: 0, skipped: 0 };
    return (await ingestLog(s.db, this.paths.log, pos)).counts;
  }

  /** Brings the in-memory retrieval index to the database's generation. */
  private syncIndex(db: Db): void {
    const meta = readMeta(db);
    const dbId = meta.get("db_id") ?? "";
    const generation = Number(meta.get("generation") ?? 0);
    if (this.index.dbId !== dbId) {
      this.index = new RetrievalIndex();
      this.index.dbId = dbId;
    }
    if (this.index.generation === generation) return;
    for (const r of db.all("SELECT id, params, returns FROM signatures") as Row[]) this.index.addSignature(num(r, "id"), JSON.parse(str(r, "params")) as string[], str(r, "returns"));
    const st = db.prepare("SELECT id, khash, sig_id, perfect, has_program, status, terms FROM entries WHERE gen > ?");
    try {
      for (const r of st.iterate([this.index.generation]) as Iterable<Row>) {
        const status = str(r, "status");
        this.index.upsert({ id: num(r, "id"), khash: str(r, "khash"), sigId: num(r, "sig_id"), perfect: num(r, "perfect") === 1, hasProgram: num(r, "has_program") === 1, solved: status === "solved" || status === "ambiguous", terms: str(r, "terms") });
      }
    } finally {
      st.finalize();
    }
    this.index.generation = generation;
  }

  /** Ranked ids -> records, keeping the order. */
  private hydrate(db: Db, ranked: readonly Ranked[]): Retrieved[] {
    if (ranked.length === 0) return [];
    const rows = db.all(`SELECT id, record FROM entries WHERE id IN (${ranked.map(() => "?").join(",")})`, ranked.map((r) => r.id)) as Row[];
    const byId = new Map(rows.map((r) => [num(r, "id"), str(r, "record")]));
    return ranked.map((r) => ({ key: r.khash, score: r.parts.score, parts: r.parts, record: JSON.parse(byId.get(r.id) ?? "null") as CorpusRecord }));
  }

  private async merge(s: Session, file: string, format: SourceFormat): Promise<MergeReport> {
    const report: MergeReport = { file, format, read: 0, added: 0, superseded: 0, duplicates: 0, invalid: 0, invalidLines: [] };
    const ingestor = new Ingestor(s.db);
    const pending = new Map<string, CorpusRecord>();
    let lines: string[] = [];
    try {
      for await (const item of readSource(file, format)) {
        report.read++;
        if ("reason" in item.parsed) {
          report.invalid++;
          if (report.invalidLines.length < 10) report.invalidLines.push({ line: item.line, reason: item.parsed.reason });
          continue;
        }
        const raw = item.parsed.raw;
        const khash = keyHash(raw);
        const kept = pending.get(khash) ?? ingestor.kept(khash);
        if (kept && !isBetter(raw, kept)) {
          report.duplicates++;
          continue;
        }
        report[kept ? "superseded" : "added"]++;
        pending.set(khash, raw);
        lines.push(item.text);
        if (lines.length >= 5000) lines = await this.appendMerged(s, lines, pending);
      }
      await this.appendMerged(s, lines, pending);
    } finally {
      ingestor.close();
    }
    return report;
  }

  private async appendMerged(s: Session, lines: string[], pending: Map<string, CorpusRecord>): Promise<string[]> {
    if (lines.length > 0) {
      await appendToLog(this.paths.log, lines, this.notice);
      await this.catchUp(s);
    }
    pending.clear();
    return [];
  }
}

function statsOf(db: Db, paths: CorpusPaths, logBytes: number): CorpusStats {
  const pos = readPosition(db);
  const count = (sql: string): number => num(db.get(sql) as Row, "n");
  const byStatus = { solved: 0, ambiguous: 0, unsolved: 0, error: 0 };
  for (const r of db.all("SELECT status, COUNT(*) AS n FROM entries GROUP BY status") as Row[]) byStatus[str(r, "status") as keyof typeof byStatus] = num(r, "n");
  const times = db.get("SELECT MIN(timestamp) AS first, MAX(timestamp) AS last FROM entries") as Row;
  return {
    dir: paths.dir,
    logBytes,
    records: pos.records,
    skipped: count("SELECT COUNT(*) AS n FROM skipped"),
    skippedLines: (db.all("SELECT line, reason FROM skipped ORDER BY line LIMIT 10") as Row[]).map((r) => ({ line: num(r, "line"), reason: str(r, "reason") })),
    entries: count("SELECT COUNT(*) AS n FROM entries"),
    byStatus,
    perfect: count("SELECT COUNT(*) AS n FROM entries WHERE perfect = 1"),
    withProgram: count("SELECT COUNT(*) AS n FROM entries WHERE has_program = 1"),
    signatures: count("SELECT COUNT(*) AS n FROM signatures"),
    firstTimestamp: times["first"] === null ? null : str(times, "first"),
    lastTimestamp: times["last"] === null ? null : str(times, "last"),
    schemaVersion: schemaVersion(db),
    weights: (db.all("SELECT name FROM weights ORDER BY name") as Row[]).map((r) => str(r, "name")),
  };
}
