// The TypeScript emitter: types, expressions (precedence, lambdas, constants, names) and module layout, as tables.
import { describe, expect, it } from "vitest";
import { c, call, lam, v, type Expr } from "../../src/dsl/expr.js";
import { BOOL, FLOAT, INT, NONE, STR, dict, list, optional, set, tuple, vtuple, type Type } from "../../src/dsl/types.js";
import { PyDict, PySet } from "../../src/dsl/values.js";
import { TS_DIFFERENCES, resolveHelpers } from "../../src/emit/ts-runtime.js";
import { emitTypeScriptModule, exprToTypeScript, tsHelpersOf, tsType } from "../../src/emit/typescript.js";
import type { Param, Problem } from "../../src/spec/problem.js";

const a = v("a", INT);
const b = v("b", INT);
const p = v("p", BOOL);
const q = v("q", BOOL);
const s = v("s", STR);
const t = v("t", STR);
const xs = v("xs", list(INT));
const PAIR = tuple([INT, STR]);

function problem(name: string, params: readonly Param[], returns: Type, description = ""): Problem {
  return { name, file: "specs/demo.py", line: 3, format: "python", description, params, returns, examples: [], tests: [], helpers: [], preamble: [] };
}

describe("tsType", () => {
  const cases: readonly (readonly [Type, string])[] = [
    [INT, "number"],
    [FLOAT, "number"],
    [BOOL, "boolean"],
    [STR, "string"],
    [NONE, "null"],
    [list(INT), "readonly number[]"],
    [vtuple(STR), "readonly string[]"],
    [list(list(INT)), "readonly (readonly number[])[]"],
    [list(optional(INT)), "readonly (number | null)[]"],
    [tuple([INT, STR]), "readonly [number, string]"],
    [tuple([]), "readonly []"],
    [list(PAIR), "readonly (readonly [number, string])[]"],
    [dict(STR, list(INT)), "Map<string, readonly number[]>"],
    [set(STR), "Set<string>"],
    [optional(list(STR)), "readonly string[] | null"],
  ];
  it.each(cases)("%j", (type, text) => expect(tsType(type)).toBe(text));
});

