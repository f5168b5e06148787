import { call, type Expr } from "../dsl/expr.js";
import type { Type } from "../dsl/types.js";
import type { Enumerator } from "./enumerator.js";

/** A bank entry usable as a piece: its cost and its value on every example ("" where it has none). */
interface Piece {
  readonly entry: number;
  readonly cost: number;
  readonly vals: readonly string[];
}

export interface ConcatOptions {
  /** The concatenation primitive's stable name and its production's cost. */
  readonly concatPrim: string;
  readonly concatCost: number;
  readonly type: Type;
  /** Most search states expanded per solve. @default 40000 */
  readonly maxStates?: number;
  /** Most pieces kept. @default 50000 */
  readonly maxPieces?: number;
  /**
   * The string inputs of each example. With them, a chain that splits one stretch of an input into two varying
   * pieces is "split" (see ConcatResult.natural) and a chain without such splits is preferred.
   */
  readonly inputs?: readonly (readonly string[])[];
}

/** A deduced concatenation. */
export interface ConcatResult {
  readonly expr: Expr;
  readonly cost: number;
  /**
   * False when two adjacent pieces, both varying across the examples, together form one contiguous stretch of an
   * input on every example ("Ad" + "a" for "Ada" in "Lovelace, Ada"): a general program would take that stretch
   * as one piece, so the split is a coincidence of the examples and the chain likely overfits them.
   */
  readonly natural: boolean;
}

/**
 * Top-down deduction for string concatenation (the witness function of `++`, as in FlashMeta and Duet): the
 * expected outputs are split into consecutive pieces, each produced by one enumerated program on every example
 * at the same time. A cheapest-first search over position vectors finds the cheapest chain of pieces; the
 * program is their right-nested concatenation.
 *
 * Pieces are indexed per example, so the same solver also answers for a subset of the examples (the leaves of a
 * divide-and-conquer tree).
 *
 * This reaches long concatenations (phone numbers reformatted piece by piece) that bottom-up enumeration alone
 * would only reach at a cost level it never gets to.
 */
export class ConcatSolver {
  private readonly pieces: Piece[] = [];
  /** byVal[e]: pieces by their value on example e, for values that occur in e's output. */
  private readonly byVal: Map<string, Piece[]>[];
  private dirty = false;

  constructor(
    private readonly en: Enumerator,
    private readonly targets: readonly string[],
    private readonly startNt: number,
    private readonly opts: ConcatOptions,
  ) {
    this.byVal = targets.map(() => new Map());
    en.onMainEntry((entry) => this.observe(entry));
  }

  private observe(entry: number): void {
    const bank = this.en.main.bank;
    if (bank.nt.data[entry] !== this.startNt || this.pieces.length >= (this.opts.maxPieces ?? 50000)) return;
    const vals: string[] = [];
    const fitsAt: number[] = [];
    for (let e = 0; e < this.targets.length; e++) {
      const v = this.en.valueOf(entry, e);
      const s = typeof v === "string" ? v : "";
      vals.push(s);
      if (typeof v === "string" && v !== "" && (this.targets[e] as string).includes(v)) fitsAt.push(e);
    }
    if (fitsAt.length === 0) return;
    const p: Piece = { entry, cost: bank.cost.data[entry] as number, vals };
    this.pieces.push(p);
    for (const e of fitsAt) {
      const m = this.byVal[e] as Map<string, Piece[]>;
      const v = vals[e] as string;
      const list = m.get(v);
      if (list) list.push(p);
      else m.set(v, [p]);
    }
    this.dirty = true;
  }

  /** The cheapest concatenation program for every example with cost at most `maxCost` (recomputed after changes). */
  solve(maxCost: number, deadline = Infinity): ConcatResult | undefined {
    if (!this.dirty || this.pieces.length < 2) return undefined;
    this.dirty = false;
    return this.solveFor(this.targets.map((_, e) => e), maxCost, deadline);
  }

  /**
   * The cheapest concatenation program for the examples `on` (indices), ignoring the others: the cheapest natural
   * chain (no split stretch of an input) when there is one within `maxCost`, else the cheapest chain.
   */
  solveFor(on: readonly number[], maxCost: number, deadline = Infinity): ConcatResult | undefined {
    if (this.opts.inputs) {
      const natural = this.search(on, maxCost, deadline, true);
      if (natural.chain) return { expr: this.toExpr(natural.chain.pieces), cost: natural.chain.cost, natural: true };
      // Without a skipped split the unrestricted search would explore exactly the same states.
      if (!natural.skipped) return undefined;
    }
    const { chain } = this.search(on, maxCost, deadline, false);
    return chain ? { expr: this.toExpr(chain.pieces), cost: chain.cost, natural: !this.opts.inputs } : undefined;
  }

