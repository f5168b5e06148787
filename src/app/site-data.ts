/**
 * The site's data folder (`aurora site build --data <dir>`): `runs/<run-id>/` (scores.json, meta.json, code/),
 * `progress.json` and `history/`. Read here, validated with the shared schemas, and handed to the Astro content
 * collections' loaders (site/src/content.config.ts), so bad data fails the build naming the file.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ZodError } from "zod";
import { RunRecordSchema, type FunctionTable, type RunDigest, type RunRecord } from "../report/schema.js";
import { digestRuns } from "../report/site/digest.js";
import { snapshotNames } from "../tracker/history.js";
import { parseProgress } from "../tracker/parse.js";
import { trackerPaths } from "../tracker/paths.js";
import type { Progress } from "../tracker/schema.js";
import { createTracker } from "../tracker/store.js";
import { listRuns } from "./runs.js";

/** A data file that does not validate; the message names the file and the JSON path. */
export class SiteDataError extends Error {
  override readonly name = "SiteDataError";
}

function zodMessage(file: string, e: ZodError): string {
  const issue = e.issues[0];
  const [part, ...rest] = issue?.path ?? [];
  const where = part === "scores" || part === "meta" ? `${path.join(file, `${part}.json`)}: ${rest.join(".") || "(root)"}` : `${file}: ${issue?.path.join(".") || "(root)"}`;
  return `${where}: ${issue?.message ?? "invalid"}`;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as unknown;
  } catch (e) {
    throw new SiteDataError(`${file}: ${e instanceof SyntaxError ? `not valid JSON (${e.message})` : "cannot be read"}`, { cause: e });
  }
}

/** Reads and validates one run folder; `withCode` adds the generated Python of its functions. */
export async function readRunRecord(dir: string, withCode: boolean): Promise<RunRecord> {
  const [scores, meta] = await Promise.all([readJson(path.join(dir, "scores.json")), readJson(path.join(dir, "meta.json"))]);
  const parsed = RunRecordSchema.safeParse({ scores, meta });
  if (!parsed.success) throw new SiteDataError(zodMessage(dir, parsed.error));
  if (!withCode) return parsed.data;
  const code: Record<string, string> = {};
  await Promise.all(
    parsed.data.scores.specs.map(async (s) => {
      const text = s.program === null ? undefined : await readFile(path.join(dir, "code", `${s.name}.py`), "utf8").catch(() => undefined);
      if (text !== undefined) code[s.name] = text;
    }),
  );
  return { ...parsed.data, code };
}

/** Every kept run under `<dataDir>/runs`, oldest first (the newest with its code). @throws SiteDataError */
export async function readSiteRuns(dataDir: string): Promise<RunRecord[]> {
  const runsDir = path.join(dataDir, "runs");
  const ids = await listRuns(runsDir);
  return Promise.all(ids.map((id, i) => readRunRecord(path.join(runsDir, id), i === ids.length - 1)));
}

/**
 * The site's run data: a digest of every kept run (history) and the full records of the newest `full` runs
 * (code, programs, graph), oldest first. Every run is validated whole first. @throws SiteDataError
 */
export async function readSiteRunData(dataDir: string, full = 2): Promise<{ table: FunctionTable; digests: RunDigest[]; records: RunRecord[] }> {
  const runs = await readSiteRuns(dataDir);
  return { ...digestRuns(runs), records: runs.slice(-full) };
}

/** progress.json of the data folder, or undefined when there is none. @throws ProgressFileError when invalid */
export async function readSiteProgress(dataDir: string): Promise<Progress | undefined> {
  const text = await readFile(path.join(dataDir, "progress.json"), "utf8").catch(() => undefined);
  return text === undefined ? undefined : parseProgress(text, path.join(dataDir, "progress.json"));
}

/** The snapshots in `<dataDir>/history/`, oldest first, each validated. @throws ProgressFileError */
export async function readSiteHistory(dataDir: string): Promise<{ name: string; progress: Progress }[]> {
  const t = createTracker(trackerPaths(dataDir));
  const names = await snapshotNames(t);
  return Promise.all(names.map(async (name) => ({ name, progress: parseProgress(await readFile(path.join(t.paths.historyDir, `${name}.json`), "utf8"), `history/${name}.json`) })));
}
