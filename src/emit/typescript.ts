/**
 * The TypeScript target: a program becomes an ES module that exports the function, typed from the DSL types,
 * followed by exactly the runtime helpers (src/emit/ts-runtime.ts) its primitives' `ts` templates call. The file
 * imports nothing and compiles under `strict`, `noUncheckedIndexedAccess`, `exactOptionalPropertyTypes` and
 * `noUnusedLocals`, with the ES2020 library or later.
 *
 * Types: int and float -> number, str -> string, bool -> boolean, None -> null, list[T] and tuple[T, ...] ->
 * readonly T[], tuple[A, B] -> readonly [A, B], dict[K, V] -> Map<K, V>, set[T] -> Set<T>, Optional[T] -> T | null.
 * Arrays are readonly in parameters and results alike: the function never mutates its inputs, and a result may
 * be one of them.
 *
 * Where the target cannot match Python (ints beyond 2**53, tuple keys of Map/Set, the last bit of float `**`) see
 * TS_DIFFERENCES in ts-runtime.ts; every emitted file lists those that concern it in its header.
 */
import type { Expr } from "../dsl/expr.js";
import { PREC, type PrecName } from "../dsl/primitive.js";
import { primByName } from "../dsl/prims/index.js";
import { UNKNOWN, type Type } from "../dsl/types.js";
import { PyDict, PySet, type Value } from "../dsl/values.js";
import type { Param, Problem } from "../spec/problem.js";
import { pyType } from "./python.js";
import { fillTemplate, type Rendered, type TemplateHost } from "./template.js";
import { differencesFor, resolveHelpers, type RuntimeHelper } from "./ts-runtime.js";

/** TypeScript source of one expression (helpers it calls are not included; see `tsHelpersOf`). */
export function exprToTypeScript(e: Expr): string {
  return render(e).text;
}

/** A DSL type as a TypeScript type. */
export function tsType(t: Type): string {
  switch (t.kind) {
    case "int":
    case "float":
      return "number";
    case "bool":
      return "boolean";
    case "str":
      return "string";
    case "none":
      return "null";
    case "unknown":
      return "unknown";
    case "list":
    case "vtuple":
      return `readonly ${arrayElement(tsType(t.el))}[]`;
    case "tuple":
      return `readonly [${t.els.map(tsType).join(", ")}]`;
    case "dict":
      return `Map<${tsType(t.key)}, ${tsType(t.val)}>`;
    case "set":
      return `Set<${tsType(t.el)}>`;
    case "optional":
      return `${tsType(t.el)} | null`;
  }
}

/** An element type inside `T[]` needs parentheses when it is a union or itself starts with `readonly`. */
function arrayElement(text: string): string {
  return text.includes(" | ") || text.startsWith("readonly ") ? `(${text})` : text;
}

/** Names of the runtime helpers the program calls directly (`resolveHelpers` adds their dependencies). */
export function tsHelpersOf(e: Expr): string[] {
  const out = new Set<string>();
  const visit = (x: Expr): void => {
    if (x.t === "call") {
      for (const m of templateOf(x)?.match(HELPER_REF) ?? []) out.add(m);
      x.args.forEach(visit);
    } else if (x.t === "lambda") visit(x.body);
    else if (x.t === "const" && containsTuple(x.value, x.type)) out.add("$tuple");
  };
  visit(e);
  return [...out].sort();
}

const HELPER_REF = /\$[A-Za-z_]\w*/g;

const EQUATABLE: readonly Type["kind"][] = ["int", "float", "bool", "str"];
const NUMBERS: readonly Type["kind"][] = ["int", "float"];

/**
 * Comparisons that TypeScript's own operators get exactly right for some operand types: Python's `==` on
 * numbers, bools and strs is `===` (nan included), and numbers order with `<`. Strings keep `$lt` and friends
 * (JavaScript orders them by UTF-16 unit, Python by code point), containers keep `$eq`.
 */
const NATIVE: Readonly<Record<string, { readonly template: string; readonly kinds: readonly Type["kind"][] }>> = {
  "cmp.eq": { template: "{0} === {1}", kinds: EQUATABLE },
  "cmp.ne": { template: "{0} !== {1}", kinds: EQUATABLE },
  "cmp.lt": { template: "{0} < {1}", kinds: NUMBERS },
  "cmp.le": { template: "{0} <= {1}", kinds: NUMBERS },
  "cmp.gt": { template: "{0} > {1}", kinds: NUMBERS },
  "cmp.ge": { template: "{0} >= {1}", kinds: NUMBERS },
};

