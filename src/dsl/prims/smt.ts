/**
 * SMT-LIB primitives: the operators of SyGuS grammars over the theories of strings and integers (logics SLIA,
 * S, LIA), with SMT-LIB 2.6 semantics, which differ from Python's:
 *
 * - Strings are sequences of code points (as in Python); indices outside the string give "" or -1, never an error.
 * - `str.substr s i n` is "" unless 0 <= i < |s| and n > 0, and is clamped at the end of `s`.
 * - `str.indexof s t i` is -1 unless 0 <= i <= |s|; with an empty `t` it is `i`.
 * - `str.replace` replaces the first occurrence only; an empty pattern prepends the replacement.
 * - `str.from_int` of a negative is ""; `str.to_int` of anything but a non-empty string of ASCII digits is -1.
 * - Integers are unbounded (the number|bigint model of values.ts); `div`/`mod` are Euclidean (the remainder is
 *   never negative). SMT-LIB leaves division by zero unspecified: here it is an error value (ZeroDivisionError),
 *   so the search never relies on it.
 *
 * Stable names are `smt.` + the SMT-LIB 2.6 operator (SyGuS v2 spelling); `smt` is that operator, and
 * `SMT_V1_NAMES` gives the SyGuS v1 spellings where they differ.
 */
import { mono, type Primitive, type Signature } from "../primitive.js";
import { BOOL, INT, STR, type Type } from "../types.js";
import { ZERO_DIV, cps, compareStr, hasAstral, intAdd, intMul, intNeg, intSub, isError, normInt, pyEq, strLen, type PyInt, type Result, type Value } from "../values.js";

const S = (v: Value): string => v as string;
const I = (v: Value): PyInt => v as PyInt;

/** An SMT int as a JS number for index arithmetic: ints beyond 2**53 become +-Infinity (always out of range). */
function index(v: Value): number {
  if (typeof v === "bigint") return v < 0n ? -Infinity : Infinity;
  return v as number;
}

/** `str.substr s i n`: the n code points at i, clamped at the end; "" when i is out of range or n <= 0. */
export function smtSubstr(s: string, i: number, n: number): string {
  const len = strLen(s);
  if (!(i >= 0 && i < len && n > 0)) return "";
  const end = Math.min(len, i + n);
  return hasAstral(s) ? cps(s).slice(i, end).join("") : s.slice(i, end);
}

/** `str.indexof s t i`: first occurrence of t at or after code point i; -1 when none or i is out of [0, |s|]. */
export function smtIndexOf(s: string, t: string, i: number): number {
  if (!(i >= 0 && i <= strLen(s))) return -1;
  if (!hasAstral(s)) return s.indexOf(t, i);
  const unitStart = cps(s).slice(0, i).join("").length;
  const u = s.indexOf(t, unitStart);
  return u < 0 ? -1 : strLen(s.slice(0, u));
}

/** `str.replace s t u`: the first occurrence of t replaced by u; an empty t prepends u. */
export function smtReplace(s: string, t: string, u: string): string {
  if (t === "") return u + s;
  const k = s.indexOf(t);
  return k < 0 ? s : s.slice(0, k) + u + s.slice(k + t.length);
}

/** `str.replace_all s t u`: every non-overlapping occurrence, left to right; an empty t leaves s unchanged. */
export function smtReplaceAll(s: string, t: string, u: string): string {
  return t === "" ? s : s.split(t).join(u);
}

/** `str.from_int n`: decimal digits of n, or "" when n is negative. */
export function smtFromInt(n: PyInt): string {
  return n < 0 ? "" : String(n);
}

const DIGITS = /^[0-9]+$/;
/** `str.to_int s`: the value of a non-empty string of ASCII digits, else -1. */
export function smtToInt(s: string): PyInt {
  if (!DIGITS.test(s)) return -1;
  return s.length < 16 ? Number(s) : normInt(BigInt(s));
}

