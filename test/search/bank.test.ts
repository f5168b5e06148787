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

describe("vector fingerprints", () => {
  const fp = (xs: readonly number[], seed: number): string => {
    const bits = new Int32Array(Float64Array.from(xs).buffer);
    return `${hashBits(bits, 0, xs.length, seed)}:${hashBits2(bits, 0, xs.length, seed)}`;
  };

  it("tell apart small-integer vectors that differ only in signs (high-bit differences must not cancel)", () => {
    expect(fp([0, 7, -4], 0)).not.toBe(fp([0, -7, 4], 0));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 8 }), fc.integer({ min: 1, max: 255 }), fc.integer({ min: 0, max: 40 }), (xs, flips, seed) => {
        const ys = xs.map((x, i) => ((flips >> i) & 1 ? -x : x));
        if (ys.every((y, i) => y === xs[i])) return;
        expect(fp(xs, seed)).not.toBe(fp(ys, seed));
      }),
    );
  });

  it("have no collisions among all vectors of three small integers", () => {
    const seen = new Map<string, string>();
    for (let a = -12; a <= 12; a++) for (let b = -12; b <= 12; b++) for (let c = -12; c <= 12; c++) {
      const k = fp([a, b, c], 3);
      expect(seen.get(k), `${a},${b},${c}`).toBeUndefined();
      seen.set(k, `${a},${b},${c}`);
    }
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
      const key = `${bank.nt.data[i]}|${Array.from(new Int32Array(bank.vals.data.buffer).subarray(2 * i * bank.rows, 2 * (i + 1) * bank.rows)).join(",")}`;
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

/**
 * Completeness of the cost splits: without bigram weights, the cheapest cost of each value is a shortest-derivation
 * problem, whatever the order of offers. A naive reference that tries every split of every budget (each argument's
 * cost counted up from 1) must find exactly the enumerator's (nonterminal, values) -> cost table.
 */
describe("enumerator splits budgets over argument costs completely", () => {
  const src = `(set-logic LIA)
(synth-fun f ((x Int) (y Int)) Int
  ((Start Int (x y 0 1 3 (+ Start Start) (- Start Start) (* Start Start) (ite B Start Start)))
   (B Bool ((< Start Start) (= Start Start) (and B B) (not B)))))
(declare-var x Int)
(declare-var y Int)
(constraint (= (f 3 5) 1))
(constraint (= (f 10 -4) 2))
(constraint (= (f -1 7) 3))
(check-synth)`;
  const p = parseSygus(src, "splits.sl").problems[0]!;
  const names = p.params.map((x) => x.name);
  const inputs = p.examples.map((e) => e.inputs);
  const LEVELS = 46;

  const valuesKey = (nt: number, e: Expr): string => `${nt}|${inputs.map((row) => JSON.stringify(run(e, names, row), (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))).join(";")}`;

  function reference(g: ReturnType<typeof buildSygusGrammar>): Map<string, number> {
    const best = new Map<string, number>();
    // byCost[nt][cost] = programs kept at that cost (one per value).
    const byCost: Expr[][][] = g.nts.map(() => []);
    const keep = (nt: number, cost: number, e: Expr): void => {
      const k = valuesKey(nt, e);
      if (best.has(k)) return;
      best.set(k, cost);
      ((byCost[nt] as Expr[][])[cost] ??= []).push(e);
    };
    for (let level = 1; level <= LEVELS; level++) {
      for (const prod of g.prods) {
        if (prod.kind === "var" && prod.cost === level) keep(prod.lhs, level, { t: "var", name: prod.name, type: g.nts[prod.lhs]!.type });
        if (prod.kind === "const" && prod.cost === level) keep(prod.lhs, level, { t: "const", value: prod.value, type: g.nts[prod.lhs]!.type });
        if (prod.kind !== "op" || level <= prod.cost) continue;
        const n = prod.args.length;
        const go = (i: number, left: number, kids: Expr[]): void => {
          if (i === n) {
            if (left === 0) keep(prod.lhs, level, { t: "call", op: prod.prim.name, args: [...kids], type: g.nts[prod.lhs]!.type });
            return;
          }
          for (let k = 1; k <= left; k++) for (const e of (byCost[prod.args[i]!] as Expr[][])[k] ?? []) go(i + 1, left - k, [...kids, e]);
        };
        go(0, level - prod.cost, []);
      }
    }
    return best;
  }

  it("finds every value at its cheapest cost, like trying every split", () => {
    const g = buildSygusGrammar(p, UNIFORM_WEIGHTS);
    const en = new Enumerator(g, names, inputs, { deadline: performance.now() + 60_000, maxBytes: 2 ** 30, maxCost: 400 });
    for (let level = 1; level <= LEVELS; level++) en.step(level);
    const got = new Map<string, number>();
    const bank = en.main.bank;
    for (let i = 0; i < bank.size; i++) got.set(valuesKey(bank.nt.data[i]!, en.toExpr(0, i)), bank.cost.data[i]!);
    const want = reference(g);
    expect(want.size).toBeGreaterThan(1000);
    expect(got.size).toBe(want.size);
    for (const [k, c] of want) expect(got.get(k), k).toBe(c);
  });

  it("with bigram weights, stores each entry at its production's cost plus its children's costs under that parent", () => {
    const bigram = new Map([["smt.+/0", new Map([["smt.*", 1.5], ["var", -1]])], ["smt.*/1", new Map([["smt.+", 2]])], ["smt.ite/0", new Map([["smt.<", 1]])]]);
    const g = buildSygusGrammar(p, { ...UNIFORM_WEIGHTS, bigram });
    const en = new Enumerator(g, names, inputs, { deadline: performance.now() + 60_000, maxBytes: 2 ** 30, maxCost: 400, bigram });
    for (let level = 1; level <= LEVELS; level++) en.step(level);
    const bank = en.main.bank;
    const rootOp = (entry: number): string => {
      const pr = g.prods[bank.prod.data[entry]!]!;
      return pr.kind === "op" ? pr.prim.name : pr.kind;
    };
    let shifted = 0;
    for (let i = 0; i < bank.size; i++) {
      const pr = g.prods[bank.prod.data[i]!]!;
      if (pr.kind !== "op") continue;
      const kids = bank.kidsOf(i);
      const cost = pr.cost + kids.reduce((s, k, a) => {
        const b = bigram.get(`${pr.prim.name}/${a}`)?.get(rootOp(k));
        if (b !== undefined) shifted++;
        return s + bank.cost.data[k]! - (b === undefined ? 0 : Math.round(b * 2));
      }, 0);
      expect(bank.cost.data[i]).toBe(cost);
    }
    expect(shifted).toBeGreaterThan(20);
  });
});
