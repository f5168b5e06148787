/**
 * The value bank of one evaluation context: every kept program (an "entry") with its value vector, stored in
 * flat typed arrays (no object per entry), bucketed by nonterminal and cost, with an integer-hash
 * observational-equivalence table per nonterminal.
 *
 * Value vectors are Float64Arrays: numeric nonterminals store the numbers themselves, the others store interned
 * ids (see src/search/encode.ts). Vectors are identified by a 64-bit fingerprint of their bits (see OETable).
 *
 * Invariants: entries are added in non-decreasing cost order; within a nonterminal no two entries have equal
 * value vectors (the first, cheapest, wins), up to fingerprint collisions (about 2^-64 per probe).
 */

/** A growable Int32Array. */
export class IntVec {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = v;
  }
  private grow(min: number): void {
    let cap = this.data.length * 2;
    while (cap < min) cap *= 2;
    const d = new Int32Array(cap);
    d.set(this.data.subarray(0, this.length));
    this.data = d;
  }
}

/**
 * A growable Float64Array. (No Int32Array view of its bytes: reading `.buffer` moves a small typed array's storage
 * off V8's heap, which made every new bucket cost a separate allocation.)
 */
export class F64Vec {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }
  /** Makes room for `n` more values and returns the offset where they go. */
  reserve(n: number): number {
    if (this.length + n > this.data.length) {
      let cap = this.data.length * 2;
      while (cap < this.length + n) cap *= 2;
      const d = new Float64Array(cap);
      d.set(this.data.subarray(0, this.length));
      this.data = d;
    }
    const at = this.length;
    this.length += n;
    return at;
  }
}

/*
 * Vector fingerprints: two independent 32-bit hashes over the 32-bit halves of a vector's doubles.
 *
 * Each word goes through a full mixing round before it is combined (murmur3's block round for the first hash, an
 * xxHash32-style round for the second). A plain multiply chain (FNV over whole words) is not enough: multiplying by
 * an odd constant only carries a difference upward, so a flipped sign bit stays the top bit and two of them cancel
 * ((0, 7, -4) and (0, -7, 4) collided in both hashes for every seed). The rotations bring high bits down.
 */
const M1 = 0xcc9e2d51 | 0;
const M2 = 0x1b873593 | 0;
const X1 = 0x9e3779b1 | 0;
const X2 = 0x85ebca77 | 0;

function basis1(seed: number): number {
  return (0x811c9dc5 ^ seed) | 0;
}

function basis2(seed: number): number {
  return (0x27d4eb2f ^ Math.imul(seed, 0x165667b1)) | 0;
}