/** Euclidean division: a = b*q + r with 0 <= r < |b|. Division by zero is an error value. */
export function smtDivMod(a: PyInt, b: PyInt): { q: PyInt; r: PyInt } | undefined {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) return undefined;
    let r = a % b;
    if (r < 0) r += Math.abs(b);
    return { q: (a - r) / b + 0, r: r + 0 };
  }
  const x = BigInt(a);
  const y = BigInt(b);
  if (y === 0n) return undefined;
  let r = x % y;
  if (r < 0n) r += y < 0n ? -y : y;
  return { q: normInt((x - r) / y), r: normInt(r) };
}

function lessInt(a: Value, b: Value, orEqual: boolean): boolean {
  const x = I(a);
  const y = I(b);
  return orEqual ? x <= y : x < y;
}

/** SMT-LIB's and/or have no errors; erroring arguments (division by zero) propagate as Python's `and` would. */
function and(a: Result, b: Result): Result {
  if (isError(a)) return a;
  return a === true ? b : false;
}

function or(a: Result, b: Result): Result {
  if (isError(a)) return a;
  return a === true ? true : b;
}

function ite(c: Result, a: Result, b: Result): Result {
  if (isError(c)) return c;
  return c === true ? a : b;
}

const T = (tv: Readonly<Record<string, Type>>): Type => tv["T"] ?? { kind: "unknown" };
const eqSig = (tv: Readonly<Record<string, Type>>): Signature => ({ args: [T(tv), T(tv)], ret: BOOL });
const iteSig = (tv: Readonly<Record<string, Type>>): Signature => ({ args: [BOOL, T(tv), T(tv)], ret: T(tv) });

const SS_S = mono([STR, STR], STR);
const SS_B = mono([STR, STR], BOOL);
const II_I = mono([INT, INT], INT);
const II_B = mono([INT, INT], BOOL);

