import { isLambdaArg, type Primitive, type TypeConstraint } from "../dsl/primitive.js";
import { isHashable, isOrderable, iterElement, typeKey, type Type } from "../dsl/types.js";
import type { Expr } from "../dsl/expr.js";
import type { Value } from "../dsl/values.js";

/** A nonterminal: for the Python DSL one per type; SyGuS grammars name their own. */
export interface Nonterminal {
  readonly name: string;
  readonly type: Type;
}

/**
 * One production of a probabilistic grammar. `cost` is -log2 of its probability given its left-hand side,
 * in cost units (see COST_SCALE): cheaper productions are enumerated first.
 */
export type Production =
  | { readonly kind: "var"; readonly lhs: number; readonly name: string; readonly cost: number; readonly key: string }
  | { readonly kind: "const"; readonly lhs: number; readonly value: Value; readonly cost: number; readonly key: string }
  /** A whole expression offered as one cheap step: subprograms of retrieved corpus solutions ("seeds"). */
  | { readonly kind: "seed"; readonly lhs: number; readonly expr: Expr; readonly cost: number; readonly key: string }
  | {
      readonly kind: "op";
      readonly lhs: number;
      readonly prim: Primitive;
      /** Nonterminals of the arguments. */
      readonly args: readonly number[];
      readonly cost: number;
      readonly key: string;
    }
  | {
      readonly kind: "hof";
      readonly lhs: number;
      readonly prim: Primitive;
      /** Nonterminal of the iteration source (argument 0). */
      readonly source: number;
      /** Nonterminals of the lambda bodies (arguments 1..n). */
      readonly bodies: readonly number[];
      readonly cost: number;
      readonly key: string;
    };

/**
 * A production as an object of one fixed shape, whatever its kind: the enumerator reads productions of every kind
 * in the same loops, and objects of five shapes would make each of those property reads megamorphic (V8), which
 * cost about half a millisecond per search in the enumerator's set-up alone.
 */
export function makeProduction(d: ProductionDraft, cost: number): Production {
  // Each kind's fields are read in a branch of its own: drafts of one kind share a shape, so every read stays
  // monomorphic (reading all fields of all drafts at one site cost about 50 us per grammar).
  switch (d.kind) {
    case "var":
      return shaped(d.kind, d.lhs, cost, d.key, d.name, undefined, undefined, undefined, undefined, undefined, undefined);
    case "const":
      return shaped(d.kind, d.lhs, cost, d.key, undefined, d.value, undefined, undefined, undefined, undefined, undefined);
    case "seed":
      return shaped(d.kind, d.lhs, cost, d.key, undefined, undefined, d.expr, undefined, undefined, undefined, undefined);
    case "op":
      return shaped(d.kind, d.lhs, cost, d.key, undefined, undefined, undefined, d.prim, d.args, undefined, undefined);
    case "hof":
      return shaped(d.kind, d.lhs, cost, d.key, undefined, undefined, undefined, d.prim, undefined, d.source, d.bodies);
  }
}

function shaped(kind: Production["kind"], lhs: number, cost: number, key: string, name: string | undefined, value: Value | undefined, expr: Expr | undefined, prim: Primitive | undefined, args: readonly number[] | undefined, source: number | undefined, bodies: readonly number[] | undefined): Production {
  return { kind, lhs, cost, key, name, value, expr, prim, args, source, bodies } as unknown as Production;
}

/** A production before costs are normalized. */
export type ProductionDraft = Production extends unknown ? (Production extends infer P ? (P extends Production ? Omit<P, "cost"> : never) : never) : never;

/** Grammar for one problem: what the enumerator may build. Immutable once built. */
export interface Grammar {
  readonly nts: readonly Nonterminal[];
  readonly prods: readonly Production[];
  /** Nonterminal of the program's result. */
  readonly start: number;
  /** Nonterminal index by name. */
  readonly ntIndex: ReadonlyMap<string, number>;
  /**
   * Equal for grammars whose productions have the same kinds, left-hand sides and operators in the same order
   * (costs and constant values may differ): what the enumerator derives from that structure alone is kept per
   * shape. Absent: nothing is kept.
   */
  readonly shape?: string;
}

