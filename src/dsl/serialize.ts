import type { Expr } from "./expr.js";
import { fromJsonValue, pyRepr, toJsonValue } from "./repr.js";
import { parseTypeAnnotation, typeKey } from "./types.js";

/**
 * The stable stored form of a program: JSON with primitives by stable name and types as annotation text.
 * `["op", type, ...args]`, `["$", name, type]` for variables, `["#", value, type]` for constants,
 * `["λ", [params], body]` for lambdas. Stored programs survive changes to the primitive table's order.
 */
export type ExprJson = readonly unknown[];

export function exprToJson(e: Expr): ExprJson {
  switch (e.t) {
    case "var":
      return ["$", e.name, typeKey(e.type)];
    case "const":
      return ["#", toJsonValue(e.value), typeKey(e.type)];
    case "lambda":
      return ["λ", [...e.params], exprToJson(e.body)];
    case "call":
      return [e.op, typeKey(e.type), ...e.args.map(exprToJson)];
  }
}

/** Inverse of exprToJson; undefined when the data is not a program (a corrupt or foreign record). */
export function exprFromJson(j: unknown): Expr | undefined {
  if (!Array.isArray(j) || typeof j[0] !== "string") return undefined;
  const [tag, a, b, ...rest] = j as [string, unknown, unknown, ...unknown[]];
  if (tag === "λ") {
    const body = exprFromJson(b);
    return Array.isArray(a) && body ? { t: "lambda", params: a.map(String), body, type: body.type } : undefined;
  }
  const type = typeof (tag === "$" || tag === "#" ? b : a) === "string" ? parseTypeAnnotation((tag === "$" || tag === "#" ? b : a) as string) : undefined;
  if (!type) return undefined;
  if (tag === "$") return typeof a === "string" ? { t: "var", name: a, type } : undefined;
  if (tag === "#") return { t: "const", value: fromJsonValue(a), type };
  const args = [b, ...rest].filter((x) => x !== undefined).map(exprFromJson);
  if (args.some((x) => !x)) return undefined;
  return { t: "call", op: tag, args: args as Expr[], type };
}

/** A compact, readable S-expression (for logs, reports and the corpus's text search). */
export function exprToSexpr(e: Expr): string {
  switch (e.t) {
    case "var":
      return e.name;
    case "const":
      return pyRepr(e.value, e.type);
    case "lambda":
      return `(λ ${e.params.join(" ")}. ${exprToSexpr(e.body)})`;
    case "call":
      return e.args.length === 0 ? `(${e.op})` : `(${e.op} ${e.args.map(exprToSexpr).join(" ")})`;
  }
}


