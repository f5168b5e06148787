// Differential test of the SMT-LIB semantics against cvc5: random ground terms (seeded) are simplified by cvc5
// (`(set-logic ALL)` + `(simplify t)`) and evaluated by our primitives; the values must agree. Skips with a message
// when cvc5 is not installed (`apt-get install -y cvc5`; .ci/run installs it). Also: cvc5 accepts EuPhony's reference
// solutions, read by our parser and written back by our emitter, on their examples.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Expr } from "../../src/dsl/expr.js";
import { isError, type Result, type Value } from "../../src/dsl/values.js";
import { exprToSygus, literal, sortOf } from "../../src/emit/sygus.js";
import { parseSpecText } from "../../src/spec/index.js";
import { readSExps } from "../../src/spec/sygus-sexp.js";
import { evalGround, readLiteral, readTerm } from "../../src/spec/sygus-term.js";

const EUPHONY = join(import.meta.dirname, "../../../shared/benchmarks/euphony-string-train");
const HAS_CVC5 = spawnSync("cvc5", ["--version"], { encoding: "utf8" }).status === 0;
if (!HAS_CVC5) console.warn("test/sygus/cvc5.test.ts skipped: cvc5 is not installed (apt-get install -y cvc5)");

type Sort = "String" | "Int" | "Bool";

/** Operators by result sort, with argument sorts (every SMT primitive appears). */
const OPS: Readonly<Record<Sort, readonly (readonly [string, ...Sort[]])[]>> = {
  String: [
    ["str.++", "String", "String"],
    ["str.at", "String", "Int"],
    ["str.substr", "String", "Int", "Int"],
    ["str.replace", "String", "String", "String"],
    ["str.replace_all", "String", "String", "String"],
    ["str.from_int", "Int"],
    ["ite", "Bool", "String", "String"],
  ],
  Int: [
    ["str.len", "String"],
    ["str.indexof", "String", "String", "Int"],
    ["str.to_int", "String"],
    ["+", "Int", "Int"],
    ["-", "Int", "Int"],
    ["-", "Int"],
    ["*", "Int", "Int"],
    ["div", "Int", "Int"],
    ["mod", "Int", "Int"],
    ["ite", "Bool", "Int", "Int"],
  ],
  Bool: [
    ["str.prefixof", "String", "String"],
    ["str.suffixof", "String", "String"],
    ["str.contains", "String", "String"],
    ["str.<", "String", "String"],
    ["str.<=", "String", "String"],
    ["=", "Int", "Int"],
    ["=", "String", "String"],
    ["<", "Int", "Int"],
    ["<=", "Int", "Int"],
    [">", "Int", "Int"],
    [">=", "Int", "Int"],
    ["and", "Bool", "Bool"],
    ["or", "Bool", "Bool"],
    ["not", "Bool"],
  ],
};

const LEAVES: Readonly<Record<Sort, fc.Arbitrary<string>>> = {
  String: fc.constantFrom('""', '"a"', '"ab"', '"ba b"', '"-1"', '"007"', '"12"', '" "', '"\\u{e9}a"', '"a\\u{1f600}b"', '"a""b"'),
  Int: fc.constantFrom("0", "1", "2", "3", "(- 1)", "(- 4)", "10", "123456789012345678901"),
  Bool: fc.constantFrom("true", "false"),
};

/** A random ground term of a sort, as SMT-LIB text, at most `depth` applications deep. */
function term(sort: Sort, depth: number): fc.Arbitrary<string> {
  if (depth === 0) return LEAVES[sort];
  const apps = OPS[sort].map(([op, ...args]) => fc.tuple(...args.map((s) => term(s, depth - 1))).map((xs) => `(${op} ${xs.join(" ")})`));
  return fc.oneof({ arbitrary: LEAVES[sort], weight: 1 }, ...apps.map((a) => ({ arbitrary: a, weight: 1 })));
}

function terms(seed: number, n: number): string[] {
  const sorts: Sort[] = ["String", "Int", "Bool"];
  return sorts.flatMap((s) => fc.sample(term(s, 3), { seed, numRuns: n }));
}

function cvc5Simplify(texts: readonly string[]): string[] {
  const script = ["(set-logic ALL)", ...texts.map((t) => `(simplify ${t})`)].join("\n");
  const out = execFileSync("cvc5", ["--lang=smt2", "--strings-exp"], { input: script, encoding: "utf8", timeout: 60_000 });
  return readSExps(out).map((e) => {
    const lit = readLiteral(e, 2);
    return lit === undefined ? "?" : JSON.stringify(lit.value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
  });
}

function ours(text: string): { expr: Expr; value: Result } {
  const [e] = readSExps(text);
  const expr = readTerm(e!, { version: 2, vars: new Map() });
  return { expr, value: evalGround(expr) };
}

const show = (v: Result): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? `${x}n` : x));

describe.skipIf(!HAS_CVC5)("SMT-LIB semantics agree with cvc5", () => {
  it("on 600 random ground terms", () => {
    const texts = terms(20260101, 200);
    const mine = texts.map(ours);
    // Division by zero is unspecified in SMT-LIB (cvc5 leaves it symbolic); ours is an error value: not compared.
    const defined = texts.filter((_t, i) => !isError(mine[i]!.value));
    const theirs = cvc5Simplify(defined);
    const mismatches = defined.flatMap((t, i) => {
      const got = show(mine[texts.indexOf(t)]!.value);
      return got === theirs[i] ? [] : [`${t}: ours ${got}, cvc5 ${theirs[i]}`];
    });
    expect(defined.length).toBeGreaterThan(400);
    expect(mismatches).toEqual([]);
  });

  it("reads back the terms it prints (the SyGuS emitter's text is what cvc5 reads)", () => {
    const texts = terms(7, 50).filter((t) => !isError(ours(t).value));
    const printed = texts.map((t) => exprToSygus(ours(t).expr));
    expect(cvc5Simplify(printed)).toEqual(cvc5Simplify(texts));
  });

  it.skipIf(!existsSync(EUPHONY))("accepts EuPhony's reference solutions, as our emitter writes them, on their examples", () => {
    const checks = readdirSync(EUPHONY)
      .filter((f) => f.endsWith(".sl"))
      .sort()
      .flatMap((f, i) => {
        const file = join(EUPHONY, f);
        const p = parseSpecText(readFileSync(file, "utf8"), file).problems[0];
        const program = p?.sygus?.reference?.program;
        if (!p || !program) return [];
        const params = p.params.map((x) => `(${x.name} ${sortOf(x.type)})`).join(" ");
        const def = `(define-fun g${i} (${params}) ${sortOf(p.returns)} ${exprToSygus(program)})`;
        const args = (vs: readonly Value[]): string => vs.map((v, k) => literal(v, p.params[k]!.type, 2)).join(" ");
        const eqs = p.examples.map((e) => `(= (g${i} ${args(e.inputs)}) ${literal(e.output, p.returns, 2)})`);
        return [{ f, def, all: `(and true ${eqs.join(" ")})` }];
      });
    expect(checks.length).toBeGreaterThan(100);
    const script = ["(set-logic ALL)", ...checks.flatMap((c) => [c.def, `(simplify ${c.all})`])].join("\n");
    const out = readSExps(execFileSync("cvc5", ["--lang=smt2", "--strings-exp"], { input: script, encoding: "utf8", timeout: 60_000 }));
    expect(checks.filter((_c, i) => out[i]?.kind !== "atom" || (out[i] as { text: string }).text !== "true").map((c) => c.f)).toEqual([]);
  });
});
