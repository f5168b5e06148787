/**
 * The runtime of emitted TypeScript: small helpers that give JavaScript values Python's semantics. Primitive
 * templates call them as `$name(...)` (see `ts` in src/dsl/prims/*.ts); the emitter copies exactly the helpers a
 * program uses, with their dependencies, into the emitted file, so every file stands alone (no imports).
 *
 * Values: int and float are `number`, str is `string` (indexed, measured and compared by code point), bool is
 * `boolean`, None is `null`, lists and tuples are arrays, dict is `Map`, set is `Set`. Python exceptions are thrown
 * as `Error` objects whose `name` is the Python class ("ZeroDivisionError", "IndexError", ...).
 *
 * Where TypeScript cannot match Python (`TS_DIFFERENCES`, repeated in the header of each emitted file they concern):
 * - int is a JS number, exact only up to 2**53 - 1; Python ints are unbounded (big results become floats).
 * - Map and Set compare keys with SameValueZero: tuple (array) keys or members compare by identity, not value.
 * - Float `**` is JavaScript's pow, faithful but not always correctly rounded as glibc's (a last-bit difference);
 *   a negative float base with a fractional exponent is complex in Python: here a ValueError.
 *
 * Smaller differences, left for readable output: `min(a, b)` and `max(a, b)` of floats are Math.min/Math.max
 * (they differ from Python only for nan and signed zeros), and `sep.join(xs)`, `a in s`, `k in d` and `x in set`
 * evaluate their right operand first (observable only when both operands raise, as different exceptions).
 *
 * Each entry's source is TypeScript that compiles under `strict`, `noUncheckedIndexedAccess`,
 * `exactOptionalPropertyTypes` and `noUnusedLocals` (test/emit checks every helper alone with its dependencies).
 * Sources avoid template literals, so they can be kept in `String.raw` strings here.
 */

/** One runtime helper: a declaration named `name` (a function, const or type) and the helpers it calls. */
export interface RuntimeHelper {
  /** The identifier, with its `$` ("$floordiv"). */
  readonly name: string;
  /** Helpers the source refers to, in registry order. */
  readonly deps: readonly string[];
  /** TypeScript source of the declaration, with its doc comment. */
  readonly source: string;
}

/** One way emitted TypeScript differs from Python. */
export interface TsDifference {
  readonly text: string;
  /** Shown only in files that use one of these helpers; absent: shown in every file. */
  readonly helpers?: readonly string[];
}

/** What emitted TypeScript does differently from Python, one line each (in the header of the files concerned). */
export const TS_DIFFERENCES: readonly TsDifference[] = [
  { text: "int is a JS number: exact only up to 2**53 - 1 (Python ints are unbounded)." },
  { text: "dict and set are Map and Set: tuple keys and members compare by identity, not by value." },
  { text: "Python exceptions are thrown as Error objects named after the Python class (e.g. IndexError)." },
  {
    text: "float ** uses JavaScript's pow, which may differ from CPython's in the last bit; a negative base with a fractional exponent raises ValueError (Python returns a complex).",
    helpers: ["$fpow", "$ipow"],
  },
];

/** The differences that concern a file using these helpers. */
export function differencesFor(helpers: Iterable<string>): TsDifference[] {
  const used = new Set(helpers);
  return TS_DIFFERENCES.filter((d) => !d.helpers || d.helpers.some((h) => used.has(h)));
}

// -------------------------------------------------------------------------------------------------------------
// Sources, grouped by topic. Order matters only for output: helpers are emitted in this order.

const CORE = [
  String.raw`/** Throws an Error named like the Python exception. */
function $raise(name: string, message: string): never {
  const e = new Error(message);
  e.name = name;
  throw e;
}`,
  String.raw`/** A fixed-size tuple (TypeScript infers the tuple type from the arguments). */
function $tuple<T extends unknown[]>(...items: T): T {
  return items;
}`,
  String.raw`/** Python's == on values of the same static type: structural on arrays, Maps and Sets. */
function $eq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => $eq(x, b[i]));
  if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([k, v]) => b.has(k) && $eq(v, b.get(k)));
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((x) => b.has(x));
  return false;
}`,
  String.raw`/** Python's string order: by code point (JavaScript's < compares UTF-16 units). */
function $strcmp(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}`,
  String.raw`/** Python's ordering: numbers and bools by value, strings by code point, sequences lexicographically. */
function $cmp(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string") return $strcmp(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < a.length && i < b.length; i++) {
      const d = $cmp(a[i], b[i]);
      if (d !== 0) return d;
    }
    return a.length - b.length;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}`,
  String.raw`/** Python's a < b. */
function $lt(a: unknown, b: unknown): boolean {
  return typeof a === "number" && typeof b === "number" ? a < b : $cmp(a, b) < 0;
}`,
  String.raw`/** Python's a <= b. */
function $le(a: unknown, b: unknown): boolean {
  return typeof a === "number" && typeof b === "number" ? a <= b : $cmp(a, b) <= 0;
}`,
  String.raw`/** Python's a > b. */
function $gt(a: unknown, b: unknown): boolean {
  return typeof a === "number" && typeof b === "number" ? a > b : $cmp(a, b) > 0;
}`,
  String.raw`/** Python's a >= b. */
function $ge(a: unknown, b: unknown): boolean {
  return typeof a === "number" && typeof b === "number" ? a >= b : $cmp(a, b) >= 0;
}`,
  String.raw`/** Python's a or b on a str or list: b is evaluated only when a is empty. */
function $or<T extends string | readonly unknown[]>(a: T, b: () => T): T {
  return a.length > 0 ? a : b();
}`,
];

