/**
 * Reusing past solutions (pure): retrieved corpus programs are adapted to a new spec's parameters, tried as
 * they are, and cut into subprograms ("seeds") the search may use as single cheap steps; their constants join the
 * constants mined from the spec.
 */
import { subexprs, type Expr } from "../dsl/expr.js";
import { exprFromJson, exprToJson } from "../dsl/serialize.js";
import { typeKey } from "../dsl/types.js";
import type { Problem } from "../spec/problem.js";
import type { CorpusRecord } from "./record.js";
import { retrievalScore } from "./retrieval.js";

/** A retrieved record with its score and selection bias. */
export interface Retrieved {
  readonly record: CorpusRecord;
  /** The record's key in the corpus (recordKey), for seed-bias updates. */
  readonly key: string;
  readonly score: number;
}

/** What retrieval offers one search. */
export interface Reuse {
  /** Whole programs adapted to this spec, best first: tried on the examples before any search. */
  readonly programs: readonly { readonly expr: Expr; readonly key: string }[];
  /** Subprograms of those, each a cheap production of the grammar. */
  readonly seeds: readonly Expr[];
  /** The constants of those programs (distinct), offered at the prior of constants mined from the spec. */
  readonly constants: readonly (Expr & { readonly t: "const" })[];
  /**
   * The records reused (relevant enough and adaptable to the spec), with the seeds each contributed: the entries
   * whose seed bias a run updates.
   */
  readonly sources: readonly { readonly key: string; readonly seeds: readonly string[] }[];
}

/**
 * Ranks records for a problem: retrieval score (0.6 signature + 0.4 Jaccard + 0.1 perfect) plus the record's
 * seed bias (0 by default; learned from whether reusing it helped), best first, solved records only.
 */