/** The SMT-LIB primitive table (order is part of determinism). */
export const SMT_PRIMS: readonly Primitive[] = [
  // Strings
  { name: "smt.str.++", smt: "str.++", sig: SS_S, cost: 1, impl: (a, b) => S(a) + S(b), py: "{0:add} + {1:mul}", pyPrec: "add", ts: "{0} + {1}" },
  { name: "smt.str.len", smt: "str.len", sig: mono([STR], INT), cost: 1, impl: (a) => strLen(S(a)), py: "len({0})", pyPrec: "atom", ts: "$smtLen({0})" },
  { name: "smt.str.at", smt: "str.at", sig: mono([STR, INT], STR), cost: 1, impl: (s, i) => smtSubstr(S(s), index(i), 1), py: "_smt_substr({0}, {1}, 1)", pyPrec: "atom", pyHelpers: ["_smt_substr"], ts: "$smtSubstr({0}, {1}, 1)" },
  {
    name: "smt.str.substr",
    smt: "str.substr",
    sig: mono([STR, INT, INT], STR),
    cost: 1,
    impl: (s, i, n) => smtSubstr(S(s), index(i), index(n)),
    py: "_smt_substr({0}, {1}, {2})",
    pyPrec: "atom",
    pyHelpers: ["_smt_substr"],
    ts: "$smtSubstr({0}, {1}, {2})",
  },
  {
    name: "smt.str.indexof",
    smt: "str.indexof",
    sig: mono([STR, STR, INT], INT),
    cost: 1,
    impl: (s, t, i) => smtIndexOf(S(s), S(t), index(i)),
    py: "_smt_indexof({0}, {1}, {2})",
    pyPrec: "atom",
    pyHelpers: ["_smt_indexof"],
    ts: "$smtIndexOf({0}, {1}, {2})",
  },
  // Python's str.replace(t, u, 1) prepends u when t is empty, exactly as SMT-LIB does.
  { name: "smt.str.replace", smt: "str.replace", sig: mono([STR, STR, STR], STR), cost: 1, impl: (s, t, u) => smtReplace(S(s), S(t), S(u)), py: "{0:atom}.replace({1}, {2}, 1)", pyPrec: "atom", ts: "$smtReplace({0}, {1}, {2})" },
  {
    name: "smt.str.replace_all",
    smt: "str.replace_all",
    sig: mono([STR, STR, STR], STR),
    cost: 1.5,
    impl: (s, t, u) => smtReplaceAll(S(s), S(t), S(u)),
    py: "_smt_replace_all({0}, {1}, {2})",
    pyPrec: "atom",
    pyHelpers: ["_smt_replace_all"],
    ts: "$smtReplaceAll({0}, {1}, {2})",
  },
  { name: "smt.str.prefixof", smt: "str.prefixof", sig: SS_B, cost: 1, impl: (p, s) => S(s).startsWith(S(p)), py: "{1:atom}.startswith({0})", pyPrec: "atom", ts: "{1}.startsWith({0})" },
  { name: "smt.str.suffixof", smt: "str.suffixof", sig: SS_B, cost: 1, impl: (p, s) => S(s).endsWith(S(p)), py: "{1:atom}.endswith({0})", pyPrec: "atom", ts: "{1}.endsWith({0})" },
  { name: "smt.str.contains", smt: "str.contains", sig: SS_B, cost: 1, impl: (s, t) => S(s).includes(S(t)), py: "{1:bor} in {0:bor}", pyPrec: "cmp", ts: "{0}.includes({1})" },
  { name: "smt.str.from_int", smt: "str.from_int", sig: mono([INT], STR), cost: 1, impl: (n) => smtFromInt(I(n)), py: "_smt_from_int({0})", pyPrec: "atom", pyHelpers: ["_smt_from_int"], ts: "$smtFromInt({0})" },
  { name: "smt.str.to_int", smt: "str.to_int", sig: mono([STR], INT), cost: 1, impl: (s) => smtToInt(S(s)), py: "_smt_to_int({0})", pyPrec: "atom", pyHelpers: ["_smt_to_int"], ts: "$smtToInt({0})" },
  { name: "smt.str.<", smt: "str.<", sig: SS_B, cost: 1.5, impl: (a, b) => compareStr(S(a), S(b)) < 0, py: "{0:bor} < {1:bor}", pyPrec: "cmp", ts: "$smtStrLt({0}, {1})" },
  { name: "smt.str.<=", smt: "str.<=", sig: SS_B, cost: 1.5, impl: (a, b) => compareStr(S(a), S(b)) <= 0, py: "{0:bor} <= {1:bor}", pyPrec: "cmp", ts: "!$smtStrLt({1}, {0})" },
  // Integers
  { name: "smt.+", fastInt: "add", smt: "+", sig: II_I, cost: 1, impl: (a, b) => intAdd(I(a), I(b)), py: "{0:add} + {1:mul}", pyPrec: "add", ts: "{0} + {1}" },
  { name: "smt.-", fastInt: "sub", smt: "-", sig: II_I, cost: 1, impl: (a, b) => intSub(I(a), I(b)), py: "{0:add} - {1:mul}", pyPrec: "add", ts: "{0} - {1}" },
  { name: "smt.neg", smt: "-", sig: mono([INT], INT), cost: 1.5, impl: (a) => intNeg(I(a)), py: "-{0:unary}", pyPrec: "unary", ts: "-{0}" },
  { name: "smt.*", fastInt: "mul", smt: "*", sig: II_I, cost: 1.5, impl: (a, b) => intMul(I(a), I(b)), py: "{0:mul} * {1:unary}", pyPrec: "mul", ts: "{0} * {1}" },
  { name: "smt.div", smt: "div", sig: II_I, cost: 1.5, impl: (a, b) => smtDivMod(I(a), I(b))?.q ?? ZERO_DIV, py: "_smt_div({0}, {1})", pyPrec: "atom", pyHelpers: ["_smt_div"], ts: "$smtDiv({0}, {1})" },
  { name: "smt.mod", smt: "mod", sig: II_I, cost: 1.5, impl: (a, b) => smtDivMod(I(a), I(b))?.r ?? ZERO_DIV, py: "_smt_mod({0}, {1})", pyPrec: "atom", pyHelpers: ["_smt_mod"], ts: "$smtMod({0}, {1})" },
  { name: "smt.<", fastInt: "lt", smt: "<", sig: II_B, cost: 1, impl: (a, b) => lessInt(a, b, false), py: "{0:bor} < {1:bor}", pyPrec: "cmp", ts: "{0} < {1}" },
  { name: "smt.<=", fastInt: "le", smt: "<=", sig: II_B, cost: 1, impl: (a, b) => lessInt(a, b, true), py: "{0:bor} <= {1:bor}", pyPrec: "cmp", ts: "{0} <= {1}" },
  { name: "smt.>", fastInt: "gt", smt: ">", sig: II_B, cost: 1, impl: (a, b) => lessInt(b, a, false), py: "{0:bor} > {1:bor}", pyPrec: "cmp", ts: "{0} > {1}" },
  { name: "smt.>=", fastInt: "ge", smt: ">=", sig: II_B, cost: 1, impl: (a, b) => lessInt(b, a, true), py: "{0:bor} >= {1:bor}", pyPrec: "cmp", ts: "{0} >= {1}" },
  // Core
  { name: "smt.=", fastInt: "eq", smt: "=", vars: { T: "hashable" }, sig: eqSig, cost: 1, impl: (a, b) => pyEq(a, b), py: "{0:bor} == {1:bor}", pyPrec: "cmp", ts: "{0} === {1}" },
  { name: "smt.ite", smt: "ite", vars: { T: "any" }, sig: iteSig, cost: 1, lazy: true, select: true, impl: ite, py: "{1:or} if {0:or} else {2:if}", pyPrec: "if", ts: "({0} ? {1} : {2})" },
  { name: "smt.and", smt: "and", sig: mono([BOOL, BOOL], BOOL), cost: 1, lazy: true, impl: and, py: "{0:and} and {1:not}", pyPrec: "and", ts: "{0} && {1}" },
  { name: "smt.or", smt: "or", sig: mono([BOOL, BOOL], BOOL), cost: 1, lazy: true, impl: or, py: "{0:or} or {1:and}", pyPrec: "or", ts: "{0} || {1}" },
  { name: "smt.not", smt: "not", sig: mono([BOOL], BOOL), cost: 1, impl: (a) => a !== true, py: "not {0:not}", pyPrec: "not", ts: "!{0}" },
];

