/**
 * The value bank of one evaluation context: every kept program (an "entry") with its value vector, stored in
 * flat typed arrays (no object per entry), bucketed by nonterminal and cost, with an integer-hash
 * observational-equivalence table per nonterminal.
 *
 * Invariants: entries are added in non-decreasing cost order; within a nonterminal no two entries have equal
 * value vectors (the first, cheapest, wins).
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
  /** Makes room for `n` more values and returns the offset where they go. */
  reserve(n: number): number {
    if (this.length + n > this.data.length) this.grow(this.length + n);
    const at = this.length;
    this.length += n;
    return at;
  }
  private grow(min: number): void {
    let cap = this.data.length * 2;
    while (cap < min) cap *= 2;
    const d = new Int32Array(cap);
    d.set(this.data.subarray(0, this.length));
    this.data = d;
  }
}

/** FNV-1a over the ids, finalized with a murmur3 mix. */
export function hashIds(v: Int32Array, off: number, n: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ (v[off + i] as number), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Open-addressing set of entries keyed by value vector (observational equivalence). */
class OETable {
  private slots = new Int32Array(256); // entry + 1, 0 = empty
  private hashes = new Int32Array(256);
  private count = 0;

  /** The entry with this vector, or -1. */
  find(h: number, vec: Int32Array, voff: number, bank: Bank): number {
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i] as number;
      if (s === 0) return -1;
      if (this.hashes[i] === h && bank.sameVector(s - 1, vec, voff)) return s - 1;
    }
  }

  insert(h: number, entry: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.rehash();
    this.place(h, entry);
    this.count++;
  }

  get bytes(): number {
    return this.slots.length * 8;
  }

  private place(h: number, entry: number): void {
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = entry + 1;
    this.hashes[i] = h;
  }

  private rehash(): void {
    const old = this.slots;
    const oldH = this.hashes;
    this.slots = new Int32Array(old.length * 2);
    this.hashes = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.place(oldH[i] as number, (old[i] as number) - 1);
  }
}

/** Storage for one context's entries. `rows` is the length of every value vector. */
export class Bank {
  readonly vals: IntVec;
  readonly nt = new IntVec();
  readonly cost = new IntVec();
  /** Production index, or a negative code for bound variables (-1 - index). */
  readonly prod = new IntVec();
  /** Offset of each entry's children in `kids` (children are entry indices; see Enumerator for HOF layout). */
  readonly kidOff = new IntVec();
  readonly kids = new IntVec();
  /** buckets[nt][cost] = entries of that nonterminal and cost, in insertion order. */
  readonly buckets: number[][][];
  private readonly tables: OETable[];

  constructor(
    readonly rows: number,
    ntCount: number,
  ) {
    this.vals = new IntVec(Math.max(1024, rows * 256));
    this.buckets = Array.from({ length: ntCount }, () => []);
    this.tables = Array.from({ length: ntCount }, () => new OETable());
  }

  get size(): number {
    return this.nt.length;
  }

  /** Approximate bytes held by this bank. */
  get bytes(): number {
    return this.vals.data.length * 4 + this.size * 24 + this.kids.data.length * 4 + this.tables.reduce((n, t) => n + t.bytes, 0);
  }

  sameVector(entry: number, vec: Int32Array, voff: number): boolean {
    const d = this.vals.data;
    const off = entry * this.rows;
    for (let r = 0; r < this.rows; r++) if (d[off + r] !== vec[voff + r]) return false;
    return true;
  }

  /** The existing entry observationally equal to `vec` in nonterminal `nt`, or -1. */
  lookup(nt: number, h: number, vec: Int32Array, voff = 0): number {
    return (this.tables[nt] as OETable).find(h, vec, voff, this);
  }

  /** Adds an entry (the caller has checked it is new). Returns its index. */
  add(nt: number, cost: number, prod: number, kids: readonly number[], h: number, vec: Int32Array, voff = 0): number {
    const e = this.nt.length;
    this.nt.push(nt);
    this.cost.push(cost);
    this.prod.push(prod);
    this.kidOff.push(this.kids.length);
    for (const k of kids) this.kids.push(k);
    const at = this.vals.reserve(this.rows);
    this.vals.data.set(vec.subarray(voff, voff + this.rows), at);
    (this.tables[nt] as OETable).insert(h, e);
    const byCost = this.buckets[nt] as number[][];
    while (byCost.length <= cost) byCost.push([]);
    (byCost[cost] as number[]).push(e);
    return e;
  }

  bucket(nt: number, cost: number): readonly number[] {
    return this.buckets[nt]?.[cost] ?? EMPTY;
  }

  kidsOf(entry: number): number[] {
    const start = this.kidOff.data[entry] as number;
    const end = entry + 1 < this.size ? (this.kidOff.data[entry + 1] as number) : this.kids.length;
    return Array.from(this.kids.data.subarray(start, end));
  }

  valueId(entry: number, row: number): number {
    return this.vals.data[entry * this.rows + row] as number;
  }
}

const EMPTY: readonly number[] = [];
