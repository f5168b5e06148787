import { type Expr, call, lam, v, c } from "../dsl/expr.js";
import type { Primitive } from "../dsl/primitive.js";
import { iterElement, typeKey, type Type } from "../dsl/types.js";
import { PyDict, RESOURCE, cps, type Result, type Value } from "../dsl/values.js";
import { run as interpret } from "../eval/interp.js";
import { Bank, hashBatch, hashBits, hashBits2 } from "./bank.js";
import { bitsOf, setBit, type Bits } from "./bitset.js";
import { Kind, decode, encode, kindOf } from "./encode.js";
import { COST_SCALE, type Grammar, type Production } from "./grammar.js";
import { FALSE_ID, Interner, TRUE_ID, limitsFor } from "./intern.js";
import { EMPTY, IdMemo } from "./memo.js";

/** Limits of one enumeration. The orchestrator (synthesize) owns them. */
export interface EnumLimits {
  /** performance.now() value at which to stop. */
  readonly deadline: number;
  /** Estimated bytes of banks and interned values at which to stop. */
  readonly maxBytes: number;
  /** Highest cost level to enumerate. */
  readonly maxCost: number;
  /** Most comprehension contexts (iteration sources) to open. @default 8 */
  readonly maxContexts?: number;
  /** Most rows (elements summed over examples) a comprehension context may have. @default 4000 */
  readonly maxContextRows?: number;
  /** A source must cost at most the cheapest entry of its type plus this. @default 8 */
  readonly sourceSlack?: number;
  /**
   * Productions not enumerated in the main context: conditionals at the top level are built by divide and
   * conquer instead, which is far cheaper than enumerating every (predicate, then, else) triple.
   */
  readonly skipInMain?: (p: Production) => boolean;
  /** Values (such as the expected outputs) that the search's value limits must accommodate. */
  readonly samples?: readonly Value[];
  /** Parent-conditioned weights (GrammarWeights.bigram): `${parentPrim}/${arg}` -> child op -> log2 multiplier. */
  readonly bigram?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Why enumeration stopped early (thrown internally, caught by the caller of `step`). */
export class StopSearch {
  constructor(readonly kind: "timeLimit" | "memoryLimit" | "done") {}
}

/** A lambda context's iteration source and how its elements are bound. */
interface Source {
  readonly entry: number;
  readonly nt: number;
  readonly cost: number;
  readonly binder: "comp" | "lambda" | "both";
  readonly names: readonly string[];
  readonly elType: Type;
}

/** A bound loop variable of a comprehension context: its nonterminal and encoded value per row. */
interface Bound {
  readonly name: string;
  readonly nt: number;
  readonly type: Type;
  readonly vals: Float64Array;
}

/** An evaluation context: the examples themselves (main), or the elements of a source over all examples. */
export interface Ctx {
  readonly id: number;
  readonly bank: Bank;
  readonly rows: number;
  /** Example index of each row. */
  readonly rowExample: Int32Array;
  /** Rows of example e are [exStart[e], exStart[e + 1]). */
  readonly exStart: Int32Array;
  readonly source?: Source;
  readonly bound: readonly Bound[];
  level: number;
  /**
   * Parent-conditioned argument lists (argList) whose buckets were all complete when computed, by
   * (production, argument, cost): they cannot change any more, and building them again at every level and split
   * was most of the learned weights' per-level overhead.
   */
  readonly argLists: Map<number, readonly number[]>;
  /** argCosts per (production, argument), with the length of the nonterminal's cost list it was computed from. */
  readonly argCostLists: Map<number, { readonly n: number; readonly costs: readonly number[] }>;
  /**
   * What a level visits, in grammar order: leaves at their own level, operators from their first level on (see
   * `due`), and comprehensions that have a context. An operator still waiting for an argument's nonterminal to get
   * entries is in `waiting` under that nonterminal, looked at again when it does (`filledSeen` counts the bank's
   * `filled` list handled so far): most productions wait many levels, above all in comprehension contexts, and
   * visiting every production at every level came to about 10,000 visits per quick learned search.
   */
  live: number[];
  readonly waiting: Map<number, number[]>;
  filledSeen: number;
  /**
   * Productions by the level from which they are visited (leaves: their cost; operators: their first level;
   * comprehensions: the level after their first context opened, which has nothing below that), up to `dueSeen`
   * already joined.
   */
  readonly due: (number[] | undefined)[];
  dueSeen: number;
}

/** Callback for every new entry of the main context (its encoded value vector in `vec`). */
export type MainListener = (entry: number, vec: Float64Array) => void;

const BOUND_COST_BITS = 1;

/** Production kinds as the level loop sees them. */
const PK_LEAF = 0;
const PK_OP = 1;
const PK_HOF = 2;

/** Candidates per batch in the integer and conditional loops (see flushBatch). */
const BATCH = 32;
/** Most arguments of a batched candidate. */
const BATCH_ARITY = 3;

/** Buffers for a batch of candidates: their vectors, fingerprints and arguments (BATCH_ARITY per candidate). */
interface Batch {
  readonly vals: Float64Array;
  readonly bits: Int32Array;
  readonly args: Int32Array;
  readonly h: Int32Array;
  readonly h2: Int32Array;
  /** Argument scratch for accept(), by arity (the callers' own kids arrays stay theirs). */
  readonly kids: readonly number[][];
}
type Impl = (...a: Value[]) => Result;

/** The union of two ascending lists (no value in both), ascending. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push((a[i] as number) < (b[j] as number) ? (a[i++] as number) : (b[j++] as number));
  while (i < a.length) out.push(a[i++] as number);
  while (j < b.length) out.push(b[j++] as number);
  return out;
}

/** Adds production pi to the productions due at `level` (see Ctx.due). */
function schedule(due: (number[] | undefined)[], level: number, pi: number): void {
  while (due.length <= level) due.push(undefined);
  const at = due[level];
  if (at) at.push(pi);
  else due[level] = [pi];
}

/**
 * Bottom-up enumeration by increasing cost with observational equivalence, over the main context (one row
 * per example) and comprehension contexts (one row per element of an iteration source).
 *
 * Value vectors are encoded per nonterminal kind (src/search/encode.ts): numbers as themselves, everything
 * else as interned ids, so equal vectors are equal bit patterns.
 */
export class Enumerator {
  readonly interner: Interner;
  readonly contexts: Ctx[] = [];
  candidates = 0;
  peakBytes = 0;
  /** Encoding kind of each nonterminal. */
  readonly kinds: Kind[];
  private readonly scratchByRows: Float64Array[] = [];
  private readonly scratchBits: Int32Array[] = [];
  private readonly E: number;
  private readonly paramVals: Float64Array[];
  private readonly boundCost: number[];
  private listeners: MainListener[] = [];
  private readonly minCostByNt: number[];
  /** Per production: 1 when its results are memoized (primitives whose values are costly to build). */
  private readonly memoOn: Uint8Array;
  /** Memoized results by (production, argument keys), one table for every memoized production. */
  private readonly memo = new IdMemo();
  /** Nonterminals that some comprehension can iterate. */
  private readonly sourceNts: Uint8Array;
  /** 1 for constant productions (indexed by production; bound variables have negative indices: undefined). */
  private readonly isConstProd: Uint8Array;
  /** Cheapest comprehension production per source nonterminal. */
  private readonly minHofCost: number[];
  /** Parent-conditioned cost changes: [production][argument] -> (child root, delta) pairs, or undefined. */
  private readonly edges: readonly (readonly (readonly EdgeDelta[] | undefined)[] | undefined)[];
  /** Per [production][argument]: 1 for child roots whose cost changes under that parent (to filter buckets). */
  private readonly edgeMask: readonly (readonly (Uint8Array | undefined)[] | undefined)[];
  /** Root productions any parent re-prices (indexed by the banks); the last slot stands for bound variables. */
  private readonly indexedRoots: Uint8Array;
  /** Productions a level visits, in grammar order: in the main context, and in comprehension contexts. */
  private readonly mainOrder: Int32Array;
  private readonly ctxOrder: Int32Array;
  /** Comprehension productions (main context only). */
  private readonly hofProds: Int32Array;
  /**
   * Per comprehension production: the contexts (ids, in order of opening) whose source it can iterate (its source
   * nonterminal and binder), filled as contexts open; absent while there is none. A level visits every comprehension
   * production, and most have no context at all.
   */
  private readonly hofCtxs: (number[] | undefined)[] = [];
  /** Per production: its cost and kind (PK_*), in flat arrays (the level loop reads nothing else). */
  private readonly prodCost: Int32Array;
  private readonly prodKind: Uint8Array;
  /** Argument nonterminals of each operator production, lambda-body nonterminals of each comprehension (empty for leaves). */
  private readonly prodArgs: readonly (readonly number[])[];
  /** Per production with bigram edges: each argument's most negative cost delta (0 when none is negative). */
  private readonly minDelta: readonly (Int32Array | undefined)[];
  /** Per production: its semantics wrapped by guardedImpl (null: none), made on first use. */
  private readonly impls: (Impl | null | undefined)[] = [];
  /** Per comprehension production: its semantics wrapped by guardedHof (null: none), made on first use. */
  private readonly hofImpls: (Primitive["hof"] | null | undefined)[] = [];
  /** Per production: the encoding kinds of its argument (or body) nonterminals, made on first use. */
  private readonly argKinds: (readonly Kind[] | undefined)[] = [];
  /** Per [production][argument]: the distinct cost deltas of its bigram edges (see argCosts). */
  private readonly edgeDeltas: readonly (readonly (readonly number[] | undefined)[] | undefined)[];

