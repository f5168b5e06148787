import { mono, type Primitive } from "../primitive.js";
import { BOOL, FLOAT, INT, STR } from "../types.js";
import { decompose, powFinite } from "./fpow.js";
import { isSpaceChar } from "./str.js";
import {
  OVERFLOW,
  RESOURCE,
  VALUE_ERROR,
  ZERO_DIV,
  fitsSsize,
  floatToInt,
  intAbs,
  intAdd,
  intFloorDiv,
  intMod,
  intMul,
  intNeg,
  intPow,
  intSub,
  intToFloat,
  intTrueDiv,
  normInt,
  reprFloat,
  roundHalfEven,
  type PyInt,
  type Result,
  type Value,
} from "../values.js";

const I = (v: Value): PyInt => v as PyInt;
const F = (v: Value): number => v as number;

/**
 * Python float `%` and `//` (CPython's float_divmod): fmod, then the remainder moved to the divisor's sign and
 * the quotient rounded to the nearest integer of (a - mod) / b, which is exact where Math.floor(a / b) is not
 * (`4.5 // -inf` is -1.0, `inf // 3` is nan).
 */
function floatDivmod(a: number, b: number): [number, number] {
  let mod = a % b; // JS % on doubles is C's fmod
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = Object.is(a / b, -0) || a / b < 0 ? -0 : 0;
  }
  return [floordiv, mod];
}

function floatMod(a: number, b: number): Result {
  return b === 0 ? ZERO_DIV : floatDivmod(a, b)[1];
}

function floatFloorDiv(a: number, b: number): Result {
  return b === 0 ? ZERO_DIV : floatDivmod(a, b)[0];
}

const isOddInteger = (x: number): boolean => Number.isInteger(x) && Math.abs(x % 2) === 1;

/**
 * Python float `**` (CPython's float_pow): its special cases for zeros, infinities and nan differ from
 * Math.pow (`1.0 ** nan` is 1.0, `(-1.0) ** inf` is 1.0), and an overflow from finite operands raises.
 * A negative base with a fractional exponent gives a complex number in Python, which the DSL has no type for:
 * the evaluator reports ValueError (what `math.pow` raises) and the differential test leaves that domain out.
 */
function floatPow(a: number, b: number): Result {
  if (b === 0) return 1;
  if (Number.isNaN(a)) return a;
  if (Number.isNaN(b)) return a === 1 ? 1 : b;
  if (!Number.isFinite(b)) {
    const m = Math.abs(a);
    return m === 1 ? 1 : b > 0 === m > 1 ? Infinity : 0;
  }
  if (!Number.isFinite(a)) return b > 0 ? (isOddInteger(b) ? a : Infinity) : isOddInteger(b) ? (a > 0 ? 0 : -0) : 0;
  if (a === 0) return b < 0 ? ZERO_DIV : isOddInteger(b) ? a : 0;
  if (a < 0 && !Number.isInteger(b)) return VALUE_ERROR;
  if (a === 1) return 1;
  return powFinite(a, b);
}

function isqrt(n: PyInt): Result {
  if (n < 0) return VALUE_ERROR;
  if (typeof n === "number") {
    const r = Math.floor(Math.sqrt(n));
    return r * r > n ? r - 1 : (r + 1) * (r + 1) <= n ? r + 1 : r;
  }
  // Newton's method on bigints: exact, and quadratic from the float estimate.
  let x = BigInt(2) ** BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) / 2n;
    if (y >= x) return normInt(x);
    x = y;
  }
}

function gcd(a: PyInt, b: PyInt): PyInt {
  let x = typeof a === "bigint" ? (a < 0n ? -a : a) : BigInt(Math.abs(a));
  let y = typeof b === "bigint" ? (b < 0n ? -b : b) : BigInt(Math.abs(b));
  while (y !== 0n) [x, y] = [y, x % y];
  return normInt(x);
}

