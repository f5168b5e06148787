// Synthesized by Aurora-X from examples/word_lengths.py. Regenerate rather than edit.
// Where TypeScript differs from Python here:
// - int is a JS number: exact only up to 2**53 - 1 (Python ints are unbounded).
// - dict and set are Map and Set: tuple keys and members compare by identity, not by value.
// - Python exceptions are thrown as Error objects named after the Python class (e.g. IndexError).

/**
 * Map each lowercased word of the text to its length.
 *
 * @param text - Python type: str
 * @returns Python type: dict[str, int]
 */
export function word_lengths(text: string): Map<string, number> {
  return new Map($map($split(text.toLowerCase()), (w) => [w, $len(w)]));
}

// Runtime helpers: Python semantics for the function above.

/** The characters Python's str.isspace() accepts (split() and strip() use the same set; all are in the BMP). */
const $WHITESPACE = "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

/** True for one Python whitespace character. */
function $isWs(ch: string): boolean {
  return ch !== "" && $WHITESPACE.includes(ch);
}

/** Python's s.split(): runs of whitespace separate words; no empty words. */
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
}

/** Python's len of a str (code points) or a list. */
function $len(xs: string | readonly unknown[]): number {
  return typeof xs === "string" ? [...xs].length : xs.length;
}

/** What a comprehension may iterate: a str (its characters), an array, a Map (its keys) or a Set. */
type $Iterable = string | Iterable<unknown>;

/** The element type of iterating S, as Python iterates it. */
type $Elem<S> = S extends string ? string : S extends ReadonlyMap<infer K, unknown> ? K : S extends Iterable<infer T> ? T : never;

/** The elements of src in Python's iteration order: code points of a str, keys of a Map. */
function $toList<S extends $Iterable>(src: S): $Elem<S>[] {
  return Array.from((src instanceof Map ? src.keys() : src) as Iterable<$Elem<S>>);
}

/** Python's [f(x) for x in src]. */
function $map<S extends $Iterable, R>(src: S, f: (x: $Elem<S>) => R): R[] {
  return $toList(src).map((x) => f(x));
}
