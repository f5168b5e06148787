/**
 * `aurora run [specs...]`: synthesize into a new run under runs/ (scores.json, meta.json, generated code),
 * with defaults from aurora.config.yaml. Exit 0 when every spec is solved, 1 otherwise, 2 on usage errors.
 */
import type { Command } from "commander";
import path from "node:path";
import { ConfigError, loadConfigFile, type AuroraConfig } from "../../app/config.js";
import { DEFAULT_LEARNING, type LearningConfig } from "../../app/learning.js";
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
  /** false with --no-learning / --no-prior. */
  readonly learning?: boolean;
  readonly prior?: boolean;
  readonly learningRate?: string;
  readonly biasDecay?: string;
}

/** A number in [0, 1] from a flag or an environment variable. @throws UsageError naming where it came from */
function unit(text: string, from: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${from} must be a number from 0 to 1, got "${text}"`);
  return n;
}

/** Learning settings: flags, then aurora.config.yaml `learning:`, then AURORA_LEARNING_RATE / AURORA_BIAS_DECAY, then defaults. */
export function learningConfig(flags: RunFlags, file: AuroraConfig, io: CliIO): LearningConfig {
  const env = io.env;
  const rate = flags.learningRate !== undefined ? unit(flags.learningRate, "--learning-rate") : (file.learning?.rate ?? (env["AURORA_LEARNING_RATE"] !== undefined ? unit(env["AURORA_LEARNING_RATE"], "AURORA_LEARNING_RATE") : DEFAULT_LEARNING.rate));
  const decay = flags.biasDecay !== undefined ? unit(flags.biasDecay, "--bias-decay") : (file.learning?.decay ?? (env["AURORA_BIAS_DECAY"] !== undefined ? unit(env["AURORA_BIAS_DECAY"], "AURORA_BIAS_DECAY") : DEFAULT_LEARNING.decay));
  return { enabled: flags.learning !== false && file.learning?.enabled !== false, rate, decay, prior: flags.prior === true };
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
    learning: learningConfig(flags, file, io),
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
    .option("--no-learning", "search without what the corpus learned (no retrieval, learned weights or seed bias)")
    .option("--prior", "start from the shipped prior weights (src/learn/prior.json)")
    .option("--learning-rate <r>", "seed-bias learning rate, 0-1 (env AURORA_LEARNING_RATE, default 0.1)")
    .option("--bias-decay <d>", "how much seed bias is kept per run, 0-1 (env AURORA_BIAS_DECAY, default 0.95)")
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
