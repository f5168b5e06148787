import { describe, expect, it } from "vitest";
import { call, lam, v } from "../../src/dsl/expr.js";
import { BOOL, INT, STR, list } from "../../src/dsl/types.js";
import { intermediateTypes, ioRelations, nameWords, signatureClass, specFeatures } from "../../src/search/features.js";
import { problem } from "./helpers.js";

describe("spec features", () => {
  it("split identifiers into words like descriptions", () => {
    expect(nameWords("count_Set_Bits")).toEqual(["count", "set", "bit"]);
    expect(nameWords("findMaxValue")).toEqual(["find", "max", "value"]);
  });

  it("carry description and name words, the signature and the example relations", () => {
    const p = problem("remove_odd", "Remove the odd numbers from a list.", [["xs", list(INT)]], list(INT), [
      [[[1, 2, 3, 4]], [2, 4]],
      [[[5, 6]], [6]],
    ]);
    const f = specFeatures(p);
    expect(f).toEqual(expect.arrayContaining(["remove", "odd", "number", "list", "ret:list", "retk:list[int]", "arg:list", "argk:list[int]", "arity:1", "io:len<", "io:subset"]));
    // Adjacent description words, after stop words are dropped.
    expect(f).toEqual(expect.arrayContaining(["remove+odd", "odd+number", "number+list"]));
    expect(f).not.toContain("io:len=");
    expect(new Set(f).size).toBe(f.length);
  });

  it("find relations only when every example shows them, and none without examples", () => {
    const up = problem("shout", "", [["s", STR]], STR, [
      [["ab"], "AB"],
      [["c d"], "C D"],
    ]);
    expect(ioRelations(up)).toEqual(expect.arrayContaining(["len=", "upper"]));
    expect(ioRelations(up)).not.toContain("space");
    expect(ioRelations({ ...up, examples: [] })).toEqual([]);
    const yes = problem("ok", "", [["n", INT]], BOOL, [
      [[1], true],
      [[2], true],
    ]);
    expect(ioRelations(yes)).toContain("alltrue");
  });

  it("class signatures by kinds and list the types a program computes besides its own", () => {
    const p = problem("f", "", [["s", STR], ["n", INT]], INT, [[["a", 1], 1]]);
    expect(signatureClass(p)).toBe("int<-int,str");
    const prog = call("seq.len", INT, call("comp.filter", list(STR), call("str.split", list(STR), v("s", STR)), lam(["w"], call("cmp.ne", BOOL, v("w", STR), v("s", STR)))));
    expect(intermediateTypes(prog, p)).toEqual(["bool", "list[str]"]);
  });
});
