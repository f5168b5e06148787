/**
 * The retrieval index in memory: the index's token sets and signature groups, loaded from corpus.db and kept
 * current by generation (store.ts). Top-k is exact: it equals sorting every accepted entry by the retrieval score
 * (src/learn/retrieval.ts), ties broken by the entry key.
 *
 * Why in memory: aggregating token postings inside SQLite (node-sqlite3-wasm) cost 3-5 µs per posting, 200-330 ms
 * for a query with common words at 100,000 entries; typed-array counting here costs a few ns per posting.
 *
 * Candidates: entries sharing a description token are scored exactly; entries sharing none can score only
 * 0.6 × signature match + the perfect bonus, so signature groups are visited best match first, each in rank order,
 * until that bound falls below the k-th score.
 */
import { combineScore, jaccardFromCounts, parseSignature, signatureMatch, type PreparedQuery, type ScoreParts, type SignatureShape } from "../learn/retrieval.js";

/** One entry as the index needs it (a row of `entries`). */
export interface IndexRow {
  readonly id: number;
  readonly khash: string;
  readonly sigId: number;
  readonly perfect: boolean;
  readonly hasProgram: boolean;
  readonly solved: boolean;
  /** Space-separated distinct description tokens. */
  readonly terms: string;
}

/** Which entries a retrieval may return. */
export interface RetrievalFilter {
  /** Only entries with a program. @default true */
  readonly requireProgram?: boolean;
  /** Only solved (or ambiguous) entries. @default false */
  readonly solvedOnly?: boolean;
}

/** A ranked entry. */
export interface Ranked {
  readonly id: number;
  readonly khash: string;
  readonly parts: ScoreParts;
}

interface Entry {
  readonly id: number;
  readonly khash: string;
  readonly sigId: number;
  readonly perfect: boolean;
  readonly hasProgram: boolean;
  readonly solved: boolean;
  readonly tokens: Int32Array;
}

/** Exact top-k retrieval over token postings and signature groups. */
export class RetrievalIndex {
  /** The database this was loaded from and the generation reached. */
  dbId = "";
  generation = 0;
  private readonly entries: (Entry | undefined)[] = [];
  private readonly vocab = new Map<string, number>();
  private postings: number[][] = [];
  private groups = new Map<number, number[]>();
  private readonly sigs = new Map<number, SignatureShape>();
  private postingsStale = false;
  private groupsStale = false;
  private readonly unsorted = new Set<number>();
  private counts = new Int32Array(1024);

  get size(): number {
    return this.entries.length;
  }

  /** Adds a signature group's types. */
  addSignature(id: number, params: readonly string[], returns: string): void {
    this.sigs.set(id, parseSignature(params, returns));
  }

  /** Adds an entry or replaces it (a superseded record). */
  upsert(row: IndexRow): void {
    const old = this.entries[row.id];
    const tokens = Int32Array.from(row.terms.split(" ").filter(Boolean), (t) => this.tokenId(t));
    const entry: Entry = { id: row.id, khash: row.khash, sigId: row.sigId, perfect: row.perfect, hasProgram: row.hasProgram, solved: row.solved, tokens };
    this.entries[row.id] = entry;
    if (old) {
      if (old.sigId !== entry.sigId) this.groupsStale = true;
      if (old.tokens.join(" ") !== tokens.join(" ")) this.postingsStale = true;
      this.unsorted.add(entry.sigId);
      return;
    }
    if (!this.postingsStale) for (const t of tokens) this.postings[t]!.push(row.id);
    if (!this.groupsStale) this.group(entry.sigId).push(row.id);
    this.unsorted.add(entry.sigId);
  }

  /** The exact top `k` entries for `query`, best first. */
  topK(query: PreparedQuery, k: number, filter: RetrievalFilter = {}): Ranked[] {
    if (k <= 0 || this.entries.length === 0) return [];
    this.refresh();
    const accept = acceptor(filter);
    const sigScores = this.signatureScores(query);
    const top = new TopK(k);
    const touched = this.countTokens(query);
    const querySize = query.tokens.size;
    try {
      for (const id of touched) {
        const e = this.entries[id]!;
        if (!accept(e)) continue;
        const signature = sigScores[e.sigId] ?? 0;
        const description = jaccardFromCounts(this.counts[id]!, querySize, e.tokens.length);
        const score = combineScore(signature, description, e.perfect);
        if (top.admits(score, e.khash)) top.insert({ id, khash: e.khash, parts: { signature, description, perfect: e.perfect, score } });
      }
      this.offerUntouched(top, sigScores, accept, querySize);
    } finally {
      for (const id of touched) this.counts[id] = 0;
    }
    return top.sorted();
  }

  /** Ranks the given entries (all of them), best first: the order `corpus query` pages through. */
  rankAll(query: PreparedQuery, ids: Iterable<number>): Ranked[] {
    this.refresh();
    const sigScores = this.signatureScores(query);
    const tokenIds = new Set([...query.tokens].map((t) => this.vocab.get(t)).filter((t): t is number => t !== undefined));
    const out: Ranked[] = [];
    for (const id of ids) {
      const e = this.entries[id];
      if (!e) continue;
      let inter = 0;
      for (const t of e.tokens) if (tokenIds.has(t)) inter++;
      out.push(this.rank(e, sigScores, inter, query.tokens.size));
    }
    return out.sort(compareRanked);
  }

