/**
 * Python values in JavaScript, without runtime type tags (the static type says what a value is):
 *
 * | Python | JS                                                                  |
 * |--------|---------------------------------------------------------------------|
 * | int    | `number` when it is a safe integer, otherwise `bigint` (canonical)  |
 * | float  | `number`                                                            |
 * | bool   | `boolean`                                                           |
 * | str    | `string` (Python semantics are by code point; see `cps`)            |
 * | None   | `null`                                                              |
 * | list, tuple | readonly arrays (never mutated after construction)             |
 * | dict   | `PyDict` (insertion ordered)                                        |
 * | set    | `PySet`                                                             |
 *
 * Failures are values too: a `PyError` carries the Python exception class name. Nothing here throws on
 * Python-level errors; the hot loop never sees a JS exception.
 */
export type Value = number | bigint | boolean | string | null | readonly Value[] | PyDict | PySet;

/** A Python exception as a value (for example ZeroDivisionError from `1 // 0`). */
export class PyError {
  constructor(
    readonly kind: string,
    readonly message = "",
  ) {}
}

/** A value or the exception evaluating it raised. */
export type Result = Value | PyError;

const errors = new Map<string, PyError>();
/** Shared error instances per exception class (errors carry no per-call data in the hot loop). */
export function err(kind: string): PyError {
  let e = errors.get(kind);
  if (!e) {
    e = new PyError(kind);
    errors.set(kind, e);
  }
  return e;
}

export const ZERO_DIV = err("ZeroDivisionError");
export const VALUE_ERROR = err("ValueError");
export const INDEX_ERROR = err("IndexError");
export const KEY_ERROR = err("KeyError");
export const TYPE_ERROR = err("TypeError");
export const OVERFLOW = err("OverflowError");
/** Not a Python error: the evaluator refused work that would exceed its resource limits. */
export const RESOURCE = err("ResourceLimit");

export function isError(v: Result): v is PyError {
  return v instanceof PyError;
}

/** Python dict with insertion order. Keys are compared by Python equality through `hashKey`. */
export class PyDict {
  private readonly index = new Map<string, number>();
  readonly keys: Value[] = [];
  readonly vals: Value[] = [];

  static from(pairs: Iterable<readonly [Value, Value]>): PyDict {
    const d = new PyDict();
    for (const [k, v] of pairs) d.set(k, v);
    return d;
  }

  get size(): number {
    return this.keys.length;
  }

  /** Only for construction: dicts are immutable once they are values. */
  set(k: Value, v: Value): void {
    const h = hashKey(k);
    const i = this.index.get(h);
    if (i === undefined) {
      this.index.set(h, this.keys.length);
      this.keys.push(k);
      this.vals.push(v);
    } else {
      this.vals[i] = v;
    }
  }

  get(k: Value): Value | undefined {
    const i = this.index.get(hashKey(k));
    return i === undefined ? undefined : this.vals[i];
  }

  has(k: Value): boolean {
    return this.index.has(hashKey(k));
  }
}

/** Python set. Iteration order is not Python's (it depends on hashing), so the DSL only iterates sets sorted. */
export class PySet {
  private readonly index = new Map<string, number>();
  readonly items: Value[] = [];

  static from(items: Iterable<Value>): PySet {
    const s = new PySet();
    for (const v of items) s.add(v);
    return s;
  }

  get size(): number {
    return this.items.length;
  }

  add(v: Value): void {
    const h = hashKey(v);
    if (!this.index.has(h)) {
      this.index.set(h, this.items.length);
      this.items.push(v);
    }
  }

  has(v: Value): boolean {
    return this.index.has(hashKey(v));
  }
}

/** A string key equal for Python-equal hashable values (1 == 1.0 == True share a key, as in Python). */
export function hashKey(v: Value): string {
  // Strings are length-prefixed so that container keys cannot collide (["a,sb"] vs ["a", "b"]).
  if (typeof v === "string") return "s" + v.length + ":" + v;
  if (typeof v === "number") return Number.isSafeInteger(v) || !Number.isInteger(v) ? "n" + String(v === 0 ? 0 : v) : "n" + BigInt(v).toString();
  if (typeof v === "boolean") return v ? "n1" : "n0";
  if (typeof v === "bigint") return "n" + v.toString();
  if (v === null) return "N";
  if (Array.isArray(v)) return "(" + v.map(hashKey).join(",") + ")";
  if (v instanceof PySet) return "S{" + v.items.map(hashKey).sort().join(",") + "}";
  if (v instanceof PyDict) return "D{" + v.keys.map((k, i) => hashKey(k) + ":" + hashKey(v.vals[i] ?? null)).sort().join(",") + "}";
  return "?";
}

// ---------------------------------------------------------------------------------------------------------
// Equality and ordering

