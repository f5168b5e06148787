import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type ScalarTag, type YAMLMap } from "yaml";
import { BOOL, FLOAT, INT, NONE, STR, type Type } from "../dsl/types.js";
import { normInt } from "../dsl/values.js";
import { readAnnotation } from "./annotations.js";
import { SpecFailure, specError } from "./errors.js";
import { bindArguments, inferSignature, label, type ExampleDraft, type ParamDraft } from "./infer.js";
import { LiteralSyntaxError, dictOf, listOf, lit, parsePyCall, parsePyLiteral, type PyCall, type PyKwarg, type PyLiteral } from "./pyliteral.js";
import type { ParsedSpecs, Problem, SpecError } from "./problem.js";

/**
 * YAML and JSON specs (JSON is read as YAML, after a strict JSON check for clear JSON errors).
 *
 * A file holds one spec (a mapping), a list of specs, or a mapping with `specs: [...]`; YAML files may also
 * hold several `---` documents. A spec:
 *
 * ```yaml
 * name: add            # required: the function's name
 * description: Add two numbers.
 * params:              # optional: a list of {name, type?} (or of names), or a mapping name -> type
 *   - {name: a, type: int}
 *   - name: b
 * returns: int         # optional: inferred from the examples when absent
 * examples:            # required, used by the search
 *   - args: [1, 2]               # positional arguments
 *     output: 3
 *   - input: {a: 5, b: 1}        # arguments by name
 *     output: 6
 *   - call: "add(-1, b=1)"       # a Python call; here a string output is Python literal text too
 *     output: "0"
 * tests:               # optional, held out: checked after synthesis, never searched on
 *   - {args: [10, 20], output: 30}
 * ```
 *
 * Structured values convert as YAML reads them: ints to int, floats to float (the source text decides, so
 * `2.0` is a float), strings to str, booleans to bool, null to None, sequences to list, mappings to dict.
 * Values a YAML structure cannot express (tuples, sets) are written as Python literal text tagged `!py`
 * (`output: !py "(1, 'a')"`), or in the `call` form. Types are Python annotations (`list[int]`,
 * `tuple[int, str]`, `Optional[str]`); quote those with brackets inside flow mappings (`{type: "list[int]"}`).
 */
export function parseYamlSpecs(text: string, file: string, format: "yaml" | "json" = "yaml"): ParsedSpecs {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, intAsBigInt: true, customTags: [PY_TAG], prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const syntax = format === "json" ? jsonError(text, list, lc, file) : yamlError(list, lc, file);
  if (syntax) return { problems: [], errors: [syntax] };
  const ctx: Context = { file, format, lc };
  const problems: Problem[] = [];
  const errors: SpecError[] = [];
  for (const node of list.flatMap((d) => specNodes(d, ctx, errors))) {
    try {
      problems.push(specFromNode(node, ctx));
    } catch (e) {
      errors.push(toSpecError(e, node, ctx));
    }
  }
  if (problems.length === 0 && errors.length === 0) errors.push(specError(file, 1, "no spec found: write a mapping with name and examples"));
  return { problems, errors };
}

/** `!py "(1, 2)"`: a value written as Python literal text. */
const PY_TAG: ScalarTag = { tag: "!py", resolve: (s: string) => s };

interface Context {
  readonly file: string;
  readonly format: "yaml" | "json";
  readonly lc: LineCounter;
}

function lineOf(node: Node | null | undefined, ctx: Context): number {
  return node?.range ? ctx.lc.linePos(node.range[0]).line : 1;
}

function toSpecError(e: unknown, node: YAMLMap, ctx: Context): SpecError {
  const nameNode = node.get("name", true);
  const name = isScalar(nameNode) && typeof nameNode.value === "string" ? nameNode.value : undefined;
  if (e instanceof SpecFailure) return specError(ctx.file, e.line, e.message, name);
  throw e;
}

