/**
 * The floating HUD as an HTML fragment. Pure: strings in, a string out; no external requests (CSS and JS inline).
 * Without JavaScript it is a read-only view that still collapses (`<details>`); the script adds live updates and
 * quick actions when a tracker server answers (see client.ts).
 */
import { HUD_SCRIPT } from "./client.js";
import { escapeHtml } from "./escape.js";
import { HUD_CSS } from "./style.js";
import type { HudHistoryPoint, HudOptions, HudParts, HudProgress, HudTask } from "./types.js";

/** `91.7%`: one decimal, no trailing `.0`. */
export function hudPercent(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}

/** The color band of a percent: 0 red (<34), 1 amber (<67), 2 teal (<100), 3 green (100). */
export function colorBand(percent: number): 0 | 1 | 2 | 3 {
  if (percent >= 100) return 3;
  if (percent >= 67) return 2;
  if (percent >= 34) return 1;
  return 0;
}

function bar(percent: number, label: string): string {
  const p = Math.min(100, Math.max(0, percent));
  return `<div class="ahud-bar ahud-c${colorBand(p)}" role="progressbar" aria-label="${escapeHtml(label)}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${Math.round(p * 10) / 10}"><span style="width:${p.toFixed(1)}%"></span></div>`;
}

/** The points of a sparkline polyline for values 0-100 in a `width` x `height` box (one value: a flat line). */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  const ys = values.length === 1 ? [values[0]!, values[0]!] : values;
  const step = ys.length > 1 ? width / (ys.length - 1) : 0;
  const y = (v: number): number => height - 1 - (Math.min(100, Math.max(0, v)) / 100) * (height - 2);
  return ys.map((v, i) => `${(i * step).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
}

function sparkline(history: readonly HudHistoryPoint[], current: number): string {
  const values = [...history.map((h) => h.overall), current];
  const label = `history of the overall percent: ${history.map((h) => `${h.name} ${hudPercent(h.overall)}`).join(", ")}${history.length > 0 ? ", " : ""}now ${hudPercent(current)}`;
  return `<svg class="ahud-spark" viewBox="0 0 120 24" width="120" height="24" role="img" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title><polyline fill="none" stroke="currentColor" stroke-width="1.5" points="${sparklinePoints(values, 120, 24)}"/></svg>`;
}

function taskRow(t: HudTask): string {
  const kind = t.header ? "ahud-task ahud-header" : "ahud-task";
  return `<li class="${kind}" data-task="${escapeHtml(t.id)}" data-percent="${Math.round(t.percent * 10) / 10}" style="--ahud-depth:${t.depth}"><span class="ahud-id">${escapeHtml(t.id)}</span><span class="ahud-title" title="${escapeHtml(t.title)}">${escapeHtml(t.title)}</span><span class="ahud-pct">${hudPercent(t.percent)}</span>${bar(t.percent, `${t.id} ${t.title}`)}</li>`;
}

function phaseBlock(phase: HudProgress["phases"][number], index: number): string {
  const tasks = phase.tasks.length === 0 ? `<p class="ahud-empty">No tasks yet.</p>` : `<ul class="ahud-tasks">${phase.tasks.map(taskRow).join("")}</ul>`;
  return `<details class="ahud-phase" data-phase="${index}"><summary><span class="ahud-name">${escapeHtml(phase.name)}</span><span class="ahud-pct">${hudPercent(phase.percent)}</span>${bar(phase.percent, phase.name)}</summary>${tasks}</details>`;
}

/** The parts the live channel replaces: badge, panel body and the task picker's options. */
export function renderHudParts(progress: HudProgress, history: readonly HudHistoryPoint[]): HudParts {
  const title = progress.title ?? "Progress";
  const badge = `<span class="ahud-icon ahud-c${colorBand(progress.overall)}" aria-hidden="true">${Math.floor(progress.overall)}</span><span class="ahud-head"><span class="ahud-label">${escapeHtml(title)} <span class="ahud-version">v${escapeHtml(progress.version)}</span></span><span class="ahud-overall" data-overall="${Math.round(progress.overall * 10) / 10}">${hudPercent(progress.overall)}</span></span>`;
  const phases = progress.phases.length === 0 ? `<p class="ahud-empty">No phases yet.</p>` : progress.phases.map(phaseBlock).join("");
  const updated = progress.updated === undefined ? "" : `<span class="ahud-updated">updated ${escapeHtml(progress.updated)}</span>`;
  const body = `<div class="ahud-overview">${bar(progress.overall, "overall")}${sparkline(history, progress.overall)}${updated}</div>${phases}`;
  const options = progress.phases
    .flatMap((p) => p.tasks)
    .map((t) => `<option value="${escapeHtml(t.id)}">${escapeHtml(t.id)} ${escapeHtml(t.title)} (${hudPercent(t.percent)})</option>`)
    .join("");
  return { badge, body, options };
}

const FORM = `<form class="ahud-form" hidden><label>Task <select name="task" required></select></label><label>Value <input name="value" placeholder="75, +10, -5 or auto" required autocomplete="off"></label><label>Reason <input name="reason" placeholder="why (needed when lowering)" autocomplete="off"></label><label>API key <input name="key" type="password" placeholder="AURORA_API_KEY" autocomplete="off"></label><button type="submit">Update</button><output class="ahud-msg" aria-live="polite"></output></form>`;

/**
 * The whole HUD fragment: root element, inline CSS, the collapsible panel and the enhancement script.
 * Embed it once per page (e.g. just before `</body>`); every user string is HTML-escaped.
 */
export function renderHud(progress: HudProgress, history: readonly HudHistoryPoint[], options: HudOptions = {}): string {
  const parts = renderHudParts(progress, history);
  const id = escapeHtml(options.id ?? "aurora-hud");
  const attrs = `id="${id}" class="ahud" data-api="${escapeHtml(options.apiBase ?? "")}" data-live="${options.live === false ? "off" : "on"}"`;
  const open = options.collapsed === true ? "" : " open";
  const form = FORM.replace('<select name="task" required></select>', `<select name="task" required>${parts.options}</select>`);
  return `<div ${attrs}><style>${HUD_CSS}</style><details class="ahud-box"${open}><summary class="ahud-summary" title="Aurora-X progress"><span class="ahud-badge">${parts.badge}</span><span class="ahud-status" data-state="static">static</span></summary><div class="ahud-panel"><div class="ahud-body">${parts.body}</div>${form}</div></details><script>${HUD_SCRIPT}</script></div>`;
}
