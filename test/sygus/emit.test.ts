// SyGuS programs through every emitter: the SyGuS text reads back (through the parser's term reader) to the same
// program in both versions, and the Python module (run by real python3) and the TypeScript module (type-checked
// and imported) give the interpreter's outputs on every input.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Expr } from "../../src/dsl/expr.js";
import type { Value } from "../../src/dsl/values.js";
import { emitPythonModule } from "../../src/emit/python.js";
import { emitSygusBody, emitSygusDefineFun } from "../../src/emit/sygus.js";
import { emitTypeScriptModule } from "../../src/emit/typescript.js";
import { run } from "../../src/eval/interp.js";
import { parseSygus, parseSygusTerm, type TermScope } from "../../src/spec/sygus.js";
import type { Problem } from "../../src/spec/problem.js";
import { ModuleDir, typeCheck } from "../emit/tsc.js";

const INPUTS: readonly (readonly [string, string, number])[] = [
  ["ab cd", "cd", 0],
  ["", "b", -3],
  ["a😀b", "", 2],
  ['ba"\\u0041', "42", 7],
  ["hello world", "o", -8],
];

/** A problem with parameters (s String) (|t 1| String) (n Int): the bar-quoted symbol exercises renaming. */
function problemOf(sort: string): Problem {
  const examples = INPUTS.map(([s, t, n]) => `(constraint (= (f "${s.replace(/"/g, '""')}" "${t}" ${n < 0 ? `(- ${-n})` : n}) ${sort === "Int" ? 0 : sort === "Bool" ? "true" : '""'}))`);
  const text = [
    "(set-logic SLIA)",
    `(synth-fun f ((s String) (|t 1| String) (n Int)) ${sort} ((Start ${sort} (${sort === "Bool" ? "true" : sort === "Int" ? "n" : "s"}))))`,
    ...examples,
    "(check-synth)",
  ].join("\n");
  const r = parseSygus(text, "inline.sl");
  expect(r.errors).toEqual([]);
  return r.problems[0]!;
}

function scopeOf(p: Problem, version: 1 | 2): TermScope {
  const symbols = p.sygus!.paramSymbols;
  return { version, vars: new Map(p.params.map((x, i) => [symbols[i]!, { name: x.name, type: x.type }] as const)) };
}

/** Programs in SyGuS v2 text, with their result sort. */
const PROGRAMS: readonly (readonly [string, string])[] = [
  ["String", "(str.++ (str.substr s 0 (str.indexof s \" \" 0)) (str.at |t 1| (- (str.len |t 1|) 1)))"],
  ["String", '(ite (str.prefixof "ab" s) (str.replace s "b" "\\u{e9}") (str.from_int (+ n (str.to_int |t 1|))))'],
  ["String", '(str.++ (str.replace_all s "a" """") (str.from_int (- n)))'],
  ["String", '(str.substr s n (* 2 (str.len |t 1|)))'],
  ["Int", "(str.indexof s |t 1| n)"],
  ["Int", "(+ (div n (- 2)) (mod n 3))"],
  ["Int", "(ite (< n 0) (- 0 n) (str.len s))"],
  ["Bool", "(and (str.contains s |t 1|) (not (str.suffixof |t 1| s)))"],
  ["Bool", "(or (< n 0) (>= (str.len s) 3))"],
  ["Bool", "(or (str.< s |t 1|) (= n 7))"],
];

const cases = PROGRAMS.map(([sort, text]) => {
  const problem = problemOf(sort);
  return { sort, text, problem, program: parseSygusTerm(text, scopeOf(problem, 2)) };
});

const interpreted = (p: Problem, prog: Expr): Value[] => p.examples.map((ex) => run(prog, p.params.map((x) => x.name), ex.inputs) as Value);

describe("SyGuS output", () => {
  it.each(cases)("$text reads back equal in v1 and v2", ({ problem, program }) => {
    for (const version of [1, 2] as const) {
      const body = emitSygusBody(program, problem, { version });
      expect(parseSygusTerm(body, scopeOf(problem, version)), body).toEqual(program);
    }
  });

  it("writes a define-fun with the file's names and v1 spellings on request", () => {
    const c = cases[1]!;
    expect(emitSygusDefineFun(c.problem, c.program)).toBe(
      '(define-fun f ((s String) (|t 1| String) (n Int)) String (ite (str.prefixof "ab" s) (str.replace s "b" "\\u{e9}") (str.from_int (+ n (str.to_int |t 1|)))))',
    );
    expect(emitSygusDefineFun(c.problem, c.program, { version: 1 })).toContain("(int.to.str (+ n (str.to.int |t 1|)))");
    expect(emitSygusDefineFun(c.problem, c.program, { version: 1 })).toContain('"é"');
  });
});

describe("Python output (real python3)", () => {
  const dir = mkdtempSync(join(tmpdir(), "aurora-sygus-py-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(cases)("$text gives the interpreter's outputs", ({ problem, program }) => {
    const file = join(dir, "mod.py");
    writeFileSync(file, emitPythonModule(problem, program));
    const driver = [
      "import json, runpy, sys",
      `ns = runpy.run_path(${JSON.stringify(file)})`,
      "rows = json.loads(sys.stdin.read())",
      `print(json.dumps([ns[${JSON.stringify(problem.name)}](*r) for r in rows], ensure_ascii=False))`,
    ].join("\n");
    const input = JSON.stringify(problem.examples.map((e) => e.inputs));
    const got = JSON.parse(execFileSync("python3", ["-c", driver], { input, encoding: "utf8" })) as Value[];
    expect(got).toEqual(interpreted(problem, program));
  });
});

describe("TypeScript output", () => {
  const modules = new ModuleDir();
  afterAll(() => modules.dispose());

  it("type-checks under strict settings", () => {
    const files = Object.fromEntries(cases.map((c, i) => [`m${i}.ts`, emitTypeScriptModule(c.problem, c.program)]));
    expect(typeCheck(files)).toEqual([]);
  });

  it.each(cases)("$text gives the interpreter's outputs", async ({ problem, program }) => {
    const mod = await modules.load(emitTypeScriptModule(problem, program));
    const f = mod[problem.name] as (...a: Value[]) => Value;
    expect(problem.examples.map((e) => f(...e.inputs))).toEqual(interpreted(problem, program));
  });
});
