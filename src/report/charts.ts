/**
 * Charts as SVG strings, rendered without a browser: Observable Plot draws into a linkedom document (as Bencher
 * does), so reports and site pages show charts with JavaScript off. Pure (no I/O). Every chart has a `<title>`
 * and an aria-label; Plot sets text through the DOM, and linkedom escapes it when serializing.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { escapeHtml } from "./hud/index.js";

let doc: unknown;

/** One shared linkedom document (creating one costs more than a chart). */
function document(): unknown {
  doc ??= parseHTML("<!doctype html><html><head></head><body></body></html>").document;
  return doc;
}

/** A point of a chart over runs. */
export interface SeriesPoint {
  /** X: a run's time (ISO 8601) or a round number. */
  readonly x: string | number;
  readonly y: number;
  /** Tooltip text (`<title>` of the point). */
  readonly label?: string;
  /** Optional category (e.g. a metric name for small multiples). */
  readonly group?: string;
}

/** How a line chart looks. */
export interface LineChartOptions {
  /** Shown as the SVG's accessible name. */
  readonly title: string;
  readonly yLabel: string;
  /** @default "run" */
  readonly xLabel?: string;
  /** Percent axis (0-100). @default false */
  readonly percent?: boolean;
  /** @default 640 */
  readonly width?: number;
  /** @default 220 */
  readonly height?: number;
  /** X values are ISO times (dates on the axis). @default true */
  readonly timeX?: boolean;
  /** Dots with a tooltip per point (off for long series on pages that have many charts). @default true */
  readonly dots?: boolean;
}

function xValue(p: SeriesPoint, timeX: boolean): Date | number | string {
  return timeX && typeof p.x === "string" ? new Date(p.x) : p.x;
}

function finish(svg: unknown, title: string): string {
  const el = svg as { setAttribute(n: string, v: string): void; outerHTML: string; ownerDocument: { createElement(n: string): { textContent: string } }; insertBefore(a: unknown, b: unknown): void; firstChild: unknown };
  el.setAttribute("role", "img");
  el.setAttribute("aria-label", title);
  const t = el.ownerDocument.createElement("title");
  t.textContent = title;
  el.insertBefore(t, el.firstChild);
  return el.outerHTML;
}

/** A line with dots over runs (or rounds); an empty series gives a short note instead of a chart. */
export function lineChart(points: readonly SeriesPoint[], opts: LineChartOptions): string {
  if (points.length === 0) return `<p class="chart-empty">No data yet for ${escapeHtml(opts.title)}.</p>`;
  const timeX = opts.timeX ?? true;
  const data = points.map((p) => ({ x: xValue(p, timeX), y: p.y, label: p.label ?? `${String(p.x)}: ${p.y}` }));
  const svg = Plot.plot({
    document: document() as never,
    width: opts.width ?? 640,
    height: opts.height ?? 220,
    marginLeft: 48,
    style: { background: "transparent", fontSize: "11px" },
    x: { label: opts.xLabel ?? "run", ...(timeX ? { type: "utc" as const } : { type: "point" as const }) },
    y: { label: opts.yLabel, grid: true, zero: true, ...(opts.percent === true ? { domain: [0, 100] } : {}) },
    marks: [Plot.lineY(data, { x: "x", y: "y", stroke: "#2563eb", strokeWidth: 1.5 }), ...(opts.dots === false ? [] : [Plot.dot(data, { x: "x", y: "y", r: 2.5, fill: "#2563eb", title: "label" })])],
  });
  return finish(svg, opts.title);
}

/** Small multiples: one line per group (e.g. score, time, size of a function), each with its own y scale. */
export function smallMultiples(points: readonly SeriesPoint[], groups: readonly { key: string; label: string }[], opts: Omit<LineChartOptions, "yLabel" | "percent">): string {
  return groups
    .map((g) => lineChart(points.filter((p) => p.group === g.key), { ...opts, title: `${opts.title}: ${g.label}`, yLabel: g.label, height: opts.height ?? 140 }))
    .join("");
}
