/**
 * The Action's main step: inputs -> config -> the mode's work -> outputs, summary, comment, artifact. Errors reach
 * the user once, here, through core.setFailed. `main.ts` only calls `run()`; tests import it without side effects.
 */
import * as core from "@actions/core";
import { mdText } from "../src/report/markdown.js";
import { readConfig, type ActionConfig } from "./config.js";
import { commentMode } from "./mode-comment.js";
import { mergeMode } from "./mode-merge.js";
import { runMode } from "./mode-run.js";
import { appendSummary } from "./report.js";
import { openSession } from "./session.js";

/** Masks every secret the step holds before anything can print it. */
function maskSecrets(cfg: ActionConfig, env: Readonly<Record<string, string | undefined>>): void {
  for (const secret of [cfg.token, env["ACTIONS_RUNTIME_TOKEN"], env["AURORA_API_KEY"]]) if (secret) core.setSecret(secret);
}

/** Runs the main step with the runner's inputs and environment. Never throws: a failure is summarized and fails the step. */
export async function run(env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  try {
    const cfg = await readConfig((name) => core.getInput(name), env);
    maskSecrets(cfg, env);
    const session = await openSession(cfg);
    switch (cfg.mode) {
      case "run":
        return await runMode(session);
      case "merge":
        return await mergeMode(session);
      case "comment":
        return await commentMode(session);
    }
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    if (!["ActionInputError", "UntrustedDataError", "ShardMergeError", "ConfigError", "CompareError"].includes(err.name) && err.stack) core.debug(err.stack);
    await appendSummary(`## Aurora-X: the step failed\n\n${mdText(err.message)}\n`);
    core.setFailed(`Aurora-X: ${err.message}`);
  }
}
