/**
 * The function relationship graph as a small SVG: the most connected functions on a circle, edges as chords
 * (solid: shared subprogram, dashed: corpus reuse). A deterministic layout: the same graph draws the same picture.
 */
import type { GraphEdge, RelationGraph } from "../graph.js";
import { escapeHtml } from "../hud/index.js";

/** How many functions the picture shows at most (the most connected ones). @default 60 */
export const GRAPH_MAX_NODES = 60;

function degrees(edges: readonly GraphEdge[]): Map<string, number> {
  const d = new Map<string, number>();
  for (const e of edges) for (const n of [e.a, e.b]) d.set(n, (d.get(n) ?? 0) + 1);
  return d;
}

/** The nodes drawn: connected ones, most connected first, then by name; at most `max`. */
export function graphNodes(graph: RelationGraph, max: number = GRAPH_MAX_NODES): string[] {
  const d = degrees(graph.edges);
  return [...d.keys()].sort((a, b) => d.get(b)! - d.get(a)! || (a < b ? -1 : 1)).slice(0, max).sort();
}

function short(name: string, n = 18): string {
  return name.length > n ? `${name.slice(0, n - 1)}…` : name;
}

/** The SVG (or a sentence when no two functions are related). `href` links a node to its page (site). */
export function graphSvg(graph: RelationGraph, opts: { title: string; href?: (key: string) => string; max?: number } = { title: "Function relationships" }): string {
  const nodes = graphNodes(graph, opts.max);
  if (nodes.length === 0) return `<p class="muted">No two functions share a subprogram of 3 or more nodes or a corpus entry.</p>`;
  const size = 560;
  const r = size / 2 - 90;
  const pos = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n, { x: size / 2 + r * Math.cos(a), y: size / 2 + r * Math.sin(a), a }] as const;
  }));
  const edges = graph.edges.filter((e) => pos.has(e.a) && pos.has(e.b)).map((e) => {
    const p = pos.get(e.a)!;
    const q = pos.get(e.b)!;
    const dash = e.kind === "corpus" ? ' stroke-dasharray="4 3"' : "";
    return `<path d="M${p.x.toFixed(1)},${p.y.toFixed(1)} Q${size / 2},${size / 2} ${q.x.toFixed(1)},${q.y.toFixed(1)}" fill="none" stroke="currentColor" stroke-opacity=".45"${dash}><title>${escapeHtml(`${e.a} — ${e.b} (${e.kind}: ${e.via})`)}</title></path>`;
  });
  const labels = nodes.map((n) => {
    const { x, y, a } = pos.get(n)!;
    const right = Math.cos(a) >= 0;
    const lx = x + (right ? 8 : -8);
    const text = `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4" fill="#2563eb"/><text x="${lx.toFixed(1)}" y="${(y + 4).toFixed(1)}" text-anchor="${right ? "start" : "end"}" font-size="11" fill="currentColor">${escapeHtml(short(n))}</text>`;
    const body = `<g><title>${escapeHtml(n)}</title>${text}</g>`;
    return opts.href === undefined ? body : `<a href="${escapeHtml(opts.href(n))}">${body}</a>`;
  });
  const more = graph.edges.length > edges.length ? `<p class="muted">Showing ${nodes.length} most connected functions and ${edges.length} of ${graph.edges.length} relationships.</p>` : "";
  return `<svg viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeHtml(opts.title)}"><title>${escapeHtml(opts.title)}</title>${edges.join("")}${labels.join("")}</svg>${more}`;
}
