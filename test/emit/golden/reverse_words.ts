// Synthesized by Aurora-X from examples/reverse_words.py. Regenerate rather than edit.
// Where TypeScript differs from Python here:
// - int is a JS number: exact only up to 2**53 - 1 (Python ints are unbounded).
// - dict and set are Map and Set: tuple keys and members compare by identity, not by value.
// - Python exceptions are thrown as Error objects named after the Python class (e.g. IndexError).

/**
 * Return the words of the sentence in reverse order, separated by single spaces.
 *
 * @param sentence - Python type: str
 * @returns Python type: str
 */
export function reverse_words(sentence: string): string {
  return $reverse($split(sentence)).join(" ");
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

/** Python's xs[::-1] (by code point on strings). */
function $reverse(s: string): string;
function $reverse<T>(xs: readonly T[]): T[];
function $reverse(xs: string | readonly unknown[]): string | unknown[] {
  return typeof xs === "string" ? [...xs].reverse().join("") : [...xs].reverse();
}
