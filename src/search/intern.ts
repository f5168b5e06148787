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
    if (Array.isArray(v) && v.length > this.limits.maxList) return ERR_ID;
    const key = fastKey(v) ?? hashKey(v);
    let id = this.others.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(v);
      this.others.set(key, id);
      this.bytes += 64 + 3 * key.length + sizeOf(v);
    }
    return id;
  }

  /** The value behind an id (ERR_ID gives a generic PyError). */
  get(id: number): Result {
    return this.values[id] as Result;
  }
}

/**
 * A key for lists and tuples of plain JSON values (the common case), built natively by JSON.stringify; undefined
 * for anything JSON cannot encode (bigints, sets, dicts, non-finite floats), which use hashKey. JSON writes -0
 * as 0, which is what Python equality wants.
 */
function fastKey(v: Value): string | undefined {
  if (!Array.isArray(v) || !jsonSafe(v, 0)) return undefined;
  return "J" + JSON.stringify(v);
}

function jsonSafe(v: readonly Value[], depth: number): boolean {
  if (depth > 3) return false;
  for (const x of v) {
    const t = typeof x;
    if (t === "string" || t === "boolean" || x === null) continue;
    if (t === "number") {
      if (!Number.isFinite(x)) return false;
      continue;
    }
    if (!Array.isArray(x) || !jsonSafe(x as readonly Value[], depth + 1)) return false;
  }
  return true;
}

function sizeOf(v: Value): number {
  if (Array.isArray(v)) return 16 + 8 * v.length;
  if (v instanceof PySet) return 64 + 24 * v.size;
  if (v instanceof PyDict) return 96 + 32 * v.size;
  return 16;
}
