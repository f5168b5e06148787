/**
 * What a spec looks like to the learned models (src/learn): its description and name words, its signature and a few
 * generic relations between its example inputs and outputs. Pure functions; nothing here knows any task.
 *
 * The same features are computed for training items (solved specs in the corpus, public training data) and for
 * the spec being searched, so a learned association ("divide" goes with true division, a list output no longer than
 * its input with filters) carries over to specs never seen.
 */
import { subexprs, type Expr } from "../dsl/expr.js";
import { typeKey, type Type } from "../dsl/types.js";
import { pyEq, type Value } from "../dsl/values.js";
import { tokenize } from "./lexicon.js";

/** The parts of a spec the features are computed from (a Problem has them all). */
export interface FeatureSpec {
  readonly name: string;
  readonly description: string;
  readonly params: readonly { readonly name: string; readonly type: Type }[];
  readonly returns: Type;
  readonly examples: readonly { readonly inputs: readonly Value[]; readonly output: Value }[];
}

/** A type's outer kind as a feature word: "list[int]" -> "list", "tuple[int, ...]" -> "tuple". */
function kindWord(t: Type): string {
  return typeKey(t).split("[")[0] as string;
}

/** Words of a Python identifier: "count_Set_Bits" -> count set bit, "findMax" -> find max. */
export function nameWords(name: string): string[] {
  return tokenize(name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " "));
}

/**
 * The spec's features, deduplicated, in a fixed order: description and name words (stemmed, stop words dropped),
 * `ret:<kind>`, `retk:<type>`, `arg:<kind>` and `argk:<type>` per parameter, adjacent description words as
 * `w1+w2` ("nth+power"), `arity:<n>`, and `io:<relation>` for each relation that holds on every example. Parameter
 * types and word pairs overlap the other features; the logistic description model fits them jointly, so they add
 * what they say beyond the rest (on the MBPP validation quarter, per-task candidate ratio 1.95x without them,
 * 2.01x with parameter types, 2.17x with word pairs, 2.34x with both; parameter-name words made it worse, 1.85x).
 */
export function specFeatures(spec: FeatureSpec): string[] {
  const words = tokenize(spec.description);
  const out = new Set<string>([...words, ...nameWords(spec.name)]);
  out.add(`ret:${kindWord(spec.returns)}`);
  out.add(`retk:${typeKey(spec.returns)}`);
  for (const p of spec.params) {
    out.add(`arg:${kindWord(p.type)}`);
    out.add(`argk:${typeKey(p.type)}`);
  }
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]}+${words[i + 1]}`);
  out.add(`arity:${spec.params.length}`);
  for (const r of ioRelations(spec)) out.add(`io:${r}`);
  return [...out];
}

const isSeq = (v: Value): v is string | readonly Value[] => typeof v === "string" || Array.isArray(v);
const items = (v: Value): readonly Value[] => (typeof v === "string" ? [...v] : Array.isArray(v) ? (v as readonly Value[]) : []);
const isNum = (v: Value): v is number | bigint => typeof v === "number" || typeof v === "bigint";
const nums = (xs: readonly Value[]): number[] => xs.filter(isNum).map(Number);
const longest = (xs: readonly Value[]): number => Math.max(...xs.filter(isSeq).map((x) => items(x).length));
const within = (y: Value, xs: readonly Value[]): boolean => xs.some((x) => pyEq(x, y) || (isSeq(x) && items(x).some((z) => pyEq(z, y))));

/** Relations between inputs and output, each a test on one example. */
const RELATIONS: readonly (readonly [string, (inputs: readonly Value[], out: Value) => boolean])[] = [
  ["out=in", (I, o) => I.some((x) => pyEq(x, o))],
  ["out-in-in", (I, o) => I.some((x) => isSeq(x) && items(x).some((y) => pyEq(y, o)))],
  ["len=", (I, o) => isSeq(o) && I.some((x) => isSeq(x) && items(x).length === items(o).length)],
  ["len<", (I, o) => isSeq(o) && I.some(isSeq) && items(o).length < longest(I)],
  ["len>", (I, o) => isSeq(o) && I.some(isSeq) && items(o).length > longest(I)],
  ["subset", (I, o) => isSeq(o) && items(o).every((y) => within(y, I))],
  ["sorted", (_I, o) => Array.isArray(o) && o.length > 1 && (o as readonly Value[]).every((y, i, a) => i === 0 || !(isNum(y) && isNum(a[i - 1] as Value)) || (a[i - 1] as number) <= (y as number))],
  ["out=lenin", (I, o) => isNum(o) && I.some((x) => isSeq(x) && items(x).length === Number(o))],
  ["out<0", (_I, o) => isNum(o) && o < 0],
  ["out01", (_I, o) => isNum(o) && (Number(o) === 0 || Number(o) === 1)],
  ["out>ins", (I, o) => isNum(o) && I.some(isNum) && nums(I).every((x) => Number(o) > x)],
  ["out<ins", (I, o) => isNum(o) && I.some(isNum) && nums(I).every((x) => Number(o) < x)],
  ["outbig", (I, o) => isNum(o) && I.some(isNum) && Number(o) > 10 * Math.max(...nums(I).map(Math.abs)) + 10],
  ["upper", (_I, o) => typeof o === "string" && /[A-Z]/.test(o) && o === o.toUpperCase()],
  ["lower", (_I, o) => typeof o === "string" && /[a-z]/.test(o) && o === o.toLowerCase()],
  ["space", (_I, o) => typeof o === "string" && o.includes(" ")],
  ["chars-sub", (I, o) => typeof o === "string" && [...o].every((c) => I.some((x) => typeof x === "string" && x.includes(c)))],
  ["newchars", (I, o) => typeof o === "string" && [...o].some((c) => !I.some((x) => typeof x === "string" && x.includes(c)))],
];

/** The relations that hold on every example (none without examples); a relation that throws does not hold. */
export function ioRelations(spec: Pick<FeatureSpec, "examples" | "returns">): string[] {
  const ex = spec.examples;
  if (ex.length === 0) return [];
  const out: string[] = [];
  for (const [name, test] of RELATIONS) {
    if (
      ex.every((e) => {
        try {
          return test(e.inputs, e.output);
        } catch {
          return false;
        }
      })
    )
      out.push(name);
  }
  if (spec.returns.kind === "bool") {
    if (ex.every((e) => e.output === true)) out.push("alltrue");
    else if (ex.every((e) => e.output === false)) out.push("allfalse");
  }
  return out;
}

/** A signature's class for the type prior: the return kind and the set of parameter kinds, "int<-list,str". */
export function signatureClass(spec: Pick<FeatureSpec, "params" | "returns">): string {
  return `${kindWord(spec.returns)}<-${[...new Set(spec.params.map((p) => kindWord(p.type)))].sort().join(",")}`;
}

/** The types a program computes on its way that are neither a parameter's nor the result's (type keys, sorted). */
export function intermediateTypes(program: Expr, spec: Pick<FeatureSpec, "params" | "returns">): string[] {
  const own = new Set([typeKey(spec.returns), ...spec.params.map((p) => typeKey(p.type))]);
  const used = new Set<string>();
  for (const e of subexprs(program)) {
    const k = typeKey(e.type);
    if (!own.has(k)) used.add(k);
  }
  return [...used].sort();
}
