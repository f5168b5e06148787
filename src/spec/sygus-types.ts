/**
 * What a SyGuS problem keeps beyond the common Problem fields (`Problem.sygus`): the grammar the search must stay
 * within, the names as the file spells them, and the reference solution a benchmark may carry. Pure data.
 */
import type { Expr } from "../dsl/expr.js";
import type { Value } from "../dsl/values.js";

/** The SMT-LIB sorts of the supported fragment. */
export type SygusSort = "String" | "Int" | "Bool";

/**
 * One production of a grammar nonterminal:
 * - `nt`: another nonterminal (`Start -> ntString`);
 * - `var`: a parameter of the function, by its Python name (`Problem.params`);
 * - `const`: a literal;
 * - `op`: an SMT-LIB operator, by the stable name of its primitive (src/dsl/prims/smt.ts), applied to argument
 *   terms, usually nonterminals but possibly nested terms (`(str.++ ntString " ")`).
 */
export type SygusRule =
  | { readonly kind: "nt"; readonly name: string }
  | { readonly kind: "var"; readonly name: string; readonly sort: SygusSort }
  | { readonly kind: "const"; readonly value: Value; readonly sort: SygusSort }
  | { readonly kind: "op"; readonly prim: string; readonly args: readonly SygusRule[]; readonly sort: SygusSort };

/** A nonterminal of the grammar, with its productions in the file's order. */
export interface SygusNonterminal {
  readonly name: string;
  readonly sort: SygusSort;
  readonly rules: readonly SygusRule[];
  /** 1-based line of its definition. */
  readonly line: number;
}

/** The grammar of a `synth-fun`. `start` names the nonterminal of the function's result. */
export interface SygusGrammar {
  readonly start: string;
  readonly nonterminals: readonly SygusNonterminal[];
}

/** A solution that came with the problem (EuPhony's training set ends each file with one). */
export interface SygusReference {
  /** The `(define-fun ...)` text as written. */
  readonly text: string;
  /** Its body's size in AST nodes (applications and leaves, counted as `exprSize` counts programs). */
  readonly size: number;
  readonly line: number;
  /** The body as a program over the problem's parameters, when every operator in it is supported. */
  readonly program?: Expr;
}

/** The SyGuS part of a Problem (`Problem.sygus`). */
export interface SygusData {
  /** SyGuS-IF language version the file is written in (v1: SMT-LIB 2.5 names; v2: 2.6). */
  readonly version: 1 | 2;
  readonly logic: string;
  /** The `synth-fun` symbol as written (Problem.name is the same made a Python identifier). */
  readonly funSymbol: string;
  /** The parameter symbols as written, in order (Problem.params has their Python names). */
  readonly paramSymbols: readonly string[];
  readonly paramSorts: readonly SygusSort[];
  readonly returnSort: SygusSort;
  readonly grammar: SygusGrammar;
  readonly reference?: SygusReference;
}