const NUMBERS = [
  String.raw`/** The sign-carrying zero Python returns for a zero remainder or quotient. */
function $zeroLike(sign: number): number {
  return sign < 0 || Object.is(sign, -0) ? -0 : 0;
}`,
  String.raw`/** Python's a // b (floor division, CPython's algorithm, exact for ints below 2**53). */
function $floordiv(a: number, b: number): number {
  if (b === 0) return $raise("ZeroDivisionError", "integer division or modulo by zero");
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return $zeroLike(a / b);
  const floor = Math.floor(div);
  return div - floor > 0.5 ? floor + 1 : floor;
}`,
  String.raw`/** Python's a % b: the result has the divisor's sign. */
function $mod(a: number, b: number): number {
  if (b === 0) return $raise("ZeroDivisionError", "integer division or modulo by zero");
  const mod = a % b;
  if (mod === 0) return $zeroLike(b);
  return b < 0 !== mod < 0 ? mod + b : mod;
}`,
  String.raw`/** Python's a / b (true division). */
function $truediv(a: number, b: number): number {
  if (b === 0) return $raise("ZeroDivisionError", "division by zero");
  return a / b;
}`,
  String.raw`/** Python's a ** b on ints (a negative exponent gives a float, as in Python). */
function $ipow(a: number, b: number): number {
  if (a === 0 && b < 0) return $raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
  return a ** b;
}`,
  String.raw`/** Python's a ** b on floats. */
function $fpow(a: number, b: number): number {
  if (a === 1 || b === 0) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  if (a === 0 && b < 0) return $raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
  if (a < 0 && Number.isFinite(b) && !Number.isInteger(b)) return $raise("ValueError", "negative number cannot be raised to a fractional power");
  const r = a ** b;
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) return $raise("OverflowError", "Numerical result out of range");
  return r;
}`,
  String.raw`/** Python's math.sqrt. */
function $sqrt(x: number): number {
  if (x < 0) return $raise("ValueError", "math domain error");
  return Math.sqrt(x);
}`,
  String.raw`/** Python's math.isqrt: the exact integer square root. */
function $isqrt(n: number): number {
  if (n < 0) return $raise("ValueError", "isqrt() argument must be nonnegative");
  let r = Math.floor(Math.sqrt(n));
  while (r * r > n) r--;
  while ((r + 1) * (r + 1) <= n) r++;
  return r;
}`,
  String.raw`/** Python's math.gcd. */
function $gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}`,
  String.raw`/** Python's math.factorial (exact only while the result stays below 2**53). */
function $factorial(n: number): number {
  if (n < 0) return $raise("ValueError", "factorial() not defined for negative values");
  let r = 1;
  for (let i = 2; i <= n; i++) r *= i;
  return r;
}`,
  String.raw`/** Python's int(x) of a float result: NaN and infinities raise; -0 becomes 0. */
function $toInt(x: number): number {
  if (Number.isNaN(x)) return $raise("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(x)) return $raise("OverflowError", "cannot convert float infinity to integer");
  return x === 0 ? 0 : x;
}`,
  String.raw`/** Python's math.floor of a float. */
function $floor(x: number): number {
  return $toInt(Math.floor(x));
}`,
  String.raw`/** Python's math.ceil of a float. */
function $ceil(x: number): number {
  return $toInt(Math.ceil(x));
}`,
  String.raw`/** Python's int(x) of a float: truncation toward zero. */
function $trunc(x: number): number {
  return $toInt(Math.trunc(x));
}`,
  String.raw`/** Python's round(x): half to even, returning an int. */
function $round(x: number): number {
  const r = $toInt(Math.round(x));
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}`,
  String.raw`/** Python's round(x, n): the exact binary value of x rounded half to even at n decimal digits. */
function $roundn(x: number, n: number): number {
  if (!Number.isFinite(x) || x === 0 || n > 330) return x;
  if (n < -330) return x < 0 ? -0 : 0;
  let m = Math.abs(x);
  let shift = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    shift++;
  }
  const scale = BigInt(10) ** BigInt(Math.abs(n));
  const num = BigInt(m) * (n >= 0 ? scale : BigInt(1));
  const den = (BigInt(1) << BigInt(shift)) * (n >= 0 ? BigInt(1) : scale);
  let q = num / den;
  const twice = BigInt(2) * (num - q * den);
  if (twice > den || (twice === den && q % BigInt(2) === BigInt(1))) q += BigInt(1);
  const r = Number(q.toString() + "e" + String(-n));
  if (!Number.isFinite(r)) return $raise("OverflowError", "rounded value too large to represent");
  return x < 0 ? -r : r;
}`,
  String.raw`/** Python's str() of a float: shortest round-trip digits with Python's exponent rules. */
function $fstr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const text = Math.abs(x).toExponential();
  const at = text.indexOf("e");
  const digits = text.slice(0, at).replace(".", "");
  const exp = Number(text.slice(at + 1));
  const sign = x < 0 ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const mantissa = digits.length > 1 ? digits.charAt(0) + "." + digits.slice(1) : digits;
    return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + String(Math.abs(exp)).padStart(2, "0");
  }
  if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + digits;
  if (digits.length <= exp + 1) return sign + digits + "0".repeat(exp + 1 - digits.length) + ".0";
  return sign + digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
}`,
  String.raw`/** The value of a Unicode decimal digit (Unicode assigns them in runs of ten, zero first). */
function $digitValue(cp: number): number {
  let start = cp;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}`,
  String.raw`/** Replaces every Unicode decimal digit with its ASCII digit (Python's int() and float() accept them all). */
function $asciiDigits(s: string): string {
  return s.replace(/\p{Nd}/gu, (d) => String($digitValue(d.codePointAt(0) ?? 48)));
}`,
  String.raw`/** The text int() and float() parse: stripped of whitespace (but not \x1c-\x1f), with ASCII digits. */
function $numberText(s: string): string {
  return $asciiDigits($stripWhere(s, (ch) => $isWs(ch) && (ch < "\x1c" || ch > "\x1f"), true, true));
}`,
  String.raw`/** Python's int(s) for a str: surrounding whitespace, a sign, digits with single underscores between them. */
function $int(s: string): number {
  const t = $numberText(s);
  if (!/^[+-]?\d+(?:_\d+)*$/.test(t)) return $raise("ValueError", "invalid literal for int() with base 10: '" + s + "'");
  const n = Number(t.replace(/_/g, ""));
  return n === 0 ? 0 : n;
}`,
  String.raw`/** Python's float(s) for a str. */
function $float(s: string): number {
  const t = $numberText(s).toLowerCase();
  const special = /^([+-]?)(inf|infinity|nan)$/.exec(t);
  if (special) return special[2] === "nan" ? NaN : special[1] === "-" ? -Infinity : Infinity;
  if (!/^[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:e[+-]?\d+(?:_\d+)*)?$/.test(t)) {
    return $raise("ValueError", "could not convert string to float: '" + s + "'");
  }
  return Number(t.replace(/_/g, ""));
}`,
];

