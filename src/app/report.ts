/**
 * `runs/<id>/report.html`: reads the run, the kept runs before it, the generated code and the tracker's
 * progress.json (when there is one), and writes the self-contained report. Written by `aurora run`, rewritten by
 * `aurora report [runDir]`.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ACK_FILE } from "../report/ack.js";
import { compareRuns, keyFunction } from "../report/compare.js";
import { graphInputs, relationGraph } from "../report/graph.js";
import { sortRuns, trends, type HistoryRun } from "../report/history.js";
import type { HudHistoryPoint, HudProgress } from "../report/hud/index.js";
import { renderReport } from "../report/html/page.js";
import { CompareRulesSchema, type CompareRules } from "../report/rules.js";
import type { SpecScore } from "../report/schema.js";
import { summarize } from "../tracker/compute.js";
import { listSnapshots } from "../tracker/history.js";
import { trackerPaths } from "../tracker/paths.js";
import { createTracker, loadProgress } from "../tracker/store.js";
import { loadAcks, loadRunInput } from "./compare.js";
import { loadConfigFile } from "./config.js";
import { listRuns, readRun, writeAtomic } from "./runs.js";

/** Where the report's inputs live. */
export interface ReportConfig {
  /** The run folder to report on. */
  readonly runDir: string;
  /** The runs folder whose kept runs give the history (absolute). */
  readonly runsDir: string;
  /** The project root: progress.json, history/ and aurora-acknowledged.yaml. */
  readonly root: string;
  readonly rules: CompareRules;
}

/** The kept runs (oldest first) that are readable; unreadable ones are skipped (a run being written, a bad file). */
export async function loadHistory(runsDir: string): Promise<HistoryRun[]> {
  const ids = await listRuns(runsDir);
  const runs = await Promise.all(ids.map((id) => readRun(path.join(runsDir, id)).catch(() => undefined)));
  return runs.filter((r): r is HistoryRun => r !== undefined);
}

/** The tracker's summary and snapshot points, or undefined when there is no (valid) progress.json. */
export async function loadProgressView(root: string): Promise<{ summary: HudProgress; history: HudHistoryPoint[] } | undefined> {
  const t = createTracker(trackerPaths(root));
  const progress = await loadProgress(t).catch(() => undefined);
  if (progress === undefined) return undefined;
  const snapshots = await listSnapshots(t).catch(() => []);
  return { summary: summarize(progress), history: snapshots.flatMap((s) => (s.overall === undefined ? [] : [{ name: s.name, at: s.at, overall: s.overall }])) };
}

/** Generated Python of each spec with a program (`code/<name>.py`). */
async function loadCode(runDir: string, specs: readonly SpecScore[]): Promise<Map<string, string>> {
  const entries = await Promise.all(specs.filter((s) => s.program !== null).map(async (s) => [s.name, await readFile(path.join(runDir, "code", `${s.name}.py`), "utf8").catch(() => undefined)] as const));
  return new Map(entries.filter((e): e is readonly [string, string] => e[1] !== undefined));
}

/** Builds the report of a run as HTML. */
export async function buildReport(config: ReportConfig): Promise<string> {
  const run = await loadRunInput(config.runDir, "this run");
  const kept = (await loadHistory(config.runsDir)).filter((r) => r.meta.run_id < run.meta.run_id);
  const history = sortRuns([...kept, run]);
  const previous = kept.at(-1);
  const acks = await loadAcks(path.join(config.root, ACK_FILE)).catch(() => []);
  const comparison = previous && compareRuns({ ...previous, label: "previous run" }, { ...run, label: "this run" }, { rules: config.rules, acks });
  const keyOf = keyFunction(...history.map((r) => r.scores));
  const [code, progress] = await Promise.all([loadCode(config.runDir, run.scores.specs), loadProgressView(config.root)]);
  return renderReport({
    run,
    history,
    graph: relationGraph(graphInputs(run.scores.specs, keyOf)),
    trends: trends(history),
    keyOf,
    code,
    ...(comparison ? { comparison } : {}),
    ...(progress ? { progress } : {}),
  });
}

/** Writes `<runDir>/report.html` (atomically) and returns its path. */
export async function writeReport(config: ReportConfig): Promise<string> {
  const file = path.join(config.runDir, "report.html");
  await writeAtomic(file, await buildReport(config));
  return file;
}

/** The rules from the project's config file (`compare:`), defaults otherwise. */
export async function configRules(root: string): Promise<CompareRules> {
  const file = await loadConfigFile(root);
  return CompareRulesSchema.parse(file.config.compare ?? {});
}

/** The report `aurora run` writes after a run: rules from the config file of `root`. */
export async function writeRunReport(runDir: string, runsDir: string, root: string): Promise<string> {
  return writeReport({ runDir, runsDir, root, rules: await configRules(root) });
}