export function rankRecords(problem: Problem, records: readonly (CorpusRecord & { readonly key: string })[], bias: ReadonlyMap<string, number> = new Map(), k = 5): Retrieved[] {
  const query = { description: problem.description, params: problem.params.map((p) => typeKey(p.type)), returns: typeKey(problem.returns) };
  return records
    .filter((r) => r.program !== null && (r.status === "solved" || r.status === "ambiguous"))
    .map((r) => ({ record: r, key: r.key, score: retrievalScore(query, r) + (bias.get(r.key) ?? 0) }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
    .slice(0, k);
}

/**
 * A stored program with its parameters renamed onto the new problem's: each stored parameter maps to a new one of
 * the same type, preferring the same position. Undefined when some parameter has no counterpart.
 */
export function adaptProgram(program: Expr, from: readonly { readonly name: string; readonly type: string }[], problem: Problem): Expr | undefined {
  const targets = problem.params.map((p) => ({ name: p.name, type: typeKey(p.type) }));
  const used = new Set<number>();
  const rename = new Map<string, string>();
  for (const [i, p] of from.entries()) {
    const same = targets[i]?.type === p.type && !used.has(i) ? i : targets.findIndex((t, j) => t.type === p.type && !used.has(j));
    if (same < 0) return undefined;
    used.add(same);
    rename.set(p.name, (targets[same] as { name: string }).name);
  }
  return renameVars(program, rename);
}

function renameVars(e: Expr, m: ReadonlyMap<string, string>, bound: ReadonlySet<string> = new Set()): Expr {
  switch (e.t) {
    case "var":
      return bound.has(e.name) ? e : { ...e, name: m.get(e.name) ?? e.name };
    case "const":
      return e;
    case "lambda": {
      const inner = new Set([...bound, ...e.params]);
      return { ...e, body: renameVars(e.body, m, inner) };
    }
    case "call":
      return { ...e, args: e.args.map((a) => renameVars(a, m, bound)) };
  }
}

/**
 * Subprograms worth offering: calls (two or more nodes) whose free variables are all parameters (a piece of a
 * comprehension body that mentions its loop variable cannot stand alone), each once, largest first.
 */
export function seedsOf(program: Expr, params: ReadonlySet<string>): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<string>();
  for (const s of subexprs(program)) {
    if (s.t !== "call" || !varsWithin(s, params)) continue;
    const key = JSON.stringify(exprToJson(s));
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

/**
 * How relevant a retrieved record must be (its rank score: retrieval score plus seed bias) before its program is
 * tried first or cut into seeds, for specs whose examples do not say everything (Python specs): with the same
 * signature (0.6) and a perfect solution (0.1), at least half the description words shared (0.4 x 0.5). A program
 * retrieved from an unrelated spec that fits a few examples is mostly a coincidence: tried first it bypasses the
 * search's preference for the simplest program, and as seeds its pieces make such programs one cheap step. On
 * MBPP's validation quarter (`npm run bench -- learning --set mbpp --split validation --reuse`) retrieval without
 * this gate solved 36 tasks against 42 with the learned weights alone, and 43 with it (ADR 0011). The seed bias
 * moves an entry across the gate both ways.
 */
export const REUSE_MIN_SCORE = 0.9;

export interface ReuseOptions {
  /** Most seeds, taken from the best-ranked records first. @default 24 */
  readonly maxSeeds?: number;
  /**
   * Records ranked below this are not reused. @default REUSE_MIN_SCORE, or 0 for SyGuS problems (their constraints
   * are the whole specification: a retrieved program that satisfies them is a solution, whatever it came from)
   */
  readonly minScore?: number;
  /** The problem's spec hash: a record of the very same question (signature and examples) is always reused. */
  readonly specHash?: string;
}

/**
 * What to reuse for a problem from ranked records: adapted whole programs and their seeds, restricted to variables
 * the problem has, from the records relevant enough (ReuseOptions.minScore).
 */
export function reuseFor(problem: Problem, ranked: readonly Retrieved[], opts: ReuseOptions = {}): Reuse {
  const maxSeeds = opts.maxSeeds ?? 24;
  const minScore = opts.minScore ?? (problem.sygus ? 0 : REUSE_MIN_SCORE);
  const paramNames = new Set(problem.params.map((p) => p.name));
  const programs: { expr: Expr; key: string }[] = [];
  const seeds: Expr[] = [];
  const constants: (Expr & { t: "const" })[] = [];
  const sources: { key: string; seeds: string[] }[] = [];
  const seen = new Set<string>();
  const seenConsts = new Set<string>();
  for (const r of ranked) {
    if (r.score < minScore && r.record.spec_hash !== opts.specHash) continue;
    const stored = exprFromJson(r.record.program);
    if (!stored) continue;
    const adapted = adaptProgram(stored, r.record.params, problem);
    if (!adapted || !varsWithin(adapted, paramNames)) continue;
    programs.push({ expr: adapted, key: r.key });
    const mine: string[] = [];
    for (const s of seedsOf(adapted, paramNames)) {
      const k = JSON.stringify(exprToJson(s));
      if (seen.has(k) || seeds.length >= maxSeeds) continue;
      seen.add(k);
      seeds.push(s);
      mine.push(k);
    }
    for (const s of subexprs(adapted)) {
      if (s.t !== "const") continue;
      const k = JSON.stringify(exprToJson(s));
      if (seenConsts.has(k)) continue;
      seenConsts.add(k);
      constants.push(s);
    }
    sources.push({ key: r.key, seeds: mine });
  }
  return { programs, seeds, constants, sources };
}

function varsWithin(e: Expr, names: ReadonlySet<string>, bound: ReadonlySet<string> = new Set()): boolean {
  switch (e.t) {
    case "var":
      return bound.has(e.name) || names.has(e.name);
    case "const":
      return true;
    case "lambda":
      return varsWithin(e.body, names, new Set([...bound, ...e.params]));
    case "call":
      return e.args.every((a) => varsWithin(a, names, bound));
  }
}

/** Which reused records' seeds (or whole programs) appear in a solution: those helped. */
export function usedSources(solution: Expr, reuse: Reuse): Set<string> {
  const inSolution = new Set([...subexprs(solution)].map((s) => JSON.stringify(exprToJson(s))));
  const used = new Set<string>();
  for (const src of reuse.sources) if (src.seeds.some((k) => inSolution.has(k))) used.add(src.key);
  for (const p of reuse.programs) if (inSolution.has(JSON.stringify(exprToJson(p.expr)))) used.add(p.key);
  return used;
}

/**
 * Seed-bias update (the seed's adaptive learning): every bias first fades toward 0 by `decay`, then records whose
 * reuse helped move toward +1 and records retrieved without helping move toward -1, by `rate`.
 */
export function updateBias(bias: ReadonlyMap<string, number>, retrieved: readonly string[], helped: ReadonlySet<string>, rate: number, decay: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of bias) out.set(k, v * decay);
  for (const k of retrieved) {
    const b = out.get(k) ?? 0;
    out.set(k, helped.has(k) ? b + rate * (1 - b) : b + rate * (-1 - b));
  }
  return out;
}
