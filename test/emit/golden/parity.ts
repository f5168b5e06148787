// Synthesized by Aurora-X from examples/parity.py. Regenerate rather than edit.
// Where TypeScript differs from Python here:
// - int is a JS number: exact only up to 2**53 - 1 (Python ints are unbounded).
// - dict and set are Map and Set: tuple keys and members compare by identity, not by value.
// - Python exceptions are thrown as Error objects named after the Python class (e.g. IndexError).

/**
 * Describe an integer.
 *
 * 'zero' for 0, otherwise 'even' or 'odd'.
 *
 * @param n - Python type: int
 * @returns Python type: str
 */
export function parity(n: number): string {
  return (n === 0 ? "zero" : ($mod(n, 2) === 0 ? "even" : "odd"));
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
