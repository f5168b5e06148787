/**
 * The DSL's static types. They mirror Python's: every expression has exactly one type, known before it runs,
 * so values need no runtime tags (an `int` and a `float` are both JS numbers; the type tells them apart).
 *
 * Types are plain data; `typeKey` gives each a canonical string ("list[tuple[int, str]]") used as a map key and
 * as the grammar's nonterminal name.
 */
export type Type =
  | { readonly kind: "int" }
  | { readonly kind: "float" }
  | { readonly kind: "bool" }
  | { readonly kind: "str" }
  | { readonly kind: "none" }
  | { readonly kind: "list"; readonly el: Type }
  /** A fixed-shape tuple such as `tuple[int, str]`. */
  | { readonly kind: "tuple"; readonly els: readonly Type[] }
  /** A homogeneous tuple of any length, `tuple[int, ...]`: Python code uses these like read-only lists. */
  | { readonly kind: "vtuple"; readonly el: Type }
  | { readonly kind: "dict"; readonly key: Type; readonly val: Type }
  | { readonly kind: "set"; readonly el: Type }
  | { readonly kind: "optional"; readonly el: Type }
  /** Placeholder for an element type not yet known (the element of `[]`). Never reaches the search. */
  | { readonly kind: "unknown" };

export const INT: Type = { kind: "int" };
export const FLOAT: Type = { kind: "float" };
export const BOOL: Type = { kind: "bool" };
export const STR: Type = { kind: "str" };
export const NONE: Type = { kind: "none" };
export const UNKNOWN: Type = { kind: "unknown" };

export const list = (el: Type): Type => ({ kind: "list", el });
export const tuple = (els: readonly Type[]): Type => ({ kind: "tuple", els });
export const vtuple = (el: Type): Type => ({ kind: "vtuple", el });
export const dict = (key: Type, val: Type): Type => ({ kind: "dict", key, val });
export const set = (el: Type): Type => ({ kind: "set", el });
export const optional = (el: Type): Type => (el.kind === "optional" || el.kind === "none" ? el : { kind: "optional", el });

/** Canonical text of a type, in Python's annotation syntax. */
export function typeKey(t: Type): string {
  switch (t.kind) {
    case "int":
    case "float":
    case "bool":
    case "str":
      return t.kind;
    case "none":
      return "None";
    case "unknown":
      return "?";
    case "list":
      return `list[${typeKey(t.el)}]`;
    case "set":
      return `set[${typeKey(t.el)}]`;
    case "optional":
      return `Optional[${typeKey(t.el)}]`;
    case "vtuple":
      return `tuple[${typeKey(t.el)}, ...]`;
    case "tuple":
      return t.els.length === 0 ? "tuple[()]" : `tuple[${t.els.map(typeKey).join(", ")}]`;
    case "dict":
      return `dict[${typeKey(t.key)}, ${typeKey(t.val)}]`;
  }
}

export function typeEquals(a: Type, b: Type): boolean {
  return typeKey(a) === typeKey(b);
}

/** True when the type (or a component) is still unknown. */
export function hasUnknown(t: Type): boolean {
  switch (t.kind) {
    case "unknown":
      return true;
    case "list":
    case "set":
    case "optional":
    case "vtuple":
      return hasUnknown(t.el);
    case "tuple":
      return t.els.some(hasUnknown);
    case "dict":
      return hasUnknown(t.key) || hasUnknown(t.val);
    default:
      return false;
  }
}

/**
 * The least type covering both, or undefined when they do not unify. `unknown` unifies with anything,
 * `int` widens to `float` (as Python's numeric tower does for comparisons), and `None` makes an Optional.
 */
export function unify(a: Type, b: Type): Type | undefined {
  if (a.kind === "unknown") return b;
  if (b.kind === "unknown") return a;
  if (typeEquals(a, b)) return a;
  if (isNumeric(a) && isNumeric(b) && a.kind !== "bool" && b.kind !== "bool") return FLOAT;
  if (a.kind === "none") return optional(b);
  if (b.kind === "none") return optional(a);
  if (a.kind === "optional") return mapDefined(unify(a.el, b.kind === "optional" ? b.el : b), optional);
  if (b.kind === "optional") return mapDefined(unify(a, b.el), optional);
  if (a.kind === "list" && b.kind === "list") return mapDefined(unify(a.el, b.el), list);
  if (a.kind === "set" && b.kind === "set") return mapDefined(unify(a.el, b.el), set);
  if (a.kind === "vtuple" && b.kind === "vtuple") return mapDefined(unify(a.el, b.el), vtuple);
  if (a.kind === "vtuple" && b.kind === "tuple") return unifyTupleInto(a.el, b.els);
  if (a.kind === "tuple" && b.kind === "vtuple") return unifyTupleInto(b.el, a.els);
  if (a.kind === "dict" && b.kind === "dict") {
    const k = unify(a.key, b.key);
    const v = unify(a.val, b.val);
    return k && v ? dict(k, v) : undefined;
  }
  if (a.kind === "tuple" && b.kind === "tuple" && a.els.length !== b.els.length) {
    return unifyTupleInto(UNKNOWN, [...a.els, ...b.els]);
  }
  if (a.kind === "tuple" && b.kind === "tuple" && a.els.length === b.els.length) {
    const els: Type[] = [];
    for (let i = 0; i < a.els.length; i++) {
      const u = unify(a.els[i] ?? UNKNOWN, b.els[i] ?? UNKNOWN);
      if (!u) return undefined;
      els.push(u);
    }
    return tuple(els);
  }
  return undefined;
}

