import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { exprSize } from "../dsl/expr.js";
import { emitSygusDefineFun } from "../emit/sygus.js";
import { emitSygusProblemV2 } from "../emit/sygus-problem.js";
import { run as interpret } from "../eval/interp.js";
import { pyEq, isError, type Value } from "../dsl/values.js";
import type { SearchResult } from "../search/result.js";
import type { Problem, SpecError } from "../spec/problem.js";
import { findCvc5, runCvc5, type Cvc5Result } from "./cvc5.js";
import { SearchPool } from "./pool.js";
import { loadSpecs } from "./specs.js";

/** `aurora bench sygus` settings. */
export interface SygusBenchConfig {
  readonly inputs: readonly string[];
  readonly cwd: string;
  readonly outDir: string;
  readonly timeoutMs: number;
  readonly jobs: number;
  /** Also run cvc5 on the same tasks in the same run. */
  readonly vsCvc5: boolean;
  readonly cvc5?: string;
}

/** One task's row of results.json / results.csv. */
export interface SygusTaskResult {
  readonly name: string;
  readonly file: string;
  readonly solved: boolean;
  readonly time_ms: number;
  /** AST nodes of the solution (0 when unsolved). */
  readonly size: number;
  readonly program: string | null;
  readonly stop_reason: string;
  readonly unsupported?: string;
  /** Size of the reference solution shipped with the problem (EuPhony's training set has one). */
  readonly reference_size?: number;
  readonly cvc5?: { readonly solved: boolean; readonly time_ms: number; readonly size: number; readonly program: string | null; readonly error?: string };
}

export interface SygusSummary {
  readonly tasks: number;
  readonly ours: { readonly solved: number; readonly median_ms: number; readonly median_size: number };
  readonly cvc5?: { readonly solved: number; readonly median_ms: number; readonly median_size: number };
  /** Tasks with a reference solution: how many we solve with a program no larger than it. */
  readonly reference?: { readonly with_reference: number; readonly solved: number; readonly no_larger: number; readonly smaller: number };
  readonly only_ours?: readonly string[];
  readonly only_cvc5?: readonly string[];
  /** On tasks both solve: our median time / cvc5's, and the median sizes. */
  readonly both?: { readonly count: number; readonly time_ratio: number; readonly ours_median_size: number; readonly cvc5_median_size: number };
}

/**
 * Runs Aurora-X (and optionally cvc5) on SyGuS problems, one after the other with the same parallelism, and
 * writes results.json and results.csv.
 */
export async function runSygusBench(config: SygusBenchConfig, onTask: (line: string) => void = () => {}): Promise<{ tasks: SygusTaskResult[]; summary: SygusSummary }> {
  const cvc5 = config.vsCvc5 ? await findCvc5(config.cvc5) : undefined;
  const loaded = await loadSpecs(config.inputs, config.cwd);
  const problems = loaded.problems.filter((p) => p.format === "sygus");
  const unsupported = loaded.errors.map(unsupportedRow);
  await mkdir(config.outDir, { recursive: true });
  const ours = await runOurs(problems, config, onTask);
  const theirs = cvc5 ? await runTheirs(cvc5, problems, config, onTask) : undefined;
  const tasks: SygusTaskResult[] = [
    ...problems.map((_, i) => {
      const c = theirs?.[i];
      return { ...(ours[i] as SygusTaskResult), ...(c ? { cvc5: c } : {}) };
    }),
    ...unsupported,
  ];
  const summary = summarize(tasks, Boolean(theirs));
  await writeFile(path.join(config.outDir, "results.json"), JSON.stringify({ config: { ...config, inputs: [...config.inputs] }, summary, tasks }, null, 2) + "\n");
  await writeFile(path.join(config.outDir, "results.csv"), toCsv(tasks));
  return { tasks, summary };
}

async function runOurs(problems: readonly Problem[], config: SygusBenchConfig, onTask: (line: string) => void): Promise<SygusTaskResult[]> {
  const pool = new SearchPool(config.jobs);
  try {
    return await Promise.all(
      problems.map(async (p) => {
        const r = await pool.run({ problem: p, options: { timeoutMs: config.timeoutMs, maxAlternatives: 0, ambiguityWindow: 0 } });
        const row = ourRow(p, r);
        onTask(`aurora ${row.solved ? "✓" : "✗"} ${row.name.padEnd(28)} ${(row.time_ms / 1000).toFixed(2).padStart(6)} s  size ${row.size}`);
        return row;
      }),
    );
  } finally {
    await pool.close();
  }
}

/** A solution counts only when the interpreter confirms it on every example. */
function ourRow(p: Problem, r: SearchResult): SygusTaskResult {
  const names = p.params.map((x) => x.name);
  const ok = r.program !== undefined && p.examples.every((ex) => {
    const got = interpret(r.program!, names, ex.inputs);
    return !isError(got) && pyEq(got as Value, ex.output);
  });
  const ref = (p.sygus as { reference?: { size: number } } | undefined)?.reference;
  return {
    name: baseName(p.file),
    file: p.file,
    ...(ref ? { reference_size: ref.size } : {}),
    solved: ok,
    time_ms: Math.round(r.stats.elapsedMs),
    size: ok ? exprSize(r.program!) : 0,
    program: ok ? emitSygusDefineFun(p, r.program!) : null,
    stop_reason: r.stop.kind,
  };
}

