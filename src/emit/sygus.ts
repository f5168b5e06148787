/**
 * The SyGuS target: a program over the SMT primitives (src/dsl/prims/smt.ts) as SyGuS-IF text, the solution format
 * of `check-synth`: `(define-fun f ((name String)) String body)`. SyGuS-IF v2 (SMT-LIB 2.6) spellings by default;
 * v1 spells `str.from_int` as `int.to.str`, `str.to_int` as `str.to.int` and escapes nothing but quotes.
 */
import type { Expr } from "../dsl/expr.js";
import { primByName } from "../dsl/prims/index.js";
import { SMT_V1_NAMES } from "../dsl/prims/smt.js";
import type { Type } from "../dsl/types.js";
import type { Value } from "../dsl/values.js";
import type { Problem } from "../spec/problem.js";

/** Options of the SyGuS emitter. */
export interface SygusEmitOptions {
  /** SyGuS-IF version whose operator names and string escapes to use. @default 2 */
  readonly version?: 1 | 2;
}

/** The program as a `define-fun` of the problem's function, with the parameter names the spec file used. */
export function emitSygusDefineFun(problem: Problem, program: Expr, options: SygusEmitOptions = {}): string {
  const symbols = paramSymbols(problem);
  const params = problem.params.map((p, i) => `(${symbol(symbols[i] ?? p.name)} ${sortOf(p.type)})`).join(" ");
  const name = problem.sygus?.funSymbol ?? problem.name;
  return `(define-fun ${symbol(name)} (${params}) ${sortOf(problem.returns)} ${emitSygusBody(program, problem, options)})`;
}

/** Just the body term of the problem's function, with the parameter names the spec file used. */
export function emitSygusBody(program: Expr, problem: Problem, options: SygusEmitOptions = {}): string {
  const symbols = paramSymbols(problem);
  const names = new Map(problem.params.map((p, i) => [p.name, symbols[i] ?? p.name] as const));
  return exprToSygus(program, options, names);
}

/**
 * SyGuS text of one term. `names` maps variable names (Python identifiers) to the symbols to print. Throws when the
 * program uses a primitive that is not an SMT-LIB operator (a Python-DSL program has no SyGuS form).
 */
export function exprToSygus(e: Expr, options: SygusEmitOptions = {}, names: ReadonlyMap<string, string> = new Map()): string {
  switch (e.t) {
    case "var":
      return symbol(names.get(e.name) ?? e.name);
    case "const":
      return literal(e.value, e.type, options.version ?? 2);
    case "lambda":
      throw new Error("a lambda has no SyGuS form");
    case "call": {
      const op = smtOperator(e.op, options.version ?? 2);
      return `(${op} ${e.args.map((a) => exprToSygus(a, options, names)).join(" ")})`;
    }
  }
}

function smtOperator(name: string, version: 1 | 2): string {
  const op = primByName(name)?.smt;
  if (op === undefined) throw new Error(`primitive ${name} is not an SMT-LIB operator: the program has no SyGuS form`);
  return version === 1 ? (SMT_V1_NAMES[op] ?? op) : op;
}

function paramSymbols(problem: Problem): readonly string[] {
  return problem.sygus?.paramSymbols ?? problem.params.map((p) => p.name);
}

/** The SMT-LIB sort of a DSL type (str, int and bool only). */
export function sortOf(t: Type): string {
  switch (t.kind) {
    case "str":
      return "String";
    case "int":
      return "Int";
    case "bool":
      return "Bool";
    default:
      throw new Error(`type ${t.kind} has no SMT-LIB sort`);
  }
}

/** A literal: `(- 5)` for negative ints, strings with `""` for quotes (and `\u{..}` escapes in v2). */
export function literal(v: Value, t: Type, version: 1 | 2): string {
  switch (t.kind) {
    case "bool":
      return v === true ? "true" : "false";
    case "int": {
      const n = v as number | bigint;
      return n < 0 ? `(- ${String(-n)})` : String(n);
    }
    case "str":
      return stringLiteral(String(v), version);
    default:
      throw new Error(`a ${t.kind} constant has no SMT-LIB form`);
  }
}

/** SMT-LIB 2.6 keeps printable ASCII as is; the rest (and `\`, which could start an escape) becomes `\u{..}`. */
function stringLiteral(s: string, version: 1 | 2): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '""';
    else if (version === 2 && (cp < 0x20 || cp > 0x7e || ch === "\\")) out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return out + '"';
}

const SIMPLE_SYMBOL = /^[A-Za-z~!@$%^&*_\-+=<>.?/][A-Za-z0-9~!@$%^&*_\-+=<>.?/]*$/;
const RESERVED = new Set(["_", "!", "as", "let", "exists", "forall", "match", "par", "true", "false"]);

/** A symbol as written in SMT-LIB: simple symbols as they are, others between bars. */
function symbol(s: string): string {
  return SIMPLE_SYMBOL.test(s) && !RESERVED.has(s) ? s : `|${s}|`;
}