/** Largest n whose factorial the evaluator computes (about 3800 bits, within MAX_INT_BITS); Python has no limit. */
const MAX_FACTORIAL = 500;

/** math.factorial: ValueError below 0, OverflowError beyond a C long, ResourceLimit beyond MAX_FACTORIAL. */
function factorial(n: PyInt): Result {
  if (n < 0) return VALUE_ERROR;
  if (!fitsSsize(n)) return OVERFLOW;
  if (n > MAX_FACTORIAL) return RESOURCE;
  let r = 1n;
  for (let i = 2n; i <= BigInt(n); i++) r *= i;
  return normInt(r);
}

/**
 * Python's `round(x, n)` for floats: round the exact decimal value of x half to even at n digits, then take the
 * nearest double (what CPython's dtoa-based implementation does).
 */
function roundTo(x: number, n: PyInt): Result {
  const nd = Number(n);
  if (!Number.isFinite(x) || x === 0 || nd > 330) return x;
  if (nd < -330) return x < 0 ? -0 : 0;
  const [m, e] = decompose(Math.abs(x));
  let num = e >= 0 ? m << BigInt(e) : m;
  let den = e >= 0 ? 1n : 1n << BigInt(-e);
  if (nd >= 0) num *= 10n ** BigInt(nd);
  else den *= 10n ** BigInt(-nd);
  let q = num / den;
  const twice = 2n * (num - q * den);
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  const r = Number(`${q}e${-nd}`);
  if (!Number.isFinite(r)) return OVERFLOW;
  return x < 0 ? -r : r;
}

const NON_ASCII_DIGIT = /^\p{Nd}$/u;

/** The value of a decimal digit (category Nd): digits come in runs of ten from a zero, so count back to it. */
function digitValue(ch: string): number {
  let cp = ch.codePointAt(0)!;
  let k = 0;
  while (NON_ASCII_DIGIT.test(String.fromCodePoint(cp - 1))) {
    cp--;
    k++;
  }
  return k % 10;
}

/**
 * What `int()` and `float()` parse (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII): ASCII kept, other
 * whitespace made a space, other decimal digits made ASCII, anything else refused; then ASCII whitespace
 * stripped. `undefined` when a character cannot be part of a number.
 */
function numberText(s: string): string | undefined {
  let out = "";
  for (const ch of s) {
    if (ch.charCodeAt(0) < 127) out += ch;
    else if (isSpaceChar(ch)) out += " ";
    else if (NON_ASCII_DIGIT.test(ch)) out += String(digitValue(ch));
    else return undefined;
  }
  return out.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, "");
}

/** Python `int(s)` for a str: optional sign, decimal digits with single underscores between them. */
export function parseIntStr(s: string): Result {
  const t = numberText(s);
  const m = t === undefined ? null : /^([+-]?)(\d+(?:_\d+)*)$/.exec(t);
  if (!m) return VALUE_ERROR;
  const digits = (m[2] ?? "").replace(/_/g, "");
  if (digits.length > MAX_STR_DIGITS) return VALUE_ERROR;
  return normInt(BigInt((m[1] === "-" ? "-" : "") + digits));
}

/** Python 3.11's default sys.get_int_max_str_digits(): int <-> decimal str refuses longer numbers (ValueError). */
export const MAX_STR_DIGITS = 4300;

/** Python `str(n)` of an int. */
function intToStr(n: PyInt): Result {
  const s = String(n);
  return s.length - (s.startsWith("-") ? 1 : 0) > MAX_STR_DIGITS ? VALUE_ERROR : s;
}

const DIGITS = "\\d(?:_?\\d)*";
const FLOAT_TEXT = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);

/** Python `float(s)`: a decimal literal (underscores between digits), or inf, infinity, nan in any case. */
function parseFloatStr(s: string): Result {
  const t = numberText(s);
  if (t === undefined) return VALUE_ERROR;
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(t);
  if (special) return (special[2] ?? "").toLowerCase() === "nan" ? NaN : special[1] === "-" ? -Infinity : Infinity;
  return FLOAT_TEXT.test(t) ? Number(t.replace(/_/g, "")) : VALUE_ERROR;
}

