/**
 * Content collections: runs, progress and history, read by the app layer's site-data module and validated with
 * the same zod schemas the engine writes with (src/report/schema.ts, src/tracker/schema.ts). Bad data fails the
 * build with the file and JSON path. Loaders return objects keyed by id (the data itself carries no `id`).
 */
import { defineCollection } from "astro:content";
import path from "node:path";
import { readSiteHistory, readSiteProgress, readSiteRunData } from "../../src/app/site-data.ts";
import { FunctionTableSchema, RunDigestSchema, RunRecordSchema } from "../../src/report/schema.ts";
import { ProgressSchema } from "../../src/tracker/schema.ts";

const dataDir = path.resolve(process.env.AURORA_SITE_DATA ?? path.join(process.env.AURORA_SITE_DIR ?? process.cwd(), ".."));

// Read once for both run collections (the loaders of one build run in the same process).
let runData: ReturnType<typeof readSiteRunData> | undefined;
const siteRuns = () => (runData ??= readSiteRunData(dataDir));

/** Every kept run as a digest (status, score, time, size per function): the history. */
const runs = defineCollection({
  loader: async () => Object.fromEntries((await siteRuns()).digests.map((d) => [d.meta.run_id, d])),
  schema: RunDigestSchema,
});

/** The functions the digests refer to (one entry). */
const functions = defineCollection({
  loader: async () => ({ table: (await siteRuns()).table }),
  schema: FunctionTableSchema,
});

/** The two newest runs in full (programs, DSL for the graph, generated code). */
const latest = defineCollection({
  loader: async () => Object.fromEntries((await siteRuns()).records.map((r) => [r.meta.run_id, r])),
  schema: RunRecordSchema,
});

const progress = defineCollection({
  loader: async () => {
    const p = await readSiteProgress(dataDir);
    return p === undefined ? {} : { progress: p };
  },
  schema: ProgressSchema,
});

const history = defineCollection({
  loader: async () => Object.fromEntries((await readSiteHistory(dataDir)).map((h) => [h.name, h.progress])),
  schema: ProgressSchema,
});

export const collections = { runs, functions, latest, progress, history };
