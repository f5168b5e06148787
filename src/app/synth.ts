import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { exprSize, type Expr } from "../dsl/expr.js";
import { exprToJson } from "../dsl/serialize.js";
import { emitPythonModule, exprToPython } from "../emit/python.js";
import { emitTestModule } from "../emit/pytest.js";
import { emitTypeScriptModule } from "../emit/typescript.js";
import { describeStop, type SearchResult } from "../search/result.js";
import type { Problem, SpecError } from "../spec/problem.js";
import { findAmbiguity, generateRegressionCases, type Ambiguity, type RegressionCase } from "../validate/generate.js";
import { PythonWorker } from "../validate/pyworker.js";
import { validateInPython, type Validation } from "../validate/validate.js";
import type { ExprJson } from "../dsl/serialize.js";
import { combineWeights, treeOfExpr, weightsFromJson, weightsToJson, type WeightsJson } from "../learn/weights.js";
import { learnFrom, type Guidance } from "./learning.js";
import { SearchPool } from "./pool.js";
import { loadSpecs } from "./specs.js";

/** Settings of one `aurora synth` run: read once at the edge (CLI or Action) and passed down. */
export interface SynthConfig {
  readonly inputs: readonly string[];
  readonly outDir: string;
  readonly cwd: string;
  /** Budget of the first round per spec, in milliseconds. */
  readonly timeoutMs: number;
  /** Rounds: round k retries the still-unsolved specs with twice the previous budget. @default 1 */
  readonly rounds: number;
  readonly maxBytes?: number;
  /** Python interpreter command or path. @default "python3" */
  readonly python?: string;
  /** Random generated inputs per spec for regression tests and ambiguity detection (0 = none). @default 40 */
  readonly generatedInputs?: number;
  /** Searches run in parallel on this many threads. @default 1 */
  readonly jobs?: number;
  /** What the corpus offers (weights, retrieved programs, seeds); none: the unguided engine. */
  readonly guidance?: Guidance;
  /** Computes the guidance once the specs are loaded (aurora run reads the corpus here). */
  readonly prepare?: (problems: readonly Problem[]) => Promise<Guidance | undefined>;
  /** Between rounds, learn weights from the specs this run has solved so far (multi-round learning). @default true */
  readonly learnBetweenRounds?: boolean;
}

export type SpecStatus = "solved" | "unsolved" | "ambiguous" | "error";

/** The record of one spec in scores.json. */
export interface SpecOutcome {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly status: SpecStatus;
  /** Fraction of examples the best program passes (1 = perfect). */
  readonly score: number;
  readonly time_ms: number;
  /** AST nodes of the program (0 when none). */
  readonly size: number;
  readonly candidates: number;
  readonly stop_reason: string;
  /** The Python expression of the program, or null. */
  readonly program: string | null;
  /** The stable DSL form (JSON) of the program, or null. */
  readonly dsl: readonly unknown[] | null;
  /** Held-out tests (never searched on). */
  readonly heldout: { readonly passed: number; readonly failed: number };
  /** The round in which the spec was solved (or the last round tried). */
  readonly round: number;
  readonly ambiguity?: Ambiguity;
  readonly warnings: readonly string[];
}

export interface SynthSummary {
  readonly total: number;
  readonly solved: number;
  readonly ambiguous: number;
  readonly unsolved: number;
  readonly errors: number;
  readonly time_ms: number;
  /** Solved count after each round (learning-curve data). */
  readonly per_round: readonly { readonly round: number; readonly solved: number; readonly time_ms: number }[];
}

export interface SynthReport {
  readonly specs: readonly SpecOutcome[];
  readonly errors: readonly SpecError[];
  readonly summary: SynthSummary;
}

/** Progress events for the CLI's progress bar or log lines. */
export type SynthEvent =
  | { readonly kind: "loaded"; readonly problems: number; readonly errors: readonly SpecError[] }
  | { readonly kind: "round"; readonly round: number; readonly specs: number; readonly timeoutMs: number }
  | { readonly kind: "spec"; readonly outcome: SpecOutcome; readonly problem: Problem; readonly done: number; readonly total: number }
  | { readonly kind: "warning"; readonly message: string };

