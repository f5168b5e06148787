/**
 * `aurora bench mbpp <jsonl> --out <dir> --timeout <s> [--holdout 1] [--jobs N]`: benchmark runs that print
 * figures and write results.json (see src/app/bench-*.ts).
 */
import type { Command } from "commander";
import path from "node:path";
import { runMbppBench } from "../../app/bench-mbpp.js";
import type { CliIO } from "../io.js";
import type { Register } from "../register.js";
import { positive } from "./synth.js";

interface MbppFlags {
  readonly out: string;
  readonly timeout: string;
  readonly holdout: string;
  readonly jobs: string;
  readonly limit?: string;
  readonly python?: string;
}

export const register: Register = (program: Command, io: CliIO) => {
  const bench = program.command("bench").description("run a benchmark set and write results.json");
  bench
    .command("mbpp")
    .description("MBPP JSON lines: synthesize from the first asserts, check the held-out ones in Python")
    .argument("<jsonl>", "MBPP file (one task per line)")
    .option("-o, --out <dir>", "output directory", "bench-out/mbpp")
    .option("-t, --timeout <seconds>", "search budget per task", "10")
    .option("--holdout <n>", "asserts held out per task", "1")
    .option("-j, --jobs <n>", "tasks searched in parallel", "1")
    .option("--limit <n>", "only the first N tasks")
    .option("--python <path>", "Python interpreter (env AURORA_PYTHON)")
    .action(async (file: string, flags: MbppFlags) => {
      const report = await runMbppBench(
        {
          file: path.resolve(io.cwd, file),
          outDir: path.resolve(io.cwd, flags.out),
          timeoutMs: positive(flags.timeout, "--timeout") * 1000,
          holdout: Number(flags.holdout),
          jobs: positive(flags.jobs, "--jobs", true),
          ...(flags.limit ? { limit: positive(flags.limit, "--limit", true) } : {}),
          python: flags.python ?? io.env["AURORA_PYTHON"] ?? "python3",
        },
        (r, done, total) => io.out(`[${done}/${total}] ${r.task_id} ${r.name}: ${r.status}${r.heldout_passed ? " (held-out passes)" : ""} ${(r.time_ms / 1000).toFixed(1)} s${r.program ? `  ${r.program}` : ""}`),
      );
      const s = report.summary;
      io.out(`\nMBPP: ${s.heldout_passed}/${s.total} solved with the held-out assert passing (${(s.rate * 100).toFixed(1)}%), ${s.solved} consistent with the searched asserts; ${(s.time_ms / 1000).toFixed(0)} s -> ${path.join(flags.out, "results.json")}`);
    });
};