  constructor(
    readonly grammar: Grammar,
    readonly paramNames: readonly string[],
    private readonly inputs: readonly (readonly Value[])[],
    private readonly limits: EnumLimits,
  ) {
    this.E = inputs.length;
    this.deadline = limits.deadline;
    this.interner = new Interner(limitsFor([...inputs.flat(), ...(limits.samples ?? [])]));
    this.kinds = grammar.nts.map((n) => kindOf(n.type));
    this.paramVals = paramNames.map((name, p) => {
      const k = this.kinds[this.paramNt(name)] ?? Kind.REF;
      return Float64Array.from(inputs, (row) => encode(k, row[p] ?? null, this.interner));
    });
    this.boundCost = boundVarCosts(grammar);
    this.minCostByNt = grammar.nts.map(() => Infinity);
    const costlyNt = Uint8Array.from(grammar.nts, (n) => (CHEAP.has(n.type.kind) ? 0 : 1));
    // One pass filling flat arrays (TypedArray.from with a mapping function and per-production allocations cost
    // more than the rest of the set-up together).
    const P = grammar.prods.length;
    this.isConstProd = new Uint8Array(P);
    this.memoOn = new Uint8Array(P);
    this.prodCost = new Int32Array(P);
    this.prodKind = new Uint8Array(P);
    const prodArgs = new Array<readonly number[]>(P);
    const main: number[] = [];
    const inner: number[] = [];
    const hofs: number[] = [];
    this.sourceNts = new Uint8Array(grammar.nts.length);
    this.minHofCost = grammar.nts.map(() => Infinity);
    for (let pi = 0; pi < P; pi++) {
      const p = grammar.prods[pi] as Production;
      this.isConstProd[pi] = p.kind === "const" ? 1 : 0;
      this.prodCost[pi] = p.cost;
      this.prodKind[pi] = p.kind === "op" ? PK_OP : p.kind === "hof" ? PK_HOF : PK_LEAF;
      if (p.kind === "op" && (p.args.length === 1 || p.args.length === 2) && isCostly(costlyNt, p)) this.memoOn[pi] = 1;
      // The productions' own arrays (shared by every grammar of a type universe): a copy per production cost more
      // than the rest of this loop.
      prodArgs[pi] = p.kind === "op" ? p.args : p.kind === "hof" ? p.bodies : NO_ARGS;
      // Seeds and comprehensions are built in the main context only; skipInMain productions everywhere else.
      if (p.kind !== "op" || !limits.skipInMain?.(p)) main.push(pi);
      if (p.kind !== "seed" && p.kind !== "hof") inner.push(pi);
      if (p.kind === "hof") {
        hofs.push(pi);
        this.sourceNts[p.source] = 1;
        if (p.cost < (this.minHofCost[p.source] as number)) this.minHofCost[p.source] = p.cost;
      }
    }
    this.prodArgs = prodArgs;
    this.mainOrder = new Int32Array(main);
    this.ctxOrder = new Int32Array(inner);
    this.hofProds = new Int32Array(hofs);
    const bi = bigramTablesOf(grammar, limits.bigram);
    this.edges = bi.edges;
    this.edgeMask = bi.masks;
    this.indexedRoots = bi.roots;
    this.minDelta = bi.minDelta;
    this.edgeDeltas = bi.edgeDeltas;
    const rowExample = Int32Array.from({ length: this.E }, (_, i) => i);
    const exStart = Int32Array.from({ length: this.E + 1 }, (_, i) => i);
    this.contexts.push({ id: 0, bank: this.newBank(this.E), rows: this.E, rowExample, exStart, bound: [], level: 0, argLists: new Map(), argCostLists: new Map(), ...this.visits(this.mainOrder) });
  }

  /** A new context's level visits (see Ctx.live): leaves wait for their level, operators for their arguments. */
  private visits(order: Int32Array): Pick<Ctx, "live" | "waiting" | "filledSeen" | "due" | "dueSeen"> {
    const waiting = new Map<number, number[]>();
    const due: number[][] = [];
    for (let i = 0; i < order.length; i++) {
      const pi = order[i] as number;
      const kind = this.prodKind[pi];
      // A comprehension joins when it gets a context (see openContext).
      if (kind === PK_HOF) continue;
      const c = this.prodCost[pi] as number;
      const nt = (this.prodArgs[pi] as readonly number[])[0];
      if (kind === PK_LEAF || nt === undefined) {
        schedule(due, kind === PK_OP ? c + 1 : c, pi);
        continue;
      }
      const list = waiting.get(nt);
      if (list) list.push(pi);
      else waiting.set(nt, [pi]);
    }
    return { live: [], waiting, filledSeen: 0, due, dueSeen: 0 };
  }

  /**
   * Before level `level` of a context: operators waiting for nonterminals that got their first entries since the
   * last call move on to their next argument nonterminal without entries or, when every argument has some, are
   * due at their first level (fillLevel); then whatever is due by `level` joins the visits, in grammar order. An
   * operator woken during level L by an entry of cost L can have candidates at L + 1 at the earliest (its cost is
   * at least 1), so waking it before the next level misses nothing.
   */
  private wake(ctx: Ctx, level: number): void {
    const bank = ctx.bank;
    const filled = bank.filled;
    for (; ctx.filledSeen < filled.length; ctx.filledSeen++) {
      const nt = filled[ctx.filledSeen] as number;
      const list = ctx.waiting.get(nt);
      if (!list) continue;
      ctx.waiting.delete(nt);
      for (const pi of list) {
        const args = this.prodArgs[pi] as readonly number[];
        let next = -1;
        for (let i = 0; i < args.length; i++) {
          const a = args[i] as number;
          if (bank.costsOf(a).length === 0) {
            next = a;
            break;
          }
        }
        if (next >= 0) {
          const more = ctx.waiting.get(next);
          if (more) more.push(pi);
          else ctx.waiting.set(next, [pi]);
          continue;
        }
        schedule(ctx.due, Math.max(this.fillLevel(bank, pi, this.prodCost[pi] as number), level), pi);
      }
    }
    let joined: number[] | undefined;
    while (ctx.dueSeen < level && ctx.dueSeen < ctx.due.length - 1) {
      const now = ctx.due[++ctx.dueSeen];
      if (!now) continue;
      if (joined) for (const pi of now) joined.push(pi);
      else joined = [...now];
    }
    // Merged into the visits in grammar order (sorting all of them at every join was 3% of a quick search).
    if (joined) ctx.live = mergeSorted(ctx.live, joined.length > 1 ? joined.sort((x, y) => x - y) : joined);
  }

  private newBank(rows: number): Bank {
    return new Bank(rows, this.grammar.nts.length, this.indexedRoots.includes(1) ? this.indexedRoots : undefined);
  }

  /**
   * The entries that can fill argument `arg` of production `pi` at cost `k`, with parent-conditioned costs: a child
   * whose root the parent makes likelier counts as cheaper (and the reverse). Without bigram weights for this
   * (production, argument), this is just the (nonterminal, cost) bucket.
   */
  private argList(ctx: Ctx, pi: number, arg: number, nt: number, k: number): readonly number[] {
    const bank = ctx.bank;
    const edges = this.edges[pi]?.[arg];
    if (!edges) return bank.bucket(nt, k);
    const cacheable = arg < MAX_ARGS && k >= 0 && k < MAX_COST_KEY;
    const key = (pi * MAX_ARGS + arg) * MAX_COST_KEY + k;
    const cached = cacheable ? ctx.argLists.get(key) : undefined;
    if (cached) return cached;
    const mask = this.edgeMask[pi]?.[arg] as Uint8Array;
    const roots = bank.prod.data;
    const out: number[] = [];
    for (const e of bank.bucket(nt, k)) {
      const r = roots[e] as number;
      if (mask[r >= 0 ? r : mask.length - 1] !== 1) out.push(e);
    }
    // Buckets up to the context's last completed level are final; the list is if every bucket it read is.
    let complete = k <= ctx.level;
    for (const ed of edges) {
      const c = k - ed.delta;
      if (c >= 1 && ed.nt === nt) {
        if (c > ctx.level) complete = false;
        for (const e of bank.bucketByRoot(nt, c, ed.root)) out.push(e);
      }
    }
    if (complete && cacheable) ctx.argLists.set(key, out);
    return out;
  }

  /** When enumeration stops (a search may be given more time and continued: see synthesize's phases). */
  deadline: number;

  get main(): Ctx {
    return this.contexts[0] as Ctx;
  }

  onMainEntry(f: MainListener): void {
    this.listeners.push(f);
  }

  /**
   * Drops what the search built (banks, interned values, cached argument lists) once its results are taken. A
   * scavenge during a search may promote its tables to the old generation; dead old objects still count as roots
   * for later scavenges, so without this they would keep the young objects they point to alive until the next full
   * collection (measured: about 10% less time in garbage collection over 57 held-out MBPP specs, in process).
   */
  release(): void {
    for (const ctx of this.contexts) {
      ctx.bank.release();
      ctx.argLists.clear();
      ctx.argCostLists.clear();
    }
    this.contexts.length = 0;
    this.hofCtxs.length = 0;
    this.interner.release();
    this.listeners = [];
    delete this.onSolution;
  }

  /** The encoded form of a value for nonterminal `nt` (for targets and comparisons). */
  encodeFor(nt: number, value: Result): number {
    return encode(this.kinds[nt] ?? Kind.REF, value, this.interner);
  }

  /** The value of a main-context entry on example e (a PyError when it raised). */
  valueOf(entry: number, e: number): Result {
    const bank = this.main.bank;
    return decode(this.kinds[bank.nt.data[entry] as number] ?? Kind.REF, bank.raw(entry, e), this.interner.values);
  }

