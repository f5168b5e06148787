import {
  BOOL, FLOAT, INT, NONE, STR, UNKNOWN, dict, isHashable, iterElement, list, set, tuple, typeKey, unify, vtuple, type Type,
} from "../dsl/types.js";
import { PyDict, PySet, cps, normInt, type Value } from "../dsl/values.js";
import { LiteralSyntaxError, isIdentChar, readStr, startsString } from "./pystring.js";
import { generalizeTuples } from "./shape.js";

export { LiteralSyntaxError } from "./pystring.js";

/**
 * A parsed Python literal.
 *
 * `exactType` keeps every tuple at its written shape (`(1, 2)` is `tuple[int, int]`); `type` is what a reader
 * of the example means by it, with homogeneous tuples as `tuple[int, ...]` (Python code uses those like lists).
 * Inference unifies exact types across examples and generalizes once at the end.
 */
export interface PyLiteral {
  readonly value: Value;
  readonly type: Type;
  readonly exactType: Type;
}

/** A keyword argument of a call: `name=value`. */
export interface PyKwarg {
  readonly name: string;
  readonly value: PyLiteral;
}

/** A call with literal arguments, `name(1, 'a', k=2)`. `name` may be dotted (`math.isclose`). */
export interface PyCall {
  readonly name: string;
  readonly args: readonly PyLiteral[];
  readonly kwargs: readonly PyKwarg[];
  /** Offset of the call's first character in the text read. */
  readonly start: number;
}

/** Options of a `LiteralReader`. */
export interface ReaderOptions {
  /**
   * Prose mode: a number followed by a sentence-ending period (`f(1) == 2.`) is an int and the period is
   * left unread.
   * @default false
   */
  readonly prose?: boolean;
}

/** The outcome of a non-throwing parse: a value or a message with its position (1-based line and column). */
export type ParseOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly offset: number; readonly line: number; readonly column: number };

/** Parses a whole text as one Python literal (surrounding whitespace allowed). Never throws. */
export function parsePyLiteral(text: string): ParseOutcome<PyLiteral> {
  return whole(text, (r) => r.literal());
}

/** Parses a whole text as one call with literal arguments, `name(args, kw=value)`. Never throws. */
export function parsePyCall(text: string): ParseOutcome<PyCall> {
  return whole(text, (r) => r.call());
}

function whole<T>(text: string, read: (r: LiteralReader) => T): ParseOutcome<T> {
  const r = new LiteralReader(text);
  try {
    r.skipSpace(true);
    const value = read(r);
    r.skipSpace(true);
    if (!r.atEnd()) r.fail("unexpected text after the value: remove it or separate examples onto their own lines");
    return { ok: true, value };
  } catch (e) {
    if (!(e instanceof LiteralSyntaxError)) throw e;
    return { ok: false, message: e.message, offset: e.offset, ...lineColumn(text, e.offset) };
  }
}

/** 1-based line and column of a 0-based offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: offset - nl };
}

/** How deeply literals may nest (`[[[...]]]`, `---1`). */
const MAX_NESTING = 100;

/** Calls whose result is a literal value (`set()`, `float('inf')`); any other call is refused. */
const CONSTRUCTORS = new Set(["set", "frozenset", "float", "tuple", "list", "dict"]);

/**
 * A recursive-descent reader of Python literals and literal calls over a text, from `pos`. Spec parsers use it
 * to read values embedded in larger text (doctests, asserts, prose); `parsePyLiteral` wraps it for whole texts.
 *
 * Methods throw `LiteralSyntaxError` (with the offset) on malformed input; callers convert it to a message.
 * Inside brackets whitespace includes newlines and comments; outside, only spaces, tabs and `\` continuations.
 */
export class LiteralReader {
  /** Bracket depth: inside brackets, newlines are blanks. */
  private depth = 0;
  /** Recursion depth of `literal`, bounded so deep input is an error rather than a stack overflow. */
  private nesting = 0;

  constructor(
    readonly text: string,
    public pos = 0,
    private readonly options: ReaderOptions = {},
  ) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string {
    return this.text[this.pos] ?? "";
  }

  /** Skips blanks and comments; newlines only inside brackets or when `newlines` is true. */
  skipSpace(newlines = false): void {
    const crossLines = newlines || this.depth > 0;
    while (!this.atEnd()) {
      const ch = this.peek();
      if (ch === " " || ch === "\t" || ch === "\f" || ch === "\r" || (ch === "\n" && crossLines)) this.pos++;
      else if (ch === "\\" && this.text[this.pos + 1] === "\n") this.pos += 2;
      else if (ch === "#") this.skipComment();
      else return;
    }
  }

