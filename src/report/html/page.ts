/**
 * The self-contained run report (`runs/<id>/report.html`): one HTML string with its CSS, scripts and SVG charts
 * inline, so no request leaves the page. A Content-Security-Policy allows only this page's own scripts (by hash)
 * and no loads from anywhere: even a string that escaped escaping could not run. Pure: data in, HTML out.
 */
import { createHash } from "node:crypto";
import { lineChart } from "../charts.js";
import { formatMs, formatP } from "../compare.js";
import type { Comparison, Finding } from "../findings.js";
import type { RelationGraph } from "../graph.js";
import { runPoint, type HistoryRun, type TrendPoint } from "../history.js";
import { escapeHtml, renderHud, type HudHistoryPoint, type HudProgress } from "../hud/index.js";
import type { RunMeta, RunScores, SpecScore } from "../schema.js";
import { graphSvg } from "./graph-svg.js";
import { REPORT_CSS, REPORT_SCRIPT } from "./style.js";

/** Everything the report shows. */
export interface ReportInput {
  readonly run: HistoryRun;
  /** Kept runs, oldest first, including this one (trends and charts). */
  readonly history: readonly HistoryRun[];
  /** This run compared with the previous one (none for a first run). */
  readonly comparison?: Comparison;
  /** The relationship graph of this run. */
  readonly graph: RelationGraph;
  /** Function trends across the kept runs, by comparison key. */
  readonly trends: ReadonlyMap<string, readonly TrendPoint[]>;
  /** The comparison key of each spec. */
  readonly keyOf: (s: SpecScore) => string;
  /** Generated Python per spec name (`code/<name>.py`); the program expression is shown otherwise. */
  readonly code?: ReadonlyMap<string, string>;
  /** The tracker HUD, when progress.json exists. */
  readonly progress?: { readonly summary: HudProgress; readonly history: readonly HudHistoryPoint[] };
}

const esc = escapeHtml;

/** `'sha256-...'` of an inline script, for the Content-Security-Policy. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash("sha256").update(source, "utf8").digest("base64")}'`;
}

/** The badge: red `REGRESSIONS ⚠ N` or green `No regressions ✓`. */
export function badge(c: Comparison | undefined): string {
  if (c !== undefined && c.regressions > 0) return `<span class="badge bad" id="badge" data-regressions="${c.regressions}">REGRESSIONS ⚠ ${c.regressions}</span>`;
  return `<span class="badge ok" id="badge" data-regressions="0">No regressions ✓</span>`;
}

function verdictNote(c: Comparison | undefined): string {
  if (c === undefined) return `<span class="muted">First kept run: nothing to compare with yet.</span>`;
  const warn = c.warnings > 0 ? `, ${c.warnings} warning${c.warnings === 1 ? "" : "s"}` : "";
  const ack = c.acknowledged > 0 ? `, ${c.acknowledged} acknowledged` : "";
  const { lost, gained, p } = c.solveRate.mcnemar;
  return `<span class="muted">vs ${esc(c.base.label)} <code>${esc(c.base.id)}</code>${warn}${ack}. Solve rate: ${lost} lost, ${gained} gained, McNemar exact p = ${formatP(p)}.</span>`;
}

/** A number card. */
export function card(label: string, value: string): string {
  return `<div class="card"><span class="muted">${esc(label)}</span><b>${esc(value)}</b></div>`;
}

/** The run's summary cards. */
export function cards(scores: RunScores): string {
  const s = scores.summary;
  const rate = s.total === 0 ? "n/a" : `${((s.solved / s.total) * 100).toFixed(1)}%`;
  return `<div class="cards">${card("solved", `${s.solved}/${s.total}`)}${card("solve rate", rate)}${card("ambiguous", String(s.ambiguous))}${card("unsolved", String(s.unsolved))}${card("errors", String(s.errors + scores.errors.length))}${card("time", formatMs(s.time_ms))}</div>`;
}

/** A run's environment in one line. */
export function metaLine(m: RunMeta): string {
  const commit = m.commit === null ? "no commit" : `commit <code>${esc(m.commit.slice(0, 12))}</code>`;
  const branch = m.branch === null ? "" : ` on <code>${esc(m.branch)}</code>`;
  return `<p class="muted">Run <code>${esc(m.run_id)}</code>, ${esc(m.created)}, ${commit}${branch}; engine ${esc(m.engine_version)}, Node ${esc(m.node)}, ${esc(m.os)}, ${esc(m.cpu)} × ${m.cpus}; options <code>${esc(JSON.stringify(m.options))}</code>.</p>`;
}

