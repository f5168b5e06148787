import { readFileSync } from "node:fs";
import { typeKey, type Type } from "../../src/dsl/types.js";
import { pyRepr } from "../../src/dsl/repr.js";
import { formatSpecError, type Example, type ParsedSpecs, type Problem } from "../../src/spec/problem.js";

/** The text of a file in test/spec/fixtures. */
export function fixture(name: string): string {
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8");
}

/** An example as `f(1, 'a') -> 3`, printed with the problem's types. */
export function show(p: Problem, e: Example): string {
  const args = e.inputs.map((v, i) => pyRepr(v, p.params[i]?.type as Type)).join(", ");
  return `${p.name}(${args}) -> ${pyRepr(e.output, p.returns)}`;
}

/** A problem's signature as `f(x: int) -> str`. */
export function signature(p: Problem): string {
  return `${p.name}${paramList(p.params)} -> ${typeKey(p.returns)}`;
}

/** `(x: int, y: str)`. */
export function paramList(params: readonly { name: string; type: Type }[]): string {
  return `(${params.map((q) => `${q.name}: ${typeKey(q.type)}`).join(", ")})`;
}

/** The problem named `name`, failing with the parse errors when it is missing. */
export function one(parsed: ParsedSpecs, name: string): Problem {
  const p = parsed.problems.find((q) => q.name === name);
  if (!p) throw new Error(`no problem ${name}: ${parsed.errors.map(formatSpecError).join("; ")}`);
  return p;
}
