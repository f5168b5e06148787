import { UNKNOWN, hasUnknown, typeKey, unify, type Type } from "../dsl/types.js";
import { PyDict, PySet, type Value } from "../dsl/values.js";
import { pyRepr } from "../dsl/repr.js";
import { SpecFailure } from "./errors.js";
import type { PyCall, PyLiteral } from "./pyliteral.js";
import type { Example, Param } from "./problem.js";
import { generalizeTuples } from "./shape.js";

/**
 * Types from examples. Every spec format ends here: a signature with optional declared types, and examples
 * whose values are literals. Declared types are checked against every example (and values coerced where
 * Python would accept them: an int where a float is declared, a bool where an int is); missing types are
 * inferred by unifying the examples' literal types (int with float gives float, an empty list takes its
 * element type from the other examples, tuples of different lengths become `tuple[T, ...]`), then reading
 * homogeneous tuples as `tuple[T, ...]`.
 */

/** A parameter before its type is settled. */
export interface ParamDraft {
  readonly name: string;
  /** The declared type; absent means infer it. */
  readonly declared?: Type;
  /** The default value written in the signature, used when an example omits the argument. */
  readonly default?: PyLiteral;
  /** Said when inference fails, e.g. "its annotation `Callable` is not supported". */
  readonly note?: string;
}

/** An example before its types are settled. `label` names it in messages ("example 3", "test 1"). */
export interface ExampleDraft {
  readonly args: readonly PyLiteral[];
  readonly output: PyLiteral;
  readonly line: number;
  readonly label: string;
  readonly tolerance?: { readonly rel: number; readonly abs: number };
}

/** The settled signature and typed examples. */
export interface Signature {
  readonly params: readonly Param[];
  readonly returns: Type;
  readonly examples: readonly Example[];
  readonly tests: readonly Example[];
}

/** Labels drafts "example 1", "example 2", ... (or with another word, e.g. "test"). */
export function label(word: string, index: number): string {
  return `${word} ${index + 1}`;
}

/**
 * Matches a call's arguments to the parameters: positional ones in order, keywords by name, defaults for
 * the rest.
 * @throws SpecFailure naming the example when the call does not fit the signature.
 */
export function bindArguments(call: PyCall, params: readonly ParamDraft[], where: { label: string; line: number }): PyLiteral[] {
  const fail = (msg: string): never => {
    throw new SpecFailure(`${where.label}: ${msg}`, where.line);
  };
  if (call.args.length > params.length) {
    throw new SpecFailure(`${where.label} has ${call.args.length} arguments, the signature has ${params.length}`, where.line);
  }
  const bound: (PyLiteral | undefined)[] = params.map((_, i) => call.args[i]);
  for (const kw of call.kwargs) {
    const i = params.findIndex((p) => p.name === kw.name);
    if (i < 0) fail(`there is no parameter named ${kw.name}; the signature has ${params.map((p) => p.name).join(", ") || "none"}`);
    if (bound[i] !== undefined) fail(`gives ${kw.name} twice`);
    bound[i] = kw.value;
  }
  return params.map((p, i) => bound[i] ?? p.default ?? fail(`gives no value for ${p.name}, which has no default: add it to the call`));
}

/** Everything inference needs: the signature as written and the examples, before types are settled. */
export interface SignatureDraft {
  readonly params: readonly ParamDraft[];
  /** The declared return type; absent means infer it. */
  readonly returns?: Type | undefined;
  /** Said when inferring the return type fails, like ParamDraft.note. */
  readonly returnsNote?: string | undefined;
  readonly examples: readonly ExampleDraft[];
  readonly tests: readonly ExampleDraft[];
  /** The definition's line, for errors that belong to no example. */
  readonly line: number;
}

/**
 * Settles parameter and return types from declarations and examples, and types every example value.
 * @throws SpecFailure with the line of the offending example (or the definition) when they disagree.
 */
