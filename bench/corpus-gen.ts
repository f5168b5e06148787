/**
 * A synthetic corpus for the corpus benchmarks: seeded, so every run measures the same data. Descriptions draw
 * words from a task vocabulary with Zipf-like frequencies (a few words such as "list" and "number" appear in a
 * large share of entries, as in MBPP); signatures come from a skewed set of common shapes.
 */
import type { CorpusRecord } from "../src/learn/record.js";

const VOCAB = (
  "list number string find sum element return count given check character word integer array value maximum minimum " +
  "first last sort order reverse unique duplicate even odd prime digit length index position remove replace split " +
  "join upper lower case vowel consonant space whitespace sentence tuple dictionary key pair average product square " +
  "root power factorial fibonacci divisor multiple greatest common smallest largest second nth occurrence frequency " +
  "substring prefix suffix palindrome anagram rotate shift merge flatten nested matrix row column diagonal triangle " +
  "area perimeter circle rectangle volume cube sphere binary decimal octal hexadecimal convert format date time " +
  "year month leap day hour minute second celsius fahrenheit distance point coordinate slope line interval range " +
  "consecutive difference adjacent sequence series arithmetic geometric harmonic mean median mode variance standard " +
  "deviation positive negative zero absolute round floor ceil truncate bit set clear toggle mask parity gray code " +
  "string number letter alphabet capital title strip trim pad left right center justify count match pattern regex " +
  "email url phone validate parse token encode decode cipher caesar shift compress run length repeat pairwise zip " +
  "unzip chunk window sliding subarray subsequence contiguous longest shortest increasing decreasing monotonic peak " +
  "valley balanced bracket parenthesis stack queue heap priority graph tree node depth height leaf path edge cycle"
).split(" ");

const SIGNATURES: readonly [readonly string[], string][] = [
  [["list[int]"], "int"],
  [["list[int]"], "list[int]"],
  [["str"], "str"],
  [["str"], "int"],
  [["str"], "bool"],
  [["int"], "int"],
  [["int"], "bool"],
  [["list[int]", "int"], "int"],
  [["list[int]", "int"], "list[int]"],
  [["str", "str"], "str"],
  [["str", "str"], "bool"],
  [["int", "int"], "int"],
  [["list[float]"], "float"],
  [["list[str]"], "list[str]"],
  [["list[str]"], "str"],
  [["str", "int"], "str"],
  [["list[int]"], "bool"],
  [["float"], "float"],
  [["int", "int", "int"], "int"],
  [["list[list[int]]"], "list[int]"],
  [["dict[str, int]"], "list[str]"],
  [["list[tuple[int, int]]"], "list[tuple[int, int]]"],
  [["tuple[int, int]", "tuple[int, int]"], "float"],
  [["list[int]", "list[int]"], "list[int]"],
  [["str"], "list[str]"],
  [["int"], "list[int]"],
  [["int"], "str"],
  [["list[str]", "str"], "int"],
];

/** A small seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An index into n items with P(i) proportional to 1 / (i + 1). */
function zipf(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1))) - 1);
}

/** A description of 4 to 11 words. */
export function description(rand: () => number): string {
  const n = 4 + Math.floor(rand() * 8);
  return Array.from({ length: n }, () => VOCAB[zipf(rand, VOCAB.length)]!).join(" ");
}

/** A signature, common shapes more often. */
export function signature(rand: () => number): readonly [readonly string[], string] {
  return SIGNATURES[zipf(rand, SIGNATURES.length)]!;
}

/** Record `i` of a synthetic corpus. */
export function syntheticRecord(i: number, rand: () => number): CorpusRecord {
  const [params, returns] = signature(rand);
  const roll = rand();
  const status: CorpusRecord["status"] = roll < 0.6 ? "solved" : roll < 0.7 ? "ambiguous" : roll < 0.95 ? "unsolved" : "error";
  const solved = status === "solved" || status === "ambiguous";
  const hasProgram = solved || rand() < 0.5;
  const named = params.map((type, j) => ({ name: `a${j}`, type }));
  return {
    v: 1,
    spec_hash: `synthetic-${i.toString(16).padStart(8, "0")}`,
    name: `task_${i}`,
    description: description(rand),
    signature: `(${named.map((p) => `${p.name}: ${p.type}`).join(", ")}) -> ${returns}`,
    params: named,
    returns,
    examples: [[named.map(() => "0"), "0"]],
    program: hasProgram ? ["$", "a0", params[0] ?? "int"] : null,
    python: hasProgram ? "a0" : null,
    status,
    score: solved ? 1 : status === "unsolved" ? Math.round(rand() * 4) / 4 : 0,
    time_ms: Math.round(rand() * 5000),
    size: 1 + Math.floor(rand() * 12),
    engine_version: "0.1.0",
    run_id: `bench-${Math.floor(i / 1000)}`,
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    format: "python",
  };
}
