/**
 * The synthesis of a `run` step: `aurora run` (src/app/run.ts) on this step's specs with the inputs over
 * aurora.config.yaml over the defaults, logged in a collapsible group, recorded in the corpus (unless
 * aurora.config.yaml says `corpus: { enabled: false }`).
 */
import * as core from "@actions/core";
import path from "node:path";
import type { AuroraConfig } from "../src/app/config.js";
import { runRun, type RunResult } from "../src/app/run.js";
import type { SynthEvent } from "../src/app/synth.js";
import type { ActionConfig } from "./config.js";
import type { GitHubContext } from "./context.js";
import { warn, type Session } from "./session.js";

/** The runs folder of the working directory (aurora.config.yaml's `runs.dir`, default runs/). */
export function runsDirOf(cfg: Pick<ActionConfig, "cwd">, file: AuroraConfig): string {
  return path.resolve(cfg.cwd, file.runs?.dir ?? "runs");
}

/** The commit and branch recorded with the run: the PR head, else the pushed commit; unknown outside GitHub. */
export function gitOf(g: GitHubContext): { commit: string | null; branch: string | null } | undefined {
  if (g.pullRequest) return { commit: g.pullRequest.headSha, branch: g.pullRequest.headRef };
  return g.sha === "" ? undefined : { commit: g.sha, branch: g.refName || null };
}

function logEvent(e: SynthEvent): void {
  switch (e.kind) {
    case "loaded":
      core.info(`aurora: ${e.problems} spec${e.problems === 1 ? "" : "s"} to synthesize`);
      for (const err of e.errors) core.warning(`${err.file}:${err.line}: ${err.message}`);
      return;
    case "round":
      if (e.round > 1) core.info(`aurora: round ${e.round}: ${e.specs} unsolved specs, ${e.timeoutMs / 1000} s each`);
      return;
    case "spec":
      core.info(`${e.outcome.status === "solved" ? "✓" : e.outcome.status === "ambiguous" ? "?" : "✗"} ${e.outcome.name} (${e.outcome.file}:${e.outcome.line}) ${e.outcome.status} in ${(e.outcome.time_ms / 1000).toFixed(2)} s${e.outcome.program ? `: ${e.outcome.program}` : ""}`);
      return;
    case "warning":
      core.warning(e.message);
      return;
  }
}

/** Synthesizes `inputs` into a new run (`jobs` from aurora.config.yaml: the bundle ships the search worker). */
export async function synthesize(session: Session, inputs: readonly string[]): Promise<RunResult> {
  const { cfg, file } = session;
  const git = gitOf(cfg.github);
  core.startGroup(`aurora: synthesizing ${inputs.length === 0 ? "nothing (no spec files for this shard)" : inputs.join(", ")}`);
  try {
    return await runRun(
      {
        inputs,
        cwd: cfg.cwd,
        timeoutMs: (cfg.timeoutSec ?? file.timeout ?? 10) * 1000,
        rounds: cfg.rounds ?? file.rounds ?? 1,
        jobs: file.jobs ?? 1,
        runsDir: runsDirOf(cfg, file),
        keep: file.runs?.keep ?? 20,
        ...(file.python === undefined ? {} : { python: file.python }),
        ...(git === undefined ? {} : { git }),
        ...(file.corpus?.enabled === false ? {} : { corpus: { dir: session.corpusDir } }),
      },
      logEvent,
    );
  } finally {
    core.endGroup();
  }
}

/** Logs what recording the run in the corpus did; a corpus problem is a warning (the results stand without it). */
export function reportCorpus(session: Session, result: RunResult): void {
  const c = result.corpus;
  if (c === undefined) return core.info("aurora: the corpus is off (aurora.config.yaml corpus.enabled: false)");
  if (c.error !== undefined) return warn(session, `corpus: ${c.error}`);
  core.info(`aurora: recorded ${c.appended} attempts in the corpus at ${c.dir} (${c.entries} entries)`);
}
