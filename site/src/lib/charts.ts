/**
 * Function history charts for every function page, rendered once per build: half in a worker thread (when the
 * repository's compiled build/ is there), half here, in parallel. Without the worker everything renders here.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { TrendPoint } from "../../../src/report/history.ts";
import type { SiteModel } from "../../../src/report/site/model.ts";
import { functionCharts } from "../../../src/report/site/views.ts";

type Job = [slug: string, trend: readonly TrendPoint[]];

/** The Astro project folder: set by `aurora site build`, else the working folder (`npm run build` in site/). */
function siteDir(): string {
  return process.env["AURORA_SITE_DIR"] ?? process.cwd();
}

/** The compiled views module the worker runs, or undefined when build/ is missing. */
function compiledViews(): string | undefined {
  const file = path.resolve(siteDir(), "..", "build", "report", "site", "views.js");
  return existsSync(file) ? pathToFileURL(file).href : undefined;
}

function inWorker(views: string, jobs: Job[]): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(siteDir(), "src", "lib", "charts-worker.mjs"), { workerData: { views } });
    worker.once("message", (done: [string, string][]) => {
      void worker.terminate();
      resolve(new Map(done));
    });
    worker.once("error", reject);
    worker.postMessage(jobs);
  });
}

/** Below this many functions a worker's start-up (about 0.3 s) is not worth it. */
const WORKER_MIN = 40;

/** Every function page's charts by slug. */
export async function allFunctionCharts(m: SiteModel): Promise<Map<string, string>> {
  const jobs: Job[] = m.functions.map((f) => [f.slug, f.trend]);
  const views = jobs.length >= WORKER_MIN ? compiledViews() : undefined;
  const split = views === undefined ? 0 : Math.floor(jobs.length * 0.45);
  const away = views === undefined ? Promise.resolve(new Map<string, string>()) : inWorker(views, jobs.slice(0, split)).catch(() => undefined);
  const here = new Map(jobs.slice(split).map(([slug, trend]) => [slug, functionCharts(trend)] as const));
  const done = await away;
  const rest = done ?? new Map(jobs.slice(0, split).map(([slug, trend]) => [slug, functionCharts(trend)] as const));
  return new Map([...rest, ...here]);
}
