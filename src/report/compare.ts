/**
 * Comparing two runs: per-function regression rules, the solve rate's exact McNemar test, environment differences
 * and graph structure changes. Pure: runs in, a `Comparison` out.
 */
import { findAck, type AckContext, type AckEntry } from "./ack.js";
import type { Comparison, EnvDifference, Finding, FnRow, FnValues, RowChange, RunRef, Verdict } from "./findings.js";
import { graphChanges, graphInputs, relationGraph } from "./graph.js";
import { mcnemarExact } from "./mcnemar.js";
import { overStep, stepLevel, type CompareRules } from "./rules.js";
import type { RunMeta, RunScores, SpecScore } from "./schema.js";

/** A run to compare: its records and how the user named it. */
export interface RunInput {
  readonly scores: RunScores;
  readonly meta: RunMeta;
  readonly label: string;
}

/** Everything `compareRuns` needs besides the two runs. */
export interface CompareOptions {
  readonly rules: CompareRules;
  readonly acks?: readonly AckEntry[];
  /** Compare the relationship graphs too (the costliest part on large runs). @default true */
  readonly graph?: boolean;
}

type Level = "fail" | "warn";
type RawFinding = Omit<Finding, "key" | "name" | "acknowledged">;

/** A function's comparison key: its name, or `file:name` when the name is not unique in either run. */
export function keyFunction(...runs: readonly RunScores[]): (s: SpecScore) => string {
  const dup = new Set<string>();
  for (const run of runs) {
    const seen = new Set<string>();
    for (const s of run.specs) (seen.has(s.name) ? dup : seen).add(s.name);
  }
  return (s) => (dup.has(s.name) ? `${s.file}:${s.name}` : s.name);
}

/** The values of a spec the comparison looks at. */
export function fnValues(s: SpecScore): FnValues {
  return { status: s.status, score: s.score, time_ms: s.time_ms, size: s.size, program: s.program };
}

/** `12 ms`, `1.5 s`. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** `+150%` (relative change; `new` when the base is 0). */
export function formatDelta(base: number, head: number): string {
  if (base === 0) return head === 0 ? "0%" : "new";
  const pct = Math.round(((head - base) / base) * 100);
  return `${pct > 0 ? "+" : ""}${pct}%`;
}

function lost(b: FnValues, h: FnValues, rules: CompareRules): RawFinding[] {
  if (rules.solved_lost === "off" || b.status !== "solved" || h.status === "solved") return [];
  return [{ kind: "solved-lost", level: rules.solved_lost, base: b.status, head: h.status, detail: `was solved, now ${h.status}` }];
}

function ambiguous(b: FnValues, h: FnValues, rules: CompareRules): RawFinding[] {
  if (rules.ambiguous_new === "off" || b.status === "ambiguous" || h.status !== "ambiguous") return [];
  return [{ kind: "ambiguous-new", level: rules.ambiguous_new, base: b.status, head: h.status, detail: "became ambiguous" }];
}

function scoreDown(b: FnValues, h: FnValues, rules: CompareRules): RawFinding[] {
  const drop = b.score - h.score;
  const level: Level | undefined = drop >= rules.score.fail ? "fail" : drop >= rules.score.warn ? "warn" : undefined;
  if (level === undefined) return [];
  return [{ kind: "score-down", level, base: b.score.toFixed(3), head: h.score.toFixed(3), detail: `score ${b.score.toFixed(3)} → ${h.score.toFixed(3)}` }];
}

function sizeUp(b: FnValues, h: FnValues, rules: CompareRules): RawFinding[] {
  if (b.size === 0 || h.size === 0) return [];
  const level = stepLevel(b.size, h.size, rules.size);
  if (level === undefined) return [];
  return [{ kind: "size-up", level, base: String(b.size), head: String(h.size), detail: `program grew ${b.size} → ${h.size} nodes (${formatDelta(b.size, h.size)})` }];
}

function timeUp(b: FnValues, h: FnValues, rules: CompareRules, comparable: boolean): RawFinding[] {
  const level = stepLevel(b.time_ms, h.time_ms, rules.time);
  if (level === undefined) return [];
  const capped: Level = comparable ? level : "warn";
  const note = comparable || level === "warn" ? "" : " (different machines: warning only)";
  return [{ kind: "time-up", level: capped, base: formatMs(b.time_ms), head: formatMs(h.time_ms), detail: `time ${formatMs(b.time_ms)} → ${formatMs(h.time_ms)} (${formatDelta(b.time_ms, h.time_ms)})${note}` }];
}