/** Python `==`. */
export function pyEq(a: Value, b: Value): boolean {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === "string" || tb === "string") return false;
  if (isNum(a) && isNum(b)) return numEq(a, b);
  if (a === null || b === null) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!pyEq(a[i] as Value, b[i] as Value)) return false;
    return true;
  }
  if (a instanceof PySet && b instanceof PySet) return a.size === b.size && a.items.every((x) => b.has(x));
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.size !== b.size) return false;
    for (let i = 0; i < a.keys.length; i++) {
      const bv = b.get(a.keys[i] as Value);
      if (bv === undefined || !pyEq(a.vals[i] as Value, bv)) return false;
    }
    return true;
  }
  return false;
}

function isNum(v: Value): v is number | bigint | boolean {
  const t = typeof v;
  return t === "number" || t === "bigint" || t === "boolean";
}

function numEq(a: number | bigint | boolean, b: number | bigint | boolean): boolean {
  const x = typeof a === "boolean" ? Number(a) : a;
  const y = typeof b === "boolean" ? Number(b) : b;
  if (typeof x === "number" && typeof y === "number") return x === y;
  // Mixed number/bigint: == is exact in JS across the two.
  return x == y; // eslint-disable-line eqeqeq
}

/**
 * Python ordering for `<`, sorted, min and max: numbers, strings by code point, sequences lexicographically.
 * Returns negative, zero or positive. Values of unorderable types compare as equal (the DSL's types prevent
 * such comparisons from being built).
 */
export function pyCompare(a: Value, b: Value): number {
  if (typeof a === "string" && typeof b === "string") return compareStr(a, b);
  if (isNum(a) && isNum(b)) {
    const x = typeof a === "boolean" ? Number(a) : a;
    const y = typeof b === "boolean" ? Number(b) : b;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = pyCompare(a[i] as Value, b[i] as Value);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return 0;
}

/**
 * Python `a < b` (`orEqual`: `a <= b`) for orderable values. Unlike `pyCompare`, nan is unordered here, as in
 * Python: every comparison with nan is False. Sequences compare at their first unequal elements, then by length.
 */
export function pyLess(a: Value, b: Value, orEqual: boolean): boolean {
  if (typeof a === "string" && typeof b === "string") return orEqual ? compareStr(a, b) <= 0 : compareStr(a, b) < 0;
  if (isNum(a) && isNum(b)) {
    const x = typeof a === "boolean" ? Number(a) : a;
    const y = typeof b === "boolean" ? Number(b) : b;
    return orEqual ? x <= y : x < y;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (!pyEq(a[i] as Value, b[i] as Value)) return pyLess(a[i] as Value, b[i] as Value, orEqual);
    return orEqual ? a.length <= b.length : a.length < b.length;
  }
  return false;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** True when the string has characters outside the BMP (JS length differs from Python's len). */
export function hasAstral(s: string): boolean {
  return SURROGATE.test(s);
}

/** Code point order, as Python compares strings (JS `<` compares UTF-16 units). */
export function compareStr(a: string, b: string): number {
  if (!hasAstral(a) && !hasAstral(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = [...a];
  const y = [...b];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const c = (x[i] ?? "").codePointAt(0)! - (y[i] ?? "").codePointAt(0)!;
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

/** The characters of a string as Python sees them (code points). */
export function cps(s: string): string[] {
  return hasAstral(s) ? [...s] : s.split("");
}

/** Python `len` of a str. */
export function strLen(s: string): number {
  if (!hasAstral(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Python truthiness. */
export function truthy(v: Value): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "bigint") return v !== 0n;
  if (typeof v === "string") return v.length > 0;
  if (v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof PyDict || v instanceof PySet) return v.size > 0;
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Integers: number when safe, bigint otherwise

export type PyInt = number | bigint;

/** Canonical int: a number when it is a safe integer. */
export function normInt(v: bigint): PyInt {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

export function big(v: PyInt | boolean): bigint {
  return typeof v === "bigint" ? v : BigInt(Number(v));
}

export function intAdd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) + big(b));
}

export function intSub(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) - big(b));
}

export function intMul(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return normInt(big(a) * big(b));
}

/** Python `//` on ints: floor division. */
export function intFloorDiv(a: PyInt, b: PyInt): PyInt | PyError {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) return ZERO_DIV;
    const q = Math.floor(a / b);
    // Exact for safe integers unless the quotient itself is at the edge of precision.
    if (Number.isSafeInteger(q) && Math.abs(a) < 2 ** 52) return q === 0 ? 0 : q;
  }
  const x = big(a);
  const y = big(b);
  if (y === 0n) return ZERO_DIV;
  let q = x / y;
  if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
  return normInt(q);
}

/** Python `%` on ints: the result has the divisor's sign. */
export function intMod(a: PyInt, b: PyInt): PyInt | PyError {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) return ZERO_DIV;
    const r = a % b;
    const m = r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
    return m === 0 ? 0 : m;
  }
  const x = big(a);
  const y = big(b);
  if (y === 0n) return ZERO_DIV;
  const r = x % y;
  return normInt(r !== 0n && (r < 0n) !== (y < 0n) ? r + y : r);
}

