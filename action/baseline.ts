/**
 * The baseline of a comparison: by default the latest successful `push` run of the same workflow on the base
 * branch (REST), read from its results artifact; or a baseline saved in the repository (`aurora baseline save`).
 * A missing baseline is "no baseline", never a failure.
 */
import * as core from "@actions/core";
import { resolveRunDir } from "../src/app/compare.js";
import { successfulPushRuns, workflowIdOf, type Api } from "./api.js";
import { downloadFromRun } from "./artifacts.js";
import type { ActionConfig } from "./config.js";
import type { GitHubContext } from "./context.js";
import { messageOf } from "./errors.js";
import type { BaselineRef } from "./markdown.js";
import { readUntrustedRun } from "./untrusted.js";
import type { RunMeta, RunScores } from "../src/report/schema.js";

/** The baseline found, or why there is none. */
export type BaselineOutcome =
  | { readonly kind: "found"; readonly ref: BaselineRef; readonly run: { readonly scores: RunScores; readonly meta: RunMeta } }
  | { readonly kind: "none"; readonly reason: string };

/** Where to look: the workflow (default: this run's), the branch, and a run to skip (this one). */
export interface BaselineQuery {
  readonly branch: string;
  readonly workflowId?: number;
  readonly excludeRunId?: number;
}

/** How many of the newest successful runs are tried for an artifact (older ones may have expired). */
const RUNS_TRIED = 5;

/** The branch a run mode step compares with: the PR's base, the pushed branch itself, else the default branch. */
export function baseBranchOf(g: GitHubContext): string | undefined {
  if (g.pullRequest) return g.pullRequest.baseRef;
  if (g.eventName === "push" && g.ref.startsWith("refs/heads/")) return g.refName;
  return g.defaultBranch ?? (g.refName || undefined);
}

async function fromRuns(cfg: ActionConfig, api: Api, q: BaselineQuery): Promise<BaselineOutcome> {
  const repo = cfg.github.repo!;
  const workflowId = q.workflowId ?? (await workflowIdOf(api, repo, cfg.github.runId));
  const runs = (await successfulPushRuns(api, repo, workflowId, q.branch)).filter((r) => r.id !== q.excludeRunId).slice(0, RUNS_TRIED);
  for (const run of runs) {
    const dir = await downloadFromRun({ runId: run.id, token: cfg.token, ...repo }, cfg.artifactName, cfg.github.runnerTemp);
    if (dir === undefined) continue;
    const data = await readUntrustedRun(dir);
    return { kind: "found", ref: { kind: "run", runId: run.id, runNumber: run.runNumber, branch: q.branch, sha: run.headSha, url: run.url }, run: data };
  }
  const looked = runs.length === 0 ? "has no successful push run yet" : `has no ${cfg.artifactName} artifact in its last ${runs.length} successful push runs (expired, or not made by this Action)`;
  return { kind: "none", reason: `no baseline: the workflow on ${q.branch} ${looked}; the first push to ${q.branch} with this Action creates one` };
}

async function named(cfg: ActionConfig, runsDir: string, name: string): Promise<BaselineOutcome> {
  try {
    const { dir } = await resolveRunDir(runsDir, cfg.cwd, `baseline:${name}`);
    return { kind: "found", ref: { kind: "named", name }, run: await readUntrustedRun(dir) };
  } catch (e) {
    core.warning(`baseline ${name}: ${messageOf(e)}`);
    return { kind: "none", reason: `no baseline: ${messageOf(e)}` };
  }
}

/** Finds the baseline the `baseline` input asks for. Never throws: problems become "no baseline" with a warning. */
export async function findBaseline(cfg: ActionConfig, api: Api | undefined, runsDir: string, q: BaselineQuery | undefined): Promise<BaselineOutcome> {
  switch (cfg.baseline.kind) {
    case "none":
      return { kind: "none", reason: "no baseline: baseline is none" };
    case "named":
      return named(cfg, runsDir, cfg.baseline.name);
    case "auto":
      break;
  }
  if (api === undefined || cfg.github.repo === undefined) return { kind: "none", reason: "no baseline: the GitHub API is not available here (a local run?)" };
  if (q === undefined) return { kind: "none", reason: "no baseline: no base branch for this event" };
  try {
    return await fromRuns(cfg, api, q);
  } catch (e) {
    core.warning(`could not fetch the baseline from ${q.branch}: ${messageOf(e)}`);
    return { kind: "none", reason: `no baseline: fetching it failed (${messageOf(e)})` };
  }
}
