/**
 * Task updates as the CLI and the API express them: `T02f=75`, `T02f=+10`, `T02f=-5`, `T02f=auto`.
 * Pure: metric values are read beforehand (metric.ts) and passed in.
 */
import { allTasks, isHeader, roundPercent, taskPercent } from "./compute.js";
import { TaskUpdateError } from "./errors.js";
import type { Change, Progress, Task } from "./schema.js";

/** What an assignment does to a task's percent. */
export type UpdateOp = { readonly kind: "set"; readonly value: number } | { readonly kind: "add"; readonly delta: number } | { readonly kind: "auto" };

/** One parsed `ID=VALUE`. */
export interface Assignment {
  readonly id: string;
  readonly op: UpdateOp;
  /** The text as the user wrote it, for messages. */
  readonly text: string;
}

/** Loose on purpose: a near-miss such as `t02f` reaches the lookup, which suggests the right id. */
const LOOSE_ID = /^[A-Za-z0-9_.-]+$/;

const SYNTAX_HELP = "expected ID=VALUE, e.g. T02f=75, T02f=+10, T02f=-5 or T02f=auto";

/** Parses `ID=VALUE`. @throws TaskUpdateError on bad syntax or out-of-range values */
export function parseAssignment(text: string): Assignment {
  const eq = text.indexOf("=");
  if (eq < 0) throw new TaskUpdateError(`bad update "${text}": ${SYNTAX_HELP}`);
  const id = text.slice(0, eq).trim();
  if (!LOOSE_ID.test(id)) throw new TaskUpdateError(`bad update "${text}": "${id}" is not a task id (ids look like T01 or T02f)`);
  return { id, op: parseValue(text.slice(eq + 1).trim(), text), text };
}

/** Parses the value side: `auto`, `0`..`100`, `+N` or `-N` (an optional trailing `%` is allowed). */
export function parseValue(raw: string, text: string): UpdateOp {
  if (raw.toLowerCase() === "auto") return { kind: "auto" };
  const m = /^([+-]?)(\d+(?:\.\d+)?)%?$/.exec(raw);
  if (m === null) throw new TaskUpdateError(`bad update "${text}": "${raw}" is not a percent; ${SYNTAX_HELP}`);
  const n = Number(m[2]);
  if (m[1] === "") {
    if (n > 100) throw new TaskUpdateError(`bad update "${text}": percent must be 0-100`);
    return { kind: "set", value: n };
  }
  if (n > 100) throw new TaskUpdateError(`bad update "${text}": a step must be between -100 and +100`);
  return { kind: "add", delta: m[1] === "-" ? -n : n };
}

/** Parses several assignments, refusing the same task twice in one command. */
export function parseAssignments(texts: readonly string[]): Assignment[] {
  if (texts.length === 0) throw new TaskUpdateError(`nothing to update: ${SYNTAX_HELP}`);
  const out = texts.map(parseAssignment);
  const seen = new Set<string>();
  for (const a of out) {
    if (seen.has(a.id)) throw new TaskUpdateError(`${a.id} is updated twice in one command; give it once`);
    seen.add(a.id);
  }
  return out;
}

/** How an update is recorded in progress.json's `changes`. */
export interface UpdateContext {
  readonly at: string;
  readonly source: NonNullable<Change["source"]>;
  readonly reason?: string | undefined;
  /** Percents read from linked metrics, by task id (for `auto` on leaf tasks). */
  readonly metricValues?: ReadonlyMap<string, number>;
}

/** The outcome of applying assignments: the new document, what changed, and notes for the user. */
export interface UpdateResult {
  readonly progress: Progress;
  readonly changes: readonly Change[];
  readonly notes: readonly string[];
}

/**
 * Applies assignments to a copy of `progress` and appends one `changes` entry per task whose percent moved (or,
 * when a reason is given, per task named, so a reason can be recorded for a hand edit).
 * @throws TaskUpdateError for unknown ids, headers given a number, or `auto` without children or metric
 */