/** Synthesizes every spec of the inputs, validates in real Python and writes the outputs (see writeOutputs). */
export async function runSynth(config: SynthConfig, onEvent: (e: SynthEvent) => void = () => {}): Promise<SynthReport> {
  const t0 = performance.now();
  const loaded = await loadSpecs(config.inputs, config.cwd);
  onEvent({ kind: "loaded", problems: loaded.problems.length, errors: loaded.errors });
  const problems = uniqueNames(loaded.problems, (m) => onEvent({ kind: "warning", message: m }));
  const guidance = config.guidance ?? (problems.length > 0 ? await config.prepare?.(problems) : undefined);
  const worker = problems.length > 0 ? await PythonWorker.start({ python: config.python ?? "python3" }) : undefined;
  const pool = new SearchPool(config.jobs ?? 1);
  try {
    const outcomes = new Map<Problem, Solved>();
    const perRound: { round: number; solved: number; time_ms: number }[] = [];
    let pending = [...problems];
    let weights = guidance?.weights;
    for (let round = 1; round <= Math.max(1, config.rounds) && pending.length > 0; round++) {
      const timeoutMs = config.timeoutMs * 2 ** (round - 1);
      onEvent({ kind: "round", round, specs: pending.length, timeoutMs });
      const tr = performance.now();
      let done = 0;
      if (round > 1 && config.learnBetweenRounds !== false) weights = roundWeights(weights, [...outcomes.values()]);
      await Promise.all(
        pending.map(async (p) => {
          const s = await solveOne(p, { config, worker: worker as PythonWorker, pool, timeoutMs, round, ...(weights ? { weights } : {}), ...guidanceOf(guidance, p) });
          outcomes.set(p, s);
          onEvent({ kind: "spec", outcome: s.outcome, problem: p, done: ++done, total: pending.length });
        }),
      );
      pending = pending.filter((p) => !isSolved(outcomes.get(p)?.outcome.status));
      perRound.push({ round, solved: problems.length - pending.length, time_ms: Math.round(performance.now() - tr) });
    }
    const specs = problems.map((p) => (outcomes.get(p) as Solved).outcome);
    const report: SynthReport = { specs, errors: loaded.errors, summary: summarize(specs, loaded.errors.length, performance.now() - t0, perRound) };
    await writeOutputs(config.outDir, problems.map((p) => outcomes.get(p) as Solved), report);
    return report;
  } finally {
    await pool.close();
    await worker?.close();
  }
}

export function isSolved(s: SpecStatus | undefined): boolean {
  return s === "solved" || s === "ambiguous";
}

/** What solving one spec needs besides the problem. */
export interface SolveContext {
  readonly config: Pick<SynthConfig, "maxBytes" | "generatedInputs">;
  readonly worker: PythonWorker;
  readonly pool: SearchPool;
  readonly timeoutMs: number;
  readonly round: number;
  readonly weights?: WeightsJson;
  readonly tryFirst?: readonly ExprJson[];
  readonly seeds?: readonly ExprJson[];
  readonly constants?: readonly ExprJson[];
}

function guidanceOf(guidance: Guidance | undefined, p: Problem): { tryFirst?: readonly ExprJson[]; seeds?: readonly ExprJson[]; constants?: readonly ExprJson[] } {
  const g = guidance?.forSpec.get(p);
  return g ? { tryFirst: g.tryFirst, seeds: g.seeds, constants: g.constants } : {};
}

/** Weights for the next round: the run's guidance plus what the specs solved so far in this run teach. */
function roundWeights(base: WeightsJson | undefined, solved: readonly Solved[]): WeightsJson | undefined {
  const items = solved.flatMap((s) => (s.program && isSolved(s.outcome.status) ? [{ description: s.problem.description, tree: treeOfExpr(s.program) }] : []));
  if (items.length === 0) return base;
  const learned = weightsFromJson(learnFrom(items, `run:${items.length}`));
  return weightsToJson(base ? combineWeights(weightsFromJson(base), learned) : learned);
}

/** One spec's outcome plus what is needed to write its files. */
export interface Solved {
  readonly problem: Problem;
  readonly outcome: SpecOutcome;
  readonly program?: Expr;
  readonly regression: readonly RegressionCase[];
}

