import type { Type } from "./types.js";
import type { Result, Value } from "./values.js";

/**
 * A constraint on a type variable of a polymorphic primitive. The grammar builder instantiates variables only
 * with types from the problem's type universe that satisfy the constraint.
 */
export type TypeConstraint =
  /** any type of the universe */
  | "any"
  | "orderable"
  | "hashable"
  /** str, list[T] or tuple[T, ...] */
  | "seq"
  /** list[T] or tuple[T, ...] */
  | "listlike"
  /** what a comprehension may iterate in a defined order: str, list, tuple, dict (keys) */
  | "iterable"
  | "dict"
  | "set"
  /** fixed-shape tuples */
  | "tuple";

/** An argument position: a value of a type, or a function over the elements of the primitive's first argument. */
export type ArgSpec = Type | { readonly lambda: true; readonly ret: Type };

export interface Signature {
  readonly args: readonly ArgSpec[];
  readonly ret: Type;
}

/**
 * Python precedence levels, lowest first (the Python reference's table). A template placeholder says the least
 * level its argument needs; the emitter parenthesizes an argument whose level is lower.
 */
export const PREC = {
  lambda: 0,
  if: 1,
  or: 2,
  and: 3,
  not: 4,
  cmp: 5,
  bor: 6,
  bxor: 7,
  band: 8,
  shift: 9,
  add: 10,
  mul: 11,
  unary: 12,
  pow: 13,
  atom: 15,
} as const;
export type PrecName = keyof typeof PREC;

/**
 * One row of the primitive table (HOUSE-STYLE habit 3): everything the system knows about an operation.
 *
 * Templates: `{0}` is argument 0 (inside brackets or call parentheses), `{0:add}` requires the argument to bind at
 * least as tightly as `+` (else it is parenthesized), `{0:iter}` renders an iteration source (`range(n)` rather
 * than `list(range(n))`), `{1@}` is the loop target of lambda argument 1 (`x`, or `i, x` for destructured
 * tuples). In TypeScript templates `$name` calls a runtime helper that the emitter includes once.
 */
export interface Primitive {
  /** Stable name stored in programs and the corpus ("str.upper", "int.floordiv"). Never reuse a name. */
  readonly name: string;
  /** Type variables with their constraints; absent for monomorphic primitives. */
  readonly vars?: Readonly<Record<string, TypeConstraint>>;
  /** The signature for one instantiation of the variables, or undefined when that instantiation is invalid. */
  readonly sig: (tv: Readonly<Record<string, Type>>) => Signature | undefined;
  /** Relative prior cost (1 = the most common operations). The grammar turns costs into probabilities. */
  readonly cost: number;
  /**
   * Strict primitives never see error arguments (the evaluator propagates the first error).
   * Lazy ones (conditionals, and/or) receive errors as values and decide, as Python's short-circuiting does.
   */
  readonly lazy?: boolean;
  /** Semantics for first-order primitives. Must not throw for any well-typed input; errors are values. */
  readonly impl?: (...args: Value[]) => Result;
  /**
   * The exact length of impl's result (list elements, or string UTF-16 code units) computed from the arguments
   * alone, for primitives whose results can be far longer than their arguments (ranges, repetition); undefined
   * when it is not cheap to know. The search refuses a call whose result would exceed its size limits before
   * building it (the result would be refused anyway); the interpreter never uses this.
   */
  readonly size?: (...args: Value[]) => number | undefined;
  /**
   * Semantics for higher-order primitives: the source value (argument 0) and, for each lambda argument, its
   * result on every element of the source, in iteration order (errors included, as values).
   */
  readonly hof?: (src: Value, ...perElement: readonly Result[][]) => Result;
  /**
   * How lambda arguments bind tuple elements: "comp" (default) destructures them as a comprehension does
   * (`for i, x in enumerate(xs)`); "lambda" binds one name (`key=lambda p: p[1]`), as Python 3 lambdas must.
   */
  readonly binder?: "comp" | "lambda";
  /** Python rendering template and the precedence of the whole expression. */
  readonly py: string;
  readonly pyPrec: PrecName;
  /** Rendering when used as a comprehension's iteration source (defaults to `py`). */
  readonly pyIter?: string;
  /** TypeScript rendering template (placeholders are always parenthesized as needed by the emitter). */
  readonly ts: string;
  /** Python imports the rendering needs ("math", "re"). */
  readonly imports?: readonly string[];
  /**
   * Python helper functions the rendering calls (names in src/emit/py-runtime.ts, for semantics Python has no
   * builtin for, such as SMT-LIB's str.substr). The emitter includes each once, before the function.
   */
  readonly pyHelpers?: readonly string[];
  /** Words of descriptions that suggest this primitive (the lexicon's per-primitive part). */
  readonly hints?: readonly string[];
  /** For SMT-LIB primitives: the operator name in SyGuS output. */
  readonly smt?: string;
  /**
   * On two safe-integer arguments this primitive equals the JS operator (for add, sub and mul: whenever the result
   * is a safe integer too). The enumerator's integer loop computes it inline; the differential tests cover `impl`,
   * which stays the definition.
   */
  readonly fastInt?: "add" | "sub" | "mul" | "lt" | "le" | "gt" | "ge" | "eq" | "ne";
  /**
   * A conditional (bool, T, T) -> T: the second argument when the first is True, the third when it is False, the
   * first's error when it raised (lazy: the branch not taken is never looked at). The enumerator then selects
   * encoded values directly instead of calling `impl`.
   */
  readonly select?: true;
}

/** Helper to declare a monomorphic primitive's signature. */
export function mono(args: readonly ArgSpec[], ret: Type): Primitive["sig"] {
  const s: Signature = { args, ret };
  return () => s;
}

export const fn = (ret: Type): ArgSpec => ({ lambda: true, ret });

export function isLambdaArg(a: ArgSpec): a is { readonly lambda: true; readonly ret: Type } {
  return "lambda" in a;
}

/** Primitive.size of repetition: `len` items (or code units) repeated `count` times; undefined unless count is a number. */
export function repeatLength(len: number, count: Value): number | undefined {
  return typeof count === "number" ? (count <= 0 ? 0 : len * count) : undefined;
}
