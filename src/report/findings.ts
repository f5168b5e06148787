/**
 * The vocabulary of a comparison: finding kinds, function rows and the comparison result. Types and constants
 * only, shared by the rules (compare.ts), the outputs (markdown, JSON, HTML) and the site.
 */
import type { GraphChanges } from "./graph.js";
import type { McNemarResult } from "./mcnemar.js";
import type { SpecScore } from "./schema.js";

/** What got worse for one function. */
export const FINDING_KINDS = ["solved-lost", "ambiguous-new", "score-down", "size-up", "time-up", "missing"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** One regression of one function (or of the whole run: key `*`). */
export interface Finding {
  readonly key: string;
  readonly name: string;
  readonly kind: FindingKind | "solve-rate";
  readonly level: "fail" | "warn";
  /** Base and head values as shown (`solved`, `12 ms`, `0.75`). */
  readonly base: string;
  readonly head: string;
  /** One line: what changed and by how much. */
  readonly detail: string;
  /** Set when an acknowledgement excuses it: shown, but it does not count. */
  readonly acknowledged?: string;
}

/** A function's values in one run. */
export interface FnValues {
  readonly status: SpecScore["status"];
  readonly score: number;
  readonly time_ms: number;
  readonly size: number;
  readonly program: string | null;
}

/** How a function changed between the runs. */
export type RowChange = "regressed" | "improved" | "added" | "removed" | "unchanged";

/** One function of either run, with its findings. */
export interface FnRow {
  readonly key: string;
  readonly name: string;
  readonly file: string;
  readonly base?: FnValues;
  readonly head?: FnValues;
  readonly change: RowChange;
  readonly findings: readonly Finding[];
  /** Improvements in words (`solved`, `time -60%`). */
  readonly improvements: readonly string[];
}

/** One run as the comparison names it. */
export interface RunRef {
  readonly id: string;
  /** How the user named it: `latest`, `previous`, `baseline main`, a path. */
  readonly label: string;
  readonly commit: string | null;
  readonly branch: string | null;
  readonly created: string;
  readonly solved: number;
  readonly total: number;
}

/** A difference between the runs' environment fingerprints. */
export interface EnvDifference {
  readonly field: string;
  readonly base: string;
  readonly head: string;
}

/** The verdict: `fail` blocks (exit 1), `warn` informs, `pass` is clean. */
export type Verdict = "fail" | "warn" | "pass";

/** The whole comparison, also the JSON output (`aurora compare --format json`). */
export interface Comparison {
  readonly format: "aurora-compare/1";
  readonly base: RunRef;
  readonly head: RunRef;
  readonly verdict: Verdict;
  /** Functions with an unacknowledged fail-level finding, plus one for a failing solve rate: the badge's N. */
  readonly regressions: number;
  /** Unacknowledged warn-level findings. */
  readonly warnings: number;
  readonly acknowledged: number;
  readonly solveRate: { readonly mcnemar: McNemarResult; readonly level: "fail" | "warn" | null };
  readonly environment: { readonly comparable: boolean; readonly differences: readonly EnvDifference[] };
  readonly findings: readonly Finding[];
  readonly rows: readonly FnRow[];
  readonly graph: GraphChanges;
  /** Acknowledgements that matched nothing (stale entries worth deleting). */
  readonly unusedAcks: readonly string[];
}
