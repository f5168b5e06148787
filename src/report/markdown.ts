/**
 * The comparison as GitHub-flavoured Markdown, for PR comments and job summaries: verdict first, then the changed
 * rows, unchanged rows collapsed in `<details>`. Bounded: GitHub refuses comments over 65,536 characters, so the
 * longest sections lose rows (with a note) until the text fits.
 */
import { formatMs, formatP } from "./compare.js";
import type { Comparison, Finding, FnRow, RunRef } from "./findings.js";
import type { GraphEdge } from "./graph.js";

/** GitHub's limit on a comment body. */
export const MARKDOWN_LIMIT = 65_536;

/** A section: a heading line, table/list rows, and how to wrap them. */
interface Section {
  readonly head: string;
  readonly rows: string[];
  readonly tail: string;
  truncated: number;
}

/** Escapes text for a Markdown table cell or inline text (no HTML, no pipes, no line breaks). */
export function mdText(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#~])/g, "\\$1");
}

/** Inline code that survives backticks inside (` `` a`b `` `), one line, pipes escaped for tables. */
export function mdCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ").replace(/\|/g, "\\|");
  const ticks = "`".repeat(Math.max(1, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

function shortCommit(commit: string | null): string {
  return commit === null ? "no commit" : `commit ${mdCode(commit.slice(0, 10))}`;
}

function runLine(role: string, r: RunRef): string {
  const branch = r.branch === null ? "" : ` on ${mdCode(r.branch)}`;
  return `**${role}** ${mdText(r.label)}: run ${mdCode(r.id)}, ${shortCommit(r.commit)}${branch}, ${r.solved}/${r.total} solved`;
}

function verdictLine(c: Comparison): string {
  const warn = c.warnings > 0 ? ` · ${c.warnings} warning${c.warnings === 1 ? "" : "s"}` : "";
  const ack = c.acknowledged > 0 ? ` · ${c.acknowledged} acknowledged` : "";
  if (c.verdict === "fail") return `## ❌ REGRESSIONS ⚠ ${c.regressions}${warn}${ack}`;
  if (c.verdict === "warn") return `## ⚠️ No failing regressions, ${c.warnings} warning${c.warnings === 1 ? "" : "s"}${ack}`;
  return `## ✅ No regressions ✓${ack}`;
}

function pct(solved: number, total: number): string {
  return total === 0 ? "n/a" : `${((solved / total) * 100).toFixed(1)}%`;
}

function solveRateLine(c: Comparison): string {
  const { lost, gained, p } = c.solveRate.mcnemar;
  return `Solve rate ${c.base.solved}/${c.base.total} (${pct(c.base.solved, c.base.total)}) → ${c.head.solved}/${c.head.total} (${pct(c.head.solved, c.head.total)}): ${lost} lost, ${gained} gained, McNemar exact p = ${formatP(p)}.`;
}

function envLines(c: Comparison): string[] {
  if (c.environment.differences.length === 0) return [];
  const diffs = c.environment.differences.map((d) => `${d.field} ${mdCode(d.base)} → ${mdCode(d.head)}`).join("; ");
  const note = c.environment.comparable ? "" : " Different machines: time regressions are warnings only.";
  return [`> [!NOTE]\n> Environment differs: ${diffs}.${note}`];
}

function findingRow(f: Finding): string {
  const level = f.acknowledged !== undefined ? "acknowledged" : f.level === "fail" ? "❌ fail" : "⚠️ warn";
  const why = f.acknowledged !== undefined ? ` (${mdText(f.acknowledged)})` : "";
  return `| ${level} | ${mdCode(f.name)} | ${f.kind} | ${mdText(f.detail)}${why} |`;
}

function values(r: FnRow, side: "base" | "head"): string {
  const v = r[side];
  return v === undefined ? "—" : `${v.status}, ${v.score.toFixed(2)}, ${formatMs(v.time_ms)}, ${v.size}`;
}

function changedRow(r: FnRow): string {
  const what = r.change === "improved" ? r.improvements.join("; ") : r.change;
  return `| ${mdCode(r.name)} | ${r.change} | ${values(r, "base")} | ${values(r, "head")} | ${mdText(what)} |`;
}

function unchangedRow(r: FnRow): string {
  const v = r.head!;
  return `| ${mdCode(r.name)} | ${v.status} | ${v.score.toFixed(2)} | ${formatMs(v.time_ms)} | ${v.size} |`;
}

function edgeRow(sign: "+" | "−", e: GraphEdge): string {
  return `- ${sign} ${mdCode(e.a)} — ${mdCode(e.b)} (${e.kind}: ${mdCode(e.via.length > 80 ? `${e.via.slice(0, 77)}...` : e.via)})`;
}

function sections(c: Comparison): Section[] {
  const live = c.findings.filter((f) => f.acknowledged === undefined);
  const acked = c.findings.filter((f) => f.acknowledged !== undefined);
  const changed = c.rows.filter((r) => r.change === "improved" || r.change === "added" || r.change === "removed");
  const unchanged = c.rows.filter((r) => r.change === "unchanged");
  const table = "| level | function | kind | what |\n|---|---|---|---|";
  const out: Section[] = [];
  const add = (head: string, rows: string[], tail = ""): void => void (rows.length > 0 && out.push({ head, rows, tail, truncated: 0 }));
  add(`### Regressions\n\n${table}`, live.map(findingRow));
  add(`### Acknowledged (not blocking)\n\n${table}`, acked.map(findingRow));
  add("### Other changes\n\n| function | change | base (status, score, time, size) | head | what |\n|---|---|---|---|---|", changed.map(changedRow));
  add(`### Graph structure changes (${c.graph.appeared.length} appeared, ${c.graph.vanished.length} vanished)\n`, [...c.graph.appeared.map((e) => edgeRow("+", e)), ...c.graph.vanished.map((e) => edgeRow("−", e))]);
  add(`<details><summary>Unchanged: ${unchanged.length} function${unchanged.length === 1 ? "" : "s"}</summary>\n\n| function | status | score | time | size |\n|---|---|---|---|---|`, unchanged.map(unchangedRow), "\n</details>");
  if (c.unusedAcks.length > 0) add("### Acknowledgements that matched nothing\n", c.unusedAcks.map((a) => `- ${mdText(a)}`));
  return out;
}

function renderSection(s: Section): string {
  const note = s.truncated > 0 ? `\n\n_…${s.truncated} more row${s.truncated === 1 ? "" : "s"} left out to fit the comment limit; see the JSON output or report.html._` : "";
  return `${s.head}\n${s.rows.join("\n")}${note}${s.tail}`;
}

/** Drops rows from the longest section until the whole text fits `limit`. */
function fit(top: string, parts: Section[], limit: number): string {
  const join = (): string => [top, ...parts.map(renderSection)].join("\n\n") + "\n";
  let text = join();
  while (text.length > limit) {
    const longest = parts.reduce((a, b) => (renderSection(b).length > renderSection(a).length ? b : a));
    if (longest.rows.length === 0) break;
    const excess = text.length - limit;
    let drop = 0;
    for (let i = longest.rows.length - 1, cut = 0; i >= 0 && cut < excess + 200; i--, drop++) cut += longest.rows[i]!.length + 1;
    longest.rows.splice(longest.rows.length - Math.max(1, drop), Math.max(1, drop));
    longest.truncated += Math.max(1, drop);
    text = join();
  }
  return text;
}

/** The comparison as Markdown of at most `limit` characters. */
export function renderMarkdown(c: Comparison, limit: number = MARKDOWN_LIMIT): string {
  const top = [verdictLine(c), `${runLine("head", c.head)}  \n${runLine("base", c.base)}`, solveRateLine(c), ...envLines(c)].join("\n\n");
  return fit(top, sections(c), limit);
}