/** Cost units per bit of -log2 probability. Finer units order programs more precisely but add levels. */
export const COST_SCALE = 2;

/** True when `t` satisfies a type variable's constraint. */
export function satisfies(t: Type, c: TypeConstraint): boolean {
  switch (c) {
    case "any":
      return t.kind !== "none" && t.kind !== "optional";
    case "orderable":
      return isOrderable(t);
    case "hashable":
      return isHashable(t) && t.kind !== "none" && t.kind !== "optional";
    case "seq":
      return t.kind === "str" || t.kind === "list" || t.kind === "vtuple";
    case "listlike":
      return t.kind === "list" || t.kind === "vtuple";
    case "iterable":
      return t.kind === "str" || t.kind === "list" || t.kind === "vtuple" || t.kind === "dict";
    case "dict":
      return t.kind === "dict";
    case "set":
      return t.kind === "set";
    case "tuple":
      return t.kind === "tuple";
  }
}

/** Every instantiation of a primitive's type variables over `universe` whose types all lie in the universe. */
export function instantiate(p: Primitive, universe: readonly Type[], has: (t: Type) => boolean): { args: Type[]; lambdas: Type[]; ret: Type; src?: Type }[] {
  const vars = Object.entries(p.vars ?? {});
  const out: { args: Type[]; lambdas: Type[]; ret: Type; src?: Type }[] = [];
  const assign = (i: number, tv: Record<string, Type>): void => {
    if (i === vars.length) {
      const s = p.sig(tv);
      if (!s || !has(s.ret)) return;
      const args: Type[] = [];
      const lambdas: Type[] = [];
      for (const a of s.args) {
        if (isLambdaArg(a)) lambdas.push(a.ret);
        else args.push(a);
      }
      if (!args.every(has) || !lambdas.every(has)) return;
      if (lambdas.length > 0) {
        const src = args[0];
        const el = src ? iterElement(src) : undefined;
        if (!src || !el || args.length !== 1 || !elementTypesIn(el, has)) return;
      }
      out.push({ args, lambdas, ret: s.ret });
      return;
    }
    const [name, constraint] = vars[i] as [string, TypeConstraint];
    for (const t of universe) if (satisfies(t, constraint)) assign(i + 1, { ...tv, [name]: t });
  };
  assign(0, {});
  return out;
}

/** Bound variables of a comprehension over elements of type `el` must have nonterminals. */
function elementTypesIn(el: Type, has: (t: Type) => boolean): boolean {
  return has(el) && (el.kind !== "tuple" || el.els.every(has));
}

/** Converts unnormalized log2-weights per production into integer costs, normalized per left-hand side. */
export function normalizeCosts(weights: ArrayLike<number>, lhs: ArrayLike<number>): number[] {
  let nts = 0;
  for (let i = 0; i < lhs.length; i++) nts = Math.max(nts, (lhs[i] as number) + 1);
  const total = new Float64Array(nts);
  for (let i = 0; i < weights.length; i++) {
    const l = lhs[i] ?? 0;
    total[l] = (total[l] as number) + pow2(weights[i] as number);
  }
  const out = new Array<number>(weights.length);
  for (let i = 0; i < weights.length; i++) {
    out[i] = costOf(Math.log2(total[lhs[i] ?? 0] as number) - (weights[i] as number));
  }
  return out;
}

/**
 * 2 ** x, computed as exp(x ln 2): V8's general power routine takes about four times as long, and grammar set-up
 * raises a few hundred weights per search. (The two may differ in the last bit.)
 */
export function pow2(x: number): number {
  return Math.exp(x * Math.LN2);
}

/** A production's integer cost from its -log2 probability (bits): at least 1, so every level is finite. */
export function costOf(bits: number): number {
  return Math.max(1, Math.round(bits * COST_SCALE));
}

export { typeKey };
