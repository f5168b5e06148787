// Every primitive's `ts` template, at every instantiation over a representative type universe, renders into a
// function that type-checks under strict TypeScript; and every runtime helper compiles alone with its dependencies.
// "Every primitive" is every row of src/dsl/prims/*.ts (the Python table and the others, such as SMT-LIB's).
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { call, c, lam, v, type Expr } from "../../src/dsl/expr.js";
import { isLambdaArg, type Primitive } from "../../src/dsl/primitive.js";
import { PYTHON_PRIMS, primByName } from "../../src/dsl/prims/index.js";
import { BOOL, FLOAT, INT, STR, dict, iterElement, list, set, tuple, typeKey, vtuple, type Type } from "../../src/dsl/types.js";
import { PyDict, PySet, type Value } from "../../src/dsl/values.js";
import { emitTypeScriptFunction, tsHelpersOf } from "../../src/emit/typescript.js";
import { TS_RUNTIME, runtimeSource } from "../../src/emit/ts-runtime.js";
import { instantiate } from "../../src/search/grammar.js";
import type { Problem } from "../../src/spec/problem.js";
import { typeCheck } from "./tsc.js";

const PRIMS_DIR = new URL("../../src/dsl/prims/", import.meta.url);
const PRIM_SOURCES = readdirSync(PRIMS_DIR)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => readFileSync(new URL(f, PRIMS_DIR), "utf8"));

