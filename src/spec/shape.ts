import { UNKNOWN, dict, list, optional, set, tuple, unify, vtuple, type Type } from "../dsl/types.js";

/**
 * Reads homogeneous fixed-shape tuples as `tuple[T, ...]`, recursively: `tuple[int, int]` becomes
 * `tuple[int, ...]`, `tuple[int, str]` stays. Python code uses homogeneous tuples like read-only lists, so an
 * example `(3, 4, 5)` says "a tuple of ints", not "exactly three ints". `()` becomes `tuple[?, ...]`.
 */
export function generalizeTuples(t: Type): Type {
  switch (t.kind) {
    case "list":
      return list(generalizeTuples(t.el));
    case "set":
      return set(generalizeTuples(t.el));
    case "optional":
      return optional(generalizeTuples(t.el));
    case "vtuple":
      return vtuple(generalizeTuples(t.el));
    case "dict":
      return dict(generalizeTuples(t.key), generalizeTuples(t.val));
    case "tuple":
      return generalizeTuple(t.els.map(generalizeTuples));
    default:
      return t;
  }
}

function generalizeTuple(els: readonly Type[]): Type {
  const first = els[0];
  if (first === undefined) return vtuple(UNKNOWN);
  if (!els.every((e) => sameShape(e, first))) return tuple(els);
  const el = els.reduce<Type | undefined>((acc, e) => (acc ? unify(acc, e) : undefined), UNKNOWN);
  return el ? vtuple(el) : tuple(els);
}

/** True when two types are equal, an unknown part matching anything (`list[?]` and `list[int]`). */
export function sameShape(a: Type, b: Type): boolean {
  if (a.kind === "unknown" || b.kind === "unknown") return true;
  switch (a.kind) {
    case "list":
    case "set":
    case "optional":
    case "vtuple":
      return b.kind === a.kind && sameShape(a.el, b.el);
    case "dict":
      return b.kind === "dict" && sameShape(a.key, b.key) && sameShape(a.val, b.val);
    case "tuple":
      return b.kind === "tuple" && a.els.length === b.els.length && a.els.every((e, i) => sameShape(e, b.els[i] ?? UNKNOWN));
    default:
      return a.kind === b.kind;
  }
}