/** The TS template of a call: the primitive's, or a native operator where the operand types allow one. */
function templateOf(e: Extract<Expr, { t: "call" }>): string | undefined {
  const native = NATIVE[e.op];
  const operand = e.args[0]?.type.kind;
  if (native && operand && native.kinds.includes(operand)) return native.template;
  return primByName(e.op)?.ts;
}

// -------------------------------------------------------------------------------------------------------------
// Expressions

const host: TemplateHost = {
  render,
  renderIter: render,
  paren: (r, min) => (r.prec < min ? `(${r.text})` : r.text),
};

function render(e: Expr): Rendered {
  switch (e.t) {
    case "var":
      return { text: tsIdent(e.name), prec: PREC.atom };
    case "const":
      return constant(e.value, e.type);
    case "lambda":
      return render(e.body);
    case "call": {
      const template = templateOf(e);
      if (template === undefined) return { text: `__unknown_${e.op.replace(/\W/g, "_")}__`, prec: PREC.atom };
      const shape = shapeOf(template);
      const only = shape.passthrough === undefined ? undefined : e.args[shape.passthrough];
      if (only) return render(only);
      return { text: fillTemplate(withTargets(shape.template, e.args), e.args, host), prec: shape.prec };
    }
  }
}

/**
 * Replaces the loop-target placeholders of lambda arguments: `{i@}` becomes the arrow function's parameter (`x`,
 * or `[i, x]` destructuring a tuple, with unused names elided so the output has no unused variables) and `{i@e}`
 * the element as an expression (`x` or `[i, x]`).
 */
function withTargets(template: string, args: readonly Expr[]): string {
  return template.replace(TARGET, (_m, idx: string, asExpr: string) => {
    const arg = args[Number(idx)];
    const params = arg?.t === "lambda" ? arg.params : ["_"];
    if (asExpr === "@e" || template.includes(`{${idx}@e}`) || arg?.t !== "lambda") return targetText(params, () => true, asExpr === "@e");
    const used = freeNames(arg.body);
    return targetText(params, (p) => used.has(p), false);
  });
}

const TARGET = /\{(\d+)(@e|@)\}/g;

function targetText(params: readonly string[], keep: (p: string) => boolean, asExpr: boolean): string {
  if (params.length === 1) return keep(params[0] ?? "_") ? tsIdent(params[0] ?? "_") : "";
  const names = params.map((p) => (keep(p) ? tsIdent(p) : ""));
  while (!asExpr && names.length > 0 && names[names.length - 1] === "") names.pop();
  return names.length === 0 ? "" : `[${names.join(", ")}]`;
}

/** Every variable name the expression refers to (shadowing ignored: a superset is safe). */
function freeNames(e: Expr, out = new Set<string>()): Set<string> {
  if (e.t === "var") out.add(e.name);
  else if (e.t === "call") for (const a of e.args) freeNames(a, out);
  else if (e.t === "lambda") freeNames(e.body, out);
  return out;
}

// -------------------------------------------------------------------------------------------------------------
// Template shapes: TS templates carry no precedence levels, so they are derived from the template text.

interface Shape {
  /** The template with every plain placeholder annotated with the level its argument needs (`{0:add}`). */
  readonly template: string;
  /** How tightly the rendered whole binds (a PREC value). */
  readonly prec: number;
  /** The argument index when the template is only `{i}` (the expression is its argument). */
  readonly passthrough?: number;
}