export function inferSignature(draft: SignatureDraft): Signature {
  const { params, examples, tests, line } = draft;
  const all = [...examples, ...tests];
  for (const ex of all) {
    if (ex.args.length !== params.length) {
      throw new SpecFailure(`${ex.label} has ${ex.args.length} argument${ex.args.length === 1 ? "" : "s"}, the signature has ${params.length}`, ex.line);
    }
  }
  const slots = params.map((p, i) => settleSlot({ what: `argument ${p.name}`, declared: p.declared, note: p.note, line }, all.map((ex) => ({ lit: ex.args[i]!, ex }))));
  const retSlot = { what: "the expected value", declared: draft.returns, note: draft.returnsNote, line };
  const ret = settleSlot(retSlot, all.map((ex) => ({ lit: ex.output, ex })));
  const typed = all.map((ex, j) => typedExample(ex, slots.map((s) => s.values[j] ?? null), ret.values[j] ?? null));
  return {
    params: params.map((p, i) => typedParam(p, slots[i]!.type, line)),
    returns: ret.type,
    examples: typed.slice(0, examples.length),
    tests: typed.slice(examples.length),
  };
}

function typedExample(ex: ExampleDraft, inputs: Value[], output: Value): Example {
  const base = { inputs, output, line: ex.line };
  return ex.tolerance ? { ...base, tolerance: ex.tolerance } : base;
}

function typedParam(p: ParamDraft, type: Type, line: number): Param {
  if (!p.default) return { name: p.name, type };
  const value = coerceValue(p.default.value, p.default.exactType, type);
  if (value === MISMATCH) {
    throw new SpecFailure(`the default of ${p.name}, ${shortRepr(p.default)}, is not a ${typeKey(type)}: fix the default or the annotation`, line);
  }
  return { name: p.name, type, default: value };
}

interface Slot {
  readonly what: string;
  readonly declared: Type | undefined;
  readonly note: string | undefined;
  readonly line: number;
}

interface SlotValue {
  readonly lit: PyLiteral;
  readonly ex: ExampleDraft;
}

/** One argument position (or the output) across all examples: its type and coerced values. */
function settleSlot(slot: Slot, items: readonly SlotValue[]): { type: Type; values: Value[] } {
  const type = slotType(slot, items);
  const values = items.map(({ lit, ex }) => {
    const v = coerceValue(lit.value, lit.exactType, type);
    if (v === MISMATCH) throw mismatch(slot, lit, ex, type);
    return v;
  });
  return { type, values };
}

function slotType(slot: Slot, items: readonly SlotValue[]): Type {
  if (slot.declared && !hasUnknown(slot.declared)) return slot.declared;
  const inferred = generalizeTuples(unifyAll(slot, items));
  const type = slot.declared ? (unify(slot.declared, inferred) ?? slot.declared) : inferred;
  if (hasUnknown(type)) {
    const note = slot.note ? ` (${slot.note})` : "";
    throw new SpecFailure(
      `cannot infer the type of ${slot.what} from the examples: ${typeKey(type)} has an unknown part (every one is empty?)${note}; declare its type, e.g. list[int]`,
      items[0]?.ex.line ?? slot.line,
    );
  }
  return type;
}

function unifyAll(slot: Slot, items: readonly SlotValue[]): Type {
  let acc: Type = UNKNOWN;
  for (const { lit, ex } of items) {
    const u = unify(acc, lit.exactType);
    if (!u) {
      const note = slot.note ? ` (${slot.note})` : "";
      throw new SpecFailure(
        `${ex.label}: ${slot.what} is ${typeKey(lit.type)} (${shortRepr(lit)}) but earlier examples make it ${typeKey(generalizeTuples(acc))}${note}: make the examples agree or declare the type`,
        ex.line,
      );
    }
    acc = u;
  }
  return acc;
}

function mismatch(slot: Slot, lit: PyLiteral, ex: ExampleDraft, type: Type): SpecFailure {
  const declared = slot.declared ? "declared" : "inferred";
  return new SpecFailure(
    `${ex.label}: ${slot.what} is ${typeKey(lit.type)} (${shortRepr(lit)}), but its ${declared} type is ${typeKey(type)}: fix the example or the type`,
    ex.line,
  );
}

