/**
 * The end of a `run` or `merge` step: baseline, comparison, job summary and outputs (always, in that order),
 * then the PR comment and the results artifact, and only then the verdict decides whether the step fails.
 */
import * as core from "@actions/core";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { shardArtifactName, uploadResults, type ArtifactFile } from "./artifacts.js";
import { baseBranchOf, findBaseline, type BaselineQuery } from "./baseline.js";
import { reportComment, upsertComment } from "./comment.js";
import type { ActionConfig } from "./config.js";
import { messageOf } from "./errors.js";
import { commentMarker } from "./markdown.js";
import { appendSummary, buildReport, compareSettings, setOutputs, summaryText, writeComment, type HeadRun } from "./report.js";
import { warn, type Session } from "./session.js";
import { RESULT_FILES, type ResultsContext } from "./untrusted.js";
import { runsDirOf } from "./synthesize.js";

/** A run written by this step. */
export type LocalRun = HeadRun & { readonly dir: string };

/** `context.json` of the results artifact: what `mode: comment` and `mode: merge` need to know about this run. */
export function resultsContext(cfg: ActionConfig): ResultsContext {
  const g = cfg.github;
  const sha = g.pullRequest?.headSha ?? g.sha;
  return {
    format: "aurora-action/1",
    event: g.eventName.slice(0, 64),
    pr_number: g.pullRequest?.number ?? null,
    head_sha: /^[0-9a-f]{40}$/.test(sha) ? sha : "",
    shard: cfg.shard ? `${cfg.shard.index}/${cfg.shard.count}` : null,
    run_id: g.runId,
    workflow: g.workflow.slice(0, 200),
  };
}

/** How the head run is named in the comparison. */
export function headLabel(cfg: ActionConfig): string {
  const pr = cfg.github.pullRequest;
  if (pr) return `pull request #${pr.number}`;
  return cfg.github.refName || "this run";
}

/** The files of the results artifact: the run's records, report, comment, context, plus extras (a shard's corpus). */
function resultFiles(dir: string, extra: readonly ArtifactFile[]): ArtifactFile[] {
  const own = [RESULT_FILES.scores, RESULT_FILES.meta, RESULT_FILES.report, RESULT_FILES.comment, RESULT_FILES.context, "code"];
  return [...own.map((f) => ({ from: path.join(dir, f), to: f })), ...extra];
}

/** Uploads the results artifact when the service works; a failure is a warning. */
export async function uploadStep(session: Session, run: LocalRun, name: string, extra: readonly ArtifactFile[] = []): Promise<void> {
  await writeFile(path.join(run.dir, RESULT_FILES.context), JSON.stringify(resultsContext(session.cfg), null, 2) + "\n");
  if (!session.artifacts) return;
  try {
    const id = await uploadResults(session.cfg, name, resultFiles(run.dir, extra));
    core.info(`aurora: uploaded the results artifact ${name} (id ${id ?? "?"})`);
  } catch (e) {
    warn(session, `could not upload the results artifact ${name}: ${messageOf(e)}`);
  }
}

/** The baseline query of this step: the base branch of the same workflow, skipping this run. */
function baselineQuery(cfg: ActionConfig): BaselineQuery | undefined {
  const branch = baseBranchOf(cfg.github);
  return branch === undefined ? undefined : { branch, excludeRunId: cfg.github.runId };
}

/** Compares, writes the summary and outputs, comments, uploads; fails the step on a regression when asked to. */
export async function publishRun(session: Session, run: LocalRun, cacheHit: boolean): Promise<void> {
  const { cfg } = session;
  const baseline = await findBaseline(cfg, session.api, runsDirOf(cfg, session.file), baselineQuery(cfg));
  const report = buildReport(run, baseline, await compareSettings(cfg, session.file), commentMarker(cfg.github.workflow));
  const commentPath = await writeComment(run.dir, report.comment);
  await appendSummary(summaryText(run, baseline, report, session.notes));
  setOutputs({
    verdict: report.verdict,
    solved: run.scores.summary.solved,
    total: run.scores.summary.total,
    regressions: report.comparison?.regressions ?? 0,
    reportPath: path.join(run.dir, "report.html"),
    commentPath,
    baselineRunId: baseline.kind === "found" && baseline.ref.kind === "run" ? String(baseline.ref.runId) : "",
    cacheHit,
  });
  const pr = cfg.github.pullRequest;
  if (pr && session.api && cfg.github.repo) {
    const outcome = await upsertComment({ api: session.api, repo: cfg.github.repo, issue: pr.number, marker: commentMarker(cfg.github.workflow) }, cfg.commentMode, report.signal, report.comment);
    const note = reportComment(outcome);
    if (note !== undefined) await appendSummary(`\n> [!NOTE]\n> ${note}\n`);
  }
  await uploadStep(session, run, cfg.artifactName);
  if (report.verdict === "fail" && cfg.failOnRegression) core.setFailed(`Aurora-X: ${report.comparison?.regressions ?? 0} regression(s) against the baseline (see the job summary${pr ? " and the pull request comment" : ""})`);
}

/** A shard's end: its own summary and outputs, and its results (with its corpus) for the merge job. */
export async function publishShard(session: Session, run: LocalRun, cacheHit: boolean): Promise<void> {
  const { cfg } = session;
  const shard = cfg.shard!;
  const reason = `Shard ${shard.index} of ${shard.count}: the merge job (mode: merge) compares all shards with the baseline and reports once.`;
  const report = buildReport(run, { kind: "none", reason }, await compareSettings(cfg, session.file), commentMarker(cfg.github.workflow));
  const commentPath = await writeComment(run.dir, report.comment);
  await appendSummary(summaryText(run, { kind: "none", reason }, report, session.notes));
  setOutputs({ verdict: "no-baseline", solved: run.scores.summary.solved, total: run.scores.summary.total, regressions: 0, reportPath: path.join(run.dir, "report.html"), commentPath, baselineRunId: "", cacheHit });
  await uploadStep(session, run, shardArtifactName(cfg.artifactName, shard), [{ from: path.join(session.corpusDir, "corpus.jsonl"), to: RESULT_FILES.corpus }]);
}
