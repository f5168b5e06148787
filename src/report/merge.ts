/**
 * Merging the scores of runs over disjoint spec sets (the Action's matrix shards) into the scores one run over all
 * of them would have written. Pure: scores in, scores out.
 *
 * Invariants: specs are ordered by file, then line, then name (shards partition by file, so this is the order of
 * one unsharded run over a sorted file list); counts and times are sums (time is total work, comparable with one
 * unsharded run on the same machine); the learning curve adds up each round, a part that finished early counting
 * its final solved number in later rounds.
 */
import type { RunScores } from "./schema.js";

type Spec = RunScores["specs"][number];
type Round = RunScores["summary"]["per_round"][number];

/** Two parts name the same spec (file, line and name): the parts were not disjoint. */
export class MergeConflictError extends Error {
  override readonly name = "MergeConflictError";
}

function specOrder(a: Spec, b: Spec): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function checkDisjoint(specs: readonly Spec[]): void {
  const seen = new Set<string>();
  for (const s of specs) {
    const key = `${s.file}:${s.line}:${s.name}`;
    if (seen.has(key)) throw new MergeConflictError(`${key} is in more than one of the merged runs: merge runs over disjoint spec files (shards of one run)`);
    seen.add(key);
  }
}

/** The learning curve of the merged run: per round, the sum over parts (a finished part keeps its last count). */
export function mergeRounds(parts: readonly (readonly Round[])[]): Round[] {
  const last = Math.max(0, ...parts.flatMap((p) => p.map((r) => r.round)));
  const out: Round[] = [];
  for (let round = 1; round <= last; round++) {
    let solved = 0;
    let time = 0;
    for (const p of parts) {
      const upTo = p.filter((r) => r.round <= round);
      solved += upTo.at(-1)?.solved ?? 0;
      time += p.find((r) => r.round === round)?.time_ms ?? 0;
    }
    out.push({ round, solved, time_ms: time });
  }
  return out;
}

/**
 * The scores of the parts as one run. @throws MergeConflictError when two parts hold the same spec
 */
export function mergeScores(parts: readonly RunScores[]): RunScores {
  const specs = parts.flatMap((p) => p.specs).sort(specOrder);
  checkDisjoint(specs);
  const errors = parts.flatMap((p) => p.errors).sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line));
  const sum = (field: "total" | "solved" | "ambiguous" | "unsolved" | "errors" | "time_ms"): number => parts.reduce((t, p) => t + p.summary[field], 0);
  return {
    specs,
    errors,
    summary: {
      total: sum("total"),
      solved: sum("solved"),
      ambiguous: sum("ambiguous"),
      unsolved: sum("unsolved"),
      errors: sum("errors"),
      time_ms: sum("time_ms"),
      per_round: mergeRounds(parts.map((p) => p.summary.per_round)),
    },
  };
}
