/**
 * The Action's `post` step: saves the corpus cache when the main step planned it (pushes to the default branch by
 * default). Runs after the job's other steps, so the corpus includes everything they learned. Never fails the job.
 */
import * as core from "@actions/core";
import { saveCorpus } from "./cache.js";

/** Runs the post step. Never throws. */
export async function runPost(): Promise<void> {
  try {
    await saveCorpus();
  } catch (e) {
    core.warning(`Aurora-X post step: ${e instanceof Error ? e.message : String(e)}`);
  }
}
