/**
 * The GitHub REST calls the Action makes (through @actions/github's Octokit): the current run's workflow, the base
 * branch's successful push runs, a pull request, and the issue comments of a pull request.
 */
import * as github from "@actions/github";
import type { RepoRef } from "./context.js";

/** The Octokit client of the Action. */
export type Api = ReturnType<typeof github.getOctokit>;

/** A client for `apiUrl` with `token` (no retries: a failed call is a warning, not a minute of back-off). */
export function createApi(token: string, apiUrl: string): Api {
  return github.getOctokit(token, { baseUrl: apiUrl });
}

/** The HTTP status of an Octokit error, if it has one. */
export function statusOf(e: unknown): number | undefined {
  const status = (e as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/** The workflow id of a run (the baseline is looked up among that workflow's runs). */
export async function workflowIdOf(api: Api, repo: RepoRef, runId: number): Promise<number> {
  const { data } = await api.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
  return data.workflow_id;
}

/** A finished workflow run as the baseline lookup uses it. */
export interface RunSummary {
  readonly id: number;
  readonly runNumber: number;
  readonly headSha: string;
  readonly headBranch: string | null;
  readonly url: string;
}

/** The workflow's latest successful `push` runs on `branch`, newest first (at most `limit`). */
export async function successfulPushRuns(api: Api, repo: RepoRef, workflowId: number, branch: string, limit = 10): Promise<RunSummary[]> {
  const { data } = await api.rest.actions.listWorkflowRuns({ ...repo, workflow_id: workflowId, branch, event: "push", status: "success", per_page: limit });
  return data.workflow_runs.map((r) => ({ id: r.id, runNumber: r.run_number, headSha: r.head_sha, headBranch: r.head_branch ?? null, url: r.html_url }));
}

/** A pull request's head commit and base branch. */
export async function pullRequest(api: Api, repo: RepoRef, number: number): Promise<{ headSha: string; baseRef: string }> {
  const { data } = await api.rest.pulls.get({ ...repo, pull_number: number });
  return { headSha: data.head.sha, baseRef: data.base.ref };
}

/** An issue comment as the upsert needs it. */
export interface CommentRef {
  readonly id: number;
  readonly url: string;
}

/** The first comment of the pull request whose body starts with `marker` (every page read until found). */
export async function findComment(api: Api, repo: RepoRef, issue: number, marker: string): Promise<CommentRef | undefined> {
  for await (const page of api.paginate.iterator(api.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 })) {
    const hit = page.data.find((c) => (c.body ?? "").startsWith(marker));
    if (hit) return { id: hit.id, url: hit.html_url };
  }
  return undefined;
}

/** Creates a comment on the pull request. */
export async function createComment(api: Api, repo: RepoRef, issue: number, body: string): Promise<CommentRef> {
  const { data } = await api.rest.issues.createComment({ ...repo, issue_number: issue, body });
  return { id: data.id, url: data.html_url };
}

/** Replaces a comment's body. */
export async function updateComment(api: Api, repo: RepoRef, id: number, body: string): Promise<CommentRef> {
  const { data } = await api.rest.issues.updateComment({ ...repo, comment_id: id, body });
  return { id: data.id, url: data.html_url };
}
