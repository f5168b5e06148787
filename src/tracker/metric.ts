/**
 * Reading a metric-linked task's percent from the runs folder. Tolerant on purpose: the run record format belongs
 * to another part of the project and grows, so only what is needed is read and anything else is ignored.
 *
 * `solved-share` reads `runs/<run>/scores.json` (run defaults to `latest`) and expects
 * `{ specs: [{ name, status, suite? }], summary?, suite? }`:
 * - a spec counts as solved when `status` is "solved" (any case), or, without a `status`, when `solved === true`;
 *   "unsolved", "ambiguous", "error" and unknown statuses count as not solved; entries that are not objects are skipped;
 * - with `suite`, all specs count when the run itself is of that suite (`scores.suite` or `meta.json`'s `suite`),
 *   otherwise only specs whose `suite` equals it or whose `name` starts with `<suite>/`;
 * - percent = 100 * solved / counted; a run with no matching specs gives no value.
 */
import { join } from "node:path";
import { isJsonObject, readJsonFile, type JsonRead } from "./jsonfile.js";
import type { Metric } from "./schema.js";

/** A metric value, or why there is none (shown to the user as is). */
export type MetricReading =
  | { readonly ok: true; readonly percent: number; readonly solved: number; readonly total: number; readonly source: string }
  | { readonly ok: false; readonly reason: string };

type Json = Record<string, unknown>;

const isObject = isJsonObject;

async function readJson(file: string): Promise<JsonRead> {
  const read = await readJsonFile(file);
  return "error" in read ? { error: `${read.error} (run the suite first)` } : read;
}

function isSolved(spec: Json): boolean {
  const status = spec["status"];
  if (typeof status === "string") return status.toLowerCase() === "solved";
  return spec["solved"] === true;
}

function inSuite(spec: Json, suite: string): boolean {
  const name = spec["name"];
  return spec["suite"] === suite || (typeof name === "string" && name.startsWith(`${suite}/`));
}

async function runSuite(runDir: string, scores: Json): Promise<string | undefined> {
  if (typeof scores["suite"] === "string") return scores["suite"];
  const meta = await readJson(join(runDir, "meta.json"));
  return "data" in meta && isObject(meta.data) && typeof meta.data["suite"] === "string" ? meta.data["suite"] : undefined;
}

/** Reads a `solved-share` metric below `runsDir`. Never throws for missing or malformed files: returns why instead. */
export async function readMetric(runsDir: string, metric: Metric): Promise<MetricReading> {
  const runDir = join(runsDir, metric.run ?? "latest");
  const file = join(runDir, "scores.json");
  const read = await readJson(file);
  if ("error" in read) return { ok: false, reason: read.error };
  if (!isObject(read.data) || !Array.isArray(read.data["specs"])) return { ok: false, reason: `${file} has no "specs" list` };
  let specs = read.data["specs"].filter(isObject);
  const suite = metric.suite;
  if (suite !== undefined && (await runSuite(runDir, read.data)) !== suite) specs = specs.filter((s) => inSuite(s, suite));
  if (specs.length === 0) return { ok: false, reason: `${file} has no specs${suite === undefined ? "" : ` of suite "${suite}"`}` };
  const solved = specs.filter(isSolved).length;
  return { ok: true, percent: (100 * solved) / specs.length, solved, total: specs.length, source: file };
}
