/**
 * The function relationship graph of a run: nodes are functions; an edge joins two functions whose DSL programs
 * share a subprogram (a common subtree of at least `minSize` nodes) or that reused the same corpus entry
 * (`reused` ids; an id naming another function of the run links to that function).
 *
 * Invariants: edges are undirected and stored once with `a < b`; a subtree shared by more than `maxShare`
 * functions is an idiom (like `len(s) + 1`), not a relationship, and makes no edges (it would make a clique).
 */
import type { SpecScore } from "./schema.js";

/** Why two functions are related. */
export type EdgeKind = "subprogram" | "corpus";

/** One undirected edge; `via` is the shared subprogram (S-expression) or corpus id. */
export interface GraphEdge {
  readonly a: string;
  readonly b: string;
  readonly kind: EdgeKind;
  readonly via: string;
}

/** The graph: node keys (functions) and edges sorted by (a, b, kind). */
export interface RelationGraph {
  readonly nodes: readonly string[];
  readonly edges: readonly GraphEdge[];
}

/** Options of the graph. */
export interface GraphOptions {
  /** Smallest shared subtree that counts. @default 3 */
  readonly minSize?: number;
  /** A subtree or corpus id shared by more functions than this is ignored. @default 8 */
  readonly maxShare?: number;
}

/** A function of a run as the graph sees it. */
export interface GraphInput {
  readonly key: string;
  readonly dsl: readonly unknown[] | null;
  readonly reused?: readonly string[] | undefined;
}

/** Number of nodes of a stored DSL program (calls, variables, constants and lambdas count one each). */
export function dslSize(node: unknown): number {
  if (!Array.isArray(node) || node.length === 0) return 0;
  const tag = node[0] as unknown;
  if (tag === "$" || tag === "#") return 1;
  if (tag === "λ") return 1 + dslSize(node[2]);
  return 1 + node.slice(2).reduce((n: number, arg) => n + dslSize(arg), 0);
}

/** A compact S-expression of a stored program (types left out): `(add (len s) 1)`. */
export function dslText(node: unknown): string {
  if (!Array.isArray(node) || node.length === 0) return "?";
  const [tag, a, b] = node as [unknown, unknown, unknown];
  if (tag === "$") return String(a);
  if (tag === "#") return JSON.stringify(a) ?? "?";
  if (tag === "λ") return `(λ ${Array.isArray(a) ? a.join(" ") : ""}. ${dslText(b)})`;
  const args = node.slice(2).map(dslText);
  return args.length === 0 ? `(${String(tag)})` : `(${String(tag)} ${args.join(" ")})`;
}

/** Every distinct subtree of `dsl` with at least `minSize` nodes, keyed by its canonical JSON. */
export function subtrees(dsl: unknown, minSize: number): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const visit = (node: unknown): number => {
    if (!Array.isArray(node) || node.length === 0) return 0;
    const tag = node[0] as unknown;
    let size = 1;
    if (tag === "λ") size += visit(node[2]);
    else if (tag !== "$" && tag !== "#") for (const arg of node.slice(2)) size += visit(arg);
    if (size >= minSize) out.set(JSON.stringify(node), node);
    return size;
  };
  visit(dsl);
  return out;
}

/** Groups functions by a shared token (subtree key or corpus id), dropping tokens shared too widely. */
function groupsBy(inputs: readonly GraphInput[], tokens: (f: GraphInput) => Iterable<string>, maxShare: number): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const f of inputs) {
    for (const t of new Set(tokens(f))) {
      const g = groups.get(t);
      if (g === undefined) groups.set(t, [f.key]);
      else g.push(f.key);
    }
  }
  for (const [t, g] of groups) if (g.length < 2 || g.length > maxShare) groups.delete(t);
  return groups;
}

/** Adds an edge per pair of a group, keeping per pair the longest `via` of each kind. */
function addPairs(edges: Map<string, GraphEdge>, keys: readonly string[], kind: EdgeKind, via: string): void {
  const sorted = [...keys].sort();
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const id = `${sorted[i]}\u0000${sorted[j]}\u0000${kind}`;
      const old = edges.get(id);
      if (old === undefined || via.length > old.via.length) edges.set(id, { a: sorted[i]!, b: sorted[j]!, kind, via });
    }
  }
}

/** The relationship graph of a run's functions. */
export function relationGraph(inputs: readonly GraphInput[], options: GraphOptions = {}): RelationGraph {
  const minSize = options.minSize ?? 3;
  const maxShare = options.maxShare ?? 8;
  const edges = new Map<string, GraphEdge>();
  const trees = new Map<string, unknown>();
  const sub = groupsBy(inputs, (f) => {
    const s = subtrees(f.dsl, minSize);
    for (const [k, v] of s) trees.set(k, v);
    return s.keys();
  }, maxShare);
  for (const [k, keys] of sub) addPairs(edges, keys, "subprogram", dslText(trees.get(k)));
  const names = new Set(inputs.map((f) => f.key));
  for (const f of inputs) for (const id of f.reused ?? []) if (names.has(id) && id !== f.key) addPairs(edges, [f.key, id], "corpus", id);
  for (const [id, keys] of groupsBy(inputs, (f) => f.reused ?? [], maxShare)) addPairs(edges, keys, "corpus", id);
  const sorted = [...edges.values()].sort((x, y) => cmp(x.a, y.a) || cmp(x.b, y.b) || cmp(x.kind, y.kind));
  return { nodes: inputs.map((f) => f.key).sort(), edges: sorted };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The graph inputs of a run's specs under their comparison keys. */
export function graphInputs(specs: readonly SpecScore[], keyOf: (s: SpecScore) => string): GraphInput[] {
  return specs.map((s) => ({ key: keyOf(s), dsl: s.dsl, reused: s.reused }));
}

/** Edges that appeared or vanished between two graphs, among functions present in both. */
export interface GraphChanges {
  readonly appeared: readonly GraphEdge[];
  readonly vanished: readonly GraphEdge[];
}

/** Compares two graphs edge by edge (same pair and kind); edges of functions missing from either run are left out. */
export function graphChanges(base: RelationGraph, head: RelationGraph): GraphChanges {
  const both = new Set(base.nodes.filter((n) => head.nodes.includes(n)));
  const id = (e: GraphEdge): string => `${e.a}\u0000${e.b}\u0000${e.kind}`;
  const inBoth = (e: GraphEdge): boolean => both.has(e.a) && both.has(e.b);
  const baseIds = new Set(base.edges.map(id));
  const headIds = new Set(head.edges.map(id));
  return {
    appeared: head.edges.filter((e) => inBoth(e) && !baseIds.has(id(e))),
    vanished: base.edges.filter((e) => inBoth(e) && !headIds.has(id(e))),
  };
}
