/**
 * Enumerator throughput: candidate programs evaluated per second (each candidate on every example) on fixed
 * tasks whose answers lie beyond the time window, so the enumerator runs the whole window.
 *
 *   npm run bench -- throughput [--seconds 5] [--task all|strings|ints|lists]
 */
import { parseArgs } from "node:util";
import { Enumerator, StopSearch } from "../src/search/enumerator.js";
import { buildPythonGrammar } from "../src/search/pygrammar.js";
import { UNIFORM_WEIGHTS } from "../src/search/weights.js";
import { INT, STR, list, type Type } from "../src/dsl/types.js";
import type { Value } from "../src/dsl/values.js";
import type { Problem } from "../src/spec/problem.js";

function task(name: string, params: [string, Type][], returns: Type, rows: [Value[], Value][]): Problem {
  return {
    name,
    file: "bench",
    line: 1,
    format: "python",
    description: "",
    params: params.map(([n, type]) => ({ name: n, type })),
    returns,
    examples: rows.map(([inputs, output]) => ({ inputs, output })),
    tests: [],
    helpers: [],
    preamble: [],
  };
}

/** Fixed tasks; the outputs are arbitrary so that no small program matches and enumeration runs the window. */
const TASKS: Record<string, Problem> = {
  strings: task("strings", [["s", STR], ["t", STR]], STR, [
    [["hello world", "o"], "q1"],
    [["Aurora X", "r"], "q2"],
    [["synthesis", "s"], "q3"],
    [["a-b-c", "-"], "q4"],
  ]),
  ints: task("ints", [["a", INT], ["b", INT]], INT, [
    [[3, 5], 1234567],
    [[10, 4], 7654321],
    [[-1, 7], 1111111],
    [[0, 9], 2222222],
  ]),
  lists: task("lists", [["xs", list(INT)]], list(INT), [
    [[[1, 2, 3]], [99]],
    [[[5, 7, 9, 11]], [98]],
    [[[]], [97]],
    [[[4, 4, 2]], [96]],
  ]),
};

function measure(p: Problem, seconds: number): { candidates: number; kept: number; level: number; ms: number } {
  const g = buildPythonGrammar(p, UNIFORM_WEIGHTS);
  const t0 = performance.now();
  const en = new Enumerator(g, p.params.map((x) => x.name), p.examples.map((e) => e.inputs), { deadline: t0 + seconds * 1000, maxBytes: 2 ** 31, maxCost: 400 });
  let level = 0;
  try {
    for (level = 1; level <= 400; level++) en.step(level);
  } catch (e) {
    if (!(e instanceof StopSearch)) throw e;
  }
  const ms = performance.now() - t0;
  return { candidates: en.candidates, kept: en.contexts.reduce((n, c) => n + c.bank.size, 0), level, ms };
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { seconds: { type: "string", default: "5" }, task: { type: "string", default: "all" } } });
  const seconds = Number(values.seconds);
  const names = values.task === "all" ? Object.keys(TASKS) : [values.task];
  console.log(`enumerator throughput, ${seconds} s per task, one core (node ${process.version})`);
  console.log("task      candidates   kept      level  M cand/s");
  for (const name of names) {
    const p = TASKS[name];
    if (!p) throw new Error(`unknown task ${name}: use ${Object.keys(TASKS).join(", ")}`);
    measure(p, Math.min(1, seconds / 5)); // warm-up (JIT)
    const r = measure(p, seconds);
    const rate = r.candidates / r.ms / 1000;
    console.log(`${name.padEnd(9)} ${String(r.candidates).padStart(10)} ${String(r.kept).padStart(9)} ${String(r.level).padStart(6)}  ${rate.toFixed(2)}`);
  }
  await Promise.resolve();
}
