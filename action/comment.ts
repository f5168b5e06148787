/**
 * The one sticky PR comment: found again by its hidden marker (every page of comments read), updated in place,
 * created only when `comment-mode` says so. A read-only token (403) is not a failure: the summary and the
 * results artifact carry the same text.
 */
import * as core from "@actions/core";
import { createComment, findComment, statusOf, updateComment, type Api } from "./api.js";
import type { CommentMode } from "./config.js";
import type { RepoRef } from "./context.js";
import { messageOf } from "./errors.js";

/** What the comparison says, for the comment decision. */
export interface CommentSignal {
  readonly verdict: "pass" | "warn" | "fail" | "none";
  /** Some function changed (regressed, improved, added or removed). */
  readonly changed: boolean;
}

/** Whether to create, update or leave the comment. An existing comment is kept current unless `off`. */
export function decideComment(mode: CommentMode, existing: boolean, signal: CommentSignal): "create" | "update" | "skip" {
  if (mode === "off") return "skip";
  if (existing) return "update";
  switch (mode) {
    case "always":
      return "create";
    case "on-change":
      return signal.verdict !== "none" && (signal.changed || signal.verdict !== "pass") ? "create" : "skip";
    case "on-regression":
      return signal.verdict === "fail" ? "create" : "skip";
  }
}

/** What happened to the comment. */
export type CommentOutcome =
  | { readonly kind: "created" | "updated"; readonly url: string }
  | { readonly kind: "skipped"; readonly reason: string }
  | { readonly kind: "forbidden" | "failed"; readonly reason: string };

/** Where the comment goes. */
export interface CommentTarget {
  readonly api: Api;
  readonly repo: RepoRef;
  readonly issue: number;
  readonly marker: string;
}

/** Finds, then creates or updates the marked comment. Never throws: 403/404 is `forbidden`, anything else `failed`. */
export async function upsertComment(t: CommentTarget, mode: CommentMode, signal: CommentSignal, body: string): Promise<CommentOutcome> {
  if (mode === "off") return { kind: "skipped", reason: "comment-mode is off" };
  try {
    const existing = await findComment(t.api, t.repo, t.issue, t.marker);
    const action = decideComment(mode, existing !== undefined, signal);
    if (action === "skip") return { kind: "skipped", reason: `comment-mode ${mode}: nothing worth a new comment` };
    const ref = existing && action === "update" ? await updateComment(t.api, t.repo, existing.id, body) : await createComment(t.api, t.repo, t.issue, body);
    return { kind: action === "update" ? "updated" : "created", url: ref.url };
  } catch (e) {
    const status = statusOf(e);
    if (status === 403 || status === 404) return { kind: "forbidden", reason: `the token may not comment on pull request #${t.issue} (HTTP ${status}: ${messageOf(e)})` };
    return { kind: "failed", reason: `could not comment on pull request #${t.issue}: ${messageOf(e)}` };
  }
}

/** Logs the outcome; returns a note for the summary when the comment could not be posted. */
export function reportComment(outcome: CommentOutcome): string | undefined {
  switch (outcome.kind) {
    case "created":
    case "updated":
      core.info(`aurora: ${outcome.kind} the pull request comment ${outcome.url}`);
      return undefined;
    case "skipped":
      core.info(`aurora: no comment (${outcome.reason})`);
      return undefined;
    case "forbidden":
      core.warning(`${outcome.reason}. The results are in the job summary and the results artifact (comment.md). For pull requests from forks use the two-workflow pattern (mode: comment in a workflow_run workflow; see docs/action.md).`);
      return `The comment was not posted: ${outcome.reason}. Its text is this summary and comment.md in the results artifact.`;
    case "failed":
      core.warning(outcome.reason);
      return `The comment was not posted: ${outcome.reason}.`;
  }
}
