/** Plain-text views of a summary: bars and the table `aurora progress` prints. Pure. */
import { formatPercent, type ProgressSummary } from "./compute.js";

/**
 * `█████░░░░░` for 50% at width 10: rounded to the nearest cell, except that only 100% fills the bar and anything
 * above 0% shows at least one cell.
 */
export function textBar(percent: number, width = 10): string {
  const p = Math.min(100, Math.max(0, percent));
  const full = Math.min(p < 100 ? width - 1 : width, Math.max(p > 0 ? 1 : 0, Math.round((p / 100) * width)));
  return "█".repeat(full) + "░".repeat(width - full);
}

interface Row {
  readonly label: string;
  readonly percent: number;
}

function rows(summary: ProgressSummary): Row[] {
  const out: Row[] = [];
  for (const phase of summary.phases) {
    out.push({ label: phase.name, percent: phase.percent });
    for (const t of phase.tasks) out.push({ label: `${"  ".repeat(t.depth + 1)}${t.id.padEnd(5)} ${t.title}`, percent: t.percent });
  }
  return out;
}

/** The table of `aurora progress`: a header line with version and overall, then phases and their tasks. */
export function renderTable(summary: ProgressSummary, barWidth = 20): string {
  const body = rows(summary);
  const width = Math.min(60, Math.max(20, ...body.map((r) => r.label.length)));
  const line = (label: string, percent: number): string =>
    `${clip(label, width).padEnd(width)}  ${formatPercent(percent).padStart(6)}  ${textBar(percent, barWidth)}`;
  const title = `${summary.title ?? "progress"} v${summary.version}`;
  const out = [line(`${title} · overall`, summary.overall), ""];
  for (const r of body) out.push(line(r.label, r.percent));
  if (summary.phases.length === 0) out.push("(no phases yet: edit progress.json or run `aurora progress init --template seed`)");
  return out.join("\n");
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
