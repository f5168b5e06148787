import { fromJsonValue, toJsonValue } from "../dsl/repr.js";
import type { Value } from "../dsl/values.js";
import type { Example, Problem } from "../spec/problem.js";

/**
 * A problem as plain JSON data (bigints, sets and dicts tagged), for worker threads and files. Structured clone
 * would lose the PyDict/PySet classes.
 */
export type EncodedProblem = Omit<Problem, "examples" | "tests"> & {
  readonly examples: readonly EncodedExample[];
  readonly tests: readonly EncodedExample[];
};

interface EncodedExample {
  readonly inputs: readonly unknown[];
  readonly output: unknown;
  readonly line?: number;
  readonly tolerance?: NonNullable<Example["tolerance"]>;
}

const encEx = (e: Example): EncodedExample => ({ ...e, inputs: e.inputs.map(toJsonValue), output: toJsonValue(e.output) });
const decEx = (e: EncodedExample): Example => ({ ...e, inputs: e.inputs.map(fromJsonValue), output: fromJsonValue(e.output) });

export function encodeProblem(p: Problem): EncodedProblem {
  const params = p.params.map((x) => (x.default === undefined ? x : { ...x, default: toJsonValue(x.default) as Value }));
  return { ...p, params, examples: p.examples.map(encEx), tests: p.tests.map(encEx) };
}

export function decodeProblem(p: EncodedProblem): Problem {
  const params = p.params.map((x) => (x.default === undefined ? x : { ...x, default: fromJsonValue(x.default) }));
  return { ...p, params, examples: p.examples.map(decEx), tests: p.tests.map(decEx) };
}