const STRINGS = [
  String.raw`/** The characters Python's str.isspace() accepts (split() and strip() use the same set; all are in the BMP). */
const $WHITESPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";`,
  String.raw`/** True for one Python whitespace character. */
function $isWs(ch: string): boolean {
  return ch !== "" && $WHITESPACE.includes(ch);
}`,
  String.raw`/** Removes leading and/or trailing characters (by code point) for which drop holds. */
function $stripWhere(s: string, drop: (ch: string) => boolean, left: boolean, right: boolean): string {
  const a = [...s];
  let i = 0;
  let j = a.length;
  while (left && i < j && drop(a[i] ?? "")) i++;
  while (right && j > i && drop(a[j - 1] ?? "")) j--;
  return a.slice(i, j).join("");
}`,
  String.raw`/** Python's s.strip(). */
function $strip(s: string): string {
  return $stripWhere(s, $isWs, true, true);
}`,
  String.raw`/** Python's s.lstrip(). */
function $lstrip(s: string): string {
  return $stripWhere(s, $isWs, true, false);
}`,
  String.raw`/** Python's s.rstrip(). */
function $rstrip(s: string): string {
  return $stripWhere(s, $isWs, false, true);
}`,
  String.raw`/** Python's s.strip(chars). */
function $stripc(s: string, chars: string): string {
  const set = new Set(chars);
  return $stripWhere(s, (ch) => set.has(ch), true, true);
}`,
  String.raw`/** Python's s.lstrip(chars). */
function $lstripc(s: string, chars: string): string {
  const set = new Set(chars);
  return $stripWhere(s, (ch) => set.has(ch), true, false);
}`,
  String.raw`/** Python's s.rstrip(chars). */
function $rstripc(s: string, chars: string): string {
  const set = new Set(chars);
  return $stripWhere(s, (ch) => set.has(ch), false, true);
}`,
  String.raw`/** Python's s.split(): runs of whitespace separate words; no empty words. */
function $split(s: string): string[] {
  const words: string[] = [];
  let word = "";
  for (const ch of s) {
    if (!$isWs(ch)) word += ch;
    else if (word !== "") {
      words.push(word);
      word = "";
    }
  }
  if (word !== "") words.push(word);
  return words;
}`,
  String.raw`/** Python's s.split(sep). */
function $splitsep(s: string, sep: string): string[] {
  if (sep === "") return $raise("ValueError", "empty separator");
  return s.split(sep);
}`,
  String.raw`/** Python's s.replace(old, new) (an empty old inserts new around every code point). */
function $replace(s: string, old: string, rep: string): string {
  if (old === "") return rep + [...s].join(rep) + (s === "" ? "" : rep);
  return s.split(old).join(rep);
}`,
  String.raw`/** The code point index of a UTF-16 index (-1 stays -1). */
function $cpIndex(s: string, unit: number): number {
  return unit < 0 ? unit : [...s.slice(0, unit)].length;
}`,
  String.raw`/** Python's s.find(sub): a code point index, or -1. */
function $find(s: string, sub: string): number {
  return $cpIndex(s, s.indexOf(sub));
}`,
  String.raw`/** Python's s.rfind(sub): a code point index, or -1. */
function $rfind(s: string, sub: string): number {
  return $cpIndex(s, s.lastIndexOf(sub));
}`,
  String.raw`/** Python's s.index(sub): like find, but a missing sub raises ValueError. */
function $strindex(s: string, sub: string): number {
  const i = $find(s, sub);
  return i < 0 ? $raise("ValueError", "substring not found") : i;
}`,
  String.raw`/** Python's s.count(sub): non-overlapping occurrences (an empty sub counts the gaps between code points). */
function $count(s: string, sub: string): number {
  return sub === "" ? $len(s) + 1 : s.split(sub).length - 1;
}`,
  String.raw`/** Python's uppercase characters (the Unicode Uppercase property, as str.isupper uses). */
const $UPPER = /^\p{Uppercase}$/u;`,
  String.raw`/** Python's lowercase characters (the Unicode Lowercase property). */
const $LOWER = /^\p{Lowercase}$/u;`,
  String.raw`/** Titlecase letters (category Lt), cased but neither upper nor lower. */
const $TITLE = /^\p{Lt}$/u;`,
  String.raw`/** Python's cased characters (the Unicode Cased property). */
const $CASED = /^\p{Cased}$/u;`,
  String.raw`/** Characters skipped when deciding whether a capital sigma ends a word. */
const $CASE_IGNORABLE = /^\p{Case_Ignorable}$/u;`,
  String.raw`/**
 * The characters whose titlecase (Python 3.11) differs from their uppercase: "code:title" in hex (a title of
 * several characters joined by "."), or a code or range "a-b" of characters that titlecase to themselves.
 */
const $TITLECASE: ReadonlyMap<string, string> = new Map(
  ("df:53.73 1c4:1c5 1c5 1c6:1c5 1c7:1c8 1c8 1c9:1c8 1ca:1cb 1cb 1cc:1cb 1f1:1f2 1f2 1f3:1f2 587:535.582 " +
   "10d0-10fa 10fd-10ff 1f80:1f88 1f81:1f89 1f82:1f8a 1f83:1f8b 1f84:1f8c 1f85:1f8d 1f86:1f8e 1f87:1f8f " +
   "1f88-1f8f 1f90:1f98 1f91:1f99 1f92:1f9a 1f93:1f9b 1f94:1f9c 1f95:1f9d 1f96:1f9e 1f97:1f9f 1f98-1f9f " +
   "1fa0:1fa8 1fa1:1fa9 1fa2:1faa 1fa3:1fab 1fa4:1fac 1fa5:1fad 1fa6:1fae 1fa7:1faf 1fa8-1faf " +
   "1fb2:1fba.345 1fb3:1fbc 1fb4:386.345 1fb7:391.342.345 1fbc 1fc2:1fca.345 1fc3:1fcc 1fc4:389.345 " +
   "1fc7:397.342.345 1fcc 1ff2:1ffa.345 1ff3:1ffc 1ff4:38f.345 1ff7:3a9.342.345 1ffc fb00:46.66 " +
   "fb01:46.69 fb02:46.6c fb03:46.66.69 fb04:46.66.6c fb05:53.74 fb06:53.74 fb13:544.576 fb14:544.565 " +
   "fb15:544.56b fb16:54e.576 fb17:544.56d")
    .split(" ")
    .flatMap((entry) => {
      const [from = "", to] = entry.split(":");
      const [lo = "", hi = lo] = from.split("-");
      const pairs: [string, string][] = [];
      for (let c = parseInt(lo, 16); c <= parseInt(hi, 16); c++) {
        pairs.push([String.fromCodePoint(c), to === undefined ? String.fromCodePoint(c) : String.fromCodePoint(...to.split(".").map((h) => parseInt(h, 16)))]);
      }
      return pairs;
    }),
);`,
  String.raw`/** Python's full titlecase mapping of one character (JavaScript has no toTitleCase). */
function $toTitle(ch: string): string {
  return $TITLECASE.get(ch) ?? ch.toUpperCase();
}`,
  String.raw`/** The lowercase of chars[i], with capital sigma final (ς) when a cased letter precedes and none follows. */
function $lowerAt(chars: readonly string[], i: number): string {
  const ch = chars[i] ?? "";
  if (ch !== "\u03a3") return ch.toLowerCase();
  let j = i - 1;
  while (j >= 0 && $CASE_IGNORABLE.test(chars[j] ?? "")) j--;
  let k = i + 1;
  while (k < chars.length && $CASE_IGNORABLE.test(chars[k] ?? "")) k++;
  const final = j >= 0 && $CASED.test(chars[j] ?? "") && (k === chars.length || !$CASED.test(chars[k] ?? ""));
  return final ? "\u03c2" : "\u03c3";
}`,
  String.raw`/** Python's s.swapcase(): uppercase characters lowered, lowercase ones uppered, others kept. */
function $swapcase(s: string): string {
  const chars = [...s];
  return chars.map((ch, i) => ($UPPER.test(ch) ? $lowerAt(chars, i) : $LOWER.test(ch) ? ch.toUpperCase() : ch)).join("");
}`,
  String.raw`/** Python's s.capitalize(): the first character titlecased, the rest lowercased. */
function $capitalize(s: string): string {
  const chars = [...s];
  return chars.map((ch, i) => (i === 0 ? $toTitle(ch) : $lowerAt(chars, i))).join("");
}`,
  String.raw`/** Python's s.title(): a character after a cased one is lowercased, any other titlecased. */
function $title(s: string): string {
  const chars = [...s];
  return chars.map((ch, i) => (i > 0 && $CASED.test(chars[i - 1] ?? "") ? $lowerAt(chars, i) : $toTitle(ch))).join("");
}`,
  String.raw`/** True when s has a character matching want and none matching other or titlecase (isupper, islower). */
function $casedOnly(s: string, want: RegExp, other: RegExp): boolean {
  let cased = false;
  for (const ch of s) {
    if (other.test(ch) || $TITLE.test(ch)) return false;
    if (want.test(ch)) cased = true;
  }
  return cased;
}`,
  String.raw`/** Python's s.isupper(): some uppercase character and no lowercase or titlecase one. */
function $isupper(s: string): boolean {
  return $casedOnly(s, $UPPER, $LOWER);
}`,
  String.raw`/** Python's s.islower(): some lowercase character and no uppercase or titlecase one. */
function $islower(s: string): boolean {
  return $casedOnly(s, $LOWER, $UPPER);
}`,
  String.raw`/** Python's s.isdigit(): decimal digits and the other Numeric_Type=Digit characters (superscripts, circled digits). */
function $isdigit(s: string): boolean {
  return /^[\p{Nd}\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{10a40}-\u{10a43}\u{10e60}-\u{10e68}\u{11052}-\u{1105a}\u{1f100}-\u{1f10a}]+$/u.test(s);
}`,
  String.raw`/** Python's s.isalpha(): letters only. */
function $isalpha(s: string): boolean {
  return /^\p{L}+$/u.test(s);
}`,
  String.raw`/** Python's s.isalnum(): letters and numeric characters only. */
function $isalnum(s: string): boolean {
  return /^[\p{L}\p{N}]+$/u.test(s);
}`,
  String.raw`/** Python's s.isspace(). */
function $isspace(s: string): boolean {
  return s !== "" && [...s].every($isWs);
}`,
  String.raw`/** Python's ord(c). */
function $ord(c: string): number {
  const n = $len(c);
  if (n !== 1) return $raise("TypeError", "ord() expected a character, but string of length " + String(n) + " found");
  return c.codePointAt(0) ?? 0;
}`,
  String.raw`/** Python's chr(i). */
function $chr(i: number): string {
  if (!Number.isInteger(i) || i < 0 || i > 0x10ffff) return $raise("ValueError", "chr() arg not in range(0x110000)");
  return String.fromCodePoint(i);
}`,
  String.raw`/** An int in a base with Python's prefix ("-0b101"). */
function $radix(n: number, base: number, prefix: string): string {
  return (n < 0 ? "-" : "") + prefix + Math.abs(n).toString(base);
}`,
  String.raw`/** Python's bin(n). */
function $bin(n: number): string {
  return $radix(n, 2, "0b");
}`,
  String.raw`/** Python's hex(n). */
function $hex(n: number): string {
  return $radix(n, 16, "0x");
}`,
  String.raw`/** Python's oct(n). */
function $oct(n: number): string {
  return $radix(n, 8, "0o");
}`,
  String.raw`/** Python's s * n. */
function $repeat(s: string, n: number): string {
  return n > 0 ? s.repeat(n) : "";
}`,
  String.raw`/** Python's s.zfill(width): zeros after the sign, up to width code points. */
function $zfill(s: string, width: number): string {
  const n = $len(s);
  if (n >= width) return s;
  const sign = s.startsWith("+") || s.startsWith("-") ? s.charAt(0) : "";
  return sign + "0".repeat(width - n) + s.slice(sign.length);
}`,
  String.raw`/** Python's s.rjust(width). */
function $rjust(s: string, width: number): string {
  return " ".repeat(Math.max(0, width - $len(s))) + s;
}`,
  String.raw`/** Python's s.ljust(width). */
function $ljust(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - $len(s)));
}`,
];

