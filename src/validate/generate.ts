import type { Expr } from "../dsl/expr.js";
import { pyRepr } from "../dsl/repr.js";
import { isError, pyEq, type Result, type Value } from "../dsl/values.js";
import { exprToPython } from "../emit/python.js";
import { run as interpret } from "../eval/interp.js";
import type { Problem } from "../spec/problem.js";
import type { PythonWorker } from "./pyworker.js";
import { randomInputs } from "./random.js";

/** Two programs consistent with every example that disagree on an input: the spec does not pin the function down. */
export interface Ambiguity {
  /** The call that tells them apart, as Python source (`f(3)`). */
  readonly call: string;
  /** Each program (Python expression) with what it returns there (repr or exception class). */
  readonly outputs: readonly { readonly program: string; readonly output: string }[];
}

/** A generated input with Python's answer: a regression test for the emitted function. */
export interface RegressionCase {
  readonly call: string;
  readonly args: readonly string[];
  /** Python's repr of the result, or the exception class when `raised`. */
  readonly expected: string;
  readonly raised: boolean;
}

/** Fixed seed: generated tests and ambiguity checks are deterministic for the same spec. */
const SEED = 20261124;

/** Inputs for checking a spec: random values of the parameter types, seeded by the spec's name. */
export function generatedInputs(problem: Problem, count: number): Value[][] {
  return randomInputs(problem.params.map((p) => p.type), count, SEED ^ hashName(problem.name)).filter((row) => row.every(isFiniteDeep));
}

/** Non-finite floats (nan, inf) make poor test inputs: `nan != nan`, and their repr is not a literal. */
function isFiniteDeep(v: Value): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return (v as readonly Value[]).every(isFiniteDeep);
  return true;
}

/** Same observable result: equal values, both NaN, or both raised. */
function sameResult(a: Result, b: Result): boolean {
  if (isError(a) || isError(b)) return isError(a) && isError(b);
  if (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b)) return true;
  return pyEq(a, b);
}

function hashName(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function callText(problem: Problem, inputs: readonly Value[]): string {
  return `${problem.name}(${problem.params.map((p, i) => pyRepr(inputs[i] ?? null, p.type)).join(", ")})`;
}

function showResult(r: Result, problem: Problem): string {
  return isError(r) ? r.kind : pyRepr(r, problem.returns);
}

/**
 * Looks for an input where an alternative program disagrees with the chosen one (interpreter semantics equal
 * Python's, which the differential tests check). Inputs where the chosen program raises are skipped.
 */
export function findAmbiguity(problem: Problem, program: Expr, alternatives: readonly Expr[], count: number): Ambiguity | undefined {
  if (alternatives.length === 0) return undefined;
  const names = problem.params.map((p) => p.name);
  for (const inputs of generatedInputs(problem, count)) {
    const mine = interpret(program, names, inputs);
    if (isError(mine)) continue;
    const differing = alternatives.filter((alt) => {
      return !sameResult(interpret(alt, names, inputs), mine);
    });
    if (differing.length === 0) continue;
    return {
      call: callText(problem, inputs),
      outputs: [program, ...differing].map((p) => ({ program: exprToPython(p), output: showResult(interpret(p, names, inputs), problem) })),
    };
  }
  return undefined;
}

/** Runs the loaded module on generated inputs in real Python and records the answers as regression cases. */
export async function generateRegressionCases(worker: PythonWorker, module: string, problem: Problem, count: number): Promise<RegressionCase[]> {
  const out: RegressionCase[] = [];
  for (const inputs of generatedInputs(problem, count)) {
    const args = problem.params.map((p, i) => pyRepr(inputs[i] ?? null, p.type));
    const o = await worker.call(module, problem.name, args);
    if (o.ok && (o.truncated || /\b(nan|inf)\b/.test(o.repr))) continue;
    out.push({ call: callText(problem, inputs), args, expected: o.ok ? o.repr : o.error, raised: !o.ok });
  }
  return out;
}