/** Largest int power the evaluator computes (bits); Python has no limit but search must stay bounded. */
export const MAX_INT_BITS = 4096;

/** Python `**` on ints with a non-negative exponent (a negative one gives a float, see floatPow). */
export function intPow(a: PyInt, b: PyInt): PyInt | PyError {
  const e = big(b);
  if (e < 0n) return TYPE_ERROR; // callers route negative exponents to float pow
  const x = big(a);
  if (x === 0n || x === 1n) return normInt(e === 0n ? 1n : x);
  if (x === -1n) return e % 2n === 0n ? 1 : -1;
  const bits = BigInt(x < 0n ? (-x).toString(2).length : x.toString(2).length);
  if (bits * e > BigInt(MAX_INT_BITS)) return RESOURCE;
  return normInt(x ** e);
}

export function intNeg(a: PyInt): PyInt {
  return typeof a === "number" ? (a === 0 ? 0 : -a) : normInt(-a);
}

export function intAbs(a: PyInt): PyInt {
  return typeof a === "number" ? Math.abs(a) : normInt(a < 0n ? -a : a);
}

/** The float value of an int, with Python's OverflowError for ints beyond float range. */
export function intToFloat(a: PyInt | boolean): number | PyError {
  const f = Number(a);
  return Number.isFinite(f) ? f : OVERFLOW;
}

/** Python `int(x)` of a float: truncation toward zero; inf/nan raise. */
export function floatToInt(x: number): PyInt | PyError {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? VALUE_ERROR : OVERFLOW;
  const t = Math.trunc(x);
  return Number.isSafeInteger(t) ? (t === 0 ? 0 : t) : normInt(BigInt(t));
}

/** Python's `int / int`: the exact quotient correctly rounded to a float; OverflowError beyond float range. */
export function intTrueDiv(a: PyInt, b: PyInt): number | PyError {
  if (typeof a === "number" && typeof b === "number") return b === 0 ? ZERO_DIV : a / b; // both exact doubles
  const x = big(a);
  const y = big(b);
  if (y === 0n) return ZERO_DIV;
  const neg = x < 0n !== y < 0n;
  const r = ratioToDouble(x < 0n ? -x : x, y < 0n ? -y : y);
  return typeof r === "number" && neg ? -r : r;
}

/** x / y (x >= 0, y > 0) rounded half to even to a double (subnormals included); OverflowError beyond range. */
export function ratioToDouble(x: bigint, y: bigint): number | PyError {
  if (x === 0n) return 0;
  // e = floor(log2(x / y))
  let e = bitLength(x) - bitLength(y);
  if ((e >= 0 ? x : x << BigInt(-e)) < (e >= 0 ? y << BigInt(e) : y)) e--;
  if (e > 1023) return OVERFLOW;
  // Round to a multiple of 2^k: 53 significant bits, or the subnormal unit 2^-1074.
  const k = Math.max(e - 52, -1074);
  const num = k >= 0 ? x : x << BigInt(-k);
  const den = k >= 0 ? y << BigInt(k) : y;
  let q = num / den;
  const twiceRem = 2n * (num - q * den);
  if (twiceRem > den || (twiceRem === den && (q & 1n) === 1n)) q += 1n;
  const r = Number(q) * 2 ** k;
  return Number.isFinite(r) ? r : OVERFLOW;
}

function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/** Largest Py_ssize_t: Python refuses larger ints (OverflowError) where it needs a size or an index. */
const SSIZE_MAX = 2n ** 63n - 1n;

/** True when Python can use the int as a size or index (it fits a Py_ssize_t). */
export function fitsSsize(n: PyInt): boolean {
  return typeof n === "number" || (n <= SSIZE_MAX && n >= -SSIZE_MAX - 1n);
}

/** Python's `round(x)` for floats: round half to even, returning an int. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round rounds .5 up; Python rounds to even.
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}

// ---------------------------------------------------------------------------------------------------------
// Text forms (Python's repr)

/** Python `repr()` of a str. */
export function reprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += "\\" + quote;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c >= 0x80 && !isPrintable(ch)) {
      if (c <= 0xff) out += "\\x" + c.toString(16).padStart(2, "0");
      else if (c <= 0xffff) out += "\\u" + c.toString(16).padStart(4, "0");
      else out += "\\U" + c.toString(16).padStart(8, "0");
    } else out += ch;
  }
  return out + quote;
}

const NON_PRINTABLE = /^[\p{C}\p{Z}]$/u;
/** Python's str.isprintable for one character: not in categories Other or Separator (space excepted). */
export function isPrintable(ch: string): boolean {
  return ch === " " || !NON_PRINTABLE.test(ch);
}

/** Python `repr()` of a float (also its `str()`): shortest round-trip digits, Python's exponent rules. */
export function reprFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mant = "0", expText = "0"] = x.toExponential().split("e");
  const exp = Number(expText);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  const sign = neg ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}
