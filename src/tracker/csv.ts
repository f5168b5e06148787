/** The CSV export (`progress_export_YYYYMMDD_HHMMSS.csv`). Pure: RFC 4180 quoting, one row per task. */
import { roundPercent, type ProgressSummary } from "./compute.js";

const COLUMNS = ["phase", "phase_percent", "task_id", "parent_id", "depth", "header", "title", "percent", "weight", "metric"] as const;

/**
 * Quotes a field when it holds a comma, quote or line break; a text cell starting with `= + - @` gets a leading `'`
 * so spreadsheets do not run it as a formula.
 */
export function csvField(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One header row and one row per task (phases repeated on each row), CRLF line ends as RFC 4180 says. */
export function renderCsv(summary: ProgressSummary): string {
  const lines = [COLUMNS.join(",")];
  for (const phase of summary.phases) {
    for (const t of phase.tasks) {
      const metric = t.metric === undefined ? "" : `${t.metric.kind}${t.metric.suite === undefined ? "" : `:${t.metric.suite}`}`;
      const cells = [phase.name, roundPercent(phase.percent), t.id, t.parent ?? "", t.depth, t.header, t.title, roundPercent(t.percent), t.weight, metric];
      lines.push(cells.map(csvField).join(","));
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