describe("exprToTypeScript", () => {
  const cases: readonly (readonly [string, Expr, string])[] = [
    ["binary operators bind as written", call("int.add", INT, a, call("int.mul", INT, b, a)), "a + b * a"],
    ["a looser operand is parenthesized", call("int.mul", INT, call("int.add", INT, a, b), a), "(a + b) * a"],
    ["right operands of - keep their grouping", call("int.sub", INT, a, call("int.sub", INT, b, c(-3, INT))), "a - (b - -3)"],
    ["left-associative chains need no parentheses", call("int.sub", INT, call("int.sub", INT, a, b), a), "a - b - a"],
    ["prefix operators take atoms", call("int.neg", INT, call("int.neg", INT, a)), "-(-a)"],
    ["a negative constant negated", call("int.neg", INT, c(-3, INT)), "-(-3)"],
    ["boolean operators", call("bool.and", BOOL, call("bool.or", BOOL, p, q), call("bool.not", BOOL, call("bool.and", BOOL, p, q))), "(p || q) && !(p && q)"],
    ["conditional expressions", call("if", INT, call("cmp.gt", BOOL, a, c(0, INT)), a, call("int.neg", INT, a)), "(a > 0 ? a : -a)"],
    ["numbers compare natively", call("bool.and", BOOL, call("cmp.eq", BOOL, call("int.mod", INT, a, c(2, INT)), c(0, INT)), call("cmp.le", BOOL, b, call("int.add", INT, a, b))), "$mod(a, 2) === 0 && b <= a + b"],
    ["a negated comparison", call("bool.not", BOOL, call("cmp.ne", BOOL, s, t)), "!(s !== t)"],
    ["bools are equal natively", call("cmp.eq", BOOL, call("bool.or", BOOL, p, q), p), "(p || q) === p"],
    ["strings order by code point", call("cmp.ge", BOOL, s, t), "$ge(s, t)"],
    ["containers compare structurally", call("cmp.eq", BOOL, xs, c([1], list(INT))), "$eq(xs, [1])"],
    ["a method on a call", call("str.upper", STR, call("seq.concat", STR, s, t)), "$concat(s, t).toUpperCase()"],
    ["a method on a conditional", call("str.lower", STR, call("if", STR, p, s, t)), "(p ? s : t).toLowerCase()"],
    ["join puts the list first", call("str.join", STR, c(" ", STR), call("str.split", list(STR), s)), '$split(s).join(" ")'],
    ["in becomes includes", call("str.contains", BOOL, c("a", STR), s), 's.includes("a")'],
    ["or is lazy", call("val.or", STR, s, c("none", STR)), '$or(s, () => "none")'],
    ["int to float is implicit", call("float.mul", FLOAT, call("num.widen", FLOAT, call("int.add", INT, a, b)), v("x", FLOAT)), "(a + b) * x"],
    ["a lambda", call("comp.map", list(INT), xs, lam(["x"], call("int.mul", INT, v("x", INT), c(2, INT)))), "$map(xs, (x) => x * 2)"],
    ["an unused loop variable is dropped", call("comp.map", list(INT), xs, lam(["x"], c(1, INT))), "$map(xs, () => 1)"],
    ["tuples destructure", call("comp.map", list(INT), call("seq.enumerate", list(PAIR), xs), lam(["i", "x"], call("int.mul", INT, v("i", INT), v("x", INT)))), "$map($enumerate(xs), ([i, x]) => i * x)"],
    ["unused tuple elements are elided", call("comp.map", list(INT), call("seq.enumerate", list(PAIR), xs), lam(["i", "x"], v("x", INT))), "$map($enumerate(xs), ([, x]) => x)"],
    ["trailing unused elements are dropped", call("comp.filter", list(PAIR), v("ps", list(PAIR)), lam(["i", "n"], call("cmp.gt", BOOL, v("i", INT), c(0, INT)))), "$filter(ps, ([i]) => i > 0)"],
    ["the element as an expression", call("comp.dict", dict(PAIR, INT), v("ps", list(PAIR)), lam(["i", "n"], c(0, INT))), "new Map($map(ps, ([i, n]) => [[i, n], 0]))"],
    ["a lambda binder keeps one name", call("comp.sortkey", list(PAIR), v("ps", list(PAIR)), lam(["p"], call("tuple.snd", STR, v("p", PAIR)))), "$sortBy(ps, (p) => p[1])"],
    ["tuples are built with $tuple", call("tuple.make2", PAIR, a, s), "$tuple(a, s)"],
    ["reserved words are renamed", call("int.add", INT, v("new", INT), v("Map", INT)), "new_ + Map_"],
  ];
  it.each(cases)("%s", (_label, e, text) => expect(exprToTypeScript(e)).toBe(text));

  const constants: readonly (readonly [string, Expr, string])[] = [
    ["a float", c(1e21, FLOAT), "1e+21"],
    ["negative zero", c(-0, FLOAT), "-0"],
    ["nan and infinity", call("float.add", FLOAT, c(NaN, FLOAT), c(-Infinity, FLOAT)), "NaN + -Infinity"],
    ["a big int", c(2n ** 60n, INT), "1152921504606846976"],
    ["a bool as int", c(true, INT), "1"],
    ["a string with quotes", c('say "hi"\n', STR), '"say \\"hi\\"\\n"'],
    ["a list", c([1, 2], list(INT)), "[1, 2]"],
    ["a tuple", c([1, "a"], PAIR), '$tuple(1, "a")'],
    ["a list of tuples", c([[1, "a"]], list(PAIR)), '[$tuple(1, "a")]'],
    ["a set", c(PySet.from([1, 2]), set(INT)), "new Set<number>([1, 2])"],
    ["an empty set", c(new PySet(), set(STR)), "new Set<string>()"],
    ["a dict", c(PyDict.from([["a", 1]]), dict(STR, INT)), 'new Map<string, number>([["a", 1]])'],
    ["None", c(null, optional(INT)), "null"],
  ];
  it.each(constants)("%s", (_label, e, text) => expect(exprToTypeScript(e)).toBe(text));

  it("names a primitive it does not know so that compiling fails loudly", () => {
    expect(exprToTypeScript(call("no.such-op", INT))).toBe("__unknown_no_such_op__");
  });
});