/** A finding as a table row; `href` links the function to its page. */
export function findingRow(f: Finding, href?: (key: string) => string | undefined): string {
  const link = f.key === "*" ? undefined : href?.(f.key);
  const name = link === undefined ? `<code>${esc(f.name)}</code>` : `<a href="${esc(link)}"><code>${esc(f.name)}</code></a>`;
  const lv = f.acknowledged !== undefined ? `<span class="lv-ack">acknowledged</span>` : `<span class="lv-${f.level}">${f.level}</span>`;
  const why = f.acknowledged !== undefined ? ` <span class="muted">(${esc(f.acknowledged)})</span>` : "";
  return `<tr><td>${lv}</td><td>${name}</td><td>${esc(f.kind)}</td><td>${esc(f.detail)}${why}</td></tr>`;
}

/** Findings, environment differences and graph structure changes of a comparison. */
export function findingsSection(c: Comparison | undefined, href?: (key: string) => string | undefined, heading = "Regressions vs the previous run"): string {
  if (c === undefined) return "";
  const env = c.environment.differences.length === 0 ? "" : `<p class="note">Environment differs: ${c.environment.differences.map((d) => `${esc(d.field)} <code>${esc(d.base)}</code> → <code>${esc(d.head)}</code>`).join("; ")}.${c.environment.comparable ? "" : " Different machines: time regressions are warnings only."}</p>`;
  const rows = c.findings.length === 0 ? `<p>No findings.</p>` : `<div class="scroll"><table><thead><tr><th>level</th><th>function</th><th>kind</th><th>what</th></tr></thead><tbody>${c.findings.map((f) => findingRow(f, href)).join("")}</tbody></table></div>`;
  const g = c.graph;
  const edge = (sign: string, e: (typeof g.appeared)[number]): string => `<li>${sign} <code>${esc(e.a)}</code> — <code>${esc(e.b)}</code> <span class="muted">(${esc(e.kind)}: <code>${esc(e.via)}</code>)</span></li>`;
  const graph = g.appeared.length + g.vanished.length === 0 ? "" : `<h3>Graph structure changes</h3><ul>${g.appeared.map((e) => edge("+", e)).join("")}${g.vanished.map((e) => edge("−", e)).join("")}</ul>`;
  return `<section id="regressions"><h2>${esc(heading)}</h2>${env}${rows}${graph}</section>`;
}

/** A sparkline of a function's time across runs; with `dots`, one dot per run colored by status. */
export function sparkline(points: readonly TrendPoint[], opts: { width?: number; height?: number; dots?: boolean } = {}): string {
  if (points.length === 0) return "";
  const { width = 120, height = 28, dots = true } = opts;
  const max = Math.max(...points.map((p) => p.time_ms), 1);
  const step = points.length > 1 ? (width - 6) / (points.length - 1) : 0;
  const xy = points.map((p, i) => [Math.round(3 + i * step), Math.round(height - 3 - (p.time_ms / max) * (height - 6))] as const);
  const line = xy.map(([x, y]) => `${x},${y}`).join(" ");
  const marks = dots ? xy.map(([x, y], i) => `<circle cx="${x}" cy="${y}" r="2" class="st-${points[i]!.status}" fill="currentColor"/>`).join("") : "";
  const last = points.at(-1)!;
  const label = dots ? `time over ${points.length} run${points.length === 1 ? "" : "s"}: ${points.map((p) => `${formatMs(p.time_ms)} ${p.status}`).join(", ")}` : `time over ${points.length} runs, last ${formatMs(last.time_ms)} (max ${formatMs(max)})`;
  return `<svg class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}"><polyline points="${line}" fill="none" stroke="currentColor" stroke-opacity=".5"/>${marks}</svg>`;
}

function fnRow(s: SpecScore, input: ReportInput, changes: ReadonlyMap<string, string>): string {
  const key = input.keyOf(s);
  const change = changes.get(key) ?? "unchanged";
  const code = input.code?.get(s.name) ?? s.program ?? "";
  const codeCell = code === "" ? `<span class="muted">no program</span>` : `<details class="code"><summary>Python</summary><pre><code>${esc(code)}</code></pre></details>`;
  const where = `<div class="muted">${esc(s.file)}:${s.line}</div>`;
  return `<tr data-name="${esc(key.toLowerCase())}" data-status="${esc(s.status)}" data-change="${esc(change)}"><td data-label="function"><code>${esc(s.name)}</code>${where}</td><td data-label="status"><span class="st st-${esc(s.status)}">${esc(s.status)}</span>${change === "unchanged" ? "" : ` <span class="muted">${esc(change)}</span>`}</td><td class="num" data-label="score">${s.score.toFixed(2)}</td><td class="num" data-label="time">${formatMs(s.time_ms)}</td><td class="num" data-label="size">${s.size}</td><td data-label="trend">${sparkline(input.trends.get(key) ?? [])}</td><td data-label="code">${codeCell}</td></tr>`;
}

