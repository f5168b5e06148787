import { describe, expect, it } from "vitest";
import { pyRepr } from "../../src/dsl/repr.js";
import { BOOL, FLOAT, INT, STR, dict, list, optional, set, tuple, vtuple, typeKey, type Type } from "../../src/dsl/types.js";
import { PyDict, PySet, hasAstral, type Value } from "../../src/dsl/values.js";
import { parsePyLiteral } from "../../src/spec/pyliteral.js";
import { makeRng, randomInputs, randomValue } from "../../src/validate/random.js";

const TYPES: readonly Type[] = [INT, FLOAT, BOOL, STR, list(INT), list(list(STR)), vtuple(FLOAT), tuple([INT, STR]), dict(STR, list(INT)), set(INT), optional(STR)];

/** True when the value has the JS shape the value model gives its type. */
function conforms(v: Value, t: Type): boolean {
  switch (t.kind) {
    case "int":
      return (typeof v === "number" && Number.isSafeInteger(v)) || (typeof v === "bigint" && (v > 2n ** 53n - 1n || v < -(2n ** 53n - 1n)));
    case "float":
      return typeof v === "number";
    case "bool":
      return typeof v === "boolean";
    case "str":
      return typeof v === "string";
    case "none":
    case "unknown":
      return v === null;
    case "optional":
      return v === null || conforms(v, t.el);
    case "list":
    case "vtuple":
      return Array.isArray(v) && v.every((x: Value) => conforms(x, t.el));
    case "tuple":
      return Array.isArray(v) && v.length === t.els.length && t.els.every((e, i) => conforms(v[i] as Value, e));
    case "set":
      return v instanceof PySet && v.items.every((x) => conforms(x, t.el));
    case "dict":
      return v instanceof PyDict && v.keys.every((k, i) => conforms(k, t.key) && conforms(v.vals[i] as Value, t.val));
  }
}

describe("randomValue", () => {
  it.each(TYPES.map((t) => [typeKey(t), t] as const))("gives well-formed values of %s that print as Python literals", (_k, t) => {
    const rng = makeRng(42);
    for (let i = 0; i < 300; i++) {
      const v = randomValue(t, rng);
      expect(conforms(v, t)).toBe(true);
      const text = pyRepr(v, t);
      expect(parsePyLiteral(text).ok, text).toBe(true);
    }
  });

  it("is deterministic for a seed and differs across seeds", () => {
    const draw = (seed: number): string[] => randomInputs([list(STR), FLOAT, INT], 50, seed).map((args) => args.map(String).join("|"));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it("covers the edge cases: 0, -1, beyond 2^53, -0.0, halves, inf, nan, astral and case-special characters", () => {
    const rng = makeRng(1);
    const ints = Array.from({ length: 3000 }, () => randomValue(INT, rng));
    const floats = Array.from({ length: 3000 }, () => randomValue(FLOAT, rng) as number);
    const strs = Array.from({ length: 3000 }, () => randomValue(STR, rng) as string);
    expect(ints).toContain(0);
    expect(ints).toContain(-1);
    expect(ints.some((x) => typeof x === "bigint")).toBe(true);
    expect(floats.some((x) => Object.is(x, -0))).toBe(true);
    expect(floats).toContain(2.5);
    expect(floats).toContain(Infinity);
    expect(floats.some(Number.isNaN)).toBe(true);
    expect(strs.some(hasAstral)).toBe(true);
    expect(strs.some((s) => /[ßİ]/.test(s))).toBe(true);
    expect(strs).toContain("");
  });

  it("respects its options", () => {
    const rng = makeRng(3);
    const opts = { bigInts: false, infinities: false, nan: false, unicode: false, maxLen: 3, maxStrLen: 4 };
    for (let i = 0; i < 2000; i++) {
      expect(typeof randomValue(INT, rng, opts)).toBe("number");
      expect(Number.isFinite(randomValue(FLOAT, rng, opts))).toBe(true);
      const xs = randomValue(list(STR), rng, opts) as string[];
      expect(xs.length).toBeLessThanOrEqual(3);
      for (const s of xs) expect([...s].every((c) => c.charCodeAt(0) < 128), s).toBe(true);
    }
  });

  it("keeps nan out of containers unless asked", () => {
    const rng = makeRng(5);
    const inside = Array.from({ length: 3000 }, () => randomValue(list(FLOAT), rng) as number[]).flat();
    expect(inside.some(Number.isNaN)).toBe(false);
    const allowed = Array.from({ length: 3000 }, () => randomValue(list(FLOAT), rng, { nanInContainers: true }) as number[]).flat();
    expect(allowed.some(Number.isNaN)).toBe(true);
  });
});