const SEQUENCES = [
  String.raw`/** Python's len of a str (code points) or a list. */
function $len(xs: string | readonly unknown[]): number {
  return typeof xs === "string" ? [...xs].length : xs.length;
}`,
  String.raw`/** Python's xs[i]: negative indices count from the end; out of range raises IndexError. */
function $at(s: string, i: number): string;
function $at<T>(xs: readonly T[], i: number): T;
function $at(xs: string | readonly unknown[], i: number): unknown {
  const a = typeof xs === "string" ? [...xs] : xs;
  const k = i < 0 ? i + a.length : i;
  if (k < 0 || k >= a.length) return $raise("IndexError", (typeof xs === "string" ? "string" : "list") + " index out of range");
  return a[k];
}`,
  String.raw`/** Python's xs[start:stop:step] (null for an omitted bound), by code point on strings. */
function $slice(s: string, start: number | null, stop: number | null, step?: number): string;
function $slice<T>(xs: readonly T[], start: number | null, stop: number | null, step?: number): T[];
function $slice(xs: string | readonly unknown[], start: number | null, stop: number | null, step = 1): string | unknown[] {
  if (step === 0) return $raise("ValueError", "slice step cannot be zero");
  const a = typeof xs === "string" ? [...xs] : xs;
  const n = a.length;
  const lo = step > 0 ? 0 : -1;
  const hi = step > 0 ? n : n - 1;
  const bound = (x: number | null, dflt: number): number => (x === null ? dflt : Math.min(Math.max(x < 0 ? x + n : x, lo), hi));
  const out: unknown[] = [];
  const end = bound(stop, step > 0 ? hi : lo);
  for (let i = bound(start, step > 0 ? lo : hi); step > 0 ? i < end : i > end; i += step) out.push(a[i]);
  return typeof xs === "string" ? out.join("") : out;
}`,
  String.raw`/** Python's xs[::-1] (by code point on strings). */
function $reverse(s: string): string;
function $reverse<T>(xs: readonly T[]): T[];
function $reverse(xs: string | readonly unknown[]): string | unknown[] {
  return typeof xs === "string" ? [...xs].reverse().join("") : [...xs].reverse();
}`,
  String.raw`/** Python's a + b on strs or lists. */
function $concat(a: string, b: string): string;
function $concat<T>(a: readonly T[], b: readonly T[]): T[];
function $concat(a: string | readonly unknown[], b: string | readonly unknown[]): string | unknown[] {
  return typeof a === "string" ? a + String(b) : [...a, ...b];
}`,
  String.raw`/** Python's list(xs) (a str gives its characters). */
function $list(s: string): string[];
function $list<T>(xs: readonly T[]): T[];
function $list(xs: string | readonly unknown[]): unknown[] {
  return [...xs];
}`,
  String.raw`/** Python's x in xs for a list or tuple. */
function $in(x: unknown, xs: readonly unknown[]): boolean {
  return xs.some((y) => $eq(y, x));
}`,
  String.raw`/** Python's xs.count(x). */
function $countOf(xs: readonly unknown[], x: unknown): number {
  return xs.filter((y) => $eq(y, x)).length;
}`,
  String.raw`/** Python's xs.index(x). */
function $indexOf(xs: readonly unknown[], x: unknown): number {
  const i = xs.findIndex((y) => $eq(y, x));
  return i < 0 ? $raise("ValueError", "value is not in list") : i;
}`,
  String.raw`/** Python's xs * n for a list. */
function $repeatSeq<T>(xs: readonly T[], n: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(...xs);
  return out;
}`,
  String.raw`/** Python's sum(xs) (plain left-to-right addition). */
function $sum(xs: Iterable<number>): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}`,
  String.raw`/** The first greatest (sign 1) or least (sign -1) element, as Python's max and min choose. */
function $extreme(xs: string | readonly unknown[], sign: number, name: string): unknown {
  const a = typeof xs === "string" ? [...xs] : xs;
  if (a.length === 0) return $raise("ValueError", name + "() arg is an empty sequence");
  let best = a[0];
  for (const x of a) if ($cmp(x, best) * sign > 0) best = x;
  return best;
}`,
  String.raw`/** Python's min(xs). */
function $min(s: string): string;
function $min<T>(xs: readonly T[]): T;
function $min(xs: string | readonly unknown[]): unknown {
  return $extreme(xs, -1, "min");
}`,
  String.raw`/** Python's max(xs). */
function $max(s: string): string;
function $max<T>(xs: readonly T[]): T;
function $max(xs: string | readonly unknown[]): unknown {
  return $extreme(xs, 1, "max");
}`,
  String.raw`/** Python's sorted(xs, reverse=...): stable, with Python's ordering. */
function $sorted(s: string, reverse?: boolean): string[];
function $sorted<T>(xs: readonly T[], reverse?: boolean): T[];
function $sorted(xs: string | readonly unknown[], reverse = false): unknown[] {
  return [...xs].sort((a, b) => (reverse ? $cmp(b, a) : $cmp(a, b)));
}`,
  String.raw`/** A string equal for Python-equal primitives and tuples of them (for dedupe). */
function $hashKey(x: unknown): string {
  if (typeof x === "string") return "s" + String(x.length) + ":" + x;
  if (Array.isArray(x)) return "(" + x.map($hashKey).join(",") + ")";
  if (x === null) return "N";
  return "n" + String(Number(x));
}`,
  String.raw`/** Python's list(dict.fromkeys(xs)): the first occurrence of each value, in order. */
function $dedupe<T>(xs: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const x of xs) {
    const k = $hashKey(x);
    if (!seen.has(k)) seen.set(k, x);
  }
  return [...seen.values()];
}`,
  String.raw`/** Python's list(range(start, stop, step)). */
function $range(start: number, stop: number, step = 1): number[] {
  if (step === 0) return $raise("ValueError", "range() arg 3 must not be zero");
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
  return out;
}`,
  String.raw`/** Python's list(zip(a, b)). */
function $zip<A, B>(a: readonly A[], b: readonly B[]): [A, B][] {
  const out: [A, B][] = [];
  for (let i = 0; i < a.length && i < b.length; i++) out.push([a[i] as A, b[i] as B]);
  return out;
}`,
  String.raw`/** Python's list(enumerate(xs)). */
function $enumerate(s: string): [number, string][];
function $enumerate<T>(xs: readonly T[]): [number, T][];
function $enumerate(xs: string | readonly unknown[]): [number, unknown][] {
  return [...xs].map((x, i): [number, unknown] => [i, x]);
}`,
];

