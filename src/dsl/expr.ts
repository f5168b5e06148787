import type { Type } from "./types.js";
import type { Value } from "./values.js";

/**
 * A program of the DSL. Primitives are referred to by their stable name (`op`), never by an index, so stored
 * programs survive changes to the primitive table.
 */
export type Expr =
  | { readonly t: "var"; readonly name: string; readonly type: Type }
  | { readonly t: "const"; readonly value: Value; readonly type: Type }
  | { readonly t: "call"; readonly op: string; readonly args: readonly Expr[]; readonly type: Type }
  /** A function argument of a higher-order primitive: `params` are bound to each element (destructured tuples bind several). */
  | { readonly t: "lambda"; readonly params: readonly string[]; readonly body: Expr; readonly type: Type };

export const v = (name: string, type: Type): Expr => ({ t: "var", name, type });
export const c = (value: Value, type: Type): Expr => ({ t: "const", value, type });
export const call = (op: string, type: Type, ...args: Expr[]): Expr => ({ t: "call", op, args, type });
export const lam = (params: readonly string[], body: Expr): Expr => ({ t: "lambda", params, body, type: body.type });

/** Number of AST nodes (the "size" reported everywhere). Lambdas count their body only. */
export function exprSize(e: Expr): number {
  switch (e.t) {
    case "var":
    case "const":
      return 1;
    case "lambda":
      return exprSize(e.body);
    case "call":
      return 1 + e.args.reduce((n, a) => n + exprSize(a), 0);
  }
}

/** Every sub-expression, outermost first (lambda bodies included). */
export function* subexprs(e: Expr): Generator<Expr> {
  yield e;
  if (e.t === "call") for (const a of e.args) yield* subexprs(a);
  if (e.t === "lambda") yield* subexprs(e.body);
}

/** Names of primitives used, with multiplicity, in pre-order. */
export function opsOf(e: Expr): string[] {
  const out: string[] = [];
  for (const s of subexprs(e)) if (s.t === "call") out.push(s.op);
  return out;
}