function fmix1(h: number, n: number): number {
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function fmix2(h: number, n: number): number {
  h = (h + n) | 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  return (h ^ (h >>> 15)) | 0;
}

/** The first fingerprint hash of `n` doubles starting at double offset `off` (`bits` is their Int32 view). */
export function hashBits(bits: Int32Array, off: number, n: number, seed: number): number {
  let h = basis1(seed);
  const end = 2 * (off + n);
  for (let i = 2 * off; i < end; i++) {
    let k = Math.imul(bits[i] as number, M1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, M2);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return fmix1(h, 2 * n);
}

/**
 * The second fingerprint hash of the same words, independent of hashBits (other constants, rounds and finalizer):
 * with hashBits it makes a 64-bit fingerprint of a vector.
 */
export function hashBits2(bits: Int32Array, off: number, n: number, seed: number): number {
  let h = basis2(seed);
  const end = 2 * (off + n);
  for (let i = 2 * off; i < end; i++) {
    h = (h + Math.imul(bits[i] as number, X2)) | 0;
    h = (h << 13) | (h >>> 19);
    h = Math.imul(h, X1);
  }
  return fmix2(h, 2 * n);
}

/**
 * hashBits and hashBits2 of `n` vectors of `rows` doubles each, stored one after another in `bits` (the Int32 view
 * of their bytes), in one pass over the words: `h[k]`, `h2[k]` are exactly hashBits(bits, k * rows, rows, seed) and
 * hashBits2(bits, k * rows, rows, seed). The two chains are independent, so the processor runs them side by side.
 */
export function hashBatch(bits: Int32Array, n: number, rows: number, seed: number, h: Int32Array, h2: Int32Array): void {
  const b1 = basis1(seed);
  const b2 = basis2(seed);
  for (let k = 0; k < n; k++) {
    let a = b1;
    let c = b2;
    const end = 2 * (k + 1) * rows;
    for (let i = 2 * k * rows; i < end; i++) {
      const w = bits[i] as number;
      let x = Math.imul(w, M1);
      x = (x << 15) | (x >>> 17);
      a ^= Math.imul(x, M2);
      a = (a << 13) | (a >>> 19);
      a = (Math.imul(a, 5) + 0xe6546b64) | 0;
      c = (c + Math.imul(w, X2)) | 0;
      c = (c << 13) | (c >>> 19);
      c = Math.imul(c, X1);
    }
    h[k] = fmix1(a, 2 * rows);
    h2[k] = fmix2(c, 2 * rows);
  }
}

const NO_SLOTS = new Int32Array(0);

/**
 * Open-addressing set of entries keyed by value vector (observational equivalence). Each slot holds the entry + 1
 * (0 = empty) and the vector's 64-bit fingerprint (two independent 32-bit hashes) in 16 bytes, so a probe touches
 * one cache line and never the bank: vectors with equal fingerprints are taken as equal. Two different vectors
 * share a fingerprint with probability about 2^-64 per probe; the cost of such a collision would be one pruned
 * candidate (a missed program, never a wrong one: programs are checked on the examples).
 */
class OETable {
  /** Allocated on the first insert: most nonterminals of a comprehension context's bank never hold an entry. */
  private slots = NO_SLOTS;
  private count = 0;

  /** The entry with this fingerprint, or -1. */
  find(h: number, h2: number): number {
    if (this.count === 0) return -1;
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = slots[4 * i] as number;
      if (s === 0) return -1;
      if (slots[4 * i + 1] === h && slots[4 * i + 2] === h2) return s - 1;
    }
  }

  /**
   * Reads the first slot of each of `n` fingerprints' probe sequences, and nothing else: independent loads the
   * processor overlaps, so that the finds that follow hit the cache instead of waiting for memory one at a time.
   */
  touch(hs: Int32Array, n: number): number {
    if (this.count === 0) return 0;
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    let acc = 0;
    for (let k = 0; k < n; k++) acc ^= slots[4 * ((hs[k] as number) & mask)] as number;
    return acc;
  }

  insert(h: number, h2: number, entry: number): void {
    if ((this.count + 1) * 8 > this.slots.length) this.rehash();
    this.place(h, h2, entry);
    this.count++;
  }

  get bytes(): number {
    return this.slots.length * 4;
  }

  private place(h: number, h2: number, entry: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    let i = h & mask;
    while (slots[4 * i] !== 0) i = (i + 1) & mask;
    slots[4 * i] = entry + 1;
    slots[4 * i + 1] = h;
    slots[4 * i + 2] = h2;
  }

  private rehash(): void {
    const old = this.slots;
    // 16 slots at first (256 bytes): most tables of a quick search, or of a comprehension context, keep a few entries.
    this.slots = new Int32Array(Math.max(64, old.length * 2));
    for (let i = 0; i < old.length; i += 4) if (old[i] !== 0) this.place(old[i + 1] as number, old[i + 2] as number, (old[i] as number) - 1);
  }
}

/**
 * First capacity of a bank's per-entry arrays (they double as they fill). Small: typed arrays of up to 64 bytes live
 * on V8's heap, larger ones get a separately allocated backing store, and a quick search (most comprehension contexts,
 * too) keeps a few dozen entries; six 256-entry arrays made a bank cost about 30 us to create.
 */
const BANK_INITIAL = 16;
/** First capacity of a bucket's contiguous vectors, in doubles (on V8's heap up to 8). */
const BUCKET_INITIAL = 8;

/** Storage for one context's entries. `rows` is the length of every value vector. */
export class Bank {
  readonly vals: F64Vec;
  readonly nt = new IntVec(BANK_INITIAL);
  readonly cost = new IntVec(BANK_INITIAL);
  /** Production index, or a negative code for bound variables (-1 - index). */
  readonly prod = new IntVec(BANK_INITIAL);
  /** Offset of each entry's children in `kids` (children are entry indices; see Enumerator for HOF layout). */
  readonly kidOff = new IntVec(BANK_INITIAL);
  readonly kids = new IntVec(BANK_INITIAL);
  /**
   * 1 when every row of the entry's vector is a number within ±(2^53 - 1) (no NaN error marker, no boxed
   * bigint): integer loops then run on such entries without per-row checks of their inputs.
   */
  readonly plain = new IntVec(BANK_INITIAL);
  /** buckets[nt][cost] = entries of that nonterminal and cost, in insertion order. */
  readonly buckets: number[][][];
  /**
   * The same buckets' value vectors, contiguous (entry k of the bucket at offset k * rows): the inner loops scan
   * these sequentially instead of jumping around the bank.
   */
  readonly bucketVals: (F64Vec | undefined)[][];
  /** costs[nt] = the costs whose buckets hold entries, ascending (the enumerator splits budgets over these only). */
  private readonly costLists: number[][];
  /** Entries by (nonterminal, cost, root production) for the roots in `indexedRoots` (parent-conditioned costs). */
  private readonly byRoot = new Map<number, number[]>();
  private readonly tables: OETable[];
  /** The nonterminals that have entries, in the order their first entry arrived. */
  readonly filled: number[] = [];

  constructor(
    readonly rows: number,
    private readonly ntCount: number,
    /** 1 for root productions (by index; bound variables use the last slot) that need the byRoot index. */
    private readonly indexedRoots?: Uint8Array,
  ) {
    this.vals = new F64Vec(Math.max(BANK_INITIAL, rows * 4));
    this.buckets = Array.from({ length: ntCount }, () => []);
    this.bucketVals = Array.from({ length: ntCount }, () => []);
    this.costLists = Array.from({ length: ntCount }, () => []);
    this.tables = Array.from({ length: ntCount }, () => new OETable());
  }

  get size(): number {
    return this.nt.length;
  }

  /** Drops the bank's tables of entries (see Enumerator.release); the bank is empty and unusable afterwards. */
  release(): void {
    this.buckets.length = 0;
    this.bucketVals.length = 0;
    this.costLists.length = 0;
    this.tables.length = 0;
    this.byRoot.clear();
  }

  /** Approximate bytes held by this bank. */
  get bytes(): number {
    return 2 * this.vals.data.length * 8 + this.size * 24 + this.kids.data.length * 4 + this.tables.reduce((n, t) => n + t.bytes, 0);
  }

  /** The existing entry whose vector has the fingerprint (h, h2) (hashBits, hashBits2 of its bits), or -1. */
  lookup(nt: number, h: number, h2: number): number {
    return (this.tables[nt] as OETable).find(h, h2);
  }

  /**
   * Warms the cache for a batch of lookups in nonterminal `nt`'s table (see OETable.touch); returns a value that
   * means nothing (the caller keeps it so that the loads are not optimized away).
   */
  touch(nt: number, hs: Int32Array, n: number): number {
    return (this.tables[nt] as OETable).touch(hs, n);
  }

  /** Adds an entry (the caller has checked it is new). Returns its index. */
  add(nt: number, cost: number, prod: number, kids: readonly number[], h: number, h2: number, vec: Float64Array, voff = 0): number {
    const e = this.nt.length;
    this.nt.push(nt);
    this.cost.push(cost);
    this.prod.push(prod);
    this.kidOff.push(this.kids.length);
    for (let i = 0; i < kids.length; i++) this.kids.push(kids[i] as number);
    // Element loops rather than set(subarray(...)): vectors are short, and a subarray is an allocation.
    const R = this.rows;
    const at = this.vals.reserve(R);
    const data = this.vals.data;
    let plain = 1;
    for (let r = 0; r < R; r++) {
      const x = vec[voff + r] as number;
      data[at + r] = x;
      if (!(x <= MAX_SAFE && x >= -MAX_SAFE)) plain = 0;
    }
    this.plain.push(plain);
    (this.tables[nt] as OETable).insert(h, h2, e);
    const byCost = this.buckets[nt] as number[][];
    const vecs = this.bucketVals[nt] as (F64Vec | undefined)[];
    while (byCost.length <= cost) byCost.push(EMPTY_BUCKET);
    let bucket = byCost[cost] as number[];
    if (bucket === EMPTY_BUCKET) {
      bucket = [];
      byCost[cost] = bucket;
      const costs = this.costLists[nt] as number[];
      if (costs.length === 0) this.filled.push(nt);
      insertSorted(costs, cost);
    }
    bucket.push(e);
    let bv = vecs[cost];
    if (!bv) {
      bv = new F64Vec(Math.max(BUCKET_INITIAL, this.rows));
      vecs[cost] = bv;
    }
    const bat = bv.reserve(R);
    const bdata = bv.data;
    for (let r = 0; r < R; r++) bdata[bat + r] = vec[voff + r] as number;
    const roots = this.indexedRoots;
    if (roots) {
      const r = prod >= 0 ? prod : roots.length - 1;
      if (roots[r] === 1) {
        const key = this.rootKey(nt, cost, r);
        const list = this.byRoot.get(key);
        if (list) list.push(e);
        else this.byRoot.set(key, [e]);
      }
    }
    return e;
  }

  private rootKey(nt: number, cost: number, root: number): number {
    return (cost * ((this.indexedRoots?.length ?? 0) + 1) + root) * this.ntCount + nt;
  }

  /** Entries of a nonterminal and cost whose root is `root` (only for indexed roots). */
  bucketByRoot(nt: number, cost: number, root: number): readonly number[] {
    return this.byRoot.get(this.rootKey(nt, cost, root)) ?? EMPTY;
  }

  /** The contiguous value vectors of bucket(nt, cost), in the same order. */
  bucketData(nt: number, cost: number): Float64Array {
    return this.bucketVals[nt]?.[cost]?.data ?? EMPTY_F64;
  }

  bucket(nt: number, cost: number): readonly number[] {
    return this.buckets[nt]?.[cost] ?? EMPTY;
  }

  /** The costs at which nonterminal `nt` has entries, ascending (owned by the bank: do not modify). */
  costsOf(nt: number): readonly number[] {
    return this.costLists[nt] ?? EMPTY;
  }

  kidsOf(entry: number): number[] {
    const start = this.kidOff.data[entry] as number;
    const end = entry + 1 < this.size ? (this.kidOff.data[entry + 1] as number) : this.kids.length;
    return Array.from(this.kids.data.subarray(start, end));
  }

  /** The encoded value (number or interned id, see encode.ts) of an entry at a row. */
  raw(entry: number, row: number): number {
    return this.vals.data[entry * this.rows + row] as number;
  }
}

const EMPTY: readonly number[] = [];
/** Placeholder of a cost with no entries yet (shared, never pushed to). */
const EMPTY_BUCKET: number[] = [];

function insertSorted(xs: number[], x: number): void {
  let i = xs.length;
  while (i > 0 && (xs[i - 1] as number) > x) i--;
  xs.splice(i, 0, x);
}
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const EMPTY_F64 = new Float64Array(0);