  private rank(e: Entry, sigScores: Float64Array, inter: number, querySize: number): Ranked {
    const signature = sigScores[e.sigId] ?? 0;
    const description = jaccardFromCounts(inter, querySize, e.tokens.length);
    return { id: e.id, khash: e.khash, parts: { signature, description, perfect: e.perfect, score: combineScore(signature, description, e.perfect) } };
  }

  /** Counts shared tokens per entry into `counts`; returns the entries touched. */
  private countTokens(query: PreparedQuery): number[] {
    if (this.counts.length < this.entries.length) this.counts = new Int32Array(this.entries.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    for (const token of query.tokens) {
      const t = this.vocab.get(token);
      if (t === undefined) continue;
      for (const id of this.postings[t]!) {
        if (counts[id] === 0) touched.push(id);
        counts[id] = counts[id]! + 1;
      }
    }
    return touched;
  }

  /** Entries sharing no token: signature groups best first, each in rank order, while they can still enter. */
  private offerUntouched(top: TopK, sigScores: Float64Array, accept: (e: Entry) => boolean, querySize: number): void {
    const order = [...this.groups.keys()].sort((a, b) => (sigScores[b] ?? 0) - (sigScores[a] ?? 0));
    for (const sigId of order) {
      const s = sigScores[sigId] ?? 0;
      if (!top.mayEnter(combineScore(s, 0, true))) break;
      for (const id of this.sortedGroup(sigId)) {
        const e = this.entries[id]!;
        if (this.counts[id]! > 0 || !accept(e)) continue;
        const r = this.rank(e, sigScores, 0, querySize);
        if (!top.admits(r.parts.score, r.khash)) break;
        top.insert(r);
      }
    }
  }

  /** Signature match per signature id (ids are small integers). */
  private signatureScores(query: PreparedQuery): Float64Array {
    let max = 0;
    for (const id of this.sigs.keys()) max = Math.max(max, id);
    const out = new Float64Array(max + 1);
    const q = query.signature;
    if (q) for (const [id, shape] of this.sigs) out[id] = signatureMatch(q, shape);
    return out;
  }

  private tokenId(token: string): number {
    let t = this.vocab.get(token);
    if (t === undefined) {
      t = this.vocab.size;
      this.vocab.set(token, t);
      this.postings[t] = [];
    }
    return t;
  }

  private group(sigId: number): number[] {
    let g = this.groups.get(sigId);
    if (!g) {
      g = [];
      this.groups.set(sigId, g);
    }
    return g;
  }

  /** A group in rank order for a fixed signature score: perfect first, then by key. */
  private sortedGroup(sigId: number): readonly number[] {
    const g = this.group(sigId);
    if (this.unsorted.delete(sigId)) {
      g.sort((a, b) => {
        const ea = this.entries[a]!;
        const eb = this.entries[b]!;
        return ea.perfect !== eb.perfect ? (ea.perfect ? -1 : 1) : ea.khash < eb.khash ? -1 : 1;
      });
    }
    return g;
  }

  /** Rebuilds postings or groups after replacements changed them. */
  private refresh(): void {
    if (this.postingsStale) {
      this.postings = this.postings.map(() => []);
      for (const e of this.entries) if (e) for (const t of e.tokens) this.postings[t]!.push(e.id);
      this.postingsStale = false;
    }
    if (this.groupsStale) {
      this.groups = new Map();
      for (const e of this.entries) if (e) this.group(e.sigId).push(e.id);
      for (const id of this.groups.keys()) this.unsorted.add(id);
      this.groupsStale = false;
    }
  }
}

function acceptor(filter: RetrievalFilter): (e: Entry) => boolean {
  const needProgram = filter.requireProgram ?? true;
  const needSolved = filter.solvedOnly ?? false;
  return (e) => (!needProgram || e.hasProgram) && (!needSolved || e.solved);
}

/** Best first: higher score, then the smaller key. */
export function compareRanked(a: Pick<Ranked, "khash" | "parts">, b: Pick<Ranked, "khash" | "parts">): number {
  if (a.parts.score !== b.parts.score) return b.parts.score - a.parts.score;
  return a.khash < b.khash ? -1 : a.khash > b.khash ? 1 : 0;
}

/** The best k seen so far, kept sorted (k is small). */
class TopK {
  private readonly items: Ranked[] = [];

  constructor(private readonly k: number) {}

  /** Whether an entry with this score and key would enter. */
  admits(score: number, khash: string): boolean {
    const items = this.items;
    if (items.length < this.k) return true;
    const last = items[items.length - 1]!;
    return score > last.parts.score || (score === last.parts.score && khash < last.khash);
  }

  /** Inserts an admitted entry in order, dropping the worst beyond k. */
  insert(r: Ranked): void {
    const items = this.items;
    let i = items.length;
    while (i > 0 && compareRanked(r, items[i - 1]!) < 0) i--;
    items.splice(i, 0, r);
    if (items.length > this.k) items.pop();
  }

  /** Whether an entry scoring `bound` at best could still enter. */
  mayEnter(bound: number): boolean {
    return this.items.length < this.k || bound >= this.items[this.items.length - 1]!.parts.score;
  }

  sorted(): Ranked[] {
    return [...this.items];
  }
}
