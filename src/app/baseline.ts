/** `aurora baseline save <name>`: copies a run (runs/latest by default) to runs/baselines/<name>/. */
import { cp, rename, rm } from "node:fs/promises";
import path from "node:path";
import { baselinesDir, checkBaselineName, CompareError, listBaselines, resolveRunDir } from "./compare.js";
import { readRun } from "./runs.js";

/** What was saved. */
export interface SavedBaseline {
  readonly name: string;
  readonly dir: string;
  readonly runId: string;
  readonly replaced: boolean;
}

/**
 * Copies the run `from` (default `latest`) to `runs/baselines/<name>/` (copied, not linked: retention may delete
 * the run later). An existing baseline is replaced only with `force`. @throws CompareError
 */
export async function saveBaseline(runsDir: string, cwd: string, name: string, opts: { from?: string; force?: boolean } = {}): Promise<SavedBaseline> {
  checkBaselineName(name);
  const src = await resolveRunDir(runsDir, cwd, opts.from ?? "latest");
  const { meta } = await readRun(src.dir).catch((e: unknown) => {
    throw new CompareError(`cannot read the run in ${src.dir}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  });
  const dest = path.join(baselinesDir(runsDir), name);
  const replaced = (await listBaselines(runsDir)).includes(name);
  if (replaced && opts.force !== true) throw new CompareError(`baseline "${name}" exists (run ${dest}); pass --force to replace it`);
  const tmp = `${dest}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await cp(src.dir, tmp, { recursive: true, dereference: true });
  await rm(dest, { recursive: true, force: true });
  await rename(tmp, dest);
  return { name, dir: dest, runId: meta.run_id, replaced };
}
