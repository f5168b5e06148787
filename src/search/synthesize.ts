import { opsOf, type Expr } from "../dsl/expr.js";
import { typeKey, type Type } from "../dsl/types.js";
import { isError, pyEq, type Value } from "../dsl/values.js";
import { run as interpret } from "../eval/interp.js";
import type { Example, Problem } from "../spec/problem.js";
import { ConcatSolver } from "./concat.js";
import { CondSolver, conditionalOf } from "./cond.js";
import { Enumerator, StopSearch } from "./enumerator.js";
import type { Grammar, Production } from "./grammar.js";
import { buildPythonGrammar } from "./pygrammar.js";
import { buildSygusGrammar } from "./sygrammar.js";
import type { SearchResult, SearchStats, StopReason } from "./result.js";
import { UNIFORM_WEIGHTS, type GrammarWeights, type BaseCosts } from "./weights.js";

/** Options of one synthesis. The caller owns every budget. */
export interface SynthOptions {
  /** Wall-clock budget in milliseconds. */
  readonly timeoutMs: number;
  /** Memory budget for banks and values. @default 2 GiB */
  readonly maxBytes?: number;
  /** Highest cost level. @default 400 */
  readonly maxCost?: number;
  /** Learned or prior grammar weights. @default UNIFORM_WEIGHTS */
  readonly weights?: GrammarWeights;
  /** Constants offered in addition to those mined from the spec (retrieved solutions' constants). */
  readonly extraConstants?: readonly (readonly [Value, Type])[];
  /** Keep enumerating this many cost units past the first solution to collect alternatives. @default 2 */
  readonly ambiguityWindow?: number;
  /** Most alternatives to keep. @default 4 */
  readonly maxAlternatives?: number;
  /** A prebuilt grammar (SyGuS problems bring their own). */
  readonly grammar?: Grammar;
  /** Whole programs to try before searching (retrieved past solutions adapted to this spec), best first. */
  readonly tryFirst?: readonly Expr[];
  /** Subprograms offered to the search as single cheap steps (Python-semantics problems only). */
  readonly seeds?: readonly Expr[];
  /**
   * With more examples than this, search on a subset and add counterexamples (CEGIS): value vectors stay short
   * and most searches never need the rest. @default 6
   */
  readonly subsetSize?: number;
  /**
   * Just-in-time learning within one spec (Probe): after a first phase, productions of partial solutions (right on
   * some examples) become likelier and the search restarts. @default true
   */
  readonly jit?: boolean;
  /**
   * What the weights adjust: "hand" (each primitive's hand-set cost and the lexicon's description hints) or
   * "flat" (every primitive the same cost, no hint boosts: the unguided engine that the learning benchmark
   * measures learned weights against). @default "hand"
   */
  readonly base?: BaseCosts;
  /** Clock, for tests. @default performance.now */
  readonly now?: () => number;
}

/** The share of the budget the first phase gets before just-in-time learning restarts the search. */
const JIT_FIRST_PHASE = 0.3;
/** Bits a primitive of a partial solution right on every example but one gains (scaled by its fit). */
const JIT_BITS = 2;

/** Primitive boosts from partial solutions: each primitive gets its best partial's fit times JIT_BITS. */
function partialBoosts(partials: readonly { readonly passed: number; readonly total: number; readonly expr: () => Expr }[]): Map<string, number> {
  const boost = new Map<string, number>();
  for (const p of partials) {
    const fit = p.passed / p.total;
    for (const op of opsOf(p.expr())) boost.set(op, Math.max(boost.get(op) ?? 0, fit * JIT_BITS));
  }
  return boost;
}

function addBoosts(base: ReadonlyMap<string, number>, boosts: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map(base);
  for (const [k, v] of boosts) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}

export const DEFAULT_MAX_BYTES = 2 * 2 ** 30;

