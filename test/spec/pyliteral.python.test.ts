import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { Type } from "../../src/dsl/types.js";
import { reprFloat, type PyDict, type PySet, type Value } from "../../src/dsl/values.js";
import { parsePyLiteral } from "../../src/spec/pyliteral.js";

/**
 * Differential check: the literal parser and real Python (`ast.literal_eval`) agree on a batch of tricky
 * literals: the same value (ints, floats, strs and containers told apart) or both refuse. Python runs once.
 */

const AGREE: readonly string[] = [
  // ints
  "0", "-0", "00", "0_0", "1_000_000", "0x1F", "0X_ff", "0o17", "0b1010", "-0b1", "+5", "- 5", "-(5)",
  "123456789012345678901234567890", "-98765432109876543210", "9007199254740993", "2**3",
  // floats
  "1.5", ".5", "5.", "1e5", "1E-5", "1_0.5e1_0", "-0.0", "1e308", "1e309", "0.1", "2.5e-324", "00.5", "0e0",
  "1.7976931348623157e308", "0.30000000000000004", "123456789012345678.0", "1e-7",
  // strings
  "'a'", '"a"', "'''a'b'''", '"""x\ny"""', "'\\n\\t\\\\'", "'\\x41\\u00e9\\U0001F600'", "'\\101\\0\\7'",
  "r'\\n'", "R'\\d+'", "u'x'", "U'x'", "'a' 'b'", "'a' \"b\" '''c'''", "'\\q'", "'line\\\ncont'", "'''multi\nline'''",
  "'é'", "'😀'", "'\\ud83d'", "r'\\''", "'\\a\\b\\f\\v\\r'", "'\\\"'", "\"\\'\"", "'''\\\n'''", "'\\x7f\\xff'",
  "''", "\"\"", "''''''", "'\\t\\x00'", "r'''a\\'''", "'#'", "'\\u2028'",
  // containers
  "[]", "[1, 2, 3,]", "()", "(1,)", "(1)", "((1, 2), (3, 4))", "{}", "{1: 'a', 2: 'b',}", "{'a': [1, 2], 'b': []}",
  "{1, 2, 3}", "set()", "[\n 1,\n 2  # comment\n]", "[[], [1]]", "{(1, 2): 'x'}", "[None, 1]", "[True, False]",
  "{'k': {'n': {}}}", "{1: 2, 1: 3}", "{1, 1, 2}", "[(1, 'a'), (2, 'b')]", "(\n1,\n)", "['a' 'b', 'c']",
  "[[1, 2], [3]]", "{'x': (1, 2.5)}", "{-1: -2}", "[-1.5e-3]", "[1.0, 2.0]",
  // refused by both
  "[1, 2", "'abc", "1 2", "'a' + 'b'", "01", "1__0", "1_", "0x", "[1,,2]", "(,)", "{1: 2, 3}", "{**a}", "foo",
  "f(1)", "'\\x4'", "'a\nb'", "[1] [0]", "{[1]: 2}", "-'a'", "", "1.2.3", "0b2", "0o8", "1e", ".e1", "[1, 2]]",
  "'\\U00110000'", "not True", "-True", "(1, 2) + (3,)", "[*a]",
];

/**
 * Where the parser differs from literal_eval on purpose (see pyliteral.ts): refused (complex, bytes, mixed
 * containers, \N escapes) or accepted (repeated signs, which Python expressions allow, and the spellings of
 * inf/nan and of containers built by a constructor call).
 */
const REFUSED_ON_PURPOSE: readonly string[] = ["1j", "[1, 'a']", "b'x'", "'\\N{BULLET}'", "[1, True]"];
const ACCEPTED_ON_PURPOSE: readonly string[] = ["--5", "inf", "nan", "float('inf')", "set([1, 2])", "frozenset({1})", "tuple([1])", "list('ab')"];

const PYTHON = String.raw`
import ast, json, sys, warnings
warnings.simplefilter("ignore")
def enc(v):
    if v is None: return ["none"]
    if isinstance(v, bool): return ["bool", v]
    if isinstance(v, int): return ["int", str(v)]
    if isinstance(v, float): return ["float", repr(v)]
    if isinstance(v, str): return ["str", [ord(c) for c in v]]
    if isinstance(v, list): return ["list", [enc(x) for x in v]]
    if isinstance(v, tuple): return ["tuple", [enc(x) for x in v]]
    if isinstance(v, dict): return ["dict", [[enc(k), enc(x)] for k, x in v.items()]]
    if isinstance(v, (set, frozenset)): return ["set", sorted((enc(x) for x in v), key=json.dumps)]
    return ["other", repr(v)]
out = []
for text in json.load(sys.stdin):
    try: out.append(enc(ast.literal_eval(text)))
    except Exception: out.append(["error"])
print(json.dumps(out))
`;

type Enc = unknown[];

/** The same encoding from a parsed value and its exact type. */
function enc(v: Value, t: Type): Enc {
  if (v === null) return ["none"];
  switch (t.kind) {
    case "int":
      return ["int", String(v)];
    case "float":
      return ["float", reprFloat(v as number)];
    case "bool":
      return ["bool", v];
    case "str":
      return ["str", [...(v as string)].map((c) => c.codePointAt(0))];
    case "optional":
      return enc(v, t.el);
    case "list":
      return ["list", (v as Value[]).map((x) => enc(x, t.el))];
    case "vtuple":
      return ["tuple", (v as Value[]).map((x) => enc(x, t.el))];
    case "tuple":
      return ["tuple", (v as Value[]).map((x, i) => enc(x, t.els[i]!))];
    case "dict": {
      const d = v as PyDict;
      return ["dict", d.keys.map((k, i) => [enc(k, t.key), enc(d.vals[i]!, t.val)])];
    }
    case "set":
      return ["set", (v as PySet).items.map((x) => enc(x, t.el)).sort((a, b) => cmp(JSON.stringify(a), JSON.stringify(b)))];
    default:
      return ["other"];
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ours(text: string): Enc {
  const r = parsePyLiteral(text);
  return r.ok ? enc(r.value.value, r.value.exactType) : ["error"];
}

function python(texts: readonly string[]): Enc[] {
  return JSON.parse(execFileSync("python3", ["-c", PYTHON], { input: JSON.stringify(texts), encoding: "utf8" })) as Enc[];
}

describe("the literal parser agrees with python3's ast.literal_eval", () => {
  const all = [...AGREE, ...REFUSED_ON_PURPOSE, ...ACCEPTED_ON_PURPOSE];
  const expected = python(all);
  const at = (text: string): Enc => expected[all.indexOf(text)]!;

  it.each(AGREE)("%j", (text) => {
    expect(ours(text)).toEqual(at(text));
  });

  it.each(REFUSED_ON_PURPOSE)("refuses %j on purpose (Python accepts it)", (text) => {
    expect(at(text)).not.toEqual(["error"]);
    expect(ours(text)).toEqual(["error"]);
  });

  it.each(ACCEPTED_ON_PURPOSE)("accepts %j on purpose (literal_eval refuses it)", (text) => {
    expect(at(text)).toEqual(["error"]);
    expect(ours(text)).not.toEqual(["error"]);
  });
});