  /** Enumerates one more cost level in every context. Throws StopSearch when a limit is reached. */
  step(level: number): void {
    for (let i = 1; i < this.contexts.length; i++) this.catchUp(this.contexts[i] as Ctx, level);
    this.enumerateLevel(this.main, level);
  }

  /**
   * A comprehension body is only useful inside a main-context program that also pays for the source and the
   * comprehension itself, so a context lags the main level by that much: most of its work is never done.
   */
  private catchUp(ctx: Ctx, mainLevel: number): void {
    const src = ctx.source as Source;
    const target = mainLevel - src.cost - (this.minHofCost[src.nt] ?? 0);
    for (let l = ctx.level + 1; l <= target; l++) this.enumerateLevel(ctx, l);
  }

  get bytes(): number {
    let n = this.interner.bytes;
    for (const ctx of this.contexts) n += ctx.bank.bytes;
    return n + this.memo.bytes;
  }

  private paramNt(name: string): number {
    const p = this.grammar.prods.find((x) => x.kind === "var" && x.name === name);
    return p ? p.lhs : -1;
  }

  // -------------------------------------------------------------------------------------------------------
  // One level of one context

  private enumerateLevel(ctx: Ctx, level: number): void {
    if (ctx.filledSeen < ctx.bank.filled.length || ctx.dueSeen < Math.min(level, ctx.due.length - 1)) this.wake(ctx, level);
    const prods = this.grammar.prods;
    const cost = this.prodCost;
    const kind = this.prodKind;
    const live = ctx.live;
    let spent = false;
    for (let i = 0; i < live.length; i++) {
      const pi = live[i] as number;
      const c = cost[pi] as number;
      switch (kind[pi]) {
        case PK_LEAF:
          if (c === level) {
            const p = prods[pi] as Production & { kind: "var" | "const" | "seed" };
            const vals = p.kind === "var" ? this.varVals(ctx, p.name) : p.kind === "const" ? this.constVals(ctx, p.lhs, p.value) : this.seedVals(p.lhs, p.expr);
            this.offer(ctx, pi, p.lhs, level, NO_KIDS, vals);
          }
          if (c <= level) spent = true;
          break;
        case PK_OP:
          this.enumerateOp(ctx, pi, prods[pi] as Production & { kind: "op" }, level - c);
          break;
        default: {
          const within = this.hofCtxs[pi] as number[];
          if (level > c) this.enumerateHof(pi, prods[pi] as Production & { kind: "hof" }, level - c, within);
        }
      }
    }
    // A leaf is offered at its own level only: then it leaves the visits.
    if (spent) ctx.live = live.filter((pi) => kind[pi] !== PK_LEAF || (cost[pi] as number) > level);
    const bound = ctx.bound;
    for (let i = 0; i < bound.length; i++) {
      const b = bound[i] as Bound;
      if (this.boundCost[b.nt] === level) this.offer(ctx, -1 - i, b.nt, level, NO_KIDS, b.vals);
    }
    ctx.level = level;
  }

  private varVals(ctx: Ctx, name: string): Float64Array {
    const perExample = this.paramVals[this.paramNames.indexOf(name)] as Float64Array;
    return ctx.id === 0 ? perExample : Float64Array.from(ctx.rowExample, (e) => perExample[e] as number);
  }

  /** A seed's values on the examples, computed by the interpreter (seeds are whole programs over the parameters). */
  private seedVals(nt: number, expr: Expr): Float64Array {
    return Float64Array.from(this.inputs, (row) => {
      try {
        return this.encodeFor(nt, interpret(expr, this.paramNames, row));
      } catch {
        return this.encodeFor(nt, RESOURCE);
      }
    });
  }

  private constVals(ctx: Ctx, nt: number, value: Value): Float64Array {
    return new Float64Array(ctx.rows).fill(this.encodeFor(nt, value));
  }

  private scratch(rows: number): Float64Array {
    let t = this.scratchByRows[rows];
    if (!t) {
      t = new Float64Array(rows);
      this.scratchByRows[rows] = t;
      this.scratchBits[rows] = new Int32Array(t.buffer);
    }
    return t;
  }

  /**
   * Every way to give each argument a cost summing to `budget` such that every argument has candidates at its
   * cost (`list(i, k)` gives them). Only the costs in `costsAt(i)` are tried for argument i (a superset of the
   * costs where it has candidates, ascending), so the work per call follows the bank's distinct costs, not the
   * budget. Splits are visited in the same order as counting each argument's cost up from 1.
   */
  private splits(nts: readonly number[], budget: number, list: (i: number, k: number) => readonly number[], costsAt: (i: number) => readonly number[], f: (costs: number[], lists: (readonly number[])[]) => void): void {
    const n = nts.length;
    if (n === 0) return;
    const cands: (readonly number[])[] = [];
    for (let i = 0; i < n; i++) {
      const c = costsAt(i);
      if (c.length === 0) return;
      cands.push(c);
    }
    // rest[i] = the least total cost of arguments i..n-1.
    const rest = new Array<number>(n + 1).fill(0);
    for (let i = n - 1; i >= 0; i--) rest[i] = (rest[i + 1] as number) + Math.max(1, (cands[i] as readonly number[])[0] as number);
    if ((rest[0] as number) > budget) return;
    const costs: number[] = new Array<number>(n).fill(0);
    const lists: (readonly number[])[] = new Array<readonly number[]>(n).fill(EMPTY_LIST);
    // With three or more arguments the same (argument, cost) recurs across splits: lists are computed once.
    const cache: (readonly number[] | undefined)[][] | undefined = n > 2 ? Array.from({ length: n }, () => []) : undefined;
    const get = (i: number, k: number): readonly number[] => {
      if (!cache) return list(i, k);
      const row = cache[i] as (readonly number[] | undefined)[];
      let l = row[k];
      if (!l) {
        l = list(i, k);
        row[k] = l;
      }
      return l;
    };
    const go = (i: number, left: number): void => {
      if (i === n - 1) {
        const l = get(i, left);
        if (l.length > 0) {
          costs[i] = left;
          lists[i] = l;
          f(costs, lists);
        }
        return;
      }
      const c = cands[i] as readonly number[];
      const max = left - (rest[i + 1] as number);
      for (let j = 0; j < c.length; j++) {
        const k = c[j] as number;
        if (k < 1) continue;
        if (k > max) break;
        const l = get(i, k);
        if (l.length === 0) continue;
        costs[i] = k;
        lists[i] = l;
        go(i + 1, left - k);
      }
    };
    go(0, budget);
  }

  /**
   * The costs at which argument `arg` of production `pi` can have candidates in `bank`: the costs of nonterminal
   * `nt`'s buckets, and those shifted by the parent-conditioned deltas of its bigram edges (see argList).
   */
  private argCosts(ctx: Ctx, pi: number, arg: number, nt: number): readonly number[] {
    const base = ctx.bank.costsOf(nt);
    const deltas = this.edgeDeltas[pi]?.[arg];
    if (!deltas || base.length === 0) return base;
    // A nonterminal's cost list only grows (costs are inserted, never removed): its length identifies it.
    const key = pi * MAX_ARGS + arg;
    const cached = arg < MAX_ARGS ? ctx.argCostLists.get(key) : undefined;
    if (cached && cached.n === base.length) return cached.costs;
    const out = new Set<number>(base);
    for (const d of deltas) for (const c of base) out.add(c + d);
    const costs = [...out].sort((a, b) => a - b);
    if (arg < MAX_ARGS) ctx.argCostLists.set(key, { n: base.length, costs });
    return costs;
  }

  /**
   * The first level at which operator production pi (cost c) can have candidates in `bank`: c plus its arguments'
   * least costs (lowered by the most negative bigram delta), or 0 while some argument's nonterminal has no entry.
   * Most productions wait many levels for it, above all in comprehension contexts, whose banks hold few nonterminals.
   */
  private fillLevel(bank: Bank, pi: number, c: number): number {
    const args = this.prodArgs[pi] as readonly number[];
    const lows = this.minDelta[pi];
    let least = 0;
    for (let i = 0; i < args.length; i++) {
      const first = bank.costsOf(args[i] as number)[0];
      if (first === undefined) return 0;
      least += first + (lows ? (lows[i] as number) : 0);
    }
    return c + Math.max(1, least);
  }

  private enumerateOp(ctx: Ctx, pi: number, p: Production & { kind: "op" }, budget: number): void {
    let impl = this.impls[pi];
    if (impl === undefined) {
      impl = guardedImpl(p.prim.impl, p.args.length) ?? null;
      const size = p.prim.size;
      if (impl && size) {
        const { maxList, maxStr } = this.interner.limits;
        impl = sizeGuarded(impl, size, this.grammar.nts[p.lhs]?.type.kind === "str" ? maxStr : maxList, p.args.length);
      }
      this.impls[pi] = impl;
    }
    if (!impl) return;
    if (p.args.length === 1) {
      const list = this.argList(ctx, pi, 0, p.args[0] as number, budget);
      if (list.length > 0) this.loop1(ctx, pi, p, budget, impl, list);
      return;
    }
    if (p.args.length === 2) {
      this.enumerateOp2(ctx, pi, p, budget, impl);
      return;
    }
    this.splits(p.args, budget, (i, k) => this.argList(ctx, pi, i, p.args[i] as number, k), (i) => this.argCosts(ctx, pi, i, p.args[i] as number), (costs, lists) => {
      if (p.prim.select && p.args.length === 3) this.loopSelect(ctx, pi, p, costs, lists);
      else this.loopN(ctx, pi, p, costs, impl, lists);
    });
  }

