import { mono, repeatLength, type Primitive, type Signature } from "../primitive.js";
import { BOOL, INT, STR, FLOAT, iterElement, isHashable, isOrderable, list, set, tuple, vtuple, dict, type Type } from "../types.js";
import {
  INDEX_ERROR,
  KEY_ERROR,
  OVERFLOW,
  RESOURCE,
  VALUE_ERROR,
  PyDict,
  PyError,
  PySet,
  big,
  cps,
  fitsSsize,
  hasAstral,
  intAdd,
  normInt,
  pyCompare,
  pyEq,
  strLen,
  truthy,
  type PyInt,
  type Result,
  type Value,
} from "../values.js";
import { MAX_STR, charAt } from "./str.js";

type TV = Readonly<Record<string, Type>>;
const A = (v: Value): readonly Value[] => v as readonly Value[];
const N = (v: Value): number => Number(v as PyInt);
const I = (v: Value): PyInt => v as PyInt;
/** Longest list the evaluator builds (search must stay bounded; Python has no such limit). */
export const MAX_LIST = 100_000;

// ---------------------------------------------------------------------------------------------------------
// Generic sequence helpers (str by code point, list and tuple by element)

export function seqLen(v: Value): number {
  return typeof v === "string" ? strLen(v) : A(v).length;
}

function getItem(v: Value, i: number): Result {
  if (typeof v === "string") return charAt(v, i);
  const a = A(v);
  const k = i < 0 ? i + a.length : i;
  return k >= 0 && k < a.length ? (a[k] as Value) : INDEX_ERROR;
}

/** Python's slice.indices: the concrete start, stop and step for a sequence of length n. */
export function sliceIndices(n: number, start: number | null, stop: number | null, step: number): [number, number] {
  const lower = step > 0 ? 0 : -1;
  const upper = step > 0 ? n : n - 1;
  const fix = (x: number | null, dflt: number): number => {
    if (x === null) return dflt;
    let y = x < 0 ? x + n : x;
    if (y < lower) y = lower;
    else if (y > upper) y = upper;
    return y;
  };
  return [fix(start, step > 0 ? lower : upper), fix(stop, step > 0 ? upper : lower)];
}

export function slice(v: Value, start: number | null, stop: number | null, step = 1): Result {
  if (step === 0) return VALUE_ERROR;
  const isStr = typeof v === "string";
  const items: readonly Value[] = isStr ? (hasAstral(v) ? [...v] : (v as string).split("")) : A(v);
  const [a, b] = sliceIndices(items.length, start, stop, step);
  if (step === 1) {
    if (isStr && !hasAstral(v as string)) return (v as string).slice(a, Math.max(a, b));
    const out = items.slice(a, Math.max(a, b));
    return isStr ? out.join("") : out;
  }
  const out: Value[] = [];
  if (step > 0) for (let i = a; i < b; i += step) out.push(items[i] as Value);
  else for (let i = a; i > b; i += step) out.push(items[i] as Value);
  return isStr ? out.join("") : out;
}

function reverse(v: Value): Value {
  if (typeof v === "string") return cps(v).reverse().join("");
  return [...A(v)].reverse();
}

function concat(a: Value, b: Value): Result {
  if (typeof a === "string") return a.length + (b as string).length > MAX_STR ? RESOURCE : a + (b as string);
  return A(a).length + A(b).length > MAX_LIST ? RESOURCE : [...A(a), ...A(b)];
}

function repeatSeq(a: Value, count: PyInt): Result {
  if (!fitsSsize(count)) return OVERFLOW;
  const n = Number(count);
  if (n <= 0 || A(a).length === 0) return [];
  if (A(a).length * n > MAX_LIST) return RESOURCE;
  const out: Value[] = [];
  for (let i = 0; i < n; i++) out.push(...A(a));
  return out;
}

function countOf(xs: readonly Value[], x: Value): number {
  let n = 0;
  for (const y of xs) if (pyEq(y, x)) n++;
  return n;
}

function indexOf(xs: readonly Value[], x: Value): Result {
  for (let i = 0; i < xs.length; i++) if (pyEq(xs[i] as Value, x)) return i;
  return VALUE_ERROR;
}

