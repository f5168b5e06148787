import { PyDict, PyError, PySet, hashKey, type Result, type Value } from "../dsl/values.js";

/** Id of "evaluation raised" (any exception: the search does not distinguish them). */
export const ERR_ID = 0;
export const FALSE_ID = 1;
export const TRUE_ID = 2;
export const NONE_ID = 3;

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
  /** Approximate bytes held by interned values. */
  bytes = 64;

  get size(): number {
    return this.values.length;
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

  /** The value behind an id (ERR_ID gives a generic PyError). */
  get(id: number): Result {
    return this.values[id] as Result;
  }
}

function sizeOf(v: Value): number {
  if (Array.isArray(v)) return 16 + 8 * v.length;
  if (v instanceof PySet) return 64 + 24 * v.size;
  if (v instanceof PyDict) return 96 + 32 * v.size;
  return 16;
}
