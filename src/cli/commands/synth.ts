/**
 * `aurora synth <files or dirs...> --out <dir> [--timeout <s>] [--rounds N]`: synthesize every spec, validate in
 * real Python, write <name>.py, test_<name>.py, <name>.ts and scores.json. Exit 0 when every spec is solved
 * (ambiguous counts as solved, with its warning), 1 otherwise, 2 on usage errors.
 */
import type { Command } from "commander";
import path from "node:path";
import { runSynth, type SynthConfig, type SynthReport } from "../../app/synth.js";
import { formatSpecError } from "../../spec/problem.js";
import { EXIT, UsageError, type CliIO } from "../io.js";
import type { Register } from "../register.js";
import { SynthProgress } from "../progress-view.js";

interface SynthFlags {
  readonly out: string;
  readonly timeout: string;
  readonly rounds: string;
  readonly python?: string;
  readonly memory?: string;
}

/** Parses a positive number flag. @throws UsageError */
export function positive(text: string, flag: string, integer = false): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new UsageError(`${flag} must be a positive ${integer ? "integer" : "number"}, got "${text}"`);
  return n;
}

export function synthConfig(specs: readonly string[], flags: SynthFlags, io: CliIO): SynthConfig {
  if (specs.length === 0) throw new UsageError("give at least one spec file or directory, e.g. aurora synth examples --out out");
  return {
    inputs: specs,
    outDir: path.resolve(io.cwd, flags.out),
    cwd: io.cwd,
    timeoutMs: positive(flags.timeout, "--timeout") * 1000,
    rounds: positive(flags.rounds, "--rounds", true),
    python: flags.python ?? io.env["AURORA_PYTHON"] ?? "python3",
    ...(flags.memory ? { maxBytes: positive(flags.memory, "--memory") * 2 ** 20 } : {}),
  };
}

export const register: Register = (program: Command, io: CliIO, setExit) => {
  program
    .command("synth")
    .description("synthesize functions from spec files (.py stubs, .yaml/.json specs) and write verified Python and TypeScript")
    .argument("<specs...>", "spec files or directories")
    .option("-o, --out <dir>", "output directory", "out")
    .option("-t, --timeout <seconds>", "search budget per spec in the first round", "10")
    .option("-r, --rounds <n>", "rounds: each retries unsolved specs with twice the budget", "1")
    .option("--python <path>", "Python interpreter used for validation (env AURORA_PYTHON)")
    .option("--memory <MiB>", "memory budget of the search per spec", undefined)
    .action(async (specs: string[], flags: SynthFlags) => {
      const config = synthConfig(specs, flags, io);
      const view = new SynthProgress(io);
      const report = await runSynth(config, (e) => view.on(e));
      view.finish(report, flags.out);
      setExit(exitCode(report));
    });
};

/** 0 when every spec is solved (or ambiguous), 1 when some are not or some specs had errors. */
export function exitCode(report: Pick<SynthReport, "summary">): number {
  return report.summary.solved === report.summary.total && report.summary.total > 0 ? EXIT.ok : EXIT.failed;
}

export { formatSpecError };
