/**
 * The dashboard's data, derived from the runs (and the tracker's summary) in one place so that the Astro pages
 * only call these functions (HOUSE-STYLE habit 14). Pure. Heavy parts (per-run comparisons, function pages) are
 * computed on demand and cached, so a build of 1,000 functions x 100 runs stays fast.
 */
import type { AckEntry } from "../ack.js";
import { compareRuns, keyFunction } from "../compare.js";
import type { Comparison, Verdict } from "../findings.js";
import { graphInputs, relationGraph, type GraphEdge, type RelationGraph } from "../graph.js";
import { runPoint, sortRuns, trends, type RunPoint, type TrendPoint } from "../history.js";
import type { HudHistoryPoint, HudProgress } from "../hud/index.js";
import type { CompareRules } from "../rules.js";
import type { RunRecord, SpecScore } from "../schema.js";

/** A recorded change of a task's percent (progress.json `changes`). */
export interface TrackerChange {
  readonly at: string;
  readonly task: string;
  readonly from: number;
  readonly to: number;
  readonly reason?: string | undefined;
}

/** What the site is built from. */
export interface SiteInput {
  readonly runs: readonly RunRecord[];
  readonly rules: CompareRules;
  readonly acks?: readonly AckEntry[];
  readonly progress?: { readonly summary: HudProgress; readonly history: readonly HudHistoryPoint[]; readonly changes: readonly TrackerChange[] };
}

/** A function in the index: its newest values and page slug. */
export interface FnIndexRow {
  readonly key: string;
  readonly slug: string;
  readonly name: string;
  readonly file: string;
  /** The newest run's spec (undefined when the function is gone from the newest run). */
  readonly latest?: SpecScore;
  readonly trend: readonly TrendPoint[];
}

/** One function's page. */
export interface FnPage {
  readonly row: FnIndexRow;
  readonly code: string | null;
  readonly related: readonly { readonly edge: GraphEdge; readonly other: string; readonly slug: string | undefined }[];
}

/** A run's verdict against the run before it. */
export interface RunVerdict {
  readonly verdict: Verdict | "first";
  readonly regressions: number;
  readonly warnings: number;
}

/** The dashboard model. */
export interface SiteModel {
  readonly runs: readonly RunRecord[];
  readonly points: readonly RunPoint[];
  readonly latest?: RunRecord;
  readonly functions: readonly FnIndexRow[];
  readonly progress: SiteInput["progress"];
  /** Latest vs previous, with graph changes (undefined with fewer than two runs). */
  comparison(): Comparison | undefined;
  /** A run compared with the run before it (no graph). */
  runComparison(runId: string): Comparison | undefined;
  verdictOf(runId: string): RunVerdict;
  graph(): RelationGraph;
  fnPage(slug: string): FnPage | undefined;
  run(runId: string): RunRecord | undefined;
  keyOf(s: SpecScore): string;
}

/** FNV-1a (32-bit) as 8 hex digits: short, stable suffixes for slugs. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** URL-safe, unique slugs for function keys: the key itself when it is safe, else a cleaned prefix + hash. */
export function slugs(keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const key of keys) {
    const clean = key.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48);
    let slug = clean === key && clean !== "" && !used.has(clean) ? clean : `${clean || "fn"}-${fnv1a(key)}`;
    for (let i = 2; used.has(slug); i++) slug = `${clean || "fn"}-${fnv1a(key)}-${i}`;
    used.add(slug);
    out.set(key, slug);
  }
  return out;
}

function memo<K, V>(fn: (k: K) => V): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    if (!cache.has(k)) cache.set(k, fn(k));
    return cache.get(k)!;
  };
}

function indexRows(runs: readonly RunRecord[], keyOf: (s: SpecScore) => string): FnIndexRow[] {
  const byKey = new Map<string, SpecScore>();
  for (const r of runs) for (const s of r.scores.specs) byKey.set(keyOf(s), s);
  const latest = new Map((runs.at(-1)?.scores.specs ?? []).map((s) => [keyOf(s), s]));
  const series = trends(runs);
  const keys = [...byKey.keys()].sort();
  const slugOf = slugs(keys);
  return keys.map((key) => {
    const s = byKey.get(key)!;
    const l = latest.get(key);
    return { key, slug: slugOf.get(key)!, name: s.name, file: s.file, trend: series.get(key) ?? [], ...(l ? { latest: l } : {}) };
  });
}

/** Builds the model; cheap up front, the rest on demand. */
export function siteModel(input: SiteInput): SiteModel {
  const runs = sortRuns(input.runs);
  const keyOf = keyFunction(...runs.map((r) => r.scores));
  const functions = indexRows(runs, keyOf);
  const bySlug = new Map(functions.map((f) => [f.slug, f]));
  const byKey = new Map(functions.map((f) => [f.key, f]));
  const index = new Map(runs.map((r, i) => [r.meta.run_id, i]));
  const opts = { rules: input.rules, ...(input.acks ? { acks: input.acks } : {}) };
  const latest = runs.at(-1);
  const compareAt = (i: number, graph: boolean): Comparison | undefined => {
    const base = runs[i - 1];
    const head = runs[i];
    return base && head ? compareRuns({ ...base, label: "previous run" }, { ...head, label: "this run" }, { ...opts, graph }) : undefined;
  };
  const runComparison = memo((id: string) => compareAt(index.get(id) ?? -1, false));
  const comparison = memo((_: 0) => compareAt(runs.length - 1, true));
  const graph = memo((_: 0) => relationGraph(graphInputs(latest?.scores.specs ?? [], keyOf)));
  const fnPage = (slug: string): FnPage | undefined => {
    const row = bySlug.get(slug);
    if (row === undefined) return undefined;
    const related = graph(0)
      .edges.filter((e) => e.a === row.key || e.b === row.key)
      .map((edge) => {
        const other = edge.a === row.key ? edge.b : edge.a;
        return { edge, other, slug: byKey.get(other)?.slug };
      });
    return { row, code: latest?.code?.[row.name] ?? row.latest?.program ?? null, related };
  };
  return {
    runs,
    points: runs.map(runPoint),
    functions,
    progress: input.progress,
    ...(latest ? { latest } : {}),
    comparison: () => comparison(0),
    runComparison,
    verdictOf: (id) => {
      const c = runComparison(id);
      return c === undefined ? { verdict: "first", regressions: 0, warnings: 0 } : { verdict: c.verdict, regressions: c.regressions, warnings: c.warnings };
    },
    graph: () => graph(0),
    fnPage,
    run: (id) => runs[index.get(id) ?? -1],
    keyOf,
  };
}
