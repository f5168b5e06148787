/**
 * Correctly rounded `x ** y` for doubles. Python's float `**` calls the C library's pow(), which on glibc
 * (2.28+) is correctly rounded in all but vanishingly rare cases; JavaScript's Math.pow is only faithful
 * (errors up to 1 ulp: `(-7.0) ** -2.0` is 0.020408163265306124 in V8, 0.02040816326530612 in Python).
 *
 * Integer exponents up to EXACT_MAX_EXP are computed exactly with bigints and rounded once; other exponents go
 * through exp(y * log(x)) in double-double arithmetic (about 100 bits), then are rounded once.
 */
import { OVERFLOW, ratioToDouble, type PyError } from "../values.js";

/** A double-double: the unevaluated sum hi + lo with |lo| <= ulp(hi) / 2. */
type DD = readonly [number, number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

/** Veltkamp's split of a double into two 26-bit halves (|a| well below 2^996 here). */
function split(a: number): DD {
  const t = 134217729 * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s2, e2] = quickTwoSum(s, e + t);
  return quickTwoSum(s2, e2 + f);
}

const neg = (a: DD): DD => [-a[0], -a[1]];

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function mulD(a: DD, b: number): DD {
  const [p, e] = twoProd(a[0], b);
  return quickTwoSum(p, e + a[1] * b);
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = add(a, neg(mulD(b, q1)));
  const q2 = r[0] / b[0];
  r = add(r, neg(mulD(b, q2)));
  const q3 = r[0] / b[0];
  return add(quickTwoSum(q1, q2), [q3, 0]);
}

/** ln 2 as a double-double. */
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

/** The exact value of a finite double as `m * 2^e` with integer m, e. */
export function decompose(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0 ? [frac, -1074] : [frac | (1n << 52n), biased - 1075];
}

/** x = f * 2^k with f in [sqrt(1/2), sqrt(2)), for finite x > 0 (exact: k from the exponent bits). */
function frexp(x: number): [number, number] {
  if (x < 2 ** -1022) {
    const [f, k] = frexp(x * 2 ** 100); // subnormal: scale into the normal range first
    return [f, k - 100];
  }
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  let k = ((view.getUint32(0) >>> 20) & 0x7ff) - 1023;
  let f = x / 2 ** k;
  if (f > Math.SQRT2) [f, k] = [f / 2, k + 1];
  return [f, k];
}

/** ln x to about 104 bits: k ln 2 + 2 atanh((f - 1) / (f + 1)). */
function logDD(x: number): DD {
  const [f, k] = frexp(x);
  const s = div([f - 1, 0], twoSum(f, 1));
  const s2 = mul(s, s);
  let term = s;
  let sum = s;
  for (let i = 3; Math.abs(term[0]) > 1e-36; i += 2) {
    term = mul(term, s2);
    sum = add(sum, div(term, [i, 0]));
  }
  return add(mulD(LN2, k), mulD(sum, 2));
}

/** exp(t) as m * 2^k with m a double-double near 1: reduce by ln 2, then by 2^10, Taylor, square back. */
function expDD(t: DD): { m: DD; k: number } {
  const k = Math.round(t[0] / LN2[0]);
  const r = add(t, neg(mulD(LN2, k)));
  const rs: DD = [r[0] / 1024, r[1] / 1024];
  let term = rs;
  let u = rs; // expm1(rs)
  for (let n = 2; Math.abs(term[0]) > 1e-36; n++) {
    term = div(mul(term, rs), [n, 0]);
    u = add(u, term);
  }
  for (let i = 0; i < 10; i++) u = add(mulD(u, 2), mul(u, u)); // (1 + u)^2 = 1 + (2u + u^2)
  return { m: add([1, 0], u), k };
}

/** m * 2^k rounded once to a double (normal, subnormal or overflow). */
function scale(m: DD, k: number): number | PyError {
  const h = m[0] * 2 ** (k - Math.trunc(k / 2)) * 2 ** Math.trunc(k / 2);
  if (!Number.isFinite(h)) return OVERFLOW;
  if (Math.abs(h) >= 2 ** -1022) return h;
  // Subnormal: round m * 2^(k + 1074) to an integer, half to even, then scale exactly.
  const s = k + 1074;
  if (s < -60) return 0;
  const hi = m[0] * 2 ** s;
  const lo = m[1] * 2 ** s;
  const fl = Math.floor(hi);
  const diff = hi - fl + lo;
  const n = diff > 0.5 || (diff === 0.5 && fl % 2 === 1) ? fl + 1 : fl;
  return n * 2 ** -1074;
}

/** Largest |integer exponent| computed exactly with bigints. */
const EXACT_MAX_EXP = 64;

/** x ** n for an integer n (|n| <= EXACT_MAX_EXP), x finite and nonzero: exact, rounded once. */
function intPowExact(x: number, n: number): number | PyError {
  const negative = x < 0 && n % 2 !== 0;
  const estimate = n * Math.log2(Math.abs(x));
  if (estimate > 1025) return OVERFLOW;
  if (estimate < -1080) return negative ? -0 : 0;
  const [m, e] = decompose(Math.abs(x));
  const p = m ** BigInt(Math.abs(n));
  const shift = e * Math.abs(n);
  const big = shift >= 0 ? p << BigInt(shift) : p;
  const small = shift >= 0 ? 1n : 1n << BigInt(-shift);
  const r = n > 0 ? ratioToDouble(big, small) : ratioToDouble(small, big);
  return typeof r === "number" && negative ? -r : r;
}

/**
 * x ** y correctly rounded, for finite nonzero x and y with x != 1, and x > 0 unless y is an integer (the
 * caller handles Python's special cases). OverflowError when the result is beyond the float range.
 */
export function powFinite(x: number, y: number): number | PyError {
  if (Number.isInteger(y) && Math.abs(y) <= EXACT_MAX_EXP) return intPowExact(x, y);
  const negative = x < 0 && Number.isInteger(y) && y % 2 !== 0;
  const t = mulD(logDD(Math.abs(x)), y);
  if (t[0] > 1000) return OVERFLOW;
  if (t[0] < -1000) return negative ? -0 : 0;
  const { m, k } = expDD(t);
  const r = scale(m, k);
  return typeof r === "number" && negative ? -r : r;
}