  /**
   * Cheapest-first search over vectors of positions (one per example of `on`) from zero to the outputs' ends.
   * With `naturalOnly`, a piece may not follow one it splits an input stretch with (dominance by position alone
   * then makes this a heuristic: a costlier state with another last piece is not revisited).
   */
  private search(on: readonly number[], maxCost: number, deadline: number, naturalOnly: boolean): { chain?: { pieces: Piece[]; cost: number }; skipped: boolean } {
    const start = new Array<number>(on.length).fill(0);
    const best = new Map<string, number>([[start.join(","), 0]]);
    const heap = new MinHeap<{ pos: number[]; cost: number; chain: Piece[] }>((a, b) => a.cost - b.cost);
    heap.push({ pos: start, cost: 0, chain: [] });
    let expanded = 0;
    let skipped = false;
    while (heap.size > 0 && expanded++ < (this.opts.maxStates ?? 40000)) {
      if ((expanded & 255) === 0 && performance.now() > deadline) return { skipped };
      const s = heap.pop()!;
      if (s.cost > maxCost) return { skipped };
      if (s.cost > (best.get(s.pos.join(",")) ?? Infinity)) continue;
      const anchor = s.pos.findIndex((p, i) => p < (this.targets[on[i] as number] as string).length);
      if (anchor < 0) return s.chain.length >= 2 ? { chain: { pieces: s.chain, cost: s.cost }, skipped } : { skipped };
      const last = s.chain[s.chain.length - 1];
      for (const p of this.candidates(on, s.pos, anchor)) {
        if (naturalOnly && last && this.splits(last, p, on)) {
          skipped = true;
          continue;
        }
        const next = s.pos.map((x, i) => x + (p.vals[on[i] as number] as string).length);
        const cost = s.cost + p.cost + (s.chain.length > 0 ? this.opts.concatCost : 0);
        const key = next.join(",");
        if (cost > maxCost || cost >= (best.get(key) ?? Infinity)) continue;
        best.set(key, cost);
        heap.push({ pos: next, cost, chain: [...s.chain, p] });
      }
    }
    return { skipped };
  }

  /** Pieces that fit at the positions on every example of `on` and advance on at least one. */
  private *candidates(on: readonly number[], pos: readonly number[], anchor: number): Generator<Piece> {
    const e = on[anchor] as number;
    const t = this.targets[e] as string;
    const at = pos[anchor] as number;
    const m = this.byVal[e] as Map<string, Piece[]>;
    for (let len = t.length - at; len >= 1; len--) {
      const list = m.get(t.slice(at, at + len));
      if (!list) continue;
      for (const p of list) if (this.fits(p, on, pos)) yield p;
    }
  }

  /** Whether a and b both vary over `on` and, on every example of it, a's value then b's is a stretch of an input. */
  private splits(a: Piece, b: Piece, on: readonly number[]): boolean {
    const inputs = this.opts.inputs;
    if (!inputs || on.length < 2 || !varies(a, on) || !varies(b, on)) return false;
    return on.every((e) => {
      const joined = (a.vals[e] as string) + (b.vals[e] as string);
      return (inputs[e] ?? []).some((x) => x.includes(joined));
    });
  }

  private fits(p: Piece, on: readonly number[], pos: readonly number[]): boolean {
    for (let i = 0; i < on.length; i++) {
      const e = on[i] as number;
      if (!(this.targets[e] as string).startsWith(p.vals[e] as string, pos[i])) return false;
    }
    return true;
  }

  private toExpr(chain: readonly Piece[]): Expr {
    const parts = chain.map((p) => this.en.toExpr(0, p.entry));
    let out = parts[parts.length - 1] as Expr;
    for (let i = parts.length - 2; i >= 0; i--) out = call(this.opts.concatPrim, this.opts.type, parts[i] as Expr, out);
    return out;
  }
}

function varies(p: Piece, on: readonly number[]): boolean {
  const first = p.vals[on[0] as number];
  return on.some((e) => p.vals[e] !== first);
}

/** A binary min-heap. */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(x: T): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(a[i] as T, a[parent] as T) >= 0) break;
      [a[i], a[parent]] = [a[parent] as T, a[i] as T];
      i = parent;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l] as T, a[m] as T) < 0) m = l;
        if (r < a.length && this.less(a[r] as T, a[m] as T) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as T, a[i] as T];
        i = m;
      }
    }
    return top;
  }
}