function contains(x: Value, xs: Value): boolean {
  if (xs instanceof PySet || xs instanceof PyDict) return xs.has(x);
  return A(xs).some((y) => pyEq(y, x));
}

/** Python's sum of ints or floats (ints keep arbitrary precision). */
export function sumOf(xs: readonly Result[], isFloat: boolean): Result {
  let s: PyInt = 0;
  let f = 0;
  for (const x of xs) {
    if (x instanceof PyError) return x;
    if (isFloat) f += Number(x);
    else s = intAdd(s, typeof x === "boolean" ? Number(x) : (x as PyInt));
  }
  return isFloat ? f : s;
}

function extreme(xs: readonly Value[], sign: 1 | -1): Result {
  if (xs.length === 0) return VALUE_ERROR;
  let best = xs[0] as Value;
  for (let i = 1; i < xs.length; i++) if (pyCompare(xs[i] as Value, best) * sign > 0) best = xs[i] as Value;
  return best;
}

export function sorted(xs: readonly Value[], reverse = false): Value[] {
  const out = [...xs];
  // Array.prototype.sort is stable, as Python's is; reverse=True keeps equal elements in original order too.
  return out.sort((a, b) => (reverse ? pyCompare(b, a) : pyCompare(a, b)));
}

function dedupe(xs: readonly Value[]): Value[] {
  return PySet.from(xs).items;
}

/** `list(range(a, b, step))`, exact for any ints; lists longer than MAX_LIST are refused (ResourceLimit). */
function range(a: PyInt, b: PyInt, step: PyInt = 1): Result {
  if (typeof a === "number" && typeof b === "number" && typeof step === "number") return smallRange(a, b, step);
  const [x, y, k] = [big(a), big(b), big(step)];
  if (k === 0n) return VALUE_ERROR;
  const n = k > 0n ? (y - x + k - 1n) / k : (x - y - k - 1n) / -k;
  if (n <= 0n) return [];
  if (n > BigInt(MAX_LIST)) return RESOURCE;
  const out: PyInt[] = [];
  for (let i = 0n; i < n; i++) out.push(normInt(x + i * k));
  return out;
}

/** The length of range(a, b, step) when all three are numbers (undefined otherwise, and for step 0: an error). */
function rangeLength(a: Value, b: Value, step: Value): number | undefined {
  if (typeof a !== "number" || typeof b !== "number" || typeof step !== "number" || step === 0) return undefined;
  return Math.max(0, Math.ceil((b - a) / step));
}

function smallRange(a: number, b: number, step: number): Result {
  if (step === 0) return VALUE_ERROR;
  const n = Math.max(0, Math.ceil((b - a) / step));
  if (n > MAX_LIST) return RESOURCE;
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(a + i * step);
  return out;
}

