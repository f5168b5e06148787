import { mono, repeatLength, type Primitive } from "../primitive.js";
import { BOOL, INT, STR, list } from "../types.js";
import { INDEX_ERROR, OVERFLOW, RESOURCE, TYPE_ERROR, VALUE_ERROR, cps, fitsSsize, hasAstral, strLen, type PyInt, type Result, type Value } from "../values.js";
import { capitalize, isLower, isUpper, swapcase, title } from "./unicase.js";

const S = (v: Value): string => v as string;
/** Longest string the evaluator builds (Python has no limit, but the search must stay bounded). */
export const MAX_STR = 1_000_000;
const N = (v: Value): number => Number(v as PyInt);

/** Characters Python's str.isspace() accepts (and str.split()/strip() remove). */
const WS = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const WS_LEAD = new RegExp(`^[${WS}]+`);
const WS_TRAIL = new RegExp(`[${WS}]+$`);
const WS_RUN = new RegExp(`[${WS}]+`);
const ALL_WS = new RegExp(`^[${WS}]+$`);
const ONE_WS = new RegExp(`^[${WS}]$`);

/** Python's str.isspace() for one character. */
export function isSpaceChar(ch: string): boolean {
  return ONE_WS.test(ch);
}

export function pyStrip(s: string): string {
  return s.replace(WS_LEAD, "").replace(WS_TRAIL, "");
}

function stripChars(s: string, chars: string, left: boolean, right: boolean): string {
  const cs = new Set(cps(chars));
  const a = cps(s);
  let i = 0;
  let j = a.length;
  if (left) while (i < j && cs.has(a[i] ?? "")) i++;
  if (right) while (j > i && cs.has(a[j - 1] ?? "")) j--;
  return a.slice(i, j).join("");
}

/** Python's str.split() with no separator: runs of whitespace, no empty strings. */
export function splitWs(s: string): string[] {
  const t = pyStrip(s);
  return t === "" ? [] : t.split(WS_RUN);
}

function splitSep(s: string, sep: string): Result {
  if (sep === "") return VALUE_ERROR;
  return s.split(sep);
}

function allMatch(s: string, test: (ch: string) => boolean): boolean {
  if (s === "") return false;
  for (const ch of s) if (!test(ch)) return false;
  return true;
}

/** str.isdigit: decimal digits (Nd) and the other characters of Numeric_Type Digit (listed from Python 3.11). */
const DIGIT =
  /^[\p{Nd}\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{10a40}-\u{10a43}\u{10e60}-\u{10e68}\u{11052}-\u{1105a}\u{1f100}-\u{1f10a}]$/u;
const ALPHA = /^[\p{L}]$/u;
const ALNUM = /^[\p{L}\p{N}]$/u;

/** Code-point index of a UTF-16 index (identity for BMP-only strings). */
function cpIndex(s: string, unitIndex: number): number {
  return unitIndex < 0 || !hasAstral(s) ? unitIndex : [...s.slice(0, unitIndex)].length;
}

function find(s: string, sub: string): number {
  return cpIndex(s, s.indexOf(sub));
}

function rfind(s: string, sub: string): number {
  return cpIndex(s, s.lastIndexOf(sub));
}

