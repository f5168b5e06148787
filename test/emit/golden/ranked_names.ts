// Synthesized by Aurora-X from examples/ranked_names.py. Regenerate rather than edit.
// Where TypeScript differs from Python here:
// - int is a JS number: exact only up to 2**53 - 1 (Python ints are unbounded).
// - dict and set are Map and Set: tuple keys and members compare by identity, not by value.
// - Python exceptions are thrown as Error objects named after the Python class (e.g. IndexError).

/**
 * Names ordered by score, highest first (ties keep their order).
 *
 * @param scores - Python type: list[tuple[str, int]]
 * @returns Python type: list[str]
 */
export function ranked_names(scores: readonly (readonly [string, number])[]): readonly string[] {
  return $map($sortBy(scores, (p) => p[1], true), ([name]) => name);
}

// Runtime helpers: Python semantics for the function above.

/** Python's string order: by code point (JavaScript's < compares UTF-16 units). */
function $strcmp(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Python's ordering: numbers and bools by value, strings by code point, sequences lexicographically. */
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

/** Python's sorted(src, key=key, reverse=...): keys computed once, stable. */
function $sortBy<S extends $Iterable>(src: S, key: (x: $Elem<S>) => unknown, reverse = false): $Elem<S>[] {
  const xs = $toList(src);
  const keys = xs.map((x) => key(x));
  const order = xs.map((_, i) => i).sort((a, b) => (reverse ? -1 : 1) * $cmp(keys[a], keys[b]));
  return order.map((i) => xs[i] as $Elem<S>);
}
