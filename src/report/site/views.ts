/**
 * HTML fragments of the dashboard's pages, rendered at build time (charts as inline SVG, so pages work without
 * JavaScript). Every user string goes through escapeHtml; links are built from the site's base path and slugs
 * that contain only [a-z0-9_-]. Pure.
 */
import { lineChart } from "../charts.js";
import { formatMs, formatP } from "../compare.js";
import type { Comparison } from "../findings.js";
import type { TrendPoint } from "../history.js";
import { colorBand, escapeHtml, hudPercent, type HudHistoryPoint, type HudProgress } from "../hud/index.js";
import { badge, cards, findingsSection, metaLine, sparkline } from "../html/page.js";
import { graphSvg } from "../html/graph-svg.js";
import type { RunRecord, SpecScore } from "../schema.js";
import type { FnIndexRow, FnPage, SiteModel, TrackerChange } from "./model.js";

const esc = escapeHtml;

/** Links inside the site: `base` is Astro's BASE_URL (`/` or `/repo/`). */
export interface Links {
  readonly home: string;
  run(id: string): string;
  fn(slug: string): string;
  readonly runs: string;
  readonly functions: string;
  readonly regressions: string;
  readonly tracker: string;
}

/** The site's links under a base path. Run ids and slugs are URL-safe by construction. */
export function links(base: string): Links {
  const b = base.endsWith("/") ? base : `${base}/`;
  return {
    home: b,
    run: (id) => `${b}runs/${encodeURIComponent(id)}/`,
    fn: (slug) => `${b}functions/${encodeURIComponent(slug)}/`,
    runs: `${b}runs/`,
    functions: `${b}functions/`,
    regressions: `${b}regressions/`,
    tracker: `${b}tracker/`,
  };
}

function status(s: SpecScore["status"] | undefined): string {
  return s === undefined ? `<span class="muted">absent</span>` : `<span class="st st-${esc(s)}">${esc(s)}</span>`;
}

/** The verdict of the newest run against the one before it. */
export function overviewVerdict(m: SiteModel, l: Links): string {
  const c = m.comparison();
  if (m.latest === undefined) return `<p>No runs yet: run <code>aurora run</code>, then build the site again.</p>`;
  const vs = c === undefined ? `<span class="muted">First run: nothing to compare with yet.</span>` : `<span class="muted">Run <a href="${esc(l.run(c.head.id))}"><code>${esc(c.head.id)}</code></a> vs <a href="${esc(l.run(c.base.id))}"><code>${esc(c.base.id)}</code></a>: ${c.warnings} warnings, ${c.acknowledged} acknowledged; McNemar exact p = ${formatP(c.solveRate.mcnemar.p)}. <a href="${esc(l.regressions)}">Details</a></span>`;
  return `<div class="verdict">${badge(c)}${vs}</div>${metaLine(m.latest.meta)}${cards(m.latest.scores)}`;
}

/** Solve rate and time over all runs. */
export function runCharts(m: SiteModel): string {
  const rate = lineChart(m.points.map((p) => ({ x: p.created, y: p.solveRate, label: `${p.id}: ${p.solved}/${p.total}` })), { title: "Solve rate over runs", yLabel: "solved (%)", percent: true });
  const time = lineChart(m.points.map((p) => ({ x: p.created, y: p.time_ms / 1000, label: `${p.id}: ${formatMs(p.time_ms)}` })), { title: "Total time over runs", yLabel: "time (s)" });
  return `<div class="charts"><div class="chart">${rate}</div><div class="chart">${time}</div></div>`;
}

/** Learning curves (solved after each round) of the newest runs that had more than one round. */
export function learningCurves(m: SiteModel, max = 3): string {
  const multi = m.runs.filter((r) => r.scores.summary.per_round.length > 1).slice(-max);
  if (multi.length === 0) return `<p class="muted">No run with more than one round yet (aurora run --rounds 3).</p>`;
  const charts = multi.map((r) => {
    const pts = r.scores.summary.per_round.map((p) => ({ x: p.round, y: p.solved, label: `round ${p.round}: ${p.solved} solved, ${formatMs(p.time_ms)}` }));
    return `<div class="chart">${lineChart(pts, { title: `Learning curve of run ${r.meta.run_id}`, yLabel: "solved", xLabel: "round", timeX: false, height: 180 })}</div>`;
  });
  return `<div class="charts">${charts.join("")}</div>`;
}

