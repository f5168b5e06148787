/**
 * SMT-LIB terms of SyGuS files as DSL programs: literals, variables and operator applications become `Expr`s over
 * the SMT primitives (src/dsl/prims/smt.ts), checked for sorts. Also the evaluation of ground terms (the inputs
 * and outputs of examples) and the sort names.
 */
import { call, c, v, type Expr } from "../dsl/expr.js";
import { primByName } from "../dsl/prims/index.js";
import { SMT_LEFT_ASSOC, canonicalSmtOp, smtPrim, smtSignature } from "../dsl/prims/smt.js";
import { BOOL, INT, STR, typeEquals, type Type } from "../dsl/types.js";
import { isError, normInt, type Result, type Value } from "../dsl/values.js";
import { SpecFailure } from "./errors.js";
import { decodeStringLiteral, numeralText, readSExps, showSExp, symbolOf, type SExp } from "./sygus-sexp.js";
import type { SygusSort } from "./sygus-types.js";

/** A message for what the supported fragment lacks; every such message starts with "unsupported:". */
export function unsupported(what: string, line: number): SpecFailure {
  return new SpecFailure(`unsupported: ${what}`, line);
}

const SORTS: Readonly<Record<SygusSort, Type>> = { String: STR, Int: INT, Bool: BOOL };

/** The sort an S-expression names (String, Int, Bool), or an "unsupported:" failure. */
export function readSort(e: SExp | undefined, line: number): SygusSort {
  const s = symbolOf(e);
  if (s === "String" || s === "Int" || s === "Bool") return s;
  throw unsupported(`sort ${e ? showSExp(e) : "(missing)"}: only String, Int and Bool are supported`, e?.line ?? line);
}

/** The DSL type of a sort. */
export function sortType(s: SygusSort): Type {
  return SORTS[s];
}

/** The sort of a DSL type (only str, int and bool have one). */
export function typeSort(t: Type): SygusSort | undefined {
  return t.kind === "str" ? "String" : t.kind === "int" ? "Int" : t.kind === "bool" ? "Bool" : undefined;
}

/** A literal's value and sort: numerals, `(- n)`, strings, true/false; undefined when `e` is not a literal. */
export function readLiteral(e: SExp, version: 1 | 2): { value: Value; sort: SygusSort } | undefined {
  const num = numeralText(e);
  if (num !== undefined) return { value: intValue(num), sort: "Int" };
  if (e.kind === "str") return { value: decodeStringLiteral(e.raw, version), sort: "String" };
  if (e.kind === "atom" && !e.quoted && (e.text === "true" || e.text === "false")) return { value: e.text === "true", sort: "Bool" };
  if (e.kind === "list" && e.items.length === 2 && symbolOf(e.items[0]) === "-") {
    const n = numeralText(e.items[1]);
    if (n !== undefined && !n.startsWith("-")) return { value: intValue("-" + n), sort: "Int" };
  }
  return undefined;
}

function intValue(text: string): Value {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n + 0 : normInt(BigInt(text));
}

/** What a symbol in a term may refer to. */
export interface TermScope {
  readonly version: 1 | 2;
  /** Variables (parameters) by symbol: their Python name and type. */
  readonly vars: ReadonlyMap<string, { readonly name: string; readonly type: Type }>;
  /** Functions defined by `define-fun`, expanded where they are applied. */
  readonly macros?: ReadonlyMap<string, Macro>;
  /** Inside a macro body: its parameters, bound to the argument programs. */
  readonly bound?: ReadonlyMap<string, Expr>;
}

/** A `define-fun` before the synth-fun: parameters and body, substituted where it is applied. */
export interface Macro {
  readonly params: readonly { readonly symbol: string; readonly type: Type }[];
  readonly ret: Type;
  readonly body: SExp;
}

