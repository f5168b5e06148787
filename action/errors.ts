/** The Action's errors: each says what to change in the workflow. They reach the user once, through core.setFailed. */

/** An input or a runner variable that cannot be used (names the input and the accepted values). */
export class ActionInputError extends Error {
  override readonly name = "ActionInputError";
}

/** Data from an artifact (another run, possibly a fork) that failed validation: it is never used. */
export class UntrustedDataError extends Error {
  override readonly name = "UntrustedDataError";
}

/** The shard artifacts a merge needs are missing or inconsistent. */
export class ShardMergeError extends Error {
  override readonly name = "ShardMergeError";
}

/** The message of anything thrown, one line. */
export function messageOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";
}