describe("tsHelpersOf", () => {
  it("lists the helpers the templates call, and $tuple for tuple constants", () => {
    expect(tsHelpersOf(call("str.join", STR, c(" ", STR), call("seq.reverse", list(STR), call("str.split", list(STR), s))))).toEqual(["$reverse", "$split"]);
    expect(tsHelpersOf(call("seq.contains", BOOL, c([1, "a"], PAIR), v("ps", list(PAIR))))).toEqual(["$in", "$tuple"]);
    expect(tsHelpersOf(call("int.add", INT, a, b))).toEqual([]);
    expect(tsHelpersOf(call("cmp.lt", BOOL, a, b))).toEqual([]);
    expect(tsHelpersOf(call("cmp.lt", BOOL, s, t))).toEqual(["$lt"]);
  });
});

describe("emitTypeScriptModule", () => {
  const reverseWords = call("str.join", STR, c(" ", STR), call("seq.reverse", list(STR), call("str.split", list(STR), s)));
  const text = emitTypeScriptModule(problem("reverse_words", [{ name: "s", type: STR }], STR, "Reverse the words.\nKeep */ this."), reverseWords);
  /** Declared helper names in order (overload signatures repeat a function's name). */
  const declared = (src: string): string[] => [...new Set([...src.matchAll(/^(?:function|const|type) (\$\w+)/gm)].map((m) => m[1] ?? ""))];

  it("starts with a header naming the spec and every known difference from Python", () => {
    expect(text.startsWith("// Synthesized by Aurora-X from specs/demo.py.")).toBe(true);
    for (const d of TS_DIFFERENCES) expect(text.includes(`// - ${d.text}`)).toBe(d.helpers === undefined);
  });

  it("adds the differences of the helpers it uses", () => {
    const pow = emitTypeScriptModule(problem("cube", [{ name: "x", type: FLOAT }], FLOAT), call("float.pow", FLOAT, v("x", FLOAT), c(3, FLOAT)));
    for (const d of TS_DIFFERENCES) expect(pow).toContain(`// - ${d.text}`);
  });

  it("documents the function with the description and Python types, escaping comment ends", () => {
    expect(text).toContain("/**\n * Reverse the words.\n * Keep *\\/ this.\n *\n * @param s - Python type: str\n * @returns Python type: str\n */\nexport function reverse_words(s: string): string {");
  });

  it("includes exactly the helpers the program needs, each once", () => {
    expect(declared(text)).toEqual(resolveHelpers(["$reverse", "$split"]).map((h) => h.name));
    expect(text.match(/^function \$reverse\(xs: string \| readonly unknown\[\]\)/gm)).toHaveLength(1);
  });

  it("has no helper section when the program needs none", () => {
    const plain = emitTypeScriptModule(problem("add", [{ name: "a", type: INT }, { name: "b", type: INT }], INT), call("int.add", INT, a, b));
    expect(plain).not.toContain("Runtime helpers");
    expect(plain).toContain("export function add(a: number, b: number): number {\n  return a + b;\n}\n");
  });

  it("writes defaults, renaming reserved parameter names", () => {
    const params: Param[] = [
      { name: "new", type: INT, default: 2 },
      { name: "xs", type: list(INT), default: [1] },
      { name: "s", type: optional(STR), default: null },
    ];
    const out = emitTypeScriptModule(problem("f", params, INT), call("int.add", INT, v("new", INT), c(1, INT)));
    expect(out).toContain("export function f(new_ = 2, xs: readonly number[] = [1], s: string | null = null): number {\n  return new_ + 1;\n}");
  });
});