  /**
   * enumerateOp for two arguments, the commonest case: the splits of `splits` (the same ones, in the same order)
   * without the closures and arrays it allocates on every call, for every operator at every level.
   */
  private enumerateOp2(ctx: Ctx, pi: number, p: Production & { kind: "op" }, budget: number, impl: Impl): void {
    const a0 = p.args[0] as number;
    const a1 = p.args[1] as number;
    const c0 = this.argCosts(ctx, pi, 0, a0);
    if (c0.length === 0) return;
    const c1 = this.argCosts(ctx, pi, 1, a1);
    if (c1.length === 0) return;
    const max = budget - Math.max(1, c1[0] as number);
    let costs: number[] | undefined;
    let lists: (readonly number[])[] | undefined;
    for (let j = 0; j < c0.length; j++) {
      const k = c0[j] as number;
      if (k < 1) continue;
      if (k > max) break;
      const l0 = this.argList(ctx, pi, 0, a0, k);
      if (l0.length === 0) continue;
      const l1 = this.argList(ctx, pi, 1, a1, budget - k);
      if (l1.length === 0) continue;
      // loop2 reads both arrays before it offers anything, so one pair serves every split of this call.
      costs ??= [0, 0];
      lists ??= [EMPTY_LIST, EMPTY_LIST];
      costs[0] = k;
      costs[1] = budget - k;
      lists[0] = l0;
      lists[1] = l1;
      this.loop2(ctx, pi, p, costs, impl, lists);
    }
  }

  private loop1(ctx: Ctx, pi: number, p: Production & { kind: "op" }, budget: number, impl: Impl, list: readonly number[]): void {
    const bank = ctx.bank;
    const R = ctx.rows;
    const vals = this.interner.values;
    const out = this.scratch(R);
    const ka = this.kinds[p.args[0] as number] as Kind;
    const kr = this.kinds[p.lhs] as Kind;
    const lazy = p.prim.lazy === true;
    const memo = this.memoOn[pi] === 1;
    const kids = [0];
    const level = budget + p.cost;
    for (let i = 0; i < list.length; i++) {
      const a = list[i] as number;
      const d = bank.vals.data;
      const oa = a * R;
      for (let r = 0; r < R; r++) {
        const xa = d[oa + r] as number;
        if (!lazy && isErrK(ka, xa)) {
          out[r] = errK(kr);
          continue;
        }
        const key = memo ? memoKey(ka, xa) : EMPTY;
        let y = key !== EMPTY ? this.memo.get(pi, key, 0) : undefined;
        if (y === undefined) {
          y = encode(kr, impl(decode(ka, xa, vals) as Value), this.interner);
          if (key !== EMPTY) this.memo.set(pi, key, 0, y);
        }
        out[r] = y;
      }
      kids[0] = a;
      this.offer(ctx, pi, p.lhs, level, kids, out);
    }
  }

  private loop2(ctx: Ctx, pi: number, p: Production & { kind: "op" }, costs: number[], impl: Impl, lists: readonly (readonly number[])[]): void {
    const k0 = this.kinds[p.args[0] as number];
    const k1 = this.kinds[p.args[1] as number];
    if (k0 === Kind.INT && k1 === Kind.INT && p.prim.fastInt && p.prim.impl) {
      this.loop2Int(ctx, pi, p, costs, p.prim.fastInt, p.prim.impl as (a: number, b: number) => Result, lists);
      return;
    }
    const numeric = k0 !== Kind.REF && k1 !== Kind.REF;
    if (numeric && this.memoOn[pi] !== 1 && p.prim.lazy !== true && p.prim.impl) {
      this.loop2Num(ctx, pi, p, costs, p.prim.impl as (a: number, b: number) => Result, lists);
      return;
    }
    const bank = ctx.bank;
    const R = ctx.rows;
    const vals = this.interner.values;
    const out = this.scratch(R);
    const ka = this.kinds[p.args[0] as number] as Kind;
    const kb = this.kinds[p.args[1] as number] as Kind;
    const kr = this.kinds[p.lhs] as Kind;
    const lazy = p.prim.lazy === true;
    const memo = this.memoOn[pi] === 1;
    const la = lists[0] as readonly number[];
    const lb = lists[1] as readonly number[];
    const kids = [0, 0];
    const level = (costs[0] as number) + (costs[1] as number) + p.cost;
    const constLast = CONST_LAST.has(p.prim.name);
    const prodOf = bank.prod.data;
    for (let i = 0; i < la.length; i++) {
      const a = la[i] as number;
      const aConst = constLast && this.isConstProd[prodOf[a] as number] === 1;
      for (let j = 0; j < lb.length; j++) {
        const b = lb[j] as number;
        if (aConst && this.isConstProd[prodOf[b] as number] !== 1) continue;
        const d = bank.vals.data;
        const oa = a * R;
        const ob = b * R;
        for (let r = 0; r < R; r++) {
          const xa = d[oa + r] as number;
          const xb = d[ob + r] as number;
          if (!lazy && (isErrK(ka, xa) || isErrK(kb, xb))) {
            out[r] = errK(kr);
            continue;
          }
          const k1 = memo ? memoKey(ka, xa) : EMPTY;
          const k2 = k1 !== EMPTY ? memoKey(kb, xb) : EMPTY;
          let y = k2 !== EMPTY ? this.memo.get(pi, k1, k2) : undefined;
          if (y === undefined) {
            y = encode(kr, impl(decode(ka, xa, vals) as Value, decode(kb, xb, vals) as Value), this.interner);
            if (k2 !== EMPTY) this.memo.set(pi, k1, k2, y);
          }
          out[r] = y;
        }
        kids[0] = a;
        kids[1] = b;
        this.offer(ctx, pi, p.lhs, level, kids, out);
      }
    }
  }

  /**
   * The hot loop for arithmetic and comparisons: both arguments are numbers stored as themselves, so no decoding,
   * no memo and no wrapper closure. Boxed bigints and errors take the general path row by row.
   */
  private loop2Num(ctx: Ctx, pi: number, p: Production & { kind: "op" }, costs: number[], f: (a: number, b: number) => Result, lists: readonly (readonly number[])[]): void {
    const bank = ctx.bank;
    const R = ctx.rows;
    const out = this.scratch(R);
    const ka = this.kinds[p.args[0] as number] as Kind;
    const kb = this.kinds[p.args[1] as number] as Kind;
    const kr = this.kinds[p.lhs] as Kind;
    const vals = this.interner.values;
    const interner = this.interner;
    const la = lists[0] as readonly number[];
    const lb = lists[1] as readonly number[];
    const kids = [0, 0];
    const level = (costs[0] as number) + (costs[1] as number) + p.cost;
    const constLast = CONST_LAST.has(p.prim.name);
    const prodOf = bank.prod.data;
    const isConst = this.isConstProd;
    for (let i = 0; i < la.length; i++) {
      const a = la[i] as number;
      const aConst = constLast && isConst[prodOf[a] as number] === 1;
      kids[0] = a;
      for (let j = 0; j < lb.length; j++) {
        const b = lb[j] as number;
        if (aConst && isConst[prodOf[b] as number] !== 1) continue;
        const d = bank.vals.data;
        const oa = a * R;
        const ob = b * R;
        for (let r = 0; r < R; r++) {
          const xa = d[oa + r] as number;
          const xb = d[ob + r] as number;
          let y: Result;
          if (xa !== xa || xb !== xb) {
            out[r] = errK(kr);
            continue;
          }
          if (xa > MAX_SAFE || xa < -MAX_SAFE || xb > MAX_SAFE || xb < -MAX_SAFE) y = f(decode(ka, xa, vals) as number, decode(kb, xb, vals) as number);
          else {
            try {
              y = f(xa, xb);
            } catch {
              y = RESOURCE;
            }
          }
          if (typeof y === "number") out[r] = kr === Kind.REF ? interner.id(y) : y === y ? y + 0 : NaN;
          else if (y === true) out[r] = kr === Kind.REF ? TRUE_ID : 1;
          else if (y === false) out[r] = kr === Kind.REF ? FALSE_ID : 0;
          else out[r] = encode(kr, y, interner);
        }
        kids[1] = b;
        this.offer(ctx, pi, p.lhs, level, kids, out);
      }
    }
  }