/**
 * Searches for a program consistent with every example of the problem (HOUSE-STYLE habit 4: returns data).
 *
 * With many examples the search runs on a subset; a program found there is checked on all examples and the
 * first counterexample joins the subset for the next attempt (counterexample-guided, as EUSolver and cvc5 do).
 * Deterministic for the same problem and options unless a time limit cuts it short.
 */
export function synthesize(problem: Problem, options: SynthOptions): SearchResult {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const weights = options.weights ?? UNIFORM_WEIGHTS;
  const stats: SearchStats = { candidates: 0, kept: 0, level: 0, contexts: 0, elapsedMs: 0, bytes: 0 };
  const reused = (options.tryFirst ?? []).filter((p) => fitsAll(problem, p));
  if (reused[0]) {
    stats.elapsedMs = now() - t0;
    return { stop: { kind: "solved" }, program: reused[0], cost: 0, alternatives: reused.slice(1), stats };
  }
  const base = options.base ?? "hand";
  const build = (w: GrammarWeights): Grammar =>
    problem.sygus ? buildSygusGrammar(problem, w, base) : buildPythonGrammar(problem, w, { extraConstants: options.extraConstants ?? [], seeds: options.seeds ?? [], base });
  const grammar = options.grammar ?? build(weights);
  if (grammar.start < 0) {
    return { stop: { kind: "unsupported", reason: `return type ${typeKey(problem.returns)} is outside the DSL` }, alternatives: [], stats };
  }
  const deadline = t0 + options.timeoutMs;
  let subset = initialSubset(problem.examples, options.subsetSize ?? 6);
  for (;;) {
    const phased = !(options.grammar || options.jit === false);
    let s = new Search({ ...problem, examples: subset }, grammar, options, phased ? t0 + JIT_FIRST_PHASE * options.timeoutMs : deadline);
    let stop = s.run(!phased);
    accumulate(stats, s);
    // With a deduced program pending, the first search continues rather than restarting with boosts.
    const boosts = phased && s.solutions.length === 0 && !s.hasPending && now() < deadline ? partialBoosts(s.partials) : undefined;
    if (boosts && boosts.size > 0) {
      // Just-in-time learning (Probe): productions of partial solutions become likelier; search again.
      s.en.release();
      s = new Search({ ...problem, examples: subset }, build({ ...weights, prim: addBoosts(weights.prim, boosts), source: `${weights.source}+jit` }), options, deadline);
      stop = s.run();
      accumulate(stats, s);
    } else if (s.solutions.length === 0 && now() < deadline && stop.kind === "timeLimit") {
      const before = s.en.candidates;
      s.extend(deadline);
      stop = s.run();
      stats.candidates += s.en.candidates - before;
      stats.level = s.level;
    }
    s.settle();
    const verified = s.solutions.filter((x) => fitsAll(problem, x.expr));
    const counter = verified.length === 0 && s.solutions[0] ? firstFailure(problem, s.solutions[0].expr, subset) : undefined;
    if (counter && now() < deadline) {
      s.en.release();
      subset = [...subset, counter];
      continue;
    }
    stats.elapsedMs = now() - t0;
    const out = result(s, stop, verified, subset.length === problem.examples.length, stats);
    s.en.release();
    // The result holds `stats`: its time includes the release.
    stats.elapsedMs = now() - t0;
    return out;
  }
}

function result(s: Search, stop: StopReason, verified: readonly { expr: Expr; cost: number }[], complete: boolean, stats: SearchStats): SearchResult {
  const best = verified[0];
  const partial = !best && s.partial ? { program: s.partial.expr(), passed: s.partial.passed } : undefined;
  void complete;
  return {
    stop: best ? { kind: "solved" } : stop.kind === "solved" ? { kind: "timeLimit", ms: stats.elapsedMs } : stop,
    ...(best ? { program: best.expr, cost: best.cost } : {}),
    alternatives: verified.slice(1).map((x) => x.expr),
    ...(partial ? { partial } : {}),
    stats,
  };
}