const COLLECTIONS = [
  String.raw`/** Python's a & b on sets. */
function $setAnd<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  return new Set([...a].filter((x) => b.has(x)));
}`,
  String.raw`/** Python's a | b on sets. */
function $setOr<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  return new Set([...a, ...b]);
}`,
  String.raw`/** Python's a - b on sets. */
function $setSub<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  return new Set([...a].filter((x) => !b.has(x)));
}`,
  String.raw`/** Python's a ^ b on sets. */
function $setXor<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  return new Set([...[...a].filter((x) => !b.has(x)), ...[...b].filter((x) => !a.has(x))]);
}`,
  String.raw`/** Python's a <= b on sets. */
function $subset<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return [...a].every((x) => b.has(x));
}`,
  String.raw`/** Python's d[k]: a missing key raises KeyError. */
function $dget<K, V>(d: ReadonlyMap<K, V>, k: K): V {
  if (!d.has(k)) return $raise("KeyError", String(k));
  return d.get(k) as V;
}`,
  String.raw`/** Python's d.get(k, default) (a stored None is returned as is). */
function $getOr<K, V>(d: ReadonlyMap<K, V>, k: K, dflt: V): V {
  return d.has(k) ? (d.get(k) as V) : dflt;
}`,
];

const ITERATION = [
  String.raw`/** What a comprehension may iterate: a str (its characters), an array, a Map (its keys) or a Set. */
type $Iterable = string | Iterable<unknown>;`,
  String.raw`/** The element type of iterating S, as Python iterates it. */
type $Elem<S> = S extends string ? string : S extends ReadonlyMap<infer K, unknown> ? K : S extends Iterable<infer T> ? T : never;`,
  String.raw`/** The elements of src in Python's iteration order: code points of a str, keys of a Map. */
function $toList<S extends $Iterable>(src: S): $Elem<S>[] {
  return Array.from((src instanceof Map ? src.keys() : src) as Iterable<$Elem<S>>);
}`,
  String.raw`/** Python's [f(x) for x in src]. */
function $map<S extends $Iterable, R>(src: S, f: (x: $Elem<S>) => R): R[] {
  return $toList(src).map((x) => f(x));
}`,
  String.raw`/** Python's [x for x in src if p(x)]. */
function $filter<S extends $Iterable>(src: S, p: (x: $Elem<S>) => boolean): $Elem<S>[] {
  return $toList(src).filter((x) => p(x));
}`,
  String.raw`/** Python's [f(x) for x in src if p(x)]: f runs only where p holds. */
function $mapFilter<S extends $Iterable, R>(src: S, f: (x: $Elem<S>) => R, p: (x: $Elem<S>) => boolean): R[] {
  const out: R[] = [];
  for (const x of $toList(src)) if (p(x)) out.push(f(x));
  return out;
}`,
  String.raw`/** Python's sorted(src, key=key, reverse=...): keys computed once, stable. */
function $sortBy<S extends $Iterable>(src: S, key: (x: $Elem<S>) => unknown, reverse = false): $Elem<S>[] {
  const xs = $toList(src);
  const keys = xs.map((x) => key(x));
  const order = xs.map((_, i) => i).sort((a, b) => (reverse ? -1 : 1) * $cmp(keys[a], keys[b]));
  return order.map((i) => xs[i] as $Elem<S>);
}`,
  String.raw`/** The first element with the greatest (sign 1) or least (sign -1) key. */
function $extremeBy<S extends $Iterable>(src: S, key: (x: $Elem<S>) => unknown, sign: number, name: string): $Elem<S> {
  const xs = $toList(src);
  const keys = xs.map((x) => key(x));
  if (xs.length === 0) return $raise("ValueError", name + "() arg is an empty sequence");
  let best = 0;
  for (let i = 1; i < xs.length; i++) if ($cmp(keys[i], keys[best]) * sign > 0) best = i;
  return xs[best] as $Elem<S>;
}`,
  String.raw`/** Python's max(src, key=key). */
function $maxBy<S extends $Iterable>(src: S, key: (x: $Elem<S>) => unknown): $Elem<S> {
  return $extremeBy(src, key, 1, "max");
}`,
  String.raw`/** Python's min(src, key=key). */
function $minBy<S extends $Iterable>(src: S, key: (x: $Elem<S>) => unknown): $Elem<S> {
  return $extremeBy(src, key, -1, "min");
}`,
];

