import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PythonNotFoundError, PythonWorker, WorkerClosedError, WorkerOptionError } from "../../src/validate/pyworker.js";
import { reprStr } from "../../src/dsl/values.js";
import type { PyOutcome, PythonWorkerOptions } from "../../src/validate/pyworker.js";

const HELPERS = `
import math
from collections import Counter

def add(a, b):
    return a + b

def hyp(a, b):
    return math.sqrt(a * a + b * b)

def most_common(s):
    return Counter(s).most_common(1)[0][0]

def div(a, b):
    return a // b

def second(xs):
    return xs[1]

def ident(x):
    return x

def spin():
    while True:
        pass

def stubborn():
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass

def stuck_in_c():
    return sum(range(10 ** 15))

def die():
    import os
    os._exit(3)

def chatty(x):
    import os, sys
    print('{"id":1,"part":[],"done":true}')
    sys.__stdout__.write('{"id":2,"part":[],"done":true}\\n')
    sys.__stdout__.flush()
    os.write(1, b'{"id":3,"part":[]}\\n')
    print("visible", x)
    return x * 2

def big_text(n):
    return "x" * n

def shout(n):
    for _ in range(n):
        print("y" * 1000)
    return n

def ask():
    return input()

def deep(n):
    return deep(n + 1)

def hog():
    return bytearray(3 * 1024 ** 3)

def fact(n):
    return math.factorial(n)
`;