const TOKEN = /\{\d+(?:@e|@)?(?::[a-z]+)?\}|\.\.\.|===|!==|<=|>=|=>|&&|\|\||\?\?|[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\s+|[\s\S]/g;
const PLAIN = /^\{(\d+)\}$/;

/** Binary operators a TS template may use at its top level: the level of the whole, and of each operand. */
const BINARY: ReadonlyMap<string, { readonly level: PrecName; readonly left: PrecName; readonly right: PrecName }> = new Map([
  ["=>", { level: "lambda", left: "atom", right: "if" }],
  ["?", { level: "if", left: "or", right: "if" }],
  [":", { level: "if", left: "if", right: "if" }],
  ["||", { level: "or", left: "or", right: "and" }],
  ["??", { level: "or", left: "not", right: "not" }],
  ["===", { level: "cmp", left: "bor", right: "bor" }],
  ["!==", { level: "cmp", left: "bor", right: "bor" }],
  ["<", { level: "cmp", left: "bor", right: "bor" }],
  ["<=", { level: "cmp", left: "bor", right: "bor" }],
  [">", { level: "cmp", left: "bor", right: "bor" }],
  [">=", { level: "cmp", left: "bor", right: "bor" }],
  ["&&", { level: "and", left: "and", right: "not" }],
  ["+", { level: "add", left: "add", right: "mul" }],
  ["-", { level: "add", left: "add", right: "mul" }],
  ["*", { level: "mul", left: "mul", right: "unary" }],
  ["/", { level: "mul", left: "mul", right: "unary" }],
  ["%", { level: "mul", left: "mul", right: "unary" }],
]);
const OPENERS = new Set(["(", "[", ",", "..."]);
const PREFIX = new Set(["-", "!"]);

const shapes = new Map<string, Shape>();

function shapeOf(template: string): Shape {
  let s = shapes.get(template);
  if (!s) {
    s = analyze(template);
    shapes.set(template, s);
  }
  return s;
}

function analyze(template: string): Shape {
  const toks = (template.match(TOKEN) ?? []).filter((t) => t.trim() !== "");
  const only = toks.length === 1 ? PLAIN.exec(toks[0] ?? "") : null;
  if (only) return { template, prec: PREC.atom, passthrough: Number(only[1]) };
  const isPrefix = (k: number): boolean => PREFIX.has(toks[k] ?? "") && (k === 0 || OPENERS.has(toks[k - 1] ?? "") || BINARY.has(toks[k - 1] ?? ""));
  const annotated = toks.map((t, k) => {
    const m = PLAIN.exec(t);
    return m ? `{${m[1]}:${operandLevel(toks, k, isPrefix)}}` : t;
  });
  return { template: rejoin(template, toks, annotated), prec: wholePrec(toks, isPrefix) };
}

/** The least level the argument at token k needs, from its neighbours. */
function operandLevel(toks: readonly string[], k: number, isPrefix: (k: number) => boolean): PrecName {
  const prev = toks[k - 1] ?? "";
  const next = toks[k + 1] ?? "";
  if (next === "." || next === "[" || (k > 0 && isPrefix(k - 1))) return "atom";
  const levels: PrecName[] = [];
  const before = BINARY.get(prev);
  const after = BINARY.get(next);
  if (before && k > 0) levels.push(before.right);
  if (after) levels.push(after.left);
  return levels.reduce<PrecName>((a, b) => (PREC[b] > PREC[a] ? b : a), "if");
}

/** The precedence of the whole template: its loosest top-level operator, else unary or atomic. */
function wholePrec(toks: readonly string[], isPrefix: (k: number) => boolean): number {
  let depth = 0;
  let prec: number = PREC.atom;
  toks.forEach((t, k) => {
    if (t === "(" || t === "[") depth++;
    else if (t === ")" || t === "]") depth--;
    else if (depth === 0 && k > 0 && !isPrefix(k)) prec = Math.min(prec, PREC[BINARY.get(t)?.level ?? "atom"]);
  });
  return prec === PREC.atom && isPrefix(0) ? PREC.unary : prec;
}

/** The template with its non-space tokens replaced, spacing kept. */
function rejoin(template: string, toks: readonly string[], replaced: readonly string[]): string {
  let out = "";
  let pos = 0;
  toks.forEach((t, k) => {
    const at = template.indexOf(t, pos);
    out += template.slice(pos, at) + (replaced[k] ?? t);
    pos = at + t.length;
  });
  return out + template.slice(pos);
}

// -------------------------------------------------------------------------------------------------------------
// Constants and names

function constant(value: Value, type: Type): Rendered {
  const text = tsLiteral(value, type);
  return { text, prec: text.startsWith("-") ? PREC.unary : PREC.atom };
}

/** A TypeScript literal for a value of a static type (tuples through `$tuple`, so TypeScript types them as tuples). */
export function tsLiteral(v: Value, t: Type): string {
  if (v === null) return "null";
  switch (t.kind) {
    case "int":
    case "float":
      return numberLiteral(v);
    case "bool":
      return v === true ? "true" : "false";
    case "str":
      return JSON.stringify(String(v));
    case "none":
      return "null";
    case "optional":
      return tsLiteral(v, t.el);
    case "list":
    case "vtuple":
      return `[${items(v).map((x) => tsLiteral(x, t.el)).join(", ")}]`;
    case "tuple":
      return `$tuple(${items(v).map((x, i) => tsLiteral(x, t.els[i] ?? UNKNOWN)).join(", ")})`;
    case "set": {
      const xs = v instanceof PySet ? v.items.map((x) => tsLiteral(x, t.el)) : [];
      return `new Set<${tsType(t.el)}>(${xs.length > 0 ? `[${xs.join(", ")}]` : ""})`;
    }
    case "dict": {
      const d = v instanceof PyDict ? v : new PyDict();
      const entries = d.keys.map((k, i) => `[${tsLiteral(k, t.key)}, ${tsLiteral(d.vals[i] ?? null, t.val)}]`);
      return `new Map<${tsType(t.key)}, ${tsType(t.val)}>(${entries.length > 0 ? `[${entries.join(", ")}]` : ""})`;
    }
    case "unknown":
      return untypedLiteral(v);
  }
}

function untypedLiteral(v: Value): string {
  if (Array.isArray(v)) return `[${(v as readonly Value[]).map(untypedLiteral).join(", ")}]`;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return String(v);
  return numberLiteral(v);
}

function items(v: Value): readonly Value[] {
  return Array.isArray(v) ? (v as readonly Value[]) : [];
}

function numberLiteral(v: Value): string {
  if (typeof v === "boolean") return v ? "1" : "0";
  if (typeof v === "bigint") return v.toString();
  if (typeof v !== "number") return String(v);
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  return Object.is(v, -0) ? "-0" : String(v);
}

function containsTuple(v: Value, t: Type): boolean {
  if (v === null) return false;
  switch (t.kind) {
    case "tuple":
      return true;
    case "optional":
      return containsTuple(v, t.el);
    case "list":
    case "vtuple":
      return items(v).some((x) => containsTuple(x, t.el));
    case "set":
      return v instanceof PySet && v.items.some((x) => containsTuple(x, t.el));
    case "dict":
      return v instanceof PyDict && (v.keys.some((k) => containsTuple(k, t.key)) || v.vals.some((x) => containsTuple(x, t.val)));
    default:
      return false;
  }
}

/** Words a Python identifier may be that TypeScript reserves, and globals the templates rely on. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if implements import in instanceof interface let new null package private protected public return " +
    "static super switch this throw true try typeof var void while with yield await arguments eval undefined NaN " +
    "Infinity Math String Number Boolean Array Object Map Set Error BigInt Symbol JSON RegExp"
  ).split(" "),
);

/** A Python identifier as a TypeScript one (reserved words and shadowed globals get a trailing underscore). */
export function tsIdent(name: string): string {
  return RESERVED.has(name) ? `${name}_` : name;
}

// -------------------------------------------------------------------------------------------------------------
// Modules

/** Just the exported function, with its JSDoc (no header, no helpers). */
export function emitTypeScriptFunction(problem: Problem, program: Expr): string {
  const params = problem.params.map(tsParam).join(", ");
  const body = `  return ${exprToTypeScript(program)};`;
  return `${jsdoc(problem)}\nexport function ${tsIdent(problem.name)}(${params}): ${tsType(problem.returns)} {\n${body}\n}`;
}

/**
 * The TypeScript module for a synthesized function: a header naming the spec and the known differences from
 * Python, the exported function with the description as JSDoc, then the runtime helpers it uses (and only those).
 */
export function emitTypeScriptModule(problem: Problem, program: Expr): string {
  const used = resolveHelpers(tsHelpersOf(program));
  const parts = [header(problem, used), emitTypeScriptFunction(problem, program)];
  if (used.length > 0) parts.push(`// Runtime helpers: Python semantics for the function above.\n\n${used.map((h) => h.source).join("\n\n")}`);
  return parts.join("\n\n") + "\n";
}

function header(problem: Problem, used: readonly RuntimeHelper[]): string {
  const file = problem.file.replace(/\\/g, "/").replace(/[\r\n]/g, " ");
  const notes = differencesFor(used.map((h) => h.name)).map((d) => `// - ${d.text}`);
  return [`// Synthesized by Aurora-X from ${file}. Regenerate rather than edit.`, "// Where TypeScript differs from Python here:", ...notes].join("\n");
}

function jsdoc(problem: Problem): string {
  const text = (problem.description.trim() || (problem.docstring ?? "").trim()).replace(/\*\//g, "*\\/");
  const lines = text === "" ? [] : [...text.split(/\r?\n/).map((l) => l.trimEnd()), ""];
  for (const p of problem.params) lines.push(`@param ${tsIdent(p.name)} - Python type: ${pyType(p.type)}`);
  lines.push(`@returns Python type: ${pyType(problem.returns)}`);
  return ["/**", ...lines.map((l) => (l === "" ? " *" : ` * ${l}`)), " */"].join("\n");
}

function tsParam(p: Param): string {
  const name = tsIdent(p.name);
  if (p.default === undefined) return `${name}: ${tsType(p.type)}`;
  const dflt = tsLiteral(p.default, p.type);
  // A number, string or boolean literal default says its type already (and linters flag the annotation).
  const inferred = /^(?:-?[\d.e+]+|"(?:[^"\\]|\\.)*"|true|false)$/.test(dflt) && ["number", "string", "boolean"].includes(tsType(p.type));
  return inferred ? `${name} = ${dflt}` : `${name}: ${tsType(p.type)} = ${dflt}`;
}
