import fc from "fast-check";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { CorpusError, CorpusImportError } from "../../src/corpus/errors.js";
import type { CorpusStore } from "../../src/corpus/store.js";
import type { CorpusRecord } from "../../src/learn/record.js";
import { openStore, record, removeDir, tempDir } from "./helpers.js";

let dirs: string[] = [];
async function folder(): Promise<string> {
  const d = await tempDir();
  dirs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dirs) await removeDir(d);
  dirs = [];
});

async function writeJsonl(file: string, records: readonly (CorpusRecord | string)[]): Promise<string> {
  await writeFile(file, records.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n");
  return file;
}

/** The corpus's view: every kept record, by key. */
async function view(store: CorpusStore): Promise<string[]> {
  let text = "";
  await store.exportTo("jsonl", (t) => void (text += t));
  return text.split("\n").filter(Boolean).sort();
}

test("import reports added, superseded, duplicates and invalid lines", async () => {
  const root = await folder();
  const { store } = await openStore(path.join(root, "a"));
  await store.append([record(1, { status: "unsolved", score: 0.5 }), record(2)]);
  const file = await writeJsonl(path.join(root, "b.jsonl"), [record(1), record(2), record(2, { status: "unsolved", score: 0.75 }), record(3), "{oops", record(3)]);
  const report = await store.importFile(file);
  expect(report).toMatchObject({ format: "jsonl", read: 6, added: 1, superseded: 1, duplicates: 3, invalid: 1, invalidLines: [{ line: 5, reason: "not JSON" }] });
  const s = await store.stats();
  expect([s.entries, s.records, s.byStatus.solved]).toEqual([3, 4, 3]);
  const again = await store.importFile(file);
  expect(again).toMatchObject({ added: 0, superseded: 0, duplicates: 5, invalid: 1 });
  expect((await store.stats()).records).toBe(4);
  await store.close();
});

test("import reads another corpus's corpus.db; importing the corpus into itself is refused", async () => {
  const root = await folder();
  const other = (await openStore(path.join(root, "other"))).store;
  await other.append([record(1), record(2), record(2, { status: "unsolved", score: 0 })]);
  await other.close();
  const { store } = await openStore(path.join(root, "mine"));
  const report = await store.importFile(path.join(root, "other", "corpus.db"));
  expect(report).toMatchObject({ format: "db", read: 2, added: 2, duplicates: 0 });
  await expect(store.importFile(path.join(root, "mine", "corpus.db"))).rejects.toBeInstanceOf(CorpusError);
  const notCorpus = await store.importFile(path.join(root, "nope.jsonl")).catch((e: unknown) => e);
  expect(notCorpus).toBeInstanceOf(CorpusImportError);
  expect((notCorpus as Error).message).toMatch(/cannot read .*nope\.jsonl \(ENOENT\)/);
  await store.close();
});

const STATUSES = ["solved", "ambiguous", "unsolved", "error"] as const;
/** Records over few keys, so the sets overlap and compete. */
const recordsArb = fc.array(
  fc.record({ key: fc.nat(6), program: fc.nat(1), score: fc.constantFrom(0, 0.5, 1), status: fc.constantFrom(...STATUSES), run: fc.nat(3) }).map((g) =>
    record(g.key, { program: g.program === 0 ? null : ["$", "s", "str"], score: g.score, status: g.status, run_id: `run-${g.run}` }),
  ),
  { maxLength: 12 },
);

test("merging is commutative and idempotent (property, real SQLite files)", async () => {
  const root = await folder();
  let n = 0;
  await fc.assert(
    fc.asyncProperty(recordsArb, recordsArb, async (a, b) => {
      const run = path.join(root, String(n++));
      await mkdir(run);
      const fa = await writeJsonl(path.join(run, "a.jsonl"), a);
      const fb = await writeJsonl(path.join(run, "b.jsonl"), b);
      const x = (await openStore(path.join(run, "x"))).store;
      const y = (await openStore(path.join(run, "y"))).store;
      const ra = await x.importFile(fa);
      await x.importFile(fb);
      await y.importFile(fb);
      await y.importFile(fa);
      expect(await view(x)).toEqual(await view(y));
      const log = await readFile(path.join(run, "x", "corpus.jsonl"), "utf8").catch(() => "");
      const before = await view(x);
      const twice = await x.importFile(fa);
      expect(await view(x)).toEqual(before);
      expect(await readFile(path.join(run, "x", "corpus.jsonl"), "utf8").catch(() => "")).toBe(log);
      expect(twice).toMatchObject({ added: 0, superseded: 0, duplicates: a.length });
      expect(ra.added + ra.superseded + ra.duplicates).toBe(a.length);
      await x.close();
      await y.close();
    }),
    { numRuns: 12, seed: 5 },
  );
});