/** SMT-LIB semantics (SyGuS problems): out-of-range string operations give "" or -1, integer division is Euclidean. */
const SMT = [
  String.raw`/** SMT-LIB str.len: code points. */
function $smtLen(s: string): number {
  return [...s].length;
}`,
  String.raw`/** SMT-LIB str.substr s i n: n code points from i, clamped at the end; "" when i is out of range or n <= 0. */
function $smtSubstr(s: string, i: number, n: number): string {
  const chars = [...s];
  if (!(i >= 0 && i < chars.length && n > 0)) return "";
  return chars.slice(i, Math.min(chars.length, i + n)).join("");
}`,
  String.raw`/** SMT-LIB str.indexof s t i: the first t at or after code point i; -1 when none or i is outside [0, len]. */
function $smtIndexOf(s: string, t: string, i: number): number {
  const chars = [...s];
  if (!(i >= 0 && i <= chars.length)) return -1;
  const unit = s.indexOf(t, chars.slice(0, i).join("").length);
  return unit < 0 ? -1 : [...s.slice(0, unit)].length;
}`,
  String.raw`/** SMT-LIB str.replace: the first occurrence only; an empty pattern prepends the replacement. */
function $smtReplace(s: string, t: string, u: string): string {
  if (t === "") return u + s;
  const k = s.indexOf(t);
  return k < 0 ? s : s.slice(0, k) + u + s.slice(k + t.length);
}`,
  String.raw`/** SMT-LIB str.replace_all: every non-overlapping occurrence; an empty pattern changes nothing. */
function $smtReplaceAll(s: string, t: string, u: string): string {
  return t === "" ? s : s.split(t).join(u);
}`,
  String.raw`/** SMT-LIB str.from_int: the decimal digits, or "" for a negative. */
function $smtFromInt(n: number): string {
  return n < 0 ? "" : String(n);
}`,
  String.raw`/** SMT-LIB str.to_int: the value of a non-empty string of ASCII digits, else -1. */
function $smtToInt(s: string): number {
  return /^[0-9]+$/.test(s) ? Number(s) : -1;
}`,
  String.raw`/** SMT-LIB's Euclidean remainder: 0 <= r < |b| (division by zero, unspecified there, raises here). */
function $smtMod(a: number, b: number): number {
  if (b === 0) return $raise("ZeroDivisionError", "division by zero");
  const r = a % b;
  return r < 0 ? r + Math.abs(b) : r + 0;
}`,
  String.raw`/** SMT-LIB div: the Euclidean quotient, a = b * q + r with 0 <= r < |b|. */
function $smtDiv(a: number, b: number): number {
  return (a - $smtMod(a, b)) / b + 0;
}`,
  String.raw`/** SMT-LIB str.<: lexicographic by code point. */
function $smtStrLt(a: string, b: string): boolean {
  return $strcmp(a, b) < 0;
}`,
];

