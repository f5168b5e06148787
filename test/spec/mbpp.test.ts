import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { typeKey } from "../../src/dsl/types.js";
import { parseMbpp } from "../../src/spec/mbpp.js";
import { formatSpecError } from "../../src/spec/problem.js";
import { show, signature } from "./helpers.js";

const DEV = new URL("../../../shared/benchmarks/mbpp-dev.jsonl", import.meta.url);

function task(tests: readonly string[], code = "", id = 1): string {
  return JSON.stringify({ task_id: id, text: "Do it.", code, test_list: tests, test_setup_code: "", challenge_test_list: [] });
}

describe("MBPP assert forms", () => {
  const FORMS: readonly (readonly [string, string, string])[] = [
    ["assert f(1, 'a') == 3", "f(arg0: int, arg1: str) -> int", "f(1, 'a') -> 3"],
    ["assert f(1)==[1,2]", "f(arg0: int) -> list[int]", "f(1) -> [1, 2]"],
    ["assert (f(-1)) == -2", "f(arg0: int) -> int", "f(-1) -> -2"],
    ["assert f(2) is True", "f(arg0: int) -> bool", "f(2) -> True"],
    ["assert f(2) is False", "f(arg0: int) -> bool", "f(2) -> False"],
    ["assert f(2)", "f(arg0: int) -> bool", "f(2) -> True"],
    ["assert not f(2)", "f(arg0: int) -> bool", "f(2) -> False"],
    ["assert f((1, 2), {'a': 1}) == ({'a': 1})", "f(arg0: tuple[int, ...], arg1: dict[str, int]) -> dict[str, int]", "f((1, 2), {'a': 1}) -> {'a': 1}"],
    ["assert math.isclose(f(2), 3.14, rel_tol=0.001)", "f(arg0: int) -> float", "f(2) -> 3.14"],
    ["assert f('x') == 'y'  # comment", "f(arg0: str) -> str", "f('x') -> 'y'"],
  ];

  it.each(FORMS)("%s", (assert, sig, example) => {
    const r = parseMbpp(task([assert]), "m.jsonl");
    expect(r.errors.map(formatSpecError)).toEqual([]);
    const p = r.problems[0]!;
    expect(signature(p)).toBe(sig);
    expect(show(p, p.examples[0]!)).toBe(example);
  });

  it("keeps math.isclose tolerances", () => {
    const r = parseMbpp(task(["assert math.isclose(f(2), 3, rel_tol=0.001, abs_tol=0.5)"]), "m.jsonl");
    expect(r.problems[0]?.examples[0]?.tolerance).toEqual({ rel: 0.001, abs: 0.5 });
  });

  const REFUSED: readonly (readonly [string, string])[] = [
    ["assert set(f([1])) == set([1])", "set(...) wraps another call"],
    ["assert int(f(5, 3)) == 35", "int(...) wraps another call"],
    ["assert f(root) == 3", "'root' is a name"],
    ["assert f([Pair(1, 2)]) == 3", "Pair(...) is a call"],
    ["assert f((1, 2)) == sys.getsizeof((1, 2))", "sys.getsizeof(...) is a call"],
    ["assert f(1) < 3", "only ==, `is True/False/None` and bare calls"],
    ["assert f(1) is 3", "only `is True`, `is False` and `is None`"],
    ["assert f(1, 'a') == [1, 'a']", "list mixes int and str"],
  ];

  it.each(REFUSED)("%s is a SpecError naming the task", (assert, message) => {
    const r = parseMbpp(task([assert], "", 77), "m.jsonl");
    expect(r.problems).toEqual([]);
    expect(r.errors).toHaveLength(1);
    const e = r.errors[0]!;
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/^task 77: /);
    expect(e.message).toContain(message);
    expect(e.name).toBe("f");
  });
});

describe("MBPP tasks", () => {
  const code = "import math\r\ndef add_n(xs, n = 1):\r\n  return [x + n for x in xs]";
  const tests = ["assert add_n([1], 2) == [3]", "assert add_n([], 5) == []", "assert add_n([0]) == [1]"];

  it("names params from the reference code, fills defaults, keeps task_id and holds out the last asserts", () => {
    const r = parseMbpp(`${task(tests, code, 42)}\n`, "m.jsonl", { holdout: 1 });
    expect(r.errors).toEqual([]);
    const p = r.problems[0]!;
    expect([p.name, p.taskId, p.format, p.description, p.line]).toEqual(["add_n", 42, "mbpp", "Do it.", 1]);
    expect(p.params.map((q) => `${q.name}: ${typeKey(q.type)}`)).toEqual(["xs: list[int]", "n: int"]);
    expect(p.examples.map((e) => show(p, e))).toEqual(["add_n([1], 2) -> [3]", "add_n([], 5) -> []"]);
    expect(p.tests.map((e) => show(p, e))).toEqual(["add_n([0], 1) -> [1]"]);
  });

  it("numbers errors by JSON line and keeps going", () => {
    const text = [task(["assert f(1) == 2"]), "", "{not json", task(["assert g(x) == 1"], "", 9), task(["assert h(1) == 1"])].join("\n");
    const r = parseMbpp(text, "m.jsonl");
    expect(r.problems.map((p) => [p.name, p.line])).toEqual([["f", 1], ["h", 5]]);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(r.errors[0]?.message).toMatch(/^invalid JSON line: /);
  });

  it.each([
    [{ task_id: 1, test_list: "assert f(1) == 1" }, "needs task_id (a number) and test_list"],
    [{ task_id: 1, test_list: [] }, "test_list is empty"],
    [{ task_id: 1, test_list: ["assert f(1) == 1", "assert g(1) == 1"] }, "the asserts call both f and g"],
  ])("%j is refused: %s", (line, message) => {
    const r = parseMbpp(JSON.stringify(line), "m.jsonl");
    expect(r.errors[0]?.message).toContain(message);
  });

  it("refuses a holdout that leaves no examples", () => {
    const r = parseMbpp(task(["assert f(1) == 1"]), "m.jsonl", { holdout: 1 });
    expect(r.errors[0]?.message).toContain("holdout 1 leaves no examples from 1 asserts");
  });
});

describe.runIf(existsSync(DEV))("the MBPP dev split (../shared/benchmarks/mbpp-dev.jsonl)", () => {
  it("loads every line as a problem or a SpecError, never a throw", () => {
    const text = readFileSync(DEV, "utf8");
    const lines = text.split("\n").filter((l) => l.trim() !== "").length;
    const r = parseMbpp(text, "mbpp-dev.jsonl", { holdout: 1 });
    console.log(`MBPP dev: ${r.problems.length} of ${lines} tasks load; ${r.errors.length} are SpecErrors`);
    expect(r.problems.length + r.errors.length).toBe(lines);
    expect(r.problems.length).toBeGreaterThanOrEqual(430);
    for (const p of r.problems) {
      expect(p.examples).toHaveLength(2);
      expect(p.tests).toHaveLength(1);
      expect(p.taskId).toBeTypeOf("number");
    }
  });
});