/** Narrows an outcome to a value, failing the test with the failure otherwise. */
function value(outcome: PyOutcome | undefined): { repr: string; type: string; truncated?: true; stdout?: string } {
  if (!outcome?.ok) throw new Error(`expected a value, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** A worker with the HELPERS module exec'd, started before and closed after the enclosing describe block. */
function withHelpers(options: PythonWorkerOptions): { readonly worker: PythonWorker } {
  const ctx: { worker?: PythonWorker } = {};
  beforeAll(async () => {
    ctx.worker = await PythonWorker.start(options);
    expect((await ctx.worker.exec("helpers", HELPERS)).ok).toBe(true);
  });
  afterAll(async () => {
    await ctx.worker?.close();
  });
  return {
    get worker(): PythonWorker {
      return ctx.worker!;
    },
  };
}

describe("PythonWorker", () => {
  const ctx = withHelpers({ timeoutMs: 2000 });

  it("resolves the real interpreter, not the shim", () => {
    expect(ctx.worker.info.executable).toMatch(/python/);
    expect(ctx.worker.info.executable).not.toMatch(/shims/);
    expect(ctx.worker.info.version).toMatch(/^3\.\d+\.\d+$/);
  });

  it.each([
    ["add", ["2", "3"], "5", "int"],
    ["add", ["'ab'", "'cd'"], "'abcd'", "str"],
    ["add", ["[1, 2]", "[3]"], "[1, 2, 3]", "list"],
    ["add", ["(1,)", "(2,)"], "(1, 2)", "tuple"],
    ["add", ["0.1", "0.2"], "0.30000000000000004", "float"],
    ["hyp", ["3", "4"], "5.0", "float"],
    ["most_common", ["'abracadabra'"], "'a'", "str"],
    ["div", ["-7", "2"], "-4", "int"],
    ["ident", ["{1: 'a', 2: None}"], "{1: 'a', 2: None}", "dict"],
    ["ident", ["set()"], "set()", "set"],
    ["ident", ["-inf"], "-inf", "float"],
    ["ident", ["True"], "True", "bool"],
  ])("exec + call: %s(%j) == %s", async (fn, args, repr, type) => {
    expect(value(await ctx.worker.call("helpers", fn, args))).toMatchObject({ repr, type });
  });

  it.each([
    ["div", ["1", "0"], "ZeroDivisionError", /division/],
    ["second", ["[1]"], "IndexError", /list index out of range/],
    ["add", ["1", "'a'"], "TypeError", /unsupported operand/],
    ["deep", ["0"], "RecursionError", /recursion/],
    ["hog", [], "MemoryError", /.*/],
  ])("reports %s(%j) raising %s by class", async (fn, args, error, message) => {
    const outcome = await ctx.worker.call("helpers", fn, args);
    expect(outcome).toMatchObject({ ok: false, kind: "exception", error });
    expect(outcome.ok ? "" : outcome.message).toMatch(message);
  });

  it("gives the line of the exec'd module an exception came from", async () => {
    expect(await ctx.worker.call("helpers", "div", ["1", "0"])).toMatchObject({ line: 15 });
  });

  it("reports a module that does not compile or raises at import, and drops it", async () => {
    expect(await ctx.worker.exec("bad", "x = 1\ndef f(:\n  pass\n")).toMatchObject({ ok: false, error: "SyntaxError", line: 2 });
    expect(await ctx.worker.exec("bad", "import nosuchmodule_xyz\n")).toMatchObject({ ok: false, error: "ModuleNotFoundError", line: 1 });
    expect(await ctx.worker.call("bad", "f", [])).toMatchObject({ ok: false, kind: "invalidInput" });
    expect(ctx.worker.info.modules).not.toContain("bad");
  });

  it("calls an unknown function or a non-literal argument invalid input", async () => {
    expect(await ctx.worker.call("helpers", "nope", [])).toMatchObject({ ok: false, kind: "invalidInput", message: /nope/ });
    expect(await ctx.worker.call("nomodule", "f", [])).toMatchObject({ ok: false, kind: "invalidInput", message: /nomodule/ });
    expect(await ctx.worker.call("helpers", "ident", ["__import__('os')"])).toMatchObject({ ok: false, kind: "invalidInput" });
    expect(await ctx.worker.call("helpers", "ident", ["[1,"])).toMatchObject({ ok: false, kind: "invalidInput" });
  });

  it("checks cases with Python ==, reporting each actual value or exception", async () => {
    const report = await ctx.worker.check("helpers", "add", [
      { args: ["1", "2"], expected: "3" },
      { args: ["1", "2"], expected: "3.0" },
      { args: ["True", "True"], expected: "2" },
      { args: ["1", "2"], expected: "4" },
      { args: ["1", "'a'"], expected: "None" },
      { args: ["0.1", "0.2"], expected: "0.3" },
    ]);
    expect(report.cases.map((c) => c.pass)).toEqual([true, true, true, false, false, false]);
    expect(report).toMatchObject({ passed: 3, failed: 3 });
    expect(report.cases[3]?.outcome).toMatchObject({ ok: true, repr: "3" });
    expect(report.cases[4]?.outcome).toMatchObject({ ok: false, error: "TypeError" });
  });

  it("compares floats with math.isclose only when asked, also inside lists", async () => {
    const cases = [
      { args: ["0.1", "0.2"], expected: "0.3" },
      { args: ["[0.1]", "[0.2]"], expected: "[0.1, 0.3]" },
      { args: ["[0.1]", "[0.2]"], expected: "[0.1, 0.2000001]" },
    ];
    const exact = await ctx.worker.check("helpers", "add", cases);
    const close = await ctx.worker.check("helpers", "add", cases, { floatTolerance: { rel: 1e-9 } });
    expect(exact.cases.map((c) => c.pass)).toEqual([false, false, false]);
    expect(close.cases.map((c) => c.pass)).toEqual([true, false, false]);
    expect((await ctx.worker.check("helpers", "ident", [{ args: ["[0.3]"], expected: "[0.30000000000000004]" }], { floatTolerance: {} })).passed).toBe(1);
  });

  it("evaluates expressions with bound variables and module scope", async () => {
    expect(value(await ctx.worker.evalExpr("a // b", { a: "-7", b: "2" }))).toMatchObject({ repr: "-4", type: "int" });
    expect(value(await ctx.worker.evalExpr("[c.upper() for c in s if c not in v]", { s: "'banana'", v: "'aeiou'" })).repr).toBe("['B', 'N', 'N']");
    expect(value(await ctx.worker.evalExpr("math.floor(x) + len(re.findall('a', s))", { x: "2.5", s: "'aaa'" })).repr).toBe("5");
    expect(value(await ctx.worker.evalExpr("add(x, 1)", { x: "41" }, { module: "helpers" })).repr).toBe("42");
    expect(await ctx.worker.evalExpr("round(x)", { x: "nan" })).toMatchObject({ ok: false, error: "ValueError" });
    expect(await ctx.worker.evalExpr("x +", { x: "1" })).toMatchObject({ ok: false, kind: "invalidInput", message: /SyntaxError/ });
  });

  it("batches expressions in one round trip, outcomes in order, exceptions included", async () => {
    const items = Array.from({ length: 2000 }, (_, i) => ({ source: "a // b", bindings: { a: String(i - 1000), b: String((i % 7) - 3) } }));
    const t0 = performance.now();
    const outcomes = await ctx.worker.evalMany(items);
    const ms = performance.now() - t0;
    console.log(`evalMany: ${items.length} expressions in ${ms.toFixed(1)} ms (${((ms * 1000) / items.length).toFixed(1)} us each)`);
    expect(outcomes).toHaveLength(items.length);
    outcomes.forEach((outcome, i) => {
      const a = i - 1000;
      const b = (i % 7) - 3;
      if (b === 0) expect(outcome).toMatchObject({ ok: false, error: "ZeroDivisionError" });
      else expect(value(outcome).repr).toBe(String(Math.floor(a / b)));
    });
    expect(await ctx.worker.evalMany([])).toEqual([]);
  });

  it("times 1000 sequential evalExpr calls", async () => {
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) {
      const outcome = await ctx.worker.evalExpr("x * 2 + len(s)", { x: String(i), s: "'abc'" });
      if (!outcome.ok || outcome.repr !== String(i * 2 + 3)) throw new Error(`wrong answer at ${i}: ${JSON.stringify(outcome)}`);
    }
    const ms = performance.now() - t0;
    console.log(`evalExpr: 1000 sequential calls in ${ms.toFixed(1)} ms, mean ${(ms / 1000).toFixed(3)} ms per call`);
  });

  it("queues concurrent requests and answers each one", async () => {
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, i) => ctx.worker.call("helpers", "add", [String(i), "1"])));
    expect(outcomes.map((o) => value(o).repr)).toEqual(Array.from({ length: 100 }, (_, i) => String(i + 1)));
  });

  it("cuts huge reprs and printed output, flagging them", async () => {
    const big = value(await ctx.worker.call("helpers", "big_text", ["1000000"]));
    expect(big.truncated).toBe(true);
    expect(big.repr.length).toBe(100_000);
    expect(big.repr.startsWith("'xxx")).toBe(true);
    const loud = await ctx.worker.call("helpers", "shout", ["500"]);
    expect(loud).toMatchObject({ ok: true, repr: "500", stdoutTruncated: true });
    expect(value(loud).stdout?.length).toBe(100_000);
    expect(value(await ctx.worker.call("helpers", "big_text", ["10"]))).not.toHaveProperty("truncated");
  });

  it("round-trips unicode strings", async () => {
    for (const s of ["héllo wörld", "日本語のテキスト", "emoji 🎉 and 𝔘", "e\u0301", "\ud800", "tab\there\n", "it's", "\u0000\u00ff\u2028"]) {
      expect(value(await ctx.worker.call("helpers", "ident", [reprStr(s)])).repr).toBe(reprStr(s));
    }
    expect(value(await ctx.worker.evalExpr("len(s)", { s: "'🎉𝔘a'" })).repr).toBe("3");
    expect(value(await ctx.worker.evalExpr("s.upper()", { s: "'straße'" })).repr).toBe("'STRASSE'");
  });

  it("keeps user prints apart from the protocol and returns them separately", async () => {
    const outcome = value(await ctx.worker.call("helpers", "chatty", ["21"]));
    expect(outcome.repr).toBe("42");
    expect(outcome.stdout).toBe('{"id":1,"part":[],"done":true}\nvisible 21\n');
    expect(value(await ctx.worker.call("helpers", "add", ["1", "1"])).repr).toBe("2");
  });

  it("gives user code an empty stdin", async () => {
    expect(await ctx.worker.call("helpers", "ask", [])).toMatchObject({ ok: false, error: "EOFError" });
  });

  it("handles integers beyond Python's 4300-digit str limit in arguments and results", async () => {
    const n = "9".repeat(5000);
    expect(value(await ctx.worker.call("helpers", "add", [n, "1"])).repr).toBe(`1${"0".repeat(5000)}`);
    expect(value(await ctx.worker.call("helpers", "fact", ["2000"])).repr).toHaveLength(5736);
  });
});

describe("PythonWorker timeouts and crashes", () => {
  const ctx = withHelpers({ timeoutMs: 300 });

  it("interrupts `while True: pass` and the next call works in the same process", async () => {
    const pid = ctx.worker.info.pid;
    expect(await ctx.worker.call("helpers", "spin", [])).toMatchObject({ ok: false, kind: "timeout", error: "Timeout" });
    expect(value(await ctx.worker.call("helpers", "add", ["1", "2"])).repr).toBe("3");
    expect(ctx.worker.info.pid).toBe(pid);
  });

  it("kills a loop that swallows the interrupt, restarts, and re-execs the modules", async () => {
    const restarts = ctx.worker.info.restarts;
    const t0 = performance.now();
    expect(await ctx.worker.call("helpers", "stubborn", [])).toMatchObject({ ok: false, kind: "timeout", error: "Timeout" });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(value(await ctx.worker.call("helpers", "add", ["1", "2"])).repr).toBe("3");
    expect(ctx.worker.info.restarts).toBe(restarts + 1);
  });

  it("kills code stuck in C and honours a per-call timeout", async () => {
    const restarts = ctx.worker.info.restarts;
    expect(await ctx.worker.call("helpers", "stuck_in_c", [], { timeoutMs: 200 })).toMatchObject({ ok: false, error: "Timeout" });
    expect(value(await ctx.worker.call("helpers", "hyp", ["3", "4"])).repr).toBe("5.0");
    expect(ctx.worker.info.restarts).toBe(restarts + 1);
  });

  it("times out one check case and still runs the others", async () => {
    const report = await ctx.worker.check("helpers", "ident", [{ args: ["1"], expected: "1" }]);
    expect(report.passed).toBe(1);
    const soft = await ctx.worker.evalMany([{ source: "1" }, { source: "spin()" }, { source: "3" }], { module: "helpers" });
    expect(soft.map((o) => (o.ok ? o.repr : o.error))).toEqual(["1", "Timeout", "3"]);
    const hard = await ctx.worker.evalMany([{ source: "1" }, { source: "stuck_in_c()" }, { source: "3" }, { source: "4" }], { module: "helpers" });
    expect(hard.map((o) => (o.ok ? o.repr : o.error))).toEqual(["1", "Timeout", "3", "4"]);
  });

  it("reports a crash (os._exit) on the pending call and recovers on the next", async () => {
    const restarts = ctx.worker.info.restarts;
    const outcome = await ctx.worker.call("helpers", "die", []);
    expect(outcome).toMatchObject({ ok: false, kind: "crash", error: "WorkerCrash" });
    expect(outcome.ok ? "" : outcome.message).toMatch(/exit code 3/);
    expect(value(await ctx.worker.call("helpers", "add", ["2", "2"])).repr).toBe("4");
    expect(ctx.worker.info.restarts).toBe(restarts + 1);
  });

  it("marks only the crashing case of a check and runs the rest", async () => {
    const report = await ctx.worker.check("helpers", "ident", [{ args: ["1"], expected: "1" }, { args: ["2"], expected: "2" }]);
    expect(report.passed).toBe(2);
    const outcomes = await ctx.worker.evalMany([{ source: "1" }, { source: "die()" }, { source: "3" }], { module: "helpers" });
    expect(outcomes.map((o) => (o.ok ? o.repr : o.error))).toEqual(["1", "WorkerCrash", "3"]);
  });
});

describe("PythonWorker lifecycle", () => {
  it("close() ends the process and later calls throw WorkerClosedError", async () => {
    const worker = await PythonWorker.start();
    const pid = worker.info.pid!;
    await worker.close();
    expect(() => process.kill(pid, 0)).toThrow();
    await expect(worker.evalExpr("1")).rejects.toBeInstanceOf(WorkerClosedError);
    await expect(worker.exec("m", "x = 1")).rejects.toBeInstanceOf(WorkerClosedError);
  });

  it("rejects a request in flight and the queued ones when closed", async () => {
    const worker = await PythonWorker.start();
    await worker.exec("m", "import time\ndef slow():\n    time.sleep(5)\n");
    const inFlight = expect(worker.call("m", "slow", [])).rejects.toBeInstanceOf(WorkerClosedError);
    const queued = expect(worker.evalExpr("1")).rejects.toBeInstanceOf(WorkerClosedError);
    await worker.close();
    await Promise.all([inFlight, queued]);
  });

  it("takes an interpreter path as an override", async () => {
    const first = await PythonWorker.start();
    const again = await PythonWorker.start({ python: first.info.executable });
    expect(again.info.executable).toBe(first.info.executable);
    expect(again.info.pid).not.toBe(first.info.pid);
    await Promise.all([first.close(), again.close()]);
  });

  it("says how to fix a missing interpreter", async () => {
    const error = await PythonWorker.start({ python: "/nonexistent/python3" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PythonNotFoundError);
    expect((error as Error).message).toMatch(/^python3 not found: install Python 3\.8\+ or set AURORA_PYTHON/);
  });

  it("rejects nonsensical options", async () => {
    await expect(PythonWorker.start({ timeoutMs: 0 })).rejects.toBeInstanceOf(WorkerOptionError);
  });
});
