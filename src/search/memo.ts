/**
 * Memo tables for primitive results by argument ids, with no allocation per lookup: open addressing over
 * Int32Arrays. A table that grows past its limit is cleared (memoization is a cache, never needed for
 * correctness).
 */
export class IdMemo {
  private keys: Int32Array;
  private vals: Float64Array;
  private count = 0;

  constructor(
    private readonly arity: 1 | 2,
    private readonly limit = 1 << 20,
  ) {
    // Allocated on the first set: most productions of a grammar never memoize anything in a short search.
    this.keys = NO_KEYS;
    this.vals = NO_VALS;
  }

  /** The memoized encoded result for (a, b) (b ignored for arity 1), or undefined. Keys must not be EMPTY. */
  get(a: number, b: number): number | undefined {
    if (this.count === 0) return undefined;
    const mask = this.vals.length - 1;
    const k = this.keys;
    if (this.arity === 1) {
      for (let i = mix(a, 0) & mask; ; i = (i + 1) & mask) {
        const x = k[i] as number;
        if (x === a) return this.vals[i] as number;
        if (x === EMPTY) return undefined;
      }
    }
    for (let i = mix(a, b) & mask; ; i = (i + 1) & mask) {
      const x = k[2 * i] as number;
      if (x === a && k[2 * i + 1] === b) return this.vals[i] as number;
      if (x === EMPTY) return undefined;
    }
  }

  set(a: number, b: number, id: number): void {
    if (this.vals.length === 0) {
      this.keys = new Int32Array(INITIAL * this.arity).fill(EMPTY);
      this.vals = new Float64Array(INITIAL);
    } else if ((this.count + 1) * 2 > this.vals.length) {
      if (this.vals.length >= this.limit) this.clear();
      else this.grow();
    }
    this.place(a, b, id);
    this.count++;
  }

  get bytes(): number {
    return this.keys.length * 4 + this.vals.length * 4;
  }

  private place(a: number, b: number, id: number): void {
    const mask = this.vals.length - 1;
    const n = this.arity;
    let i = mix(a, n === 2 ? b : 0) & mask;
    while (this.keys[n * i] !== EMPTY) i = (i + 1) & mask;
    this.keys[n * i] = a;
    if (n === 2) this.keys[n * i + 1] = b;
    this.vals[i] = id;
  }

  private clear(): void {
    this.keys.fill(EMPTY);
    this.count = 0;
  }

  private grow(): void {
    const oldK = this.keys;
    const oldV = this.vals;
    const n = this.arity;
    this.keys = new Int32Array(oldK.length * 2).fill(EMPTY);
    this.vals = new Float64Array(oldV.length * 2);
    for (let i = 0; i < oldV.length; i++) {
      if (oldK[n * i] !== EMPTY) this.place(oldK[n * i] as number, n === 2 ? (oldK[n * i + 1] as number) : 0, oldV[i] as number);
    }
  }
}

const INITIAL = 256;
const NO_KEYS = new Int32Array(0);
const NO_VALS = new Float64Array(0);

/** The key value marking an empty slot (keys are ids or small ints; this one never occurs as either). */
export const EMPTY = -2147483648;

function mix(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}
