import type { Expr } from "../dsl/expr.js";
import { typeKey, type Type } from "../dsl/types.js";
import type { Value } from "../dsl/values.js";
import type { Problem } from "../spec/problem.js";
import { CondSolver, conditionalOf } from "./cond.js";
import { Enumerator, StopSearch } from "./enumerator.js";
import type { Grammar } from "./grammar.js";
import { buildPythonGrammar } from "./pygrammar.js";
import { buildSygusGrammar } from "./sygrammar.js";
import type { SearchResult, SearchStats, StopReason } from "./result.js";
import { UNIFORM_WEIGHTS, type GrammarWeights } from "./weights.js";

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
  /** Clock, for tests. @default performance.now */
  readonly now?: () => number;
}

export const DEFAULT_MAX_BYTES = 2 * 2 ** 30;

/**
 * Searches for a program consistent with every example of the problem (HOUSE-STYLE habit 4: returns data).
 * Deterministic for the same problem and options unless a time limit cuts it short.
 */
export function synthesize(problem: Problem, options: SynthOptions): SearchResult {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const weights = options.weights ?? UNIFORM_WEIGHTS;
  const grammar = options.grammar ?? (problem.sygus ? buildSygusGrammar(problem, weights) : buildPythonGrammar(problem, weights, { extraConstants: options.extraConstants ?? [] }));
  const stats: SearchStats = { candidates: 0, kept: 0, level: 0, contexts: 0, elapsedMs: 0, bytes: 0 };
  if (grammar.start < 0) {
    return { stop: { kind: "unsupported", reason: `return type ${typeKey(problem.returns)} is outside the DSL` }, alternatives: [], stats };
  }
  const s = new Search(problem, grammar, options, t0 + options.timeoutMs);
  const stop = s.run();
  const en = s.en;
  Object.assign(stats, { candidates: en.candidates, kept: en.contexts.reduce((n, c) => n + c.bank.size, 0), level: s.level, contexts: en.contexts.length - 1, elapsedMs: now() - t0, bytes: Math.max(en.peakBytes, en.bytes) });
  const best = s.solutions[0];
  const partial = s.partial ? { program: s.partial.expr(), passed: s.partial.passed } : undefined;
  return {
    stop: best ? { kind: "solved" } : stop,
    ...(best ? { program: best.expr, cost: best.cost } : {}),
    alternatives: s.solutions.slice(1).map((x) => x.expr),
    ...(!best && partial ? { partial } : {}),
    stats,
  };
}

class Search {
  readonly en: Enumerator;
  readonly solutions: { expr: Expr; cost: number; key: string }[] = [];
  partial?: { passed: number; cost: number; expr: () => Expr };
  level = 0;
  private readonly target: Float64Array;
  private readonly cond?: CondSolver;
  private pendingCond: { expr: Expr; cost: number } | undefined;

  constructor(
    readonly problem: Problem,
    readonly grammar: Grammar,
    readonly options: SynthOptions,
    deadline: number,
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
    this.en.onTarget = (prod, cost, kids, vec) => this.check(prod, cost, kids, vec);
    if (conditional) {
      const { prod, boolNt } = conditional;
      this.cond = new CondSolver(this.en, this.target, grammar.start, { ifCost: prod.cost, ifOp: prod.prim.name, boolNt });
    }
  }

  run(): StopReason {
    const maxCost = this.options.maxCost ?? 400;
    const window = this.options.ambiguityWindow ?? 2;
    try {
      for (let level = 1; level <= maxCost; level++) {
        this.en.step(level);
        this.level = level;
        const first = this.solutions[0];
        if (first && level >= first.cost + window) return { kind: "solved" };
        if (!first) this.tryConditional(level);
      }
    } catch (e) {
      if (!(e instanceof StopSearch)) throw e;
      if (this.solutions.length === 0 && this.pendingCond) this.accept(this.pendingCond.expr, this.pendingCond.cost);
      return e.kind === "memoryLimit" ? { kind: "memoryLimit", bytes: this.en.bytes } : { kind: "timeLimit", ms: this.options.timeoutMs };
    }
    if (this.solutions.length === 0 && this.pendingCond) this.accept(this.pendingCond.expr, this.pendingCond.cost);
    return { kind: "exhausted", maxCost };
  }

  /** Conditionals: accepted once the enumeration has reached (nearly) their cost, so smaller programs win. */
  private tryConditional(level: number): void {
    if (!this.cond) return;
    const found = this.cond.solve(level + 40);
    if (found && (!this.pendingCond || found.cost < this.pendingCond.cost)) this.pendingCond = found;
    if (this.pendingCond && this.pendingCond.cost <= level + 2) {
      this.accept(this.pendingCond.expr, this.pendingCond.cost);
      this.pendingCond = undefined;
    }
  }

  private check(prod: number, cost: number, kids: readonly number[], vec: Float64Array): void {
    let passed = 0;
    for (let e = 0; e < vec.length; e++) if (vec[e] === this.target[e]) passed++;
    const type = this.problem.returns;
    if (passed === vec.length && vec.length > 0) {
      if (this.solutions.length >= 1 + (this.options.maxAlternatives ?? 4)) return;
      const expr = this.en.prodExpr(prod, [...kids], 0, this.grammar.nts[this.grammar.start]?.type ?? type);
      this.accept(expr, cost);
      return;
    }
    if (!this.partial || passed > this.partial.passed) {
      const k = [...kids];
      const t = this.grammar.nts[this.grammar.start]?.type ?? type;
      this.partial = { passed, cost, expr: () => this.en.prodExpr(prod, k, 0, t) };
    }
  }

  private accept(expr: Expr, cost: number): void {
    const key = JSON.stringify(expr, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    if (this.solutions.some((s) => s.key === key)) return;
    this.solutions.push({ expr, cost, key });
    this.solutions.sort((a, b) => a.cost - b.cost);
  }
}
