/**
 * Table tests of the value helpers. Expected texts and numbers are what python3 (3.11) prints for the same input.
 */
import { describe, expect, it } from "vitest";
import {
  OVERFLOW,
  PyDict,
  PySet,
  ZERO_DIV,
  compareStr,
  fitsSsize,
  hashKey,
  intFloorDiv,
  intMod,
  intTrueDiv,
  pyCompare,
  pyEq,
  pyLess,
  ratioToDouble,
  reprFloat,
  reprStr,
  roundHalfEven,
  type PyInt,
  type Value,
} from "../../src/dsl/values.js";

describe("reprFloat follows Python's repr", () => {
  it.each([
    [1e16, "1e+16"],
    [1e-5, "1e-05"],
    [0.1, "0.1"],
    [-0, "-0.0"],
    [0, "0.0"],
    [Infinity, "inf"],
    [-Infinity, "-inf"],
    [NaN, "nan"],
    [1e15, "1000000000000000.0"],
    [1.2345678901234568e17, "1.2345678901234568e+17"],
    [1e22, "1e+22"],
    [5e-324, "5e-324"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [0.0001, "0.0001"],
    [0.00001234, "1.234e-05"],
    [2.5, "2.5"],
    [100, "100.0"],
    [1 / 3, "0.3333333333333333"],
    [-1.5e-7, "-1.5e-07"],
    [9999999999999998, "9999999999999998.0"],
  ])("%s -> %s", (x, text) => {
    expect(reprFloat(x)).toBe(text);
  });
});

describe("reprStr follows Python's repr", () => {
  it.each([
    ["", "''"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`'"`, `'\\'"'`],
    ["a\\b", "'a\\\\b'"],
    ["\n\t\r", "'\\n\\t\\r'"],
    ["\x00\x7f\x80\xa0\xad", "'\\x00\\x7f\\x80\\xa0\\xad'"],
    ["é😀", "'é😀'"],
    ["\u2028", "'\\u2028'"],
    ["\ud800", "'\\ud800'"],
    ["\u{e0001}", "'\\U000e0001'"],
  ])("%j -> %s", (s, text) => {
    expect(reprStr(s)).toBe(text);
  });
});

describe("int // and % take the divisor's sign", () => {
  const big = -(2n ** 60n);
  it.each<[PyInt, PyInt, PyInt, PyInt]>([
    [-7, 2, -4, 1],
    [7, -2, -4, -1],
    [-7, -2, 3, -1],
    [7, 2, 3, 1],
    [0, -3, 0, 0],
    [big, 7, -164703072086692426n, 6],
    [2n ** 60n, -7, -164703072086692426n, -6],
    [9007199254740991, 2, 4503599627370495, 1],
  ])("%s // %s = %s, remainder %s", (a, b, q, r) => {
    const norm = (x: PyInt): string => String(x);
    expect(norm(intFloorDiv(a, b) as PyInt)).toBe(norm(q));
    expect(norm(intMod(a, b) as PyInt)).toBe(norm(r));
  });

  it("divides by zero as ZeroDivisionError", () => {
    expect(intFloorDiv(1, 0)).toBe(ZERO_DIV);
    expect(intMod(2n ** 70n, 0)).toBe(ZERO_DIV);
  });

  it("gives 0, never -0", () => {
    expect(Object.is(intFloorDiv(0, -3), 0)).toBe(true);
    expect(Object.is(intMod(-6, 3), 0)).toBe(true);
  });
});

describe("int / int is correctly rounded", () => {
  it.each<[PyInt, PyInt, number]>([
    [1, 3, 1 / 3],
    [2n ** 1100n, 2n ** 1099n, 2],
    [-1, 10n ** 400n, -0],
    [9007199254740993n, 1, 9007199254740992],
    [9007199254740995n, 1, 9007199254740996],
    [1, 2n ** 1074n, 5e-324],
    [3, 2n ** 1075n, 1e-323],
    [10n ** 30n, 3, 3.333333333333333e29],
  ])("%s / %s = %s", (a, b, q) => {
    expect(Object.is(intTrueDiv(a, b), q)).toBe(true);
  });

  it("overflows and divides by zero as Python does", () => {
    expect(intTrueDiv(10n ** 400n, 3)).toBe(OVERFLOW);
    expect(intTrueDiv(2n ** 70n, 0)).toBe(ZERO_DIV);
    expect(ratioToDouble(2n ** 1024n - 2n ** 970n, 1n)).toBe(OVERFLOW); // rounds up to 2^1024
    expect(ratioToDouble(2n ** 1024n - 2n ** 971n, 1n)).toBe(1.7976931348623157e308);
  });
});

describe("roundHalfEven is Python's round()", () => {
  it.each([
    [0.5, 0],
    [1.5, 2],
    [2.5, 2],
    [-0.5, -0],
    [-1.5, -2],
    [-2.5, -2],
    [0.49999999999999994, 0],
    [4503599627370497, 4503599627370497],
    [1e300, 1e300],
  ])("round(%s) = %s", (x, r) => {
    expect(roundHalfEven(x)).toBe(r);
  });
});

describe("strings compare by code point", () => {
  it.each([
    ["a", "b", -1],
    ["😀", "\uffff", 1], // U+1F600 > U+FFFF, though its first UTF-16 unit (0xD83D) is smaller
    ["\uffff", "😀", -1],
    ["a😀", "a\ufb01", 1],
    ["😀", "😀a", -1],
    ["𝔘", "𝔘", 0],
    ["", "", 0],
  ])("%j vs %j", (a, b, sign) => {
    expect(Math.sign(compareStr(a, b))).toBe(sign);
    expect(Math.sign(pyCompare(a, b))).toBe(sign);
    expect(pyLess(a, b, false)).toBe(sign < 0);
  });
});

describe("pyLess is Python's < and <=", () => {
  it.each<[Value, Value, boolean, boolean]>([
    [NaN, 1, false, false],
    [1, NaN, false, false],
    [NaN, NaN, false, false],
    [1, 2n ** 60n, true, true],
    [-0, 0, false, true],
    [[1, 2], [1, 2, 0], true, true],
    [[1, 2], [1, 2], false, true],
    [[2], [1, 9], false, false],
    [["a", 1], ["a", 1], false, true],
  ])("%s < %s is %s, <= is %s", (a, b, lt, le) => {
    expect(pyLess(a, b, false)).toBe(lt);
    expect(pyLess(a, b, true)).toBe(le);
  });
});

describe("hashKey: equal keys exactly for Python-equal values", () => {
  it.each<[string, Value, Value]>([
    ["1 and True", 1, true],
    ["0, -0.0 and False", -0, false],
    ["0 and 0.0", 0, -0],
    ["2^60 as bigint and float", 2n ** 60n, 2 ** 60],
    ["tuples of equal numbers", [1, "a"], [true, "a"]],
    ["sets in any order", PySet.from([1, 2, 3]), PySet.from([3, 1, 2])],
    ["dicts in any order", PyDict.from([[1, "a"], [2, "b"]]), PyDict.from([[2, "b"], [1, "a"]])],
  ])("same key: %s", (_what, a, b) => {
    expect(hashKey(a)).toBe(hashKey(b));
    expect(pyEq(a, b)).toBe(true);
  });

  it.each<[string, Value, Value]>([
    ["a str and its number", "1", 1],
    ["joined strings", ["a,sb"], ["a", "b"]],
    ["length-prefix lookalikes", ["s1:a"], ["a", "a"]],
    ["nested tuples", [[1, 2], 3], [1, [2, 3]]],
    ["None and the str 'N'", null, "N"],
    ["empty str and empty tuple", "", []],
    ["0.1 and its str", 0.1, "0.1"],
    ["sets of different sizes", PySet.from([1]), PySet.from([1, 2])],
  ])("different keys: %s", (_what, a, b) => {
    expect(hashKey(a)).not.toBe(hashKey(b));
    expect(pyEq(a, b)).toBe(false);
  });

  it("keeps the first key of Python-equal keys, as Python's dict and set do", () => {
    expect(PySet.from([0, -0, 1]).items.map((x) => Object.is(x, -0))).toEqual([false, false]);
    expect(PyDict.from([[-0, "a"], [0, "b"]]).keys.map((x) => Object.is(x, -0))).toEqual([true]);
  });
});

describe("fitsSsize", () => {
  it.each<[PyInt, boolean]>([
    [0, true],
    [2n ** 63n - 1n, true],
    [-(2n ** 63n), true],
    [2n ** 63n, false],
    [-(2n ** 63n) - 1n, false],
  ])("%s -> %s", (n, ok) => {
    expect(fitsSsize(n)).toBe(ok);
  });
});