export function applyAssignments(progress: Progress, assignments: readonly Assignment[], ctx: UpdateContext): UpdateResult {
  const next = structuredClone(progress);
  const index = new Map(allTasks(next).map(({ task }) => [task.id, task]));
  const changes: Change[] = [];
  const notes: string[] = [];
  for (const a of assignments) {
    const task = index.get(a.id);
    if (task === undefined) throw new TaskUpdateError(unknownTaskMessage(a.id, [...index.keys()]));
    const change = applyOne(task, a, ctx, notes);
    if (change !== undefined) changes.push(change);
  }
  if (changes.length > 0) next.changes = [...(next.changes ?? []), ...changes];
  return { progress: next, changes, notes };
}

function applyOne(task: Task, a: Assignment, ctx: UpdateContext, notes: string[]): Change | undefined {
  if (isHeader(task)) {
    if (a.op.kind !== "auto") throw new TaskUpdateError(headerMessage(task, a));
    notes.push(`${task.id} is a header: its percent derives from its children (${roundPercent(taskPercent(task))}%)`);
    return undefined;
  }
  const from = task.percent ?? 0;
  const to = targetPercent(task, a, ctx, notes);
  if (to === from && ctx.reason === undefined) return undefined;
  task.percent = to;
  return { at: ctx.at, task: task.id, from, to, ...(ctx.reason === undefined ? {} : { reason: ctx.reason }), source: ctx.source };
}

function targetPercent(task: Task, a: Assignment, ctx: UpdateContext, notes: string[]): number {
  const from = task.percent ?? 0;
  switch (a.op.kind) {
    case "set":
      return a.op.value;
    case "add": {
      const raw = roundPercent(from + a.op.delta);
      const clamped = Math.min(100, Math.max(0, raw));
      if (clamped !== raw) notes.push(`${a.text}: ${from}% ${a.op.delta >= 0 ? "+" : "-"} ${Math.abs(a.op.delta)} clamped to ${clamped}%`);
      return clamped;
    }
    case "auto":
      return autoPercent(task, a, ctx);
  }
}

function autoPercent(task: Task, a: Assignment, ctx: UpdateContext): number {
  if (task.metric === undefined) {
    throw new TaskUpdateError(`${a.text}: ${task.id} has no children and no linked metric, so there is nothing to compute it from; give a number`);
  }
  const value = ctx.metricValues?.get(task.id);
  if (value === undefined) throw new TaskUpdateError(`${a.text}: the metric of ${task.id} could not be read`);
  return roundPercent(value);
}

function headerMessage(task: Task, a: Assignment): string {
  const kids = (task.children ?? []).map((c) => c.id).join(", ");
  return `${a.text}: ${task.id} is a header; its percent derives from its children (${kids}). Update those, or use ${task.id}=auto`;
}

/** `unknown task T99 (did you mean T09?)` or with the list of known ids when there is no close one. */
export function unknownTaskMessage(id: string, known: readonly string[]): string {
  const close = known.filter((k) => k.toLowerCase() === id.toLowerCase() || k.startsWith(id) || id.startsWith(k));
  if (close.length > 0) return `unknown task ${id} (did you mean ${close.slice(0, 3).join(", ")}?)`;
  if (known.length === 0) return `unknown task ${id}: progress.json has no tasks yet`;
  const shown = known.slice(0, 12).join(", ");
  return `unknown task ${id}; known ids: ${shown}${known.length > 12 ? ", ..." : ""}`;
}

/** Assignments that recompute every metric-linked leaf (`aurora progress auto`). */
export function metricAssignments(progress: Progress): Assignment[] {
  return allTasks(progress)
    .filter(({ task }) => !isHeader(task) && task.metric !== undefined)
    .map(({ task }) => ({ id: task.id, op: { kind: "auto" }, text: `${task.id}=auto` }));
}
