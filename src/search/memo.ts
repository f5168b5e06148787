/**
 * The memo table of one search: primitive results by (production, argument ids), with no allocation per lookup:
 * open addressing over one Int32Array of keys and one Float64Array of results. One table serves every memoized
 * production: a table per production cost a few kilobytes each on first use, and a search that touches a hundred
 * productions a few times each spent more time collecting those tables than it saved. A table that grows past its
 * limit is cleared (memoization is a cache, never needed for correctness).
 */
export class IdMemo {
  /** Per slot: argument a (EMPTY when free), argument b, production. */
  private keys: Int32Array = NO_KEYS;
  private vals: Float64Array = NO_VALS;
  private count = 0;

  /**
   * @param limit most slots (a power of two); a full table at the limit is cleared
   * @param initial slots allocated on the first set (a power of two)
   */
  constructor(
    private readonly limit = 1 << 22,
    private readonly initial = 1024,
  ) {}

  /** The memoized encoded result of production p on (a, b) (b = 0 for one argument), or undefined. `a` must not be EMPTY. */
  get(p: number, a: number, b: number): number | undefined {
    if (this.count === 0) return undefined;
    const mask = this.vals.length - 1;
    const k = this.keys;
    for (let i = mix(p, a, b) & mask; ; i = (i + 1) & mask) {
      const o = 3 * i;
      const x = k[o] as number;
      if (x === EMPTY) return undefined;
      if (x === a && k[o + 1] === b && k[o + 2] === p) return this.vals[i] as number;
    }
  }

  set(p: number, a: number, b: number, id: number): void {
    if (this.vals.length === 0) this.allocate(Math.min(this.initial, this.limit));
    else if ((this.count + 1) * 2 > this.vals.length) {
      if (this.vals.length >= this.limit) this.clear();
      else this.grow();
    }
    this.place(p, a, b, id);
    this.count++;
  }

  /** Entries held. */
  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.keys.length * 4 + this.vals.length * 8;
  }

  private allocate(slots: number): void {
    this.keys = new Int32Array(3 * slots).fill(EMPTY);
    this.vals = new Float64Array(slots);
  }

  private place(p: number, a: number, b: number, id: number): void {
    const mask = this.vals.length - 1;
    const k = this.keys;
    let i = mix(p, a, b) & mask;
    while (k[3 * i] !== EMPTY) i = (i + 1) & mask;
    k[3 * i] = a;
    k[3 * i + 1] = b;
    k[3 * i + 2] = p;
    this.vals[i] = id;
  }

  private clear(): void {
    this.keys.fill(EMPTY);
    this.count = 0;
  }

  private grow(): void {
    const oldK = this.keys;
    const oldV = this.vals;
    this.allocate(oldV.length * 2);
    for (let i = 0; i < oldV.length; i++) {
      const a = oldK[3 * i] as number;
      if (a !== EMPTY) this.place(oldK[3 * i + 2] as number, a, oldK[3 * i + 1] as number, oldV[i] as number);
    }
  }
}

const NO_KEYS = new Int32Array(0);
const NO_VALS = new Float64Array(0);

/** The key value marking an empty slot (keys are ids or small ints; this one never occurs as either). */
export const EMPTY = -2147483648;

function mix(p: number, a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(p + 0x165667b1, 0xc2b2ae35);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}
