import path from "node:path";
import { recordRun, type CorpusRunConfig, type CorpusRunResult } from "../corpus/record-run.js";
import type { RunMeta, RunScores } from "../report/schema.js";
import type { Problem } from "../spec/problem.js";
import { DEFAULT_LEARNING, learnAfterRun, prepareGuidance, type Guidance, type LearningConfig } from "./learning.js";
import { writeRunReport } from "./report.js";
import { applyRetention, gitInfo, makeMeta, nextRunId, pointLatest, writeRun } from "./runs.js";
import { runSynth, type SpecOutcome, type SynthConfig, type SynthEvent, type SynthReport } from "./synth.js";
import { VERSION } from "./version.js";

/** Settings of `aurora run`: a synthesis whose results are kept as a run under `runsDir`. */
export interface RunConfig extends Omit<SynthConfig, "outDir"> {
  /** Where runs live. @default "runs" (relative to cwd) */
  readonly runsDir: string;
  /** Runs kept (older ones are deleted; baselines never). @default 20 */
  readonly keep: number;
  /** Known git commit/branch (the Action passes GITHUB_SHA); otherwise read from git. */
  readonly git?: { readonly commit: string | null; readonly branch: string | null };
  /** Record every spec outcome in this corpus (and POST-export it when configured); absent: no corpus. */
  readonly corpus?: CorpusRunConfig;
  /** Learning from the corpus (retrieval, weights, seed bias). @default DEFAULT_LEARNING */
  readonly learning?: LearningConfig;
}

export interface RunResult {
  readonly runId: string;
  readonly dir: string;
  readonly scores: RunScores;
  readonly meta: RunMeta;
  /** Each spec's problem with its outcome (for the corpus). */
  readonly solved: readonly { readonly problem: Problem; readonly outcome: SpecOutcome }[];
  /** What recording the run in the corpus did (when enabled). */
  readonly corpus?: CorpusRunResult;
}

/**
 * Runs the synthesis into `runs/<run-id>/` (generated code in `code/`, scores.json, meta.json), points
 * `runs/latest` at it and applies retention.
 */
export async function runRun(config: RunConfig, onEvent: (e: SynthEvent) => void = () => {}): Promise<RunResult> {
  const runsDir = path.resolve(config.cwd, config.runsDir);
  const runId = await nextRunId(runsDir);
  const dir = path.join(runsDir, runId);
  const solved: { problem: Problem; outcome: SpecOutcome }[] = [];
  const learning = config.learning ?? DEFAULT_LEARNING;
  const notice = (message: string): void => onEvent({ kind: "warning", message: `corpus: ${message}` });
  let guidance: Guidance | undefined;
  const prepare = async (problems: readonly Problem[]): Promise<Guidance | undefined> => {
    guidance = config.corpus ? await prepareGuidance(config.corpus.dir, problems, learning, notice) : await prepareGuidance("", problems, { ...learning, enabled: false }, notice);
    return guidance;
  };
  const report = await runSynth({ ...config, outDir: path.join(dir, "code"), prepare }, (e) => {
    if (e.kind === "spec") solved.push({ problem: e.problem, outcome: e.outcome });
    onEvent(e);
  });
  const options = { timeout_ms: config.timeoutMs, rounds: config.rounds, max_bytes: config.maxBytes ?? null, weights: guidance?.weights?.source ?? "uniform", learning: config.corpus ? learning : null };
  const meta = makeMeta(runId, config.inputs, options, config.git ?? (await gitInfo(config.cwd)));
  const scores = toRunScores(report);
  await writeRun(dir, scores, meta);
  await pointLatest(runsDir, runId);
  await applyRetention(runsDir, config.keep);
  await writeRunReport(dir, runsDir, config.cwd);
  const corpus = config.corpus ? await recordRun(config.corpus, solved, { runId, engineVersion: VERSION }, notice) : undefined;
  if (config.corpus && guidance && !corpus?.error) {
    await learnAfterRun(config.corpus.dir, guidance, solved.map((s) => ({ problem: s.problem, program: s.outcome.dsl })), learning, notice);
  }
  return { runId, dir, scores, meta, solved, ...(corpus ? { corpus } : {}) };
}

/** The report as the run-record schema's (mutable) data. */
export function toRunScores(report: SynthReport): RunScores {
  return JSON.parse(JSON.stringify({ specs: report.specs, errors: report.errors, summary: report.summary })) as RunScores;
}
