/**
 * `npm run bench -- retrieval [--entries 100000] [--queries 1000] [--k 10] [--cold 50] [--verify 5]`
 *
 * Generates a seeded corpus (bench/corpus-gen.ts) as corpus.jsonl in a temp folder, lets the store build its index
 * from the log, then times top-k retrievals: "warm" inside a live session (as during a run or in `aurora serve`)
 * and "cold" (every retrieval takes the lock, opens the database and closes it). A few queries are checked against
 * the brute-force ranking (every record scored by retrievalScore).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CorpusStore } from "../src/corpus/store.js";
import { retrievalScore, type RetrievalQuery } from "../src/learn/retrieval.js";
import { keyHash } from "../src/corpus/merge.js";
import type { CorpusRecord } from "../src/learn/record.js";
import { description, prng, signature, syntheticRecord } from "./corpus-gen.js";

/** Latency figures in ms. */
export interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

export function latency(samples: readonly number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0 };
}

function queries(n: number, seed: number): RetrievalQuery[] {
  const rand = prng(seed);
  return Array.from({ length: n }, () => {
    const [params, returns] = signature(rand);
    return { description: description(rand), params, returns };
  });
}

/** Wall-clock and CPU milliseconds per retrieval (CPU time shows the work when other processes load the machine). */
async function timeAll(store: CorpusStore, qs: readonly RetrievalQuery[], k: number): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of qs) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await store.retrieve(q, k);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

/** Compares the store's top-k with scoring every record; returns the number of mismatching queries. */
async function verify(store: CorpusStore, records: readonly CorpusRecord[], qs: readonly RetrievalQuery[], k: number): Promise<number> {
  let bad = 0;
  for (const q of qs) {
    const got = (await store.retrieve(q, k)).map((r) => `${r.key}:${r.score}`);
    const want = records
      .filter((r) => r.program !== null)
      .map((r) => ({ key: keyHash(r), score: retrievalScore(q, r) }))
      .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
      .slice(0, k)
      .map((x) => `${x.key}:${x.score}`);
    if (got.join() !== want.join()) bad++;
  }
  return bad;
}

const fmt = (l: Latency): string => `p50 ${l.p50.toFixed(2)} ms, p95 ${l.p95.toFixed(2)} ms, max ${l.max.toFixed(2)} ms`;

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { entries: { type: "string", default: "100000" }, queries: { type: "string", default: "1000" }, k: { type: "string", default: "10" }, cold: { type: "string", default: "50" }, verify: { type: "string", default: "5" } } });
  const n = Number(values.entries);
  const k = Number(values.k);
  const dir = await mkdtemp(path.join(tmpdir(), "aurora-bench-retrieval-"));
  try {
    process.stdout.write(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}\n`);
    const rand = prng(42);
    const records = Array.from({ length: n }, (_, i) => syntheticRecord(i, rand));
    await writeFile(path.join(dir, "corpus.jsonl"), records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    let t0 = performance.now();
    const store = await CorpusStore.open({ dir, lingerMs: 60_000 });
    const stats = await store.stats();
    process.stdout.write(`corpus: ${stats.entries} entries, ${stats.signatures} signatures; index built from corpus.jsonl in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    t0 = performance.now();
    await store.retrieve(queries(1, 1)[0]!, k);
    process.stdout.write(`first retrieval (loads the in-memory index): ${(performance.now() - t0).toFixed(0)} ms\n`);
    await timeAll(store, queries(50, 2), k);
    const warmRun = await timeAll(store, queries(Number(values.queries), 3), k);
    const warm = latency(warmRun.wall);
    process.stdout.write(`warm top-${k} retrieval at ${n} entries (${values.queries} queries): ${fmt(warm)}; CPU time ${fmt(latency(warmRun.cpu))}\n`);
    const mismatches = await verify(store, records, queries(Number(values.verify), 4), k);
    process.stdout.write(`exactness: ${mismatches} of ${values.verify} queries differ from the brute-force ranking\n`);
    await store.close();
    const coldStore = await CorpusStore.open({ dir, lingerMs: 0 });
    await coldStore.retrieve(queries(1, 1)[0]!, k);
    const coldRun = await timeAll(coldStore, queries(Number(values.cold), 5), k);
    process.stdout.write(`cold top-${k} retrieval (lock + open + close each time, ${values.cold} queries): ${fmt(latency(coldRun.wall))}; CPU time ${fmt(latency(coldRun.cpu))}\n`);
    await coldStore.close();
    if (warm.p95 > 10 || mismatches > 0) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
