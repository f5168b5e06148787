/**
 * `aurora bench mbpp <jsonl> --out <dir> --timeout <s> [--holdout 1] [--jobs N]`: benchmark runs that print
 * figures and write results.json (see src/app/bench-*.ts).
 */
import type { Command } from "commander";
import path from "node:path";
import { runMbppBench } from "../../app/bench-mbpp.js";
import { runSygusBench, summaryLines } from "../../app/bench-sygus.js";
import { Cvc5MissingError } from "../../app/cvc5.js";
import { UsageError } from "../io.js";
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

interface SygusFlags {
  readonly out: string;
  readonly timeout: string;
  readonly jobs: string;
  readonly vs?: string;
  readonly cvc5?: string;
}

export const register: Register = (program: Command, io: CliIO) => {
  const bench = program.command("bench").description("run a benchmark set and write results.json");
  bench
    .command("sygus")
    .description("SyGuS-IF problems (.sl files or directories), optionally side by side with cvc5")
    .argument("<inputs...>", "SyGuS files or directories")
    .option("-o, --out <dir>", "output directory", "bench-out/sygus")
    .option("-t, --timeout <seconds>", "budget per task (both solvers)", "10")
    .option("-j, --jobs <n>", "tasks in parallel (both solvers, one after the other)", "1")
    .option("--vs <solver>", "also run this solver on the same tasks (cvc5)")
    .option("--cvc5 <path>", "the cvc5 executable", "cvc5")
    .action(async (inputs: string[], flags: SygusFlags) => {
      if (flags.vs !== undefined && flags.vs !== "cvc5") throw new UsageError(`--vs ${flags.vs}: only cvc5 is supported`);
      try {
        const { summary } = await runSygusBench(
          { inputs, cwd: io.cwd, outDir: path.resolve(io.cwd, flags.out), timeoutMs: positive(flags.timeout, "--timeout") * 1000, jobs: positive(flags.jobs, "--jobs", true), vsCvc5: flags.vs === "cvc5", cvc5: flags.cvc5 ?? "cvc5" },
          (line) => io.out(line),
        );
        io.out("");
        for (const l of summaryLines(summary)) io.out(l);
        io.out(`-> ${path.join(flags.out, "results.json")}, results.csv`);
      } catch (e) {
        if (e instanceof Cvc5MissingError) throw new UsageError(e.message);
        throw e;
      }
    });
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
