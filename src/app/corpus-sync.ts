/**
 * Merging other corpora into one (the Action's matrix shards: each shard uploads its corpus.jsonl, the merge job
 * imports them all). A thin call into the corpus store (src/corpus), which owns locking, deduplication and
 * recovery; the merge is idempotent and order-independent (src/corpus/merge.ts).
 */
import { CorpusStore, type MergeReport } from "../corpus/store.js";

/** Merges each file (a corpus.jsonl or corpus.db of another corpus) into the corpus in `dir`, in order. */
export async function importCorpora(dir: string, files: readonly string[]): Promise<MergeReport[]> {
  const store = await CorpusStore.open({ dir });
  try {
    const reports: MergeReport[] = [];
    for (const file of files) reports.push(await store.importFile(file));
    return reports;
  } finally {
    await store.close();
  }
}