function yamlError(docs: readonly Document.Parsed[], lc: LineCounter, file: string): SpecError | undefined {
  const err = docs.flatMap((d) => d.errors)[0];
  if (!err) return undefined;
  const line = err.linePos?.[0].line ?? lc.linePos(err.pos[0]).line;
  return specError(file, line, `invalid YAML: ${err.message.split("\n")[0] ?? ""}; fix the syntax (indentation, quotes, brackets)`);
}

/** Strict JSON first, so a JSON file gets a JSON message (YAML accepts things JSON does not). */
function jsonError(text: string, docs: readonly Document.Parsed[], lc: LineCounter, file: string): SpecError | undefined {
  try {
    JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const offset = jsonErrorOffset(text, message);
    const line = offset === undefined ? (yamlError(docs, lc, file)?.line ?? 1) : lc.linePos(offset).line;
    const what = message.replace(/, (\.\.\.)?"[\s\S]*" is not valid JSON$/, "").split("\n")[0] ?? "";
    return specError(file, line, `invalid JSON: ${what}; fix the syntax (double quotes, no trailing commas)`);
  }
  return yamlError(docs, lc, file);
}

/**
 * Where V8's JSON.parse message says the error is: "at position N", or `Unexpected token 'x', ..."snippet"...
 * is not valid JSON` where a leading "..." means the snippet starts 10 characters before the token.
 */
function jsonErrorOffset(text: string, message: string): number | undefined {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  if (message.startsWith("Unexpected end of JSON input")) return text.trimEnd().length;
  const m = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (!m) return undefined;
  const [, token = "", cut, snippet = ""] = m;
  if (cut === undefined) return Math.max(0, text.indexOf(token));
  const at = text.indexOf(snippet);
  return at < 0 ? undefined : at + 10;
}

/** The spec mappings of one document: itself, its items, or the items of its `specs` key. */
function specNodes(doc: Document.Parsed, ctx: Context, errors: SpecError[]): YAMLMap[] {
  const root = doc.contents;
  if (root === null) return [];
  const inner = isMap(root) && root.has("specs") ? root.get("specs", true) : root;
  const items = isSeq(inner) ? inner.items : [inner];
  const maps: YAMLMap[] = [];
  for (const item of items) {
    if (isMap(item)) maps.push(item);
    else errors.push(specError(ctx.file, lineOf(item as Node, ctx), "a spec must be a mapping with name, params, returns and examples"));
  }
  return maps;
}

// ---------------------------------------------------------------------------------------------------------
// one spec

/** @throws SpecFailure for a spec that cannot become a problem. */
function specFromNode(node: YAMLMap, ctx: Context): Problem {
  const line = lineOf(node, ctx);
  const name = requiredName(node, ctx, line);
  const exampleNodes = exampleList(node, "examples", ctx, true);
  const testNodes = exampleList(node, "tests", ctx, false);
  const params = paramsOf(node, ctx) ?? paramsFromExample(exampleNodes[0], name, ctx);
  const drafts = (nodes: readonly YAMLMap[], word: string): ExampleDraft[] =>
    nodes.map((n, i) => exampleDraft(n, { name, params, label: label(word, i), ctx }));
  const sig = inferSignature({
    params,
    returns: typeField(node.get("returns", true), "returns", ctx),
    examples: drafts(exampleNodes, "example"),
    tests: drafts(testNodes, "test"),
    line,
  });
  const description = stringField(node, "description", ctx) ?? "";
  return {
    name, file: ctx.file, line, format: ctx.format, description,
    params: sig.params, returns: sig.returns, examples: sig.examples, tests: sig.tests, helpers: [], preamble: [],
  };
}

function requiredName(node: YAMLMap, ctx: Context, line: number): string {
  const name = stringField(node, "name", ctx);
  if (name === undefined) throw new SpecFailure("add name: the function's name (a Python identifier)", line);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new SpecFailure(`name ${JSON.stringify(name)} is not a Python identifier: use letters, digits and _`, line);
  return name;
}

function stringField(node: YAMLMap, key: string, ctx: Context): string | undefined {
  const v = node.get(key, true);
  if (v === undefined || (isScalar(v) && v.value === null)) return undefined;
  if (isScalar(v) && typeof v.value === "string") return v.value;
  throw new SpecFailure(`${key} must be a string`, lineOf(v as Node, ctx));
}

