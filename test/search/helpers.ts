import type { Type } from "../../src/dsl/types.js";
import type { Value } from "../../src/dsl/values.js";
import type { Problem } from "../../src/spec/problem.js";

/** A problem from a compact description (tests only). */
export function problem(name: string, description: string, params: [string, Type][], returns: Type, rows: [Value[], Value][]): Problem {
  return {
    name,
    file: "test.py",
    line: 1,
    format: "python",
    description,
    params: params.map(([n, type]) => ({ name: n, type })),
    returns,
    examples: rows.map(([inputs, output]) => ({ inputs, output })),
    tests: [],
    helpers: [],
    preamble: [],
  };
}
