/**
 * One corpus record: one synthesis attempt (solved or not). The corpus log (`corpus.jsonl`) holds one per line;
 * the learning functions in this folder are pure functions over arrays of these.
 */
import { z } from "zod";
import { parseTypeAnnotation, type Type } from "../dsl/types.js";
import type { Value } from "../dsl/values.js";
import type { FeatureSpec } from "../search/features.js";
import { MISMATCH, coerceValue } from "../spec/infer.js";
import { parsePyLiteral } from "../spec/pyliteral.js";

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
  /**
   * Candidates the search evaluated: with the examples, how likely the program fits them by coincidence
   * (src/learn/credibility.ts). Absent in records of older versions.
   */
  candidates: z.number().int().nonnegative().optional(),
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

/**
 * The spec a record was solved for, as the learned models see it (src/search/features.ts): its name, description,
 * signature and examples read back from their Python literal sources. Undefined when a type or an example does not
 * read back (a record from another engine version with a type this one lacks).
 */
export function recordSpec(r: CorpusRecord): FeatureSpec | undefined {
  const params = r.params.map((p) => ({ name: p.name, type: parseTypeAnnotation(p.type) }));
  const returns = parseTypeAnnotation(r.returns);
  if (!returns || params.some((p) => !p.type)) return undefined;
  const typed = params as { name: string; type: Type }[];
  const read = (src: string, type: Type): Value | typeof MISMATCH => {
    const lit = parsePyLiteral(src);
    return lit.ok ? coerceValue(lit.value.value, lit.value.exactType, type) : MISMATCH;
  };
  const examples: { inputs: Value[]; output: Value }[] = [];
  for (const [ins, out] of r.examples) {
    const inputs = ins.map((src, i) => read(src, (typed[i] as { type: Type }).type));
    const output = read(out, returns);
    if (output === MISMATCH || inputs.some((v) => v === MISMATCH) || inputs.length !== typed.length) return undefined;
    examples.push({ inputs: inputs as Value[], output });
  }
  return { name: r.name, description: r.description, params: typed, returns, examples };
}
