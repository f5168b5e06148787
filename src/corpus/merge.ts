/**
 * Which of two records with the same key (recordKey: same spec hash, same program) the corpus keeps.
 *
 * "Better" is a strict total order, so keeping the best is idempotent and commutative: any order of imports and
 * appends keeps the same record per key. Higher score first, then the stronger status (solved > ambiguous >
 * unsolved > error), then the smaller canonical JSON text (a deterministic, content-only tie-break).
 */
import { createHash } from "node:crypto";
import { recordKey, type CorpusRecord } from "../learn/record.js";

const STATUS_RANK: Readonly<Record<CorpusRecord["status"], number>> = { solved: 3, ambiguous: 2, unsolved: 1, error: 0 };

/** Negative when `a` is better than `b`, positive when worse, 0 only for equal content. */
export function compareRecords(a: CorpusRecord, b: CorpusRecord): number {
  if (a.score !== b.score) return b.score - a.score;
  const rank = STATUS_RANK[b.status] - STATUS_RANK[a.status];
  if (rank !== 0) return rank;
  const ca = canonicalJson(a);
  const cb = canonicalJson(b);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/** True when `candidate` should replace `kept`. */
export function isBetter(candidate: CorpusRecord, kept: CorpusRecord): boolean {
  return compareRecords(candidate, kept) < 0;
}

/** JSON with object keys sorted at every level: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The index's fixed-length form of recordKey (sha256, 32 hex digits): the entry's stable key. */
export function keyHash(record: CorpusRecord): string {
  return createHash("sha256").update(recordKey(record)).digest("hex").slice(0, 32);
}
