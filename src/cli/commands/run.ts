/**
 * `aurora run [specs...]`: synthesize into a new run under runs/ (scores.json, meta.json, generated code),
 * with defaults from aurora.config.yaml. Exit 0 when every spec is solved, 1 otherwise, 2 on usage errors.
 */
import type { Command } from "commander";
import path from "node:path";
import { ConfigError, loadConfigFile, type AuroraConfig } from "../../app/config.js";
import { runRun, type RunConfig } from "../../app/run.js";
import { UsageError, type CliIO } from "../io.js";
import { SynthProgress } from "../progress-view.js";
import type { Register } from "../register.js";
import { corpusRunConfig, describeRunCorpus } from "./corpus.js";
import { exitCode, positive } from "./synth.js";

interface RunFlags {
  readonly timeout?: string;
  readonly rounds?: string;
  readonly jobs?: string;
  readonly runsDir?: string;
  readonly keep?: string;
  readonly python?: string;
  /** false with --no-corpus. */
  readonly corpus?: boolean;
  readonly corpusDir?: string;
}

/** Flags over the config file over defaults. */
export function runConfig(specs: readonly string[], flags: RunFlags, file: AuroraConfig, io: CliIO): RunConfig {
  const inputs = specs.length > 0 ? specs : (file.specs ?? []);
  if (inputs.length === 0) throw new UsageError("no specs: give files or directories (aurora run examples) or list them under `specs:` in aurora.config.yaml");
  return {
    inputs,
    cwd: io.cwd,
    timeoutMs: (flags.timeout ? positive(flags.timeout, "--timeout") : (file.timeout ?? 10)) * 1000,
    rounds: flags.rounds ? positive(flags.rounds, "--rounds", true) : (file.rounds ?? 1),
    jobs: flags.jobs ? positive(flags.jobs, "--jobs", true) : (file.jobs ?? 1),
    runsDir: path.resolve(io.cwd, flags.runsDir ?? file.runs?.dir ?? "runs"),
    keep: flags.keep ? positive(flags.keep, "--keep", true) : (file.runs?.keep ?? 20),
    python: flags.python ?? file.python ?? io.env["AURORA_PYTHON"] ?? "python3",
    ...corpusOption(corpusRunConfig(io, flags, file)),
  };
}

function corpusOption(corpus: RunConfig["corpus"]): Pick<RunConfig, "corpus"> {
  return corpus ? { corpus } : {};
}

export const register: Register = (program: Command, io: CliIO, setExit) => {
  program
    .command("run")
    .description("synthesize the specs into a new run under runs/ (scores.json, meta.json, code/), defaults from aurora.config.yaml")
    .argument("[specs...]", "spec files or directories (default: `specs` in aurora.config.yaml)")
    .option("-t, --timeout <seconds>", "search budget per spec in the first round (default 10)")
    .option("-r, --rounds <n>", "rounds: each retries unsolved specs with twice the budget (default 1)")
    .option("-j, --jobs <n>", "specs searched in parallel (default 1)")
    .option("--runs-dir <dir>", "where runs are kept (default runs)")
    .option("--keep <n>", "runs to keep; older ones are deleted, baselines never (default 20)")
    .option("--python <path>", "Python interpreter used for validation (env AURORA_PYTHON)")
    .option("--no-corpus", "do not record this run's attempts in the corpus")
    .option("--corpus-dir <dir>", "corpus folder (default: corpus.dir in aurora.config.yaml, else .aurora)")
    .action(async (specs: string[], flags: RunFlags) => {
      const file = await loadConfigFile(io.cwd).catch((e: unknown) => {
        throw e instanceof ConfigError ? new UsageError(e.message) : e;
      });
      const config = runConfig(specs, flags, file.config, io);
      const view = new SynthProgress(io);
      const result = await runRun(config, (e) => view.on(e));
      view.finish(result.scores, path.relative(io.cwd, result.dir) || ".");
      io.out(`run ${result.runId} -> ${path.relative(io.cwd, result.dir)} (runs/latest)`);
      if (result.corpus) io.out(describeRunCorpus(io, result.corpus));
      setExit(result.corpus?.error ? Math.max(exitCode(result.scores), 1) : exitCode(result.scores));
    });
};
