/**
 * Reading and writing the text of progress.json. Pure: no file system, so the site can validate the same way.
 */
import type { ZodIssue } from "zod";
import { ProgressFileError } from "./errors.js";
import { ProgressSchema, formatPath, type Progress, type Task } from "./schema.js";

/**
 * Parses and validates the text of a progress file.
 * @param file the name used in messages, e.g. `progress.json` or `history/20250101_120000.json`
 * @throws ProgressFileError naming the JSON path of every problem
 */
export function parseProgress(text: string, file: string): Progress {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ProgressFileError(file, [`not valid JSON (${e instanceof Error ? e.message : String(e)})`], { cause: e });
  }
  return validateProgress(data, file);
}

/** Validates already-parsed data (an API body, a content collection entry). @throws ProgressFileError */
export function validateProgress(data: unknown, file: string): Progress {
  const result = ProgressSchema.safeParse(data);
  if (!result.success) throw new ProgressFileError(file, result.error.issues.map(formatIssue));
  return result.data;
}

/** `phases[1].tasks[2].percent: must be 0-100` */
export function formatIssue(issue: ZodIssue): string {
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/**
 * The canonical text of a progress file: two-space JSON with a final newline; header tasks lose any stored percent
 * (it derives from their leaves), empty `children` arrays are dropped.
 */
export function serializeProgress(progress: Progress): string {
  const phases = progress.phases.map((phase) => ({ ...phase, tasks: phase.tasks.map(normalizeTask) }));
  return `${JSON.stringify({ ...progress, phases }, null, 2)}\n`;
}

function normalizeTask(task: Task): Task {
  const { id, title, children, percent, ...rest } = task;
  if (children === undefined || children.length === 0) return { id, title, percent: percent ?? 0, ...rest };
  return { id, title, ...rest, children: children.map(normalizeTask) };
}
