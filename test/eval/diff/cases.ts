/**
 * Random cases for an instance: argument values for its slots (some related to each other, so that
 * substrings, members and keys occur), and sometimes an argument that raises instead of producing a value.
 */
import { c, call, v, type Expr } from "../../../src/dsl/expr.js";
import { pyRepr } from "../../../src/dsl/repr.js";
import { INT, list, typeKey, type Type } from "../../../src/dsl/types.js";
import { cps, type PyDict, type PySet, type Value } from "../../../src/dsl/values.js";
import { randomValue, type RandomOptions, type Rng } from "../../../src/validate/random.js";
import type { Instance } from "./instances.js";

/** One evaluation: the expression, its variables' values, and their Python literal sources. */
export interface Case {
  readonly instance: Instance;
  readonly expr: Expr;
  /** The slots' values (before any wrapping into a raising expression). */
  readonly values: readonly Value[];
  readonly env: Map<string, Value>;
  readonly bindings: Record<string, string>;
}

/** Knobs of case generation. */
export interface CaseOptions {
  /** Probability that an argument is replaced by a value harvested from another argument. */
  readonly relatedRate: number;
  /** Probability that an argument is wrapped into an expression that raises. */
  readonly errorRate: number;
  readonly random: RandomOptions;
}

export const CASE_DEFAULTS: CaseOptions = {
  relatedRate: 0.35,
  errorRate: 0.04,
  random: { maxLen: 6, maxStrLen: 10 },
};

/** A random case of the instance. */
export function randomCase(inst: Instance, variant: number, rng: Rng, opts: CaseOptions = CASE_DEFAULTS): Case {
  const values = inst.slots.map((t) => randomValue(t, rng, opts.random));
  relate(inst.slots, values, rng, opts.relatedRate);
  const env = new Map<string, Value>();
  const bindings: Record<string, string> = {};
  const slotExprs = inst.slots.map((t, i) => {
    const name = `a${i}`;
    env.set(name, values[i] as Value);
    bindings[name] = pyRepr(values[i] as Value, t);
    const plain = v(name, t);
    return rng.chance(opts.errorRate) ? raising(plain, rng) : plain;
  });
  return { instance: inst, expr: inst.build(slotExprs, variant), values, env, bindings };
}

/** `[e][1]` (IndexError) or `[e][1 // 0]` (ZeroDivisionError): an expression of e's type that raises. */
function raising(e: Expr, rng: Rng): Expr {
  const index = rng.chance(0.5) ? c(1, INT) : call("int.floordiv", INT, c(1, INT), c(0, INT));
  return call("seq.get", e.type, call("list.single", list(e.type), e), index);
}

/** Replaces some arguments by parts of the others (a substring, an element, a key, a length). */
function relate(types: readonly Type[], values: Value[], rng: Rng, rate: number): void {
  for (let i = 0; i < types.length; i++) {
    if (!rng.chance(rate)) continue;
    const want = typeKey(types[i] as Type);
    const pool: Value[] = [];
    values.forEach((x, j) => {
      if (j !== i) harvest(x, types[j] as Type, want, pool, rng);
    });
    if (pool.length > 0) values[i] = rng.pick(pool);
  }
}

/** Collects the parts of `x` (of type `t`) whose type is `want`. */
function harvest(x: Value, t: Type, want: string, pool: Value[], rng: Rng): void {
  if (typeKey(t) === want) pool.push(x);
  if (want === "int" && (typeof x === "string" || Array.isArray(x))) {
    const n = typeof x === "string" ? cps(x).length : x.length;
    pool.push(n, rng.int(-n, Math.max(-n, n - 1))); // the length, and an index (valid unless the sequence is empty)
  }
  if (typeof x === "string" && want === "str") pool.push(substring(x, rng));
  const parts = partsOf(x, t);
  for (const [px, pt] of parts) harvest(px, pt, want, pool, rng);
}

function partsOf(x: Value, t: Type): [Value, Type][] {
  switch (t.kind) {
    case "list":
    case "vtuple":
      return (x as readonly Value[]).map((e) => [e, t.el]);
    case "tuple":
      return (x as readonly Value[]).map((e, i) => [e, t.els[i] as Type]);
    case "set":
      return (x as PySet).items.map((e) => [e, t.el]);
    case "dict":
      return (x as PyDict).keys.flatMap((k, i): [Value, Type][] => [[k, t.key], [(x as PyDict).vals[i] as Value, t.val]]);
    default:
      return [];
  }
}

function substring(s: string, rng: Rng): string {
  const a = cps(s);
  const i = rng.int(0, a.length);
  const j = rng.int(i, Math.min(a.length, i + 4));
  return a.slice(i, j).join("");
}
