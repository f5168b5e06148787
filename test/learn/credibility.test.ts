import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PyDict } from "../../src/dsl/values.js";
import { credibility, valueBits } from "../../src/learn/credibility.js";
import { learnDescription, type OpTree } from "../../src/learn/weights.js";

describe("valueBits", () => {
  it("counts a boolean as one bit, integers by magnitude, strings by length, containers by their elements", () => {
    expect(valueBits(true)).toBe(1);
    expect(valueBits(0)).toBe(1);
    expect(valueBits(1000)).toBeGreaterThan(valueBits(7));
    expect(valueBits(2.5)).toBeGreaterThan(valueBits(2));
    expect(valueBits(2n ** 80n)).toBeGreaterThan(valueBits(2 ** 40));
    expect(valueBits("hello world")).toBeGreaterThan(valueBits("hi"));
    expect(valueBits([1, 2, 3])).toBeCloseTo(1 + valueBits(1) + valueBits(2) + valueBits(3));
    expect(valueBits(PyDict.from([["a", 1]]))).toBeCloseTo(1 + valueBits("a") + valueBits(1));
    expect(valueBits(null)).toBe(0);
  });

  it("caps what one value counts for", () => {
    expect(valueBits("x".repeat(1000))).toBe(48);
  });
});

describe("credibility", () => {
  it("is small for boolean answers found after many candidates and near 1 for long strings found quickly", () => {
    expect(credibility([true, false, true], 10_000)).toBeLessThan(0.01);
    expect(credibility(["Hello World", "Good Morning"], 10_000)).toBeGreaterThan(0.99);
    // The margin is the examples' bits minus log2 of the candidates tried: 1/2 at zero margin.
    expect(credibility([true, false, true], 7)).toBeCloseTo(0.5);
  });

  it("falls as the search tries more candidates and rises with more examples", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.boolean(), fc.integer(), fc.string()), { minLength: 1, maxLength: 6 }), fc.nat(1_000_000), fc.nat(1_000_000), (outs, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const c = credibility(outs, lo);
        expect(c).toBeGreaterThan(0);
        expect(c).toBeLessThanOrEqual(1);
        expect(credibility(outs, hi)).toBeLessThanOrEqual(c);
        expect(credibility([...outs, true], lo)).toBeGreaterThanOrEqual(c);
      }),
    );
  });
});

describe("weighted training items in the description model", () => {
  const t = (op: string, ...kids: OpTree[]): OpTree => ({ op, kids });
  it("keep a coincidental solution's primitives at its own weight when a reference fragment of the task counts fully", () => {
    // Ten tasks about parity: reference fragments use int.mod; each task also has an own solution using str.chr.
    const items = (ownWeight: number) =>
      Array.from({ length: 10 }, (_, i) => [
        { description: "check parity", tree: t("(fragments)", t("int.mod", t("var"), t("const"))), fragment: true, group: `g${i}`, features: ["parity"] },
        { description: "check parity", tree: t("str.isalpha", t("str.chr", t("var"))), group: `g${i}`, features: ["parity"], weight: ownWeight },
      ]).flat();
    const others = Array.from({ length: 10 }, (_, i) => ({ description: "sum", tree: t("seq.sum", t("var")), group: `o${i}`, features: ["sum"] }));
    const full = learnDescription([...items(1), ...others]);
    const weak = learnDescription([...items(0.05), ...others]);
    expect(weak.presence.get("str.chr")!).toBeLessThan(full.presence.get("str.chr")! / 5);
    expect(weak.presence.get("int.mod")).toBeCloseTo(full.presence.get("int.mod")!);
  });
});
