import { describe, expect, it } from "vitest";
import { typeKey } from "../../src/dsl/types.js";
import { formatSpecError } from "../../src/spec/problem.js";
import { parsePythonStubs } from "../../src/spec/pystub.js";
import { fixture, one, paramList, show, signature } from "./helpers.js";

describe("HumanEval-style file: stubs, a helper, preamble", () => {
  const text = fixture("humaneval_style.py");
  const parsed = parsePythonStubs(text, "humaneval_style.py");

  it("finds the two stubs and no errors", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.problems.map(signature)).toEqual([
      "has_close_elements(numbers: list[float], threshold: float) -> bool",
      "make_palindrome(string: str) -> str",
    ]);
  });

  it("keeps the helper's full source and the import lines; drops the module docstring and __main__ block", () => {
    const p = one(parsed, "make_palindrome");
    expect(p.helpers.map((h) => [h.name, paramList(h.params), typeKey(h.returns)])).toEqual([["is_palindrome", "(string: str)", "bool"]]);
    expect(p.helpers[0]?.source).toBe(
      'def is_palindrome(string: str) -> bool:\n    """ Test if given string is a palindrome """\n    return string == string[::-1]',
    );
    expect(p.preamble).toEqual(["from typing import List, Tuple, Optional", "import math"]);
  });

  it("reads doctest examples with their >>> lines and the prose as description", () => {
    const p = one(parsed, "make_palindrome");
    expect(p.examples.map((e) => show(p, e))).toEqual([
      "make_palindrome('') -> ''",
      "make_palindrome('cat') -> 'catac'",
      "make_palindrome('cata') -> 'catac'",
    ]);
    expect(p.examples.map((e) => e.line)).toEqual([26, 28, 30]);
    expect(p.line).toBe(21);
    expect(p.format).toBe("python");
    expect(p.description).toBe(
      [
        "Find the shortest palindrome that begins with a supplied string.",
        "Algorithm idea is simple:",
        "- Find the longest postfix of supplied string that is a palindrome.",
        "- Append to the end of the string reverse of a string prefix that comes before the palindromic suffix.",
      ].join("\n"),
    );
    expect(p.docstring).toContain(">>> make_palindrome('cat')");
  });

  it("keeps float example values as numbers under the declared float types", () => {
    const p = one(parsed, "has_close_elements");
    expect(p.examples.map((e) => show(p, e))).toEqual([
      "has_close_elements([1.0, 2.0, 3.0], 0.5) -> False",
      "has_close_elements([1.0, 2.8, 3.0, 4.0, 5.0, 2.0], 0.3) -> True",
    ]);
  });
});

describe("examples written in the prose", () => {
  const parsed = parsePythonStubs(fixture("prose_examples.py"), "prose_examples.py");

  it("parses every function", () => {
    expect(parsed.errors.map(formatSpecError)).toEqual([]);
  });

  const CASES: readonly (readonly [string, string, readonly string[]])[] = [
    ["solution", "solution(lst: list[int]) -> int", ["solution([5, 8, 7, 1]) -> 12", "solution([3, 3, 3, 3, 3]) -> 9", "solution([30, 13, 24, 321]) -> 0"]],
    ["any_int", "any_int(x: float, y: float, z: int) -> bool", ["any_int(5.0, 2.0, 7) -> True", "any_int(3.6, -2.2, 2) -> False"]],
    ["encrypt", "encrypt(s: str) -> str", ["encrypt('hi') -> 'lm'", "encrypt('asdfghjkl') -> 'ewhjklnop'"]],
    ["x_or_y", "x_or_y(n: int, x: int, y: int) -> int", ["x_or_y(7, 34, 12) -> 34", "x_or_y(15, 8, 5) -> 5"]],
    ["sort_array", "sort_array(arr: list[int]) -> list[int]", ["sort_array([1, 5, 2, 3, 4]) -> [1, 2, 3, 4, 5]", "sort_array([]) -> []"]],
    [
      "get_row",
      "get_row(lst: list[list[int]], x: int) -> list[tuple[int, ...]]",
      ["get_row([[1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 1, 6], [1, 2, 3, 4, 5, 1]], 1) -> [(0, 0), (1, 4), (1, 0), (2, 5), (2, 0)]", "get_row([], 1) -> []"],
    ],
    ["compare", "compare(game: list[int], guess: list[int]) -> list[int]", ["compare([1, 2, 3], [1, 2, 4]) -> [0, 0, 1]", "compare([0], [3]) -> [3]"]],
  ];

  it.each(CASES)("%s", (name, sig, examples) => {
    const p = one(parsed, name);
    expect(signature(p)).toBe(sig);
    expect(p.examples.map((e) => show(p, e))).toEqual(examples);
  });

  it("removes example lines and bare 'Examples' headers from the description", () => {
    expect(one(parsed, "solution").description).toBe(
      "Given a non-empty list of integers, return the sum of all of the odd elements that are in even positions.",
    );
    expect(one(parsed, "compare").description).toBe("Arrows and an ending period.\ntri(3) = [1, 3] is about another function and stays in the prose.");
    expect(one(parsed, "get_row").examples.map((e) => e.line)).toEqual([49, 54]);
  });
});

