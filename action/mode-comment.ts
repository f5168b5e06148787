/**
 * `mode: comment`, the second workflow of the fork pattern (`on: workflow_run`): it has a write token, so it never
 * checks out, runs or imports anything from the pull request. It downloads the pull request run's results
 * artifact, reads three JSON files from it as untrusted data (untrusted.ts), checks with the API that the pull
 * request named there really has the run's head commit, fetches the baseline itself, and renders and posts the
 * comment from the validated values.
 */
import * as core from "@actions/core";
import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import { pullRequest } from "./api.js";
import { downloadFromRun } from "./artifacts.js";
import { findBaseline } from "./baseline.js";
import { reportComment, upsertComment } from "./comment.js";
import type { WorkflowRunRef } from "./context.js";
import { ActionInputError, UntrustedDataError } from "./errors.js";
import { commentMarker } from "./markdown.js";
import { appendSummary, buildReport, compareSettings, setOutputs, summaryText, writeComment } from "./report.js";
import type { Session } from "./session.js";
import { runsDirOf } from "./synthesize.js";
import { readResultsContext, readUntrustedRun } from "./untrusted.js";

function emptyOutputs(): void {
  setOutputs({ verdict: "no-baseline", solved: 0, total: 0, regressions: 0, reportPath: "", commentPath: "", baselineRunId: "", cacheHit: false });
}

/** The triggering run, checked to be a pull request run. @throws ActionInputError outside a workflow_run event */
function triggeringRun(session: Session): WorkflowRunRef {
  const g = session.cfg.github;
  if (g.eventName !== "workflow_run" || g.workflowRun === undefined) throw new ActionInputError(`mode: comment runs in a workflow triggered by workflow_run (the second workflow of the fork pattern, see docs/action.md); this event is ${g.eventName || "unknown"}`);
  if (session.api === undefined || g.repo === undefined) throw new ActionInputError("mode: comment needs the GitHub API and a github-token with pull-requests: write and actions: read");
  return g.workflowRun;
}

/** Runs `mode: comment`. */
export async function commentMode(session: Session): Promise<void> {
  const { cfg } = session;
  const wr = triggeringRun(session);
  const api = session.api!;
  const repo = cfg.github.repo!;
  if (wr.event !== "pull_request") return void (core.info(`aurora: the triggering run was a ${wr.event} run, not a pull request: nothing to comment`), emptyOutputs());
  const dir = await downloadFromRun({ runId: wr.id, token: cfg.token, ...repo }, cfg.artifactName, cfg.github.runnerTemp);
  if (dir === undefined) return void (core.info(`aurora: run ${wr.id} has no ${cfg.artifactName} artifact (it failed before uploading?): nothing to comment`), emptyOutputs());
  const context = await readResultsContext(dir);
  const run = await readUntrustedRun(dir);
  if (context.pr_number === null) return void (core.info("aurora: the results name no pull request: nothing to comment"), emptyOutputs());
  if (context.head_sha !== "" && context.head_sha !== wr.headSha) throw new UntrustedDataError(`the artifact's head commit ${context.head_sha.slice(0, 12)} is not the run's ${wr.headSha.slice(0, 12)}: not commenting`);
  const pr = await pullRequest(api, repo, context.pr_number);
  if (pr.headSha !== wr.headSha) throw new UntrustedDataError(`the artifact names pull request #${context.pr_number}, whose head is ${pr.headSha.slice(0, 12)}, but the run was for ${wr.headSha.slice(0, 12)}: not commenting`);
  const head = { scores: run.scores, meta: { ...run.meta, commit: wr.headSha, branch: wr.headBranch }, label: `pull request #${context.pr_number}` };
  const baseline = await findBaseline(cfg, api, runsDirOf(cfg, session.file), { branch: pr.baseRef, workflowId: wr.workflowId });
  const marker = commentMarker(wr.name);
  const report = buildReport(head, baseline, await compareSettings(cfg, session.file), marker);
  const commentPath = await writeComment(await mkdtemp(path.join(cfg.github.runnerTemp, "aurora-comment-")), report.comment);
  await appendSummary(summaryText(head, baseline, report, session.notes));
  setOutputs({
    verdict: report.verdict,
    solved: run.scores.summary.solved,
    total: run.scores.summary.total,
    regressions: report.comparison?.regressions ?? 0,
    reportPath: "",
    commentPath,
    baselineRunId: baseline.kind === "found" && baseline.ref.kind === "run" ? String(baseline.ref.runId) : "",
    cacheHit: false,
  });
  const note = reportComment(await upsertComment({ api, repo, issue: context.pr_number, marker }, cfg.commentMode, report.signal, report.comment));
  if (note !== undefined) await appendSummary(`\n> [!NOTE]\n> ${note}\n`);
}
