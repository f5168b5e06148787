/**
 * One corpus record: one synthesis attempt (solved or not). The corpus log (`corpus.jsonl`) holds one per line;
 * the learning functions in this folder are pure functions over arrays of these.
 */
import { z } from "zod";

export const CorpusRecordSchema = z.object({
  /** Schema version of the record. */
  v: z.literal(1),
  /** sha256 of the spec's signature + examples (what was asked), hex. */
  spec_hash: z.string(),
  name: z.string(),
  description: z.string(),
  /** Parameter names and types as annotation text, and the return type: "(s: str, n: int) -> str". */
  signature: z.string(),
  params: z.array(z.object({ name: z.string(), type: z.string() })),
  returns: z.string(),
  /** Examples as Python literal sources: [[args...], output]. */
  examples: z.array(z.tuple([z.array(z.string()), z.string()])),
  /** Stable DSL form of the program (src/dsl/serialize.ts), or null when none was found. */
  program: z.array(z.unknown()).nullable(),
  /** The program as a Python expression. */
  python: z.string().nullable(),
  status: z.enum(["solved", "unsolved", "ambiguous", "error"]),
  score: z.number().min(0).max(1),
  time_ms: z.number().nonnegative(),
  size: z.number().int().nonnegative(),
  engine_version: z.string(),
  run_id: z.string(),
  /** ISO 8601 UTC. */
  timestamp: z.string(),
  /** Spec format it came from. */
  format: z.string().optional(),
});
export type CorpusRecord = z.infer<typeof CorpusRecordSchema>;

/** The dedupe key of a record when corpora merge: same question, same answer. */
export function recordKey(r: CorpusRecord): string {
  return `${r.spec_hash}|${r.program ? JSON.stringify(r.program) : "-"}`;
}