function exampleList(node: YAMLMap, key: string, ctx: Context, required: boolean): YAMLMap[] {
  const v = node.get(key, true);
  if (v === undefined || (isScalar(v) && v.value === null)) {
    if (required) throw new SpecFailure(`add ${key}: a list of {args: [...], output: ...}`, lineOf(node, ctx));
    return [];
  }
  if (!isSeq(v) || (required && v.items.length === 0)) throw new SpecFailure(`${key} must be a non-empty list of {args: [...], output: ...}`, lineOf(v as Node, ctx));
  return v.items.map((item) => {
    if (!isMap(item)) throw new SpecFailure(`each of ${key} must be a mapping such as {args: [1, 2], output: 3}`, lineOf(item as Node, ctx));
    return item;
  });
}

/** A type field: absent or null means infer. */
function typeField(v: unknown, what: string, ctx: Context): Type | undefined {
  if (v === undefined || v === null || (isScalar(v) && v.value === null)) return undefined;
  const text = isScalar(v) && typeof v.value === "string" ? v.value : undefined;
  const a = readAnnotation(text);
  if (a.kind === "type") return a.type;
  if (a.kind === "infer") return undefined;
  const msg = `${what}: unsupported type ${JSON.stringify(text ?? String(v))}: use int, float, bool, str, None, list[T], tuple[T, ...], dict[K, V], set[T] or Optional[T]`;
  throw new SpecFailure(msg, lineOf(v as Node, ctx));
}

/** `params` as a list of {name, type} or names, or a mapping name -> type; undefined when absent. */
function paramsOf(node: YAMLMap, ctx: Context): ParamDraft[] | undefined {
  const v = node.get("params", true);
  if (v === undefined || (isScalar(v) && v.value === null)) return undefined;
  if (isMap(v)) {
    return v.items.map((pair) => paramDraft(scalarText(pair.key), pair.value, lineOf(pair.key as Node, ctx), ctx));
  }
  if (!isSeq(v)) throw new SpecFailure("params must be a list of {name, type} or a mapping from name to type", lineOf(v as Node, ctx));
  return v.items.map((item) => {
    const l = lineOf(item as Node, ctx);
    if (isScalar(item)) return paramDraft(scalarText(item), undefined, l, ctx);
    if (isMap(item)) return paramDraft(scalarText(item.get("name", true)), item.get("type", true), l, ctx);
    throw new SpecFailure("each param must be a name or {name, type}", l);
  });
}

function scalarText(n: unknown): string | undefined {
  return isScalar(n) && (typeof n.value === "string" || typeof n.value === "bigint") ? String(n.value) : undefined;
}

function paramDraft(name: string | undefined, typeNode: unknown, line: number, ctx: Context): ParamDraft {
  if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new SpecFailure("each param needs a name that is a Python identifier", line);
  const declared = typeField(typeNode, `param ${name}`, ctx);
  return declared ? { name, declared } : { name };
}

/** Without `params`, names come from the first example: its `input` keys, or arg0, arg1, ... */
function paramsFromExample(ex: YAMLMap | undefined, name: string, ctx: Context): ParamDraft[] {
  if (!ex) return [];
  const call = exampleCall(ex, name, ctx);
  return [...call.args.map((_, i) => ({ name: `arg${i}` })), ...call.kwargs.map((k) => ({ name: k.name }))];
}

// ---------------------------------------------------------------------------------------------------------
// examples

interface ExampleContext {
  readonly name: string;
  readonly params: readonly ParamDraft[];
  readonly label: string;
  readonly ctx: Context;
}

