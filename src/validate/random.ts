/**
 * Seeded, deterministic random values of DSL types: the inputs of differential tests (interpreter vs Python) and
 * of the regression tests generated for synthesized functions.
 *
 * Pure: no I/O, no global state, no `Math.random`. The same seed and options give the same values on every
 * machine (the generator is xoshiro128**, seeded through splitmix32, in 32-bit integer arithmetic).
 *
 * Values are biased toward what breaks code: small ints and their edges (0, -1, 2^31, around 2^53, beyond),
 * floats with ties (2.5), -0.0, tiny and huge exponents, rarely inf and nan; strings of realistic text with
 * some punctuation, whitespace and Unicode (astral characters, case-special letters such as 'ß' and 'İ',
 * combining marks); containers mostly short, sometimes empty, with repeated elements.
 */
import type { Type } from "../dsl/types.js";
import { PyDict, PySet, normInt, type Value } from "../dsl/values.js";

/** A seeded pseudo-random source. */
export interface Rng {
  /** The next 32-bit unsigned integer. */
  u32(): number;
  /** Uniform in [0, 1). */
  float(): number;
  /** Uniform integer in [lo, hi] (inclusive; both safe integers, lo <= hi). */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(xs: readonly T[]): T;
}

/** A generator for a 32-bit seed (any number: it is truncated to 32 bits). */
export function makeRng(seed: number): Rng {
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const st = [split(), split(), split(), split()] as [number, number, number, number];
  if ((st[0] | st[1] | st[2] | st[3]) === 0) st[0] = 1;
  const u32 = (): number => xoshiro128ss(st);
  const float = (): number => u32() / 4294967296;
  const rng: Rng = {
    u32,
    float,
    int: (lo, hi) => lo + Math.floor(float() * (hi - lo + 1)),
    chance: (p) => float() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(float() * xs.length)] as T,
  };
  return rng;
}