  private skipComment(): void {
    const nl = this.text.indexOf("\n", this.pos);
    this.pos = nl < 0 ? this.text.length : nl;
  }

  /** Consumes `s` (after blanks) when it comes next. */
  tryEat(s: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string, what: string): void {
    if (!this.tryEat(s)) this.fail(`expected ${what}`);
  }

  /** Reads an identifier or dotted name at the current position, if there is one. */
  name(): string | undefined {
    this.skipSpace();
    const m = /[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*/uy;
    m.lastIndex = this.pos;
    const found = m.exec(this.text);
    if (!found || startsString(this.text, this.pos)) return undefined;
    this.pos += found[0].length;
    return found[0];
  }

  fail(message: string, at = this.pos): never {
    throw new LiteralSyntaxError(message, at);
  }

  /** Reads `name(args, kw=value)` where every argument is a literal. */
  call(): PyCall {
    this.skipSpace();
    const start = this.pos;
    const name = this.name();
    if (name === undefined) this.fail("expected a call such as name(1, 'a')");
    this.expect("(", `'(' after ${name}`);
    const { args, kwargs } = this.arguments();
    return { name, args, kwargs, start };
  }

  /** The argument list after `(`, through the closing `)`. */
  private arguments(): { args: PyLiteral[]; kwargs: PyKwarg[] } {
    const args: PyLiteral[] = [];
    const kwargs: PyKwarg[] = [];
    this.depth++;
    while (!this.tryEat(")")) {
      const kw = this.keyword();
      if (kw) kwargs.push(kw);
      else if (kwargs.length > 0) this.fail("positional argument after a keyword argument: put positional ones first");
      else args.push(this.literal());
      if (!this.tryEat(",")) {
        this.expect(")", "',' or ')' in the argument list");
        break;
      }
    }
    this.depth--;
    return { args, kwargs };
  }

  /** `name=value` when the next tokens are a keyword argument; otherwise reads nothing. */
  private keyword(): PyKwarg | undefined {
    const save = this.pos;
    const name = this.name();
    if (name !== undefined && !name.includes(".") && this.tryEat("=") && this.peek() !== "=") {
      return { name, value: this.literal() };
    }
    this.pos = save;
    return undefined;
  }

  /** Reads one literal: a signed number, string(s), bool, None, container or literal constructor call. */
  literal(): PyLiteral {
    if (this.nesting >= MAX_NESTING) this.fail(`values nested deeper than ${MAX_NESTING} levels are not supported`);
    this.nesting++;
    try {
      return this.literalHere();
    } finally {
      this.nesting--;
    }
  }

  private literalHere(): PyLiteral {
    this.skipSpace();
    const start = this.pos;
    const ch = this.peek();
    if (ch === "-" || ch === "+") return this.signed(start);
    if (/[0-9.]/.test(ch) && /[0-9]/.test(ch === "." ? (this.text[this.pos + 1] ?? "") : ch)) return this.number();
    if (startsString(this.text, this.pos)) return this.strings();
    if (ch === "[") return this.listLiteral();
    if (ch === "(") return this.parenthesized();
    if (ch === "{") return this.braces();
    return this.named(start);
  }

  private signed(start: number): PyLiteral {
    const neg = this.peek() === "-";
    this.pos++;
    const operand = this.literal();
    const k = operand.exactType.kind;
    if (k !== "int" && k !== "float") this.fail("a sign (- or +) applies only to numbers", start);
    if (!neg) return operand;
    const v = operand.value;
    const value = typeof v === "bigint" ? normInt(-v) : typeof v === "number" ? (v === 0 && k === "int" ? 0 : -v) : v;
    return lit(value, operand.exactType);
  }

  private number(): PyLiteral {
    const start = this.pos;
    const m = NUMBER.exec(this.text.slice(start));
    const text = m?.[0] ?? "";
    if (text === "") this.fail("expected a number");
    this.pos += text.length;
    if (/^[jJ]|^\s*[+-]\s*[\d.][\d._eE+-]*[jJ]/.test(this.text.slice(this.pos, this.pos + 40))) {
      this.fail("complex numbers are not supported", start);
    }
    if (isIdentChar(this.peek())) this.fail(`invalid number literal '${text}${this.peek()}'`, start);
    return this.numberValue(text, start);
  }

  private numberValue(text: string, start: number): PyLiteral {
    const clean = text.replace(/_/g, "");
    const isFloat = !/^0[xXoObB]/.test(clean) && /[.eE]/.test(clean);
    if (isFloat && this.options.prose === true && /^\d+\.$/.test(clean) && /^(\s|$)/.test(this.text.slice(this.pos, this.pos + 1))) {
      this.pos--; // "== 2." ends a sentence
      return lit(normInt(BigInt(clean.slice(0, -1))), INT);
    }
    if (isFloat) return lit(Number(clean), FLOAT);
    if (/^0\d/.test(clean) && /[1-9]/.test(clean)) {
      this.fail("leading zeros in decimal integers are not allowed: write 7 or 0o7", start);
    }
    return lit(normInt(BigInt(/^0+$/.test(clean) ? "0" : clean)), INT);
  }

  /** One string literal, or several adjacent ones, which Python concatenates. */
  private strings(): PyLiteral {
    let value = "";
    do {
      const s = readStr(this.text, this.pos);
      value += s.value;
      this.pos = s.end;
      this.skipSpace();
    } while (startsString(this.text, this.pos));
    return lit(value, STR);
  }

  private listLiteral(): PyLiteral {
    const start = this.pos;
    return listOf(this.sequence("[", "]"), start);
  }

  /** `()`, `(x)` (grouping), `(x,)` and `(x, y, ...)`. */
  private parenthesized(): PyLiteral {
    this.pos++;
    this.depth++;
    if (this.tryEat(")")) return this.closeTuple([]);
    const first = this.literal();
    if (this.tryEat(")")) {
      this.depth--;
      return first;
    }
    this.expect(",", "',' or ')'");
    const items = [first, ...this.items(")")];
    return this.closeTuple(items);
  }

  private closeTuple(items: readonly PyLiteral[]): PyLiteral {
    this.depth--;
    return lit(items.map((i) => i.value), tuple(items.map((i) => i.exactType)));
  }

  /** `{}` (dict), `{k: v, ...}` (dict) or `{x, ...}` (set). */
  private braces(): PyLiteral {
    const start = this.pos;
    this.pos++;
    this.depth++;
    if (this.tryEat("}")) {
      this.depth--;
      return lit(new PyDict(), dict(UNKNOWN, UNKNOWN));
    }
    if (this.text.startsWith("**", this.pos)) this.fail("** unpacking is not a literal: write the dict out");
    const first = this.literal();
    return this.tryEat(":") ? this.dictRest(first, start) : this.setRest(first, start);
  }

  private dictRest(firstKey: PyLiteral, start: number): PyLiteral {
    const keys = [firstKey];
    const vals = [this.literal()];
    for (;;) {
      if (!this.tryEat(",")) {
        this.expect("}", "',' or '}' in the dict");
        break;
      }
      if (this.tryEat("}")) break;
      keys.push(this.literal());
      this.expect(":", "':' between a dict key and its value");
      vals.push(this.literal());
    }
    this.depth--;
    return dictOf(keys, vals, start);
  }

  private setRest(first: PyLiteral, start: number): PyLiteral {
    const items = [first];
    if (this.tryEat(",")) items.push(...this.items("}"));
    else this.expect("}", "',' or '}' in the set");
    this.depth--;
    return setOf(items, start);
  }

  /** `open items close`, with the opening bracket still unread. */
  private sequence(open: string, close: string): PyLiteral[] {
    this.pos += open.length;
    this.depth++;
    const items = this.items(close);
    this.depth--;
    return items;
  }

  /** Comma-separated literals through `close`; a trailing comma is allowed. */
  private items(close: string): PyLiteral[] {
    const items: PyLiteral[] = [];
    while (!this.tryEat(close)) {
      items.push(this.literal());
      if (!this.tryEat(",")) {
        this.expect(close, `',' or '${close}'`);
        break;
      }
    }
    return items;
  }

  /** True, False, None, inf, nan, and the literal constructor calls. */
  private named(start: number): PyLiteral {
    const name = this.name();
    if (name === undefined) this.fail(this.atEnd() ? "expected a value" : `unexpected '${this.peek()}': expected a value`);
    const constant = CONSTANTS[name];
    if (constant) return constant;
    this.skipSpace();
    if (this.peek() === "(" && CONSTRUCTORS.has(name)) return this.construct(name, start);
    if (this.peek() === "(") this.fail(`${name}(...) is a call, not a literal: write its value instead`, start);
    return this.fail(`'${name}' is a name, not a literal: write the value itself (numbers, strings, lists, ...)`, start);
  }

  /** `set()`, `set([...])`, `frozenset(...)`, `tuple(...)`, `list(...)`, `dict()`, `float('inf')`, `float(3)`. */
  private construct(name: string, start: number): PyLiteral {
    this.pos++;
    this.depth++;
    const empty = this.tryEat(")");
    if (name === "dict" && !empty) this.fail("dict(...) with arguments is not supported: write {key: value}", start);
    const arg = empty ? undefined : this.literal();
    if (arg) {
      this.tryEat(",");
      this.expect(")", `')' closing ${name}(`);
    }
    this.depth--;
    if (name === "float") return this.floatOf(arg, start);
    if (name === "dict") return lit(new PyDict(), dict(UNKNOWN, UNKNOWN));
    return this.fromIterable(name, arg, start);
  }

  private floatOf(arg: PyLiteral | undefined, start: number): PyLiteral {
    if (arg === undefined) return lit(0, FLOAT);
    if (arg.exactType.kind === "int" || arg.exactType.kind === "float") return lit(Number(arg.value), FLOAT);
    const s = typeof arg.value === "string" ? arg.value.trim().toLowerCase().replace(/_/g, "") : "";
    const special = /^([+-]?)(inf|infinity|nan)$/.exec(s);
    if (special) return lit(special[3] === "nan" ? NaN : special[1] === "-" ? -Infinity : Infinity, FLOAT);
    if (s !== "" && !Number.isNaN(Number(s)) && !/^[+-]?0[xob]/.test(s)) return lit(Number(s), FLOAT);
    return this.fail("float(...) needs a number or a string such as 'inf' or '2.5'", start);
  }

  private fromIterable(name: string, arg: PyLiteral | undefined, start: number): PyLiteral {
    const items = arg === undefined ? [] : iterItems(arg);
    const el = arg === undefined ? UNKNOWN : iterElement(arg.exactType);
    if (items === undefined || el === undefined) this.fail(`${name}(...) needs a list, tuple, set or str literal`, start);
    if (name === "list") return lit(items, list(el));
    if (name === "tuple") return lit(items, vtuple(el));
    requireHashable(el, "set elements", start);
    return lit(PySet.from(items), set(el));
  }
}

const NUMBER =
  /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:\d(?:_?\d)*\.?(?:\d(?:_?\d)*)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?)/;

