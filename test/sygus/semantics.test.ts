// SMT-LIB 2.6 semantics of the SMT primitives (src/dsl/prims/smt.ts): a table per operator, edge cases first.
import { describe, expect, it } from "vitest";
import { primByName } from "../../src/dsl/prims/index.js";
import { SMT_PRIMS, canonicalSmtOp, smtPrim } from "../../src/dsl/prims/smt.js";
import { isError, type Result, type Value } from "../../src/dsl/values.js";

const ERR = Symbol("error");

function apply(name: string, args: readonly Value[]): Result {
  const p = primByName(name);
  if (!p?.impl) throw new Error(`no primitive ${name}`);
  return p.impl(...args);
}

/** [primitive, arguments, expected] rows; ERR means an error value (division by zero). */
const TABLE: readonly (readonly [string, readonly Value[], Value | typeof ERR])[] = [
  ["smt.str.++", ["ab", "cd"], "abcd"],
  ["smt.str.++", ["", ""], ""],
  ["smt.str.len", [""], 0],
  ["smt.str.len", ["héllo"], 5],
  ["smt.str.len", ["a😀b"], 3],
  ["smt.str.at", ["abc", 0], "a"],
  ["smt.str.at", ["abc", 2], "c"],
  ["smt.str.at", ["abc", 3], ""],
  ["smt.str.at", ["abc", -1], ""],
  ["smt.str.at", ["", 0], ""],
  ["smt.str.at", ["a😀b", 1], "😀"],
  ["smt.str.at", ["abc", 2n ** 70n], ""],
  ["smt.str.substr", ["abcdef", 2, 3], "cde"],
  ["smt.str.substr", ["abcdef", 2, 10], "cdef"],
  ["smt.str.substr", ["abcdef", 0, 0], ""],
  ["smt.str.substr", ["abcdef", 1, -2], ""],
  ["smt.str.substr", ["abcdef", -1, 3], ""],
  ["smt.str.substr", ["abcdef", 6, 1], ""],
  ["smt.str.substr", ["abcdef", 5, 1], "f"],
  ["smt.str.substr", ["a😀bc", 1, 2], "😀b"],
  ["smt.str.substr", ["abc", 1, 2n ** 80n], "bc"],
  ["smt.str.indexof", ["abcabc", "c", 0], 2],
  ["smt.str.indexof", ["abcabc", "c", 3], 5],
  ["smt.str.indexof", ["abcabc", "c", 6], -1],
  ["smt.str.indexof", ["abcabc", "x", 0], -1],
  ["smt.str.indexof", ["abc", "", 0], 0],
  ["smt.str.indexof", ["abc", "", 3], 3],
  ["smt.str.indexof", ["abc", "", 4], -1],
  ["smt.str.indexof", ["abc", "a", -1], -1],
  ["smt.str.indexof", ["", "", 0], 0],
  ["smt.str.indexof", ["😀a😀b", "b", 1], 3],
  ["smt.str.indexof", ["😀a😀b", "😀", 1], 2],
  ["smt.str.replace", ["abcabc", "b", "X"], "aXcabc"],
  ["smt.str.replace", ["abc", "", "X"], "Xabc"],
  ["smt.str.replace", ["abc", "z", "X"], "abc"],
  ["smt.str.replace", ["abc", "abc", ""], ""],
  ["smt.str.replace", ["a$b", "$", "$&"], "a$&b"],
  ["smt.str.replace_all", ["abcabc", "b", "X"], "aXcaXc"],
  ["smt.str.replace_all", ["aaa", "aa", "b"], "ba"],
  ["smt.str.replace_all", ["abc", "", "X"], "abc"],
  ["smt.str.prefixof", ["ab", "abc"], true],
  ["smt.str.prefixof", ["abc", "ab"], false],
  ["smt.str.prefixof", ["", "abc"], true],
  ["smt.str.suffixof", ["bc", "abc"], true],
  ["smt.str.suffixof", ["abc", "bc"], false],
  ["smt.str.suffixof", ["", ""], true],
  ["smt.str.contains", ["abc", "b"], true],
  ["smt.str.contains", ["b", "abc"], false],
  ["smt.str.contains", ["abc", ""], true],
  ["smt.str.from_int", [42], "42"],
  ["smt.str.from_int", [0], "0"],
  ["smt.str.from_int", [-5], ""],
  ["smt.str.from_int", [2n ** 64n], "18446744073709551616"],
  ["smt.str.to_int", ["42"], 42],
  ["smt.str.to_int", ["007"], 7],
  ["smt.str.to_int", [""], -1],
  ["smt.str.to_int", ["-5"], -1],
  ["smt.str.to_int", ["4 2"], -1],
  ["smt.str.to_int", ["٣"], -1],
  ["smt.str.to_int", ["18446744073709551616"], 2n ** 64n],
  ["smt.str.<", ["a", "b"], true],
  ["smt.str.<", ["ab", "a"], false],
  ["smt.str.<", ["a", "a"], false],
  ["smt.str.<", ["\uffff", "😀"], true],
  ["smt.str.<=", ["a", "a"], true],
  ["smt.str.<=", ["b", "a"], false],
  ["smt.+", [2, 3], 5],
  ["smt.+", [2 ** 53 - 1, 1], 2n ** 53n],
  ["smt.-", [2, 5], -3],
  ["smt.-", [-(2 ** 53) + 1, 2], -(2n ** 53n) - 1n],
  ["smt.neg", [5], -5],
  ["smt.neg", [0], 0],
  ["smt.*", [3, -4], -12],
  ["smt.*", [2 ** 40, 2 ** 40], 2n ** 80n],
  ["smt.div", [7, 2], 3],
  ["smt.div", [-7, 2], -4],
  ["smt.div", [7, -2], -3],
  ["smt.div", [-7, -2], 4],
  ["smt.div", [0, 5], 0],
  ["smt.div", [7, 0], ERR],
  ["smt.div", [-(2n ** 70n) - 1n, 2], -(2n ** 69n) - 1n],
  ["smt.mod", [7, 2], 1],
  ["smt.mod", [-7, 2], 1],
  ["smt.mod", [7, -2], 1],
  ["smt.mod", [-7, -2], 1],
  ["smt.mod", [-6, 3], 0],
  ["smt.mod", [7, 0], ERR],
  ["smt.mod", [-(2n ** 70n) - 1n, 2], 1],
  ["smt.<", [1, 2], true],
  ["smt.<", [2, 2], false],
  ["smt.<=", [2, 2], true],
  ["smt.>", [3, 2], true],
  ["smt.>=", [2, 3], false],
  ["smt.<", [2n ** 70n, 1], false],
  ["smt.=", [2, 2], true],
  ["smt.=", ["a", "a"], true],
  ["smt.=", ["a", "b"], false],
  ["smt.=", [true, false], false],
  ["smt.=", [2n ** 70n, 2n ** 70n], true],
  ["smt.ite", [true, "a", "b"], "a"],
  ["smt.ite", [false, "a", "b"], "b"],
  ["smt.and", [true, false], false],
  ["smt.and", [true, true], true],
  ["smt.or", [false, false], false],
  ["smt.or", [false, true], true],
  ["smt.not", [true], false],
  ["smt.not", [false], true],
];

