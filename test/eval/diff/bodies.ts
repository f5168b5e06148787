/**
 * Lambda bodies for higher-order primitives: small expressions over the bound variables, built from the DSL's
 * own primitives, chosen to exercise errors inside comprehensions (`10 // x`, `x[0]`, `ord(x)`) as well as
 * ordinary results.
 */
import { c, call, v, type Expr } from "../../../src/dsl/expr.js";
import { BOOL, FLOAT, INT, STR, list, typeKey, type Type } from "../../../src/dsl/types.js";

/** A one-step transformation of an expression of type `from` into one of type `to`. */
interface Step {
  readonly from: string;
  readonly to: Type;
  readonly make: (x: Expr) => Expr;
}

const int = (n: number): Expr => c(n, INT);
const LI = list(INT);

const STEPS: readonly Step[] = [
  { from: "int", to: INT, make: (x) => call("int.mul", INT, x, int(2)) },
  { from: "int", to: INT, make: (x) => call("int.mod", INT, x, int(3)) },
  { from: "int", to: INT, make: (x) => call("int.floordiv", INT, int(10), x) },
  { from: "int", to: BOOL, make: (x) => call("cmp.eq", BOOL, call("int.mod", INT, x, int(2)), int(0)) },
  { from: "int", to: BOOL, make: (x) => call("cmp.gt", BOOL, x, int(0)) },
  { from: "int", to: STR, make: (x) => call("int.str", STR, x) },
  { from: "int", to: FLOAT, make: (x) => call("int.truediv", FLOAT, x, int(2)) },
  { from: "float", to: FLOAT, make: (x) => call("float.mul", FLOAT, x, c(2, FLOAT)) },
  { from: "float", to: FLOAT, make: (x) => call("float.div", FLOAT, c(1, FLOAT), x) },
  { from: "float", to: INT, make: (x) => call("float.round", INT, x) },
  { from: "float", to: BOOL, make: (x) => call("cmp.gt", BOOL, x, c(0.5, FLOAT)) },
  { from: "float", to: STR, make: (x) => call("float.str", STR, x) },
  { from: "bool", to: BOOL, make: (x) => call("bool.not", BOOL, x) },
  { from: "bool", to: INT, make: (x) => call("bool.int", INT, x) },
  { from: "str", to: STR, make: (x) => call("str.upper", STR, x) },
  { from: "str", to: STR, make: (x) => call("seq.concat", STR, x, x) },
  { from: "str", to: STR, make: (x) => call("seq.get", STR, x, int(0)) },
  { from: "str", to: INT, make: (x) => call("seq.len", INT, x) },
  { from: "str", to: INT, make: (x) => call("str.ord", INT, x) },
  { from: "str", to: BOOL, make: (x) => call("str.isupper", BOOL, x) },
  { from: "str", to: BOOL, make: (x) => call("str.contains", BOOL, x, c("aeiou", STR)) },
  { from: "str", to: FLOAT, make: (x) => call("str.float", FLOAT, x) },
  { from: "list[int]", to: INT, make: (x) => call("seq.len", INT, x) },
  { from: "list[int]", to: INT, make: (x) => call("seq.sum", INT, x) },
  { from: "list[int]", to: LI, make: (x) => call("seq.sorted", LI, x) },
  { from: "tuple[int, str]", to: INT, make: (x) => call("tuple.fst", INT, x) },
  { from: "tuple[int, str]", to: STR, make: (x) => call("tuple.snd", STR, x) },
  { from: "tuple[int, int]", to: INT, make: (x) => call("tuple.snd", INT, x) },
  { from: "tuple[str, int]", to: INT, make: (x) => call("tuple.snd", INT, x) },
  { from: "tuple[str, int]", to: STR, make: (x) => call("tuple.fst", STR, x) },
];

/** How many bodies one lambda cycles through at most. */
const MAX_BODIES = 8;

/**
 * Bodies of type `ret` over the bound variables: the variables themselves, then one and two steps of STEPS
 * away from them (deduplicated by their printed form, at most MAX_BODIES, in a fixed order).
 */
export function lambdaBodies(params: readonly { name: string; type: Type }[], ret: Type): Expr[] {
  let frontier: Expr[] = params.map((p) => v(p.name, p.type));
  const all = [...frontier];
  for (let depth = 0; depth < 2; depth++) {
    frontier = frontier.flatMap((e) => STEPS.filter((s) => s.from === typeKey(e.type)).map((s) => s.make(e)));
    all.push(...frontier);
  }
  const want = typeKey(ret);
  const seen = new Set<string>();
  const out: Expr[] = [];
  for (const e of all) {
    const k = JSON.stringify(e);
    if (typeKey(e.type) !== want || seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out.slice(0, MAX_BODIES);
}
