/**
 * `aurora progress check`: compares progress.json with the last snapshot. Pure.
 *
 * Rule: a leaf task whose percent went down fails the check unless it is excused, that is, progress.json's
 * `changes` since the snapshot hold an entry for the task with a `reason`, and no later entry lowered it without one.
 * (`aurora progress update T02f=40 --reason "..."` records one; giving the current value with a reason explains a
 * hand edit or an earlier update made without a reason.) Headers that went down, added and removed tasks are reported, not failed.
 */
import { allTasks, formatPercent, isHeader, taskPercent } from "./compute.js";
import type { Change, Progress } from "./schema.js";

/** One difference between the snapshot and the current document. */
export type TaskDiff =
  | { readonly kind: "up"; readonly id: string; readonly title: string; readonly from: number; readonly to: number }
  | { readonly kind: "down"; readonly id: string; readonly title: string; readonly from: number; readonly to: number; readonly header: boolean; readonly reasons: readonly string[]; readonly excused: boolean }
  | { readonly kind: "added"; readonly id: string; readonly title: string; readonly to: number }
  | { readonly kind: "removed"; readonly id: string; readonly title: string; readonly from: number };

/** What `check` found: every difference, and the decreases that fail the check. */
export interface CheckReport {
  readonly snapshot: string;
  readonly diffs: readonly TaskDiff[];
  readonly failures: readonly TaskDiff[];
  readonly ok: boolean;
}

const EPSILON = 1e-9;

interface Entry {
  readonly title: string;
  readonly percent: number;
  readonly header: boolean;
}

function index(progress: Progress): Map<string, Entry> {
  return new Map(allTasks(progress).map(({ task }) => [task.id, { title: task.title, percent: taskPercent(task), header: isHeader(task) }]));
}

/**
 * The reasons recorded for a task since `since`; excused when there is one and no later change lowered the task
 * without a reason (a reason explains the task's state at that point, so it covers earlier silent edits).
 */
function excuse(changes: readonly Change[], id: string, since: Date | undefined): { reasons: string[]; excused: boolean } {
  const mine = changes.filter((c) => c.task === id && (since === undefined || Date.parse(c.at) >= since.getTime()));
  const reasons = mine.flatMap((c) => (c.reason === undefined ? [] : [c.reason]));
  const lastReasoned = mine.findLastIndex((c) => c.reason !== undefined);
  const silentDropAfter = mine.slice(lastReasoned + 1).some((c) => c.to < c.from);
  return { reasons, excused: lastReasoned >= 0 && !silentDropAfter };
}

function diffTask(id: string, before: Entry | undefined, after: Entry | undefined, changes: readonly Change[], since: Date | undefined): TaskDiff | undefined {
  if (before === undefined && after !== undefined) return { kind: "added", id, title: after.title, to: after.percent };
  if (before !== undefined && after === undefined) return { kind: "removed", id, title: before.title, from: before.percent };
  if (before === undefined || after === undefined) return undefined;
  if (after.percent > before.percent + EPSILON) return { kind: "up", id, title: after.title, from: before.percent, to: after.percent };
  if (after.percent >= before.percent - EPSILON) return undefined;
  const { reasons, excused } = after.header ? { reasons: [], excused: true } : excuse(changes, id, since);
  return { kind: "down", id, title: after.title, from: before.percent, to: after.percent, header: after.header, reasons, excused };
}

/**
 * Compares the current document with a snapshot.
 * @param snapshotName shown in the report
 * @param since the snapshot's time: only `changes` at or after it count as reasons
 */
export function checkProgress(snapshot: Progress, current: Progress, snapshotName: string, since?: Date): CheckReport {
  const before = index(snapshot);
  const after = index(current);
  const ids = [...new Set([...after.keys(), ...before.keys()])];
  const diffs = ids.flatMap((id) => diffTask(id, before.get(id), after.get(id), current.changes ?? [], since) ?? []);
  const failures = diffs.filter((d) => d.kind === "down" && !d.excused);
  return { snapshot: snapshotName, diffs, failures, ok: failures.length === 0 };
}

function describe(d: TaskDiff): string {
  switch (d.kind) {
    case "up":
      return `  ${d.id.padEnd(6)} ${formatPercent(d.from)} -> ${formatPercent(d.to)}  up`;
    case "added":
      return `  ${d.id.padEnd(6)} new at ${formatPercent(d.to)}`;
    case "removed":
      return `  ${d.id.padEnd(6)} removed (was ${formatPercent(d.from)})`;
    case "down": {
      const why = d.header ? "derived from its children" : d.excused ? `reason: ${d.reasons.map((r) => JSON.stringify(r)).join("; ")}` : "NO RECORDED REASON";
      return `  ${d.id.padEnd(6)} ${formatPercent(d.from)} -> ${formatPercent(d.to)}  down, ${why}`;
    }
  }
}

/** The text `check` prints: the differences, then the verdict with how to fix a failure. */
export function renderCheckReport(report: CheckReport): string {
  const out = [`progress check against snapshot ${report.snapshot}:`];
  out.push(...(report.diffs.length === 0 ? ["  no differences"] : report.diffs.map(describe)));
  if (report.ok) return [...out, "OK: no task went down without a recorded reason"].join("\n");
  const first = report.failures[0];
  const hint = first?.kind === "down" ? ` Record why, e.g. aurora progress update ${first.id}=${Math.round(first.to * 10) / 10} --reason "..."` : "";
  return [...out, `FAIL: ${report.failures.length} task(s) went down without a recorded reason.${hint}`].join("\n");
}
