import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BOOL, FLOAT, INT, STR, dict, list, optional, set, tuple, typeKey, vtuple, type Type } from "../../src/dsl/types.js";
import { PyDict, PySet, normInt, pyEq, type Value } from "../../src/dsl/values.js";
import { pyRepr } from "../../src/dsl/repr.js";
import { parsePyCall, parsePyLiteral, type PyLiteral } from "../../src/spec/pyliteral.js";

function ok(text: string): PyLiteral {
  const r = parsePyLiteral(text);
  if (!r.ok) throw new Error(`${text}: ${r.message} (column ${r.column})`);
  return r.value;
}

// text -> [repr of the parsed value, its type]
const VALUES: readonly (readonly [string, string, string])[] = [
  ["0", "0", "int"],
  ["-0", "0", "int"],
  ["00", "0", "int"],
  ["1_000_000", "1000000", "int"],
  ["0x1F", "31", "int"],
  ["0o17", "15", "int"],
  ["0b1010", "10", "int"],
  ["-0b1", "-1", "int"],
  ["123456789012345678901234567890", "123456789012345678901234567890", "int"],
  ["-9007199254740993", "-9007199254740993", "int"],
  ["+5", "5", "int"],
  ["--5", "5", "int"],
  ["- 5", "-5", "int"],
  ["1.5", "1.5", "float"],
  [".5", "0.5", "float"],
  ["5.", "5.0", "float"],
  ["1e5", "100000.0", "float"],
  ["1E-5", "1e-05", "float"],
  ["-0.0", "-0.0", "float"],
  ["1e309", "inf", "float"],
  ["float('inf')", "inf", "float"],
  ["float('-Infinity')", "-inf", "float"],
  ["-inf", "-inf", "float"],
  ["float(3)", "3.0", "float"],
  ["'a'", "'a'", "str"],
  ['"it\'s"', `"it's"`, "str"],
  ["'''a'b'''", `"a'b"`, "str"],
  ['"""x\ny"""', "'x\\ny'", "str"],
  ["'\\n\\t\\\\'", "'\\n\\t\\\\'", "str"],
  ["'\\x41\\u00e9\\U0001F600'", "'Aé😀'", "str"],
  ["'\\101\\0'", "'A\\x00'", "str"],
  ["r'\\n'", "'\\\\n'", "str"],
  ["R'\\d+'", "'\\\\d+'", "str"],
  ["u'x'", "'x'", "str"],
  ["'a' 'b'", "'ab'", "str"],
  ["'a' \"b\" '''c'''", "'abc'", "str"],
  ["'\\q'", "'\\\\q'", "str"],
  ["'line\\\ncont'", "'linecont'", "str"],
  ["r'\\''", `"\\\\'"`, "str"],
  ["True", "True", "bool"],
  ["False", "False", "bool"],
  ["None", "None", "None"],
  ["[]", "[]", "list[?]"],
  ["[1, 2, 3,]", "[1, 2, 3]", "list[int]"],
  ["[1, 2.5]", "[1.0, 2.5]", "list[float]"],
  ["[None, 1]", "[None, 1]", "list[Optional[int]]"],
  ["[[], [1]]", "[[], [1]]", "list[list[int]]"],
  ["()", "()", "tuple[?, ...]"],
  ["(1,)", "(1,)", "tuple[int, ...]"],
  ["(1)", "1", "int"],
  ["(3, 4, 5)", "(3, 4, 5)", "tuple[int, ...]"],
  ["(1, 'a')", "(1, 'a')", "tuple[int, str]"],
  ["((1, 2), (3, 4, 5))", "((1, 2), (3, 4, 5))", "tuple[tuple[int, ...], ...]"],
  ["[(1, 'a'), (2, 'b')]", "[(1, 'a'), (2, 'b')]", "list[tuple[int, str]]"],
  ["{}", "{}", "dict[?, ?]"],
  ["{1: 'a', 2: 'b',}", "{1: 'a', 2: 'b'}", "dict[int, str]"],
  ["{'a': [1, 2], 'b': []}", "{'a': [1, 2], 'b': []}", "dict[str, list[int]]"],
  ["{1: 2, 1: 3}", "{1: 3}", "dict[int, int]"],
  ["{(1, 2): 'x'}", "{(1, 2): 'x'}", "dict[tuple[int, ...], str]"],
  ["{3, 1, 2, 1}", "{1, 2, 3}", "set[int]"],
  ["set()", "set()", "set[?]"],
  ["set([1, 2])", "{1, 2}", "set[int]"],
  ["frozenset('ab')", "{'a', 'b'}", "set[str]"],
  ["tuple([1, 2])", "(1, 2)", "tuple[int, ...]"],
  ["list('ab')", "['a', 'b']", "list[str]"],
  ["[\n  1,\n  2,  # two\n]", "[1, 2]", "list[int]"],
  ["  [1]  ", "[1]", "list[int]"],
  ["{'k': {'n': {}}}", "{'k': {'n': {}}}", "dict[str, dict[str, dict[?, ?]]]"],
];

describe("parsePyLiteral: values and types", () => {
  it.each(VALUES)("%s", (text, repr, type) => {
    const v = ok(text);
    expect(typeKey(v.type)).toBe(type);
    expect(pyRepr(v.value, v.type)).toBe(repr);
  });

  it("keeps ints beyond the safe range as bigint and inside it as number", () => {
    expect(ok("9007199254740991").value).toBe(9007199254740991);
    expect(ok("9007199254740992").value).toBe(9007199254740992n);
    expect(ok("-12345678901234567890").value).toBe(-12345678901234567890n);
  });

  it("keeps the written tuple shape in exactType", () => {
    expect(typeKey(ok("(1, 2)").exactType)).toBe("tuple[int, int]");
    expect(typeKey(ok("(1, 2)").type)).toBe("tuple[int, ...]");
  });
});

