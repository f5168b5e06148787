/**
 * How much a solved spec's program should teach (pure functions).
 *
 * A search that tried N candidates against examples whose outputs carry B bits expects about N * 2^-B programs to
 * fit them by coincidence. When that is large (a boolean answer on three examples after thousands of candidates),
 * the program found is likely one of those coincidences: `chr(a).isspace()` for "do two numbers differ at one bit
 * position". Learned from, such programs make the next search find the same kind of coincidence sooner. The
 * weight of a solution as training evidence is the chance that it is not a coincidence, 1 / (1 + N * 2^-B)
 * (Occam's razor in the PAC reading: a hypothesis chosen among N fits B bits of data meaningfully when B > log2 N).
 */
import { PyDict, PySet, type Value } from "../dsl/values.js";

/** Most bits one value is counted for (a long string or list says much, but not unboundedly much). */
const MAX_VALUE_BITS = 48;
/** Bits per character of a string (English text and identifiers carry about 2 to 4). */
const CHAR_BITS = 3;

/**
 * A rough description length of a value: what it would take to guess it. Booleans 1 bit, integers their sign and
 * magnitude, floats more (their digits), strings about CHAR_BITS per character, containers the sum of their
 * elements plus their length.
 */
export function valueBits(v: Value): number {
  return Math.min(MAX_VALUE_BITS, bits(v));
}

function bits(v: Value): number {
  if (v === null) return 0;
  if (typeof v === "boolean") return 1;
  if (typeof v === "bigint") return 1 + v.toString(2).length;
  if (typeof v === "number") return Number.isInteger(v) ? 1 + Math.log2(1 + Math.abs(v)) : 8 + Math.log2(1 + Math.abs(v));
  if (typeof v === "string") return 1 + CHAR_BITS * [...v].length;
  if (v instanceof PyDict) return 1 + v.keys.reduce((s: number, k, i) => s + bits(k) + bits(v.vals[i] as Value), 0);
  if (v instanceof PySet) return 1 + v.items.reduce((s: number, x) => s + bits(x), 0);
  return 1 + v.reduce((s: number, x) => s + bits(x), 0);
}

/**
 * The weight of a solution found after `candidates` candidates that fits examples with these outputs: the chance
 * that it is not a coincidence, 1 / (1 + candidates * 2^-bits), where bits sums valueBits over the outputs.
 */
export function credibility(outputs: readonly Value[], candidates: number): number {
  const b = outputs.reduce((s: number, o) => s + valueBits(o), 0);
  const margin = b - Math.log2(1 + Math.max(0, candidates));
  return 1 / (1 + 2 ** -margin);
}
