import { PyDict, PyError, PySet, hashKey, type Result, type Value } from "../dsl/values.js";

/** Id of "evaluation raised" (any exception: the search does not distinguish them). */
export const ERR_ID = 0;
export const FALSE_ID = 1;
export const TRUE_ID = 2;
export const NONE_ID = 3;
const SMALL_MIN = -1024;
const SMALL_MAX = 8192;
const NO_SMALL = new Int32Array(0);

/**
 * Values the search keeps must stay small: larger ones are treated as errors during search only (the
 * interpreter and Python still compute them exactly). Huge intermediates almost never belong to the small
 * programs Aurora-X looks for, and hashing them would dominate the search. The limits scale with the
 * examples: a value may be a few times larger than the largest value of its kind in any example.
 */
export interface SearchLimits {
  readonly maxStr: number;
  readonly maxList: number;
  readonly maxIntAbs: bigint;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = { maxStr: 1000, maxList: 300, maxIntAbs: 2n ** 256n };

/** Limits for a problem: defaults, raised to 4x the longest string and list found in its examples. */
export function limitsFor(samples: readonly Value[]): SearchLimits {
  let str = 0;
  let lst = 0;
  const visit = (v: Value, depth: number): void => {
    if (typeof v === "string") str = Math.max(str, v.length);
    else if (Array.isArray(v)) {
      lst = Math.max(lst, v.length);
      if (depth < 3) for (const x of v as readonly Value[]) visit(x, depth + 1);
    }
  };
  for (const v of samples) visit(v, 0);
  return { maxStr: Math.max(DEFAULT_SEARCH_LIMITS.maxStr, 4 * str), maxList: Math.max(DEFAULT_SEARCH_LIMITS.maxList, 4 * lst), maxIntAbs: DEFAULT_SEARCH_LIMITS.maxIntAbs };
}

/**
 * Interns values: every distinct value gets a small integer id, so value vectors are Int32Arrays and
 * observational equivalence compares integers. Equal values (Python ==, within one type) share an id.
 *
 * Also estimates the memory held by the values (for the search's memory budget).
 */
export class Interner {
  readonly values: Result[] = [new PyError("Error"), false, true, null];
  private readonly nums = new Map<number, number>();
  private readonly strs = new Map<string, number>();
  private readonly bigs = new Map<bigint, number>();
  private readonly others = new Map<string, number>();
  /** Plain lists by plainHash: the first id with that hash, and any later ones (hash collisions). */
  private readonly plainHeads = new Map<number, number>();
  private readonly plainMore = new Map<number, number[]>();
  /**
   * Ids of small ints by value - SMALL_MIN (0 = not yet interned): the hottest lookups skip the Map. Made on the first
   * small int (36 KB: many quick searches never intern one).
   */
  private small = NO_SMALL;
  /** Approximate bytes held by interned values. */
  bytes = 64;

  constructor(readonly limits: SearchLimits = DEFAULT_SEARCH_LIMITS) {}

  get size(): number {
    return this.values.length;
  }

  /** Drops every interned value (see Enumerator.release); ids are meaningless afterwards. */
  release(): void {
    this.values.length = 0;
    this.nums.clear();
    this.strs.clear();
    this.bigs.clear();
    this.others.clear();
    this.plainHeads.clear();
    this.plainMore.clear();
    this.small = NO_SMALL;
  }

  /** The id of a value (adding it if new). Errors all map to ERR_ID. */
  id(v: Result): number {
    switch (typeof v) {
      case "string":
        return this.str(v);
      case "number":
        return this.num(v);
      case "boolean":
        return v ? TRUE_ID : FALSE_ID;
      case "bigint":
        return this.big(v);
      default:
        if (v === null) return NONE_ID;
        if (v instanceof PyError) return ERR_ID;
        return this.other(v);
    }
  }

  str(s: string): number {
    if (s.length > this.limits.maxStr) return ERR_ID;
    let id = this.strs.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(s);
      this.strs.set(s, id);
      this.bytes += 48 + 2 * s.length;
    }
    return id;
  }

  num(x: number): number {
    if ((x | 0) === x && x >= SMALL_MIN && x < SMALL_MAX && !Object.is(x, -0)) {
      const k = x - SMALL_MIN;
      let small = this.small;
      if (small.length === 0) {
        small = new Int32Array(SMALL_MAX - SMALL_MIN);
        this.small = small;
      }
      const cached = small[k] as number;
      if (cached !== 0) return cached;
      const id = this.numSlow(x);
      small[k] = id;
      return id;
    }
    return this.numSlow(x);
  }