/** The runs list, newest first. */
export function runsTable(m: SiteModel, l: Links): string {
  const rows = [...m.points].reverse().map((p) => {
    const v = m.verdictOf(p.id);
    const verdict = v.verdict === "first" ? `<span class="muted">first</span>` : v.verdict === "fail" ? `<span class="lv-fail">${v.regressions} regression${v.regressions === 1 ? "" : "s"}</span>` : v.verdict === "warn" ? `<span class="lv-warn">${v.warnings} warning${v.warnings === 1 ? "" : "s"}</span>` : `<span class="st-solved">clean</span>`;
    const run = m.run(p.id)!;
    return `<tr><td><a href="${esc(l.run(p.id))}"><code>${esc(p.id)}</code></a></td><td>${esc(p.created.slice(0, 19).replace("T", " "))}</td><td><code>${esc((p.commit ?? "").slice(0, 10))}</code> ${esc(run.meta.branch ?? "")}</td><td class="num">${p.solved}/${p.total}</td><td class="num">${p.solveRate.toFixed(1)}%</td><td class="num">${formatMs(p.time_ms)}</td><td>${verdict}</td></tr>`;
  });
  return `<div class="scroll"><table><thead><tr><th>run</th><th>created (UTC)</th><th>commit</th><th>solved</th><th>rate</th><th>time</th><th>vs previous</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

function fnTableRow(row: FnIndexRow, l: Links, s: SpecScore | undefined, trend: readonly TrendPoint[] | undefined, change = ""): string {
  const spark = trend === undefined ? "" : `<td>${sparkline(trend.slice(-20), { dots: false, width: 80, height: 20 })}</td>`;
  return `<tr data-name="${esc(row.key.toLowerCase())}" data-status="${esc(s?.status ?? "absent")}"><td><a href="${esc(l.fn(row.slug))}"><code>${esc(row.name)}</code></a><div class="muted">${esc(row.file)}</div></td><td>${status(s?.status)}${change}</td><td class="num">${s ? s.score.toFixed(2) : "—"}</td><td class="num">${s ? formatMs(s.time_ms) : "—"}</td><td class="num">${s ? s.size : "—"}</td>${spark}</tr>`;
}

const FILTER = `<div class="filters" data-filter hidden><input type="search" placeholder="Filter functions" aria-label="Filter functions" data-filter-text><select aria-label="Status" data-filter-status><option value="">all</option><option>solved</option><option>unsolved</option><option>ambiguous</option><option>error</option><option>absent</option></select><span class="muted" data-filter-count></span></div>`;

/** Every function with its newest values and trend; the filter island enhances it. */
export function functionsTable(m: SiteModel, l: Links): string {
  const rows = m.functions.map((f) => fnTableRow(f, l, f.latest, f.trend));
  return `${FILTER}<table class="fns" data-filterable><thead><tr><th>function</th><th>status</th><th>score</th><th>time</th><th>size</th><th>trend</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** One run: summary, comparison with the run before, and its functions. */
export function runDetail(m: SiteModel, run: RunRecord, l: Links): string {
  const c = m.runComparison(run.meta.run_id);
  const bySlug = new Map(m.functions.map((f) => [f.key, f]));
  const change = new Map((c?.rows ?? []).map((r) => [r.key, r.change]));
  const rows = run.scores.specs.map((s) => {
    const key = m.keyOf(s);
    const f = bySlug.get(key)!;
    const ch = change.get(key);
    return fnTableRow(f, l, s, undefined, ch === undefined || ch === "unchanged" ? "" : ` <span class="muted">${esc(ch)}</span>`);
  });
  const fnHref = (key: string): string | undefined => {
    const f = bySlug.get(key);
    return f && l.fn(f.slug);
  };
  const verdict = `<div class="verdict">${badge(c)}${c === undefined ? `<span class="muted">First kept run.</span>` : `<span class="muted">vs <a href="${esc(l.run(c.base.id))}"><code>${esc(c.base.id)}</code></a></span>`}</div>`;
  return `${verdict}${metaLine(run.meta)}${cards(run.scores)}${findingsSection(c, fnHref)}<h2>Functions</h2>${FILTER}<table class="fns" data-filterable><thead><tr><th>function</th><th>status</th><th>score</th><th>time</th><th>size</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** Score, time and size of one function over the runs, as three small charts. */
export function functionCharts(trend: readonly TrendPoint[]): string {
  const pts = (y: (t: TrendPoint) => number, unit: string) => trend.map((t) => ({ x: t.created, y: y(t), label: `${t.run}: ${t.status}, ${y(t)}${unit}` }));
  const opts = { width: 420, height: 150, dots: trend.length <= 20 };
  return `<div class="charts"><div class="chart">${lineChart(pts((t) => t.score, ""), { ...opts, title: "Score over runs", yLabel: "score" })}</div><div class="chart">${lineChart(pts((t) => Math.round(t.time_ms), " ms"), { ...opts, title: "Time over runs", yLabel: "time (ms)" })}</div><div class="chart">${lineChart(pts((t) => t.size, " nodes"), { ...opts, title: "Program size over runs", yLabel: "size (nodes)" })}</div></div>`;
}

/** One function: newest values, code, history charts (pre-rendered ones when given) and table, relationships. */
export function functionDetail(page: FnPage, l: Links, charts: string = functionCharts(page.row.trend)): string {
  const s = page.row.latest;
  const head = `<p>${status(s?.status)} <span class="muted">${esc(page.row.file)}${s ? `:${s.line}` : ""}</span></p>`;
  const code = page.code === null ? `<p class="muted">No program in the newest run.</p>` : `<pre><code>${esc(page.code)}</code></pre>`;
  const hist = [...page.row.trend].reverse().slice(0, 20).map((t) => `<tr><td><a href="${esc(l.run(t.run))}"><code>${esc(t.run)}</code></a></td><td>${status(t.status)}</td><td class="num">${t.score.toFixed(2)}</td><td class="num">${formatMs(t.time_ms)}</td><td class="num">${t.size}</td></tr>`);
  const related = page.related.length === 0 ? `<p class="muted">No relationships in the newest run.</p>` : `<ul>${page.related.map((r) => `<li>${r.slug ? `<a href="${esc(l.fn(r.slug))}"><code>${esc(r.other)}</code></a>` : `<code>${esc(r.other)}</code>`} <span class="muted">${esc(r.edge.kind)}: <code>${esc(r.edge.via)}</code></span></li>`).join("")}</ul>`;
  return `${head}<h2>Code</h2>${code}<h2>History</h2>${charts}<div class="scroll"><table><thead><tr><th>run</th><th>status</th><th>score</th><th>time</th><th>size</th></tr></thead><tbody>${hist.join("")}</tbody></table></div><h2>Relationships</h2>${related}`;
}

/** Regressions of the newest run, and the runs whose comparison failed or warned. */
export function regressionsView(m: SiteModel, l: Links): string {
  const c: Comparison | undefined = m.comparison();
  const byKey = new Map(m.functions.map((f) => [f.key, f.slug]));
  const href = (key: string): string | undefined => {
    const slug = byKey.get(key);
    return slug && l.fn(slug);
  };
  const latest = c === undefined ? `<p>Fewer than two runs: nothing to compare yet.</p>` : `<div class="verdict">${badge(c)}</div>${findingsSection(c, href, "Newest run vs the run before it")}`;
  const bad = [...m.points].reverse().filter((p) => m.verdictOf(p.id).verdict === "fail" || m.verdictOf(p.id).verdict === "warn");
  const list = bad.length === 0 ? `<p>No run regressed against the run before it.</p>` : `<ul>${bad.map((p) => {
    const v = m.verdictOf(p.id);
    return `<li><a href="${esc(l.run(p.id))}"><code>${esc(p.id)}</code></a>: <span class="lv-${v.verdict === "fail" ? "fail" : "warn"}">${v.regressions} regressions, ${v.warnings} warnings</span></li>`;
  }).join("")}</ul>`;
  const graph = `<h2>Function relationships (newest run)</h2><div class="chart graph">${graphSvg(m.graph(), { title: "Function relationship graph", href: (key) => l.fn(byKey.get(key) ?? "") })}</div>`;
  return `${latest}<h2>History of regressions</h2>${list}${graph}`;
}

function bar(percent: number): string {
  return `<span class="bar ahud-c${colorBand(percent)}" role="progressbar" aria-valuenow="${Math.round(percent * 10) / 10}" aria-valuemin="0" aria-valuemax="100"><span style="width:${Math.min(100, Math.max(0, percent)).toFixed(1)}%"></span></span>`;
}

/** The tracker: phases and tasks with bars, the overall percent over snapshots, recent changes. */
export function trackerView(p: { summary: HudProgress; history: readonly HudHistoryPoint[]; changes: readonly TrackerChange[] }): string {
  const s = p.summary;
  const phases = s.phases.map((ph) => {
    const tasks = ph.tasks.map((t) => `<tr${t.header ? ` class="hdr"` : ""}><td style="padding-left:${8 + t.depth * 16}px"><code>${esc(t.id)}</code> ${esc(t.title)}</td><td class="num">${hudPercent(t.percent)}</td><td>${bar(t.percent)}</td></tr>`);
    return `<h3>${esc(ph.name)} <span class="muted">${hudPercent(ph.percent)}</span></h3><div class="scroll"><table><tbody>${tasks.join("")}</tbody></table></div>`;
  });
  const chart = lineChart(p.history.map((h) => ({ x: h.at, y: h.overall, label: `${h.name}: ${hudPercent(h.overall)}` })), { title: "Overall progress over snapshots", yLabel: "overall (%)", xLabel: "snapshot", percent: true });
  const changes = p.changes.length === 0 ? `<p class="muted">No changes since the last snapshot.</p>` : `<div class="scroll"><table><thead><tr><th>at</th><th>task</th><th>change</th><th>reason</th></tr></thead><tbody>${[...p.changes].reverse().map((c) => `<tr><td>${esc(c.at)}</td><td><code>${esc(c.task)}</code></td><td class="num">${c.from}% → ${c.to}%</td><td>${esc(c.reason ?? "")}</td></tr>`).join("")}</tbody></table></div>`;
  return `<p><b>${esc(s.title ?? "Progress")}</b> v${esc(s.version)}: ${bar(s.overall)} <b>${hudPercent(s.overall)}</b></p>${phases.join("")}<h2>History</h2><div class="chart">${chart}</div><h2>Changes since the last snapshot</h2>${changes}`;
}
