/**
 * `npm run bench -- killtest [--kills 200] [--seed 1]`: the corpus's crash-safety proof.
 *
 * Each round starts one or two writers (bench/corpus-writer.js) on one corpus, contending for its lock as the CLI
 * and `aurora serve` do, and SIGKILLs each at a random moment: during start-up and recovery, mid-append,
 * mid-index-update, mid-transaction, while holding the lock. After each round the corpus is opened again
 * (recovering as it must) and checked: every record the writer acknowledged (printed after the append resolved,
 * that is after fsync) is in corpus.jsonl and in the index with at least its score; the index passes
 * `PRAGMA integrity_check`, has ingested the whole log and holds one entry per distinct key of the log.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { keyHash } from "../src/corpus/merge.js";
import { CorpusStore } from "../src/corpus/store.js";
import type { CorpusRecord } from "../src/learn/record.js";
import { prng } from "./corpus-gen.js";

export interface KillTestOptions {
  readonly kills: number;
  /** The corpus folder (it accumulates across rounds). */
  readonly dir: string;
  /** The compiled store module the writer imports (build/corpus/store.js or build-bench/src/corpus/store.js). */
  readonly storeModule: string;
  readonly seed?: number;
  /** Kill delay after the writer is ready, in ms (uniform); a quarter of the rounds kill 0-1.5 s after the start instead. @default 800 */
  readonly maxDelayMs?: number;
  /** Writers killed per round, chosen from 1 to this (several writers contend for the lock, as the CLI and `aurora serve` do). @default 2 */
  readonly maxWriters?: number;
  readonly onRound?: (round: number, result: KillTestResult) => void;
}

export interface KillTestResult {
  /** Writer processes killed. */
  kills: number;
  /** Records acknowledged by writers before they were killed. */
  acknowledged: number;
  /** Acknowledged records missing from the log or the index after recovery (must be 0). */
  lost: number;
  /** Rounds after which the corpus could not be opened or its index was not consistent (must be 0). */
  unrecoverable: number;
  /** Recovery actions seen when reopening: stale locks removed, torn lines cut, index rebuilds. */
  readonly recoveries: { staleLocks: number; tornLines: number; rebuilds: number };
  readonly problems: string[];
  timeMs: number;
}

/** The writer script: next to this file, or (compiled into build-bench/bench/) in the sources' bench folder. */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const WRITER = [path.join(HERE, "corpus-writer.js"), path.join(HERE, "../../bench/corpus-writer.js")].find((f) => existsSync(f)) ?? "bench/corpus-writer.js";

/** Runs the kill test. */
export async function killTest(options: KillTestOptions): Promise<KillTestResult> {
  const t0 = performance.now();
  const rand = prng(options.seed ?? 1);
  const result: KillTestResult = { kills: 0, acknowledged: 0, lost: 0, unrecoverable: 0, recoveries: { staleLocks: 0, tornLines: 0, rebuilds: 0 }, problems: [], timeMs: 0 };
  const acked = new Map<string, number>();
  for (let round = 1; result.kills < options.kills; round++) {
    const writers = Math.min(options.kills - result.kills, 1 + Math.floor(rand() * (options.maxWriters ?? 2)));
    const runs = Array.from({ length: writers }, (_, w) => {
      const fromSpawn = rand() < 0.25;
      const plan = { writer: `w${round}x${w}`, seed: Math.floor(rand() * 2 ** 31), delayMs: rand() * (fromSpawn ? 1500 : (options.maxDelayMs ?? 800)), fromSpawn };
      return runAndKill(options, plan);
    });
    for (const run of await Promise.all(runs)) {
      result.kills++;
      if (run.error) result.problems.push(`round ${round}: ${run.error}`);
      for (const [hash, score] of run.acks) acked.set(hash, Math.max(score, acked.get(hash) ?? 0));
      result.acknowledged += run.acks.length;
    }
    await verify(options.dir, acked, result, round);
    options.onRound?.(round, result);
  }
  result.timeMs = performance.now() - t0;
  return result;
}

interface KillPlan {
  readonly writer: string;
  readonly seed: number;
  readonly delayMs: number;
  /** Count the delay from the start (hits start-up and recovery) instead of from "ready". */
  readonly fromSpawn: boolean;
}

/** Starts a writer and SIGKILLs it as planned; returns its acknowledgements, and an error if it died by itself. */
async function runAndKill(options: KillTestOptions, plan: KillPlan): Promise<{ acks: [string, number][]; error?: string }> {
  const child = spawn(process.execPath, [WRITER, options.storeModule, options.dir, plan.writer, String(plan.seed)], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    out += d;
    if (out.startsWith("ready\n")) onReady();
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) => child.once("exit", (code) => ((exitCode = code), resolve())));
  if (!plan.fromSpawn) await Promise.race([ready, exited]);
  await Promise.race([new Promise((r) => setTimeout(r, plan.delayMs)), exited]);
  child.kill("SIGKILL");
  await exited;
  const acks = parseAcks(out);
  return exitCode === null ? { acks } : { acks, error: `writer ${plan.writer} exited by itself (code ${String(exitCode)}): ${err.trim().split("\n").slice(-3).join(" | ")}` };
}

