/**
 * Python's case operations on str (CPython's unicodeobject.c), over JavaScript's Unicode data:
 * `upper()`/`lower()` are JavaScript's full, locale-independent mappings (the same SpecialCasing data, final
 * sigma included); the rest follows CPython's loops with the properties Cased, Case_Ignorable, Uppercase,
 * Lowercase and Lt, plus the titlecase mappings that differ from uppercase (JavaScript has no toTitleCase).
 *
 * Limit: JavaScript's Unicode version (Node's ICU) may be newer than the worker's Python (3.11: Unicode 14);
 * characters assigned in between may case differently.
 */
import { cps } from "../values.js";

const CASED = /^\p{Cased}$/u;
const CASE_IGNORABLE = /^\p{Case_Ignorable}$/u;
const UPPER = /^\p{Uppercase}$/u;
const LOWER = /^\p{Lowercase}$/u;
const TITLE = /^\p{Lt}$/u;

/**
 * Characters whose titlecase differs from their uppercase, as `code:title` (hex code points, `.`-separated).
 * Generated with Python 3.11: `[c for c in map(chr, range(0x110000)) if c.title() != c.upper()]`, less the
 * Georgian letters U+10D0-U+10FF, whose titlecase is themselves (see `toTitle`).
 */
const TITLE_EXCEPTIONS =
  "df:53.73 1c4:1c5 1c5:1c5 1c6:1c5 1c7:1c8 1c8:1c8 1c9:1c8 1ca:1cb 1cb:1cb 1cc:1cb 1f1:1f2 1f2:1f2 1f3:1f2 587:535.582 " +
  "1f80:1f88 1f81:1f89 1f82:1f8a 1f83:1f8b 1f84:1f8c 1f85:1f8d 1f86:1f8e 1f87:1f8f 1f88:1f88 1f89:1f89 1f8a:1f8a " +
  "1f8b:1f8b 1f8c:1f8c 1f8d:1f8d 1f8e:1f8e 1f8f:1f8f 1f90:1f98 1f91:1f99 1f92:1f9a 1f93:1f9b 1f94:1f9c 1f95:1f9d " +
  "1f96:1f9e 1f97:1f9f 1f98:1f98 1f99:1f99 1f9a:1f9a 1f9b:1f9b 1f9c:1f9c 1f9d:1f9d 1f9e:1f9e 1f9f:1f9f 1fa0:1fa8 " +
  "1fa1:1fa9 1fa2:1faa 1fa3:1fab 1fa4:1fac 1fa5:1fad 1fa6:1fae 1fa7:1faf 1fa8:1fa8 1fa9:1fa9 1faa:1faa 1fab:1fab " +
  "1fac:1fac 1fad:1fad 1fae:1fae 1faf:1faf 1fb2:1fba.345 1fb3:1fbc 1fb4:386.345 1fb7:391.342.345 1fbc:1fbc " +
  "1fc2:1fca.345 1fc3:1fcc 1fc4:389.345 1fc7:397.342.345 1fcc:1fcc 1ff2:1ffa.345 1ff3:1ffc 1ff4:38f.345 " +
  "1ff7:3a9.342.345 1ffc:1ffc fb00:46.66 fb01:46.69 fb02:46.6c fb03:46.66.69 fb04:46.66.6c fb05:53.74 fb06:53.74 " +
  "fb13:544.576 fb14:544.565 fb15:544.56b fb16:54e.576 fb17:544.56d";

const TITLES: ReadonlyMap<string, string> = new Map(
  TITLE_EXCEPTIONS.split(" ").map((entry) => {
    const [from = "", to = ""] = entry.split(":");
    return [String.fromCodePoint(parseInt(from, 16)), String.fromCodePoint(...to.split(".").map((h) => parseInt(h, 16)))];
  }),
);

/** Python's full titlecase mapping of one character. */
function toTitle(ch: string): string {
  const t = TITLES.get(ch);
  if (t !== undefined) return t;
  const c = ch.codePointAt(0)!;
  return c >= 0x10d0 && c <= 0x10ff ? ch : ch.toUpperCase();
}

/** True at position i of a capital sigma in the Final_Sigma context: cased before, no cased after (ignorables skipped). */
function finalSigma(chars: readonly string[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && CASE_IGNORABLE.test(chars[j] ?? "")) j--;
  if (j < 0 || !CASED.test(chars[j] ?? "")) return false;
  let k = i + 1;
  while (k < chars.length && CASE_IGNORABLE.test(chars[k] ?? "")) k++;
  return k === chars.length || !CASED.test(chars[k] ?? "");
}

/** CPython's lower_ucs4: the full lowercase of chars[i], with capital sigma decided by its context. */
function lowerAt(chars: readonly string[], i: number): string {
  const ch = chars[i] ?? "";
  if (ch === "\u03a3") return finalSigma(chars, i) ? "\u03c2" : "\u03c3";
  return ch.toLowerCase();
}

/** Python's str.swapcase(): uppercase characters lowered, lowercase ones uppered, others (titlecase too) kept. */
export function swapcase(s: string): string {
  const chars = cps(s);
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    out += UPPER.test(ch) ? lowerAt(chars, i) : LOWER.test(ch) ? ch.toUpperCase() : ch;
  }
  return out;
}

/** Python's str.capitalize() (3.8+): the first character titlecased, the rest lowercased. */
export function capitalize(s: string): string {
  const chars = cps(s);
  let out = chars.length > 0 ? toTitle(chars[0] ?? "") : "";
  for (let i = 1; i < chars.length; i++) out += lowerAt(chars, i);
  return out;
}

/** Python's str.title(): a character after a cased one is lowercased, any other is titlecased. */
export function title(s: string): string {
  const chars = cps(s);
  let out = "";
  let prevCased = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    out += prevCased ? lowerAt(chars, i) : toTitle(ch);
    prevCased = CASED.test(ch);
  }
  return out;
}

/** Python's str.isupper(): at least one uppercase character, and none lowercase or titlecase. */
export function isUpper(s: string): boolean {
  return casedOnly(s, UPPER, LOWER);
}

/** Python's str.islower(): at least one lowercase character, and none uppercase or titlecase. */
export function isLower(s: string): boolean {
  return casedOnly(s, LOWER, UPPER);
}

function casedOnly(s: string, want: RegExp, other: RegExp): boolean {
  let cased = false;
  for (const ch of s) {
    if (other.test(ch) || TITLE.test(ch)) return false;
    if (want.test(ch)) cased = true;
  }
  return cased;
}