function fnTable(input: ReportInput): string {
  const filters = `<div class="filters" hidden><input id="fn-filter" type="search" placeholder="Filter functions" aria-label="Filter functions"><select id="fn-status" aria-label="Status"><option value="">all</option><option>solved</option><option>unsolved</option><option>ambiguous</option><option>error</option><option value="changed">changed</option></select><span id="fn-count" class="muted"></span></div>`;
  const changes = new Map((input.comparison?.rows ?? []).map((r) => [r.key, r.change]));
  const rows = input.run.scores.specs.map((s) => fnRow(s, input, changes)).join("");
  const errors = input.run.scores.errors.length === 0 ? "" : `<h3>Specs that could not be read</h3><ul>${input.run.scores.errors.map((e) => `<li><code>${esc(e.file)}:${e.line}</code> ${esc(e.message)}</li>`).join("")}</ul>`;
  return `<section id="functions"><h2>Functions</h2>${filters}<table class="fns"><thead><tr><th>function</th><th>status</th><th>score</th><th>time</th><th>size</th><th>trend</th><th>code</th></tr></thead><tbody>${rows}</tbody></table>${errors}</section>`;
}

function chartsSection(input: ReportInput): string {
  const pts = input.history.map(runPoint);
  const label = (p: (typeof pts)[number]): string => `${p.id}: ${p.solved}/${p.total}`;
  const rate = lineChart(pts.map((p) => ({ x: p.created, y: p.solveRate, label: label(p) })), { title: "Solve rate over runs", yLabel: "solved (%)", percent: true });
  const time = lineChart(pts.map((p) => ({ x: p.created, y: p.time_ms / 1000, label: `${p.id}: ${formatMs(p.time_ms)}` })), { title: "Total time over runs", yLabel: "time (s)" });
  const rounds = input.run.scores.summary.per_round;
  const curve = rounds.length > 1 ? `<div class="chart">${lineChart(rounds.map((r) => ({ x: r.round, y: r.solved, label: `round ${r.round}: ${r.solved} solved, ${formatMs(r.time_ms)}` })), { title: "Learning curve: solved after each round", yLabel: "solved", xLabel: "round", timeX: false })}</div>` : "";
  return `<section id="charts"><h2>Over runs</h2><div class="charts"><div class="chart">${rate}</div><div class="chart">${time}</div>${curve}</div></section>`;
}

function graphSection(graph: RelationGraph): string {
  return `<section id="graph" class="graph"><h2>Function relationships</h2><p class="muted">Functions sharing a subprogram of 3+ nodes (solid) or a corpus entry (dashed).</p><div class="chart">${graphSvg(graph, { title: "Function relationship graph" })}</div></section>`;
}

/** The whole report document. */
export function renderReport(input: ReportInput): string {
  const m = input.run.meta;
  const hud = input.progress === undefined ? "" : renderHud(input.progress.summary, input.progress.history, { collapsed: true, id: "aurora-hud" });
  const scripts = [REPORT_SCRIPT, ...(hud === "" ? [] : [hud.slice(hud.lastIndexOf("<script>") + 8, hud.lastIndexOf("</script>"))])];
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; script-src ${scripts.map(scriptHash).join(" ")}; base-uri 'none'; form-action 'none'`;
  const title = `Aurora-X run ${m.run_id}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}"><meta name="referrer" content="no-referrer"><link rel="icon" href="data:,">
<title>${esc(title)}</title><style>${REPORT_CSS}</style></head>
<body><main>
<header><h1>${esc(title)}</h1><div class="verdict">${badge(input.comparison)}${verdictNote(input.comparison)}</div>${metaLine(m)}</header>
${cards(input.run.scores)}
${findingsSection(input.comparison)}
${chartsSection(input)}
${fnTable(input)}
${graphSection(input.graph)}
<footer>Generated by Aurora-X ${esc(m.engine_version)}. Self-contained: no request leaves this page.</footer>
</main>
<script>${REPORT_SCRIPT}</script>
${hud}
</body></html>
`;
}
