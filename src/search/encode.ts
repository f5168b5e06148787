import type { Type } from "../dsl/types.js";
import { PyError, type Result, type Value } from "../dsl/values.js";
import { ERR_ID, type Interner } from "./intern.js";

/**
 * How a nonterminal's values are stored in a bank's Float64Array:
 *
 * - `INT`: the int itself when it is a safe integer; an int beyond 2^53 (a bigint) is interned and stored
 *   "boxed" as 2^53 + 2·id (a double no safe int can be); NaN means the evaluation raised.
 * - `FLOAT`: the float itself, with -0.0 stored as 0.0 (equal in Python); NaN means raised (a genuine float nan
 *   counts as an error during search; the final program is checked in Python anyway).
 * - `REF`: the interned id of the value (bools, strings, containers); ERR_ID (0) means raised.
 *
 * Numbers skip interning entirely, which is what makes arithmetic candidates cheap.
 */
export const Kind = { REF: 0, INT: 1, FLOAT: 2 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

const BOX_BASE = 2 ** 53;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export function kindOf(t: Type): Kind {
  return t.kind === "int" ? Kind.INT : t.kind === "float" ? Kind.FLOAT : Kind.REF;
}

/** The encoded form of a result for a nonterminal of kind `k`. */
export function encode(k: Kind, r: Result, interner: Interner): number {
  if (k === Kind.REF) return interner.id(r);
  if (typeof r === "number") {
    if (r !== r) return NaN;
    return r + 0;
  }
  if (typeof r === "bigint") {
    const id = interner.id(r);
    return id === ERR_ID ? NaN : BOX_BASE + 2 * id;
  }
  if (typeof r === "boolean") return r ? 1 : 0;
  return NaN;
}

/** True when an encoded value of kind `k` means "the evaluation raised". */
export function isErr(k: Kind, x: number): boolean {
  return k === Kind.REF ? x === ERR_ID : x !== x;
}

/** The value behind an encoded number (the interner's generic PyError for errors). */
export function decode(k: Kind, x: number, vals: readonly Result[]): Result {
  if (k === Kind.REF) return vals[x] as Result;
  if (x !== x) return vals[ERR_ID] as Result;
  if (k === Kind.INT && (x > MAX_SAFE || x < -MAX_SAFE)) return vals[(x - BOX_BASE) / 2] as Result;
  return x;
}

/** Like decode, for callers that know the value is not an error. */
export function decodeValue(k: Kind, x: number, vals: readonly Result[]): Value {
  return decode(k, x, vals) as Value;
}

export function isPyError(r: Result): r is PyError {
  return r instanceof PyError;
}
