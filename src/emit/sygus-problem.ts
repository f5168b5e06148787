/**
 * A whole SyGuS-IF v2 problem from a parsed SyGuS Problem: what a v2-only solver (Debian's cvc5 1.0.3) reads, for
 * side-by-side benchmarks. Grammar, variables and examples are printed from the parsed data, so v1 files come
 * out with v2 operator names (str.from_int, str.to_int) and the predeclared nonterminal list v2 requires.
 */
import { primByName } from "../dsl/prims/index.js";
import type { Type } from "../dsl/types.js";
import type { Problem } from "../spec/problem.js";
import type { SygusData, SygusRule, SygusSort } from "../spec/sygus.js";
import { literal } from "./sygus.js";

const SORT_TYPE: Record<SygusSort, Type> = { String: { kind: "str" }, Int: { kind: "int" }, Bool: { kind: "bool" } };

function ruleText(r: SygusRule, vars: ReadonlyMap<string, string>): string {
  switch (r.kind) {
    case "nt":
      return r.name;
    case "var":
      return vars.get(r.name) ?? r.name;
    case "const":
      return literal(r.value, SORT_TYPE[r.sort], 2);
    case "op": {
      const op = primByName(r.prim)?.smt ?? r.prim;
      return `(${op} ${r.args.map((a) => ruleText(a, vars)).join(" ")})`;
    }
  }
}

/** The v2 text of a SyGuS problem, or undefined when the problem did not come from a SyGuS file. */
export function emitSygusProblemV2(problem: Problem): string | undefined {
  const s = problem.sygus as SygusData | undefined;
  if (!s) return undefined;
  const vars = new Map(problem.params.map((p, i) => [p.name, s.paramSymbols[i] ?? p.name] as const));
  const params = s.paramSymbols.map((sym, i) => `(${sym} ${s.paramSorts[i] ?? "String"})`).join(" ");
  const nts = s.grammar.nonterminals;
  const ordered = [...nts.filter((n) => n.name === s.grammar.start), ...nts.filter((n) => n.name !== s.grammar.start)];
  const decl = ordered.map((n) => `(${n.name} ${n.sort})`).join(" ");
  const rules = ordered.map((n) => `    (${n.name} ${n.sort} (${n.rules.map((r) => ruleText(r, vars)).join(" ")}))`).join("\n");
  const lines = [`(set-logic ${s.logic})`, `(synth-fun ${s.funSymbol} (${params}) ${s.returnSort}`, `  (${decl})`, `  (\n${rules}))`];
  s.paramSymbols.forEach((sym, i) => lines.push(`(declare-var ${sym} ${s.paramSorts[i] ?? "String"})`));
  for (const ex of problem.examples) {
    const args = ex.inputs.map((v, i) => literal(v, problem.params[i]?.type ?? SORT_TYPE.String, 2)).join(" ");
    lines.push(`(constraint (= (${s.funSymbol}${args ? " " + args : ""}) ${literal(ex.output, problem.returns, 2)}))`);
  }
  lines.push("(check-synth)");
  return lines.join("\n") + "\n";
}
