/**
 * The Action's configuration: every input and runner variable read once, here, into one validated object. Nothing
 * else in action/ (and nothing in src/) reads `core.getInput` or `process.env`.
 */
import path from "node:path";
import { readContext, type GitHubContext } from "./context.js";
import { ActionInputError } from "./errors.js";
import { baselineInput, booleanInput, choiceInput, countInput, listInput, secondsInput, shardInput, thresholdInput, type BaselineChoice, type GetInput, type Shard } from "./inputs.js";

export const MODES = ["run", "merge", "comment"] as const;
/** `run` synthesizes; `merge` combines shard artifacts; `comment` posts a fork PR's results from a workflow_run. */
export type Mode = (typeof MODES)[number];

export const COMMENT_MODES = ["always", "on-change", "on-regression", "off"] as const;
/** When the sticky PR comment is created (an existing one is always kept up to date unless `off`). */
export type CommentMode = (typeof COMMENT_MODES)[number];

/** The Actions services the runner exported (absent in a local run or under `act` without a cache server). */
export interface Services {
  /** The cache service's base URL, when the runner exported one. */
  readonly cacheUrl?: string;
  /** The results service (artifacts v2), when the runner exported it with a runtime token. */
  readonly resultsUrl?: string;
}

/** The corpus cache settings. */
export interface CacheConfig {
  readonly enabled: boolean;
  readonly prefix: string;
  /** Save the corpus in the post step (the `save-cache-if` decision). */
  readonly save: boolean;
}

/** The validated configuration of one step. */
export interface ActionConfig {
  readonly mode: Mode;
  /** The working directory (absolute): specs, aurora.config.yaml, runs/ and the corpus are relative to it. */
  readonly cwd: string;
  /** Spec globs; empty: `specs` of aurora.config.yaml. */
  readonly specs: readonly string[];
  readonly rounds?: number;
  readonly timeoutSec?: number;
  /** The corpus-path input (relative to cwd); empty: aurora.config.yaml's `corpus.dir`, else `.aurora`. */
  readonly corpusPath: string;
  readonly cache: CacheConfig;
  readonly baseline: BaselineChoice;
  readonly failOnRegression: boolean;
  /** `path=value` rule overrides (thresholds first, then the `rules` input). */
  readonly ruleOverrides: readonly string[];
  readonly commentMode: CommentMode;
  readonly token: string;
  readonly shard?: Shard;
  readonly artifactName: string;
  readonly github: GitHubContext;
  readonly services: Services;
}

type Env = Readonly<Record<string, string | undefined>>;

const ARTIFACT_NAME = /^[A-Za-z0-9._-]{1,200}$/;

function artifactName(raw: string): string {
  const name = raw === "" ? "aurora-results" : raw;
  if (!ARTIFACT_NAME.test(name)) throw new ActionInputError(`input artifact-name must use letters, digits, ".", "_" and "-" (at most 200), got "${raw}"`);
  return name;
}

function cachePrefix(raw: string): string {
  const prefix = raw === "" ? "aurora-corpus" : raw;
  if (prefix.includes(",") || prefix.length > 200) throw new ActionInputError(`input cache-key-prefix must be at most 200 characters without commas, got "${raw}"`);
  return prefix;
}

/** `auto`: pushes to the default branch. */
function saveCache(raw: string, github: GitHubContext): boolean {
  if (raw === "" || raw === "auto") return github.eventName === "push" && github.defaultBranch !== null && github.ref === `refs/heads/${github.defaultBranch}`;
  return booleanInput("save-cache-if", raw, false);
}

function ruleOverrides(get: GetInput): string[] {
  const warn = thresholdInput("warn-threshold", get("warn-threshold"));
  const fail = thresholdInput("fail-threshold", get("fail-threshold"));
  if (warn !== undefined && fail !== undefined && warn > fail) throw new ActionInputError(`input warn-threshold (${warn}) must not be above fail-threshold (${fail})`);
  return [...(warn === undefined ? [] : [`time.warn.relative=${warn}`]), ...(fail === undefined ? [] : [`time.fail.relative=${fail}`]), ...listInput(get("rules"))];
}

function services(env: Env): Services {
  const results = env["ACTIONS_RESULTS_URL"] || undefined;
  const cacheUrl = env["ACTIONS_CACHE_SERVICE_V2"] ? results : env["ACTIONS_CACHE_URL"] || undefined;
  const resultsUrl = env["ACTIONS_RUNTIME_TOKEN"] ? results : undefined;
  return { ...(cacheUrl ? { cacheUrl } : {}), ...(resultsUrl ? { resultsUrl } : {}) };
}

/** Reads and validates every input and runner variable. @throws ActionInputError naming the input */
export async function readConfig(get: GetInput, env: Env): Promise<ActionConfig> {
  const github = await readContext(env);
  const cwd = path.resolve(github.workspace, get("working-directory") || ".");
  const shard = shardInput(get("shard"));
  const mode = choiceInput("mode", get("mode"), MODES, "run");
  if (shard !== undefined && mode !== "run") throw new ActionInputError(`input shard is for mode: run (each shard job); the ${mode} job takes no shard`);
  const rounds = countInput("rounds", get("rounds"));
  const timeoutSec = secondsInput("timeout-per-spec", get("timeout-per-spec"));
  return {
    mode,
    cwd,
    specs: listInput(get("specs")),
    ...(rounds === undefined ? {} : { rounds }),
    ...(timeoutSec === undefined ? {} : { timeoutSec }),
    corpusPath: get("corpus-path"),
    cache: { enabled: booleanInput("cache", get("cache"), true), prefix: cachePrefix(get("cache-key-prefix")), save: saveCache(get("save-cache-if"), github) },
    baseline: baselineInput(get("baseline")),
    failOnRegression: booleanInput("fail-on-regression", get("fail-on-regression"), true),
    ruleOverrides: ruleOverrides(get),
    commentMode: choiceInput("comment-mode", get("comment-mode"), COMMENT_MODES, "on-change"),
    token: get("github-token"),
    ...(shard ? { shard } : {}),
    artifactName: artifactName(get("artifact-name")),
    github,
    services: services(env),
  };
}
