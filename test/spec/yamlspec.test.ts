import { describe, expect, it } from "vitest";
import { formatSpecError } from "../../src/spec/problem.js";
import { parseYamlSpecs } from "../../src/spec/yamlspec.js";
import { fixture, one, show, signature } from "./helpers.js";

describe("a YAML file with several specs, one of them bad", () => {
  const parsed = parseYamlSpecs(fixture("specs.yaml"), "specs.yaml");

  it("reports the bad example by file and line and keeps the others", () => {
    expect(parsed.errors.map(formatSpecError)).toEqual([
      "specs.yaml:24: double: example 2: argument n is str ('three'), but its declared type is int: fix the example or the type",
    ]);
    expect(parsed.problems.map(signature)).toEqual(["add(a: int, b: int) -> int", "pairs(arg0: list[str]) -> list[tuple[int, str]]"]);
  });

  it("reads args, input and call forms, and held-out tests", () => {
    const p = one(parsed, "add");
    expect(p.examples.map((e) => show(p, e))).toEqual(["add(1, 2) -> 3", "add(5, 1) -> 6", "add(-1, 1) -> 0"]);
    expect(p.examples.map((e) => e.line)).toEqual([10, 12, 14]);
    expect(p.tests.map((e) => show(p, e))).toEqual(["add(10, 20) -> 30"]);
    expect([p.line, p.format, p.description]).toEqual([3, "yaml", "Add two numbers."]);
  });

  it("reads !py values and takes empty lists' element type from other examples", () => {
    const p = one(parsed, "pairs");
    expect(p.examples.map((e) => show(p, e))).toEqual(["pairs(['a', 'b']) -> [(0, 'a'), (1, 'b')]", "pairs([]) -> []"]);
  });
});

describe("a JSON spec", () => {
  const parsed = parseYamlSpecs(fixture("spec.json"), "spec.json", "json");

  it("tells floats from ints by their source text", () => {
    expect(parsed.errors).toEqual([]);
    const p = one(parsed, "scale");
    expect(signature(p)).toBe("scale(xs: list[float], k: int) -> list[float]");
    expect(p.examples.map((e) => show(p, e))).toEqual(["scale([1.0, 2.5], 2) -> [2.0, 5.0]", "scale([], 3) -> []"]);
    expect(p.tests.map((e) => show(p, e))).toEqual(["scale([1.5], 2) -> [3.0]"]);
    expect(p.format).toBe("json");
  });

  it("reports invalid JSON with its line", () => {
    const r = parseYamlSpecs('{\n  "name": "f",\n  "examples": [1,]\n}', "bad.json", "json");
    expect(r.problems).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.line).toBe(3);
    expect(r.errors[0]?.message).toMatch(/^invalid JSON: .*; fix the syntax/);
  });
});

describe("YAML shapes and errors", () => {
  const VALID: readonly (readonly [string, string, string, readonly string[]])[] = [
    ["a single spec", "name: f\nexamples:\n  - {args: [1], output: 2}\n", "f(arg0: int) -> int", ["f(1) -> 2"]],
    ["a top-level list", "- name: f\n  examples: [{args: [1.5], output: true}]\n", "f(arg0: float) -> bool", ["f(1.5) -> True"]],
    ["params as names", "name: f\nparams: [s]\nexamples: [{args: [abc], output: null}]\n", "f(s: str) -> None", ["f('abc') -> None"]],
    ["input names become params", "name: f\nexamples: [{input: {x: 1, y: 2}, output: 3}]\n", "f(x: int, y: int) -> int", ["f(1, 2) -> 3"]],
    ["mappings become dicts", "name: f\nexamples: [{args: [{a: 1}], output: {1: [a]}}]\n", "f(arg0: dict[str, int]) -> dict[int, list[str]]", ["f({'a': 1}) -> {1: ['a']}"]],
    ["a call with a tuple", "name: f\nreturns: 'tuple[int, int]'\nexamples: [{call: \"f((1, 2))\", output: \"(2, 1)\"}]\n", "f(arg0: tuple[int, ...]) -> tuple[int, int]", ["f((1, 2)) -> (2, 1)"]],
    ["big ints", "name: f\nexamples: [{args: [123456789012345678901234567890], output: 1}]\n", "f(arg0: int) -> int", ["f(123456789012345678901234567890) -> 1"]],
    ["several documents", "name: f\nexamples: [{args: [1], output: 1}]\n---\nname: g\nexamples: [{args: [1], output: 1}]\n", "f(arg0: int) -> int", ["f(1) -> 1"]],
  ];

  it.each(VALID)("%s", (_what, text, sig, examples) => {
    const parsed = parseYamlSpecs(text, "t.yaml");
    expect(parsed.errors.map(formatSpecError)).toEqual([]);
    const p = parsed.problems[0]!;
    expect(signature(p)).toBe(sig);
    expect(p.examples.map((e) => show(p, e))).toEqual(examples);
  });

  const ERRORS: readonly (readonly [string, string, string])[] = [
    ["no name", "examples: [{args: [1], output: 1}]\n", "t.yaml:1: add name: the function's name (a Python identifier)"],
    ["no examples", "name: f\n", "t.yaml:1: f: add examples: a list of {args: [...], output: ...}"],
    ["no output", "name: f\nexamples:\n  - args: [1]\n", "t.yaml:3: f: example 1: add output: the expected value"],
    ["two argument forms", "name: f\nexamples:\n  - {args: [1], input: {x: 1}, output: 1}\n", 't.yaml:3: f: example 1: give exactly one of args: [...], input: {name: value} or call: "f(...)"'],
    ["a call to another name", "name: f\nexamples:\n  - {call: \"g(1)\", output: \"1\"}\n", "t.yaml:3: f: example 1: the call is to g, but the spec is named f"],
    ["a bad Python literal", "name: f\nexamples:\n  - {call: \"f(1)\", output: \"[1,\"}\n", 't.yaml:3: f: example 1: cannot read the Python value "[1," (column 4): expected a value'],
    ["an unsupported type", "name: f\nparams: {x: Callable}\nexamples: [{args: [1], output: 1}]\n", 't.yaml:2: f: param x: unsupported type "Callable": use int, float, bool, str, None, list[T], tuple[T, ...], dict[K, V], set[T] or Optional[T]'],
    ["wrong arity", "name: f\nparams: [a]\nexamples:\n  - {args: [1], output: 1}\n  - {args: [1, 2], output: 1}\n", "t.yaml:5: f: example 2 has 2 arguments, the signature has 1"],
    ["a mixed list", "name: f\nexamples:\n  - {args: [[1, a]], output: 1}\n", "t.yaml:3: f: example 1: list mixes int and str: Aurora-X needs one element type per container"],
    ["invalid YAML", "name: f\nexamples: [1, 2\nx: 3\n", "t.yaml:3: invalid YAML"],
    ["a scalar document", "just text\n", "t.yaml:1: a spec must be a mapping with name, params, returns and examples"],
    ["an empty file", "", "t.yaml:1: no spec found: write a mapping with name and examples"],
  ];

  it.each(ERRORS)("%s", (_what, text, message) => {
    const parsed = parseYamlSpecs(text, "t.yaml");
    expect(parsed.problems).toEqual([]);
    expect(parsed.errors.map(formatSpecError).join("\n")).toContain(message);
  });
});