/** Tuples of different lengths unify only as a homogeneous `tuple[T, ...]`. */
function unifyTupleInto(el: Type, els: readonly Type[]): Type | undefined {
  let acc: Type | undefined = el;
  for (const e of els) acc = acc ? unify(acc, e) : undefined;
  return acc ? vtuple(acc) : undefined;
}

function mapDefined(t: Type | undefined, f: (t: Type) => Type): Type | undefined {
  return t === undefined ? undefined : f(t);
}

export function isNumeric(t: Type): boolean {
  return t.kind === "int" || t.kind === "float" || t.kind === "bool";
}

/** Types whose values Python can order with `<` (used by sorted, min, max). */
export function isOrderable(t: Type): boolean {
  switch (t.kind) {
    case "int":
    case "float":
    case "bool":
    case "str":
      return true;
    case "list":
    case "vtuple":
      return isOrderable(t.el);
    case "tuple":
      return t.els.every(isOrderable);
    default:
      return false;
  }
}

/** Types that can be dict keys or set members (hashable in Python). */
export function isHashable(t: Type): boolean {
  switch (t.kind) {
    case "list":
    case "dict":
    case "set":
    case "unknown":
      return false;
    case "tuple":
      return t.els.every(isHashable);
    case "optional":
    case "vtuple":
      return isHashable(t.el);
    default:
      return true;
  }
}

/** Element type when iterating over a value of this type (chars of a str, keys of a dict), if iterable. */
export function iterElement(t: Type): Type | undefined {
  switch (t.kind) {
    case "list":
    case "set":
    case "vtuple":
      return t.el;
    case "str":
      return STR;
    case "dict":
      return t.key;
    case "tuple": {
      if (t.els.length === 0) return undefined;
      const first = t.els[0] ?? UNKNOWN;
      return t.els.every((e) => typeEquals(e, first)) ? first : undefined;
    }
    default:
      return undefined;
  }
}

/** Parses a Python annotation ("List[int]", "list[tuple[int, str]]", "Optional[str]", "Dict[str, int]"). */
export function parseTypeAnnotation(text: string): Type | undefined {
  const p = new AnnotationParser(text);
  const t = p.parse();
  return p.done() ? t : undefined;
}

const ALIASES: Record<string, string> = {
  List: "list",
  Tuple: "tuple",
  Dict: "dict",
  Set: "set",
  FrozenSet: "set",
  frozenset: "set",
  Sequence: "list",
  Iterable: "list",
  Mapping: "dict",
  Optional: "Optional",
  Union: "Union",
};

class AnnotationParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  done(): boolean {
    this.skip();
    return this.pos === this.src.length;
  }

  parse(): Type | undefined {
    this.skip();
    const m = /^[A-Za-z_][A-Za-z_0-9.]*/.exec(this.src.slice(this.pos));
    if (!m) {
      if (this.src.startsWith("()", this.pos)) {
        this.pos += 2;
        return tuple([]);
      }
      return undefined;
    }
    this.pos += m[0].length;
    const raw = m[0].replace(/^typing\./, "");
    const name = ALIASES[raw] ?? raw;
    const args = this.args();
    if (args === undefined) return undefined;
    return build(name, args);
  }

  private args(): Type[] | undefined {
    this.skip();
    if (this.src[this.pos] !== "[") return [];
    this.pos++;
    const out: Type[] = [];
    for (;;) {
      this.skip();
      if (this.src.startsWith("...", this.pos)) {
        this.pos += 3;
        out.push({ kind: "unknown" });
      } else {
        const t = this.parse();
        if (!t) return undefined;
        out.push(t);
      }
      this.skip();
      const c = this.src[this.pos];
      this.pos++;
      if (c === "]") return out;
      if (c !== ",") return undefined;
    }
  }

  private skip(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos] ?? "")) this.pos++;
  }
}

function build(name: string, args: Type[]): Type | undefined {
  const a0 = args[0];
  switch (name) {
    case "int":
    case "float":
    case "bool":
    case "str":
      return args.length === 0 ? { kind: name } : undefined;
    case "None":
      return NONE;
    case "list":
      return list(a0 ?? UNKNOWN);
    case "set":
      return set(a0 ?? UNKNOWN);
    case "dict":
      return dict(a0 ?? UNKNOWN, args[1] ?? UNKNOWN);
    case "tuple":
      if (args.length === 2 && args[1]?.kind === "unknown" && a0) return vtuple(a0);
      return tuple(args);
    case "Optional":
      return a0 ? optional(a0) : undefined;
    case "Union": {
      const nonNone = args.filter((t) => t.kind !== "none");
      if (nonNone.length === 1 && nonNone[0]) return args.length > 1 ? optional(nonNone[0]) : nonNone[0];
      const u = nonNone.reduce<Type | undefined>((acc, t) => (acc ? unify(acc, t) : undefined), UNKNOWN);
      return u;
    }
    default:
      return undefined;
  }
}
