/**
 * The retrieval index in memory: the index's token sets and signature groups, loaded from corpus.db and kept
 * current by generation (store.ts). Top-k is exact: it equals sorting every accepted entry by the retrieval score
 * (src/learn/retrieval.ts), ties broken by the entry key.
 *
 * Why in memory: aggregating token postings inside SQLite (node-sqlite3-wasm) cost 3-5 µs per posting, 200-330 ms
 * for a query with common words at 100,000 entries. Here entries are columns of typed arrays indexed by entry id
 * (signature, token count, flags), so scoring the tens of thousands of entries a common word touches reads a few
 * contiguous arrays instead of chasing one object per entry.
 *
 * Candidates: postings are kept per token and signature group. Groups are visited best signature match first;
 * in a group, entries sharing a token are scored exactly, then the others (which score only 0.6 × match + the
 * perfect bonus) in rank order while they can still enter. A group whose best possible score, 0.6 × match + 0.4 +
 * 0.1, is below the k-th score so far is skipped, and so are all after it: a query whose signature is common reads
 * only the postings of the groups that can still matter.
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

const PRESENT = 1;
const PERFECT = 2;
const HAS_PROGRAM = 4;
const SOLVED = 8;

/** Exact top-k retrieval over token postings and signature groups. */
export class RetrievalIndex {
  /** The database this was loaded from and the generation reached. */
  dbId = "";
  generation = 0;
  private sig = new Int32Array(1024);
  private ntok = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private counts = new Int32Array(1024);
  private touched = new Int32Array(1024);
  private readonly khash: string[] = [];
  private readonly tokens: (Int32Array | undefined)[] = [];
  private readonly vocab = new Map<string, number>();
  /** Per token id: entry ids by signature group. */
  private postings: Map<number, number[]>[] = [];
  private groups = new Map<number, number[]>();
  private readonly sigs = new Map<number, SignatureShape>();
  private postingsStale = false;
  private groupsStale = false;
  private readonly unsorted = new Set<number>();
  private maxId = 0;

  /** Adds a signature group's types. */
  addSignature(id: number, params: readonly string[], returns: string): void {
    this.sigs.set(id, parseSignature(params, returns));
  }

  /** Adds an entry or replaces it (a superseded record). */
  upsert(row: IndexRow): void {
    const id = row.id;
    this.reserve(id);
    const old = this.tokens[id];
    const tokens = Int32Array.from(row.terms.split(" ").filter(Boolean), (t) => this.tokenId(t));
    const oldSig = this.sig[id];
    this.tokens[id] = tokens;
    this.khash[id] = row.khash;
    this.sig[id] = row.sigId;
    this.ntok[id] = tokens.length;
    this.flags[id] = PRESENT | (row.perfect ? PERFECT : 0) | (row.hasProgram ? HAS_PROGRAM : 0) | (row.solved ? SOLVED : 0);
    this.unsorted.add(row.sigId);
    if (old) {
      if (oldSig !== row.sigId) this.groupsStale = this.postingsStale = true;
      if (old.join(" ") !== tokens.join(" ")) this.postingsStale = true;
      return;
    }
    this.maxId = Math.max(this.maxId, id);
    if (!this.postingsStale) for (const t of tokens) this.posting(t, row.sigId).push(id);
    if (!this.groupsStale) this.group(row.sigId).push(id);
  }

  /** The exact top `k` entries for `query`, best first. */
  topK(query: PreparedQuery, k: number, filter: RetrievalFilter = {}): Ranked[] {
    if (k <= 0 || this.maxId === 0) return [];
    this.refresh();
    const required = requiredFlags(filter);
    const sigScores = this.signatureScores(query);
    const tokenIds = [...query.tokens].map((t) => this.vocab.get(t)).filter((t): t is number => t !== undefined);
    const top = new TopK(k);
    const order = [...this.groups.keys()].sort((a, b) => (sigScores[b] ?? 0) - (sigScores[a] ?? 0));
    for (const sigId of order) {
      if (!top.mayEnter(combineScore(sigScores[sigId] ?? 0, 1, true))) break;
      const touched = this.countTokens(tokenIds, sigId);
      try {
        this.scoreListed(top, touched, sigScores, required, query.tokens.size);
        this.offerUntouched(top, sigId, sigScores, required, query.tokens.size);
      } finally {
        for (let i = 0; i < touched; i++) this.counts[this.touched[i]!] = 0;
      }
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
      const tokens = this.tokens[id];
      if (!tokens) continue;
      let inter = 0;
      for (const t of tokens) if (tokenIds.has(t)) inter++;
      out.push(this.rank(id, sigScores, inter, query.tokens.size));
    }
    return out.sort(compareRanked);
  }

  private rank(id: number, sigScores: Float64Array, inter: number, querySize: number): Ranked {
    const signature = sigScores[this.sig[id]!] ?? 0;
    const description = jaccardFromCounts(inter, querySize, this.ntok[id]!);
    const perfect = (this.flags[id]! & PERFECT) !== 0;
    return { id, khash: this.khash[id]!, parts: { signature, description, perfect, score: combineScore(signature, description, perfect) } };
  }