function accumulate(stats: SearchStats, s: Search): void {
  const en = s.en;
  stats.candidates += en.candidates;
  stats.kept += en.contexts.reduce((n, c) => n + c.bank.size, 0);
  stats.level = s.level;
  stats.contexts = Math.max(stats.contexts, en.contexts.length - 1);
  stats.bytes = Math.max(stats.bytes, en.peakBytes, en.bytes);
}

/**
 * The first examples to search on: all of them when there are few; otherwise a spread of distinct inputs,
 * preferring outputs of different lengths (different shapes of the answer), in the file's order.
 */
export function initialSubset(examples: readonly Example[], size: number): Example[] {
  if (examples.length <= size) return [...examples];
  const seen = new Set<string>();
  const distinct = examples.filter((e) => {
    const k = JSON.stringify(e.inputs, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const out: Example[] = [];
  const shapes = new Set<string>();
  for (const e of distinct) {
    const shape = typeof e.output === "string" ? `${e.output.length}` : String(e.output);
    if (!shapes.has(shape)) {
      shapes.add(shape);
      out.push(e);
    }
    if (out.length >= size) return out;
  }
  for (const e of distinct) {
    if (out.length >= size) break;
    if (!out.includes(e)) out.push(e);
  }
  return out;
}

/** The program gives the example's output (a program that throws, for example ill-typed reuse, does not fit). */
function fits(problem: Problem, program: Expr, ex: Example): boolean {
  try {
    const got = interpret(program, problem.params.map((p) => p.name), ex.inputs);
    return !isError(got) && pyEq(got as Value, ex.output);
  } catch {
    return false;
  }
}

function fitsAll(problem: Problem, program: Expr): boolean {
  return problem.examples.every((ex) => fits(problem, program, ex));
}

function firstFailure(problem: Problem, program: Expr, subset: readonly Example[]): Example | undefined {
  return problem.examples.find((ex) => !subset.includes(ex) && !fits(problem, program, ex));
}

/** The concatenation production of the start nonterminal (`str.++` / `+` on str), if the grammar has one. */
function concatOf(g: Grammar): (Production & { kind: "op" }) | undefined {
  for (const p of g.prods) {
    if (p.kind !== "op" || p.lhs !== g.start || (p.prim.name !== "smt.str.++" && p.prim.name !== "seq.concat")) continue;
    if (p.args.length === 2 && p.args.every((a) => a === g.start) && g.nts[g.start]?.type.kind === "str") return p;
  }
  return undefined;
}

/**
 * A deduced program is accepted once enumeration is within this many cost units of it (3 bits: a smaller
 * program found by enumeration in that range would be at most 8x less likely a priori).
 */
const PENDING_SLACK = 6;
const MAX_PARTIALS = 24;
/**
 * How long (ms) a search waits at most for enumeration to reach a deduced program's cost when the grammar is a
 * problem's own (SyGuS): beyond that, the deduced program is accepted (see Search.tryDeduction).
 */
const MAX_WAIT_MS = 2000;
/** ... and for at least this long (ms) in any case. */
const MIN_WAIT_MS = 30;

/** One search over a fixed set of examples. */
class Search {
  readonly en: Enumerator;
  readonly solutions: { expr: Expr; cost: number; key: string }[] = [];
  partial?: { passed: number; cost: number; expr: () => Expr };
  /** The cheapest kept program per set of examples it gets right (partial solutions), at most MAX_PARTIALS. */
  readonly partials: { passed: number; total: number; expr: () => Expr }[] = [];
  private readonly partialMasks = new Set<string>();
  level = 0;
  private readonly target: Float64Array;
  private readonly cond?: CondSolver;
  private readonly concat?: ConcatSolver;
  /** Programs built by deduction (conditionals, concatenations), accepted once enumeration nears their cost. */
  private pending: { expr: Expr; cost: number; natural?: boolean } | undefined;
  /** Time each completed level took (ms). */
  private readonly levelMs: number[] = [];
  private readonly started = performance.now();
  /** The level at which the first solution arrived (deduced ones can cost more than the level they came at). */
  private firstSolvedAt = Infinity;

  constructor(
    readonly problem: Problem,
    readonly grammar: Grammar,
    readonly options: SynthOptions,
    private deadline: number,
  ) {
    const maxCost = options.maxCost ?? 400;
    const conditional = problem.examples.length >= 2 ? conditionalOf(grammar) : undefined;
    this.en = new Enumerator(grammar, problem.params.map((p) => p.name), problem.examples.map((e) => e.inputs), {
      deadline,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      maxCost,
      samples: problem.examples.map((e) => e.output),
      bigram: (options.weights ?? UNIFORM_WEIGHTS).bigram,
      skipInMain: (p) => p.kind === "op" && p.prim.name === "if",
    });
    this.target = Float64Array.from(problem.examples, (e) => this.en.encodeFor(grammar.start, e.output));
    this.en.setTarget(this.target);
    this.en.onSolution = (prod, cost, kids) => this.solution(prod, cost, kids);
    this.en.onMainEntry((entry, vec) => {
      if (this.en.main.bank.nt.data[entry] === grammar.start) this.observePartial(entry, vec);
    });
    const cat = concatOf(grammar);
    if (cat && problem.examples.every((e) => typeof e.output === "string")) {
      const inputs = problem.examples.map((e) => e.inputs.filter((v): v is string => typeof v === "string"));
      this.concat = new ConcatSolver(this.en, problem.examples.map((e) => e.output as string), grammar.start, { concatPrim: cat.prim.name, concatCost: cat.cost, type: problem.returns, inputs });
    }
    if (conditional) {
      const { prod, boolNt } = conditional;
      const concat = this.concat;
      const leafSynth = concat ? (on: readonly number[], max: number) => concat.solveFor(on, max, this.deadline) : undefined;
      // Few examples support few cases: at most one leaf per three examples outside SyGuS grammars.
      const maxLeaves = problem.format === "sygus" ? undefined : Math.max(2, Math.floor(problem.examples.length / 3));
      this.cond = new CondSolver(this.en, this.target, grammar.start, { ifCost: prod.cost, ifOp: prod.prim.name, boolNt, ...(leafSynth ? { leafSynth } : {}), ...(maxLeaves ? { maxLeaves } : {}) });
    }
  }

  /**
   * Enumerates level by level from where it stopped (a search cut short by a phase deadline continues with
   * `extend`; an interrupted level is enumerated again, its finished part rejected by equivalence).
   */
  run(final = true): StopReason {
    const maxCost = this.options.maxCost ?? 400;
    const window = this.options.ambiguityWindow ?? 2;
    try {
      for (let level = this.level + 1; level <= maxCost; level++) {
        const t = performance.now();
        this.en.step(level);
        this.levelMs.push(performance.now() - t);
        this.level = level;
        const first = this.solutions[0];
        if (first && level >= Math.min(first.cost, this.firstSolvedAt) + window) return { kind: "solved" };
        if (!first) this.tryDeduction(level);
      }
    } catch (e) {
      if (!(e instanceof StopSearch)) throw e;
      // A phase that is not the last keeps its deduced program pending: the search may continue (extend).
      if (final || e.kind !== "timeLimit") this.acceptPending();
      return e.kind === "memoryLimit" ? { kind: "memoryLimit", bytes: this.en.bytes } : { kind: "timeLimit", ms: this.options.timeoutMs };
    }
    this.acceptPending();
    return { kind: "exhausted", maxCost };
  }

  /** Gives the search more time (used after a first phase found nothing to learn from). */
  extend(deadline: number): void {
    this.deadline = deadline;
    this.en.deadline = deadline;
  }

  /** Whether a deduced program waits for enumeration to reach its cost. */
  get hasPending(): boolean {
    return this.pending !== undefined;
  }

  /** Accepts a still-pending deduced program when nothing else was found (the search is over). */
  settle(): void {
    this.acceptPending();
  }

  private acceptPending(): void {
    if (this.solutions.length === 0 && this.pending) this.accept(this.pending.expr, this.pending.cost);
  }

  /**
   * Conditionals (divide and conquer) and concatenations (top-down deduction) over the bank: the cheapest found
   * is kept pending and accepted once enumeration has (nearly) reached its cost, so smaller programs still win.
   */
  private tryDeduction(level: number): void {
    for (const found of [this.cond?.solve(level + 200), this.concat?.solve(level + 400, this.deadline)]) {
      if (found && (!this.pending || found.cost < this.pending.cost)) this.pending = found;
    }
    const gap = this.pending ? this.pending.cost - level : 0;
    // Early acceptance only within a problem's own small grammar (SyGuS), and only when enumeration would take long
    // to reach the deduced program's cost: in the broad Python DSL a deduced program far above the enumerated level
    // is too often a coincidence of a few examples, and where enumeration is fast a smaller program may yet come.
    // A concatenation that splits a stretch of an input into pieces (ConcatResult.natural) fits its examples by
    // coincidence: it waits for enumeration like any other, and is taken only if nothing better comes.
    const early = this.problem.format === "sygus" && this.pending !== undefined && this.pending.natural !== false && !this.reachable(this.pending.cost - PENDING_SLACK);
    if (this.pending && (gap <= PENDING_SLACK || early)) {
      this.accept(this.pending.expr, this.pending.cost);
      this.pending = undefined;
    }
  }

  /**
   * Whether enumeration can plausibly reach cost level `target` within the remaining time, extrapolating the
   * geometric growth of the recent levels' times, in at most MAX_WAIT_MS. When it cannot, waiting for a smaller
   * program is not worth the time.
   */
  private reachable(target: number): boolean {
    // Level times of a young search are too small and noisy to extrapolate from; it goes on meanwhile.
    if (performance.now() - this.started < MIN_WAIT_MS) return true;
    const recent = this.levelMs.slice(-6).filter((ms) => ms > 0.5);
    if (recent.length < 2) return true;
    const last = recent[recent.length - 1] as number;
    const growth = Math.min(3, Math.max(1.05, (last / (recent[0] as number)) ** (1 / (recent.length - 1))));
    const n = target - this.level;
    const estimate = (last * growth * (growth ** Math.min(n, 60) - 1)) / (growth - 1);
    return estimate < Math.min(MAX_WAIT_MS, (this.deadline - performance.now()) / 2);
  }

  private solution(prod: number, cost: number, kids: readonly number[]): void {
    if (this.solutions.length >= 1 + (this.options.maxAlternatives ?? 4)) return;
    const type = this.grammar.nts[this.grammar.start]?.type ?? this.problem.returns;
    this.accept(this.en.prodExpr(prod, [...kids], 0, type), cost);
  }

  /** The kept program of the start nonterminal that is right on the most examples (reported when unsolved). */
  private observePartial(entry: number, vec: Float64Array): void {
    let passed = 0;
    let mask = "";
    for (let e = 0; e < vec.length; e++) {
      const ok = vec[e] === this.target[e];
      if (ok) passed++;
      mask += ok ? "1" : "0";
    }
    if (passed > 0 && passed < vec.length && this.partials.length < MAX_PARTIALS && !this.partialMasks.has(mask)) {
      this.partialMasks.add(mask);
      this.partials.push({ passed, total: vec.length, expr: () => this.en.toExpr(0, entry) });
    }
    if (passed === vec.length || (this.partial && passed <= this.partial.passed)) return;
    this.partial = { passed, cost: this.en.main.bank.cost.data[entry] as number, expr: () => this.en.toExpr(0, entry) };
  }

  private accept(expr: Expr, cost: number): void {
    if (this.solutions.length === 0) this.firstSolvedAt = this.level;
    const key = JSON.stringify(expr, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    if (this.solutions.some((s) => s.key === key)) return;
    this.solutions.push({ expr, cost, key });
    this.solutions.sort((a, b) => a.cost - b.cost);
  }
}