const stub = (doc: string, sig = "f(x: int) -> int"): string => `def ${sig}:\n    """${doc}\n    """\n`;

describe("signatures, inference and sections", () => {
  const CASES: readonly (readonly [string, string, string, readonly string[]])[] = [
    ["defaults fill omitted arguments", stub("\n    >>> f(1)\n    2\n    >>> f(1, 3)\n    4", "f(x: int, k: int = 1) -> int"), "f(x: int, k: int) -> int", ["f(1, 1) -> 2", "f(1, 3) -> 4"]],
    ["keyword arguments", stub("\n    >>> f(2, k=5)\n    7", "f(x, k=0)"), "f(x: int, k: int) -> int", ["f(2, 5) -> 7"]],
    ["a signature over several lines, with comments", stub("\n    >>> f(2, k=5)\n    7", "f(\n    x: int,  # the input\n    k: int = 0,  # a step\n) -> int"), "f(x: int, k: int) -> int", ["f(2, 5) -> 7"]],
    ["int and float unify to float", stub("\n    >>> f(1)\n    2\n    >>> f(1.5)\n    2.5", "f(x)"), "f(x: float) -> float", ["f(1.0) -> 2.0", "f(1.5) -> 2.5"]],
    ["an empty list takes its element type from the others", stub("\n    >>> f([])\n    []\n    >>> f(['a'])\n    ['a']", "f(xs)"), "f(xs: list[str]) -> list[str]", ["f([]) -> []", "f(['a']) -> ['a']"]],
    ["tuples of different lengths become tuple[T, ...]", stub("\n    >>> f((1, 2))\n    3\n    >>> f((1, 2, 3))\n    6", "f(t)"), "f(t: tuple[int, ...]) -> int", ["f((1, 2)) -> 3", "f((1, 2, 3)) -> 6"]],
    ["a fixed pair keeps its shape when it is mixed", stub("\n    >>> f(('a', 1))\n    'a1'", "f(p)"), "f(p: tuple[str, int]) -> str", ["f(('a', 1)) -> 'a1'"]],
    ["int where float is declared", stub("\n    >>> f(2)\n    1", "f(x: float) -> float"), "f(x: float) -> float", ["f(2.0) -> 1.0"]],
    ["None output from an empty expected block", stub("\n    >>> f(2)\n\n    ", "f(x: int) -> None"), "f(x: int) -> None", ["f(2) -> None"]],
    ["Optional and PEP 604 annotations", stub("\n    >>> f('a')\n    None", "f(s: 'str') -> int | None"), "f(s: str) -> Optional[int]", ["f('a') -> None"]],
    ["a multi-line doctest and expected value", stub("\n    >>> f([1,\n    ...    2])\n    [1,\n     2]", "f(xs: List[int]) -> List[int]"), "f(xs: list[int]) -> list[int]", ["f([1, 2]) -> [1, 2]"]],
    ["bool where int is declared", stub("\n    >>> f(True)\n    1"), "f(x: int) -> int", ["f(1) -> 1"]],
    ["a doctest of another function is skipped", stub("\n    >>> g(1)\n    5\n    >>> f(1)\n    2"), "f(x: int) -> int", ["f(1) -> 2"]],
    ["Any is inferred", stub("\n    >>> f(1)\n    2", "f(x: Any) -> Any"), "f(x: int) -> int", ["f(1) -> 2"]],
    ["bare List takes the element type from the examples", stub("\n    >>> f([1])\n    [1]", "f(x: List) -> list"), "f(x: list[int]) -> list[int]", ["f([1]) -> [1]"]],
  ];

  it.each(CASES)("%s", (_what, text, sig, examples) => {
    const parsed = parsePythonStubs(text, "t.py");
    const p = one(parsed, "f");
    expect(signature(p)).toBe(sig);
    expect(p.examples.map((e) => show(p, e))).toEqual(examples);
  });

  it("puts examples after a Tests: line into tests", () => {
    const p = one(parsePythonStubs(stub("Double it.\n    >>> f(1)\n    2\n\n    Tests:\n    >>> f(2)\n    4\n\n    f(5) == 10"), "t.py"), "f");
    expect(p.examples.map((e) => show(p, e))).toEqual(["f(1) -> 2"]);
    expect(p.tests.map((e) => show(p, e))).toEqual(["f(2) -> 4", "f(5) -> 10"]);
    expect(p.tests.map((e) => e.line)).toEqual([7, 10]);
    expect(p.description).toBe("Double it.");
  });

  it("reads CRLF files with the same lines", () => {
    const p = one(parsePythonStubs(stub("\n    >>> f(1)\n    2").replace(/\n/g, "\r\n"), "t.py"), "f");
    expect(p.examples.map((e) => e.line)).toEqual([3]);
  });

  it("accepts a ... or pass body after the docstring and keeps every stub of a file", () => {
    const text = `${stub("\n    >>> f(1)\n    2")}    ...\n\n${stub("\n    >>> g(1)\n    2", "g(x)")}    pass\n`;
    expect(parsePythonStubs(text, "t.py").problems.map((p) => p.name)).toEqual(["f", "g"]);
  });
});

