import { describe, expect, it } from "vitest";
import { FLOAT, INT, STR, list, optional, tuple, typeKey, vtuple } from "../../src/dsl/types.js";
import { readAnnotation } from "../../src/spec/annotations.js";
import { MISMATCH, coerceValue } from "../../src/spec/infer.js";
import { SPEC_EXTENSIONS, formatSpecError, parseSpecText } from "../../src/spec/index.js";
import { parsePyLiteral } from "../../src/spec/pyliteral.js";

describe("parseSpecText dispatches by extension", () => {
  const PY = 'def f(x):\n    """\n    >>> f(1)\n    2\n    """\n';
  const YAML = "name: f\nexamples: [{args: [1], output: 2}]\n";
  const JSONL = JSON.stringify({ task_id: 3, text: "t", code: "", test_list: ["assert f(1) == 2"] });

  it.each([
    ["a.py", PY, "python"],
    ["dir.v2/A.PY", PY, "python"],
    ["a.yaml", YAML, "yaml"],
    ["a.yml", YAML, "yaml"],
    ["a.json", '{"name": "f", "examples": [{"args": [1], "output": 2}]}', "json"],
    ["a.jsonl", JSONL, "mbpp"],
    ["bom.py", "\uFEFF" + PY, "python"],
  ])("%s", (file, text, format) => {
    const r = parseSpecText(text, file);
    expect(r.errors).toEqual([]);
    expect(r.problems.map((p) => [p.name, p.format])).toEqual([["f", format]]);
  });

  it.each([
    ["a.sl", "a.sl:1: expected a command (...), found x"],
    ["a.txt", "a.txt:1: unsupported spec file extension .txt: use .py, .yaml, .yml, .json, .jsonl, .sl"],
    ["Makefile", "Makefile:1: unsupported spec file (no extension): use .py, .yaml, .yml, .json, .jsonl, .sl"],
  ])("%s is a SpecError naming the file", (file, message) => {
    expect(parseSpecText("x", file).errors.map(formatSpecError)).toEqual([message]);
  });

  it("passes MBPP options through", () => {
    const text = JSON.stringify({ task_id: 3, test_list: ["assert f(1) == 2", "assert f(2) == 3"] });
    expect(parseSpecText(text, "m.jsonl", { mbpp: { holdout: 1 } }).problems[0]?.tests).toHaveLength(1);
  });

  it("lists its extensions", () => {
    expect(SPEC_EXTENSIONS).toEqual([".py", ".yaml", ".yml", ".json", ".jsonl", ".sl"]);
  });
});

describe("readAnnotation", () => {
  it.each([
    ["int", "int"],
    ["List[int]", "list[int]"],
    ["list[tuple[int, str]]", "list[tuple[int, str]]"],
    ["Tuple[int, ...]", "tuple[int, ...]"],
    ["tuple", "tuple[?, ...]"],
    ["Optional[str]", "Optional[str]"],
    ["int | None", "Optional[int]"],
    ["list[int | None]", "list[Optional[int]]"],
    ["dict[str, list[int] | None]", "dict[str, Optional[list[int]]]"],
    ["'List[int]'", "list[int]"],
    ["typing.Dict[str, int]", "dict[str, int]"],
    ["Union[int, float]", "float"],
  ])("%s", (text, type) => {
    const a = readAnnotation(text);
    expect(a.kind === "type" ? typeKey(a.type) : a.kind).toBe(type);
  });

  it.each([
    [undefined, "infer"],
    ["Any", "infer"],
    ["object", "infer"],
    ["Callable[[int], int]", "unsupported"],
    ["int | str", "unsupported"],
  ])("%s reads as %s", (text, kind) => {
    expect(readAnnotation(text).kind).toBe(kind);
  });
});

describe("coerceValue: what Python accepts for a declared type", () => {
  const lit = (text: string) => {
    const r = parsePyLiteral(text);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };

  it.each([
    ["2", FLOAT, 2],
    ["True", INT, 1],
    ["None", optional(INT), null],
    ["(1, 2)", tuple([INT, FLOAT]), [1, 2]],
    ["[(1, 2), (3, 4)]", list(tuple([INT, INT])), [[1, 2], [3, 4]]],
    ["(1, 2, 3)", vtuple(FLOAT), [1, 2, 3]],
    ["[]", list(STR), []],
  ] as const)("%s as %o", (text, type, value) => {
    const l = lit(text);
    expect(coerceValue(l.value, l.exactType, type)).toEqual(value);
  });

  it.each([
    ["2.0", INT],
    ["'a'", INT],
    ["None", INT],
    ["(1, 2, 3)", tuple([INT, INT])],
    ["[1]", vtuple(INT)],
    ["[1.5]", list(INT)],
    ["{1: 'a'}", list(INT)],
  ] as const)("refuses %s as %o", (text, type) => {
    const l = lit(text);
    expect(coerceValue(l.value, l.exactType, type)).toBe(MISMATCH);
  });
});
