/** `aurora baseline save <name> [--from run] [--force]` and `aurora baseline list`. */
import type { Command } from "commander";
import path from "node:path";
import { saveBaseline } from "../../app/baseline.js";
import { CompareError, listBaselines } from "../../app/compare.js";
import { ConfigError, loadConfigFile } from "../../app/config.js";
import { UsageError, type CliIO } from "../io.js";
import type { Register } from "../register.js";

async function runsDirOf(io: CliIO, flag: string | undefined): Promise<string> {
  const file = await loadConfigFile(io.cwd).catch((e: unknown) => {
    throw e instanceof ConfigError ? new UsageError(e.message) : e;
  });
  return path.resolve(io.cwd, flag ?? file.config.runs?.dir ?? "runs");
}

async function usage<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof CompareError ? new UsageError(e.message) : e;
  }
}

export const register: Register = (program: Command, io: CliIO) => {
  const cmd = program.command("baseline").description("named baselines under runs/baselines/ (never deleted by retention)");
  cmd
    .command("save")
    .description("copy a run (default runs/latest) to runs/baselines/<name>/")
    .argument("<name>", "baseline name, e.g. main or v1.0")
    .option("--from <run>", "run id, latest or run folder to save (default latest)")
    .option("--force", "replace an existing baseline")
    .option("--runs-dir <dir>", "where runs are kept (default runs)")
    .action(async (name: string, flags: { from?: string; force?: boolean; runsDir?: string }) => {
      const runsDir = await runsDirOf(io, flags.runsDir);
      const saved = await usage(() => saveBaseline(runsDir, io.cwd, name, { ...(flags.from ? { from: flags.from } : {}), force: flags.force === true }));
      io.out(`baseline ${saved.name} ${saved.replaced ? "replaced" : "saved"}: run ${saved.runId} -> ${path.relative(io.cwd, saved.dir) || saved.dir}`);
    });
  cmd
    .command("list")
    .description("list the saved baselines")
    .option("--runs-dir <dir>", "where runs are kept (default runs)")
    .action(async (flags: { runsDir?: string }) => {
      const names = await listBaselines(await runsDirOf(io, flags.runsDir));
      io.out(names.length === 0 ? "no baselines yet: aurora baseline save <name>" : names.join("\n"));
    });
};