// text -> [message fragment, column]
const ERRORS: readonly (readonly [string, string, number])[] = [
  ["[1, 2", "expected ',' or ']'", 6],
  ["'abc", "unterminated string literal", 1],
  ["'''abc", "unterminated triple-quoted string", 1],
  ["'a\nb'", "unterminated string literal", 1],
  ["1 2", "unexpected text after the value", 3],
  ["01", "leading zeros", 1],
  ["1__0", "invalid number literal", 1],
  ["1_", "invalid number literal", 1],
  ["1j", "complex numbers", 1],
  ["(-2+2.5j)", "complex numbers", 3],
  ["[1,,2]", "unexpected ','", 4],
  ["{1: 2, 3}", "':' between a dict key", 9],
  ["{**a}", "** unpacking", 2],
  ["foo", "'foo' is a name", 1],
  ["[1, f(2)]", "f(...) is a call", 5],
  ["b'x'", "bytes literals", 1],
  ["f'x'", "f-strings", 1],
  ["'\\x4'", "truncated \\x escape", 2],
  ["'\\N{BULLET}'", "\\N{...} escapes are not supported", 2],
  ["[1, 'a']", "list mixes int and str", 1],
  ["{[1]: 2}", "dict keys must be hashable", 1],
  ["{[1], [2]}", "set elements must be hashable", 1],
  ["-'a'", "applies only to numbers", 1],
  ["-True", "applies only to numbers", 1],
  ["", "expected a value", 1],
  ["dict(a=1)", "dict(...) with arguments", 1],
  ["float('abc')", "float(...) needs a number", 1],
  ["[".repeat(101) + "]".repeat(101), "nested deeper than 100 levels", 101],
];

describe("parsePyLiteral: errors carry the column", () => {
  it.each(ERRORS)("%j", (text, message, column) => {
    const r = parsePyLiteral(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(message);
    expect(r.column).toBe(column);
  });

  it("reports line and column inside multi-line text", () => {
    const r = parsePyLiteral("[1,\n 2,\n x]");
    expect(r.ok ? undefined : [r.line, r.column]).toEqual([3, 2]);
  });
});

describe("parsePyCall", () => {
  it("reads positional and keyword arguments, negative numbers and nested literals", () => {
    const r = parsePyCall("f(1, -2.5, 'a', [(1, 2)], k=None)");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe("f");
    expect(r.value.args.map((a) => pyRepr(a.value, a.type))).toEqual(["1", "-2.5", "'a'", "[(1, 2)]"]);
    expect(r.value.kwargs.map((k) => [k.name, pyRepr(k.value.value, k.value.type)])).toEqual([["k", "None"]]);
  });

  it.each([
    ["f()", 0],
    ["f(\n  [1,\n   2],\n)", 1],
    ["math.isclose(1, 2)", 2],
  ])("%j has %i positional arguments", (text, n) => {
    const r = parsePyCall(text);
    expect(r.ok && r.value.args.length).toBe(n);
  });

  it.each([
    ["f(g(1))", "g(...) is a call"],
    ["f(x)", "'x' is a name"],
    ["f(a=1, 2)", "positional argument after a keyword"],
    ["f(1", "expected ',' or ')'"],
    ["f", "expected '(' after f"],
    ["f(1) + 1", "unexpected text after the value"],
    ["1 + f(1)", "expected a call"],
  ])("%j fails: %s", (text, message) => {
    const r = parsePyCall(text);
    expect(r.ok ? "" : r.message).toContain(message);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property: every value printed with pyRepr parses back to an equal value with the same text.

const leafTypes: Type[] = [INT, FLOAT, BOOL, STR];
const typeArb: fc.Arbitrary<Type> = fc.letrec<{ t: Type }>((tie) => ({
  t: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...leafTypes),
    tie("t").map(list),
    tie("t").map(optional),
    tie("t").map(vtuple),
    fc.array(tie("t"), { minLength: 2, maxLength: 3 }).map(tuple),
    fc.constantFrom(INT, STR, BOOL).chain((k) => tie("t").map((v) => dict(k, v))),
    fc.constantFrom(INT, STR).map(set),
  ),
})).t;

function valueOf(t: Type): fc.Arbitrary<Value> {
  switch (t.kind) {
    case "int":
      return fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(normInt));
    case "float":
      return fc.double({ noNaN: true });
    case "bool":
      return fc.boolean();
    case "str":
      return fc.string({ unit: "binary", maxLength: 8 });
    case "list":
    case "vtuple":
      return fc.array(valueOf(t.el), { maxLength: 4 });
    case "optional":
      return fc.option(valueOf(t.el), { nil: null });
    case "tuple":
      return fc.tuple(...t.els.map(valueOf));
    case "set":
      return fc.array(valueOf(t.el), { maxLength: 4 }).map((xs) => PySet.from(xs));
    case "dict":
      return fc.array(fc.tuple(valueOf(t.key), valueOf(t.val)), { maxLength: 4 }).map((kv) => PyDict.from(kv));
    default:
      return fc.constant(null);
  }
}

describe("property: pyRepr output parses back", () => {
  it("round-trips random typed values", () => {
    const typed = typeArb.chain((t) => valueOf(t).map((v) => ({ t, v })));
    fc.assert(
      fc.property(typed, ({ t, v }) => {
        const text = pyRepr(v, t);
        const r = parsePyLiteral(text);
        if (!r.ok) throw new Error(`${text}: ${r.message}`);
        expect(pyEq(r.value.value, v)).toBe(true);
        expect(pyRepr(r.value.value, r.value.type)).toBe(text);
      }),
      { numRuns: 500, seed: 20261124 },
    );
  });
});
