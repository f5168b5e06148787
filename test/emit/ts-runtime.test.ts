// The runtime helpers against Python itself: each case of fixtures/python-cases.ts.txt pairs a Python expression
// with the same call in TypeScript and what CPython returned. The cases are compiled together with every helper
// (so the calls type-check too), then run.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TS_RUNTIME, resolveHelpers, runtimeSource } from "../../src/emit/ts-runtime.js";
import { ModuleDir, typeCheck } from "./tsc.js";

type Case = readonly [string, () => unknown, unknown];

const fragment = readFileSync(new URL("./fixtures/python-cases.ts.txt", import.meta.url), "utf8");
const names = [...TS_RUNTIME.keys()];
const isType = (name: string): boolean => /^(?:\/\*\*[\s\S]*?\*\/\s*)?type /.test(TS_RUNTIME.get(name)?.source ?? "");
const exports = `export { ${names.filter((n) => !isType(n)).join(", ")} };\nexport type { ${names.filter(isType).join(", ")} };`;
const source = `${runtimeSource(names)}\n\n${exports}\n\n${fragment}`;

/** Equality that tells -0 from 0 and NaN from everything but NaN, through arrays. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return Object.is(a, b);
}

function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return { raises: e instanceof Error ? e.name : String(e) };
  }
}

describe("TypeScript runtime helpers agree with CPython", () => {
  const dir = new ModuleDir();
  let cases: readonly Case[] = [];

  beforeAll(async () => {
    cases = (await dir.load(source))["CASES"] as readonly Case[];
  });
  afterAll(() => dir.dispose());

  it("compiles the cases with every helper", () => {
    expect(typeCheck({ "/virtual/cases.ts": source })).toEqual([]);
  });

  it("returns or raises what Python does", () => {
    expect(cases.length).toBeGreaterThan(200);
    const wrong = cases.filter(([, f, want]) => !same(outcome(f), want)).map(([py, f, want]) => `${py}: got ${String(JSON.stringify(outcome(f)))}, Python ${String(JSON.stringify(want))}`);
    expect(wrong).toEqual([]);
  });
});

describe("runtime registry", () => {
  it("resolves dependencies transitively, in registry order", () => {
    expect(resolveHelpers(["$strip"]).map((h) => h.name)).toEqual(["$WHITESPACE", "$isWs", "$stripWhere", "$strip"]);
    expect(resolveHelpers(["$int"]).map((h) => h.name)).toEqual(["$raise", "$digitValue", "$asciiDigits", "$numberText", "$int", "$WHITESPACE", "$isWs", "$stripWhere"]);
  });

  it("refuses a helper it does not have", () => {
    expect(() => resolveHelpers(["$nope"])).toThrow(/no TypeScript runtime helper named \$nope/);
  });
});