const CONSTANTS: Readonly<Record<string, PyLiteral>> = {
  True: lit(true, BOOL),
  False: lit(false, BOOL),
  None: lit(null, NONE),
  inf: lit(Infinity, FLOAT),
  nan: lit(NaN, FLOAT),
};

/** The items of an iterable literal (chars of a str, keys of a dict), or undefined if it is not iterable. */
function iterItems(arg: PyLiteral): Value[] | undefined {
  const v = arg.value;
  if (typeof v === "string") return cps(v);
  if (Array.isArray(v)) return [...(v as readonly Value[])];
  if (v instanceof PySet) return [...v.items];
  if (v instanceof PyDict) return [...v.keys];
  return undefined;
}

/**
 * A list literal from its items: the element type is the items' unified type.
 * @throws LiteralSyntaxError at `at` when the items have no common type.
 */
export function listOf(items: readonly PyLiteral[], at: number): PyLiteral {
  return lit(items.map((i) => i.value), list(elementType(items, "list", at)));
}

/**
 * A set literal from its items.
 * @throws LiteralSyntaxError at `at` for items without a common type or unhashable ones.
 */
export function setOf(items: readonly PyLiteral[], at: number): PyLiteral {
  const el = elementType(items, "set", at);
  requireHashable(el, "set elements", at);
  return lit(PySet.from(items.map((i) => i.value)), set(el));
}

