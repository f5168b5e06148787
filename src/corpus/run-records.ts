/**
 * Corpus records of a run: one per spec outcome (every attempt, solved or not).
 *
 * The spec hash is sha256 over the signature text and the examples as Python literal sources (pyRepr with the
 * declared types), so the same question asked again, from any spec format, gets the same hash.
 */
import { createHash } from "node:crypto";
import { pyRepr } from "../dsl/repr.js";
import { typeKey } from "../dsl/types.js";
import type { CorpusRecord } from "../learn/record.js";
import type { Problem } from "../spec/problem.js";

/** The parts of an outcome a record needs (src/app's SpecOutcome has them). */
export interface OutcomeFields {
  readonly status: CorpusRecord["status"];
  readonly score: number;
  readonly time_ms: number;
  readonly size: number;
  /** Candidates the search evaluated. */
  readonly candidates?: number;
  /** The program as a Python expression. */
  readonly program: string | null;
  /** The program's stable DSL form. */
  readonly dsl: readonly unknown[] | null;
}

/** What every record of one run shares. */
export interface RunInfo {
  readonly runId: string;
  readonly engineVersion: string;
  /** ISO time; default now. */
  readonly timestamp?: string;
}

/** `(s: str, n: int) -> str` */
export function signatureText(problem: Pick<Problem, "params" | "returns">): string {
  return `(${problem.params.map((p) => `${p.name}: ${typeKey(p.type)}`).join(", ")}) -> ${typeKey(problem.returns)}`;
}

/** The examples as Python literal sources: `[[args...], output]`. */
export function exampleSources(problem: Pick<Problem, "params" | "returns" | "examples">): [string[], string][] {
  return problem.examples.map((e) => [e.inputs.map((v, i) => pyRepr(v, problem.params[i]?.type ?? { kind: "unknown" })), pyRepr(e.output, problem.returns)]);
}

/** sha256 (hex) over the signature text and the examples' sources. */
export function specHash(signature: string, examples: readonly (readonly [readonly string[], string])[]): string {
  return createHash("sha256").update(JSON.stringify([signature, examples])).digest("hex");
}

/** The record of one outcome. */
export function recordOf(problem: Problem, outcome: OutcomeFields, info: RunInfo): CorpusRecord {
  const signature = signatureText(problem);
  const examples = exampleSources(problem);
  return {
    v: 1,
    spec_hash: specHash(signature, examples),
    name: problem.name,
    description: problem.description,
    signature,
    params: problem.params.map((p) => ({ name: p.name, type: typeKey(p.type) })),
    returns: typeKey(problem.returns),
    examples,
    program: outcome.dsl ? [...outcome.dsl] : null,
    python: outcome.program,
    status: outcome.status,
    score: outcome.score,
    time_ms: outcome.time_ms,
    size: outcome.size,
    ...(outcome.candidates !== undefined ? { candidates: outcome.candidates } : {}),
    engine_version: info.engineVersion,
    run_id: info.runId,
    timestamp: info.timestamp ?? new Date().toISOString(),
    format: problem.format,
  };
}