  private numSlow(x: number): number {
    let id = this.nums.get(x);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(x);
      this.nums.set(x, id);
      this.bytes += 40;
    }
    return id;
  }

  private big(x: bigint): number {
    if (x > this.limits.maxIntAbs || x < -this.limits.maxIntAbs) return ERR_ID;
    let id = this.bigs.get(x);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(x);
      this.bigs.set(x, id);
      this.bytes += 64;
    }
    return id;
  }

  private other(v: Value): number {
    if (Array.isArray(v)) {
      if (v.length > this.limits.maxList) return ERR_ID;
      const h = plainHash(v, 0);
      if (h !== undefined) return this.plain(v, h);
    }
    const key = hashKey(v);
    let id = this.others.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(v);
      this.others.set(key, id);
      this.bytes += 64 + 3 * key.length + sizeOf(v);
    }
    return id;
  }

  /**
   * Lists and tuples of plain JSON values (the common case): found by a numeric hash and compared element by
   * element, with no key string built. A list of lists of ints is a typical search value, and building its key was
   * the largest single cost of a quick list search.
   */
  private plain(v: readonly Value[], h: number): number {
    const head = this.plainHeads.get(h);
    if (head === undefined) return this.addPlain(v, h, undefined);
    if (plainEqual(this.values[head] as readonly Value[], v, 0)) return head;
    const more = this.plainMore.get(h);
    if (more !== undefined) for (const id of more) if (plainEqual(this.values[id] as readonly Value[], v, 0)) return id;
    return this.addPlain(v, h, more ?? []);
  }

  private addPlain(v: readonly Value[], h: number, more: number[] | undefined): number {
    const id = this.values.length;
    this.values.push(v);
    if (more === undefined) this.plainHeads.set(h, id);
    else {
      more.push(id);
      this.plainMore.set(h, more);
    }
    this.bytes += 64 + 2 * plainChars + sizeOf(v);
    return id;
  }

  /** The value behind an id (ERR_ID gives a generic PyError). */
  get(id: number): Result {
    return this.values[id] as Result;
  }
}

/** Characters (strings) and elements seen by the last plainHash, for the memory estimate. */
let plainChars = 0;

/**
 * A 32-bit hash of a list or tuple (nested up to 3 deep) whose items are strings, finite numbers, bools, None and
 * such lists; undefined for anything else (ints beyond 2^53, floats inf and nan, sets, dicts), which are keyed by
 * hashKey. Values equal under plainEqual hash alike: -0 and 0 hash as the int 0; true and 1 differ, as they are
 * different types and each type has its own nonterminals.
 */
export function plainHash(v: readonly Value[], depth = 0): number | undefined {
  if (depth === 0) plainChars = 0;
  if (depth > 3) return undefined;
  let h = Math.imul(0x9e3779b1, v.length + 1) ^ depth;
  plainChars += v.length;
  for (const x of v) {
    switch (typeof x) {
      case "number": {
        if ((x | 0) === x) h = mix(h, x);
        else {
          if (!Number.isFinite(x)) return undefined;
          F64[0] = x;
          h = mix(mix(h, U32[0] as number), U32[1] as number);
        }
        break;
      }
      case "string": {
        h = mix(h, 0x5bd1e995 ^ x.length);
        for (let i = 0; i < x.length; i++) h = mix(h, x.charCodeAt(i));
        plainChars += x.length;
        break;
      }
      case "boolean":
        h = mix(h, x ? 0x27d4eb2f : 0x165667b1);
        break;
      default: {
        if (x === null) h = mix(h, 0x3c6ef372);
        else if (Array.isArray(x)) {
          const inner = plainHash(x as readonly Value[], depth + 1);
          if (inner === undefined) return undefined;
          h = mix(h, inner);
        } else return undefined;
      }
    }
  }
  return h;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** One murmur3 block round: every bit of `x` reaches the whole state, so similar lists spread apart. */
function mix(h: number, x: number): number {
  let k = Math.imul(x, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Equality of two values plainHash accepts: the same structure with === items (so -0 equals 0). */
function plainEqual(a: readonly Value[], b: readonly Value[], depth: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (depth < 3 && Array.isArray(x) && Array.isArray(y) && plainEqual(x as readonly Value[], y as readonly Value[], depth + 1)) continue;
    return false;
  }
  return true;
}

function sizeOf(v: Value): number {
  if (Array.isArray(v)) return 16 + 8 * v.length;
  if (v instanceof PySet) return 64 + 24 * v.size;
  if (v instanceof PyDict) return 96 + 32 * v.size;
  return 16;
}
