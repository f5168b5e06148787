import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CorpusRecord } from "../../src/learn/record.js";
import { CorpusStore, type CorpusStoreOptions } from "../../src/corpus/store.js";

/** A valid record; `i` makes the spec hash (and so the key) distinct. */
export function record(i: number, over: Partial<CorpusRecord> = {}): CorpusRecord {
  return {
    v: 1,
    spec_hash: `spec-${i}`,
    name: `f${i}`,
    description: "Reverse the words of a sentence.",
    signature: "(s: str) -> str",
    params: [{ name: "s", type: "str" }],
    returns: "str",
    examples: [[["'a b'"], "'b a'"]],
    program: ["str.join", "str", ["#", " ", "str"], ["seq.reverse", "list[str]", ["str.split", "list[str]", ["$", "s", "str"]]]],
    python: "' '.join(s.split()[::-1])",
    status: "solved",
    score: 1,
    time_ms: 12,
    size: 5,
    engine_version: "0.1.0",
    run_id: "run-1",
    timestamp: "2026-01-01T00:00:00.000Z",
    format: "python",
    ...over,
  };
}

/** A fresh temp folder, removed by the returned cleanup. */
export async function tempDir(prefix = "aurora-corpus-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Opens a store collecting its notices. */
export async function openStore(dir: string, options: Partial<CorpusStoreOptions> = {}): Promise<{ store: CorpusStore; notices: string[] }> {
  const notices: string[] = [];
  const store = await CorpusStore.open({ dir, onNotice: (m) => notices.push(m), ...options });
  return { store, notices };
}