/** The regressions of one function present in both runs, by rule. */
export function functionFindings(b: FnValues, h: FnValues, rules: CompareRules, comparable: boolean): RawFinding[] {
  return [...lost(b, h, rules), ...ambiguous(b, h, rules), ...scoreDown(b, h, rules), ...sizeUp(b, h, rules), ...timeUp(b, h, rules, comparable)];
}

/** What got better for one function (the rules' warn steps, reversed). */
export function improvements(b: FnValues, h: FnValues, rules: CompareRules): string[] {
  const out: string[] = [];
  if (b.status !== "solved" && h.status === "solved") out.push("now solved");
  if (b.status === "ambiguous" && h.status !== "ambiguous" && h.status !== "error") out.push("no longer ambiguous");
  if (h.score - b.score >= rules.score.warn && !(b.status !== "solved" && h.status === "solved")) out.push(`score ${b.score.toFixed(3)} → ${h.score.toFixed(3)}`);
  if (b.size > 0 && h.size > 0 && overStep(h.size, b.size, rules.size.warn)) out.push(`program ${b.size} → ${h.size} nodes`);
  if (overStep(h.time_ms, b.time_ms, rules.time.warn)) out.push(`time ${formatMs(b.time_ms)} → ${formatMs(h.time_ms)} (${formatDelta(b.time_ms, h.time_ms)})`);
  return out;
}

const ENV_FIELDS = ["engine_version", "node", "os", "cpu", "cpus", "fingerprint"] as const;
const MACHINE_FIELDS = new Set<string>(["cpu", "cpus", "os"]);

/** Fingerprint fields that differ (options included); time is only comparable on the same machine. */
export function environmentDiff(base: RunMeta, head: RunMeta): { comparable: boolean; differences: EnvDifference[] } {
  const differences: EnvDifference[] = ENV_FIELDS.filter((f) => base[f] !== head[f]).map((f) => ({ field: f, base: String(base[f]), head: String(head[f]) }));
  const bo = JSON.stringify(base.options);
  const ho = JSON.stringify(head.options);
  if (bo !== ho) differences.push({ field: "options", base: bo, head: ho });
  return { comparable: !differences.some((d) => MACHINE_FIELDS.has(d.field)), differences };
}

function runRef(run: RunInput): RunRef {
  const solved = run.scores.specs.filter((s) => s.status === "solved").length;
  const { run_id: id, commit, branch, created } = run.meta;
  return { id, label: run.label, commit, branch, created, solved, total: run.scores.specs.length };
}

interface AckState {
  readonly acks: readonly AckEntry[];
  readonly ctx: AckContext;
  readonly used: Set<AckEntry>;
}

function settle(key: string, name: string, raw: RawFinding, acks: AckState): Finding {
  const entry = raw.kind === "solve-rate" ? undefined : findAck(acks.acks, { key, name }, raw.kind, acks.ctx);
  if (entry === undefined) return { key, name, ...raw };
  acks.used.add(entry);
  return { key, name, ...raw, acknowledged: entry.reason };
}

function rowChange(b: FnValues | undefined, h: FnValues | undefined, findings: readonly Finding[], better: readonly string[]): RowChange {
  if (b === undefined) return "added";
  if (h === undefined) return "removed";
  if (findings.length > 0) return "regressed";
  return better.length > 0 ? "improved" : "unchanged";
}

function missingFinding(rules: CompareRules, b: FnValues): RawFinding[] {
  if (rules.missing === "off") return [];
  return [{ kind: "missing", level: rules.missing, base: b.status, head: "absent", detail: "not in the head run" }];
}

