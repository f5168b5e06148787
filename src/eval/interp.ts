import type { Expr } from "../dsl/expr.js";
import { primByName } from "../dsl/prims/index.js";
import { PyDict, PyError, PySet, cps, err, isError, type Result, type Value } from "../dsl/values.js";

/** Variables in scope: parameters, and loop variables inside lambda bodies. */
export type Env = ReadonlyMap<string, Value>;

const UNKNOWN_OP = (op: string): PyError => new PyError("NameError", `unknown primitive ${op}`);

/**
 * Evaluates a program with Python's semantics. Never throws for a well-typed program: Python exceptions come
 * back as PyError values. Used for validation, tests and anything outside the search's hot loop.
 */
export function evaluate(e: Expr, env: Env): Result {
  switch (e.t) {
    case "var": {
      const v = env.get(e.name);
      return v === undefined ? new PyError("NameError", e.name) : v;
    }
    case "const":
      return e.value;
    case "lambda":
      return new PyError("TypeError", "a lambda is not a value");
    case "call":
      return evalCall(e.op, e.args, env);
  }
}

function evalCall(op: string, args: readonly Expr[], env: Env): Result {
  const prim = primByName(op);
  if (!prim) return UNKNOWN_OP(op);
  if (prim.hof) return evalHof(prim.hof, args, env);
  const vals: Result[] = [];
  for (const a of args) {
    const r = evaluate(a, env);
    if (!prim.lazy && isError(r)) return r;
    vals.push(r);
  }
  return prim.impl ? prim.impl(...(vals as Value[])) : UNKNOWN_OP(op);
}

/** The elements a comprehension iterates, in Python's order (sets are only iterated by order-free aggregations). */
export function iterate(src: Value): readonly Value[] {
  if (typeof src === "string") return cps(src);
  if (src instanceof PyDict) return src.keys;
  if (src instanceof PySet) return src.items;
  return Array.isArray(src) ? (src as readonly Value[]) : [];
}

/** Binds a lambda's parameters to one element (destructuring tuples when there are several names). */
export function bindParams(env: Env, params: readonly string[], x: Value): Map<string, Value> {
  const inner = new Map(env);
  if (params.length === 1) inner.set(params[0] ?? "x", x);
  else params.forEach((p, i) => inner.set(p, (x as readonly Value[])[i] ?? null));
  return inner;
}

function evalHof(hof: NonNullable<ReturnType<typeof primByName>>["hof"] & object, args: readonly Expr[], env: Env): Result {
  const [srcExpr, ...fns] = args;
  if (!srcExpr) return err("TypeError");
  const src = evaluate(srcExpr, env);
  if (isError(src)) return src;
  const xs = iterate(src);
  const rows = fns.map((f) => {
    if (f.t !== "lambda") return xs.map(() => err("TypeError"));
    return xs.map((x) => evaluate(f.body, bindParams(env, f.params, x)));
  });
  return hof(src, ...rows);
}

/** Runs a program on positional inputs, binding them to the parameter names. */
export function run(e: Expr, paramNames: readonly string[], inputs: readonly Value[]): Result {
  const env = new Map<string, Value>();
  paramNames.forEach((n, i) => env.set(n, inputs[i] ?? null));
  return evaluate(e, env);
}
