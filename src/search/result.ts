import type { Expr } from "../dsl/expr.js";

/** Why a search stopped. Data, never an exception (HOUSE-STYLE habit 4). */
export type StopReason =
  | { readonly kind: "solved" }
  | { readonly kind: "timeLimit"; readonly ms: number }
  | { readonly kind: "memoryLimit"; readonly bytes: number }
  /** Every program up to the cost limit was enumerated without finding one. */
  | { readonly kind: "exhausted"; readonly maxCost: number }
  /** The problem cannot be searched (for example its return type is outside the DSL). */
  | { readonly kind: "unsupported"; readonly reason: string };

export function describeStop(s: StopReason): string {
  switch (s.kind) {
    case "solved":
      return "solved";
    case "timeLimit":
      return `time limit (${(s.ms / 1000).toFixed(1)} s)`;
    case "memoryLimit":
      return `memory limit (${Math.round(s.bytes / 2 ** 20)} MiB)`;
    case "exhausted":
      return `search space exhausted up to cost ${s.maxCost}`;
    case "unsupported":
      return `unsupported: ${s.reason}`;
  }
}

/** Counters of one search. */
export interface SearchStats {
  /** Candidate programs evaluated (each on every row of its context). */
  candidates: number;
  /** Programs kept in the banks (observationally distinct). */
  kept: number;
  /** Highest cost level completed. */
  level: number;
  /** Lambda contexts (comprehension bodies) opened. */
  contexts: number;
  elapsedMs: number;
  /** Peak estimated bytes of banks and interned values. */
  bytes: number;
}

/** What a search returns: the best program found (if any), alternatives, and why it stopped. */
export interface SearchResult {
  readonly stop: StopReason;
  /** A program consistent with every example, the cheapest found. */
  readonly program?: Expr;
  /** Its cost (in grammar cost units). */
  readonly cost?: number;
  /** Other programs consistent with every example (distinct as programs), cheapest first. */
  readonly alternatives: readonly Expr[];
  /** When unsolved: the program that satisfies the most examples, and how many. */
  readonly partial?: { readonly program: Expr; readonly passed: number };
  readonly stats: SearchStats;
}