/** Searches, validates in real Python, and (when solved) checks ambiguity and generates regression cases. */
export async function solveOne(problem: Problem, ctx: SolveContext): Promise<Solved> {
  const { config, worker, timeoutMs, round } = ctx;
  const options = { timeoutMs, ...(config.maxBytes ? { maxBytes: config.maxBytes } : {}), ...(ctx.weights ? { weights: ctx.weights } : {}), ...(ctx.tryFirst ? { tryFirst: ctx.tryFirst } : {}), ...(ctx.seeds ? { seeds: ctx.seeds } : {}), ...(ctx.constants ? { constants: ctx.constants } : {}) };
  const result = await ctx.pool.run({ problem, options });
  // Time of this spec's own work: its search (not the wait for a free thread) plus validation from here on.
  const t0 = performance.now() - result.stats.elapsedMs;
  const warnings: string[] = [];
  const program = result.program ?? result.partial?.program;
  if (!program) return { problem, outcome: baseOutcome(problem, result, t0, round, "unsolved", 0, warnings), regression: [] };
  const v = await validateInPython(worker, problem, program);
  if (v.loadError) warnings.push(`emitted Python failed to load: ${v.loadError} (a bug in Aurora-X: please report it)`);
  for (const d of v.disagreements) warnings.push(`interpreter and Python disagree: ${d} (a bug in Aurora-X: please report it)`);
  const total = problem.examples.length;
  const score = total === 0 ? 0 : v.examples.passed / total;
  const status = statusOf(result, v, score);
  if (v.tests.failed > 0) warnings.push(`${v.tests.failed} of ${v.tests.failed + v.tests.passed} held-out tests fail: the examples do not pin the function down; add examples`);
  let ambiguity: Ambiguity | undefined;
  let regression: RegressionCase[] = [];
  if (status === "solved" && (config.generatedInputs ?? 40) > 0) {
    ambiguity = findAmbiguity(problem, program, result.alternatives, config.generatedInputs ?? 40);
    regression = await generateRegressionCases(worker, v.module, problem, config.generatedInputs ?? 40);
    const raised = regression.filter((r) => r.raised).length;
    if (raised > 0) warnings.push(`raises on ${raised} of ${regression.length} generated inputs (for example ${regression.find((r) => r.raised)?.call ?? ""})`);
  }
  const finalStatus: SpecStatus = status === "solved" && ambiguity ? "ambiguous" : status;
  const outcome = { ...baseOutcome(problem, result, t0, round, finalStatus, score, warnings), program: exprToPython(program), dsl: exprToJson(program), size: exprSize(program), heldout: { passed: v.tests.passed, failed: v.tests.failed }, ...(ambiguity ? { ambiguity } : {}) };
  return { problem, outcome, ...(isSolved(finalStatus) || result.program ? { program } : {}), regression: regression.filter((r) => !r.raised) };
}

function statusOf(result: SearchResult, v: Validation, score: number): SpecStatus {
  if (v.loadError) return "error";
  if (!result.program || score < 1) return "unsolved";
  return v.tests.failed > 0 ? "unsolved" : "solved";
}

function baseOutcome(problem: Problem, result: SearchResult, t0: number, round: number, status: SpecStatus, score: number, warnings: string[]): SpecOutcome {
  return {
    name: problem.name,
    file: problem.file,
    line: problem.line,
    status,
    score,
    time_ms: Math.round(performance.now() - t0),
    size: 0,
    candidates: result.stats.candidates,
    stop_reason: describeStop(result.stop),
    program: null,
    dsl: null,
    heldout: { passed: 0, failed: problem.tests.length },
    round,
    warnings,
  };
}

function summarize(specs: readonly SpecOutcome[], errors: number, ms: number, perRound: SynthSummary["per_round"]): SynthSummary {
  const count = (s: SpecStatus): number => specs.filter((x) => x.status === s).length;
  return { total: specs.length + errors, solved: count("solved") + count("ambiguous"), ambiguous: count("ambiguous"), unsolved: count("unsolved"), errors: errors + count("error"), time_ms: Math.round(ms), per_round: perRound };
}

/** Two specs with the same function name would overwrite each other's files: later ones get a suffix. */
function uniqueNames(problems: readonly Problem[], warn: (m: string) => void): Problem[] {
  const seen = new Map<string, number>();
  return problems.map((p) => {
    const n = (seen.get(p.name) ?? 0) + 1;
    seen.set(p.name, n);
    if (n === 1) return p;
    warn(`${p.file}:${p.line}: ${p.name} is defined again: its files are written as ${p.name}_${n}`);
    return { ...p, name: `${p.name}_${n}` };
  });
}

/**
 * Writes, per spec with a program: `<name>.py` (the function), `test_<name>.py` (pytest: examples, held-out tests
 * and generated regression tests) and `<name>.ts`; and `scores.json` for the whole run.
 */
async function writeOutputs(outDir: string, solved: readonly Solved[], report: SynthReport): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const s of solved) {
    if (!s.program || !isSolved(s.outcome.status)) continue;
    await writeFile(path.join(outDir, `${s.problem.name}.py`), emitPythonModule(s.problem, s.program));
    await writeFile(path.join(outDir, `test_${s.problem.name}.py`), emitTestModule(s.problem, s.regression));
    await writeFile(path.join(outDir, `${s.problem.name}.ts`), emitTypeScriptModule(s.problem, s.program));
  }
  await writeFile(path.join(outDir, "scores.json"), JSON.stringify({ specs: report.specs, errors: report.errors, summary: report.summary }, null, 2) + "\n");
}
