/**
 * Description hints, version 1: a fixed lexicon from description words to primitive boosts and constants.
 *
 * - Per-primitive words live with the primitives (`Primitive.hints`): "reverse" boosts `seq.reverse`.
 * - Words that suggest constants are below: "vowel" offers "aeiou" and "aeiouAEIOU" to the search.
 * - A boost multiplies a production's probability by 2^HINT_BOOST_BITS before normalization, so hinted
 *   primitives are enumerated earlier but nothing is ever excluded.
 *
 * The learned description prior (src/learn) adds to these boosts; it does not replace them.
 */
import { BOOL, FLOAT, INT, STR, type Type } from "../dsl/types.js";
import type { Value } from "../dsl/values.js";

export const HINT_BOOST_BITS = 1.5;

const STOP = new Set(
  "a an the of to in on for from with by and or is are be as at it its this that these those given write function python return returns which whether if than then into each".split(" "),
);

/** Lowercase word tokens of a description, with light stemming ("vowels" -> "vowel", "sorted" -> "sort"). */
export function tokenize(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z][a-z0-9']*/g) ?? [];
  return words.map(stem).filter((w) => w.length > 1 && !STOP.has(w));
}

/** A light suffix stemmer: enough to match "characters"/"character", "reversed"/"reverse", "sorting"/"sort". */
export function stem(w: string): string {
  const x = w.replace(/'s$/, "");
  if (x.length > 4 && x.endsWith("ies")) return x.slice(0, -3) + "y";
  if (x.length > 5 && x.endsWith("ing")) return x.slice(0, -3);
  if (x.length > 4 && x.endsWith("ed") && !x.endsWith("eed")) return x.slice(0, x.endsWith("sed") || x.endsWith("ved") || x.endsWith("ted") ? -1 : -2);
  if (x.length > 3 && x.endsWith("es") && /(ss|sh|ch|x)es$/.test(x)) return x.slice(0, -2);
  if (x.length > 3 && x.endsWith("s") && !x.endsWith("ss") && !x.endsWith("us")) return x.slice(0, -1);
  return x;
}

/** Constants suggested by words, with their types. */
const WORD_CONSTANTS: Readonly<Record<string, readonly (readonly [Value, Type])[]>> = {
  vowel: [["aeiou", STR], ["aeiouAEIOU", STR]],
  consonant: [["aeiou", STR], ["aeiouAEIOU", STR]],
  digit: [["0123456789", STR], [10, INT]],
  space: [[" ", STR]],
  whitespace: [[" ", STR]],
  comma: [[",", STR], [", ", STR]],
  hyphen: [["-", STR]],
  dash: [["-", STR]],
  underscore: [["_", STR]],
  dot: [[".", STR]],
  period: [[".", STR]],
  colon: [[":", STR]],
  semicolon: [[";", STR]],
  slash: [["/", STR]],
  newline: [["\n", STR]],
  line: [["\n", STR]],
  tab: [["\t", STR]],
  alphabet: [["abcdefghijklmnopqrstuvwxyz", STR], [26, INT]],
  letter: [["abcdefghijklmnopqrstuvwxyz", STR]],
  hundred: [[100, INT]],
  percent: [[100, INT], [100, FLOAT]],
  percentage: [[100, INT], [100, FLOAT]],
  thousand: [[1000, INT]],
  decimal: [[2, INT]],
  binary: [[2, INT]],
  even: [[2, INT]],
  odd: [[2, INT]],
  half: [[2, INT]],
  double: [[2, INT]],
  twice: [[2, INT]],
  triple: [[3, INT]],
  square: [[2, INT]],
  cube: [[3, INT]],
  first: [[0, INT], [1, INT]],
  last: [[-1, INT]],
  true: [[true, BOOL]],
  false: [[false, BOOL]],
  empty: [["", STR]],
  palindrome: [[-1, INT]],
  minute: [[60, INT]],
  hour: [[60, INT], [24, INT]],
  second: [[60, INT]],
  day: [[24, INT], [7, INT]],
  week: [[7, INT]],
  year: [[365, INT], [12, INT]],
  month: [[12, INT]],
  celsius: [[32, FLOAT], [1.8, FLOAT], [5, INT], [9, INT]],
  fahrenheit: [[32, FLOAT], [1.8, FLOAT], [5, INT], [9, INT]],
  pi: [[3.14159, FLOAT]],
};

/** Constants suggested by the description's words. */
export function lexiconConstants(tokens: readonly string[]): (readonly [Value, Type])[] {
  const out: (readonly [Value, Type])[] = [];
  for (const t of tokens) out.push(...(WORD_CONSTANTS[t] ?? []));
  return out;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, twenty: 20 };

/** Integer literals written in the description ("the first 3 characters", "three times"). */
export function descriptionInts(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<![\w.])-?\d+(?![\w.]\d)/g)) {
    const n = Number(m[0]);
    if (Number.isSafeInteger(n) && Math.abs(n) <= 1_000_000) out.push(n);
  }
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    const n = NUMBER_WORDS[w];
    if (n !== undefined) out.push(n);
  }
  return out;
}

/** Quoted strings in the description ('x', "abc", `y`). */
export function descriptionStrings(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z])'([^'\n]{1,20})'(?![A-Za-z])|"([^"\n]{1,20})"|`([^`\n]{1,20})`/g)) {
    const s = m[1] ?? m[2] ?? m[3];
    if (s !== undefined) out.push(s);
  }
  return out;
}