/** SyGuS v1 (SMT-LIB 2.5) spellings of operators renamed in v2; the reader accepts both. */
export const SMT_V1_NAMES: Readonly<Record<string, string>> = {
  "str.from_int": "int.to.str",
  "str.to_int": "str.to.int",
  "str.replace_all": "str.replaceall",
};

const V2_OF: ReadonlyMap<string, string> = new Map(Object.entries(SMT_V1_NAMES).map(([v2, v1]) => [v1, v2]));

/** The SMT-LIB 2.6 name of an operator written in either spelling ("int.to.str" -> "str.from_int"). */
export function canonicalSmtOp(op: string): string {
  return V2_OF.get(op) ?? op;
}

/** Operators SMT-LIB lets take more than two arguments, folded to the left into binary applications. */
export const SMT_LEFT_ASSOC: ReadonlySet<string> = new Set(["str.++", "+", "-", "*", "and", "or"]);

const BY_OP = new Map<string, Primitive[]>();
for (const p of SMT_PRIMS) {
  const op = p.smt ?? p.name;
  BY_OP.set(op, [...(BY_OP.get(op) ?? []), p]);
}

/**
 * The primitive of an SMT-LIB operator (either spelling) applied to `arity` arguments, or undefined when the
 * operator is not supported at that arity.
 */
export function smtPrim(op: string, arity: number): Primitive | undefined {
  return BY_OP.get(canonicalSmtOp(op))?.find((p) => p.sig({ T: INT })?.args.length === arity);
}

/** The signature of an SMT primitive applied to arguments of these types, or undefined when they do not fit. */
export function smtSignature(p: Primitive, argTypes: readonly Type[]): Signature | undefined {
  const tv = p.vars ? { T: (p.name === "smt.ite" ? argTypes[1] : argTypes[0]) ?? INT } : {};
  const sig = p.sig(tv);
  if (!sig || sig.args.length !== argTypes.length) return undefined;
  const fits = sig.args.every((a, i) => "kind" in a && argTypes[i] !== undefined && a.kind === argTypes[i]?.kind);
  return fits ? sig : undefined;
}