export const numericPrims: readonly Primitive[] = [
  // int arithmetic
  { name: "int.add", fastInt: "add", sig: mono([INT, INT], INT), cost: 1, impl: (a, b) => intAdd(I(a), I(b)), py: "{0:add} + {1:mul}", pyPrec: "add", ts: "{0} + {1}", hints: ["add", "sum", "plus", "total", "increment", "more"] },
  { name: "int.sub", fastInt: "sub", sig: mono([INT, INT], INT), cost: 1, impl: (a, b) => intSub(I(a), I(b)), py: "{0:add} - {1:mul}", pyPrec: "add", ts: "{0} - {1}", hints: ["subtract", "difference", "minus", "less", "decrement"] },
  { name: "int.mul", fastInt: "mul", sig: mono([INT, INT], INT), cost: 1, impl: (a, b) => intMul(I(a), I(b)), py: "{0:mul} * {1:unary}", pyPrec: "mul", ts: "{0} * {1}", hints: ["multiply", "product", "times", "double", "triple", "square"] },
  { name: "int.floordiv", sig: mono([INT, INT], INT), cost: 1.5, impl: (a, b) => intFloorDiv(I(a), I(b)), py: "{0:mul} // {1:unary}", pyPrec: "mul", ts: "$floordiv({0}, {1})", hints: ["divide", "half", "quotient", "division"] },
  { name: "int.mod", sig: mono([INT, INT], INT), cost: 1.5, impl: (a, b) => intMod(I(a), I(b)), py: "{0:mul} % {1:unary}", pyPrec: "mul", ts: "$mod({0}, {1})", hints: ["remainder", "modulo", "even", "odd", "divisible", "mod", "digit", "last"] },
  // int ** negative int is a float in Python; the DSL's int.pow cannot hold it, so it reports ValueError there
  // (the differential test leaves negative exponents out).
  { name: "int.pow", sig: mono([INT, INT], INT), cost: 2, impl: (a, b) => (I(b) < 0 ? VALUE_ERROR : intPow(I(a), I(b))), py: "{0:atom} ** {1:unary}", pyPrec: "pow", ts: "$ipow({0}, {1})", hints: ["power", "square", "cube", "exponent", "squared", "cubed"] },
  { name: "int.neg", sig: mono([INT], INT), cost: 1.5, impl: (a) => intNeg(I(a)), py: "-{0:unary}", pyPrec: "unary", ts: "-{0}", hints: ["negative", "negate", "opposite"] },
  { name: "int.abs", sig: mono([INT], INT), cost: 1.5, impl: (a) => intAbs(I(a)), py: "abs({0})", pyPrec: "atom", ts: "Math.abs({0})", hints: ["absolute", "abs", "distance"] },
  { name: "int.min2", sig: mono([INT, INT], INT), cost: 1.5, impl: (a, b) => (I(b) < I(a) ? b : a), py: "min({0}, {1})", pyPrec: "atom", ts: "Math.min({0}, {1})", hints: ["minimum", "smaller", "smallest", "min", "lesser"] },
  { name: "int.max2", sig: mono([INT, INT], INT), cost: 1.5, impl: (a, b) => (I(b) > I(a) ? b : a), py: "max({0}, {1})", pyPrec: "atom", ts: "Math.max({0}, {1})", hints: ["maximum", "larger", "largest", "max", "greater", "bigger"] },
  { name: "int.gcd", sig: mono([INT, INT], INT), cost: 2.5, impl: (a, b) => gcd(I(a), I(b)), py: "math.gcd({0}, {1})", pyPrec: "atom", ts: "$gcd({0}, {1})", imports: ["math"], hints: ["gcd", "greatest", "common", "divisor", "hcf", "lcm"] },
  { name: "int.factorial", sig: mono([INT], INT), cost: 2.5, impl: (a) => factorial(I(a)), py: "math.factorial({0})", pyPrec: "atom", ts: "$factorial({0})", imports: ["math"], hints: ["factorial"] },
  { name: "int.isqrt", sig: mono([INT], INT), cost: 2.5, impl: (a) => isqrt(I(a)), py: "math.isqrt({0})", pyPrec: "atom", ts: "$isqrt({0})", imports: ["math"], hints: ["square", "root", "sqrt", "perfect"] },
  // float arithmetic
  { name: "float.add", sig: mono([FLOAT, FLOAT], FLOAT), cost: 1.5, impl: (a, b) => F(a) + F(b), py: "{0:add} + {1:mul}", pyPrec: "add", ts: "{0} + {1}", hints: ["add", "sum", "plus"] },
  { name: "float.sub", sig: mono([FLOAT, FLOAT], FLOAT), cost: 1.5, impl: (a, b) => F(a) - F(b), py: "{0:add} - {1:mul}", pyPrec: "add", ts: "{0} - {1}", hints: ["subtract", "difference", "minus"] },
  { name: "float.mul", sig: mono([FLOAT, FLOAT], FLOAT), cost: 1.5, impl: (a, b) => F(a) * F(b), py: "{0:mul} * {1:unary}", pyPrec: "mul", ts: "{0} * {1}", hints: ["multiply", "product", "times", "area", "percent"] },
  { name: "float.div", sig: mono([FLOAT, FLOAT], FLOAT), cost: 1.5, impl: (a, b) => (F(b) === 0 ? ZERO_DIV : F(a) / F(b)), py: "{0:mul} / {1:unary}", pyPrec: "mul", ts: "$truediv({0}, {1})", hints: ["divide", "average", "mean", "ratio", "half", "per"] },
  { name: "float.floordiv", sig: mono([FLOAT, FLOAT], FLOAT), cost: 3, impl: (a, b) => floatFloorDiv(F(a), F(b)), py: "{0:mul} // {1:unary}", pyPrec: "mul", ts: "$floordiv({0}, {1})" },
  { name: "float.mod", sig: mono([FLOAT, FLOAT], FLOAT), cost: 3, impl: (a, b) => floatMod(F(a), F(b)), py: "{0:mul} % {1:unary}", pyPrec: "mul", ts: "$mod({0}, {1})" },
  { name: "float.pow", sig: mono([FLOAT, FLOAT], FLOAT), cost: 2.5, impl: (a, b) => floatPow(F(a), F(b)), py: "{0:atom} ** {1:unary}", pyPrec: "pow", ts: "$fpow({0}, {1})", hints: ["power", "exponent", "square", "cube"] },
  { name: "float.neg", sig: mono([FLOAT], FLOAT), cost: 2, impl: (a) => -F(a), py: "-{0:unary}", pyPrec: "unary", ts: "-{0}" },
  { name: "float.abs", sig: mono([FLOAT], FLOAT), cost: 2, impl: (a) => Math.abs(F(a)), py: "abs({0})", pyPrec: "atom", ts: "Math.abs({0})", hints: ["absolute", "abs"] },
  { name: "float.min2", sig: mono([FLOAT, FLOAT], FLOAT), cost: 2, impl: (a, b) => (F(b) < F(a) ? b : a), py: "min({0}, {1})", pyPrec: "atom", ts: "Math.min({0}, {1})", hints: ["minimum", "smaller"] },
  { name: "float.max2", sig: mono([FLOAT, FLOAT], FLOAT), cost: 2, impl: (a, b) => (F(b) > F(a) ? b : a), py: "max({0}, {1})", pyPrec: "atom", ts: "Math.max({0}, {1})", hints: ["maximum", "larger"] },
  { name: "float.sqrt", sig: mono([FLOAT], FLOAT), cost: 2, impl: (a) => (F(a) < 0 ? VALUE_ERROR : Math.sqrt(F(a))), py: "math.sqrt({0})", pyPrec: "atom", ts: "$sqrt({0})", imports: ["math"], hints: ["square", "root", "sqrt", "hypotenuse", "distance"] },
  { name: "float.round", sig: mono([FLOAT], INT), cost: 2, impl: (a) => (Number.isFinite(F(a)) ? floatToInt(roundHalfEven(F(a))) : floatToInt(F(a))), py: "round({0})", pyPrec: "atom", ts: "$round({0})", hints: ["round", "rounded", "nearest"] },
  { name: "float.roundn", sig: mono([FLOAT, INT], FLOAT), cost: 2, impl: (a, n) => roundTo(F(a), I(n)), py: "round({0}, {1})", pyPrec: "atom", ts: "$roundn({0}, {1})", hints: ["round", "rounded", "decimal", "places", "digits"] },
  { name: "float.floor", sig: mono([FLOAT], INT), cost: 2, impl: (a) => floatToInt(Math.floor(F(a))), py: "math.floor({0})", pyPrec: "atom", ts: "$floor({0})", imports: ["math"], hints: ["floor", "down", "round"] },
  { name: "float.ceil", sig: mono([FLOAT], INT), cost: 2, impl: (a) => floatToInt(Math.ceil(F(a))), py: "math.ceil({0})", pyPrec: "atom", ts: "$ceil({0})", imports: ["math"], hints: ["ceil", "ceiling", "up", "round"] },
  { name: "float.trunc", sig: mono([FLOAT], INT), cost: 2, impl: (a) => floatToInt(F(a)), py: "int({0})", pyPrec: "atom", ts: "$trunc({0})", hints: ["integer", "truncate", "whole"] },
  { name: "float.pi", sig: mono([], FLOAT), cost: 2, impl: () => Math.PI, py: "math.pi", pyPrec: "atom", ts: "Math.PI", imports: ["math"], hints: ["pi", "circle", "circumference", "area", "sphere", "radius", "cylinder", "cone"] },
  // An int used where a float is expected. Rendered as an explicit float(): a bare int would keep Python's int
  // type wherever the context does not convert it (str(n), n // m, round(n, 1), abs(n), min(n, x), a return).
  { name: "num.widen", sig: mono([INT], FLOAT), cost: 0.5, impl: (a) => intToFloat(I(a)), py: "float({0})", pyPrec: "atom", ts: "{0}" },
  { name: "int.truediv", sig: mono([INT, INT], FLOAT), cost: 1.5, impl: (a, b) => intTrueDiv(I(a), I(b)), py: "{0:mul} / {1:unary}", pyPrec: "mul", ts: "$truediv({0}, {1})", hints: ["divide", "average", "mean", "ratio", "half"] },
  // conversions
  { name: "int.str", sig: mono([INT], STR), cost: 1.5, impl: (a) => intToStr(I(a)), py: "str({0})", pyPrec: "atom", ts: "String({0})", hints: ["string", "digits", "digit", "text", "convert"] },
  { name: "float.str", sig: mono([FLOAT], STR), cost: 2, impl: (a) => reprFloat(F(a)), py: "str({0})", pyPrec: "atom", ts: "$fstr({0})", hints: ["string"] },
  { name: "str.int", sig: mono([STR], INT), cost: 1.5, impl: (s) => parseIntStr(s as string), py: "int({0})", pyPrec: "atom", ts: "$int({0})", hints: ["integer", "number", "convert", "parse", "digit", "digits"] },
  { name: "str.float", sig: mono([STR], FLOAT), cost: 2.5, impl: (s) => parseFloatStr(s as string), py: "float({0})", pyPrec: "atom", ts: "$float({0})", hints: ["float", "decimal", "number", "parse"] },
  { name: "bool.int", sig: mono([BOOL], INT), cost: 2, impl: (b) => (b ? 1 : 0), py: "int({0})", pyPrec: "atom", ts: "Number({0})" },
];
