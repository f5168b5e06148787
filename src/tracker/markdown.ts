/** MASTER_TASK_LIST.md, generated from progress.json on every change. Pure and deterministic. */
import { formatPercent, type ProgressSummary, type TaskSummary } from "./compute.js";
import { textBar } from "./text.js";

/** Backslash-escapes the characters Markdown would interpret in inline text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

function taskLine(t: TaskSummary): string {
  const box = t.percent >= 100 ? "x" : " ";
  const indent = "  ".repeat(t.depth);
  return `${indent}- [${box}] **${t.id}** ${escapeMarkdown(t.title)} — ${formatPercent(t.percent)} \`${textBar(t.percent)}\``;
}

/** The whole Markdown file for a summary. */
export function renderMasterTaskList(summary: ProgressSummary): string {
  const out = [
    `# Master task list${summary.title === undefined ? "" : `: ${escapeMarkdown(summary.title)}`}`,
    "",
    "<!-- Generated from progress.json by `aurora progress`; do not edit by hand (run `aurora progress update ID=VALUE`). -->",
    "",
    `Version ${summary.version} · overall **${formatPercent(summary.overall)}**${summary.updated === undefined ? "" : ` · updated ${summary.updated}`}`,
    "",
    "| Phase | Percent | |",
    "|---|---:|---|",
    ...summary.phases.map((p) => `| ${escapeMarkdown(p.name)} | ${formatPercent(p.percent)} | \`${textBar(p.percent)}\` |`),
  ];
  for (const phase of summary.phases) {
    const issue = phase.issue === undefined ? "" : ` (issue ${phase.issue})`;
    out.push("", `## ${escapeMarkdown(phase.name)}${issue} — ${formatPercent(phase.percent)}`, "");
    out.push(...(phase.tasks.length === 0 ? ["_No tasks yet._"] : phase.tasks.map(taskLine)));
  }
  return `${out.join("\n")}\n`;
}