// -------------------------------------------------------------------------------------------------------------
// Registry

const DECLARED = /^(?:\/\*\*[\s\S]*?\*\/\s*)?(?:function|const|type)\s+(\$\w+)/;
const REFERENCE = /\$[A-Za-z_]\w*/g;

function nameOf(source: string): string {
  const m = DECLARED.exec(source);
  if (!m?.[1]) throw new Error(`runtime helper without a $name declaration: ${source.slice(0, 80)}`);
  return m[1];
}

function buildRegistry(sources: readonly string[]): ReadonlyMap<string, RuntimeHelper> {
  const names = sources.map(nameOf);
  const known = new Set(names);
  const out = new Map<string, RuntimeHelper>();
  sources.forEach((source, i) => {
    const name = names[i] as string;
    const refs = new Set(source.match(REFERENCE) ?? []);
    const deps = names.filter((n) => n !== name && refs.has(n));
    for (const r of refs) if (!known.has(r)) throw new Error(`runtime helper ${name} refers to unknown helper ${r}`);
    if (out.has(name)) throw new Error(`runtime helper declared twice: ${name}`);
    out.set(name, { name, deps, source });
  });
  return out;
}

/** Every runtime helper by name (with its `$`), in emission order. */
export const TS_RUNTIME: ReadonlyMap<string, RuntimeHelper> = buildRegistry([...CORE, ...NUMBERS, ...STRINGS, ...SEQUENCES, ...COLLECTIONS, ...ITERATION, ...SMT]);

/**
 * The helpers `names` need, with their dependencies (transitively), in emission order. Throws on an unknown
 * name: a primitive template that calls a helper this runtime lacks is a bug in the primitive table.
 */
export function resolveHelpers(names: Iterable<string>): RuntimeHelper[] {
  const need = new Set<string>();
  const visit = (name: string): void => {
    if (need.has(name)) return;
    const h = TS_RUNTIME.get(name);
    if (!h) throw new Error(`no TypeScript runtime helper named ${name}`);
    need.add(name);
    h.deps.forEach(visit);
  };
  for (const n of names) visit(n);
  return [...TS_RUNTIME.values()].filter((h) => need.has(h.name));
}

/** The source text of the helpers `names` need (see `resolveHelpers`), separated by blank lines. */
export function runtimeSource(names: Iterable<string>): string {
  return resolveHelpers(names)
    .map((h) => h.source)
    .join("\n\n");
}
