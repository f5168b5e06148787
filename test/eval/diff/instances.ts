/**
 * Instantiations of the primitive table for the differential test: each polymorphic primitive over a
 * representative set of types, and each higher-order primitive over iteration sources and lambda bodies.
 *
 * An instance is a call template: typed argument slots (bound to random values) and a builder that makes the
 * call expression from the slots' expressions (plain variables, or variables wrapped to raise).
 */
import { call, type Expr } from "../../../src/dsl/expr.js";
import { isLambdaArg, type Primitive } from "../../../src/dsl/primitive.js";
import { BOOL, FLOAT, INT, STR, dict, iterElement, list, set, tuple, typeKey, vtuple, type Type } from "../../../src/dsl/types.js";
import { satisfies } from "../../../src/search/grammar.js";
import { lambdaBodies } from "./bodies.js";

/** One way to call a primitive: argument slot types and the call built from the slots' expressions. */
export interface Instance {
  readonly prim: string;
  /** Readable key: the primitive with its argument and result types. */
  readonly key: string;
  readonly slots: readonly Type[];
  readonly ret: Type;
  /** How many lambda-body alternatives `build` cycles through (case i uses variant i); 1 for first-order calls. */
  readonly variants: number;
  readonly build: (slots: readonly Expr[], variant: number) => Expr;
}

/** The types type variables range over: scalars, the common containers, and a few nested shapes. */
export const UNIVERSE: readonly Type[] = [
  INT, FLOAT, BOOL, STR,
  list(INT), list(STR), list(FLOAT), list(BOOL), list(list(INT)), list(tuple([INT, STR])),
  vtuple(INT), vtuple(STR), tuple([INT, STR]), tuple([STR, INT, FLOAT]),
  dict(STR, INT), dict(INT, STR), set(INT), set(STR),
];

/** Every instance of a primitive (none when no instantiation over the universe is valid). */
export function instancesOf(p: Primitive): Instance[] {
  return p.hof ? hofInstances(p) : firstOrderInstances(p);
}

/** All assignments of the primitive's type variables to universe types that meet their constraints. */
function assignments(p: Primitive, universe: readonly Type[]): Record<string, Type>[] {
  let out: Record<string, Type>[] = [{}];
  for (const [name, constraint] of Object.entries(p.vars ?? {})) {
    const next: Record<string, Type>[] = [];
    for (const tv of out) for (const t of universe) if (satisfies(t, constraint)) next.push({ ...tv, [name]: t });
    out = next;
  }
  return out;
}

function firstOrderInstances(p: Primitive): Instance[] {
  const seen = new Map<string, Instance>();
  for (const tv of assignments(p, UNIVERSE)) {
    const s = p.sig(tv);
    if (!s || s.args.some(isLambdaArg)) continue;
    const slots = s.args as readonly Type[];
    const key = `${p.name}(${slots.map(typeKey).join(", ")}) -> ${typeKey(s.ret)}`;
    if (seen.has(key)) continue;
    seen.set(key, { prim: p.name, key, slots, ret: s.ret, variants: 1, build: (args) => call(p.name, s.ret, ...args) });
  }
  return [...seen.values()];
}

/** An iteration source of a comprehension: slots and the source expression built from them. */
interface Source {
  readonly slots: readonly Type[];
  readonly type: Type;
  readonly build: (slots: readonly Expr[]) => Expr;
  /** Names a destructuring comprehension binds for tuple elements (`for i, x in enumerate(...)`). */
  readonly names: readonly string[];
  readonly label: string;
}

const varSource = (t: Type): Source => ({ slots: [t], type: t, build: ([e]) => e as Expr, names: ["a", "b", "c"], label: typeKey(t) });

function callSource(op: string, type: Type, slots: readonly Type[], names: readonly string[] = ["a", "b", "c"]): Source {
  return { slots, type, build: (es) => call(op, type, ...es), names, label: `${op}(${slots.map(typeKey).join(", ")})` };
}

/** Sources: a variable of each iterable universe type, and the calls that render as iteration sources. */
const SOURCES: readonly Source[] = [
  ...UNIVERSE.filter((t) => satisfies(t, "iterable")).map(varSource),
  callSource("seq.enumerate", list(tuple([INT, STR])), [STR], ["i", "x"]),
  callSource("seq.enumerate", list(tuple([INT, INT])), [list(INT)], ["i", "x"]),
  callSource("dict.items", list(tuple([STR, INT])), [dict(STR, INT)], ["k", "v"]),
  callSource("dict.values", list(INT), [dict(STR, INT)]),
  callSource("seq.zip", list(tuple([INT, STR])), [list(INT), list(STR)]),
  callSource("range.n", list(INT), [INT]),
  callSource("range.ab", list(INT), [INT, INT]),
  callSource("str.split", list(STR), [STR]),
];

/** Result types tried for a higher-order primitive's lambda (its `R` variable). */
const LAMBDA_RESULTS: readonly Type[] = [INT, FLOAT, BOOL, STR, list(INT), tuple([INT, STR])];

function hofInstances(p: Primitive): Instance[] {
  const out: Instance[] = [];
  const rs = p.vars && "R" in p.vars ? LAMBDA_RESULTS : [INT];
  for (const src of SOURCES) {
    if (!satisfies(src.type, p.vars?.["S"] ?? "iterable")) continue;
    for (const r of rs) {
      const inst = hofInstance(p, src, r);
      if (inst) out.push(inst);
    }
  }
  return out;
}

/** The bound parameters of a lambda over the source's elements, as the enumerator binds them. */
function lambdaParams(p: Primitive, src: Source, el: Type): { name: string; type: Type }[] {
  if (el.kind === "tuple" && el.els.length > 1 && (p.binder ?? "comp") === "comp") {
    return el.els.map((t, i) => ({ name: src.names[i] ?? `v${i}`, type: t }));
  }
  return [{ name: el.kind === "tuple" ? "p" : "x", type: el }];
}

function hofInstance(p: Primitive, src: Source, r: Type): Instance | undefined {
  const s = p.sig({ S: src.type, R: r });
  const el = iterElement(src.type);
  if (!s || !el) return undefined;
  const params = lambdaParams(p, src, el);
  const lambdaRets = s.args.filter(isLambdaArg).map((a) => a.ret);
  const bodies = lambdaRets.map((t) => lambdaBodies(params, t));
  if (bodies.some((b) => b.length === 0)) return undefined;
  const variants = Math.max(...bodies.map((b) => b.length));
  const names = params.map((q) => q.name);
  const key = `${p.name}(${src.label}, ${lambdaRets.map((t) => `λ ${names.join(", ")} -> ${typeKey(t)}`).join(", ")}) -> ${typeKey(s.ret)}`;
  const build = (slots: readonly Expr[], variant: number): Expr => {
    const lambdas = bodies.map((b) => ({ t: "lambda" as const, params: names, body: b[variant % b.length] as Expr, type: (b[0] as Expr).type }));
    return call(p.name, s.ret, src.build(slots), ...lambdas);
  };
  return { prim: p.name, key, slots: src.slots, ret: s.ret, variants, build };
}
