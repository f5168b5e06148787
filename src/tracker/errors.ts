/**
 * The tracker's errors. Each has a literal `name` and a message that says what is wrong and where, so the CLI and
 * the server can show it as is (CLI: exit code 2; server: HTTP 400/404/409).
 */

/** progress.json (or a snapshot) is not valid JSON or breaks the schema; `issues` name the JSON paths. */
export class ProgressFileError extends Error {
  override readonly name = "ProgressFileError";
  constructor(
    readonly file: string,
    readonly issues: readonly string[],
    options?: ErrorOptions,
  ) {
    super(issues.map((i) => `${file}: ${i}`).join("\n"), options);
  }
}

/** A task update the user asked for cannot be applied (bad syntax, unknown id, out of range, header, no metric). */
export class TaskUpdateError extends Error {
  override readonly name = "TaskUpdateError";
}

/** A snapshot name that does not exist or is not a snapshot name at all. */
export class SnapshotError extends Error {
  override readonly name = "SnapshotError";
}

/** The tracker files are missing (no progress.json yet) or already there when `init` would overwrite them. */
export class TrackerStateError extends Error {
  override readonly name = "TrackerStateError";
}

/** True for the errors a user can fix by changing their input or files (as opposed to internal failures). */
export function isTrackerUserError(e: unknown): e is ProgressFileError | TaskUpdateError | SnapshotError | TrackerStateError {
  return e instanceof ProgressFileError || e instanceof TaskUpdateError || e instanceof SnapshotError || e instanceof TrackerStateError;
}
