import fc from "fast-check";
import { afterEach, expect, test } from "vitest";
import type { CorpusRecord } from "../../src/learn/record.js";
import { descriptionTokens, isPerfect, parseSignature, prepareQuery, retrievalScore, signatureKey, type RetrievalQuery } from "../../src/learn/retrieval.js";
import { keyHash } from "../../src/corpus/merge.js";
import { RetrievalIndex, type RetrievalFilter } from "../../src/corpus/retrieval-index.js";
import { openStore, record, removeDir, tempDir } from "./helpers.js";

const WORDS = ["sum", "even", "number", "list", "reverse", "string", "word", "count", "vowel", "max", "min", "sort", "unique", "char"];
const SIGS: [string[], string][] = [
  [["list[int]"], "int"],
  [["list[float]"], "float"],
  [["list[int]"], "list[int]"],
  [["str"], "str"],
  [["str"], "int"],
  [["str", "int"], "str"],
  [[], "int"],
];

const recordArb = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }),
  sig: fc.nat(SIGS.length - 1),
  status: fc.constantFrom("solved", "unsolved", "ambiguous", "error") as fc.Arbitrary<CorpusRecord["status"]>,
  perfectScore: fc.boolean(),
  program: fc.boolean(),
});

const queryArb = fc.record({ words: fc.array(fc.constantFrom(...WORDS, "other"), { maxLength: 5 }), sig: fc.option(fc.nat(SIGS.length - 1), { nil: undefined }) });

type Gen<A> = A extends fc.Arbitrary<infer T> ? T : never;

function makeRecord(i: number, g: Gen<typeof recordArb>): CorpusRecord {
  const [params, returns] = SIGS[g.sig]!;
  return record(i, {
    description: g.words.join(" "),
    params: params.map((type, j) => ({ name: `p${j}`, type })),
    returns,
    status: g.status,
    score: g.perfectScore ? 1 : 0.5,
    program: g.program ? ["$", "p0", "int"] : null,
  });
}

function makeQuery(q: Gen<typeof queryArb>): RetrievalQuery {
  if (q.sig === undefined) return { description: q.words.join(" ") };
  const [params, returns] = SIGS[q.sig]!;
  return { description: q.words.join(" "), params, returns };
}

/** The index as ingest.ts fills it. */
function buildIndex(records: readonly CorpusRecord[]): RetrievalIndex {
  const index = new RetrievalIndex();
  const sigIds = new Map<string, number>();
  records.forEach((r, i) => {
    const params = r.params.map((p) => p.type);
    const key = signatureKey(parseSignature(params, r.returns));
    if (!sigIds.has(key)) {
      sigIds.set(key, sigIds.size + 1);
      index.addSignature(sigIds.size, params, r.returns);
    }
    index.upsert({ id: i + 1, khash: keyHash(r), sigId: sigIds.get(key)!, perfect: isPerfect(r), hasProgram: r.program !== null, solved: r.status === "solved" || r.status === "ambiguous", terms: descriptionTokens(r.description).join(" ") });
  });
  return index;
}

/** Sorting every accepted record by the pure score, ties by key. */
function bruteForce(records: readonly CorpusRecord[], q: RetrievalQuery, k: number, filter: RetrievalFilter): string[] {
  return records
    .filter((r) => (!(filter.requireProgram ?? true) || r.program !== null) && (!filter.solvedOnly || r.status === "solved" || r.status === "ambiguous"))
    .map((r) => ({ key: keyHash(r), score: retrievalScore(q, r) }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
    .slice(0, k)
    .map((x) => `${x.key}:${x.score}`);
}

test("top-k equals sorting every record by retrievalScore (property)", () => {
  fc.assert(
    fc.property(fc.array(recordArb, { maxLength: 60 }), queryArb, fc.integer({ min: 1, max: 8 }), fc.boolean(), fc.boolean(), (gens, qg, k, requireProgram, solvedOnly) => {
      const records = gens.map((g, i) => makeRecord(i, g));
      const q = makeQuery(qg);
      const filter = { requireProgram, solvedOnly };
      const got = buildIndex(records).topK(prepareQuery(q), k, filter).map((r) => `${r.khash}:${r.parts.score}`);
      expect(got).toEqual(bruteForce(records, q, k, filter));
    }),
    { numRuns: 400, seed: 7 },
  );
});

test("replacing an entry (a better record for its key) updates postings and groups", () => {
  const a = record(1, { description: "sum even number", params: [{ name: "xs", type: "list[int]" }], returns: "int" });
  const b = record(2, { description: "reverse string", params: [{ name: "s", type: "str" }], returns: "str" });
  const index = buildIndex([a, b]);
  index.addSignature(99, ["list[int]"], "int");
  index.upsert({ id: 2, khash: keyHash(b), sigId: 99, perfect: false, hasProgram: true, solved: false, terms: "sum list" });
  const top = index.topK(prepareQuery({ description: "sum list", params: ["list[int]"], returns: "int" }), 1);
  expect(top[0]?.id).toBe(2);
});

let dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs) await removeDir(d);
  dirs = [];
});

test("the store's retrieval (SQLite + index) equals the brute-force ranking", async () => {
  const dir = await tempDir();
  dirs.push(dir);
  const gens = fc.sample(recordArb, { numRuns: 400, seed: 3 });
  const records = gens.map((g, i) => makeRecord(i, g));
  const { store } = await openStore(dir, { lingerMs: 50 });
  await store.append(records.slice(0, 200));
  await store.append(records.slice(200));
  for (const qg of fc.sample(queryArb, { numRuns: 25, seed: 11 })) {
    const q = makeQuery(qg);
    const got = (await store.retrieve(q, 7)).map((r) => `${r.key}:${r.score}`);
    expect(got).toEqual(bruteForce(records, q, 7, {}));
  }
  await store.close();
});
