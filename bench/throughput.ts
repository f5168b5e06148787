/**
 * Enumerator throughput: candidate programs evaluated per second (each candidate on every example) on fixed
 * tasks whose answers lie beyond the time window, so the enumerator runs the whole window.
 *
 *   npm run bench -- throughput [--seconds 5] [--task all|strings|ints|lists|sygus|lia]
 *
 * Rates are given per wall second and per CPU second of this process (the machines are shared: CPU time is the
 * steadier figure).
 *
 * The fixed task of the target (at least 5 M candidate evaluations per second on one core) is `lia`: an integer
 * grammar, where the enumerator's own machinery (evaluation loops, hashing, the equivalence table) is what is
 * measured. The other tasks are reported alongside: their candidates spend most of their time in the primitives'
 * string and list work (building and interning strings), which bounds them far lower.
 */
import { parseArgs } from "node:util";
import { Enumerator, StopSearch } from "../src/search/enumerator.js";
import { buildPythonGrammar } from "../src/search/pygrammar.js";
import { buildSygusGrammar } from "../src/search/sygrammar.js";
import { parseSygus } from "../src/spec/sygus.js";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
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

/**
 * A SyGuS PBE-Strings task with its own grammar (phone-5's), the examples' outputs replaced by strings no small
 * program makes: the enumerator runs the whole window in the grammar the SyGuS benchmark uses.
 */
function sygusTask(): Problem {
  const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..", "..", "shared", "benchmarks", "sygus-pbe-strings-2017", "phone-5.sl");
  const p = parseSygus(readFileSync(file, "utf8"), file).problems[0];
  if (!p) throw new Error(`cannot read ${file}`);
  return { ...p, examples: p.examples.slice(0, 4).map((e, i) => ({ ...e, output: `unreachable-${i}-${"x".repeat(i)}` })) };
}

/** An integer PBE task in a SyGuS LIA grammar (+, -, *, ite, comparisons), with unreachable outputs. */
const LIA = `(set-logic LIA)
(synth-fun f ((x Int) (y Int) (z Int)) Int
  ((Start Int (x y z 0 1 2 (+ Start Start) (- Start Start) (* Start Start) (ite B Start Start)))
   (B Bool ((< Start Start) (<= Start Start) (= Start Start) (and B B) (not B)))))
(declare-var x Int)
(declare-var y Int)
(declare-var z Int)
(constraint (= (f 3 5 7) 100003))
(constraint (= (f 10 4 -2) 200007))
(constraint (= (f -1 7 0) 300011))
(constraint (= (f 0 9 4) 400013))
(check-synth)
`;

function liaTask(): Problem {
  const p = parseSygus(LIA, "lia.sl").problems[0];
  if (!p) throw new Error("the LIA task does not parse");
  return p;
}

function measure(p: Problem, seconds: number): { candidates: number; kept: number; level: number; ms: number; cpuMs: number } {
  const g = p.sygus ? buildSygusGrammar(p, UNIFORM_WEIGHTS) : buildPythonGrammar(p, UNIFORM_WEIGHTS);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const en = new Enumerator(g, p.params.map((x) => x.name), p.examples.map((e) => e.inputs), { deadline: t0 + seconds * 1000, maxBytes: 2 ** 31, maxCost: 400 });
  let level = 0;
  try {
    for (level = 1; level <= 400; level++) en.step(level);
  } catch (e) {
    if (!(e instanceof StopSearch)) throw e;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { candidates: en.candidates, kept: en.contexts.reduce((n, c) => n + c.bank.size, 0), level, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { seconds: { type: "string", default: "5" }, task: { type: "string", default: "all" }, child: { type: "boolean", default: false } } });
  const seconds = Number(values.seconds);
  const tasks: Record<string, Problem> = { ...TASKS, sygus: sygusTask(), lia: liaTask() };
  const names = values.task === "all" ? Object.keys(tasks) : [values.task];
  if (!values.child) {
    console.log(`enumerator throughput, ${seconds} s per task, one core (node ${process.version})`);
    console.log("target: the lia task, at least 5 M/s; the others spend their time in string and list work");
    console.log("task        candidates       kept  level   M cand/s (wall)   M cand/s (cpu)");
  }
  if (names.length > 1) {
    // Each task in a fresh process: one task's heap and garbage would otherwise slow the next one's caches.
    for (const name of names) {
      const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, "throughput", "--child", "--task", name, "--seconds", String(seconds)], { stdio: "inherit" });
      if (r.status !== 0) throw new Error(`throughput: the ${name} task failed (exit ${r.status ?? r.signal})`);
    }
    return;
  }
  for (const name of names) {
    const p = tasks[name];
    if (!p) throw new Error(`unknown task ${name}: use ${Object.keys(tasks).join(", ")}`);
    measure(p, Math.min(1, seconds / 5)); // warm-up (JIT)
    const r = measure(p, seconds);
    const rate = r.candidates / r.ms / 1000;
    const cpuRate = r.candidates / r.cpuMs / 1000;
    console.log(`${name.padEnd(10)} ${String(r.candidates).padStart(11)} ${String(r.kept).padStart(10)} ${String(r.level).padStart(6)} ${rate.toFixed(2).padStart(17)} ${cpuRate.toFixed(2).padStart(16)}`);
  }
  await Promise.resolve();
}