function count(s: string, sub: string): number {
  if (sub === "") return strLen(s) + 1;
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

function replace(s: string, old: string, rep: string): Result {
  if (rep.length > old.length && s.length + (rep.length - old.length) * (old === "" ? s.length + 1 : count(s, old)) > MAX_STR) return RESOURCE;
  // An empty pattern matches before every character and at the end.
  if (old === "") return rep + cps(s).join(rep) + (s === "" ? "" : rep);
  return s.split(old).join(rep);
}

function joinCapped(xs: readonly string[], sep: string): Result {
  let n = sep.length * Math.max(0, xs.length - 1);
  for (const x of xs) n += x.length;
  return n > MAX_STR ? RESOURCE : xs.join(sep);
}

function repeat(s: string, count: PyInt): Result {
  if (!fitsSsize(count)) return OVERFLOW;
  const n = Number(count);
  if (n <= 0) return "";
  if (s.length * n > MAX_STR) return RESOURCE;
  return s.repeat(n);
}

function pad(s: string, w: PyInt, side: "left" | "right", fill = " "): Result {
  if (!fitsSsize(w)) return OVERFLOW;
  const width = Number(w);
  if (width > MAX_STR) return RESOURCE;
  const n = strLen(s);
  return n >= width ? s : side === "left" ? fill.repeat(width - n) + s : s + fill.repeat(width - n);
}

function zfill(s: string, w: PyInt): Result {
  if (!fitsSsize(w)) return OVERFLOW;
  const width = Number(w);
  if (width > MAX_STR) return RESOURCE;
  const n = strLen(s);
  if (n >= width) return s;
  const sign = s[0] === "+" || s[0] === "-" ? (s[0] ?? "") : "";
  return sign + "0".repeat(width - n) + s.slice(sign.length);
}

function ord(s: string): Result {
  if (strLen(s) !== 1) return TYPE_ERROR;
  return s.codePointAt(0)!;
}

/** chr: the argument is a C int first (OverflowError beyond 32 bits), then a code point (ValueError). */
function chr(n: number): Result {
  if (n < -(2 ** 31) || n >= 2 ** 31) return OVERFLOW;
  if (n < 0 || n > 0x10ffff) return VALUE_ERROR;
  return String.fromCodePoint(n);
}

function radix(n: PyInt, base: number, prefix: string): string {
  const neg = n < 0;
  const digits = (neg ? -BigInt(n) : BigInt(n)).toString(base);
  return (neg ? "-" : "") + prefix + digits;
}

function strIndex(s: string, sub: string): Result {
  const i = find(s, sub);
  return i < 0 ? VALUE_ERROR : i;
}

/** The (code point) character at a Python index, or IndexError. */
export function charAt(s: string, i: number): Result {
  if (!hasAstral(s)) {
    const k = i < 0 ? i + s.length : i;
    return k >= 0 && k < s.length ? (s[k] as string) : INDEX_ERROR;
  }
  const a = [...s];
  const k = i < 0 ? i + a.length : i;
  return k >= 0 && k < a.length ? (a[k] as string) : INDEX_ERROR;
}

export const strPrims: readonly Primitive[] = [
  { name: "str.upper", sig: mono([STR], STR), cost: 1, impl: (s) => S(s).toUpperCase(), py: "{0:atom}.upper()", pyPrec: "atom", ts: "{0}.toUpperCase()", hints: ["uppercase", "upper", "capital", "capitals", "caps", "shout", "loud"] },
  { name: "str.lower", sig: mono([STR], STR), cost: 1, impl: (s) => S(s).toLowerCase(), py: "{0:atom}.lower()", pyPrec: "atom", ts: "{0}.toLowerCase()", hints: ["lowercase", "lower", "small", "insensitive", "case"] },
  { name: "str.swapcase", sig: mono([STR], STR), cost: 2, impl: (s) => swapcase(S(s)), py: "{0:atom}.swapcase()", pyPrec: "atom", ts: "$swapcase({0})", hints: ["swap", "toggle", "invert", "case", "swapcase"] },
  { name: "str.capitalize", sig: mono([STR], STR), cost: 2, impl: (s) => capitalize(S(s)), py: "{0:atom}.capitalize()", pyPrec: "atom", ts: "$capitalize({0})", hints: ["capitalize", "capitalise", "first", "sentence"] },
  { name: "str.title", sig: mono([STR], STR), cost: 2, impl: (s) => title(S(s)), py: "{0:atom}.title()", pyPrec: "atom", ts: "$title({0})", hints: ["title", "capitalize", "capitalise", "each", "every", "word", "words"] },
  { name: "str.strip", sig: mono([STR], STR), cost: 1.5, impl: (s) => pyStrip(S(s)), py: "{0:atom}.strip()", pyPrec: "atom", ts: "$strip({0})", hints: ["strip", "trim", "whitespace", "spaces", "surrounding", "leading", "trailing"] },
  { name: "str.lstrip", sig: mono([STR], STR), cost: 2, impl: (s) => S(s).replace(WS_LEAD, ""), py: "{0:atom}.lstrip()", pyPrec: "atom", ts: "$lstrip({0})", hints: ["leading", "left", "strip"] },
  { name: "str.rstrip", sig: mono([STR], STR), cost: 2, impl: (s) => S(s).replace(WS_TRAIL, ""), py: "{0:atom}.rstrip()", pyPrec: "atom", ts: "$rstrip({0})", hints: ["trailing", "right", "strip"] },
  { name: "str.stripc", sig: mono([STR, STR], STR), cost: 2, impl: (s, c) => stripChars(S(s), S(c), true, true), py: "{0:atom}.strip({1})", pyPrec: "atom", ts: "$stripc({0}, {1})", hints: ["strip", "remove", "trim"] },
  { name: "str.lstripc", sig: mono([STR, STR], STR), cost: 2.5, impl: (s, c) => stripChars(S(s), S(c), true, false), py: "{0:atom}.lstrip({1})", pyPrec: "atom", ts: "$lstripc({0}, {1})", hints: ["leading", "remove"] },
  { name: "str.rstripc", sig: mono([STR, STR], STR), cost: 2.5, impl: (s, c) => stripChars(S(s), S(c), false, true), py: "{0:atom}.rstrip({1})", pyPrec: "atom", ts: "$rstripc({0}, {1})", hints: ["trailing", "remove"] },
  { name: "str.split", sig: mono([STR], list(STR)), cost: 1.5, impl: (s) => splitWs(S(s)), py: "{0:atom}.split()", pyPrec: "atom", ts: "$split({0})", hints: ["words", "word", "split", "tokens", "sentence"] },
  { name: "str.splitsep", sig: mono([STR, STR], list(STR)), cost: 1.5, impl: (s, sep) => splitSep(S(s), S(sep)), py: "{0:atom}.split({1})", pyPrec: "atom", ts: "$splitsep({0}, {1})", hints: ["split", "separated", "separator", "delimiter", "comma", "fields", "parts"] },
  { name: "str.join", sig: mono([STR, list(STR)], STR), cost: 1.5, impl: (sep, xs) => joinCapped(xs as string[], S(sep)), py: "{0:atom}.join({1})", pyPrec: "atom", ts: "{1}.join({0})", hints: ["join", "combine", "concatenate", "merge", "glue", "sentence"] },
  { name: "str.replace", sig: mono([STR, STR, STR], STR), cost: 1.5, impl: (s, a, b) => replace(S(s), S(a), S(b)), py: "{0:atom}.replace({1}, {2})", pyPrec: "atom", ts: "$replace({0}, {1}, {2})", hints: ["replace", "substitute", "swap", "change", "remove", "delete", "spaces", "convert"] },
  { name: "str.find", sig: mono([STR, STR], INT), cost: 2, impl: (s, sub) => find(S(s), S(sub)), py: "{0:atom}.find({1})", pyPrec: "atom", ts: "$find({0}, {1})", hints: ["find", "position", "index", "first", "occurrence", "locate"] },
  { name: "str.rfind", sig: mono([STR, STR], INT), cost: 2.5, impl: (s, sub) => rfind(S(s), S(sub)), py: "{0:atom}.rfind({1})", pyPrec: "atom", ts: "$rfind({0}, {1})", hints: ["last", "occurrence", "position"] },
  { name: "str.index", sig: mono([STR, STR], INT), cost: 2.5, impl: (s, sub) => strIndex(S(s), S(sub)), py: "{0:atom}.index({1})", pyPrec: "atom", ts: "$strindex({0}, {1})", hints: ["index", "position"] },
  { name: "str.count", sig: mono([STR, STR], INT), cost: 1.5, impl: (s, sub) => count(S(s), S(sub)), py: "{0:atom}.count({1})", pyPrec: "atom", ts: "$count({0}, {1})", hints: ["count", "number", "occurrences", "times", "how", "many", "vowels", "frequency"] },
  { name: "str.startswith", sig: mono([STR, STR], BOOL), cost: 1.5, impl: (s, p) => S(s).startsWith(S(p)), py: "{0:atom}.startswith({1})", pyPrec: "atom", ts: "{0}.startsWith({1})", hints: ["starts", "begins", "prefix", "start", "beginning"] },
  { name: "str.endswith", sig: mono([STR, STR], BOOL), cost: 1.5, impl: (s, p) => S(s).endsWith(S(p)), py: "{0:atom}.endswith({1})", pyPrec: "atom", ts: "{0}.endsWith({1})", hints: ["ends", "suffix", "end", "ending", "extension"] },
  { name: "str.isdigit", sig: mono([STR], BOOL), cost: 1.5, impl: (s) => allMatch(S(s), (c) => DIGIT.test(c)), py: "{0:atom}.isdigit()", pyPrec: "atom", ts: "$isdigit({0})", hints: ["digit", "digits", "numeric", "number", "numbers"] },
  { name: "str.isalpha", sig: mono([STR], BOOL), cost: 1.5, impl: (s) => allMatch(S(s), (c) => ALPHA.test(c)), py: "{0:atom}.isalpha()", pyPrec: "atom", ts: "$isalpha({0})", hints: ["letter", "letters", "alphabetic", "alpha", "alphabet"] },
  { name: "str.isalnum", sig: mono([STR], BOOL), cost: 2, impl: (s) => allMatch(S(s), (c) => ALNUM.test(c)), py: "{0:atom}.isalnum()", pyPrec: "atom", ts: "$isalnum({0})", hints: ["alphanumeric", "special", "punctuation"] },
  { name: "str.isupper", sig: mono([STR], BOOL), cost: 1.5, impl: (s) => isUpper(S(s)), py: "{0:atom}.isupper()", pyPrec: "atom", ts: "$isupper({0})", hints: ["uppercase", "upper", "capital", "capitals"] },
  { name: "str.islower", sig: mono([STR], BOOL), cost: 1.5, impl: (s) => isLower(S(s)), py: "{0:atom}.islower()", pyPrec: "atom", ts: "$islower({0})", hints: ["lowercase", "lower"] },
  { name: "str.isspace", sig: mono([STR], BOOL), cost: 2, impl: (s) => ALL_WS.test(S(s)), py: "{0:atom}.isspace()", pyPrec: "atom", ts: "$isspace({0})", hints: ["whitespace", "space", "spaces", "blank"] },
  { name: "str.ord", sig: mono([STR], INT), cost: 2, impl: (s) => ord(S(s)), py: "ord({0})", pyPrec: "atom", ts: "$ord({0})", hints: ["ascii", "code", "ord", "unicode", "character", "value"] },
  { name: "str.chr", sig: mono([INT], STR), cost: 2, impl: (n) => chr(N(n)), py: "chr({0})", pyPrec: "atom", ts: "$chr({0})", hints: ["ascii", "character", "chr", "letter", "shift", "cipher"] },
  { name: "str.bin", sig: mono([INT], STR), cost: 2, impl: (n) => radix(n as PyInt, 2, "0b"), py: "bin({0})", pyPrec: "atom", ts: "$bin({0})", hints: ["binary", "bits", "bin", "base"] },
  { name: "str.hex", sig: mono([INT], STR), cost: 2.5, impl: (n) => radix(n as PyInt, 16, "0x"), py: "hex({0})", pyPrec: "atom", ts: "$hex({0})", hints: ["hex", "hexadecimal", "base"] },
  { name: "str.oct", sig: mono([INT], STR), cost: 3, impl: (n) => radix(n as PyInt, 8, "0o"), py: "oct({0})", pyPrec: "atom", ts: "$oct({0})", hints: ["octal", "base"] },
  { name: "str.repeat", sig: mono([STR, INT], STR), cost: 1.5, size: (s, n) => repeatLength(S(s).length, n), impl: (s, n) => repeat(S(s), n as PyInt), py: "{0:mul} * {1:unary}", pyPrec: "mul", ts: "$repeat({0}, {1})", hints: ["repeat", "times", "copies", "duplicate", "multiply"] },
  { name: "str.zfill", sig: mono([STR, INT], STR), cost: 2.5, impl: (s, n) => zfill(S(s), n as PyInt), py: "{0:atom}.zfill({1})", pyPrec: "atom", ts: "$zfill({0}, {1})", hints: ["pad", "zeros", "zero", "leading", "width"] },
  { name: "str.rjust", sig: mono([STR, INT], STR), cost: 2.5, impl: (s, n) => pad(S(s), n as PyInt, "left"), py: "{0:atom}.rjust({1})", pyPrec: "atom", ts: "$rjust({0}, {1})", hints: ["pad", "right", "align", "width"] },
  { name: "str.ljust", sig: mono([STR, INT], STR), cost: 2.5, impl: (s, n) => pad(S(s), n as PyInt, "right"), py: "{0:atom}.ljust({1})", pyPrec: "atom", ts: "$ljust({0}, {1})", hints: ["pad", "left", "align", "width"] },
  { name: "str.contains", sig: mono([STR, STR], BOOL), cost: 1.5, impl: (sub, s) => S(s).includes(S(sub)), py: "{0:bor} in {1:bor}", pyPrec: "cmp", ts: "{1}.includes({0})", hints: ["contains", "includes", "substring", "in", "has", "vowel", "vowels"] },
];
