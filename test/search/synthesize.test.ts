import { describe, expect, it } from "vitest";
import { exprToPython } from "../../src/emit/python.js";
import { run } from "../../src/eval/interp.js";
import { synthesize } from "../../src/search/synthesize.js";
import { Enumerator, StopSearch } from "../../src/search/enumerator.js";
import { buildPythonGrammar } from "../../src/search/pygrammar.js";
import { UNIFORM_WEIGHTS } from "../../src/search/weights.js";
import { BOOL, FLOAT, INT, STR, list } from "../../src/dsl/types.js";
import { pyEq, type Value } from "../../src/dsl/values.js";
import { problem } from "./helpers.js";

/** Small problems across the DSL: each must be solved, and the program must fit every example. */
const SOLVED = [
  problem("rev", "Reverse the string", [["s", STR]], STR, [[["hello"], "olleh"], [["ab"], "ba"], [["xyz"], "zyx"]]),
  problem("upper_first", "", [["s", STR]], STR, [[["hello world"], "HELLO"], [["ab cd"], "AB"], [["x"], "X"]]),
  problem("sq", "square each number", [["xs", list(INT)]], list(INT), [[[[1, 2, 3]], [1, 4, 9]], [[[]], []], [[[-2]], [4]]]),
  problem("avg", "average of the list", [["xs", list(INT)]], FLOAT, [[[[1, 2, 3]], 2], [[[4, 5]], 4.5], [[[10]], 10]]),
  problem("pal", "check whether the string is a palindrome", [["s", STR]], BOOL, [[["abba"], true], [["abc"], false], [["x"], true], [["ab"], false]]),
  problem("absdiff", "absolute difference", [["a", INT], ["b", INT]], INT, [[[3, 5], 2], [[10, 4], 6], [[-1, -1], 0]]),
  problem("sign", "'pos' when n is positive, otherwise 'neg'", [["n", INT]], STR, [[[3], "pos"], [[-2], "neg"], [[10], "pos"], [[-7], "neg"], [[1], "pos"], [[-1], "neg"]]),
  problem("vowels", "count the vowels", [["s", STR]], INT, [[["hello"], 2], [["sky"], 0], [["aeiou"], 5], [["banana"], 3]]),
];

describe("synthesize", () => {
  it.each(SOLVED)("solves $name and the program fits every example", (p) => {
    const r = synthesize(p, { timeoutMs: 20_000 });
    expect(r.stop.kind, `stopped: ${JSON.stringify(r.stop)}`).toBe("solved");
    const prog = r.program!;
    for (const ex of p.examples) {
      const got = run(prog, p.params.map((x) => x.name), ex.inputs);
      expect(pyEq(got as Value, ex.output), `${exprToPython(prog)} on ${JSON.stringify(ex.inputs)}`).toBe(true);
    }
  });

  it("prefers the conventional form with the constant last", () => {
    const r = synthesize(SOLVED[6]!, { timeoutMs: 20_000 });
    expect(exprToPython(r.program!)).toMatch(/n [<>]=? -?\d|n [<>] 0/);
  });

  it("is deterministic: the same problem and options give the same program and counts", () => {
    const p = SOLVED[7]!;
    const a = synthesize(p, { timeoutMs: 20_000 });
    const b = synthesize(p, { timeoutMs: 20_000 });
    expect(exprToPython(a.program!)).toBe(exprToPython(b.program!));
    expect(a.stats.candidates).toBe(b.stats.candidates);
    expect(a.alternatives.map(exprToPython)).toEqual(b.alternatives.map(exprToPython));
  });

  it("stops with timeLimit, and reports the best partial program", () => {
    const p = problem("noise", "", [["a", INT]], INT, [[[1], 918273], [[2], 5], [[3], 77777], [[4], -12345]]);
    const r = synthesize(p, { timeoutMs: 300 });
    expect(r.stop.kind).toBe("timeLimit");
    expect(r.program).toBeUndefined();
    expect(r.partial?.passed).toBeGreaterThanOrEqual(0);
  });

  it("stops with memoryLimit when the bank outgrows its budget", () => {
    const p = problem("noise", "", [["s", STR]], STR, [[["abc"], "918273"], [["de"], "5x"], [["f"], "7y7"]]);
    const r = synthesize(p, { timeoutMs: 20_000, maxBytes: 2_000_000 });
    expect(r.stop.kind).toBe("memoryLimit");
  });

  it("stops with exhausted when the cost limit is reached", () => {
    const p = problem("noise", "", [["a", INT]], INT, [[[1], 918273], [[2], 5]]);
    const r = synthesize(p, { timeoutMs: 20_000, maxCost: 12 });
    expect(r.stop).toEqual({ kind: "exhausted", maxCost: 12 });
  });

  it("reports an unsupported return type instead of searching", () => {
    const p = problem("none", "", [["a", INT]], { kind: "unknown" }, [[[1], null]]);
    expect(synthesize(p, { timeoutMs: 1000 }).stop.kind).toBe("unsupported");
  });
});

describe("enumerator invariants", () => {
  const p = problem("inv", "", [["s", STR], ["n", INT]], STR, [[["abc", 1], "zz"], [["hello", 3], "yy"], [["", 0], "xx"]]);
  const g = buildPythonGrammar(p, UNIFORM_WEIGHTS);
  const en = new Enumerator(g, ["s", "n"], p.examples.map((e) => e.inputs), { deadline: performance.now() + 60_000, maxBytes: 2 ** 30, maxCost: 30 });
  for (let level = 1; level <= 30; level++) {
    try {
      en.step(level);
    } catch (e) {
      if (!(e instanceof StopSearch)) throw e;
    }
  }

  it("adds entries in non-decreasing cost order in every context", () => {
    for (const ctx of en.contexts) {
      for (let i = 1; i < ctx.bank.size; i++) expect(ctx.bank.cost.data[i]).toBeGreaterThanOrEqual(ctx.bank.cost.data[i - 1]!);
    }
  });

  it("keeps no two observationally equal entries of one nonterminal", () => {
    for (const ctx of en.contexts) {
      const seen = new Set<string>();
      for (let i = 0; i < ctx.bank.size; i++) {
        const key = `${ctx.bank.nt.data[i]}|${Array.from(new Int32Array(ctx.bank.vals.data.buffer).subarray(2 * i * ctx.rows, 2 * (i + 1) * ctx.rows)).join(",")}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
  });

  it("stores for every main entry the values its program computes", () => {
    const names = ["s", "n"];
    const bank = en.main.bank;
    for (let i = 0; i < bank.size; i += Math.max(1, Math.floor(bank.size / 300))) {
      const prog = en.toExpr(0, i);
      p.examples.forEach((ex, e) => {
        const got = run(prog, names, ex.inputs);
        const stored = en.valueOf(i, e);
        const bothErr = typeof got === "object" && got !== null && "kind" in got && typeof stored === "object" && stored !== null && "kind" in stored;
        expect(bothErr || pyEq(got as Value, stored as Value), exprToPython(prog)).toBe(true);
      });
    }
  });
});
