import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { emitPythonModule } from "../emit/python.js";
import { parseMbpp } from "../spec/mbpp.js";
import type { Problem } from "../spec/problem.js";
import { PythonWorker } from "../validate/pyworker.js";
import { SearchPool } from "./pool.js";
import { isSolved, solveOne, type Solved } from "./synth.js";

/** `aurora bench mbpp` settings. */
export interface MbppBenchConfig {
  readonly file: string;
  readonly outDir: string;
  readonly timeoutMs: number;
  /** The last N asserts of each task are held out (checked, never searched on). @default 1 */
  readonly holdout: number;
  readonly jobs: number;
  /** Only the first N tasks (for quick runs). */
  readonly limit?: number;
  readonly python?: string;
}

/** One task's line in results.json. */
export interface MbppTaskResult {
  readonly task_id: number;
  readonly name: string;
  readonly status: "solved" | "unsolved" | "ambiguous" | "error";
  /** The program passes the searched asserts and every held-out assert (in real Python). */
  readonly heldout_passed: boolean;
  readonly time_ms: number;
  readonly size: number;
  readonly program: string | null;
  readonly error?: string;
}

export interface MbppBenchReport {
  readonly tasks: readonly MbppTaskResult[];
  readonly summary: { readonly total: number; readonly solved: number; readonly heldout_passed: number; readonly rate: number; readonly time_ms: number };
}

/**
 * Runs the MBPP benchmark: synthesizes each task from its first asserts, checks the held-out asserts in real
 * Python, writes `mbpp_<task_id>.py` (defining the function under the name the asserts call) and results.json.
 */
export async function runMbppBench(config: MbppBenchConfig, onTask: (r: MbppTaskResult, done: number, total: number) => void = () => {}): Promise<MbppBenchReport> {
  const t0 = performance.now();
  const parsed = parseMbpp(await readFile(config.file, "utf8"), config.file, { holdout: config.holdout });
  const problems = parsed.problems.slice(0, config.limit ?? Infinity);
  const errorTasks = config.limit === undefined ? parsed.errors.map(errorResult) : [];
  await mkdir(config.outDir, { recursive: true });
  const worker = await PythonWorker.start({ python: config.python ?? "python3" });
  const pool = new SearchPool(config.jobs);
  const results: MbppTaskResult[] = [];
  let done = 0;
  try {
    await Promise.all(
      problems.map(async (p) => {
        const s = await solveOne(p, { config: { generatedInputs: 0 }, worker, pool, timeoutMs: config.timeoutMs, round: 1 });
        const r = taskResult(p, s);
        if (s.program && isSolved(s.outcome.status)) await writeFile(path.join(config.outDir, `mbpp_${p.taskId ?? p.name}.py`), emitPythonModule(p, s.program));
        results.push(r);
        onTask(r, ++done, problems.length);
      }),
    );
  } finally {
    await pool.close();
    await worker.close();
  }
  const tasks = [...results, ...errorTasks].sort((a, b) => a.task_id - b.task_id);
  const report: MbppBenchReport = { tasks, summary: summarize(tasks, performance.now() - t0) };
  await writeFile(path.join(config.outDir, "results.json"), JSON.stringify({ config: { ...config, file: path.basename(config.file) }, ...report }, null, 2) + "\n");
  return report;
}

function taskResult(p: Problem, s: Solved): MbppTaskResult {
  const o = s.outcome;
  // "solved" already requires the held-out asserts to pass (synth's rule); record the check explicitly too.
  const heldout = o.program !== null && o.score === 1 && o.heldout.failed === 0 && o.heldout.passed === p.tests.length;
  return { task_id: p.taskId ?? -1, name: p.name, status: o.status, heldout_passed: heldout && isSolved(o.status), time_ms: o.time_ms, size: o.size, program: o.program };
}

function errorResult(e: { line: number; name?: string; message: string }): MbppTaskResult {
  const id = /task (\d+)/.exec(e.message)?.[1] ?? /^(\d+)$/.exec(e.name ?? "")?.[1];
  return { task_id: id ? Number(id) : -e.line, name: e.name ?? "", status: "error", heldout_passed: false, time_ms: 0, size: 0, program: null, error: e.message };
}

function summarize(tasks: readonly MbppTaskResult[], ms: number): MbppBenchReport["summary"] {
  const solved = tasks.filter((t) => isSolved(t.status)).length;
  const held = tasks.filter((t) => t.heldout_passed).length;
  return { total: tasks.length, solved, heldout_passed: held, rate: tasks.length ? held / tasks.length : 0, time_ms: Math.round(ms) };
}
