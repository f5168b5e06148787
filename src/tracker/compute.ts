/**
 * Pure derivation of percents from a progress document.
 *
 * Invariants: a leaf's percent is its stored percent; a header's percent is the weighted mean of its leaf
 * descendants (leaf weight defaults to 1); a phase's percent is the weighted mean of its leaf tasks (0 when it has
 * none); the overall percent is the unweighted mean of the phases (0 when there are none). Values are not rounded
 * here; display code rounds with `roundPercent`.
 */
import type { Metric, Progress, Task } from "./schema.js";

/** A task with its derived percent, in display (pre-) order. */
export interface TaskSummary {
  readonly id: string;
  readonly title: string;
  readonly percent: number;
  /** 0 for a phase's top-level tasks, 1 for their children, ... */
  readonly depth: number;
  readonly header: boolean;
  readonly parent?: string;
  readonly weight: number;
  readonly metric?: Metric;
  readonly notes?: string;
}

/** A phase with its derived percent and its tasks flattened in pre-order. */
export interface PhaseSummary {
  readonly name: string;
  readonly issue?: number;
  readonly percent: number;
  readonly tasks: readonly TaskSummary[];
}

/** Everything a view needs: version, overall, phases and tasks with derived percents. */
export interface ProgressSummary {
  readonly version: string;
  readonly title?: string;
  readonly updated?: string;
  readonly overall: number;
  readonly phases: readonly PhaseSummary[];
}

interface Acc {
  sum: number;
  weight: number;
}

/** True when the task is a header (has at least one child). */
export function isHeader(task: Task): boolean {
  return task.children !== undefined && task.children.length > 0;
}

function leafAcc(task: Task): Acc {
  if (!isHeader(task)) {
    const w = task.weight ?? 1;
    return { sum: w * (task.percent ?? 0), weight: w };
  }
  return sumAcc(task.children ?? []);
}

function sumAcc(tasks: readonly Task[]): Acc {
  const acc = { sum: 0, weight: 0 };
  for (const t of tasks) {
    const a = leafAcc(t);
    acc.sum += a.sum;
    acc.weight += a.weight;
  }
  return acc;
}

function mean(acc: Acc): number {
  return acc.weight === 0 ? 0 : acc.sum / acc.weight;
}

/** The derived percent of one task (stored percent for a leaf, weighted mean of its leaves for a header). */
export function taskPercent(task: Task): number {
  return mean(leafAcc(task));
}

/** The weighted mean of a phase's leaf tasks. */
export function phasePercent(tasks: readonly Task[]): number {
  return mean(sumAcc(tasks));
}

/** The mean of the phases' percents. */
export function overallPercent(progress: Progress): number {
  if (progress.phases.length === 0) return 0;
  const total = progress.phases.reduce((s, p) => s + phasePercent(p.tasks), 0);
  return total / progress.phases.length;
}

function flatten(tasks: readonly Task[], depth: number, parent: string | undefined, out: TaskSummary[]): TaskSummary[] {
  for (const t of tasks) {
    out.push({
      id: t.id,
      title: t.title,
      percent: taskPercent(t),
      depth,
      header: isHeader(t),
      weight: t.weight ?? 1,
      ...(parent === undefined ? {} : { parent }),
      ...(t.metric === undefined ? {} : { metric: t.metric }),
      ...(t.notes === undefined ? {} : { notes: t.notes }),
    });
    flatten(t.children ?? [], depth + 1, t.id, out);
  }
  return out;
}

/** Derives every percent of a progress document. */
export function summarize(progress: Progress): ProgressSummary {
  const phases = progress.phases.map((p) => ({
    name: p.name,
    ...(p.issue === undefined ? {} : { issue: p.issue }),
    percent: phasePercent(p.tasks),
    tasks: flatten(p.tasks, 0, undefined, []),
  }));
  return {
    version: progress.version,
    ...(progress.title === undefined ? {} : { title: progress.title }),
    ...(progress.updated === undefined ? {} : { updated: progress.updated }),
    overall: overallPercent(progress),
    phases,
  };
}

/** Every task of the document, depth first, with the index of its phase. */
export function allTasks(progress: Progress): { task: Task; phase: number }[] {
  const out: { task: Task; phase: number }[] = [];
  const walk = (tasks: readonly Task[], phase: number): void => {
    for (const task of tasks) {
      out.push({ task, phase });
      walk(task.children ?? [], phase);
    }
  };
  progress.phases.forEach((p, i) => walk(p.tasks, i));
  return out;
}

/** Rounds to one decimal, the precision every view shows (91.666... -> 91.7). */
export function roundPercent(value: number): number {
  return Math.round(value * 10) / 10;
}

/** `91.7%`, `100%`, `0%`: one decimal, without a trailing `.0`. */
export function formatPercent(value: number): string {
  return `${roundPercent(value)}%`;
}
