/**
 * The POST export's outbox, `<corpus>/outbox/`: a cursor into corpus.jsonl (`state.json`) and the batches cut from
 * the log but not yet delivered (`<stream>-<log offset>.json`, oldest first). Nothing is lost while the endpoint is
 * down: batches wait here until a later run or `aurora corpus flush` delivers them.
 *
 * - `start(offset)` sets the cursor the first time export is used (before a run appends, so that run is exported).
 * - `enqueue` cuts the log lines after the cursor into batch files, writing each file (temp, fsync, rename) before
 *   moving the cursor past it. A batch's id is its stream and start offset, so a batch cut again after a crash has
 *   the same id and the endpoint can drop the repeat.
 * - `flush` sends batches in order and deletes each once delivered; it stops at the first failure.
 * Both run under the outbox's own lock, so a slow endpoint never holds the corpus lock. Reading the log needs no
 * corpus lock: only complete lines are read, and a writer only ever appends lines or cuts a torn, incomplete tail.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { parseLine } from "./ingest.js";
import { FileLock } from "./lock.js";
import { lineBefore, lineHash, logSize, readLogLines, syncDir, type LogLine } from "./log.js";
import type { CorpusPaths } from "./paths.js";
import { sendBatch, type Batch, type PostExportConfig } from "./post.js";

/** Where the export has got to in the log. */
interface OutboxState {
  /** Names this log's batches (a new stream starts if the log is replaced). */
  readonly stream: string;
  /** Log bytes already cut into batches. */
  readonly offset: number;
  /** lineHash of the line before `offset`. */
  readonly tail: string;
}

/** What a flush did. */
export interface FlushReport {
  readonly sentBatches: number;
  readonly sentRecords: number;
  /** Batches still waiting in the outbox. */
  readonly pendingBatches: number;
  /** Why the flush stopped early (redacted), if it did. */
  readonly error?: string;
}

/** Waiting for the outbox lock, and where recovery notices go. */
export interface OutboxOptions {
  readonly lockTimeoutMs?: number;
  readonly onNotice?: (message: string) => void;
}

const BATCH_FILE = /^[0-9a-f]+-\d{15}\.json$/;

/** The outbox of one corpus folder. */
export class Outbox {
  private readonly lock: FileLock;

  constructor(
    private readonly paths: CorpusPaths,
    private readonly options: OutboxOptions = {},
  ) {
    this.lock = new FileLock(paths.outboxLock);
  }

  /** Starts the cursor at log byte `offset` unless export has started before. */
  async start(offset: number): Promise<void> {
    await this.locked(async () => {
      if (!(await this.readState())) await this.writeState(await this.stateAt(offset));
    });
  }

  /** Cuts the log after the cursor into batches of `batchSize` records; returns the records queued. */
  async enqueue(batchSize: number): Promise<number> {
    return this.locked(async () => {
      let state = (await this.readState()) ?? (await this.stateAt((await logSize(this.paths.log)) ?? 0));
      state = await this.checkCursor(state);
      let queued = 0;
      let batch: string[] = [];
      let start = state.offset;
      let last: LogLine | undefined;
      for await (const line of readLogLines(this.paths.log, state.offset)) {
        last = line;
        if (!("reason" in parseLine(line.text))) batch.push(line.text);
        if (batch.length < batchSize) continue;
        state = await this.cut(state, start, batch, line);
        queued += batch.length;
        batch = [];
        start = line.end;
      }
      if (last && last.end > state.offset) {
        state = batch.length > 0 ? await this.cut(state, start, batch, last) : { ...state, offset: last.end, tail: lineHash(last.text) };
        queued += batch.length;
      }
      await this.writeState(state);
      return queued;
    });
  }

  /** Batch files waiting, oldest first. */
  async pending(): Promise<string[]> {
    const names = await readdir(this.paths.outbox).catch(() => [] as string[]);
    return names.filter((n) => BATCH_FILE.test(n)).sort();
  }

  /** Sends the waiting batches in order, deleting each once delivered; stops at the first failure. */
  async flush(config: PostExportConfig, sleep?: (ms: number) => Promise<void>): Promise<FlushReport> {
    return this.locked(async () => {
      let sentBatches = 0;
      let sentRecords = 0;
      const names = await this.pending();
      for (const [i, name] of names.entries()) {
        const batch = JSON.parse(await readFile(path.join(this.paths.outbox, name), "utf8")) as Batch;
        const outcome = await sendBatch(config, batch, sleep);
        if (outcome.kind === "failed") return { sentBatches, sentRecords, pendingBatches: names.length - i, error: outcome.error.message };
        await unlink(path.join(this.paths.outbox, name));
        sentBatches++;
        sentRecords += batch.lines.length;
      }
      return { sentBatches, sentRecords, pendingBatches: 0 };
    });
  }

  private async locked<T>(fn: () => Promise<T>): Promise<T> {
    await mkdir(this.paths.outbox, { recursive: true });
    await this.lock.acquire({ timeoutMs: this.options.lockTimeoutMs ?? 10_000, ...(this.options.onNotice ? { onNotice: this.options.onNotice } : {}) });
    try {
      return await fn();
    } finally {
      await this.lock.release();
    }
  }

  /** Writes one batch file and moves the cursor past its last line. */
  private async cut(state: OutboxState, start: number, lines: readonly string[], last: LogLine): Promise<OutboxState> {
    const batchId = `${state.stream}-${String(start).padStart(15, "0")}`;
    await writeDurably(path.join(this.paths.outbox, `${batchId}.json`), JSON.stringify({ batch_id: batchId, lines }));
    const next = { stream: state.stream, offset: last.end, tail: lineHash(last.text) };
    await this.writeState(next);
    return next;
  }

  /** A replaced or shortened log restarts the export at its end, as a new stream. */
  private async checkCursor(state: OutboxState): Promise<OutboxState> {
    const size = (await logSize(this.paths.log)) ?? 0;
    const sameLog = size >= state.offset && (state.offset === 0 || lineHash(await lineBefore(this.paths.log, state.offset)) === state.tail);
    if (sameLog) return state;
    this.options.onNotice?.(`${this.paths.log} is not the log the export cursor was set in (it was replaced or shortened): export continues from its current end`);
    return this.stateAt(size);
  }

  private async stateAt(offset: number): Promise<OutboxState> {
    return { stream: randomBytes(6).toString("hex"), offset, tail: lineHash(await lineBefore(this.paths.log, offset)) };
  }

  private async readState(): Promise<OutboxState | undefined> {
    try {
      return JSON.parse(await readFile(this.paths.outboxState, "utf8")) as OutboxState;
    } catch {
      return undefined;
    }
  }

  private async writeState(state: OutboxState): Promise<void> {
    await writeDurably(this.paths.outboxState, JSON.stringify(state));
  }
}

/** Writes `file` whole or not at all: a temp file, fsync, rename, folder fsync. */
async function writeDurably(file: string, text: string): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  const fh = await open(temp, "w");
  try {
    await fh.writeFile(text, "utf8");
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(temp, file);
  await syncDir(path.dirname(file));
}