type Cvc5Row = NonNullable<SygusTaskResult["cvc5"]>;

async function runTheirs(exe: string, problems: readonly Problem[], config: SygusBenchConfig, onTask: (line: string) => void): Promise<Cvc5Row[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "aurora-cvc5-"));
  try {
    const files = await Promise.all(
      problems.map(async (p, i) => {
        const f = path.join(dir, `${i}.sl`);
        await writeFile(f, emitSygusProblemV2(p) ?? "");
        return f;
      }),
    );
    const out: Cvc5Row[] = new Array<Cvc5Row>(problems.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < problems.length; i = next++) {
        const r: Cvc5Result = await runCvc5(exe, files[i] as string, config.timeoutMs);
        out[i] = { solved: r.solved, time_ms: Math.round(r.timeMs), size: r.size ?? 0, program: r.solution ?? null, ...(r.error ? { error: r.error } : {}) };
        onTask(`cvc5   ${r.solved ? "✓" : "✗"} ${baseName(problems[i]?.file ?? "").padEnd(28)} ${(r.timeMs / 1000).toFixed(2).padStart(6)} s  size ${r.size ?? 0}`);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, config.jobs) }, worker));
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function unsupportedRow(e: SpecError): SygusTaskResult {
  return { name: baseName(e.file), file: e.file, solved: false, time_ms: 0, size: 0, program: null, stop_reason: "unsupported", unsupported: e.message };
}

function baseName(file: string): string {
  return path.basename(file).replace(/\.sl$/, "");
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function referenceSummary(tasks: readonly SygusTaskResult[]): SygusSummary["reference"] {
  const withRef = tasks.filter((t) => t.reference_size !== undefined);
  if (withRef.length === 0) return undefined;
  const solved = withRef.filter((t) => t.solved);
  return {
    with_reference: withRef.length,
    solved: solved.length,
    no_larger: solved.filter((t) => t.size <= (t.reference_size ?? 0)).length,
    smaller: solved.filter((t) => t.size < (t.reference_size ?? 0)).length,
  };
}

function summarize(tasks: readonly SygusTaskResult[], vs: boolean): SygusSummary {
  const mine = tasks.filter((t) => t.solved);
  const ours = { solved: mine.length, median_ms: median(mine.map((t) => t.time_ms)), median_size: median(mine.map((t) => t.size)) };
  const ref = referenceSummary(tasks);
  if (!vs) return { tasks: tasks.length, ours, ...(ref ? { reference: ref } : {}) };
  const theirs = tasks.filter((t) => t.cvc5?.solved);
  const both = tasks.filter((t) => t.solved && t.cvc5?.solved);
  return {
    tasks: tasks.length,
    ours,
    ...(ref ? { reference: ref } : {}),
    cvc5: { solved: theirs.length, median_ms: median(theirs.map((t) => t.cvc5?.time_ms ?? 0)), median_size: median(theirs.map((t) => t.cvc5?.size ?? 0)) },
    only_ours: tasks.filter((t) => t.solved && !t.cvc5?.solved).map((t) => t.name),
    only_cvc5: tasks.filter((t) => !t.solved && t.cvc5?.solved).map((t) => t.name),
    both: {
      count: both.length,
      time_ratio: median(both.map((t) => t.time_ms)) / median(both.map((t) => t.cvc5?.time_ms ?? 0)),
      ours_median_size: median(both.map((t) => t.size)),
      cvc5_median_size: median(both.map((t) => t.cvc5?.size ?? 0)),
    },
  };
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function toCsv(tasks: readonly SygusTaskResult[]): string {
  const head = ["name", "solved", "time_ms", "size", "program", "cvc5_solved", "cvc5_time_ms", "cvc5_size", "cvc5_program"];
  const rows = tasks.map((t) => [t.name, t.solved, t.time_ms, t.size, t.program, t.cvc5?.solved, t.cvc5?.time_ms, t.cvc5?.size, t.cvc5?.program].map(csvCell).join(","));
  return [head.join(","), ...rows].join("\n") + "\n";
}

/** Human-readable summary lines (printed by the CLI). */
export function summaryLines(s: SygusSummary): string[] {
  const lines = [`tasks: ${s.tasks}`, `aurora: solved ${s.ours.solved}, median time ${s.ours.median_ms.toFixed(0)} ms, median size ${s.ours.median_size}`];
  if (s.reference) lines.push(`reference solutions: ${s.reference.with_reference} tasks have one; aurora solves ${s.reference.solved}, ${s.reference.no_larger} no larger than the reference (${s.reference.smaller} smaller)`);
  if (s.cvc5 && s.both) {
    lines.push(`cvc5:   solved ${s.cvc5.solved}, median time ${s.cvc5.median_ms.toFixed(0)} ms, median size ${s.cvc5.median_size}`);
    lines.push(`solved by aurora only (${s.only_ours?.length ?? 0}): ${s.only_ours?.join(", ") || "-"}`);
    lines.push(`solved by cvc5 only (${s.only_cvc5?.length ?? 0}): ${s.only_cvc5?.join(", ") || "-"}`);
    lines.push(`both solve ${s.both.count}: median time ratio aurora/cvc5 = ${s.both.time_ratio.toFixed(2)}, median size aurora ${s.both.ours_median_size} vs cvc5 ${s.both.cvc5_median_size}`);
  }
  return lines;
}
