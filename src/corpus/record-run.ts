/**
 * What `aurora run` does with the corpus after a run: append one record per spec outcome, then (when export is
 * on) queue the new records in the outbox and try to deliver everything waiting there.
 */
import type { Problem } from "../spec/problem.js";
import { CorpusError } from "./errors.js";
import { logSize } from "./log.js";
import { Outbox, type FlushReport } from "./outbox.js";
import type { PostExportConfig } from "./post.js";
import { recordOf, type OutcomeFields, type RunInfo } from "./run-records.js";
import { CorpusStore } from "./store.js";

/** The corpus settings of a run (absent: `--no-corpus`). */
export interface CorpusRunConfig {
  /** The corpus folder (absolute). */
  readonly dir: string;
  /** Set when AURORA_EXPORT_ENABLED=true. */
  readonly export?: PostExportConfig;
  /** @default 10000 */
  readonly lockTimeoutMs?: number;
}

/** What recording a run did. */
export interface CorpusRunResult {
  readonly dir: string;
  readonly appended: number;
  /** Distinct entries after the append. */
  readonly entries: number;
  readonly export?: FlushReport;
  /** Set when the records could not be saved (the message says why and what to do). */
  readonly error?: string;
}

/** Appends the run's records and flushes the export outbox. Corpus problems are returned, not thrown. */
export async function recordRun(config: CorpusRunConfig, items: readonly { readonly problem: Problem; readonly outcome: OutcomeFields }[], info: RunInfo, notice: (m: string) => void): Promise<CorpusRunResult> {
  const timestamp = info.timestamp ?? new Date().toISOString();
  const store = await CorpusStore.open({ dir: config.dir, ...(config.lockTimeoutMs ? { lockTimeoutMs: config.lockTimeoutMs } : {}), onNotice: notice }).catch(corpusProblem);
  if (typeof store === "string") return { dir: config.dir, appended: 0, entries: 0, error: `${store}; this run's records were not saved to the corpus` };
  const outbox = config.export ? new Outbox(store.paths, { onNotice: notice }) : undefined;
  try {
    await outbox?.start((await logSize(store.paths.log)) ?? 0);
    const result = await store.append(items.map((i) => recordOf(i.problem, i.outcome, { ...info, timestamp })));
    const entries = (await store.stats()).entries;
    await store.close();
    const exported = outbox && config.export ? await exportPending(outbox, config.export) : undefined;
    return { dir: config.dir, appended: result.appended, entries, ...(exported ? { export: exported } : {}) };
  } catch (e) {
    await store.close();
    return { dir: config.dir, appended: 0, entries: 0, error: `${corpusProblem(e)}; this run's records were not saved to the corpus` };
  }
}

/**
 * Queues the log's new records and sends every waiting batch. An outbox held by another process is reported in
 * the result (its batches stay queued), not thrown.
 */
export async function exportPending(outbox: Outbox, config: PostExportConfig): Promise<FlushReport> {
  try {
    await outbox.enqueue(config.batchSize ?? 100);
    return await outbox.flush(config);
  } catch (e) {
    return { sentBatches: 0, sentRecords: 0, pendingBatches: (await outbox.pending()).length, error: corpusProblem(e) };
  }
}

/** A corpus error's message; anything else is a bug and is thrown on. */
function corpusProblem(e: unknown): string {
  if (e instanceof CorpusError) return e.message;
  throw e;
}