  /**
   * Integer operators computed inline (Primitive.fastInt): safe ints in, the JS operator, and the primitive's own
   * semantics only for what the operator cannot do exactly (errors, bigints, results beyond 2^53).
   */
  private loop2Int(ctx: Ctx, pi: number, p: Production & { kind: "op" }, costs: number[], op: NonNullable<Primitive["fastInt"]>, f: (a: number, b: number) => Result, lists: readonly (readonly number[])[]): void {
    const bank = ctx.bank;
    const R = ctx.rows;
    const out = this.scratch(R);
    const kr = this.kinds[p.lhs] as Kind;
    const boolOut = kr === Kind.REF;
    const vals = this.interner.values;
    const interner = this.interner;
    const la = lists[0] as readonly number[];
    const lb = lists[1] as readonly number[];
    const kids = [0, 0];
    const level = (costs[0] as number) + (costs[1] as number) + p.cost;
    const constLast = CONST_LAST.has(p.prim.name);
    const prodOf = bank.prod.data;
    const isConst = this.isConstProd;
    const code = FAST_CODES[op];
    // Comparison results, encoded once for the result's kind.
    const yes = boolOut ? TRUE_ID : encode(kr, true, interner);
    const no = boolOut ? FALSE_ID : encode(kr, false, interner);
    // Scan b's vectors sequentially from its bucket's contiguous copy when lb is exactly that bucket.
    const plainB = lb === bank.bucket(p.args[1] as number, costs[1] as number);
    const xsA = new Float64Array(R);
    // Plain pairs' results go into a batch of vectors; see flushBatch.
    const batch = this.batchFor(R);
    const bv = batch.vals;
    let n = 0;
    for (let i = 0; i < la.length; i++) {
      const a = la[i] as number;
      const aConst = constLast && isConst[prodOf[a] as number] === 1;
      kids[0] = a;
      const av = bank.vals.data;
      for (let r = 0; r < R; r++) xsA[r] = av[a * R + r] as number;
      const dB = plainB ? bank.bucketData(p.args[1] as number, costs[1] as number) : bank.vals.data;
      // Stale after a growth of the bank only for entries added since, and lb holds none of those.
      const plainOf = bank.plain.data;
      const aPlain = plainOf[a] === 1;
      for (let j = 0; j < lb.length; j++) {
        const b = lb[j] as number;
        if (aConst && isConst[prodOf[b] as number] !== 1) continue;
        const ob = plainB ? j * R : b * R;
        if (aPlain && plainOf[b] === 1) {
          // Both vectors are safe integers: one tight loop per operator, checks only on results out of range.
          const o = n * R;
          switch (code) {
            case 0:
              for (let r = 0; r < R; r++) {
                const y = (xsA[r] as number) + (dB[ob + r] as number);
                bv[o + r] = y <= MAX_SAFE && y >= -MAX_SAFE ? y : encode(kr, f(xsA[r] as number, dB[ob + r] as number), interner);
              }
              break;
            case 1:
              for (let r = 0; r < R; r++) {
                const y = (xsA[r] as number) - (dB[ob + r] as number);
                bv[o + r] = y <= MAX_SAFE && y >= -MAX_SAFE ? y : encode(kr, f(xsA[r] as number, dB[ob + r] as number), interner);
              }
              break;
            case 2:
              for (let r = 0; r < R; r++) {
                const y = (xsA[r] as number) * (dB[ob + r] as number);
                bv[o + r] = y <= MAX_SAFE && y >= -MAX_SAFE ? y + 0 : encode(kr, f(xsA[r] as number, dB[ob + r] as number), interner);
              }
              break;
            case 3:
              for (let r = 0; r < R; r++) bv[o + r] = (xsA[r] as number) < (dB[ob + r] as number) ? yes : no;
              break;
            case 4:
              for (let r = 0; r < R; r++) bv[o + r] = (xsA[r] as number) <= (dB[ob + r] as number) ? yes : no;
              break;
            case 5:
              for (let r = 0; r < R; r++) bv[o + r] = (xsA[r] as number) > (dB[ob + r] as number) ? yes : no;
              break;
            case 6:
              for (let r = 0; r < R; r++) bv[o + r] = (xsA[r] as number) >= (dB[ob + r] as number) ? yes : no;
              break;
            case 7:
              for (let r = 0; r < R; r++) bv[o + r] = (xsA[r] as number) === (dB[ob + r] as number) ? yes : no;
              break;
            default:
              for (let r = 0; r < R; r++) bv[o + r] = (xsA[r] as number) !== (dB[ob + r] as number) ? yes : no;
          }
          batch.args[n * BATCH_ARITY] = a;
          batch.args[n * BATCH_ARITY + 1] = b;
          if (++n === BATCH) n = this.flushBatch(ctx, pi, p.lhs, level, batch, n, 2);
          continue;
        }
        // Keep the order of offers: the batch goes first.
        if (n > 0) n = this.flushBatch(ctx, pi, p.lhs, level, batch, n, 2);
        for (let r = 0; r < R; r++) {
          const xa = xsA[r] as number;
          const xb = dB[ob + r] as number;
          if (xa > MAX_SAFE || xa < -MAX_SAFE || xb > MAX_SAFE || xb < -MAX_SAFE || xa !== xa || xb !== xb) {
            out[r] = xa !== xa || xb !== xb ? errK(kr) : encode(kr, f(decode(Kind.INT, xa, vals) as number, decode(Kind.INT, xb, vals) as number), interner);
            continue;
          }
          switch (code) {
            case 0: {
              const y = xa + xb;
              out[r] = y <= MAX_SAFE && y >= -MAX_SAFE ? y : encode(kr, f(xa, xb), interner);
              break;
            }
            case 1: {
              const y = xa - xb;
              out[r] = y <= MAX_SAFE && y >= -MAX_SAFE ? y : encode(kr, f(xa, xb), interner);
              break;
            }
            case 2: {
              const y = xa * xb;
              out[r] = y <= MAX_SAFE && y >= -MAX_SAFE ? y + 0 : encode(kr, f(xa, xb), interner);
              break;
            }
            case 3:
              out[r] = xa < xb ? yes : no;
              break;
            case 4:
              out[r] = xa <= xb ? yes : no;
              break;
            case 5:
              out[r] = xa > xb ? yes : no;
              break;
            case 6:
              out[r] = xa >= xb ? yes : no;
              break;
            case 7:
              out[r] = xa === xb ? yes : no;
              break;
            default:
              out[r] = xa !== xb ? yes : no;
          }
        }
        kids[1] = b;
        this.offer(ctx, pi, p.lhs, level, kids, out);
      }
    }
    if (n > 0) this.flushBatch(ctx, pi, p.lhs, level, batch, n, 2);
  }

  /**
   * Conditionals (Primitive.select): each row copies the encoded value of the branch its condition picks, with no
   * decoding, no call and no interning; candidates are offered in batches.
   */
  private loopSelect(ctx: Ctx, pi: number, p: Production & { kind: "op" }, costs: number[], lists: readonly (readonly number[])[]): void {
    const bank = ctx.bank;
    const R = ctx.rows;
    const err = errK(this.kinds[p.lhs] as Kind);
    const lc = lists[0] as readonly number[];
    const lt = lists[1] as readonly number[];
    const le = lists[2] as readonly number[];
    const level = (costs[0] as number) + (costs[1] as number) + (costs[2] as number) + p.cost;
    const batch = this.batchFor(R);
    const bv = batch.vals;
    const args = batch.args;
    const cond = new Float64Array(R);
    let n = 0;
    for (let i = 0; i < lc.length; i++) {
      const c = lc[i] as number;
      let d = bank.vals.data;
      for (let r = 0; r < R; r++) cond[r] = d[c * R + r] as number;
      for (let j = 0; j < lt.length; j++) {
        const t = lt[j] as number;
        for (let k = 0; k < le.length; k++) {
          const e = le[k] as number;
          // The bank may have grown during a flush: read its current array (old entries keep their offsets).
          d = bank.vals.data;
          const o = n * R;
          for (let r = 0; r < R; r++) {
            const x = cond[r] as number;
            bv[o + r] = x === TRUE_ID ? (d[t * R + r] as number) : x === FALSE_ID ? (d[e * R + r] as number) : err;
          }
          args[n * BATCH_ARITY] = c;
          args[n * BATCH_ARITY + 1] = t;
          args[n * BATCH_ARITY + 2] = e;
          if (++n === BATCH) n = this.flushBatch(ctx, pi, p.lhs, level, batch, n, 3);
        }
      }
    }
    if (n > 0) this.flushBatch(ctx, pi, p.lhs, level, batch, n, 3);
  }

  private loopN(ctx: Ctx, pi: number, p: Production & { kind: "op" }, costs: number[], impl: Impl, argLists: readonly (readonly number[])[]): void {
    const bank = ctx.bank;
    const R = ctx.rows;
    const vals = this.interner.values;
    const out = this.scratch(R);
    const kinds = p.args.map((nt) => this.kinds[nt] as Kind);
    const kr = this.kinds[p.lhs] as Kind;
    const lazy = p.prim.lazy === true;
    const lists = [...argLists];
    const n = lists.length;
    const idx = new Array<number>(n).fill(0);
    const kids = new Array<number>(n).fill(0);
    const args = new Array<Value>(n);
    const level = costs.reduce((s, x) => s + x, 0) + p.cost;
    if (lists.some((l) => l.length === 0)) return;
    for (;;) {
      for (let k = 0; k < n; k++) kids[k] = (lists[k] as readonly number[])[idx[k] as number] as number;
      const d = bank.vals.data;
      for (let r = 0; r < R; r++) {
        let err = false;
        for (let k = 0; k < n; k++) {
          const x = d[(kids[k] as number) * R + r] as number;
          const kk = kinds[k] as Kind;
          if (!lazy && isErrK(kk, x)) err = true;
          args[k] = decode(kk, x, vals) as Value;
        }
        out[r] = err ? errK(kr) : encode(kr, impl(...args), this.interner);
      }
      this.offer(ctx, pi, p.lhs, level, kids, out);
      let k = n - 1;
      while (k >= 0) {
        idx[k] = (idx[k] as number) + 1;
        if ((idx[k] as number) < (lists[k] as readonly number[]).length) break;
        idx[k] = 0;
        k--;
      }
      if (k < 0) return;
    }
  }

  private enumerateHof(pi: number, p: Production & { kind: "hof" }, budget: number, within: readonly number[]): void {
    for (let i = 0; i < within.length; i++) {
      const L = this.contexts[within[i] as number] as Ctx;
      const src = L.source as Source;
      const rest = budget - src.cost;
      if (rest < p.bodies.length || !this.bodiesFit(L.bank, pi, rest)) continue;
      if (p.bodies.length === 1) {
        // One body takes the whole budget: splits without its closures (most comprehensions, in every context).
        const list = this.argList(L, pi, 1, p.bodies[0] as number, rest);
        if (list.length > 0) this.hofLoop(L, pi, p, [list], budget + p.cost);
        continue;
      }
      this.splits(
        p.bodies,
        rest,
        (i, k) => this.argList(L, pi, i + 1, p.bodies[i] as number, k),
        (i) => this.argCosts(L, pi, i + 1, p.bodies[i] as number),
        (_costs, lists) => this.hofLoop(L, pi, p, lists, budget + p.cost),
      );
    }
  }

