/**
 * The Markdown the Action writes: the PR comment (hidden marker first, then the verdict) and the job summary.
 * The comparison itself is rendered by src/report/markdown.ts; this adds the marker, the baseline line (which run
 * and commit) and the run-only view used when there is no baseline. Every value is escaped (mdText / mdCode) and
 * the whole text stays within GitHub's 65,536-character limit on a comment.
 */
import type { Comparison } from "../src/report/findings.js";
import { formatMs } from "../src/report/compare.js";
import { MARKDOWN_LIMIT, mdCode, mdText, renderMarkdown } from "../src/report/markdown.js";
import type { RunMeta, RunScores } from "../src/report/schema.js";

/** The baseline a comparison used: a workflow run of the base branch, or a baseline saved in the repository. */
export type BaselineRef =
  | { readonly kind: "run"; readonly runId: number; readonly runNumber: number; readonly branch: string; readonly sha: string; readonly url: string }
  | { readonly kind: "named"; readonly name: string };

/** The hidden marker that finds this workflow's comment again: `<!-- aurora-x-action:<workflow> -->`. */
export function commentMarker(workflow: string): string {
  const id = workflow.replace(/[^A-Za-z0-9._ -]/g, "").trim().replace(/[\s-]+/g, "-").replace(/^-|-$/g, "").slice(0, 100) || "aurora";
  return `<!-- aurora-x-action:${id} -->`;
}

/** One line naming the baseline: the base branch's run (linked) and its commit, or the saved baseline. */
export function baselineLine(b: BaselineRef): string {
  if (b.kind === "named") return `Baseline: the saved baseline ${mdCode(b.name)} (runs/baselines/).`;
  const link = /^https?:\/\//.test(b.url) ? `[workflow run #${b.runNumber}](${encodeURI(b.url)})` : `workflow run #${b.runNumber}`;
  return `Baseline: ${link} on ${mdCode(b.branch)} at commit ${mdCode(b.sha.slice(0, 12))}.`;
}

/** Joins head + body + tail within `limit`: the body is rendered with what is left. */
function bounded(head: string, render: (limit: number) => string, tail: string, limit: number): string {
  const fixed = head.length + tail.length + 4;
  return `${head}${render(Math.max(1000, limit - fixed))}\n${tail}\n`.slice(0, limit);
}

/** The comparison as a comment or summary: marker (if any), verdict first, then the baseline line. */
export function comparisonMarkdown(c: Comparison, baseline: BaselineRef, opts: { marker?: string; notes?: readonly string[]; limit?: number } = {}): string {
  const head = opts.marker === undefined ? "" : `${opts.marker}\n`;
  const tail = [baselineLine(baseline), ...notesBlock(opts.notes ?? [])].join("\n\n");
  return bounded(head, (limit) => renderMarkdown(c, limit), tail, opts.limit ?? MARKDOWN_LIMIT);
}

function notesBlock(notes: readonly string[]): string[] {
  return notes.length === 0 ? [] : [`<details><summary>Notes (${notes.length})</summary>\n\n${notes.map((n) => `- ${mdText(n)}`).join("\n")}\n</details>`];
}

function specRow(s: RunScores["specs"][number]): string {
  return `| ${mdCode(s.name)} | ${s.status} | ${s.score.toFixed(2)} | ${formatMs(s.time_ms)} | ${s.size} |`;
}

/** Rows that fit `budget` characters, with a note for the rest. */
function fitRows(rows: readonly string[], budget: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const row of rows) {
    if (used + row.length + 1 > budget) {
      out.push(`\n_…${rows.length - out.length} more rows left out to fit; see report.html in the results artifact._`);
      break;
    }
    out.push(row);
    used += row.length + 1;
  }
  return out;
}

/** A run without a comparison (no baseline, a shard): counts first, then the functions, collapsed. */
export function runOnlyMarkdown(scores: RunScores, meta: RunMeta, reason: string, opts: { marker?: string; notes?: readonly string[]; limit?: number } = {}): string {
  const s = scores.summary;
  const head = `${opts.marker === undefined ? "" : `${opts.marker}\n`}## Aurora-X: ${s.solved}/${s.total} solved (no comparison)\n\n${mdText(reason)}\n\nRun ${mdCode(meta.run_id)}${meta.commit === null ? "" : ` at commit ${mdCode(meta.commit.slice(0, 12))}`}: ${s.solved} solved, ${s.unsolved} unsolved, ${s.ambiguous} ambiguous, ${s.errors} errors in ${formatMs(s.time_ms)}.\n\n`;
  const tail = notesBlock(opts.notes ?? []).join("\n");
  const table = `<details><summary>Functions: ${scores.specs.length}</summary>\n\n| function | status | score | time | size |\n|---|---|---|---|---|\n`;
  return bounded(head, (limit) => `${table}${fitRows(scores.specs.map(specRow), limit - table.length - 20).join("\n")}\n</details>\n`, tail, opts.limit ?? MARKDOWN_LIMIT);
}
