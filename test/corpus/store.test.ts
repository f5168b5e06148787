import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, mkdir, open, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sqlite from "node-sqlite3-wasm";
import { afterEach, describe, expect, test } from "vitest";
import { CorpusBusyError, CorpusLogError, CorpusSchemaError } from "../../src/corpus/errors.js";
import { CorpusStore } from "../../src/corpus/store.js";
import { openStore, record, removeDir, tempDir } from "./helpers.js";

let dirs: string[] = [];
async function corpusDir(): Promise<string> {
  const d = await tempDir();
  dirs.push(d);
  return path.join(d, ".aurora");
}
afterEach(async () => {
  for (const d of dirs) await removeDir(d);
  dirs = [];
});

const logOf = (dir: string): Promise<string> => readFile(path.join(dir, "corpus.jsonl"), "utf8");

/** A pid that is certainly not running: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", "0"]).pid ?? 999_999;
}

describe("log and index", () => {
  test("a fresh folder is created on first use; records survive reopening", async () => {
    const dir = await corpusDir();
    const { store } = await openStore(dir);
    expect(existsSync(path.join(dir, "corpus.db"))).toBe(true);
    const r = await store.append([record(1), record(2, { status: "unsolved", score: 0.5 })]);
    expect(r.appended).toBe(2);
    expect(r.counts).toEqual({ added: 2, superseded: 0, duplicates: 0, skipped: 0 });
    await store.close();
    expect(existsSync(path.join(dir, "corpus.lock"))).toBe(false);
    expect(existsSync(path.join(dir, "corpus.db-wal"))).toBe(false);
    const again = (await openStore(dir)).store;
    const s = await again.stats();
    expect(s).toMatchObject({ records: 2, entries: 2, byStatus: { solved: 1, ambiguous: 0, unsolved: 1, error: 0 }, perfect: 1, signatures: 1, skipped: 0 });
    expect((await logOf(dir)).split("\n")).toHaveLength(3);
    await again.close();
  });

  test("the same key again: a better record supersedes the kept one, a worse one is a duplicate; the log keeps both", async () => {
    const dir = await corpusDir();
    const { store } = await openStore(dir);
    await store.append([record(1, { status: "unsolved", score: 0.5 })]);
    expect((await store.append([record(1)])).counts).toMatchObject({ superseded: 1 });
    expect((await store.append([record(1, { status: "unsolved", score: 0.25 })])).counts).toMatchObject({ duplicates: 1 });
    const s = await store.stats();
    expect([s.records, s.entries, s.byStatus.solved]).toEqual([3, 1, 1]);
    expect((await store.list({ limit: 10, offset: 0 }))[0]?.score).toBe(1);
    await store.close();
  });

  test("a torn last line (an interrupted, unacknowledged write) is cut; earlier lines stay intact", async () => {
    const dir = await corpusDir();
    const { store } = await openStore(dir);
    await store.append([record(1), record(2)]);
    await store.close();
    const before = await logOf(dir);
    await appendFile(path.join(dir, "corpus.jsonl"), JSON.stringify(record(3)).slice(0, 40));
    const { store: s2, notices } = await openStore(dir);
    expect(notices.join("\n")).toMatch(/cut a torn last line \(40 bytes\)/);
    expect(await logOf(dir)).toBe(before);
    await s2.append([record(4)]);
    expect((await s2.stats()).records).toBe(3);
    await s2.close();
  });

  test("a line that is not a record is skipped and reported, never silently dropped", async () => {
    const dir = await corpusDir();
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "corpus.jsonl"), [JSON.stringify(record(1)), "{not json", JSON.stringify({ v: 1, name: "x" }), JSON.stringify(record(2))].join("\n") + "\n");
    const { store } = await openStore(dir);
    const s = await store.stats();
    expect([s.records, s.skipped, s.entries]).toEqual([2, 2, 2]);
    expect(s.skippedLines).toEqual([
      { line: 2, reason: "not JSON" },
      { line: 3, reason: expect.stringMatching(/^not a corpus record: spec_hash/) as unknown as string },
    ]);
    await store.close();
  });

  test("records appended by another process (another store) are caught up on the next operation", async () => {
    const dir = await corpusDir();
    const a = (await openStore(dir)).store;
    const b = (await openStore(dir)).store;
    await a.append([record(1)]);
    await b.append([record(2)]);
    await a.append([record(3)]);
    expect((await b.stats()).entries).toBe(3);
    expect((await b.retrieve({ description: "reverse words", params: ["str"], returns: "str" }, 5)).map((r) => r.record.spec_hash).sort()).toEqual(["spec-1", "spec-2", "spec-3"]);
    await a.close();
    await b.close();
  });
});

describe("recovery", () => {
  test("a lock left by a killed process is recognised by its dead pid and removed, with a notice", async () => {
    const dir = await corpusDir();
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "corpus.lock"), JSON.stringify({ pid: deadPid(), host: os.hostname(), token: "dead", since: "2026-01-01T00:00:00Z", command: "aurora run" }));
    const { store, notices } = await openStore(dir, { lockTimeoutMs: 2000 });
    expect(notices.join("\n")).toMatch(/removed the stale lock .*corpus\.lock \(pid \d+ on .*aurora run.*no longer runs/);
    await store.close();
  });

  test("a live holder makes others wait, then fail with a message naming it", async () => {
    const dir = await corpusDir();
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "corpus.lock"), JSON.stringify({ pid: process.pid, host: os.hostname(), token: "live", since: "2026-01-01T00:00:00Z", command: "aurora serve" }));
    const t0 = Date.now();
    const err = await CorpusStore.open({ dir, lockTimeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusBusyError);
    expect((err as Error).message).toMatch(new RegExp(`in use by process \\(pid ${process.pid} .*aurora serve.*stayed locked for 0\\.3 s.*delete .*corpus\\.lock`));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  test("the SQLite lock directory a killed process left is removed and the index checked", async () => {
    const dir = await corpusDir();
    const { store } = await openStore(dir);
    await store.append([record(1)]);
    await store.close();
    await mkdir(path.join(dir, "corpus.db.lock"));
    const { store: s2, notices } = await openStore(dir);
    expect(notices.join("\n")).toMatch(/removed the stale SQLite lock .*corpus\.db\.lock/);
    expect((await s2.check()).ok).toBe(true);
    await s2.close();
  });

  test("a damaged index is rebuilt from the log; learned weights are kept when they can be read", async () => {
    const dir = await corpusDir();
    const { store } = await openStore(dir);
    await store.append(Array.from({ length: 300 }, (_, i) => record(i)));
    await store.saveWeights("prior", { prim: { "seq.reverse": 1.5 } });
    await store.close();
    const size = (await stat(path.join(dir, "corpus.db"))).size;
    const fh = await open(path.join(dir, "corpus.db"), "r+");
    await fh.write(Buffer.alloc(4096, 0x55), 0, 4096, Math.floor(size / 4096 / 2) * 4096);
    await fh.close();
    const { store: s2, notices } = await openStore(dir, { verify: true });
    expect(notices.join("\n")).toMatch(/rebuilding .*corpus\.db from corpus\.jsonl: (PRAGMA integrity_check failed|it cannot be read)/);
    expect((await s2.stats()).entries).toBe(300);
    expect((await s2.check()).ok).toBe(true);
    await s2.close();
  });

  test("a file that is not a database at all is rebuilt without being asked to verify", async () => {
    const dir = await corpusDir();
    const { store } = await openStore(dir);
    await store.append([record(1), record(2)]);
    await store.close();
    await writeFile(path.join(dir, "corpus.db"), "garbage".repeat(1000));
    const { store: s2, notices } = await openStore(dir);
    expect(notices.join("\n")).toMatch(/rebuilding .*it cannot be read/);
    expect((await s2.stats()).entries).toBe(2);
    await s2.close();
  });

  test("a missing index is rebuilt; a replaced log is detected by the hash of the line before the recorded offset", async () => {
    const dir = await corpusDir();
    const { store } = await openStore(dir);
    await store.append([record(1), record(2)]);
    await store.saveWeights("w", [1, 2, 3]);
    await store.close();
    await writeFile(path.join(dir, "corpus.jsonl"), [record(7), record(8), record(9)].map((r) => JSON.stringify(r)).join("\n") + "\n");
    const { store: s2, notices } = await openStore(dir);
    expect(notices.join("\n")).toMatch(/different corpus\.jsonl/);
    expect((await s2.list({ limit: 10, offset: 0 })).map((r) => r.spec_hash)).toEqual(["spec-7", "spec-8", "spec-9"]);
    expect(await s2.loadWeights("w")).toEqual([1, 2, 3]);
    await s2.close();
    await rm(path.join(dir, "corpus.db"));
    const s3 = (await openStore(dir)).store;
    expect((await s3.stats()).entries).toBe(3);
    await s3.close();
  });

  test("a missing log under an index that has records is an error with what to do", async () => {
    const dir = await corpusDir();
    const { store } = await openStore(dir);
    await store.append([record(1)]);
    await store.close();
    await rm(path.join(dir, "corpus.jsonl"));
    const err = await CorpusStore.open({ dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusLogError);
    expect((err as Error).message).toMatch(/corpus\.jsonl is missing but .*corpus\.db indexes 1 records.*restore the log/);
    expect(existsSync(path.join(dir, "corpus.lock"))).toBe(false);
  });

  test("an index from a newer Aurora-X is refused, not downgraded", async () => {
    const dir = await corpusDir();
    const { store } = await openStore(dir);
    await store.close();
    const db = new sqlite.Database(path.join(dir, "corpus.db"));
    db.exec("PRAGMA locking_mode=EXCLUSIVE");
    db.run("INSERT INTO schema_version (version, applied) VALUES (99, 'later')");
    db.close();
    const err = await CorpusStore.open({ dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusSchemaError);
    expect((err as Error).message).toMatch(/schema version 99, this Aurora-X knows up to 1: upgrade Aurora-X, or delete .*corpus\.db/);
  });
});

describe("queries and export", () => {
  test("offset pages are stable: together they list every match once, in score-then-key order", async () => {
    const dir = await corpusDir();
    const { store } = await openStore(dir, { lingerMs: 100 });
    await store.append(Array.from({ length: 40 }, (_, i) => record(i, { description: i % 3 === 0 ? "reverse words" : i % 3 === 1 ? "reverse the list of words quickly" : "count vowels", score: i % 2 === 0 ? 1 : 0.5, status: i % 2 === 0 ? "solved" : "unsolved" })));
    const query = { description: "reverse words" };
    const full = await store.query(query, { limit: 100, offset: 0 });
    expect(full.total).toBe(27);
    const paged = [];
    for (let offset = 0; offset < full.total; offset += 7) paged.push(...(await store.query(query, { limit: 7, offset })).items);
    expect(paged.map((r) => r.key)).toEqual(full.items.map((r) => r.key));
    expect(new Set(paged.map((r) => r.key)).size).toBe(27);
    const scores = full.items.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect((await store.list({ limit: 5, offset: 5 })).map((r) => r.spec_hash)).toEqual(["spec-5", "spec-6", "spec-7", "spec-8", "spec-9"]);
    expect((await store.query({ description: "the of a" }, { limit: 5, offset: 0 })).total).toBe(0);
    await store.close();
  });

  test("export writes the kept records as JSON lines (as logged) or RFC 4180 CSV", async () => {
    const dir = await corpusDir();
    const { store } = await openStore(dir);
    await store.append([record(1, { description: 'Say "hi", then\nleave', python: "=cmd()" }), record(2)]);
    let jsonl = "";
    expect(await store.exportTo("jsonl", (t) => void (jsonl += t))).toBe(2);
    expect(jsonl).toBe(await logOf(dir));
    let csv = "";
    await store.exportTo("csv", (t) => void (csv += t));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("key,spec_hash,name,description,signature,status,score,perfect,time_ms,size,python,program,format,engine_version,run_id,timestamp");
    expect(csv).toContain(`,"Say ""hi"", then\nleave",`);
    expect(csv).toContain(",'=cmd(),");
    await store.close();
  });
});