/** One step of xoshiro128** on a 4-word state (mutated in place). */
function xoshiro128ss(s: [number, number, number, number]): number {
  const r = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
  const t = (s[1] << 9) >>> 0;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return r;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Options of {@link randomValue}. */
export interface RandomOptions {
  /** Most elements of a list, variable tuple, set or dict at the top level (nested containers get fewer). @default 6 */
  readonly maxLen?: number;
  /** Longest generated str, in code points. @default 12 */
  readonly maxStrLen?: number;
  /** Probability that an int or float is an edge case rather than an ordinary small value. @default 0.15 */
  readonly edgeRate?: number;
  /** Allow ints beyond 2^53 (JS bigints) among the edge cases. @default true */
  readonly bigInts?: boolean;
  /** Allow inf and -inf among the float edge cases. @default true */
  readonly infinities?: boolean;
  /**
   * Allow nan among the float edge cases. Only at the top level unless `nanInContainers`: Python's container
   * comparisons (`==`, `in`, `count`, dict keys) test identity before `==`, so `[nan] == [nan]` depends on
   * whether both nans are one object, which values here cannot express.
   * @default true
   */
  readonly nan?: boolean;
  /** Allow nan inside lists, tuples, sets and dicts too. @default false */
  readonly nanInContainers?: boolean;
  /** Include non-ASCII characters (Unicode letters, astral characters, combining marks, odd whitespace). @default true */
  readonly unicode?: boolean;
  /** Probability that an Optional value is None. @default 0.2 */
  readonly noneRate?: number;
}

type Opts = Required<RandomOptions>;

const DEFAULTS: Opts = {
  maxLen: 6,
  maxStrLen: 12,
  edgeRate: 0.15,
  bigInts: true,
  infinities: true,
  nan: true,
  nanInContainers: false,
  unicode: true,
  noneRate: 0.2,
};

/**
 * A random value of type `t`, drawn from `rng`. `unknown` (an element type never seen) gives None.
 * Dicts and sets may come out shorter than drawn when keys repeat (as building them in Python would).
 */
export function randomValue(t: Type, rng: Rng, opts: RandomOptions = {}): Value {
  return gen(t, rng, { ...DEFAULTS, ...opts }, 0);
}

/**
 * `count` argument tuples for a function with parameters of `paramTypes`, from `seed`. Sizes grow along the
 * sequence (the first inputs are small and simple, later ones larger), so the first failures found are small.
 */
export function randomInputs(paramTypes: readonly Type[], count: number, seed: number, opts: RandomOptions = {}): Value[][] {
  const rng = makeRng(seed);
  const base = { ...DEFAULTS, ...opts };
  const out: Value[][] = [];
  for (let i = 0; i < count; i++) {
    const scale = Math.min(1, (i + 1) / Math.max(1, count / 2));
    const o: Opts = { ...base, maxLen: Math.ceil(base.maxLen * scale), maxStrLen: Math.ceil(base.maxStrLen * scale) };
    out.push(paramTypes.map((t) => gen(t, rng, o, 0)));
  }
  return out;
}

function gen(t: Type, rng: Rng, o: Opts, depth: number): Value {
  switch (t.kind) {
    case "int":
      return randomInt(rng, o);
    case "float":
      return randomFloat(rng, o, depth === 0 || o.nanInContainers);
    case "bool":
      return rng.chance(0.5);
    case "str":
      return randomStr(rng, o, depth);
    case "none":
    case "unknown":
      return null;
    case "optional":
      return rng.chance(o.noneRate) ? null : gen(t.el, rng, o, depth);
    case "list":
    case "vtuple":
      return genMany(t.el, rng, o, depth);
    case "tuple":
      return t.els.map((e) => gen(e, rng, o, depth + 1));
    case "set":
      return PySet.from(genMany(t.el, rng, o, depth));
    case "dict":
      return PyDict.from(genMany(t.key, rng, o, depth).map((k) => [k, gen(t.val, rng, o, depth + 1)] as const));
  }
}

/** Elements of a container: length biased short (empty about one time in eight), fewer when nested. */
function genMany(el: Type, rng: Rng, o: Opts, depth: number): Value[] {
  const max = Math.max(1, Math.floor(o.maxLen / (depth + 1)));
  const n = rng.chance(0.12) ? 0 : rng.int(1, max);
  const out: Value[] = [];
  for (let i = 0; i < n; i++) {
    // Repeats make count, index, dedupe and dict keys interesting.
    const repeat = i > 0 && rng.chance(0.15);
    out.push(repeat ? (out[rng.int(0, i - 1)] as Value) : gen(el, rng, o, depth + 1));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers

const INT_EDGES: readonly number[] = [0, 0, 1, -1, 2, -2, 7, 10, -10, 100, 255, 256, 1000, -1000, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 32, 2 ** 52, 2 ** 53 - 1, -(2 ** 53 - 1)];
const BIG_EDGES: readonly bigint[] = [2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 63n, -(2n ** 63n), 2n ** 64n, 10n ** 20n, -(10n ** 20n)];

/** An int: usually in [-10, 10], sometimes up to about 1000, sometimes an edge value or a bigint. */
function randomInt(rng: Rng, o: Opts): Value {
  if (rng.chance(o.edgeRate)) {
    if (o.bigInts && rng.chance(0.3)) return rng.chance(0.5) ? normInt(rng.pick(BIG_EDGES)) : bigRandom(rng);
    return rng.pick(INT_EDGES);
  }
  const r = rng.float();
  if (r < 0.7) return rng.int(-10, 10);
  if (r < 0.92) return rng.int(-100, 100);
  return rng.int(-5000, 5000);
}

/** A random int of 54 to 130 bits, either sign. */
function bigRandom(rng: Rng): Value {
  const bits = rng.int(54, 130);
  let v = 1n;
  for (let b = 1; b < bits; b++) v = (v << 1n) | BigInt(rng.u32() & 1);
  return normInt(rng.chance(0.5) ? -v : v);
}

const FLOAT_EDGES: readonly number[] = [
  0, -0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.1, 0.2, 0.3, 1 / 3, 0.1 + 0.2, 1e16, 1e-5, 1e-7, 123456789.125, 1e22, 1e300, -1e300, 5e-324, 2.2250738585072014e-308,
  1.7976931348623157e308, 2 ** 53, 2 ** 53 + 2, 4.35, 2.675, 1e15 + 0.3, 9.5, 10.5,
];

/** A float: small decimals and halves, random magnitudes, edge values, rarely inf or nan. */
function randomFloat(rng: Rng, o: Opts, nanOk: boolean): number {
  if (rng.chance(o.edgeRate)) {
    if (o.infinities && rng.chance(0.12)) return rng.chance(0.5) ? Infinity : -Infinity;
    if (o.nan && nanOk && rng.chance(0.08)) return NaN;
    return rng.pick(FLOAT_EDGES);
  }
  const r = rng.float();
  if (r < 0.3) return rng.int(-40, 40) / 2;
  if (r < 0.55) return rng.int(-2000, 2000) / 100;
  if (r < 0.75) return rng.int(-20, 20);
  const mag = 10 ** rng.int(-8, 20);
  const x = (rng.float() * 2 - 1) * mag;
  return x === 0 ? 0 : x;
}

// ---------------------------------------------------------------------------------------------------------
// Strings

const LOWER = [..."abcdefghijklmnopqrstuvwxyz"];
const UPPER = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
const DIGITS = [..."0123456789"];
const PUNCT = [...".,;:!?-_'\"()[]{}/\\@#$%^&*+=<>|~`"];
const SPACES = [" ", " ", " ", "\t", "\n", "\r", "\x0b", "\x0c"];
const UNICODE: readonly string[] = [
  "é", "É", "ß", "İ", "ı", "ſ", "ǅ", "ﬁ", "ŉ", "Σ", "σ", "ς", "ΐ", "ñ", "Ω", "ω", "ǈ", "ẞ", "Ⅻ", "ⅻ", "ᾳ", "ﬀ",
  "e\u0301", "\u0308", "\u0345", "中", "文", "ア", "٣", "²", "①", "½", "𝟙", "\u00a0", "\u2003", "\u3000", "\u200b", "\u2028", "\x85", "\x00", "\x7f",
  "😀", "🎉", "𝔘", "𝒜", "𐐀", "𐐨", "𑢠", "𞤀", "\ufeff", "ʼ", "ǰ", "Ÿ", "ÿ", "µ", "ª",
];
const WORDS: readonly string[] = [
  "apple", "Banana", "cherry", "hello", "World", "a", "b", "", "abc", "Python", "the", "quick", "BROWN", "fox", "42", "3.14", "-7", "x1", "hello world", "Ab",
];

/** A str: a word, a sentence, a number's text, whitespace-padded text, one character, or a mix of characters. */
function randomStr(rng: Rng, o: Opts, depth: number): string {
  const max = Math.max(1, Math.floor(o.maxStrLen / (depth + 1)));
  const r = rng.float();
  if (r < 0.18) return rng.pick(WORDS);
  if (r < 0.3) return sentence(rng, max);
  if (r < 0.42) return numberText(rng, o.unicode);
  if (r < 0.48) return rng.pick(SPACES) + rng.pick(WORDS) + rng.pick(SPACES);
  if (r < 0.58) return randomChar(rng, o);
  return mixed(rng, o, rng.chance(0.1) ? 0 : rng.int(1, max));
}

function mixed(rng: Rng, o: Opts, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += randomChar(rng, o);
  return s;
}

function randomChar(rng: Rng, o: Opts): string {
  const r = rng.float();
  if (r < 0.4) return rng.pick(LOWER);
  if (r < 0.6) return rng.pick(UPPER);
  if (r < 0.7) return rng.pick(DIGITS);
  if (r < 0.78) return " ";
  if (r < 0.86) return rng.pick(PUNCT);
  if (r < 0.9) return rng.pick(SPACES);
  return o.unicode ? rng.pick(UNICODE) : rng.pick(LOWER);
}

function sentence(rng: Rng, max: number): string {
  const words: string[] = [];
  for (let n = rng.int(1, Math.max(1, Math.ceil(max / 3))); n > 0; n--) words.push(rng.pick(WORDS));
  const text = words.join(rng.chance(0.8) ? " " : rng.pick([",", ", ", "  ", "-"]));
  return rng.chance(0.3) ? text + rng.pick([".", "!", "?"]) : text;
}

/** Text of a number, sometimes one that int() or float() refuses. */
function numberText(rng: Rng, unicode: boolean): string {
  const n = rng.int(-1000, 1000);
  const forms = [String(n), String(n), ` ${n} `, `+${Math.abs(n)}`, `${n}.5`, `1_000`, `0${Math.abs(n)}`, `${n}e3`, `1__0`, `12a`, `-`, `inf`, `nan`, ` -0 `, `.5`, `5.`];
  return rng.pick(unicode ? [...forms, "٣٤", "\u3000" + String(n)] : forms);
}