/** A literal's repr, cut to a readable length for messages. */
export function shortRepr(lit: PyLiteral): string {
  const r = pyRepr(lit.value, lit.type);
  return r.length > 40 ? r.slice(0, 37) + "..." : r;
}

/** Returned by `coerceValue` when a value does not fit the type. */
export const MISMATCH: unique symbol = Symbol("mismatch");

/**
 * Converts a literal value of (exact) type `actual` to type `target` where Python would accept it: int and
 * bool where float is declared, bool where int is, None where Optional is, and containers elementwise.
 * Tuple values are checked by their length against fixed-shape targets. Returns MISMATCH otherwise.
 */
export function coerceValue(v: Value, actual: Type, target: Type): Value | typeof MISMATCH {
  if (actual.kind === "unknown" || target.kind === "unknown") return v;
  if (v === null) return actual.kind === "none" || actual.kind === "optional" ? (acceptsNone(target) ? null : MISMATCH) : MISMATCH;
  if (actual.kind === "optional") return coerceValue(v, actual.el, target);
  if (target.kind === "optional") return coerceValue(v, actual, target.el);
  switch (target.kind) {
    case "int":
      return actual.kind === "int" ? v : actual.kind === "bool" ? (v === true ? 1 : 0) : MISMATCH;
    case "float":
      return actual.kind === "float" ? v : actual.kind === "int" || actual.kind === "bool" ? Number(v) : MISMATCH;
    case "bool":
    case "str":
      return actual.kind === target.kind ? v : MISMATCH;
    case "none":
      return MISMATCH;
    default:
      return coerceContainer(v, actual, target);
  }
}

function acceptsNone(t: Type): boolean {
  return t.kind === "none" || t.kind === "optional" || t.kind === "unknown";
}

/** Element type of the actual container at index i (fixed tuples differ per position). */
function actualElement(actual: Type, i: number): Type | undefined {
  if (actual.kind === "tuple") return actual.els[i];
  if (actual.kind === "list" || actual.kind === "vtuple" || actual.kind === "set") return actual.el;
  return undefined;
}

function coerceContainer(v: Value, actual: Type, target: Type): Value | typeof MISMATCH {
  switch (target.kind) {
    case "list":
      return actual.kind === "list" ? coerceItems(v, actual, () => target.el) : MISMATCH;
    case "vtuple":
      return actual.kind === "vtuple" || actual.kind === "tuple" ? coerceItems(v, actual, () => target.el) : MISMATCH;
    case "tuple": {
      const fits = (actual.kind === "vtuple" || actual.kind === "tuple") && Array.isArray(v) && v.length === target.els.length;
      return fits ? coerceItems(v, actual, (i) => target.els[i] ?? UNKNOWN) : MISMATCH;
    }
    case "set": {
      if (actual.kind !== "set" || !(v instanceof PySet)) return MISMATCH;
      const items = coerceItems(v.items, actual, () => target.el);
      return items === MISMATCH ? MISMATCH : PySet.from(items);
    }
    case "dict":
      return actual.kind === "dict" && v instanceof PyDict ? coerceDict(v, actual, target) : MISMATCH;
    default:
      return MISMATCH;
  }
}

function coerceItems(v: Value, actual: Type, target: (i: number) => Type): Value[] | typeof MISMATCH {
  if (!Array.isArray(v)) return MISMATCH;
  const out: Value[] = [];
  for (let i = 0; i < v.length; i++) {
    const c = coerceValue(v[i] as Value, actualElement(actual, i) ?? UNKNOWN, target(i));
    if (c === MISMATCH) return MISMATCH;
    out.push(c);
  }
  return out;
}

function coerceDict(d: PyDict, actual: Type & { kind: "dict" }, target: Type & { kind: "dict" }): Value | typeof MISMATCH {
  const out = new PyDict();
  for (let i = 0; i < d.size; i++) {
    const k = coerceValue(d.keys[i] ?? null, actual.key, target.key);
    const v = coerceValue(d.vals[i] ?? null, actual.val, target.val);
    if (k === MISMATCH || v === MISMATCH) return MISMATCH;
    out.set(k, v);
  }
  return out;
}
