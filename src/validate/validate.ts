import type { Expr } from "../dsl/expr.js";
import { pyRepr } from "../dsl/repr.js";
import { pyEq, type Result, type Value } from "../dsl/values.js";
import { emitPythonModule } from "../emit/python.js";
import { run as interpret } from "../eval/interp.js";
import type { Example, Problem } from "../spec/problem.js";
import { parsePyLiteral } from "../spec/pyliteral.js";
import type { CheckCaseInput, PyOutcome, PythonWorker } from "./pyworker.js";

/** One example as the real interpreter saw it. */
export interface CaseResult {
  readonly args: readonly string[];
  readonly expected: string;
  readonly pass: boolean;
  /** Python's repr of the actual value, or the exception class. */
  readonly actual: string;
}

/** Outcome of checking examples or held-out tests in real Python. */
export interface CheckSummary {
  readonly passed: number;
  readonly failed: number;
  readonly cases: readonly CaseResult[];
}

/** What real Python said about a synthesized program. */
export interface Validation {
  /** The module could not be loaded (a bug in the emitter: reported loudly). */
  readonly loadError?: string;
  readonly examples: CheckSummary;
  readonly tests: CheckSummary;
  /** Inputs where Aurora-X's interpreter and Python disagree: always a bug, reported loudly. */
  readonly disagreements: readonly string[];
}

let moduleCounter = 0;

/** Python literal source of each argument of an example. */
export function argSources(problem: Problem, ex: Example): string[] {
  return problem.params.map((p, i) => pyRepr(ex.inputs[i] ?? null, p.type));
}

function toCase(problem: Problem, ex: Example): CheckCaseInput {
  return { args: argSources(problem, ex), expected: pyRepr(ex.output, problem.returns) };
}

function describeOutcome(o: PyOutcome): string {
  return o.ok ? o.repr : o.error;
}

/**
 * Loads the program's emitted Python into the worker and checks it on the examples and held-out tests with
 * Python's own `==`, and compares Python's results with Aurora-X's interpreter on the same inputs.
 */
export async function validateInPython(worker: PythonWorker, problem: Problem, program: Expr): Promise<Validation & { readonly module: string; readonly source: string }> {
  const source = emitPythonModule(problem, program);
  const module = `aurora_${problem.name}_${++moduleCounter}`;
  const loaded = await worker.exec(module, source);
  const empty: CheckSummary = { passed: 0, failed: 0, cases: [] };
  if (!loaded.ok) return { module, source, loadError: `${loaded.error}: ${loaded.message}`, examples: empty, tests: empty, disagreements: [] };
  const examples = await checkAll(worker, module, problem, problem.examples);
  const tests = await checkAll(worker, module, problem, problem.tests);
  const disagreements = compareWithInterpreter(problem, program, [...problem.examples, ...problem.tests], [...examples.cases, ...tests.cases]);
  return { module, source, examples, tests, disagreements };
}

async function checkAll(worker: PythonWorker, module: string, problem: Problem, exs: readonly Example[]): Promise<CheckSummary> {
  if (exs.length === 0) return { passed: 0, failed: 0, cases: [] };
  const cases = exs.map((e) => toCase(problem, e));
  const tol = exs.find((e) => e.tolerance)?.tolerance;
  const report = await worker.check(module, problem.name, cases, tol ? { floatTolerance: tol } : {});
  return {
    passed: report.passed,
    failed: report.failed,
    cases: report.cases.map((c, i) => ({ args: cases[i]?.args ?? [], expected: cases[i]?.expected ?? "", pass: c.pass, actual: describeOutcome(c.outcome) })),
  };
}

/** Inputs where the interpreter's result differs from what Python returned (or raised). */
function compareWithInterpreter(problem: Problem, program: Expr, exs: readonly Example[], cases: readonly CaseResult[]): string[] {
  const names = problem.params.map((p) => p.name);
  const out: string[] = [];
  exs.forEach((ex, i) => {
    const c = cases[i];
    if (!c) return;
    const ours = interpret(program, names, ex.inputs);
    if (!agrees(ours, c.actual, problem)) out.push(`${problem.name}(${c.args.join(", ")}): interpreter ${describeResult(ours, problem)}, Python ${c.actual}`);
  });
  return out;
}

/** True when our result equals Python's printed result (or both raised). */
export function agrees(ours: Result, pythonRepr: string, problem: Problem): boolean {
  const parsed = parsePyLiteral(pythonRepr);
  if (!parsed.ok) return isErrorResult(ours) && /^[A-Z]\w*(Error|Exception|Timeout)$|^Timeout$/.test(pythonRepr);
  if (isErrorResult(ours)) return false;
  void problem;
  return pyEq(ours as Value, parsed.value.value);
}

function isErrorResult(r: Result): boolean {
  return typeof r === "object" && r !== null && !Array.isArray(r) && "kind" in r;
}

function describeResult(r: Result, problem: Problem): string {
  return isErrorResult(r) ? (r as { kind: string }).kind : pyRepr(r as Value, problem.returns);
}
