/**
 * From a head run and a baseline to what the step publishes: the comparison, the comment text, the job summary
 * and the outputs. The summary is always written, before anything can fail the step.
 */
import * as core from "@actions/core";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { CompareError, loadAcks, resolveRules } from "../src/app/compare.js";
import type { AuroraConfig } from "../src/app/config.js";
import { ACK_FILE } from "../src/report/ack.js";
import { compareRuns, type RunInput } from "../src/report/compare.js";
import type { Comparison } from "../src/report/findings.js";
import type { RunMeta, RunScores } from "../src/report/schema.js";
import type { BaselineOutcome } from "./baseline.js";
import type { CommentSignal } from "./comment.js";
import type { ActionConfig } from "./config.js";
import { ActionInputError } from "./errors.js";
import { comparisonMarkdown, runOnlyMarkdown } from "./markdown.js";

/** The verdict output: the comparison's, or `no-baseline` when there was nothing to compare with. */
export type VerdictOutput = "pass" | "warn" | "fail" | "no-baseline";

/** The head side of a report: a run's records, where they are, and how to name it. */
export interface HeadRun {
  readonly scores: RunScores;
  readonly meta: RunMeta;
  readonly label: string;
  /** The run folder (absent in `mode: comment`, whose run lives in another workflow). */
  readonly dir?: string;
}

/** What a step publishes. */
export interface BuiltReport {
  readonly comparison?: Comparison;
  readonly verdict: VerdictOutput;
  /** The PR comment (marker first), at most 65,536 characters. */
  readonly comment: string;
  readonly signal: CommentSignal;
}

/** The rules (inputs over aurora.config.yaml over defaults) and acknowledgements of the working directory. */
export async function compareSettings(cfg: ActionConfig, file: AuroraConfig): Promise<{ rules: ReturnType<typeof resolveRules>; acks: Awaited<ReturnType<typeof loadAcks>> }> {
  try {
    return { rules: resolveRules(file.compare, cfg.ruleOverrides), acks: await loadAcks(path.join(cfg.cwd, ACK_FILE)) };
  } catch (e) {
    if (e instanceof CompareError) throw new ActionInputError(`${e.message} (inputs warn-threshold, fail-threshold, rules, or aurora.config.yaml)`);
    throw e;
  }
}

/** Compares the head with the baseline (when found) and renders the comment. */
export function buildReport(head: HeadRun, baseline: BaselineOutcome, settings: Awaited<ReturnType<typeof compareSettings>>, marker: string): BuiltReport {
  if (baseline.kind === "none") {
    return { verdict: "no-baseline", comment: runOnlyMarkdown(head.scores, head.meta, baseline.reason, { marker }), signal: { verdict: "none", changed: false } };
  }
  const base: RunInput = { ...baseline.run, label: baseline.ref.kind === "run" ? baseline.ref.branch : `baseline ${baseline.ref.name}` };
  const comparison = compareRuns(base, { scores: head.scores, meta: head.meta, label: head.label }, settings);
  const changed = comparison.rows.some((r) => r.change !== "unchanged");
  return { comparison, verdict: comparison.verdict, comment: comparisonMarkdown(comparison, baseline.ref, { marker }), signal: { verdict: comparison.verdict, changed } };
}

/** The job summary: the comment without its marker, plus the notes. */
export function summaryText(head: HeadRun, baseline: BaselineOutcome, report: BuiltReport, notes: readonly string[]): string {
  if (report.comparison && baseline.kind === "found") return comparisonMarkdown(report.comparison, baseline.ref, { notes });
  return runOnlyMarkdown(head.scores, head.meta, baseline.kind === "none" ? baseline.reason : "", { notes });
}

/** Appends Markdown to the job summary (a failure to write it is a warning: the step's result stands). */
export async function appendSummary(text: string): Promise<void> {
  try {
    await core.summary.addRaw(text, true).write();
  } catch (e) {
    core.warning(`could not write the job summary: ${(e as Error).message}`);
  }
}

/** The step's outputs. */
export interface Outputs {
  readonly verdict: VerdictOutput;
  readonly solved: number;
  readonly total: number;
  readonly regressions: number;
  readonly reportPath: string;
  readonly commentPath: string;
  readonly baselineRunId: string;
  readonly cacheHit: boolean;
}

/** Sets every output (all of them, always, so later steps can rely on them). */
export function setOutputs(o: Outputs): void {
  core.setOutput("verdict", o.verdict);
  core.setOutput("solved", o.solved);
  core.setOutput("total", o.total);
  core.setOutput("regressions", o.regressions);
  core.setOutput("report-path", o.reportPath);
  core.setOutput("comment-path", o.commentPath);
  core.setOutput("baseline-run-id", o.baselineRunId);
  core.setOutput("cache-hit", o.cacheHit);
}

/** Writes the comment text to `<dir>/comment.md` and returns the path. */
export async function writeComment(dir: string, text: string): Promise<string> {
  const file = path.join(dir, "comment.md");
  await writeFile(file, text);
  return file;
}
