import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { hashBatch, hashBits, hashBits2 } from "../../src/search/bank.js";
import { Enumerator, StopSearch } from "../../src/search/enumerator.js";
import { buildSygusGrammar } from "../../src/search/sygrammar.js";
import { parseSygus } from "../../src/spec/sygus.js";
import { UNIFORM_WEIGHTS } from "../../src/search/weights.js";
import { run } from "../../src/eval/interp.js";
import { isError, pyEq, type Value } from "../../src/dsl/values.js";
import type { Expr } from "../../src/dsl/expr.js";
import { DEFAULT_SEARCH_LIMITS } from "../../src/search/intern.js";

describe("hashBatch", () => {
  it("gives each vector of a batch exactly hashBits and hashBits2", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 40 }), fc.integer(), fc.array(fc.double(), { minLength: 240, maxLength: 240 }), (rows, n, seed, xs) => {
        const vals = Float64Array.from(xs.slice(0, rows * n));
        const bits = new Int32Array(vals.buffer);
        const h = new Int32Array(n);
        const h2 = new Int32Array(n);
        hashBatch(bits, n, rows, seed, h, h2);
        for (let k = 0; k < n; k++) {
          expect(h[k]).toBe(hashBits(bits, k * rows, rows, seed));
          expect(h2[k]).toBe(hashBits2(bits, k * rows, rows, seed));
        }
      }),
    );
  });
});

/** Some subterm of the program computes an int beyond the search's limit on these inputs. */
function beyondLimit(e: Expr, names: readonly string[], inputs: readonly Value[]): boolean {
  const v = run(e, names, inputs);
  if (typeof v === "bigint" && (v > DEFAULT_SEARCH_LIMITS.maxIntAbs || v < -DEFAULT_SEARCH_LIMITS.maxIntAbs)) return true;
  return e.t === "call" && e.args.some((a) => beyondLimit(a, names, inputs));
}

/** The integer and conditional loops (batched offers) against the interpreter, on a LIA grammar with ite. */
describe("enumerator invariants on an integer grammar with ite", () => {
  const src = `(set-logic LIA)
(synth-fun f ((x Int) (y Int)) Int
  ((Start Int (x y 0 1 (+ Start Start) (- Start Start) (* Start Start) (ite B Start Start)))
   (B Bool ((< Start Start) (<= Start Start) (= Start Start) (and B B) (not B)))))
(declare-var x Int)
(declare-var y Int)
(constraint (= (f 3 5) 100003))
(constraint (= (f 10 -4) 200007))
(constraint (= (f -1 7) 300011))
(constraint (= (f 9007199254740991 2) 5))
(check-synth)`;
  const p = parseSygus(src, "inv.sl").problems[0]!;
  const g = buildSygusGrammar(p, UNIFORM_WEIGHTS);
  const names = p.params.map((x) => x.name);
  const en = new Enumerator(g, names, p.examples.map((e) => e.inputs), { deadline: performance.now() + 60_000, maxBytes: 2 ** 30, maxCost: 400 });
  // Enough levels for conditionals whose branches and conditions are themselves compound.
  for (let level = 1; level <= 400 && en.main.bank.size < 40_000; level++) {
    try {
      en.step(level);
    } catch (e) {
      if (!(e instanceof StopSearch)) throw e;
    }
  }

  it("keeps conditionals and products among its entries", () => {
    const ops = new Set<string>();
    for (let i = 0; i < en.main.bank.size; i++) {
      const prod = g.prods[en.main.bank.prod.data[i]!];
      if (prod?.kind === "op") ops.add(prod.prim.name);
    }
    expect([...ops]).toEqual(expect.arrayContaining(["smt.ite", "smt.*", "smt.+", "smt.<"]));
  });

  it("stores for every entry the values its program computes, and no two entries of a nonterminal are equal", () => {
    const bank = en.main.bank;
    const seen = new Set<string>();
    for (let i = 0; i < bank.size; i++) {
      const key = `${bank.nt.data[i]}|${Array.from(bank.vals.bits.subarray(2 * i * bank.rows, 2 * (i + 1) * bank.rows)).join(",")}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      if (i % 7 !== 0) continue;
      const prog = en.toExpr(0, i);
      p.examples.forEach((ex, e) => {
        const got = run(prog, names, ex.inputs);
        const stored = en.valueOf(i, e);
        // During search an int beyond the search's limit (2^256) counts as an error (see limitsFor).
        const ok = isError(got) ? isError(stored) : isError(stored) ? beyondLimit(prog, names, ex.inputs) : pyEq(got as Value, stored as Value);
        expect(ok, `${JSON.stringify(prog)} on ${String(ex.inputs)}: ${String(got)} vs ${String(stored)}`).toBe(true);
      });
    }
  });
});