/** Every `ts` template written in the primitive files. */
const TEMPLATES = PRIM_SOURCES.flatMap((src) => [...src.matchAll(/\bts: "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? ""));

/** Every primitive the tables define: the Python table, then the other rows of the files, found by name. */
const ALL_PRIMS: readonly Primitive[] = [
  ...new Set([
    ...PYTHON_PRIMS,
    ...PRIM_SOURCES.flatMap((src) => [...src.matchAll(/\bname: "([^"]+)"/g)].map((m) => primByName(m[1] ?? "")).filter((p): p is Primitive => p !== undefined)),
  ]),
];

const UNIVERSE: readonly Type[] = [
  INT,
  FLOAT,
  BOOL,
  STR,
  list(INT),
  list(FLOAT),
  list(STR),
  list(BOOL),
  list(list(INT)),
  vtuple(INT),
  vtuple(STR),
  tuple([INT, STR]),
  tuple([STR, INT]),
  tuple([INT, STR, FLOAT]),
  list(tuple([INT, STR])),
  list(tuple([STR, INT])),
  dict(STR, INT),
  dict(INT, STR),
  dict(STR, list(INT)),
  set(INT),
  set(STR),
];
const KEYS = new Set(UNIVERSE.map(typeKey));
const inUniverse = (t: Type): boolean => KEYS.has(typeKey(t));

/** A small constant of each type (the body of a lambda that cannot use its loop variable). */
function sample(t: Type): Value {
  switch (t.kind) {
    case "int":
      return 2;
    case "float":
      return 1.5;
    case "bool":
      return true;
    case "str":
      return "a";
    case "list":
    case "vtuple":
      return [sample(t.el)];
    case "tuple":
      return t.els.map(sample);
    case "dict":
      return PyDict.from([[sample(t.key), sample(t.val)]]);
    case "set":
      return PySet.from([sample(t.el)]);
    default:
      return null;
  }
}

/** Loop variables as the enumerator names them: tuples destructure unless the binder is a Python lambda. */
function loopParams(el: Type, binder: "comp" | "lambda"): { names: string[]; types: Type[] } {
  if (el.kind === "tuple" && el.els.length > 1 && binder === "comp") return { names: el.els.map((_, i) => "abc".charAt(i)), types: [...el.els] };
  return { names: ["x"], types: [el] };
}

/** A lambda body of type `ret`: a loop variable of that type when there is one, else a constant. */
function body(ret: Type, names: readonly string[], types: readonly Type[]): Expr {
  const i = types.findIndex((t) => typeKey(t) === typeKey(ret));
  return i >= 0 ? v(names[i] ?? "x", ret) : c(sample(ret), ret);
}

interface Case {
  readonly label: string;
  readonly problem: Problem;
  readonly program: Expr;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const prim of ALL_PRIMS) {
    for (const inst of instantiate(prim, UNIVERSE, inUniverse)) {
      const params = inst.args.map((type, i) => ({ name: `p${i}`, type }));
      const args: Expr[] = params.map((p) => v(p.name, p.type));
      const el = inst.args[0] ? iterElement(inst.args[0]) : undefined;
      if (inst.lambdas.length > 0 && el) {
        const { names, types } = loopParams(el, prim.binder ?? "comp");
        for (const r of inst.lambdas) args.push(lam(names, body(r, names, types)));
      }
      const name = `f${out.length}`;
      const label = `${prim.name}(${inst.args.map(typeKey).join(", ")}) -> ${typeKey(inst.ret)}`;
      const problem: Problem = { name, file: "prims", line: 1, format: "python", description: label, params, returns: inst.ret, examples: [], tests: [], helpers: [], preamble: [] };
      out.push({ label, problem, program: call(prim.name, inst.ret, ...args) });
    }
  }
  return out;
}

/**
 * The function as emitted, and a copy whose expression is first bound to a `const`: there it has no contextual
 * type, as inside a larger expression, so what TypeScript infers for it alone must fit the declared type.
 */
function functions(k: Case): string[] {
  const emitted = emitTypeScriptFunction(k.problem, k.program);
  const bare = emitTypeScriptFunction({ ...k.problem, name: `${k.problem.name}_bare` }, k.program);
  return [emitted, bare.replace(/\n {2}return ([\s\S]*);\n\}$/, "\n  const r = $1;\n  return r;\n}")];
}

/** Many functions per module, each module with exactly the helpers its functions use. */
function modules(all: readonly Case[], perModule: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < all.length; i += perModule) {
    const batch = all.slice(i, i + perModule);
    const helpers = new Set(batch.flatMap((k) => tsHelpersOf(k.program)));
    const fns = batch.flatMap(functions);
    files[`/virtual/prims${i / perModule}.ts`] = [...fns, runtimeSource(helpers)].join("\n\n") + "\n";
  }
  return files;
}

describe("TypeScript rendering of every primitive", () => {
  const all = cases();

  it("instantiates every primitive of the tables at least once", () => {
    const covered = new Set(all.map((k) => k.program.t === "call" && k.program.op));
    expect(ALL_PRIMS.filter((p) => !covered.has(p.name)).map((p) => p.name)).toEqual([]);
    expect(ALL_PRIMS.map((p) => p.ts).sort()).toEqual([...TEMPLATES].map((t) => JSON.parse(`"${t}"`) as string).sort());
    expect(all.length).toBeGreaterThan(300);
  });

  it("type-checks every instantiation (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes, noUnusedLocals)", () => {
    expect(typeCheck(modules(all, 60))).toEqual([]);
  });

  it("finds every helper a template calls in the runtime", () => {
    const missing = TEMPLATES.flatMap((t) => (t.match(/\$[A-Za-z_]\w*/g) ?? []).filter((h) => !TS_RUNTIME.has(h)).map((h) => `${t}: ${h}`));
    expect(missing).toEqual([]);
  });

  it("has lambda arguments only after the iteration source, as the emitter assumes", () => {
    for (const p of ALL_PRIMS) {
      const s = p.sig(Object.fromEntries(Object.keys(p.vars ?? {}).map((k) => [k, list(INT)])));
      const kinds = (s?.args ?? []).map((a) => (isLambdaArg(a) ? "fn" : "value"));
      expect(kinds.indexOf("fn") === -1 || kinds.slice(kinds.indexOf("fn")).every((k) => k === "fn"), p.name).toBe(true);
    }
  });
});

describe("TypeScript runtime helpers", () => {
  it("compile alone with their declared dependencies", () => {
    const files: Record<string, string> = {};
    [...TS_RUNTIME.values()].forEach((h, i) => {
      const exported = /^(?:\/\*\*[\s\S]*?\*\/\s*)?type /.test(h.source) ? `export type { ${h.name} };` : `export { ${h.name} };`;
      files[`/virtual/helper${i}.ts`] = `${runtimeSource([h.name])}\n\n${exported}\n`;
    });
    expect(typeCheck(files)).toEqual([]);
  });

  it("lists dependencies that exist, without cycles through the helper itself", () => {
    for (const h of TS_RUNTIME.values()) {
      for (const d of h.deps) expect(TS_RUNTIME.has(d), `${h.name} -> ${d}`).toBe(true);
      expect(h.deps).not.toContain(h.name);
    }
  });
});
