/**
 * `mode: run`: restore the corpus -> synthesize this step's specs -> record in the corpus -> compare with the
 * baseline and publish (or, for a shard, publish the shard's results for the merge job).
 */
import * as core from "@actions/core";
import { cacheKeys, planSave, restoreCorpus, type RestoreOutcome } from "./cache.js";
import { headLabel, publishRun, publishShard } from "./publish.js";
import type { Session } from "./session.js";
import { specInputs } from "./specs.js";
import { reportCorpus, synthesize } from "./synthesize.js";

/** Logs the restore and returns the cache-hit output. */
export function reportRestore(outcome: RestoreOutcome, notes: string[]): boolean {
  switch (outcome.kind) {
    case "hit":
      core.info(`aurora: restored the corpus from ${outcome.matchedKey}`);
      return true;
    case "miss":
      core.info("aurora: no corpus cache yet: the corpus starts empty");
      return false;
    case "skipped":
      core.info(`aurora: corpus cache skipped: ${outcome.reason}`);
      notes.push(`Corpus cache skipped: ${outcome.reason}.`);
      return false;
  }
}

/** Runs `mode: run` (the corpus is recorded by the run itself, src/app/run.ts). */
export async function runMode(session: Session): Promise<void> {
  const { cfg } = session;
  const keys = cacheKeys(cfg);
  const restored = await restoreCorpus(cfg, session.cachePath, keys);
  const cacheHit = reportRestore(restored, session.notes);
  if (cfg.shard && cfg.cache.save) core.info("aurora: shards never save the corpus cache; the merge job does");
  planSave(session.cachePath, keys, restored, cfg.cache.save && cfg.shard === undefined);
  const inputs = await specInputs(cfg.specs, session.file.specs, cfg.cwd, cfg.shard);
  const result = await synthesize(session, inputs);
  reportCorpus(session, result);
  const run = { scores: result.scores, meta: result.meta, dir: result.dir, label: headLabel(cfg) };
  if (cfg.shard) await publishShard(session, run, cacheHit);
  else await publishRun(session, run, cacheHit);
}
