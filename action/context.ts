/**
 * The runner's context: GITHUB_* / RUNNER_* variables and the parts of the event payload the Action uses, read once
 * and validated. Absent variables (a local run) give a context without a repository: the API features turn off.
 */
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { z } from "zod";
import { ActionInputError } from "./errors.js";

const PullRequestSchema = z.object({
  number: z.number().int().positive(),
  head: z.object({ sha: z.string(), ref: z.string(), repo: z.object({ full_name: z.string() }).nullable().optional() }),
  base: z.object({ ref: z.string(), sha: z.string().optional() }),
});

const WorkflowRunSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().nullable().optional(),
  workflow_id: z.number().int().positive(),
  head_sha: z.string(),
  head_branch: z.string().nullable().optional(),
  event: z.string(),
  conclusion: z.string().nullable().optional(),
  html_url: z.string().optional(),
});

/** The parts of the webhook payload used; anything else in it is ignored. */
const PayloadSchema = z.object({
  pull_request: PullRequestSchema.optional(),
  workflow_run: WorkflowRunSchema.optional(),
  repository: z.object({ default_branch: z.string().optional(), full_name: z.string().optional() }).optional(),
});

/** The pull request of a `pull_request` event. */
export interface PullRequestRef {
  readonly number: number;
  readonly headSha: string;
  readonly headRef: string;
  readonly baseRef: string;
  /** True when the head repository is not this repository (a fork: the token is read-only). */
  readonly fork: boolean;
}

/** The run that triggered a `workflow_run` event (the two-workflow pattern for forks). */
export interface WorkflowRunRef {
  readonly id: number;
  readonly name: string;
  readonly workflowId: number;
  readonly headSha: string;
  readonly headBranch: string | null;
  readonly event: string;
  readonly conclusion: string | null;
}

/** owner/name of the repository. */
export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

/** Everything the Action needs to know about where it runs. */
export interface GitHubContext {
  readonly eventName: string;
  /** Absent outside GitHub (a local run): API features are off. */
  readonly repo?: RepoRef;
  readonly runId: number;
  readonly runAttempt: number;
  readonly runNumber: number;
  readonly job: string;
  readonly workflow: string;
  readonly sha: string;
  readonly ref: string;
  readonly refName: string;
  readonly serverUrl: string;
  readonly apiUrl: string;
  readonly defaultBranch: string | null;
  readonly pullRequest?: PullRequestRef;
  readonly workflowRun?: WorkflowRunRef;
  readonly workspace: string;
  readonly runnerTemp: string;
  readonly runnerOs: string;
  readonly runnerArch: string;
}

type Env = Readonly<Record<string, string | undefined>>;

async function readPayload(file: string | undefined): Promise<z.infer<typeof PayloadSchema>> {
  if (file === undefined || file === "") return {};
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ActionInputError(`the event payload (${file}) is not JSON: ${(e as Error).message}`);
  }
  const parsed = PayloadSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ActionInputError(`the event payload (${file}) has an unexpected ${issue?.path.join(".") ?? "shape"}: ${issue?.message ?? ""}`);
  }
  return parsed.data;
}

function repoOf(env: Env): RepoRef | undefined {
  const [owner, repo, ...rest] = (env["GITHUB_REPOSITORY"] ?? "").split("/");
  return owner && repo && rest.length === 0 ? { owner, repo } : undefined;
}

function pullRequestOf(p: z.infer<typeof PullRequestSchema> | undefined, repo: RepoRef | undefined): PullRequestRef | undefined {
  if (p === undefined) return undefined;
  const own = repo === undefined ? undefined : `${repo.owner}/${repo.repo}`;
  const head = p.head.repo?.full_name;
  return { number: p.number, headSha: p.head.sha, headRef: p.head.ref, baseRef: p.base.ref, fork: head === undefined || head !== own };
}

function workflowRunOf(w: z.infer<typeof WorkflowRunSchema> | undefined): WorkflowRunRef | undefined {
  if (w === undefined) return undefined;
  return { id: w.id, name: w.name ?? "", workflowId: w.workflow_id, headSha: w.head_sha, headBranch: w.head_branch ?? null, event: w.event, conclusion: w.conclusion ?? null };
}

const int = (v: string | undefined, fallback: number): number => (v !== undefined && /^\d+$/.test(v) ? Number(v) : fallback);

/** Reads the runner's variables and event payload. @throws ActionInputError on an unreadable payload */
export async function readContext(env: Env): Promise<GitHubContext> {
  const payload = await readPayload(env["GITHUB_EVENT_PATH"]);
  const repo = repoOf(env);
  const pullRequest = pullRequestOf(payload.pull_request, repo);
  const workflowRun = workflowRunOf(payload.workflow_run);
  const ref = env["GITHUB_REF"] ?? "";
  return {
    eventName: env["GITHUB_EVENT_NAME"] ?? "",
    ...(repo ? { repo } : {}),
    runId: int(env["GITHUB_RUN_ID"], 0),
    runAttempt: int(env["GITHUB_RUN_ATTEMPT"], 1),
    runNumber: int(env["GITHUB_RUN_NUMBER"], 0),
    job: env["GITHUB_JOB"] ?? "",
    workflow: env["GITHUB_WORKFLOW"] ?? "",
    sha: env["GITHUB_SHA"] ?? "",
    ref,
    refName: env["GITHUB_REF_NAME"] ?? ref.replace(/^refs\/(heads|tags)\//, ""),
    serverUrl: (env["GITHUB_SERVER_URL"] || "https://github.com").replace(/\/$/, ""),
    apiUrl: (env["GITHUB_API_URL"] || "https://api.github.com").replace(/\/$/, ""),
    defaultBranch: payload.repository?.default_branch ?? null,
    ...(pullRequest ? { pullRequest } : {}),
    ...(workflowRun ? { workflowRun } : {}),
    workspace: env["GITHUB_WORKSPACE"] || process.cwd(),
    runnerTemp: env["RUNNER_TEMP"] || tmpdir(),
    runnerOs: env["RUNNER_OS"] || { linux: "Linux", darwin: "macOS", win32: "Windows" }[process.platform as string] || process.platform,
    runnerArch: env["RUNNER_ARCH"] || process.arch.toUpperCase(),
  };
}

/** The URL of a workflow run's page. */
export function runUrl(ctx: Pick<GitHubContext, "serverUrl" | "repo">, runId: number): string {
  return ctx.repo ? `${ctx.serverUrl}/${ctx.repo.owner}/${ctx.repo.repo}/actions/runs/${runId}` : "";
}
