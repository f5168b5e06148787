/**
 * `mode: merge`: after the shard jobs of this run, download every shard artifact, merge their corpora into the
 * restored corpus (corpus import: deduplicated, order-independent) and their scores into one run, then compare
 * with the baseline and report once. The merge job is the only one that saves the corpus cache.
 */
import * as core from "@actions/core";
import { stat } from "node:fs/promises";
import path from "node:path";
import { importCorpora } from "../src/app/corpus-sync.js";
import { mergeRuns } from "../src/app/merge-runs.js";
import { downloadOwn, listOwnArtifacts, shardOfArtifact } from "./artifacts.js";
import { cacheKeys, planSave, restoreCorpus } from "./cache.js";
import { ShardMergeError, messageOf } from "./errors.js";
import type { Shard } from "./inputs.js";
import { reportRestore } from "./mode-run.js";
import { headLabel, publishRun } from "./publish.js";
import { warn, type Session } from "./session.js";
import { gitOf, runsDirOf } from "./synthesize.js";
import { readUntrustedRun, RESULT_FILES } from "./untrusted.js";

/** A shard artifact of this run. */
export interface ShardArtifact {
  readonly shard: Shard;
  readonly id: number;
  readonly name: string;
}

/** This run's shard artifacts, one per shard 1..n, in order. @throws ShardMergeError when any is missing */
export function pickShards(base: string, artifacts: readonly { name: string; id: number }[]): ShardArtifact[] {
  const found = artifacts.flatMap((a) => {
    const shard = shardOfArtifact(base, a.name);
    return shard ? [{ shard, id: a.id, name: a.name }] : [];
  });
  if (found.length === 0) throw new ShardMergeError(`no shard artifacts (${base}-shard-<i>-of-<n>) in this run: run the shards (shard: i/n) in jobs this merge job needs`);
  const counts = [...new Set(found.map((f) => f.shard.count))];
  if (counts.length > 1) throw new ShardMergeError(`the shard artifacts disagree on the number of shards (${counts.join(" and ")}): ${found.map((f) => f.name).join(", ")}`);
  const count = counts[0]!;
  const out: ShardArtifact[] = [];
  for (let i = 1; i <= count; i++) {
    const hit = found.find((f) => f.shard.index === i);
    if (!hit) throw new ShardMergeError(`shard ${i} of ${count} has no artifact (${base}-shard-${i}-of-${count}): did that shard job fail?`);
    out.push(hit);
  }
  return out;
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

/** Merges the shards' corpora into the corpus folder; a problem is a warning (the results stand without it). */
async function mergeCorpora(session: Session, dirs: readonly string[]): Promise<void> {
  const files: string[] = [];
  for (const d of dirs) if (await exists(path.join(d, RESULT_FILES.corpus))) files.push(path.join(d, RESULT_FILES.corpus));
  try {
    const reports = await importCorpora(session.corpusDir, files);
    const added = reports.reduce((t, r) => t + r.added + r.superseded, 0);
    core.info(`aurora: merged ${files.length} shard corpora (${added} new or better entries)`);
  } catch (e) {
    warn(session, `could not merge the shard corpora into ${session.corpusDir}: ${messageOf(e)}`);
  }
}

/** Runs `mode: merge`. */
export async function mergeMode(session: Session): Promise<void> {
  const { cfg } = session;
  if (!session.artifacts) throw new ShardMergeError("mode: merge downloads the shard artifacts, but the Actions results service is not available here");
  const keys = cacheKeys(cfg);
  const restored = await restoreCorpus(cfg, session.cachePath, keys);
  const cacheHit = reportRestore(restored, session.notes);
  planSave(session.cachePath, keys, restored, cfg.cache.save);
  const shards = pickShards(cfg.artifactName, await listOwnArtifacts());
  const dirs: string[] = [];
  for (const s of shards) {
    const dir = await downloadOwn(s.id, cfg.github.runnerTemp);
    await readUntrustedRun(dir);
    dirs.push(dir);
  }
  await mergeCorpora(session, dirs);
  const merged = await mergeRuns({ parts: dirs, runsDir: runsDirOf(cfg, session.file), cwd: cfg.cwd, keep: session.file.runs?.keep ?? 20, git: gitOf(cfg.github) ?? { commit: null, branch: null } });
  core.info(`aurora: merged ${shards.length} shards into run ${merged.runId}: ${merged.scores.summary.solved}/${merged.scores.summary.total} solved`);
  await publishRun(session, { ...merged, label: headLabel(cfg) }, cacheHit);
}