function zip(a: readonly Value[], b: readonly Value[]): Value[] {
  const n = Math.min(a.length, b.length);
  const out: Value[] = [];
  for (let i = 0; i < n; i++) out.push([a[i] as Value, b[i] as Value]);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Signature helpers

const S = (tv: TV): Type => tv["S"] ?? { kind: "unknown" };
const elOf = (t: Type): Type => iterElement(t) ?? { kind: "unknown" };
/** The list type a comprehension over S produces (a str gives list[str]). */
const listOf = (t: Type): Type => list(elOf(t));
const sig = (args: Type[], ret: Type): Signature => ({ args, ret });
const seqSig = (f: (s: Type, el: Type) => Signature | undefined) => (tv: TV): Signature | undefined => f(S(tv), elOf(S(tv)));

export const seqPrims: readonly Primitive[] = [
  { name: "seq.len", vars: { S: "seq" }, sig: seqSig((s) => sig([s], INT)), cost: 1, impl: (v) => seqLen(v), py: "len({0})", pyPrec: "atom", ts: "$len({0})", hints: ["length", "len", "count", "number", "size", "how", "many", "long"] },
  { name: "seq.get", vars: { S: "seq" }, sig: seqSig((s, el) => sig([s, INT], el)), cost: 1, impl: (v, i) => getItem(v, N(i)), py: "{0:atom}[{1}]", pyPrec: "atom", ts: "$at({0}, {1})", hints: ["first", "last", "element", "character", "index", "nth", "position"] },
  { name: "seq.slice", vars: { S: "seq" }, sig: seqSig((s) => sig([s, INT, INT], s)), cost: 2, impl: (v, a, b) => slice(v, N(a), N(b)), py: "{0:atom}[{1}:{2}]", pyPrec: "atom", ts: "$slice({0}, {1}, {2})", hints: ["between", "substring", "middle", "part", "range"] },
  { name: "seq.from", vars: { S: "seq" }, sig: seqSig((s) => sig([s, INT], s)), cost: 1.5, impl: (v, a) => slice(v, N(a), null), py: "{0:atom}[{1}:]", pyPrec: "atom", ts: "$slice({0}, {1}, null)", hints: ["after", "rest", "remove", "drop", "skip", "except", "without"] },
  { name: "seq.to", vars: { S: "seq" }, sig: seqSig((s) => sig([s, INT], s)), cost: 1.5, impl: (v, b) => slice(v, null, N(b)), py: "{0:atom}[:{1}]", pyPrec: "atom", ts: "$slice({0}, null, {1})", hints: ["first", "prefix", "take", "truncate", "before", "without", "remove"] },
  { name: "seq.step", vars: { S: "seq" }, sig: seqSig((s) => sig([s, INT], s)), cost: 2, impl: (v, k) => slice(v, null, null, N(k)), py: "{0:atom}[::{1}]", pyPrec: "atom", ts: "$slice({0}, null, null, {1})", hints: ["every", "alternate", "other", "even", "odd", "positions", "step"] },
  { name: "seq.reverse", vars: { S: "seq" }, sig: seqSig((s) => sig([s], s)), cost: 1, impl: (v) => reverse(v), py: "{0:atom}[::-1]", pyPrec: "atom", ts: "$reverse({0})", hints: ["reverse", "reversed", "backwards", "backward", "palindrome", "mirror", "flip"] },
  { name: "seq.concat", vars: { S: "seq" }, sig: seqSig((s) => sig([s, s], s)), cost: 1, impl: (a, b) => concat(a, b), py: "{0:add} + {1:mul}", pyPrec: "add", ts: "$concat({0}, {1})", hints: ["concatenate", "join", "append", "combine", "add", "merge", "prefix", "suffix", "followed"] },
  { name: "seq.contains", vars: { S: "listlike" }, sig: seqSig((s, el) => sig([el, s], BOOL)), cost: 1.5, impl: (x, xs) => contains(x, xs), py: "{0:bor} in {1:bor}", pyPrec: "cmp", ts: "$in({0}, {1})", hints: ["contains", "in", "member", "present", "exists", "includes"] },
  { name: "seq.count", vars: { S: "listlike" }, sig: seqSig((s, el) => sig([s, el], INT)), cost: 1.5, impl: (xs, x) => countOf(A(xs), x), py: "{0:atom}.count({1})", pyPrec: "atom", ts: "$countOf({0}, {1})", hints: ["count", "occurrences", "frequency", "times", "how", "many"] },
  { name: "seq.index", vars: { S: "listlike" }, sig: seqSig((s, el) => sig([s, el], INT)), cost: 2, impl: (xs, x) => indexOf(A(xs), x), py: "{0:atom}.index({1})", pyPrec: "atom", ts: "$indexOf({0}, {1})", hints: ["index", "position", "where", "find"] },
  { name: "seq.repeat", vars: { S: "listlike" }, sig: seqSig((s) => (s.kind === "list" ? sig([s, INT], s) : undefined)), cost: 2, size: (xs, n) => repeatLength(A(xs).length, n), impl: (xs, n) => repeatSeq(xs, I(n)), py: "{0:mul} * {1:unary}", pyPrec: "mul", ts: "$repeatSeq({0}, {1})", hints: ["repeat", "times", "copies"] },
  { name: "seq.sum", vars: { S: "listlike" }, sig: seqSig((s, el) => (el.kind === "int" ? sig([s], el) : undefined)), cost: 1, impl: (xs) => sumOf(A(xs), false), py: "sum({0})", pyPrec: "atom", ts: "$sum({0})", hints: ["sum", "total", "add", "all"] },
  // Float sums start from 0.0: Python's sum() of no floats is the int 0, which a float-typed value cannot be.
  { name: "seq.fsum", vars: { S: "listlike" }, sig: seqSig((s, el) => (el.kind === "float" ? sig([s], FLOAT) : undefined)), cost: 1, impl: (xs) => sumOf(A(xs), true), py: "sum({0}, 0.0)", pyPrec: "atom", ts: "$sum({0})", hints: ["sum", "total"] },
  { name: "seq.min", vars: { S: "seq" }, sig: seqSig((s, el) => (isOrderable(el) ? sig([s], el) : undefined)), cost: 1.5, impl: (xs) => extreme(typeof xs === "string" ? cps(xs) : A(xs), -1), py: "min({0})", pyPrec: "atom", ts: "$min({0})", hints: ["minimum", "smallest", "min", "lowest", "least", "shortest"] },
  { name: "seq.max", vars: { S: "seq" }, sig: seqSig((s, el) => (isOrderable(el) ? sig([s], el) : undefined)), cost: 1.5, impl: (xs) => extreme(typeof xs === "string" ? cps(xs) : A(xs), 1), py: "max({0})", pyPrec: "atom", ts: "$max({0})", hints: ["maximum", "largest", "max", "highest", "biggest", "greatest", "longest"] },
  { name: "seq.sorted", vars: { S: "seq" }, sig: seqSig((s, el) => (isOrderable(el) ? sig([s], listOf(s)) : undefined)), cost: 1.5, impl: (xs) => sorted(typeof xs === "string" ? cps(xs) : A(xs)), py: "sorted({0})", pyPrec: "atom", ts: "$sorted({0})", hints: ["sort", "sorted", "order", "ascending", "smallest", "median", "alphabetical", "arrange"] },
  { name: "seq.sortdesc", vars: { S: "seq" }, sig: seqSig((s, el) => (isOrderable(el) ? sig([s], listOf(s)) : undefined)), cost: 2, impl: (xs) => sorted(typeof xs === "string" ? cps(xs) : A(xs), true), py: "sorted({0}, reverse=True)", pyPrec: "atom", ts: "$sorted({0}, true)", hints: ["descending", "reverse", "largest", "decreasing", "sort", "highest"] },
  { name: "seq.dedupe", vars: { S: "listlike" }, sig: seqSig((s, el) => (isHashable(el) ? sig([s], list(el)) : undefined)), cost: 2, impl: (xs) => dedupe(A(xs)), py: "list(dict.fromkeys({0}))", pyPrec: "atom", ts: "$dedupe({0})", hints: ["unique", "duplicates", "distinct", "remove", "once", "deduplicate"] },
  { name: "seq.list", vars: { S: "seq" }, sig: seqSig((s, el) => (s.kind === "list" ? undefined : sig([s], list(el)))), cost: 1.5, impl: (xs) => (typeof xs === "string" ? cps(xs) : [...A(xs)]), py: "list({0})", pyPrec: "atom", ts: "$list({0})", hints: ["list", "characters", "chars", "convert"] },
  { name: "seq.tuple", vars: { S: "listlike" }, sig: seqSig((s, el) => (s.kind === "list" ? sig([s], vtuple(el)) : undefined)), cost: 1.5, impl: (xs) => [...A(xs)], py: "tuple({0})", pyPrec: "atom", ts: "[...{0}]", hints: ["tuple", "convert"] },
  { name: "seq.any", vars: { S: "listlike" }, sig: seqSig((s, el) => (el.kind === "bool" ? sig([s], BOOL) : undefined)), cost: 2, impl: (xs) => A(xs).some(truthy), py: "any({0})", pyPrec: "atom", ts: "{0}.some(Boolean)", hints: ["any", "some", "exists"] },
  { name: "seq.all", vars: { S: "listlike" }, sig: seqSig((s, el) => (el.kind === "bool" ? sig([s], BOOL) : undefined)), cost: 2, impl: (xs) => A(xs).every(truthy), py: "all({0})", pyPrec: "atom", ts: "{0}.every(Boolean)", hints: ["all", "every", "each"] },
  { name: "list.single", vars: { T: "any" }, sig: (tv) => sig([tv["T"] ?? STR], list(tv["T"] ?? STR)), cost: 2, impl: (x) => [x], py: "[{0}]", pyPrec: "atom", ts: "[{0}]" },
  { name: "list.pair", vars: { T: "any" }, sig: (tv) => sig([tv["T"] ?? STR, tv["T"] ?? STR], list(tv["T"] ?? STR)), cost: 2.5, impl: (x, y) => [x, y], py: "[{0}, {1}]", pyPrec: "atom", ts: "[{0}, {1}]", hints: ["pair", "both", "two"] },
  { name: "list.append", vars: { T: "any" }, sig: (tv) => sig([list(tv["T"] ?? STR), tv["T"] ?? STR], list(tv["T"] ?? STR)), cost: 2, impl: (xs, x) => [...A(xs), x], py: "{0:add} + [{1}]", pyPrec: "add", ts: "[...{0}, {1}]", hints: ["append", "add", "end", "insert"] },
  { name: "list.prepend", vars: { T: "any" }, sig: (tv) => sig([tv["T"] ?? STR, list(tv["T"] ?? STR)], list(tv["T"] ?? STR)), cost: 2, impl: (x, xs) => [x, ...A(xs)], py: "[{0}] + {1:mul}", pyPrec: "add", ts: "[{0}, ...{1}]", hints: ["prepend", "insert", "beginning", "front", "start"] },
  { name: "range.n", sig: mono([INT], list(INT)), cost: 1.5, size: (n) => rangeLength(0, n, 1), impl: (n) => range(0, I(n)), py: "list(range({0}))", pyIter: "range({0})", pyPrec: "atom", ts: "$range(0, {0})", hints: ["range", "numbers", "first", "up", "from", "integers", "each"] },
  { name: "range.ab", sig: mono([INT, INT], list(INT)), cost: 2, size: (a, b) => rangeLength(a, b, 1), impl: (a, b) => range(I(a), I(b)), py: "list(range({0}, {1}))", pyIter: "range({0}, {1})", pyPrec: "atom", ts: "$range({0}, {1})", hints: ["range", "between", "from", "to", "numbers"] },
  { name: "range.abs", sig: mono([INT, INT, INT], list(INT)), cost: 3, size: (a, b, c) => rangeLength(a, b, c), impl: (a, b, c) => range(I(a), I(b), I(c)), py: "list(range({0}, {1}, {2}))", pyIter: "range({0}, {1}, {2})", pyPrec: "atom", ts: "$range({0}, {1}, {2})", hints: ["range", "step", "every"] },
  {
    name: "seq.zip",
    vars: { S: "listlike", U: "listlike" },
    sig: (tv) => sig([S(tv), tv["U"] ?? S(tv)], list(tuple([elOf(S(tv)), elOf(tv["U"] ?? S(tv))]))),
    cost: 2,
    impl: (a, b) => zip(A(a), A(b)),
    py: "list(zip({0}, {1}))",
    pyIter: "zip({0}, {1})",
    pyPrec: "atom",
    ts: "$zip({0}, {1})",
    hints: ["pairs", "pairwise", "corresponding", "zip", "elementwise", "element-wise", "each", "both"],
  },
  {
    name: "seq.enumerate",
    vars: { S: "seq" },
    sig: seqSig((s, el) => sig([s], list(tuple([INT, el])))),
    cost: 2,
    impl: (xs) => (typeof xs === "string" ? cps(xs) : A(xs)).map((x, i) => [i, x]),
    py: "list(enumerate({0}))",
    pyIter: "enumerate({0})",
    pyPrec: "atom",
    ts: "$enumerate({0})",
    hints: ["index", "indices", "position", "positions", "even", "odd"],
  },
  // fixed tuples
  { name: "tuple.fst", vars: { P: "tuple" }, sig: (tv) => tupleField(tv, 0), cost: 1, impl: (t) => A(t)[0] as Value, py: "{0:atom}[0]", pyPrec: "atom", ts: "{0}[0]" },
  { name: "tuple.snd", vars: { P: "tuple" }, sig: (tv) => tupleField(tv, 1), cost: 1, impl: (t) => A(t)[1] as Value, py: "{0:atom}[1]", pyPrec: "atom", ts: "{0}[1]" },
  { name: "tuple.trd", vars: { P: "tuple" }, sig: (tv) => tupleField(tv, 2), cost: 1.5, impl: (t) => A(t)[2] as Value, py: "{0:atom}[2]", pyPrec: "atom", ts: "{0}[2]" },
  {
    name: "tuple.make2",
    vars: { P: "tuple" },
    sig: (tv) => {
      const p = tv["P"];
      return p?.kind === "tuple" && p.els.length === 2 ? sig([p.els[0] ?? INT, p.els[1] ?? INT], p) : undefined;
    },
    cost: 2,
    impl: (a, b) => [a, b],
    py: "({0}, {1})",
    pyPrec: "atom",
    ts: "$tuple({0}, {1})",
    hints: ["pair", "tuple"],
  },
  // sets
  { name: "set.of", vars: { S: "listlike" }, sig: seqSig((s, el) => (isHashable(el) ? sig([s], set(el)) : undefined)), cost: 1.5, impl: (xs) => PySet.from(A(xs)), py: "set({0})", pyPrec: "atom", ts: "new Set({0})", hints: ["unique", "distinct", "set", "common", "duplicates", "different"] },
  { name: "set.ofstr", sig: mono([STR], set(STR)), cost: 2, impl: (s) => PySet.from(cps(s as string)), py: "set({0})", pyPrec: "atom", ts: "new Set({0})", hints: ["unique", "distinct", "set", "characters", "common"] },
  { name: "set.and", vars: { T: "hashable" }, sig: (tv) => setBin(tv), cost: 1.5, impl: (a, b) => setAnd(a as PySet, b as PySet), py: "{0:band} & {1:shift}", pyPrec: "band", ts: "$setAnd({0}, {1})", hints: ["common", "intersection", "both", "shared", "similar"] },
  { name: "set.or", vars: { T: "hashable" }, sig: (tv) => setBin(tv), cost: 2, impl: (a, b) => PySet.from([...(a as PySet).items, ...(b as PySet).items]), py: "{0:bor} | {1:bxor}", pyPrec: "bor", ts: "$setOr({0}, {1})", hints: ["union", "either", "combined", "all"] },
  { name: "set.sub", vars: { T: "hashable" }, sig: (tv) => setBin(tv), cost: 2, impl: (a, b) => PySet.from((a as PySet).items.filter((x) => !(b as PySet).has(x))), py: "{0:add} - {1:mul}", pyPrec: "add", ts: "$setSub({0}, {1})", hints: ["difference", "missing", "not", "except", "only"] },
  { name: "set.xor", vars: { T: "hashable" }, sig: (tv) => setBin(tv), cost: 2.5, impl: (a, b) => setXor(a as PySet, b as PySet), py: "{0:bxor} ^ {1:band}", pyPrec: "bxor", ts: "$setXor({0}, {1})", hints: ["symmetric", "dissimilar", "either", "difference", "uncommon"] },
  { name: "set.len", vars: { T: "hashable" }, sig: (tv) => sig([set(tv["T"] ?? INT)], INT), cost: 1, impl: (s) => (s as PySet).size, py: "len({0})", pyPrec: "atom", ts: "{0}.size", hints: ["unique", "distinct", "count", "number"] },
  { name: "set.contains", vars: { T: "hashable" }, sig: (tv) => sig([tv["T"] ?? INT, set(tv["T"] ?? INT)], BOOL), cost: 1.5, impl: (x, s) => (s as PySet).has(x), py: "{0:bor} in {1:bor}", pyPrec: "cmp", ts: "{1}.has({0})", hints: ["contains", "in", "member"] },
  { name: "set.sorted", vars: { T: "hashable" }, sig: (tv) => (isOrderable(tv["T"] ?? INT) ? sig([set(tv["T"] ?? INT)], list(tv["T"] ?? INT)) : undefined), cost: 1.5, impl: (s) => sorted((s as PySet).items), py: "sorted({0})", pyPrec: "atom", ts: "$sorted([...{0}])", hints: ["sorted", "unique", "distinct"] },
  { name: "set.subset", vars: { T: "hashable" }, sig: (tv) => sig([set(tv["T"] ?? INT), set(tv["T"] ?? INT)], BOOL), cost: 2.5, impl: (a, b) => (a as PySet).items.every((x) => (b as PySet).has(x)), py: "{0:bor} <= {1:bor}", pyPrec: "cmp", ts: "$subset({0}, {1})", hints: ["subset", "contained", "all", "within"] },
  // dicts
  { name: "dict.get", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([dict(k, v), k], v)), cost: 1.5, impl: (d, k) => (d as PyDict).get(k) ?? KEY_ERROR, py: "{0:atom}[{1}]", pyPrec: "atom", ts: "$dget({0}, {1})", hints: ["lookup", "value", "key", "map", "mapping"] },
  { name: "dict.getd", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([dict(k, v), k, v], v)), cost: 2, impl: (d, k, x) => (d as PyDict).get(k) ?? x, py: "{0:atom}.get({1}, {2})", pyPrec: "atom", ts: "$getOr({0}, {1}, {2})", hints: ["lookup", "default", "value", "key"] },
  { name: "dict.keys", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([dict(k, v)], list(k))), cost: 1.5, impl: (d) => [...(d as PyDict).keys], py: "list({0})", pyPrec: "atom", ts: "[...{0}.keys()]", hints: ["keys", "key", "names"] },
  { name: "dict.values", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([dict(k, v)], list(v))), cost: 1.5, impl: (d) => [...(d as PyDict).vals], py: "list({0:atom}.values())", pyIter: "{0:atom}.values()", pyPrec: "atom", ts: "[...{0}.values()]", hints: ["values", "value"] },
  { name: "dict.items", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([dict(k, v)], list(tuple([k, v])))), cost: 2, impl: (d) => (d as PyDict).keys.map((k, i) => [k, (d as PyDict).vals[i] as Value]), py: "list({0:atom}.items())", pyIter: "{0:atom}.items()", pyPrec: "atom", ts: "[...{0}.entries()]", hints: ["items", "pairs", "entries"] },
  { name: "dict.len", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([dict(k, v)], INT)), cost: 1.5, impl: (d) => (d as PyDict).size, py: "len({0})", pyPrec: "atom", ts: "{0}.size" },
  { name: "dict.contains", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([k, dict(k, v)], BOOL)), cost: 1.5, impl: (k, d) => (d as PyDict).has(k), py: "{0:bor} in {1:bor}", pyPrec: "cmp", ts: "{1}.has({0})", hints: ["key", "contains", "present", "exists"] },
  {
    name: "dict.zip",
    vars: { D: "dict" },
    sig: (tv) => dictSig(tv, (k, v) => sig([list(k), list(v)], dict(k, v))),
    cost: 2,
    impl: (a, b) => PyDict.from(zip(A(a), A(b)).map((p) => p as [Value, Value])),
    py: "dict(zip({0}, {1}))",
    pyPrec: "atom",
    ts: "new Map($zip({0}, {1}))",
    hints: ["dictionary", "map", "mapping", "keys", "values", "pairs", "zip"],
  },
];

function tupleField(tv: TV, i: number): Signature | undefined {
  const p = tv["P"];
  if (p?.kind !== "tuple" || i >= p.els.length) return undefined;
  return sig([p], p.els[i] ?? INT);
}

function setBin(tv: TV): Signature {
  const s = set(tv["T"] ?? INT);
  return sig([s, s], s);
}

/** `a & b` keeps the elements of the smaller set (b on ties), as CPython does: it shows for 0.0 and -0.0. */
function setAnd(a: PySet, b: PySet): PySet {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  return PySet.from(small.items.filter((x) => large.has(x)));
}

function setXor(a: PySet, b: PySet): PySet {
  return PySet.from([...a.items.filter((x) => !b.has(x)), ...b.items.filter((x) => !a.has(x))]);
}

function dictSig(tv: TV, f: (k: Type, v: Type) => Signature): Signature | undefined {
  const d = tv["D"];
  return d?.kind === "dict" ? f(d.key, d.val) : undefined;
}

export { extreme, getItem, contains, range };