describe("errors name file, line and function, and the other functions still parse", () => {
  const reverse = [
    "from typing import List",
    "",
    "def reverse_words(s: str) -> str:",
    '    """Reverse the words.',
    "",
    "    >>> reverse_words('a b')",
    "    'b a'",
    "    >>> reverse_words('x')",
    "    'x'",
    "    >>> reverse_words('a b', 2)",
    "    'b a'",
    '    """',
  ].join("\n");

  const CASES: readonly (readonly [string, string, string])[] = [
    ["wrong arity", reverse, "t.py:10: reverse_words: example 3 has 2 arguments, the signature has 1"],
    ["no examples", stub("Just prose."), "t.py:1: f: add at least one doctest example to the docstring: >>> f(...) and the expected value on the next line"],
    ["no docstring", "def f(x):\n    ...\n", "t.py:1: f: add a docstring with at least one doctest example: >>> f(...)"],
    ["a str where int is declared", stub("\n    >>> f(1)\n    2\n    >>> f('a')\n    3"), "t.py:5: f: example 2: argument x is str ('a'), but its declared type is int: fix the example or the type"],
    ["an output contradicting the return type", stub("\n    >>> f(1)\n    'two'"), "t.py:3: f: example 1: the expected value is str ('two'), but its declared type is int: fix the example or the type"],
    ["examples that disagree", stub("\n    >>> f(1)\n    2\n    >>> f([1])\n    2", "f(x)"), "t.py:5: f: example 2: argument x is list[int] ([1]) but earlier examples make it int: make the examples agree or declare the type"],
    ["an unreadable expected value on its own line", stub("\n    >>> f(1)\n    [1, 2", "f(x)"), "t.py:4: f: cannot read the expected value `[1, 2` (column 6): expected ',' or ']'"],
    ["a non-literal argument", stub("\n    >>> f(g(1))\n    2"), "t.py:3: f: cannot read the doctest call `f(g(1))` at column 3: g(...) is a call, not a literal: write its value instead"],
    ["a doctest that is not a call", stub("\n    >>> print(f(1))\n    2"), "t.py:3: f: the doctest `print(f(1))` must be a call f(...) with literal arguments"],
    ["an exception as expected output", stub("\n    >>> f(1)\n    Traceback (most recent call last):\n    ValueError"), "t.py:3: f: the doctest of f expects an exception; examples that raise are not supported: remove it"],
    ["a variadic parameter", stub("\n    >>> f(1)\n    2", "f(*xs)"), "t.py:1: f: parameter *xs is variadic, which is not supported: list the parameters one by one"],
    ["a keyword that is not a parameter", stub("\n    >>> f(y=1)\n    2"), "t.py:3: f: example 1: there is no parameter named y; the signature has x"],
    ["an unknown element type", stub("\n    >>> f(1)\n    []", "f(x)"), "t.py:3: f: cannot infer the type of the expected value from the examples: list[?] has an unknown part (every one is empty?); declare its type, e.g. list[int]"],
    ["an unsupported annotation", stub("\n    >>> f(1)\n    [1, 'a']", "f(x) -> List[Any]"), "t.py:4: f: cannot read the expected value `[1, 'a']` (column 1): list mixes int and str: Aurora-X needs one element type per container"],
    ["an unterminated docstring", 'def f(x):\n    """\n    >>> f(1)\n', "t.py:2: unterminated triple-quoted string: close it with \"\"\"; the rest of the file was not read"],
    ["a file without stubs", "import os\n\ndef g(x):\n    return x\n", "t.py:1: no function to synthesize: add a def whose body is only a docstring with examples (>>> name(...))"],
  ];

  it.each(CASES)("%s", (_what, text, message) => {
    const parsed = parsePythonStubs(text, "t.py");
    expect(parsed.errors.map(formatSpecError)).toEqual([message]);
  });

  it("reports one bad function and keeps the good one", () => {
    const text = `${reverse}\n\n\n${stub("\n    >>> f(1)\n    2")}`;
    const parsed = parsePythonStubs(text, "t.py");
    expect(parsed.problems.map((p) => p.name)).toEqual(["f"]);
    expect(parsed.errors.map((e) => [e.line, e.name])).toEqual([[10, "reverse_words"]]);
  });

  it("never throws on garbage", () => {
    for (const text of ["", "def", "def f(:\n", "def f(x) -> :\n  '''>>> f(1)\n  1'''", "@dec\n", "class A:\n  def f(self):\n    '''>>> f(1)\n1'''", "\"\"\"", "def f(x):\n    '''\n    >>> f(\n    '''"]) {
      expect(() => parsePythonStubs(text, "t.py")).not.toThrow();
    }
  });
});
