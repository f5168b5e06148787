/**
 * Export formats of the corpus's entries (the best record per key): JSON lines (each record exactly as stored in
 * the log) and CSV (RFC 4180: quoted fields, CRLF line ends, one row per entry, the program as JSON text).
 */
import type { CorpusRecord } from "../learn/record.js";
import { isPerfect } from "../learn/retrieval.js";

/** The formats of `aurora corpus export`. */
export type ExportFormat = "jsonl" | "csv";

/** Every export format, for flag checks and help. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ["jsonl", "csv"];

/** CSV columns, in order. */
export const CSV_COLUMNS = ["key", "spec_hash", "name", "description", "signature", "status", "score", "perfect", "time_ms", "size", "python", "program", "format", "engine_version", "run_id", "timestamp"] as const;

/** The CSV header line (with its CRLF). */
export function csvHeader(): string {
  return `${CSV_COLUMNS.join(",")}\r\n`;
}

/** One CSV row (with its CRLF) for an entry with key `key`. */
export function csvRow(key: string, r: CorpusRecord): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], string | number | boolean> = {
    key,
    spec_hash: r.spec_hash,
    name: r.name,
    description: r.description,
    signature: r.signature,
    status: r.status,
    score: r.score,
    perfect: isPerfect(r),
    time_ms: r.time_ms,
    size: r.size,
    python: r.python ?? "",
    program: r.program ? JSON.stringify(r.program) : "",
    format: r.format ?? "",
    engine_version: r.engine_version,
    run_id: r.run_id,
    timestamp: r.timestamp,
  };
  return `${CSV_COLUMNS.map((c) => csvCell(cells[c])).join(",")}\r\n`;
}

/**
 * A CSV cell: quoted when it holds a comma, quote or line break; text starting with `= + - @` gets a leading `'`
 * so spreadsheets do not evaluate it.
 */
export function csvCell(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