const show = (v: Value): string => (typeof v === "string" ? JSON.stringify(v) : String(v));

describe("SMT-LIB semantics", () => {
  it.each(TABLE.map((r) => [`${r[0]} ${r[1].map(show).join(" ")}`, ...r] as const))("%s", (_title, name, args, expected) => {
    const got = apply(name, args);
    if (expected === ERR) expect(isError(got)).toBe(true);
    else expect(got).toStrictEqual(expected);
  });

  it("has a row for every primitive", () => {
    const tested = new Set(TABLE.map((r) => r[0]));
    expect(SMT_PRIMS.map((p) => p.name).filter((n) => !tested.has(n))).toEqual([]);
  });

  it("ite ignores an error in the branch not taken (it is lazy, as Python's conditional is)", () => {
    const err = apply("smt.div", [1, 0]);
    expect(apply("smt.ite", [false, err as Value, "b"])).toBe("b");
    expect(apply("smt.and", [false, err as Value])).toBe(false);
  });

  it.each([
    ["int.to.str", 1, "smt.str.from_int"],
    ["str.from_int", 1, "smt.str.from_int"],
    ["str.to.int", 1, "smt.str.to_int"],
    ["str.to_int", 1, "smt.str.to_int"],
    ["str.replaceall", 3, "smt.str.replace_all"],
    ["-", 1, "smt.neg"],
    ["-", 2, "smt.-"],
    ["ite", 3, "smt.ite"],
  ])("operator %s/%i is %s", (op, arity, name) => {
    expect(smtPrim(op, arity)?.name).toBe(name);
  });

  it("knows no operator outside the table", () => {
    expect(smtPrim("str.in.re", 2)).toBeUndefined();
    expect(smtPrim("str.len", 2)).toBeUndefined();
    expect(canonicalSmtOp("int.to.str")).toBe("str.from_int");
  });
});
