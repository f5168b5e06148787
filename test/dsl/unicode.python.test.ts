/**
 * Exhaustive check of the str primitives that depend on Unicode data: for every code point Python's database
 * assigns, each case mapping and character class of the interpreter equals python3's.
 *
 * Python sends, per operation, only the characters it changes (with their result) and, per predicate, the ranges
 * where it holds, so the exchange stays small. Known differences come from Unicode versions (Python 3.11 has
 * Unicode 14; Node's ICU is newer) and are listed in VERSION_DIFFERENCES.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { primByName } from "../../src/dsl/prims/index.js";
import { isPrintable, type Value } from "../../src/dsl/values.js";
import { parsePyLiteral } from "../../src/spec/pyliteral.js";
import { PythonWorker } from "../../src/validate/pyworker.js";

const TABLES = `
import json, unicodedata

OPS = {"str.upper": str.upper, "str.lower": str.lower, "str.title": str.title,
       "str.swapcase": str.swapcase, "str.capitalize": str.capitalize}
PREDS = {"str.isupper": str.isupper, "str.islower": str.islower, "str.isdigit": str.isdigit,
         "str.isalpha": str.isalpha, "str.isalnum": str.isalnum, "str.isspace": str.isspace,
         "printable": str.isprintable}

def ranges(flags):
    out, start = [], None
    for i, f in enumerate(flags + [False]):
        if f and start is None:
            start = i
        elif not f and start is not None:
            out.append([start, i - 1])
            start = None
    return out

def tables():
    chars = [chr(i) for i in range(0x110000)]
    assigned = [unicodedata.category(c) not in ("Cn", "Cs", "Co") for c in chars]
    ops = {name: {str(i): f(c) for i, c in enumerate(chars) if assigned[i] and f(c) != c} for name, f in OPS.items()}
    preds = {name: ranges([assigned[i] and f(c) for i, c in enumerate(chars)]) for name, f in PREDS.items()}
    return json.dumps({"version": unicodedata.unidata_version, "assigned": ranges(assigned), "ops": ops, "preds": preds})
`;

interface Tables {
  readonly version: string;
  readonly assigned: [number, number][];
  readonly ops: Record<string, Record<string, string>>;
  readonly preds: Record<string, [number, number][]>;
}

/**
 * Code points where Node's newer Unicode data differs from Python 3.11's Unicode 14 (new case pairs in Unicode
 * 15-16, characters that became Lowercase). Update when either runtime's Unicode version changes.
 */
const VERSION_DIFFERENCES: Readonly<Record<string, readonly number[]>> = {
  "str.upper": [0x19b, 0x264, 0xa7d3, 0xa7d5],
  "str.title": [0x19b, 0x264, 0xa7d3, 0xa7d5],
  "str.swapcase": [0x19b, 0x264, 0xa7d3, 0xa7d5],
  "str.capitalize": [0x19b, 0x264, 0xa7d3, 0xa7d5],
  "str.islower": [0x295, 0x10fc, 0xa7f2, 0xa7f3, 0xa7f4, 0xab69],
};

let worker: PythonWorker;
let tables: Tables;

beforeAll(async () => {
  worker = await PythonWorker.start({ timeoutMs: 30_000, maxReprChars: 50_000_000 });
  const exec = await worker.exec("unicode_tables", TABLES);
  if (!exec.ok) throw new Error(`exec failed: ${exec.message}`);
  const out = await worker.call("unicode_tables", "tables", []);
  if (!out.ok) throw new Error(`tables() failed: ${out.message}`);
  const text = parsePyLiteral(out.repr);
  if (!text.ok || typeof text.value.value !== "string") throw new Error("tables() did not return a str");
  tables = JSON.parse(text.value.value) as Tables;
});

afterAll(async () => {
  await worker?.close();
});

function* assignedChars(): Generator<[number, string]> {
  for (const [a, b] of tables.assigned) for (let cp = a; cp <= b; cp++) yield [cp, String.fromCodePoint(cp)];
}

function inRanges(rs: readonly [number, number][], cp: number): boolean {
  let lo = 0;
  let hi = rs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = rs[mid] as [number, number];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Code points where `ours` and Python's answer differ, less the known version differences. */
function differences(name: string, ours: (ch: string) => unknown, python: (cp: number, ch: string) => unknown): string[] {
  const known = new Set(VERSION_DIFFERENCES[name] ?? []);
  const out: string[] = [];
  for (const [cp, ch] of assignedChars()) {
    if (!known.has(cp) && ours(ch) !== python(cp, ch)) out.push(`U+${cp.toString(16).toUpperCase().padStart(4, "0")}`);
  }
  return out;
}

const impl = (name: string) => (ch: string): unknown => primByName(name)?.impl?.(ch as Value);

describe("str primitives agree with python3 on every assigned code point", () => {
  for (const name of ["str.upper", "str.lower", "str.title", "str.swapcase", "str.capitalize"]) {
    it(name, () => {
      const changed = tables.ops[name] ?? {};
      const diff = differences(name, impl(name), (cp, ch) => changed[String(cp)] ?? ch);
      expect(diff, `${name} differs at ${diff.slice(0, 30).join(" ")} (Python's Unicode ${tables.version})`).toEqual([]);
    });
  }
  for (const name of ["str.isupper", "str.islower", "str.isdigit", "str.isalpha", "str.isalnum", "str.isspace", "printable"]) {
    it(name, () => {
      const ours = name === "printable" ? isPrintable : impl(name);
      const diff = differences(name, ours, (cp) => inRanges(tables.preds[name] ?? [], cp));
      expect(diff, `${name} differs at ${diff.slice(0, 30).join(" ")} (Python's Unicode ${tables.version})`).toEqual([]);
    });
  }
});
