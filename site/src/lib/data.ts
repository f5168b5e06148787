/**
 * The glue between the content collections and the pure model (src/report/site): reads the collections once
 * per build and caches the model. Pages call `model()` and the view functions, nothing else.
 */
import { getCollection, getEntry } from "astro:content";
import { allFunctionCharts } from "./charts.ts";
import path from "node:path";
import { loadAcks } from "../../../src/app/compare.ts";
import { ACK_FILE } from "../../../src/report/ack.ts";
import { configRules } from "../../../src/app/report.ts";
import { mergeRuns } from "../../../src/report/site/digest.ts";
import { siteModel, type SiteModel } from "../../../src/report/site/model.ts";
import { links, type Links } from "../../../src/report/site/views.ts";
import { overallPercent, summarize } from "../../../src/tracker/compute.ts";
import { snapshotTime } from "../../../src/tracker/names.ts";

let cached: Promise<SiteModel> | undefined;

async function build(): Promise<SiteModel> {
  const [digests, table, latest, progress, history] = await Promise.all([getCollection("runs"), getEntry("functions", "table"), getCollection("latest"), getCollection("progress"), getCollection("history")]);
  const dataDir = path.resolve(process.env.AURORA_SITE_DATA ?? path.join(process.env.AURORA_SITE_DIR ?? process.cwd(), ".."));
  const acks = await loadAcks(path.join(dataDir, ACK_FILE));
  const p = progress[0]?.data;
  const points = history.map((h) => ({ name: h.id, at: snapshotTime(h.id)?.toISOString() ?? "", overall: overallPercent(h.data) }));
  return siteModel({
    runs: mergeRuns(
      digests.map((d) => d.data),
      table?.data ?? { name: [], file: [] },
      latest.map((r) => r.data),
    ),
    rules: await configRules(dataDir),
    acks,
    ...(p ? { progress: { summary: summarize(p), history: points.sort((a, b) => (a.name < b.name ? -1 : 1)), changes: p.changes ?? [] } } : {}),
  });
}

/** The dashboard model of this build. */
export function model(): Promise<SiteModel> {
  cached ??= build();
  return cached;
}

/** Links under the configured base path. */
export function siteLinks(): Links {
  return links(import.meta.env.BASE_URL);
}

let charts: Promise<Map<string, string>> | undefined;

/** The history charts of every function page (rendered once, partly in a worker thread). */
export async function functionChartsBySlug(): Promise<Map<string, string>> {
  charts ??= model().then(allFunctionCharts);
  return charts;
}
