import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseTypeAnnotation, type Type } from "../../src/dsl/types.js";
import { combineScore, jaccard, parseSignature, parseSignatureText, retrievalScore, scoreParts, prepareQuery, signatureMatch, typeSimilarity } from "../../src/learn/retrieval.js";
import { record } from "./helpers.js";

const t = (text: string): Type => {
  const ty = parseTypeAnnotation(text);
  if (!ty) throw new Error(`bad type ${text}`);
  return ty;
};

describe("typeSimilarity", () => {
  test.each([
    ["int", "int", 1],
    ["int", "float", 0.5],
    ["bool", "int", 0.25],
    ["str", "int", 0],
    ["list[int]", "list[float]", 0.75],
    ["list[int]", "list[str]", 0.5],
    ["list[int]", "set[int]", 0.5],
    ["list[int]", "tuple[int, ...]", 0.5],
    ["list[int]", "str", 0],
    ["dict[str, int]", "dict[str, float]", 0.875],
    ["tuple[int, str]", "tuple[int, int]", 0.75],
    ["Optional[int]", "int", 0.75],
    ["Optional[int]", "None", 0.5],
    ["Optional[int]", "Optional[float]", 0.5],
  ])("%s ~ %s = %d", (a, b, expected) => {
    expect(typeSimilarity(t(a), t(b))).toBeCloseTo(expected, 12);
    expect(typeSimilarity(t(b), t(a))).toBeCloseTo(expected, 12);
  });

  const types = ["int", "float", "bool", "str", "None", "list[int]", "list[float]", "list[str]", "set[int]", "tuple[int, ...]", "tuple[int, str]", "tuple[int, int]", "dict[str, int]", "dict[int, list[str]]", "Optional[int]", "Optional[str]", "list[list[int]]"];
  test("is symmetric, within [0, 1], and 1 only for equal types", () => {
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.constantFrom(...types), (a, b) => {
        const s = typeSimilarity(t(a), t(b));
        expect(s).toBe(typeSimilarity(t(b), t(a)));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s === 1).toBe(a === b);
      }),
    );
  });
});

describe("signatureMatch", () => {
  const sig = (params: string[], returns: string) => parseSignature(params, returns);
  test("identical signatures match fully, nullary ones too", () => {
    expect(signatureMatch(sig(["list[int]", "int"], "int"), sig(["list[int]", "int"], "int"))).toBe(1);
    expect(signatureMatch(sig([], "str"), sig([], "str"))).toBe(1);
  });
  test("partial: return type half, parameters position-wise over the longer list", () => {
    // same return, one of two parameters equal, the other int~float
    expect(signatureMatch(sig(["list[int]", "int"], "int"), sig(["list[int]", "float"], "int"))).toBeCloseTo(0.5 + 0.5 * (1.5 / 2));
    // different arity: the missing parameter costs its share
    expect(signatureMatch(sig(["str"], "str"), sig(["str", "int"], "str"))).toBeCloseTo(0.5 + 0.5 * 0.5);
    // unparseable text matches only itself
    expect(signatureMatch(sig(["Foo"], "Bar"), sig(["Foo"], "Bar"))).toBe(1);
    expect(signatureMatch(sig(["Foo"], "int"), sig(["Baz"], "int"))).toBe(0.5);
  });
});

describe("retrievalScore", () => {
  test("0.6 signature + 0.4 Jaccard + 0.1 for a perfect solution", () => {
    const r = record(1, { description: "Reverse the words of a sentence.", params: [{ name: "s", type: "str" }], returns: "str" });
    // tokens: reverse, word, sentence; the query shares reverse and word, plus "order"
    const q = { description: "reverse word order", params: ["str"], returns: "str" };
    expect(retrievalScore(q, r)).toBeCloseTo(0.6 + 0.4 * (2 / 4) + 0.1, 12);
    expect(retrievalScore(q, { ...r, status: "ambiguous" })).toBeCloseTo(0.6 + 0.2, 12);
    expect(retrievalScore(q, { ...r, score: 0.5, status: "unsolved" })).toBeCloseTo(0.8, 12);
  });
  test("a text-only query scores the signature part 0", () => {
    const parts = scoreParts(prepareQuery({ description: "reverse" }), record(1));
    expect(parts.signature).toBe(0);
    expect(parts.score).toBe(combineScore(0, parts.description, true));
  });
  test("two empty token sets have Jaccard 0", () => {
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

test("parseSignatureText reads signatures with or without parameter names", () => {
  expect(parseSignatureText("(xs: list[int], n: int) -> int")).toEqual({ params: ["list[int]", "int"], returns: "int" });
  expect(parseSignatureText("(dict[str, int]) -> list[tuple[str, int]]")).toEqual({ params: ["dict[str, int]"], returns: "list[tuple[str, int]]" });
  expect(parseSignatureText("() -> str")).toEqual({ params: [], returns: "str" });
  expect(parseSignatureText("int -> int")).toBeUndefined();
});