/** Reads a term as a program (throws SpecFailure naming the line on an ill-sorted or unsupported term). */
export function readTerm(e: SExp, scope: TermScope): Expr {
  const lit = readLiteral(e, scope.version);
  if (lit) return c(lit.value, sortType(lit.sort));
  if (e.kind === "atom") return readSymbol(e.text, e.line, scope);
  if (e.kind !== "list" || e.items.length === 0) throw new SpecFailure(`expected a term, found ${showSExp(e)}`, e.line);
  const head = symbolOf(e.items[0]);
  if (head === undefined) throw unsupported(`term ${showSExp(e)} (the operator must be a symbol)`, e.line);
  if (head === "let" || head === "exists" || head === "forall" || head === "!") throw unsupported(`'${head}' terms`, e.line);
  const args = e.items.slice(1).map((a) => readTerm(a, scope));
  const macro = scope.macros?.get(head);
  if (macro) return expandMacro(head, macro, args, e.line, scope);
  return applyOp(head, args, e.line);
}

function readSymbol(sym: string, line: number, scope: TermScope): Expr {
  const arg = scope.bound?.get(sym);
  if (arg) return arg;
  const x = scope.vars.get(sym);
  if (x) return v(x.name, x.type);
  const macro = scope.macros?.get(sym);
  if (macro && macro.params.length === 0) return readTerm(macro.body, scope);
  throw new SpecFailure(`unknown symbol ${sym}`, line);
}

/**
 * An operator applied to arguments, as a call of its SMT primitive. Left-associative operators with more than
 * two arguments fold to the left (`(str.++ a b c)` is `(str.++ (str.++ a b) c)`).
 */
export function applyOp(op: string, args: readonly Expr[], line: number): Expr {
  if (args.length > 2 && SMT_LEFT_ASSOC.has(canonicalSmtOp(op))) {
    return args.slice(2).reduce((acc, a) => applyOp(op, [acc, a], line), applyOp(op, args.slice(0, 2), line));
  }
  const prim = smtPrim(op, args.length);
  if (!prim) throw unsupported(`operator ${op} with ${args.length} argument${args.length === 1 ? "" : "s"}`, line);
  const sig = smtSignature(prim, args.map((a) => a.type));
  if (!sig) throw new SpecFailure(`ill-sorted term: ${op} does not take (${args.map((a) => sortName(a.type)).join(", ")})`, line);
  return call(prim.name, sig.ret, ...args);
}

function sortName(t: Type): string {
  return typeSort(t) ?? t.kind;
}

function expandMacro(name: string, m: Macro, args: readonly Expr[], line: number, scope: TermScope): Expr {
  if (args.length !== m.params.length) throw new SpecFailure(`${name} takes ${m.params.length} arguments, given ${args.length}`, line);
  const bound = new Map<string, Expr>();
  m.params.forEach((p, i) => {
    const a = args[i] as Expr;
    if (!typeEquals(a.type, p.type)) throw new SpecFailure(`ill-sorted term: argument ${i + 1} of ${name} must be ${sortName(p.type)}`, line);
    bound.set(p.symbol, a);
  });
  const body = readTerm(m.body, { ...scope, bound });
  if (!typeEquals(body.type, m.ret)) throw new SpecFailure(`ill-sorted definition: ${name} returns ${sortName(m.ret)}, its body is ${sortName(body.type)}`, line);
  return body;
}

/**
 * Evaluates a ground program (no variables) with SMT-LIB semantics: example inputs and outputs such as
 * `(str.++ "a" "b")` or `(- 5)`. Errors (division by zero) come back as error values.
 */
export function evalGround(e: Expr): Result {
  switch (e.t) {
    case "const":
      return e.value;
    case "call": {
      const prim = primByName(e.op);
      const args = e.args.map(evalGround);
      if (!prim?.impl) return args.find(isError) ?? args[0] ?? null;
      if (!prim.lazy) {
        const bad = args.find(isError);
        if (bad) return bad;
      }
      return prim.impl(...(args as Value[]));
    }
    case "var":
    case "lambda":
      return null;
  }
}

/** The size of a term in AST nodes: leaves (negative literals included) 1, applications 1 + their arguments. */
export function termSize(e: SExp): number {
  if (e.kind !== "list" || readLiteral(e, 2)) return 1;
  return 1 + e.items.slice(1).reduce((n, a) => n + termSize(a), 0);
}

/** Reads one term from text (used to read back emitted SyGuS: `(str.++ name " ")`). */
export function parseSygusTerm(text: string, scope: TermScope): Expr {
  const all = readSExps(text);
  const only = all[0];
  if (all.length !== 1 || !only) throw new SpecFailure(`expected one term, found ${all.length}`, 1);
  return readTerm(only, scope);
}