function compareRows(base: RunInput, head: RunInput, opts: CompareOptions, comparable: boolean, acks: AckState): FnRow[] {
  const keyOf = keyFunction(base.scores, head.scores);
  const baseBy = new Map(base.scores.specs.map((s) => [keyOf(s), s]));
  const headBy = new Map(head.scores.specs.map((s) => [keyOf(s), s]));
  const keys = [...new Set([...baseBy.keys(), ...headBy.keys()])].sort();
  return keys.map((key) => {
    const bs = baseBy.get(key);
    const hs = headBy.get(key);
    const spec = (hs ?? bs)!;
    const b = bs && fnValues(bs);
    const h = hs && fnValues(hs);
    const raw = b && h ? functionFindings(b, h, opts.rules, comparable) : b ? missingFinding(opts.rules, b) : [];
    const findings = raw.map((r) => settle(key, spec.name, r, acks));
    const better = b && h ? improvements(b, h, opts.rules) : [];
    const row: FnRow = { key, name: spec.name, file: spec.file, change: rowChange(b, h, findings, better), findings, improvements: better };
    return { ...row, ...(b ? { base: b } : {}), ...(h ? { head: h } : {}) };
  });
}

function solveRateFinding(rows: readonly FnRow[], rules: CompareRules): { finding?: RawFinding; result: Comparison["solveRate"] } {
  const paired = rows.filter((r) => r.base && r.head);
  const lostRows = paired.filter((r) => r.base!.status === "solved" && r.head!.status !== "solved");
  const gained = paired.filter((r) => r.base!.status !== "solved" && r.head!.status === "solved").length;
  const mcnemar = mcnemarExact(lostRows.length, gained);
  const worse = mcnemar.lost > mcnemar.gained;
  const level: Level | null = worse && mcnemar.p < rules.solve_rate.fail_p ? "fail" : worse && mcnemar.p < rules.solve_rate.warn_p ? "warn" : null;
  if (level === null) return { result: { mcnemar, level } };
  const allAcked = lostRows.every((r) => r.findings.some((f) => f.kind === "solved-lost" && f.acknowledged !== undefined));
  const detail = `solve rate fell: ${mcnemar.lost} lost, ${mcnemar.gained} gained (McNemar exact p = ${formatP(mcnemar.p)})`;
  const finding: RawFinding = { kind: "solve-rate", level, base: `${paired.length - gained}`, head: `${paired.length - mcnemar.lost}`, detail };
  return { finding: allAcked ? { ...finding, detail: `${detail}; every loss is acknowledged` } : finding, result: { mcnemar, level: allAcked ? null : level } };
}

/** A p-value for people: `0.031`, `< 0.001`. */
export function formatP(p: number): string {
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

function verdictOf(findings: readonly Finding[]): Verdict {
  const live = findings.filter((f) => f.acknowledged === undefined);
  if (live.some((f) => f.level === "fail")) return "fail";
  return live.length > 0 ? "warn" : "pass";
}

/** Counts the badge's regressions: functions with a live fail finding, plus the solve rate when it fails. */
function countRegressions(findings: readonly Finding[]): number {
  return new Set(findings.filter((f) => f.level === "fail" && f.acknowledged === undefined).map((f) => f.key)).size;
}

/** Compares the head run with the base run under the rules and acknowledgements. */
export function compareRuns(base: RunInput, head: RunInput, opts: CompareOptions): Comparison {
  const environment = environmentDiff(base.meta, head.meta);
  const acks: AckState = { acks: opts.acks ?? [], ctx: { commit: head.meta.commit, at: head.meta.created }, used: new Set() };
  const rows = compareRows(base, head, opts, environment.comparable, acks);
  const rate = solveRateFinding(rows, opts.rules);
  const rateFinding: Finding[] = rate.finding ? [{ key: "*", name: "solve rate", ...rate.finding, ...(rate.result.level === null ? { acknowledged: "every lost function is acknowledged" } : {}) }] : [];
  const findings = [...rateFinding, ...rows.flatMap((r) => r.findings)];
  const keyOf = keyFunction(base.scores, head.scores);
  const graph = opts.graph === false ? { appeared: [], vanished: [] } : graphChanges(relationGraph(graphInputs(base.scores.specs, keyOf)), relationGraph(graphInputs(head.scores.specs, keyOf)));
  return {
    format: "aurora-compare/1",
    base: runRef(base),
    head: runRef(head),
    verdict: verdictOf(findings),
    regressions: countRegressions(findings),
    warnings: findings.filter((f) => f.level === "warn" && f.acknowledged === undefined).length,
    acknowledged: findings.filter((f) => f.acknowledged !== undefined).length,
    solveRate: rate.result,
    environment,
    findings,
    rows,
    graph,
    unusedAcks: (opts.acks ?? []).filter((a) => !acks.used.has(a)).map((a) => `${a.function} (${a.kind})`),
  };
}