  /** Scores the listed entries (those sharing a token), reading only the typed columns until one can enter. */
  private scoreListed(top: TopK, touched: number, sigScores: Float64Array, required: number, querySize: number): void {
    const { touched: ids, counts, flags, sig, ntok, khash } = this;
    for (let i = 0; i < touched; i++) {
      const id = ids[i]!;
      const f = flags[id]!;
      if ((f & required) !== required) continue;
      const score = combineScore(sigScores[sig[id]!] ?? 0, jaccardFromCounts(counts[id]!, querySize, ntok[id]!), (f & PERFECT) !== 0);
      if (score >= top.worstScore && top.admits(score, id, khash)) top.insert(this.rank(id, sigScores, counts[id]!, querySize));
    }
  }

  /** Counts the query's tokens per entry of one signature group into `counts`; returns how many entries it listed in `touched`. */
  private countTokens(tokenIds: readonly number[], sigId: number): number {
    const { counts, touched } = this;
    let n = 0;
    for (const t of tokenIds) {
      const list = this.postings[t]!.get(sigId);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const id = list[i]!;
        if (counts[id] === 0) touched[n++] = id;
        counts[id]! += 1;
      }
    }
    return n;
  }

  /** The entries of a group sharing no token, in rank order, while they can still enter. */
  private offerUntouched(top: TopK, sigId: number, sigScores: Float64Array, required: number, querySize: number): void {
    if (!top.mayEnter(combineScore(sigScores[sigId] ?? 0, 0, true))) return;
    for (const id of this.sortedGroup(sigId)) {
      if (this.counts[id]! > 0 || (this.flags[id]! & required) !== required) continue;
      const r = this.rank(id, sigScores, 0, querySize);
      if (!top.admits(r.parts.score, id, this.khash)) return;
      top.insert(r);
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

  /** Grows the columns to hold entry `id`. */
  private reserve(id: number): void {
    if (id < this.sig.length) return;
    const size = Math.max(id + 1, this.sig.length * 2);
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.sig = grow(this.sig, (n) => new Int32Array(n));
    this.ntok = grow(this.ntok, (n) => new Int32Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    this.counts = new Int32Array(size);
    this.touched = new Int32Array(size);
  }

  private tokenId(token: string): number {
    let t = this.vocab.get(token);
    if (t === undefined) {
      t = this.vocab.size;
      this.vocab.set(token, t);
      this.postings[t] = new Map();
    }
    return t;
  }

  private posting(token: number, sigId: number): number[] {
    const byGroup = this.postings[token]!;
    let list = byGroup.get(sigId);
    if (!list) {
      list = [];
      byGroup.set(sigId, list);
    }
    return list;
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
      const perfect = (id: number): boolean => (this.flags[id]! & PERFECT) !== 0;
      g.sort((a, b) => (perfect(a) !== perfect(b) ? (perfect(a) ? -1 : 1) : this.khash[a]! < this.khash[b]! ? -1 : 1));
    }
    return g;
  }

  /** Rebuilds postings or groups after replacements changed them. */
  private refresh(): void {
    if (this.postingsStale) {
      this.postings = this.postings.map(() => new Map());
      for (let id = 1; id <= this.maxId; id++) for (const t of this.tokens[id] ?? []) this.posting(t, this.sig[id]!).push(id);
      this.postingsStale = false;
    }
    if (this.groupsStale) {
      this.groups = new Map();
      for (let id = 1; id <= this.maxId; id++) if (this.flags[id]! & PRESENT) this.group(this.sig[id]!).push(id);
      for (const sigId of this.groups.keys()) this.unsorted.add(sigId);
      this.groupsStale = false;
    }
  }
}

function requiredFlags(filter: RetrievalFilter): number {
  return PRESENT | ((filter.requireProgram ?? true) ? HAS_PROGRAM : 0) | (filter.solvedOnly ? SOLVED : 0);
}

/** Best first: higher score, then the smaller key. */
export function compareRanked(a: Pick<Ranked, "khash" | "parts">, b: Pick<Ranked, "khash" | "parts">): number {
  if (a.parts.score !== b.parts.score) return b.parts.score - a.parts.score;
  return a.khash < b.khash ? -1 : a.khash > b.khash ? 1 : 0;
}

/** The best k seen so far, kept sorted (k is small). */
class TopK {
  private readonly items: Ranked[] = [];
  /** The k-th score (-Infinity until k entries are in): anything below cannot enter. */
  worstScore = -Infinity;
  private worstKey = "";

  constructor(private readonly k: number) {}

  /** Whether entry `id` with this score would enter (its key is read only on a tie). */
  admits(score: number, id: number, keys: readonly string[]): boolean {
    if (this.items.length < this.k || score > this.worstScore) return true;
    return score === this.worstScore && keys[id]! < this.worstKey;
  }

  /** Inserts an admitted entry in order, dropping the worst beyond k. */
  insert(r: Ranked): void {
    const items = this.items;
    let i = items.length;
    while (i > 0 && compareRanked(r, items[i - 1]!) < 0) i--;
    items.splice(i, 0, r);
    if (items.length > this.k) items.pop();
    const last = items[items.length - 1]!;
    this.worstScore = items.length < this.k ? -Infinity : last.parts.score;
    this.worstKey = last.khash;
  }

  /** Whether an entry scoring `bound` at best could still enter. */
  mayEnter(bound: number): boolean {
    return this.items.length < this.k || bound >= this.worstScore;
  }

  sorted(): Ranked[] {
    return [...this.items];
  }
}