function exampleDraft(node: YAMLMap, ec: ExampleContext): ExampleDraft {
  const line = lineOf(node, ec.ctx);
  const call = exampleCall(node, ec.name, ec.ctx, ec.label);
  const outNode = node.get("output", true);
  if (outNode === undefined) throw new SpecFailure(`${ec.label}: add output: the expected value`, line);
  const pyText = node.has("call") && isScalar(outNode) && typeof outNode.value === "string";
  const output = pyText ? pythonText(outNode.value as string, lineOf(outNode, ec.ctx), ec.label) : toLiteral(outNode, ec.ctx, ec.label);
  return { args: bindArguments(call, ec.params, { label: ec.label, line }), output, line, label: ec.label };
}

/** The arguments of an example as a call: `args` (positional), `input` (by name) or `call` (Python text). */
function exampleCall(node: YAMLMap, name: string, ctx: Context, what = "example 1"): PyCall {
  const line = lineOf(node, ctx);
  const forms = ["args", "input", "call"].filter((k) => node.has(k));
  if (forms.length !== 1) throw new SpecFailure(`${what}: give exactly one of args: [...], input: {name: value} or call: "${name}(...)"`, line);
  const v = node.get(forms[0]!, true);
  if (forms[0] === "call") return pythonCall(v, name, ctx, what);
  if (forms[0] === "args") {
    if (!isSeq(v)) throw new SpecFailure(`${what}: args must be a list of argument values`, lineOf(v as Node, ctx));
    return { name, args: v.items.map((i) => toLiteral(i, ctx, what)), kwargs: [], start: 0 };
  }
  if (!isMap(v)) throw new SpecFailure(`${what}: input must be a mapping from parameter name to value`, lineOf(v as Node, ctx));
  const kwargs: PyKwarg[] = v.items.map((p) => ({ name: scalarText(p.key) ?? "?", value: toLiteral(p.value, ctx, what) }));
  return { name, args: [], kwargs, start: 0 };
}

function pythonCall(v: unknown, name: string, ctx: Context, what: string): PyCall {
  const line = lineOf(v as Node, ctx);
  if (!isScalar(v) || typeof v.value !== "string") throw new SpecFailure(`${what}: call must be a string such as "${name}(1, 'a')"`, line);
  const r = parsePyCall(v.value);
  if (!r.ok) throw new SpecFailure(`${what}: cannot read the call ${JSON.stringify(v.value)} (column ${r.column}): ${r.message}`, line);
  if (r.value.name !== name) throw new SpecFailure(`${what}: the call is to ${r.value.name}, but the spec is named ${name}`, line);
  return r.value;
}

function pythonText(text: string, line: number, what: string): PyLiteral {
  const r = parsePyLiteral(text);
  if (!r.ok) throw new SpecFailure(`${what}: cannot read the Python value ${JSON.stringify(text)} (column ${r.column}): ${r.message}`, line);
  return r.value;
}

/** A YAML value as a Python literal (see the module comment for the mapping). */
function toLiteral(n: unknown, ctx: Context, what: string): PyLiteral {
  const line = lineOf(n as Node, ctx);
  try {
    if (isScalar(n)) return scalarLiteral(n.value, n.tag, line, what);
    if (isSeq(n)) return listOf(n.items.map((i) => toLiteral(i, ctx, what)), 0);
    if (isMap(n)) {
      const keys = n.items.map((p) => toLiteral(p.key, ctx, what));
      return dictOf(keys, n.items.map((p) => toLiteral(p.value, ctx, what)), 0);
    }
  } catch (e) {
    if (e instanceof LiteralSyntaxError) throw new SpecFailure(`${what}: ${e.message}`, line, { cause: e });
    throw e;
  }
  throw new SpecFailure(`${what}: unsupported YAML value (aliases and custom tags other than !py are not supported)`, line);
}

function scalarLiteral(v: unknown, tag: string | undefined, line: number, what: string): PyLiteral {
  if (tag === "!py") return pythonText(String(v), line, what);
  if (v === null || v === undefined) return lit(null, NONE);
  if (typeof v === "boolean") return lit(v, BOOL);
  if (typeof v === "bigint") return lit(normInt(v), INT);
  if (typeof v === "number") return lit(v, FLOAT);
  if (typeof v === "string") return lit(v, STR);
  throw new SpecFailure(`${what}: unsupported YAML value ${String(v)}`, line);
}