  /**
   * Whether the lambda bodies of comprehension pi can have candidates in `bank` within `budget`: what splits would
   * find before calling back (every body nonterminal has entries, the least costs fit), without its allocations:
   * most comprehensions fail this in most contexts at most levels.
   */
  private bodiesFit(bank: Bank, pi: number, budget: number): boolean {
    const bodies = this.prodArgs[pi] as readonly number[];
    const lows = this.minDelta[pi];
    let least = 0;
    for (let i = 0; i < bodies.length; i++) {
      const first = bank.costsOf(bodies[i] as number)[0];
      if (first === undefined) return false;
      least += Math.max(1, first + (lows ? (lows[i + 1] as number) : 0));
    }
    return least <= budget;
  }

  private prodKinds(pi: number, nts: readonly number[]): readonly Kind[] {
    let ks = this.argKinds[pi];
    if (!ks) {
      ks = nts.map((nt) => this.kinds[nt] as Kind);
      this.argKinds[pi] = ks;
    }
    return ks;
  }

  private hofLoop(L: Ctx, pi: number, p: Production & { kind: "hof" }, bodyLists: readonly (readonly number[])[], level: number): void {
    const lists = bodyLists;
    const n = lists.length;
    let hof = this.hofImpls[pi];
    if (hof === undefined) {
      hof = guardedHof(p.prim.hof, n) ?? null;
      this.hofImpls[pi] = hof;
    }
    if (!hof || lists.some((l) => l.length === 0)) return;
    const bodyKinds = this.prodKinds(pi, p.bodies);
    const idx = new Array<number>(n).fill(0);
    const out = this.scratch(this.E);
    const src = L.source as Source;
    const srcKind = this.kinds[src.nt] as Kind;
    const kr = this.kinds[p.lhs] as Kind;
    const main = this.main.bank;
    const vals = this.interner.values;
    // One arguments array for every candidate of this call (the bank copies it): the source entry, the context, the bodies.
    const kids = new Array<number>(n + 2).fill(0);
    kids[0] = src.entry;
    kids[1] = L.id;
    // A body's values on one example's rows (the hof may keep the array as its result, so each call gets its own).
    const rowsOf = (b: number, k: number, r0: number, r1: number): Result[] => {
      const arr: Result[] = new Array<Result>(r1 - r0);
      for (let r = r0; r < r1; r++) arr[r - r0] = decode(bodyKinds[k] as Kind, L.bank.raw(b, r), vals);
      return arr;
    };
    for (;;) {
      for (let k = 0; k < n; k++) kids[k + 2] = (lists[k] as readonly number[])[idx[k] as number] as number;
      for (let e = 0; e < this.E; e++) {
        const sx = main.raw(src.entry, e);
        if (isErrK(srcKind, sx)) {
          out[e] = errK(kr);
          continue;
        }
        const r0 = L.exStart[e] as number;
        const r1 = L.exStart[e + 1] as number;
        const sv = decode(srcKind, sx, vals) as Value;
        // Comprehensions have one or two bodies: those calls pass their arrays without a rest array.
        const y =
          n === 1
            ? hof(sv, rowsOf(kids[2] as number, 0, r0, r1))
            : n === 2
              ? hof(sv, rowsOf(kids[2] as number, 0, r0, r1), rowsOf(kids[3] as number, 1, r0, r1))
              : hof(sv, ...kids.slice(2).map((b, k) => rowsOf(b, k, r0, r1)));
        out[e] = encode(kr, y, this.interner);
      }
      this.offer(this.main, pi, p.lhs, level, kids, out);
      let k = n - 1;
      while (k >= 0) {
        idx[k] = (idx[k] as number) + 1;
        if ((idx[k] as number) < (lists[k] as readonly number[]).length) break;
        idx[k] = 0;
        k--;
      }
      if (k < 0) return;
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Offering a candidate

  private offer(ctx: Ctx, prod: number, nt: number, cost: number, kids: readonly number[], vec: Float64Array): void {
    const bits = this.bitsView(vec);
    this.offerHashed(ctx, prod, nt, cost, kids, vec, bits, hashBits(bits, 0, ctx.rows, nt));
  }

  /** offer() for a vector whose bits view and hash the caller has already. */
  private offerHashed(ctx: Ctx, prod: number, nt: number, cost: number, kids: readonly number[], vec: Float64Array, bits: Int32Array, h: number): void {
    this.accept(ctx, prod, nt, cost, kids, vec, 0, bits, h, hashBits2(bits, 0, ctx.rows, nt));
  }

  /**
   * Counts the candidate whose vector is vec[voff, voff + rows) (`bits` the Int32 view of vec, (h, h2) its
   * fingerprint), reports it when it is a solution, and keeps it when no entry has the same values.
   */
  private accept(ctx: Ctx, prod: number, nt: number, cost: number, kids: readonly number[], vec: Float64Array, voff: number, bits: Int32Array, h: number, h2: number): void {
    if ((++this.candidates & 1023) === 0) this.checkLimits();
    const bank = ctx.bank;
    if (h === this.targetHash && ctx.id === 0 && nt === this.grammar.start && this.isTarget(bits, 2 * voff)) this.onSolution?.(prod, cost, kids);
    if (bank.lookup(nt, h, h2) >= 0) return;
    const e = bank.add(nt, cost, prod, kids, h, h2, vec, voff);
    if (ctx.id === 0) {
      if (cost < (this.minCostByNt[nt] ?? Infinity)) this.minCostByNt[nt] = cost;
      if (this.listeners.length > 0) {
        const own = voff === 0 && vec.length === ctx.rows ? vec : vec.slice(voff, voff + ctx.rows);
        for (const f of this.listeners) f(e, own);
      }
      this.maybeOpenContexts(e, nt, cost);
    }
  }

  /**
   * Offers a batch of candidates of one production, whose vectors are in batch.vals and whose arguments are in
   * batch.args (BATCH_ARITY per candidate; `arity` of them are used): hashes them all, warms the table's
   * cache lines for all of them (independent loads the processor overlaps), then accepts them in order, so each
   * lookup hits the cache instead of waiting for memory on its own. Returns 0 (the batch's new fill).
   */
  private flushBatch(ctx: Ctx, prod: number, nt: number, cost: number, batch: Batch, n: number, arity: number): number {
    const R = ctx.rows;
    hashBatch(batch.bits, n, R, nt, batch.h, batch.h2);
    this.sink ^= ctx.bank.touch(nt, batch.h, n);
    const kids = batch.kids[arity] as number[];
    for (let k = 0; k < n; k++) {
      for (let x = 0; x < arity; x++) kids[x] = batch.args[k * BATCH_ARITY + x] as number;
      this.accept(ctx, prod, nt, cost, kids, batch.vals, k * R, batch.bits, batch.h[k] as number, batch.h2[k] as number);
    }
    return 0;
  }

  /** The batch buffers for vectors of `rows` rows (made once per row count). */
  private batchFor(rows: number): Batch {
    let b = this.batches[rows];
    if (!b) {
      const vals = new Float64Array(BATCH * rows);
      b = { vals, bits: new Int32Array(vals.buffer), args: new Int32Array(BATCH * BATCH_ARITY), h: new Int32Array(BATCH), h2: new Int32Array(BATCH), kids: Array.from({ length: BATCH_ARITY + 1 }, (_, k) => new Array<number>(k).fill(0)) };
      this.batches[rows] = b;
    }
    return b;
  }

  private readonly batches: Batch[] = [];
  /** Keeps the table warm-up loads observable (see flushBatch). */
  private sink = 0;

  /** The Int32 view of a vector's bytes: the scratch vectors' views are kept, others (terminals) made once. */
  private bitsView(vec: Float64Array): Int32Array {
    const s = this.scratchBits[vec.length];
    if (s && this.scratchByRows[vec.length] === vec) return s;
    return new Int32Array(vec.buffer, vec.byteOffset, vec.length * 2);
  }

  /**
   * Called for every main-context candidate of the start nonterminal whose values equal the target, before the
   * equivalence check (so that equal-valued alternatives are all seen).
   */
  onSolution?: (prod: number, cost: number, kids: readonly number[]) => void;
  private targetBits: Int32Array | undefined;
  private targetHash = 0;

  /** The expected outputs (encoded for the start nonterminal): candidates equal to them are solutions. */
  setTarget(target: Float64Array): void {
    this.targetBits = new Int32Array(Float64Array.from(target).buffer);
    this.targetHash = hashBits(this.targetBits, 0, this.E, this.grammar.start);
  }

  private isTarget(bits: Int32Array, off = 0): boolean {
    const t = this.targetBits;
    if (!t) return false;
    for (let i = 0; i < 2 * this.E; i++) if (bits[off + i] !== t[i]) return false;
    return true;
  }

  private checkLimits(): void {
    if (performance.now() > this.deadline) throw new StopSearch("timeLimit");
    const b = this.bytes;
    if (b > this.peakBytes) this.peakBytes = b;
    if (b > this.limits.maxBytes) throw new StopSearch("memoryLimit");
  }

  // -------------------------------------------------------------------------------------------------------
  // Comprehension contexts

  private maybeOpenContexts(entry: number, nt: number, cost: number): void {
    if (this.sourceNts[nt] !== 1 || this.contexts.length > (this.limits.maxContexts ?? 8)) return;
    const type = (this.grammar.nts[nt] as { type: Type }).type;
    const el = iterElement(type);
    if (!el || type.kind === "set") return;
    if (cost > (this.minCostByNt[nt] ?? cost) + (this.limits.sourceSlack ?? 8)) return;
    const elements: (readonly Value[])[] = [];
    for (let e = 0; e < this.E; e++) elements.push(iterValues(this.valueOf(entry, e)));
    const rows = elements.reduce((n, xs) => n + xs.length, 0);
    if (rows === 0 || rows > (this.limits.maxContextRows ?? 4000)) return;
    // Iterating a constant, or sequences of at most one element, gives nothing a plain expression cannot.
    if (rows <= this.E || this.isConstantEntry(entry)) return;
    const single = this.ntOf(el);
    if (el.kind === "tuple" && el.els.length > 1) {
      const parts = el.els.map((t) => this.ntOf(t));
      if (parts.every((x) => x >= 0)) this.openContext(entry, nt, cost, elements, "comp", el, parts);
      if (single >= 0) this.openContext(entry, nt, cost, elements, "lambda", el, [single]);
    } else if (single >= 0) {
      this.openContext(entry, nt, cost, elements, "both", el, [single]);
    }
  }

  /** True when the entry has the same value on every example (it does not depend on the inputs). */
  private isConstantEntry(entry: number): boolean {
    const bank = this.main.bank;
    const first = bank.raw(entry, 0);
    for (let e = 1; e < this.E; e++) if (!Object.is(bank.raw(entry, e), first)) return false;
    return this.E > 1;
  }

  private ntOf(t: Type): number {
    return this.grammar.ntIndex.get(typeKey(t)) ?? -1;
  }

  private openContext(entry: number, nt: number, cost: number, elements: (readonly Value[])[], binder: Source["binder"], elType: Type, varNts: number[]): void {
    const rows = elements.reduce((n, xs) => n + xs.length, 0);
    const rowExample = new Int32Array(rows);
    const exStart = new Int32Array(this.E + 1);
    const flat: Value[] = [];
    elements.forEach((xs, e) => {
      exStart[e] = flat.length;
      for (const x of xs) {
        rowExample[flat.length] = e;
        flat.push(x);
      }
    });
    exStart[this.E] = flat.length;
    const names = this.boundNames(entry, elType, varNts.length);
    const bound: Bound[] = varNts.map((vnt, k) => ({
      name: names[k] as string,
      nt: vnt,
      type: (this.grammar.nts[vnt] as { type: Type }).type,
      vals: Float64Array.from(flat, (x) => this.encodeFor(vnt, varNts.length === 1 ? x : ((x as readonly Value[])[k] ?? null))),
    }));
    const id = this.contexts.length;
    const ctx: Ctx = { id, bank: this.newBank(rows), rows, rowExample, exStart, bound, level: 0, argLists: new Map(), argCostLists: new Map(), ...this.visits(this.ctxOrder), source: { entry, nt, cost, binder, names, elType } };
    this.contexts.push(ctx);
    for (let i = 0; i < this.hofProds.length; i++) {
      const pi = this.hofProds[i] as number;
      const p = this.grammar.prods[pi] as Production & { kind: "hof" };
      if (p.source !== nt || (binder !== "both" && binder !== (p.prim.binder ?? "comp"))) continue;
      let within = this.hofCtxs[pi];
      if (within === undefined) {
        this.hofCtxs[pi] = within = [];
        schedule(this.main.due, this.main.level + 2, pi);
      }
      within.push(id);
    }
    this.catchUp(ctx, this.main.level + 1);
  }

  /** Loop variable names: idiomatic (c for characters, i/x for enumerate) and never shadowing a parameter. */
  private boundNames(entry: number, elType: Type, n: number): string[] {
    const p = this.grammar.prods[this.main.bank.prod.data[entry] as number];
    const op = p && (p.kind === "op" || p.kind === "hof") ? p.prim.name : "";
    const srcType = (this.grammar.nts[this.main.bank.nt.data[entry] as number] as { type: Type }).type;
    let base: string[];
    if (n > 1) base = op === "seq.enumerate" ? ["i", "x"] : op === "dict.items" ? ["k", "v"] : ["a", "b", "c"].slice(0, n);
    else if (elType.kind === "tuple") base = ["p"];
    else if (srcType.kind === "str") base = ["c"];
    else if (op === "str.split" || op === "str.splitsep") base = ["w"];
    else if (op.startsWith("range.")) base = ["i"];
    else base = ["x"];
    const taken = new Set(this.paramNames);
    return base.map((b) => {
      let name = b;
      for (let k = 2; taken.has(name); k++) name = `${b}${k}`;
      taken.add(name);
      return name;
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Programs from entries

  /** The program of an entry of a context. */
  toExpr(ctxId: number, entry: number): Expr {
    const ctx = this.contexts[ctxId] as Ctx;
    const bank = ctx.bank;
    const pi = bank.prod.data[entry] as number;
    const type = (this.grammar.nts[bank.nt.data[entry] as number] as { type: Type }).type;
    if (pi < 0) {
      const b = ctx.bound[-1 - pi];
      return v(b?.name ?? "x", type);
    }
    return this.prodExpr(pi, bank.kidsOf(entry), ctxId, type);
  }

  /** The program of a production applied to children (entries of `ctxId`; for HOFs, see the kids layout). */
  prodExpr(pi: number, kids: readonly number[], ctxId: number, type: Type): Expr {
    const p = this.grammar.prods[pi] as Production;
    switch (p.kind) {
      case "var":
        return v(p.name, type);
      case "const":
        return c(p.value, type);
      case "seed":
        return p.expr;
      case "op":
        return call(p.prim.name, type, ...kids.map((k) => this.toExpr(ctxId, k)));
      case "hof": {
        const [srcEntry = 0, lctx = 1, ...bodies] = kids;
        const L = this.contexts[lctx] as Ctx;
        const names = (L.source as Source).names;
        return call(p.prim.name, type, this.toExpr(0, srcEntry), ...bodies.map((b) => lam(names, this.toExpr(lctx, b))));
      }
    }
  }

  /** The truth vector of a main-context bool entry as bits, or undefined when it raises on some example. */
  truthBits(entry: number): Bits | undefined {
    const b = bitsOf(this.E);
    for (let e = 0; e < this.E; e++) {
      const id = this.main.bank.raw(entry, e);
      if (id === TRUE_ID) setBit(b, e);
      else if (id !== FALSE_ID) return undefined;
    }
    return b;
  }
}

const NO_KIDS: readonly number[] = [];
const NO_ARGS: readonly number[] = [];
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const FAST_CODES: Readonly<Record<NonNullable<Primitive["fastInt"]>, number>> = { add: 0, sub: 1, mul: 2, lt: 3, le: 4, gt: 5, ge: 6, eq: 7, ne: 8 };
const EMPTY_LIST: readonly number[] = [];
/** Bounds of the argument-list cache keys: arguments per production, and costs (lists of costs beyond are not cached). */
const MAX_ARGS = 8;
const MAX_COST_KEY = 4096;

/** A child root production whose cost changes by `delta` units under a given parent and argument. */
interface EdgeDelta {
  readonly root: number;
  readonly nt: number;
  readonly delta: number;
}

/** The op name a production contributes to a program tree ("var", "const" or the primitive's name). */
function opName(p: Production): string {
  return p.kind === "var" ? "var" : p.kind === "const" ? "const" : p.kind === "seed" ? "seed" : p.prim.name;
}

/** bigramTables with what the enumerator derives from them; read only, so grammars of one shape share them. */
interface BigramTables {
  readonly edges: readonly (readonly (readonly EdgeDelta[] | undefined)[] | undefined)[];
  readonly masks: readonly (readonly (Uint8Array | undefined)[] | undefined)[];
  readonly roots: Uint8Array;
  /** Per production (dense: reading past the end of a sparse array is slow in V8): each argument's most negative delta. */
  readonly minDelta: readonly (Int32Array | undefined)[];
  /** Per [production][argument]: the distinct deltas of its edges. */
  readonly edgeDeltas: readonly (readonly (readonly number[] | undefined)[] | undefined)[];
}

const BIGRAM_TABLES = new WeakMap<ReadonlyMap<string, ReadonlyMap<string, number>>, Map<string, BigramTables>>();
const BIGRAM_TABLES_SIZE = 256;

/**
 * The bigram tables of a grammar, kept per weights and grammar shape (Grammar.shape): they depend on the
 * productions' kinds, left-hand sides and operators only, and making them was about a quarter of the enumerator's
 * set-up, which every search pays.
 */
function bigramTablesOf(g: Grammar, bigram: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined): BigramTables {
  if (!bigram || bigram.size === 0 || g.shape === undefined) return derivedTables(g, bigramTables(g, bigram));
  let byShape = BIGRAM_TABLES.get(bigram);
  if (!byShape) {
    byShape = new Map();
    BIGRAM_TABLES.set(bigram, byShape);
  }
  let t = byShape.get(g.shape);
  if (!t) {
    t = derivedTables(g, bigramTables(g, bigram));
    if (byShape.size >= BIGRAM_TABLES_SIZE) byShape.clear();
    byShape.set(g.shape, t);
  }
  return t;
}

function derivedTables(g: Grammar, bi: ReturnType<typeof bigramTables>): BigramTables {
  const minDelta = g.prods.map((_, pi) => {
    const perArg = pi < bi.edges.length ? bi.edges[pi] : undefined;
    return perArg ? Int32Array.from(perArg, (list) => Math.min(0, ...(list ?? []).map((e) => e.delta))) : undefined;
  });
  const edgeDeltas = bi.edges.map((perArg) => perArg?.map((list) => (list ? [...new Set(list.map((e) => e.delta))] : undefined)));
  return { ...bi, minDelta, edgeDeltas };
}

/**
 * Turns bigram weights into per-(production, argument) cost changes of child roots. A weight of b bits makes
 * the child cheaper by round(b * COST_SCALE) units under that parent. The last root slot stands for bound
 * loop variables (op "var").
 */
function bigramTables(g: Grammar, bigram: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined): {
  edges: (readonly (readonly EdgeDelta[] | undefined)[] | undefined)[];
  masks: (readonly (Uint8Array | undefined)[] | undefined)[];
  roots: Uint8Array;
} {
  const nRoots = g.prods.length + 1;
  const roots = new Uint8Array(nRoots);
  const edges: (readonly (readonly EdgeDelta[] | undefined)[] | undefined)[] = [];
  const masks: (readonly (Uint8Array | undefined)[] | undefined)[] = [];
  if (!bigram || bigram.size === 0) return { edges, masks, roots };
  // Child productions by left-hand side (an argument's edges come from its nonterminal's productions only) and by
  // op name: made when the first row is used (most grammars of a type universe have few rows or none).
  let byLhs: number[][] | undefined;
  let byName: Map<string, number[]> | undefined;
  const index = (): { byLhs: number[][]; byName: Map<string, number[]> } => {
    if (!byLhs || !byName) {
      const lhs: number[][] = g.nts.map(() => []);
      const names = new Map<string, number[]>();
      g.prods.forEach((p, ci) => {
        lhs[p.lhs]?.push(ci);
        const name = opName(p);
        const list = names.get(name);
        if (list) list.push(ci);
        else names.set(name, [ci]);
      });
      byLhs = lhs;
      byName = names;
    }
    return { byLhs, byName };
  };
  // One mask and one delta table per bigram row ("parent/arg"), shared by the parent's instantiations: an argument
  // list only tests the roots of its own nonterminal's entries, so roots of other nonterminals may be marked too.
  const perRow = new Map<string, { deltas: Int32Array; mask: Uint8Array } | null>();
  const rowTables = (key: string): { deltas: Int32Array; mask: Uint8Array } | null => {
    let t = perRow.get(key);
    if (t !== undefined) return t;
    const row = bigram.get(key);
    t = null;
    if (row) {
      const deltas = new Int32Array(nRoots);
      const mask = new Uint8Array(nRoots);
      for (const [child, b] of row) {
        const delta = -Math.round(b * COST_SCALE);
        if (delta === 0) continue;
        for (const ci of index().byName.get(child) ?? NO_KIDS) {
          deltas[ci] = delta;
          mask[ci] = 1;
        }
        if (child === "var") {
          deltas[nRoots - 1] = delta;
          mask[nRoots - 1] = 1;
        }
      }
      t = { deltas, mask };
    }
    perRow.set(key, t);
    return t;
  };
  const parents = bigramParents(bigram);
  g.prods.forEach((p, pi) => {
    if (p.kind !== "op" && p.kind !== "hof") return;
    const keys = parents.get(p.prim.name);
    if (!keys) return;
    const argNts = p.kind === "op" ? p.args : [p.source, ...p.bodies];
    const perArg = argNts.map((nt, i) => {
      const key = keys[i];
      const t = key === undefined ? null : rowTables(key);
      if (!t) return undefined;
      const list: EdgeDelta[] = [];
      // Only roots that some argument list looks up are indexed by the banks (roots): indexing costs a map insert per entry.
      const edge = (ci: number): void => {
        if (t.deltas[ci] === 0) return;
        list.push({ root: ci, nt, delta: t.deltas[ci] as number });
        roots[ci] = 1;
      };
      for (const ci of index().byLhs[nt] ?? []) edge(ci);
      edge(nRoots - 1);
      return list.length ? { list, mask: t.mask } : undefined;
    });
    if (perArg.some((x) => x)) {
      edges[pi] = perArg.map((x) => x?.list);
      masks[pi] = perArg.map((x) => x?.mask);
    }
  });
  return { edges, masks, roots };
}

const BIGRAM_PARENTS = new WeakMap<ReadonlyMap<string, ReadonlyMap<string, number>>, ReadonlyMap<string, readonly (string | undefined)[]>>();

/**
 * The parent primitives of bigram weights ("parent/arg" row keys), with their rows' keys by argument index: most
 * productions of a grammar have no row, and this skips them without building a key per production and argument.
 */
function bigramParents(bigram: ReadonlyMap<string, ReadonlyMap<string, number>>): ReadonlyMap<string, readonly (string | undefined)[]> {
  let parents = BIGRAM_PARENTS.get(bigram);
  if (!parents) {
    const out = new Map<string, (string | undefined)[]>();
    for (const key of bigram.keys()) {
      const slash = key.lastIndexOf("/");
      const arg = Number(key.slice(slash + 1));
      if (slash < 0 || !Number.isInteger(arg) || arg < 0) continue;
      const name = key.slice(0, slash);
      const keys = out.get(name) ?? [];
      keys[arg] = key;
      out.set(name, keys);
    }
    parents = out;
    BIGRAM_PARENTS.set(bigram, parents);
  }
  return parents;
}

function isErrK(k: Kind, x: number): boolean {
  return k === Kind.REF ? x === 0 : x !== x;
}

function errK(k: Kind): number {
  return k === Kind.REF ? 0 : NaN;
}

/** A memo key part: the id for REF values, the int itself for small INT values, EMPTY when not memoizable. */
function memoKey(k: Kind, x: number): number {
  if (k === Kind.REF) return x;
  if (k === Kind.INT && (x | 0) === x && x !== EMPTY) return x;
  return EMPTY;
}

/**
 * Primitive semantics never throw for well-typed inputs; this guard turns a JS exception (a bug, or a JS limit
 * such as string length) into an error value so that one primitive cannot stop a search. Arity-specific
 * wrappers: a rest-parameter wrapper would allocate an array on every call.
 */
/**
 * A primitive's semantics that refuses (RESOURCE) a call whose result would be longer than `max` before building it
 * (Primitive.size): the interner refuses such a value anyway (an error, like RESOURCE), and building it was most of
 * the time of some searches (list(range(n)) for every large int n the bank holds, up to the interpreter's 100,000
 * elements).
 */
function sizeGuarded(f: Impl, size: (...a: Value[]) => number | undefined, max: number, arity: number): Impl {
  switch (arity) {
    case 1:
      return (a) => ((size(a) ?? 0) > max ? RESOURCE : f(a));
    case 2:
      return (a, b) => ((size(a, b) ?? 0) > max ? RESOURCE : f(a, b));
    default:
      return (...a) => ((size(...a) ?? 0) > max ? RESOURCE : f(...a));
  }
}

function guardedImpl(f: Impl | undefined, arity: number): Impl | undefined {
  if (!f) return undefined;
  const g = f as (a?: Value, b?: Value, c?: Value) => Result;
  switch (arity) {
    case 1:
      return (a) => {
        try {
          return g(a);
        } catch {
          return RESOURCE;
        }
      };
    case 2:
      return (a, b) => {
        try {
          return g(a, b);
        } catch {
          return RESOURCE;
        }
      };
    default:
      return (...a) => {
        try {
          return f(...a);
        } catch {
          return RESOURCE;
        }
      };
  }
}

function guardedHof(f: Primitive["hof"], bodies: number): Primitive["hof"] {
  if (!f) return undefined;
  switch (bodies) {
    case 1:
      return (src, a) => {
        try {
          return f(src, a as Result[]);
        } catch {
          return RESOURCE;
        }
      };
    case 2:
      return (src, a, b) => {
        try {
          return f(src, a as Result[], b as Result[]);
        } catch {
          return RESOURCE;
        }
      };
    default:
      return (src, ...rows) => {
        try {
          return f(src, ...rows);
        } catch {
          return RESOURCE;
        }
      };
  }
}

function iterValues(v: Result): readonly Value[] {
  if (typeof v === "string") return cps(v);
  if (Array.isArray(v)) return v as readonly Value[];
  if (v instanceof PyDict) return v.keys;
  return [];
}

/** Cost of a bound loop variable per nonterminal: like the cheapest variable production, else the cheapest production, else a default. */
function boundVarCosts(g: Grammar): number[] {
  const bestVar = g.nts.map(() => Infinity);
  const bestAny = g.nts.map(() => Infinity);
  for (const p of g.prods) {
    if (p.kind === "var" && p.cost < (bestVar[p.lhs] as number)) bestVar[p.lhs] = p.cost;
    if (p.cost < (bestAny[p.lhs] as number)) bestAny[p.lhs] = p.cost;
  }
  return g.nts.map((_, nt) => {
    const best = bestVar[nt] !== Infinity ? (bestVar[nt] as number) : (bestAny[nt] as number);
    return best === Infinity ? 4 : Math.max(1, best - BOUND_COST_BITS);
  });
}

const CHEAP = new Set(["int", "float", "bool"]);
/** Memoize a production unless all its types are plain numbers or bools (cheaper to recompute than to look up). */
function isCostly(costlyNt: Uint8Array, p: Production & { kind: "op" }): boolean {
  if (costlyNt[p.lhs] === 1) return true;
  for (const a of p.args) if (costlyNt[a] === 1) return true;
  return false;
}

/**
 * Binary primitives whose candidates with a constant first argument (and a non-constant second) are not
 * enumerated: an equal program with the constant last exists (commutative, or the mirrored comparison), and it
 * reads the way people write it (`age < 18`, not `18 > age`).
 */
const CONST_LAST = new Set(["int.add", "int.mul", "float.add", "float.mul", "int.min2", "int.max2", "float.min2", "float.max2", "cmp.eq", "cmp.ne", "cmp.lt", "cmp.le", "cmp.gt", "cmp.ge", "bool.and", "bool.or", "set.and", "set.or", "set.xor"]);

