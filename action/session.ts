/**
 * What one step has to work with: its configuration, aurora.config.yaml, the GitHub API and the results service
 * when they can be reached, and the notes (warnings) that end up in the job summary.
 */
import * as core from "@actions/core";
import path from "node:path";
import { ConfigError, loadConfigFile, type AuroraConfig } from "../src/app/config.js";
import { createApi, type Api } from "./api.js";
import type { ActionConfig } from "./config.js";
import { ActionInputError } from "./errors.js";
import { reachable } from "./reach.js";

/** One step's resources. `api` and `artifacts` are off when unreachable (a local run): the step warns and goes on. */
export interface Session {
  readonly cfg: ActionConfig;
  readonly file: AuroraConfig;
  /** The corpus folder (absolute): the corpus-path input, else aurora.config.yaml's `corpus.dir`, else `.aurora`. */
  readonly corpusDir: string;
  /** The corpus folder as handed to @actions/cache: relative to the workspace when inside it (stable keys across runners). */
  readonly cachePath: string;
  readonly api?: Api;
  /** The results (artifact) service can be used. */
  readonly artifacts: boolean;
  /** Warnings for the summary's notes. */
  readonly notes: string[];
}

/** A warning in the log and in the summary's notes. */
export function warn(session: Pick<Session, "notes">, message: string): void {
  core.warning(message);
  session.notes.push(message);
}

async function openApi(cfg: ActionConfig, notes: string[]): Promise<Api | undefined> {
  if (cfg.github.repo === undefined) {
    notes.push("not running on GitHub (no GITHUB_REPOSITORY): no baseline lookup, no comment");
    return undefined;
  }
  if (cfg.token === "") {
    warn({ notes }, "no github-token: no baseline lookup and no comment (the default is ${{ github.token }})");
    return undefined;
  }
  const probe = await reachable(cfg.github.apiUrl);
  if (!probe.ok) {
    warn({ notes }, `the GitHub API at ${cfg.github.apiUrl} cannot be reached (${probe.reason}): no baseline lookup, no comment`);
    return undefined;
  }
  return createApi(cfg.token, cfg.github.apiUrl);
}

async function openArtifacts(cfg: ActionConfig, notes: string[]): Promise<boolean> {
  if (cfg.services.resultsUrl === undefined) {
    notes.push("no Actions results service here (a local run?): the results artifact is not uploaded; the run folder has everything");
    return false;
  }
  const probe = await reachable(cfg.services.resultsUrl);
  if (!probe.ok) warn({ notes }, `the Actions results service cannot be reached (${probe.reason}): artifacts are skipped`);
  return probe.ok;
}

/** The cache path: relative to the workspace when inside it, absolute otherwise. */
export function cachePathOf(corpusDir: string, workspace: string): string {
  const rel = path.relative(workspace, corpusDir);
  return rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? corpusDir : rel.split(path.sep).join("/");
}

/** Reads aurora.config.yaml and checks which services answer. @throws ActionInputError on a bad config file */
export async function openSession(cfg: ActionConfig): Promise<Session> {
  const notes: string[] = [];
  const file = await loadConfigFile(cfg.cwd).catch((e: unknown) => {
    throw e instanceof ConfigError ? new ActionInputError(`${e.message} (in working-directory ${cfg.cwd})`) : e;
  });
  const [api, artifacts] = await Promise.all([openApi(cfg, notes), openArtifacts(cfg, notes)]);
  const corpusDir = path.resolve(cfg.cwd, cfg.corpusPath || file.config.corpus?.dir || ".aurora");
  return { cfg, file: file.config, corpusDir, cachePath: cachePathOf(corpusDir, cfg.github.workspace), ...(api ? { api } : {}), artifacts, notes };
}
