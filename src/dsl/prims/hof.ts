import { fn, type Primitive, type Signature } from "../primitive.js";
import { BOOL, INT, STR, dict, isHashable, isOrderable, iterElement, list, type Type } from "../types.js";
import { PyDict, PyError, VALUE_ERROR, pyCompare, truthy, type Result, type Value } from "../values.js";
import { sumOf } from "./seq.js";

type TV = Readonly<Record<string, Type>>;
const S = (tv: TV): Type => tv["S"] ?? { kind: "unknown" };
const R = (tv: TV): Type => tv["R"] ?? { kind: "unknown" };
const el = (tv: TV): Type => iterElement(S(tv)) ?? { kind: "unknown" };
const elements = (src: Value): readonly Value[] =>
  typeof src === "string" ? [...src] : src instanceof PyDict ? src.keys : (src as readonly Value[]);

/** The first error among the rows (Python raises the first failing element in iteration order). */
function firstError(rows: readonly Result[]): PyError | undefined {
  for (const r of rows) if (r instanceof PyError) return r;
  return undefined;
}

function map(_src: Value, body: readonly Result[]): Result {
  return firstError(body) ?? (body as Value[]);
}

/** `[x for x in src if p(x)]`: an error in p raises; elements are kept where p is truthy. */
function filter(src: Value, pred: readonly Result[]): Result {
  const xs = elements(src);
  const out: Value[] = [];
  for (let i = 0; i < pred.length; i++) {
    const p = pred[i] as Result;
    if (p instanceof PyError) return p;
    if (truthy(p)) out.push(xs[i] as Value);
  }
  return out;
}

/** `[f(x) for x in src if p(x)]`: f is only evaluated where p holds, so its errors elsewhere do not count. */
function mapFilter(_src: Value, body: readonly Result[], pred: readonly Result[]): Result {
  const out: Value[] = [];
  for (let i = 0; i < pred.length; i++) {
    const p = pred[i] as Result;
    if (p instanceof PyError) return p;
    if (!truthy(p)) continue;
    const b = body[i] as Result;
    if (b instanceof PyError) return b;
    out.push(b);
  }
  return out;
}

function countIf(_src: Value, pred: readonly Result[]): Result {
  let n = 0;
  for (const p of pred) {
    if (p instanceof PyError) return p;
    if (truthy(p)) n++;
  }
  return n;
}

/** any/all short-circuit: a later element's error does not matter once the answer is known. */
function anyAll(pred: readonly Result[], want: boolean): Result {
  for (const p of pred) {
    if (p instanceof PyError) return p;
    if (truthy(p) === want) return want;
  }
  return !want;
}

function extremeOf(body: readonly Result[], sign: 1 | -1): Result {
  const e = firstError(body);
  if (e) return e;
  if (body.length === 0) return VALUE_ERROR;
  let best = body[0] as Value;
  for (const b of body) if (pyCompare(b as Value, best) * sign > 0) best = b as Value;
  return best;
}

/** `max(src, key=f)`: the first element with the largest key (Python keeps the first of equals). */
function extremeBy(src: Value, keys: readonly Result[], sign: 1 | -1): Result {
  const e = firstError(keys);
  if (e) return e;
  const xs = elements(src);
  if (xs.length === 0) return VALUE_ERROR;
  let bi = 0;
  for (let i = 1; i < keys.length; i++) if (pyCompare(keys[i] as Value, keys[bi] as Value) * sign > 0) bi = i;
  return xs[bi] as Value;
}

function sortBy(src: Value, keys: readonly Result[], reverse: boolean): Result {
  const e = firstError(keys);
  if (e) return e;
  const xs = elements(src);
  const idx = xs.map((_, i) => i);
  idx.sort((a, b) => (reverse ? -1 : 1) * pyCompare(keys[a] as Value, keys[b] as Value));
  return idx.map((i) => xs[i] as Value);
}

function dictComp(src: Value, body: readonly Result[]): Result {
  const e = firstError(body);
  if (e) return e;
  const xs = elements(src);
  return PyDict.from(xs.map((x, i) => [x, body[i] as Value] as const));
}

const iterSig = (f: (s: Type, e: Type, r: Type) => Signature | undefined) => (tv: TV): Signature | undefined => f(S(tv), el(tv), R(tv));