function parseAcks(out: string): [string, number][] {
  const acks: [string, number][] = [];
  for (const line of out.split("\n")) {
    if (!line.startsWith("ack ")) continue;
    for (const item of line.slice(4).split(" ")) {
      const [hash, score] = item.split(":");
      acks.push([hash!, Number(score)]);
    }
  }
  return acks;
}

/** Reopens the corpus and checks every acknowledged record and the index's consistency. */
async function verify(dir: string, acked: ReadonlyMap<string, number>, result: KillTestResult, round: number): Promise<void> {
  const notices: string[] = [];
  let store: CorpusStore;
  try {
    store = await CorpusStore.open({ dir, onNotice: (m) => notices.push(m) });
  } catch (e) {
    result.unrecoverable++;
    result.problems.push(`round ${round}: the corpus could not be opened: ${(e as Error).message}`);
    return;
  }
  try {
    await checkRound(store, dir, acked, result, round);
  } catch (e) {
    result.unrecoverable++;
    result.problems.push(`round ${round}: checking the reopened corpus failed: ${(e as Error).message} (notices: ${notices.join(" | ")})`);
  } finally {
    countRecoveries(notices, result);
    await store.close().catch(() => undefined);
  }
}

async function checkRound(store: CorpusStore, dir: string, acked: ReadonlyMap<string, number>, result: KillTestResult, round: number): Promise<void> {
  {
    const check = await store.check();
    const stats = await store.stats();
    const log = await logRecords(dir);
    const distinct = new Set(log.map((r) => keyHash(r))).size;
    if (!check.ok || stats.records !== log.length || stats.entries !== distinct) {
      result.unrecoverable++;
      result.problems.push(`round ${round}: index not consistent (integrity ${check.integrity}, at byte ${check.indexedBytes} of ${check.logBytes}, ${stats.records} of ${log.length} records, ${stats.entries} entries for ${distinct} keys)`);
    }
    const kept = new Map((await store.list({ limit: 1e9, offset: 0 })).map((r) => [r.spec_hash, r.score]));
    const inLog = new Set(log.map((r) => `${r.spec_hash}:${r.score}`));
    for (const [hash, score] of acked) {
      if (!inLog.has(`${hash}:${score}`) || (kept.get(hash) ?? -1) < score) {
        result.lost++;
        result.problems.push(`round ${round}: acknowledged record ${hash} (score ${score}) is missing`);
      }
    }
  }
}

function countRecoveries(notices: readonly string[], result: KillTestResult): void {
  for (const n of notices) {
    if (n.includes("stale lock")) result.recoveries.staleLocks++;
    if (n.includes("torn last line")) result.recoveries.tornLines++;
    if (n.startsWith("rebuilding")) result.recoveries.rebuilds++;
  }
}

/** Every record line of the log (a torn last line is not one). */
async function logRecords(dir: string): Promise<CorpusRecord[]> {
  const text = await readFile(path.join(dir, "corpus.jsonl"), "utf8").catch(() => "");
  const lines = text.split("\n");
  lines.pop();
  return lines.map((l) => JSON.parse(l) as CorpusRecord);
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { kills: { type: "string", default: "200" }, seed: { type: "string", default: "1" }, keep: { type: "boolean", default: false } } });
  const dir = await mkdtemp(path.join(tmpdir(), "aurora-killtest-"));
  const storeModule = fileURLToPath(new URL("../src/corpus/store.js", import.meta.url));
  try {
    const r = await killTest({
      kills: Number(values.kills),
      dir,
      storeModule,
      seed: Number(values.seed),
      onRound: (round, res) => {
        if (round % 20 === 0) process.stdout.write(`  round ${round}: ${res.kills} kills, ${res.acknowledged} acknowledged, ${res.lost} lost, ${res.unrecoverable} unrecoverable\n`);
      },
    });
    for (const p of r.problems.slice(0, 20)) process.stdout.write(`  problem: ${p}\n`);
    process.stdout.write(`kills: ${r.kills}\nacknowledged records: ${r.acknowledged}\nlost records: ${r.lost}\nunrecoverable databases: ${r.unrecoverable}\n`);
    process.stdout.write(`recoveries: ${r.recoveries.staleLocks} stale locks removed, ${r.recoveries.tornLines} torn lines cut, ${r.recoveries.rebuilds} index rebuilds\n`);
    process.stdout.write(`time: ${(r.timeMs / 1000).toFixed(1)} s\n`);
    if (r.lost > 0 || r.unrecoverable > 0 || r.problems.length > 0) process.exitCode = 1;
  } finally {
    if (values.keep) process.stdout.write(`corpus kept in ${dir}\n`);
    else await rm(dir, { recursive: true, force: true });
  }
}