/**
 * A dict literal from its keys and values (same length; a repeated key keeps the last value, as in Python).
 * @throws LiteralSyntaxError at `at` for keys or values without a common type, or unhashable keys.
 */
export function dictOf(keys: readonly PyLiteral[], vals: readonly PyLiteral[], at: number): PyLiteral {
  const key = elementType(keys, "dict key", at);
  requireHashable(key, "dict keys", at);
  const val = elementType(vals, "dict value", at);
  return lit(PyDict.from(keys.map((k, i) => [k.value, vals[i]?.value ?? null] as const)), dict(key, val));
}

/** The unified exact type of a container's elements, or an error naming the two that do not fit. */
function elementType(items: readonly PyLiteral[], what: string, at: number): Type {
  let acc: Type = UNKNOWN;
  for (const item of items) {
    const u = unify(acc, item.exactType);
    if (!u) {
      const msg = `${what} mixes ${typeKey(generalizeTuples(acc))} and ${typeKey(item.type)}: Aurora-X needs one element type per container`;
      throw new LiteralSyntaxError(msg, at);
    }
    acc = u;
  }
  return acc;
}

function requireHashable(t: Type, what: string, at: number): void {
  if (!isHashable(t) && t.kind !== "unknown") throw new LiteralSyntaxError(`${what} must be hashable, not ${typeKey(t)}`, at);
}

/** A literal of the given exact type (the reader's type is derived from it). */
export function lit(value: Value, exactType: Type): PyLiteral {
  return { value, exactType, type: generalizeTuples(exactType) };
}