export const hofPrims: readonly Primitive[] = [
  { name: "comp.map", vars: { S: "iterable", R: "any" }, sig: iterSig((s, _e, r) => ({ args: [s, fn(r)], ret: list(r) })), cost: 1.5, hof: map, py: "[{1} for {1@} in {0:iter}]", pyPrec: "atom", ts: "$map({0}, ({1@}) => {1})", hints: ["each", "every", "all", "convert", "apply", "list", "square", "map"] },
  { name: "comp.filter", vars: { S: "iterable" }, sig: iterSig((s, e) => ({ args: [s, fn(BOOL)], ret: list(e) })), cost: 1.5, hof: filter, py: "[{1@e} for {1@} in {0:iter} if {1}]", pyPrec: "atom", ts: "$filter({0}, ({1@}) => {1})", hints: ["filter", "only", "keep", "remove", "select", "which", "that", "even", "odd", "positive", "negative"] },
  { name: "comp.mapfilter", vars: { S: "iterable", R: "any" }, sig: iterSig((s, _e, r) => ({ args: [s, fn(r), fn(BOOL)], ret: list(r) })), cost: 2, hof: mapFilter, py: "[{1} for {1@} in {0:iter} if {2}]", pyPrec: "atom", ts: "$mapFilter({0}, ({1@}) => {1}, ({2@}) => {2})", hints: ["only", "which", "that"] },
  { name: "comp.sum", vars: { S: "iterable", R: "any" }, sig: iterSig((s, _e, r) => (r.kind === "int" ? { args: [s, fn(r)], ret: r } : undefined)), cost: 1.5, hof: (_s, b) => sumOf(b as readonly Result[], false), py: "sum({1} for {1@} in {0:iter})", pyPrec: "atom", ts: "$sum($map({0}, ({1@}) => {1}))", hints: ["sum", "total", "add"] },
  // Float sums start from 0.0: Python's sum() of no floats is the int 0, which a float-typed value cannot be.
  { name: "comp.fsum", vars: { S: "iterable", R: "any" }, sig: iterSig((s, _e, r) => (r.kind === "float" ? { args: [s, fn(r)], ret: r } : undefined)), cost: 1.5, hof: (_s, b) => sumOf(b as readonly Result[], true), py: "sum(({1} for {1@} in {0:iter}), 0.0)", pyPrec: "atom", ts: "$sum($map({0}, ({1@}) => {1}))", hints: ["sum", "total", "add"] },
  { name: "comp.count", vars: { S: "iterable" }, sig: iterSig((s) => ({ args: [s, fn(BOOL)], ret: INT })), cost: 1.5, hof: countIf, py: "sum(1 for {1@} in {0:iter} if {1})", pyPrec: "atom", ts: "$filter({0}, ({1@}) => {1}).length", hints: ["count", "number", "how", "many", "occurrences"] },
  { name: "comp.any", vars: { S: "iterable" }, sig: iterSig((s) => ({ args: [s, fn(BOOL)], ret: BOOL })), cost: 1.5, hof: (_s, p) => anyAll(p as readonly Result[], true), py: "any({1} for {1@} in {0:iter})", pyPrec: "atom", ts: "$toList({0}).some(({1@}) => {1})", hints: ["any", "contains", "exists", "some", "at", "least"] },
  { name: "comp.all", vars: { S: "iterable" }, sig: iterSig((s) => ({ args: [s, fn(BOOL)], ret: BOOL })), cost: 1.5, hof: (_s, p) => anyAll(p as readonly Result[], false), py: "all({1} for {1@} in {0:iter})", pyPrec: "atom", ts: "$toList({0}).every(({1@}) => {1})", hints: ["all", "every", "each", "only"] },
  { name: "comp.join", vars: { S: "iterable" }, sig: iterSig((s) => ({ args: [s, fn(STR)], ret: STR })), cost: 1.5, hof: (_s, b) => firstError(b as readonly Result[]) ?? (b as string[]).join(""), py: "''.join({1} for {1@} in {0:iter})", pyPrec: "atom", ts: "$map({0}, ({1@}) => {1}).join('')", hints: ["each", "every", "character", "characters", "replace", "convert", "string"] },
  { name: "comp.joinfilter", vars: { S: "iterable" }, sig: iterSig((s, e) => (s.kind === "str" && e.kind === "str" ? { args: [s, fn(BOOL)], ret: STR } : undefined)), cost: 1.5, hof: (src, p) => joinFilter(src, p as readonly Result[]), py: "''.join({1@} for {1@} in {0:iter} if {1})", pyPrec: "atom", ts: "$filter({0}, ({1@}) => {1}).join('')", hints: ["remove", "only", "keep", "delete", "strip", "characters", "vowels", "digits"] },
  { name: "comp.max", vars: { S: "iterable", R: "any" }, sig: iterSig((s, _e, r) => (isOrderable(r) ? { args: [s, fn(r)], ret: r } : undefined)), cost: 2, hof: (_s, b) => extremeOf(b as readonly Result[], 1), py: "max({1} for {1@} in {0:iter})", pyPrec: "atom", ts: "$max($map({0}, ({1@}) => {1}))", hints: ["maximum", "largest", "max", "longest", "highest"] },
  { name: "comp.min", vars: { S: "iterable", R: "any" }, sig: iterSig((s, _e, r) => (isOrderable(r) ? { args: [s, fn(r)], ret: r } : undefined)), cost: 2, hof: (_s, b) => extremeOf(b as readonly Result[], -1), py: "min({1} for {1@} in {0:iter})", pyPrec: "atom", ts: "$min($map({0}, ({1@}) => {1}))", hints: ["minimum", "smallest", "min", "shortest", "lowest"] },
  { name: "comp.sortkey", vars: { S: "iterable", R: "any" }, binder: "lambda", sig: iterSig((s, e, r) => (isOrderable(r) ? { args: [s, fn(r)], ret: list(e) } : undefined)), cost: 2, hof: (src, k) => sortBy(src, k as readonly Result[], false), py: "sorted({0}, key=lambda {1@}: {1})", pyPrec: "atom", ts: "$sortBy({0}, ({1@}) => {1})", hints: ["sort", "sorted", "order", "by", "according", "key"] },
  { name: "comp.sortkeydesc", vars: { S: "iterable", R: "any" }, binder: "lambda", sig: iterSig((s, e, r) => (isOrderable(r) ? { args: [s, fn(r)], ret: list(e) } : undefined)), cost: 2.5, hof: (src, k) => sortBy(src, k as readonly Result[], true), py: "sorted({0}, key=lambda {1@}: {1}, reverse=True)", pyPrec: "atom", ts: "$sortBy({0}, ({1@}) => {1}, true)", hints: ["descending", "sort", "largest", "decreasing"] },
  { name: "comp.maxkey", vars: { S: "iterable", R: "any" }, binder: "lambda", sig: iterSig((s, e, r) => (isOrderable(r) ? { args: [s, fn(r)], ret: e } : undefined)), cost: 2, hof: (src, k) => extremeBy(src, k as readonly Result[], 1), py: "max({0}, key=lambda {1@}: {1})", pyPrec: "atom", ts: "$maxBy({0}, ({1@}) => {1})", hints: ["maximum", "largest", "longest", "most", "max", "highest"] },
  { name: "comp.minkey", vars: { S: "iterable", R: "any" }, binder: "lambda", sig: iterSig((s, e, r) => (isOrderable(r) ? { args: [s, fn(r)], ret: e } : undefined)), cost: 2, hof: (src, k) => extremeBy(src, k as readonly Result[], -1), py: "min({0}, key=lambda {1@}: {1})", pyPrec: "atom", ts: "$minBy({0}, ({1@}) => {1})", hints: ["minimum", "smallest", "shortest", "least", "min", "lowest"] },
  { name: "comp.dict", vars: { S: "iterable", R: "any" }, sig: iterSig((s, e, r) => (isHashable(e) ? { args: [s, fn(r)], ret: dict(e, r) } : undefined)), cost: 2.5, hof: dictComp, py: "{{{1@e}: {1} for {1@} in {0:iter}}}", pyPrec: "atom", ts: "new Map($map({0}, ({1@}) => [{1@e}, {1}]))", hints: ["dictionary", "dict", "map", "mapping", "frequency", "count", "each"] },
];

function joinFilter(src: Value, pred: readonly Result[]): Result {
  const r = filter(src, pred);
  return r instanceof PyError ? r : (r as string[]).join("");
}


