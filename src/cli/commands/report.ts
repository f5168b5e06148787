/** `aurora report [runDir]`: (re)writes a run's self-contained report.html (default: runs/latest). */
import type { Command } from "commander";
import path from "node:path";
import { CompareError, latestRunId } from "../../app/compare.js";
import { ConfigError } from "../../app/config.js";
import { configRules, writeReport } from "../../app/report.js";
import { UsageError, type CliIO } from "../io.js";
import type { Register } from "../register.js";

async function reportAction(runDir: string | undefined, flags: { runsDir?: string }, io: CliIO): Promise<void> {
  try {
    const rules = await configRules(io.cwd);
    const runsDir = path.resolve(io.cwd, flags.runsDir ?? "runs");
    const dir = runDir === undefined ? path.join(runsDir, await latestRunId(runsDir)) : path.resolve(io.cwd, runDir);
    const file = await writeReport({ runDir: dir, runsDir: runDir === undefined ? runsDir : path.dirname(dir), root: io.cwd, rules });
    io.out(`report: ${path.relative(io.cwd, file) || file}`);
  } catch (e) {
    throw e instanceof CompareError || e instanceof ConfigError ? new UsageError(e.message) : e;
  }
}

export const register: Register = (program: Command, io: CliIO) => {
  program
    .command("report")
    .description("write a run's self-contained report.html (default runs/latest)")
    .argument("[runDir]", "run folder, e.g. runs/20250101T120000Z-ab12")
    .option("--runs-dir <dir>", "where runs are kept, for trends and the previous run (default runs)")
    .action(async (runDir: string | undefined, flags: { runsDir?: string }) => reportAction(runDir, flags, io));
};
