/**
 * The corpus cache, following actions/cache and actions/setup-node: a unique key per run (caches are immutable,
 * so every run that learned something saves a new entry) and a prefix restore key that finds the newest entry this
 * ref may read (its own, then the base and default branch's). Restored in the main step, saved in `post`.
 */
import * as cache from "@actions/cache";
import * as core from "@actions/core";
import { stat } from "node:fs/promises";
import type { ActionConfig } from "./config.js";
import { messageOf } from "./errors.js";
import { reachable } from "./reach.js";

/** The primary key and the restore prefixes of this step. */
export interface CacheKeys {
  readonly key: string;
  readonly restoreKeys: readonly string[];
}

/** What restoring did. */
export type RestoreOutcome =
  | { readonly kind: "hit"; readonly matchedKey: string }
  | { readonly kind: "miss" }
  | { readonly kind: "skipped"; readonly reason: string };

/** State handed from the main step to `post` (core.saveState). */
export const STATE = { save: "cache-save", key: "cache-key", path: "cache-path", matched: "cache-matched-key" } as const;

/** `<prefix>-<os>-<arch>-<run id>-<attempt>-<job>[-shard-i-of-n]`, restore prefix `<prefix>-<os>-<arch>-`. */
export function cacheKeys(cfg: Pick<ActionConfig, "cache" | "github" | "shard">): CacheKeys {
  const g = cfg.github;
  const base = `${cfg.cache.prefix}-${g.runnerOs}-${g.runnerArch}-`;
  const job = g.job.replace(/[^A-Za-z0-9._-]/g, "_") || "job";
  const shard = cfg.shard ? `-shard-${cfg.shard.index}-of-${cfg.shard.count}` : "";
  return { key: `${base}${g.runId}-${g.runAttempt}-${job}${shard}`, restoreKeys: [base] };
}

/** Why the cache cannot be used here, or undefined when it can. */
async function unavailable(cfg: ActionConfig): Promise<string | undefined> {
  if (!cfg.cache.enabled) return "cache: false";
  if (cfg.services.cacheUrl === undefined || !cache.isFeatureAvailable()) return "no Actions cache service here (a local run, or act without a cache server): the corpus starts empty and is not saved";
  const probe = await reachable(cfg.services.cacheUrl);
  return probe.ok ? undefined : `the Actions cache service cannot be reached (${probe.reason}): the corpus starts empty and is not saved`;
}

/** Restores the newest corpus this ref may read into `cachePath`. Never throws: a failure is a warning. */
export async function restoreCorpus(cfg: ActionConfig, cachePath: string, keys: CacheKeys): Promise<RestoreOutcome> {
  const reason = await unavailable(cfg);
  if (reason !== undefined) return { kind: "skipped", reason };
  try {
    const matched = await cache.restoreCache([cachePath], keys.key, [...keys.restoreKeys]);
    return matched === undefined ? { kind: "miss" } : { kind: "hit", matchedKey: matched };
  } catch (e) {
    core.warning(`could not restore the corpus cache: ${messageOf(e)}`);
    return { kind: "skipped", reason: messageOf(e) };
  }
}

/** Hands the save decision to `post`: save only when asked to, the service works, and the key is new. */
export function planSave(cachePath: string, keys: CacheKeys, restored: RestoreOutcome, save: boolean): void {
  const usable = restored.kind !== "skipped";
  core.saveState(STATE.save, String(save && usable));
  core.saveState(STATE.key, keys.key);
  core.saveState(STATE.path, cachePath);
  core.saveState(STATE.matched, restored.kind === "hit" ? restored.matchedKey : "");
}

/** The `post` step: saves the corpus under this run's key when the main step planned it. Never fails the job. */
export async function saveCorpus(): Promise<void> {
  if (core.getState(STATE.save) !== "true") {
    core.info("aurora: the corpus cache is not saved by this step (see save-cache-if)");
    return;
  }
  const key = core.getState(STATE.key);
  const corpusPath = core.getState(STATE.path);
  if (core.getState(STATE.matched) === key) return core.info(`aurora: the corpus cache ${key} exists already`);
  if (!(await stat(corpusPath).catch(() => undefined))) return core.info(`aurora: no corpus at ${corpusPath}: nothing to save`);
  try {
    const id = await cache.saveCache([corpusPath], key);
    if (id !== -1) core.info(`aurora: saved the corpus as ${key}`);
  } catch (e) {
    core.warning(`could not save the corpus cache: ${messageOf(e)}`);
  }
}
