/**
 * corpus.jsonl, the append-only log: the corpus's source of truth.
 *
 * Invariants:
 * - Every complete line ends with "\n" and holds one JSON value (JSON.stringify never writes a raw line break).
 * - An append writes whole lines and fsyncs before returning: a returned append survives a crash.
 * - A crash can leave only a torn last line (no "\n"); it was never acknowledged. Readers stop before it, and
 *   the next process that holds the corpus lock cuts it off. Earlier lines are never rewritten.
 */
import { createHash } from "node:crypto";
import { open, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { CorpusLogError } from "./errors.js";

const NL = 0x0a;
const CHUNK = 1 << 20;

/** One complete line: its text (without "\n"), byte range and 1-based line number. */
export interface LogLine {
  readonly text: string;
  readonly offset: number;
  /** Offset just after its "\n". */
  readonly end: number;
  readonly lineNo: number;
}

/** The log's size in bytes, undefined when it does not exist. */
export async function logSize(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw logError(file, "cannot read", e);
  }
}

/**
 * Appends `lines` (without their "\n") and fsyncs. Cuts a torn last line first. Call only while holding the corpus
 * lock. Returns the byte range written.
 */
export async function appendToLog(file: string, lines: readonly string[], onNotice?: (m: string) => void): Promise<{ start: number; end: number }> {
  const created = (await logSize(file)) === undefined;
  let fh: FileHandle | undefined;
  try {
    fh = await open(file, "a+");
    const start = await cutTornTail(fh, file, onNotice);
    let end = start;
    for (const chunk of chunks(lines)) end += await writeAll(fh, chunk);
    await fh.datasync();
    return { start, end };
  } catch (e) {
    throw logError(file, "cannot append to", e);
  } finally {
    await fh?.close();
    if (created) await syncDir(path.dirname(file));
  }
}

/** Cuts a torn last line (bytes after the last "\n"), if any. Call only while holding the corpus lock. */
export async function repairLog(file: string, onNotice?: (m: string) => void): Promise<void> {
  if ((await logSize(file)) === undefined) return;
  const fh = await open(file, "r+");
  try {
    await cutTornTail(fh, file, onNotice);
  } finally {
    await fh.close();
  }
}

/** Returns the size after cutting. */
async function cutTornTail(fh: FileHandle, file: string, onNotice?: (m: string) => void): Promise<number> {
  const size = (await fh.stat()).size;
  if (size === 0) return 0;
  const last = Buffer.alloc(1);
  await fh.read(last, 0, 1, size - 1);
  if (last[0] === NL) return size;
  const keep = (await lastNewline(fh, size)) + 1;
  await fh.truncate(keep);
  await fh.datasync();
  onNotice?.(`${file}: cut a torn last line (${size - keep} bytes) left by an interrupted write; it had not been acknowledged`);
  return keep;
}

/** Offset of the last "\n" before `size`, or -1. */
async function lastNewline(fh: FileHandle, size: number): Promise<number> {
  const buf = Buffer.alloc(64 * 1024);
  for (let end = size; end > 0; ) {
    const start = Math.max(0, end - buf.length);
    const { bytesRead } = await fh.read(buf, 0, end - start, start);
    const i = buf.subarray(0, bytesRead).lastIndexOf(NL);
    if (i >= 0) return start + i;
    end = start;
  }
  return -1;
}

/** Lines grouped into buffers of about 8 MiB, so a large import is not one giant string. */
function* chunks(lines: readonly string[]): Generator<Buffer> {
  let parts: string[] = [];
  let bytes = 0;
  for (const line of lines) {
    parts.push(line, "\n");
    bytes += line.length + 1;
    if (bytes >= 8 * CHUNK) {
      yield Buffer.from(parts.join(""), "utf8");
      parts = [];
      bytes = 0;
    }
  }
  if (parts.length > 0) yield Buffer.from(parts.join(""), "utf8");
}

async function writeAll(fh: FileHandle, buf: Buffer): Promise<number> {
  for (let done = 0; done < buf.length; ) done += (await fh.write(buf, done, buf.length - done)).bytesWritten;
  return buf.length;
}

/**
 * The complete lines between byte `from` (a line start) and `to` (default: the end), numbered from `firstLineNo`.
 * A torn last line is not returned.
 */
export async function* readLogLines(file: string, from = 0, firstLineNo = 1, to?: number): AsyncGenerator<LogLine> {
  let fh: FileHandle;
  try {
    fh = await open(file, "r");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw logError(file, "cannot read", e);
  }
  try {
    yield* linesOf(fh, from, firstLineNo, to ?? (await fh.stat()).size);
  } finally {
    await fh.close();
  }
}

async function* linesOf(fh: FileHandle, from: number, firstLineNo: number, to: number): AsyncGenerator<LogLine> {
  let pending = Buffer.alloc(0);
  let pendingStart = from;
  let lineNo = firstLineNo;
  const buf = Buffer.alloc(CHUNK);
  for (let pos = from; pos < to; ) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, to - pos), pos);
    if (bytesRead === 0) break;
    pos += bytesRead;
    const data = pending.length > 0 ? Buffer.concat([pending, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
    let start = 0;
    for (let nl = data.indexOf(NL, start); nl >= 0; nl = data.indexOf(NL, start)) {
      yield { text: data.toString("utf8", start, nl), offset: pendingStart + start, end: pendingStart + nl + 1, lineNo: lineNo++ };
      start = nl + 1;
    }
    pending = Buffer.from(data.subarray(start));
    pendingStart += start;
  }
}

/** The line that ends just before `offset` (its "\n" at offset-1), or undefined when no line ends there. */
export async function lineBefore(file: string, offset: number): Promise<string | undefined> {
  if (offset <= 0) return undefined;
  let fh: FileHandle;
  try {
    fh = await open(file, "r");
  } catch {
    return undefined;
  }
  try {
    const last = Buffer.alloc(1);
    const { bytesRead } = await fh.read(last, 0, 1, offset - 1);
    if (bytesRead !== 1 || last[0] !== NL) return undefined;
    const start = (await lastNewline(fh, offset - 1)) + 1;
    const text = Buffer.alloc(offset - 1 - start);
    await fh.read(text, 0, text.length, start);
    return text.toString("utf8");
  } finally {
    await fh.close();
  }
}

/** A short fingerprint of a line, to recognise the log an index or cursor was built from. */
export function lineHash(text: string | undefined): string {
  return text === undefined ? "" : createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/** Makes a new file's directory entry durable (best effort: some file systems refuse to fsync a folder). */
export async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, "r");
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // durability of the folder entry only
  }
}

function logError(file: string, what: string, cause: unknown): CorpusLogError {
  if (cause instanceof CorpusLogError) return cause;
  const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
  return new CorpusLogError(file, `${what} ${file} (${reason}): check the folder's permissions and free space`, { cause });
}
