// Synthesized by Aurora-X from examples/sum_even_squares.py. Regenerate rather than edit.
// Where TypeScript differs from Python here:
// - int is a JS number: exact only up to 2**53 - 1 (Python ints are unbounded).
// - dict and set are Map and Set: tuple keys and members compare by identity, not by value.
// - Python exceptions are thrown as Error objects named after the Python class (e.g. IndexError).

/**
 * Sum of the squares of the even numbers in the list.
 *
 * @param xs - Python type: list[int]
 * @returns Python type: int
 */
export function sum_even_squares(xs: readonly number[]): number {
  return $sum($mapFilter(xs, (x) => x * x, (x) => $mod(x, 2) === 0));
}

// Runtime helpers: Python semantics for the function above.

/** Throws an Error named like the Python exception. */
function $raise(name: string, message: string): never {
  const e = new Error(message);
  e.name = name;
  throw e;
}

/** The sign-carrying zero Python returns for a zero remainder or quotient. */
function $zeroLike(sign: number): number {
  return sign < 0 || Object.is(sign, -0) ? -0 : 0;
}

/** Python's a % b: the result has the divisor's sign. */
function $mod(a: number, b: number): number {
  if (b === 0) return $raise("ZeroDivisionError", "integer division or modulo by zero");
  const mod = a % b;
  if (mod === 0) return $zeroLike(b);
  return b < 0 !== mod < 0 ? mod + b : mod;
}

/** Python's sum(xs) (plain left-to-right addition). */
function $sum(xs: Iterable<number>): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}

/** What a comprehension may iterate: a str (its characters), an array, a Map (its keys) or a Set. */
type $Iterable = string | Iterable<unknown>;

/** The element type of iterating S, as Python iterates it. */
type $Elem<S> = S extends string ? string : S extends ReadonlyMap<infer K, unknown> ? K : S extends Iterable<infer T> ? T : never;

/** The elements of src in Python's iteration order: code points of a str, keys of a Map. */
function $toList<S extends $Iterable>(src: S): $Elem<S>[] {
  return Array.from((src instanceof Map ? src.keys() : src) as Iterable<$Elem<S>>);
}

/** Python's [f(x) for x in src if p(x)]: f runs only where p holds. */
function $mapFilter<S extends $Iterable, R>(src: S, f: (x: $Elem<S>) => R, p: (x: $Elem<S>) => boolean): R[] {
  const out: R[] = [];
  for (const x of $toList(src)) if (p(x)) out.push(f(x));
  return out;
}
