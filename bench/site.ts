/**
 * `npm run bench -- site [--functions 1000] [--runs 100] [--keep]`: generates that much history, builds the
 * dashboard with `aurora site build`'s code path, prints the build time and page weights, and checks the
 * budgets (exit code 1 when one is exceeded).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildSite } from "../src/app/site.js";
import { formatBytes } from "../src/cli/commands/site.js";
import { generateSiteData } from "./site-data.js";

/** The budgets the dashboard must keep at 1,000 functions x 100 runs on a 2-core machine. */
export const SITE_BUDGETS = {
  /** Build time (Astro, content collections, every page), seconds. */
  buildSeconds: 60,
  /** The largest HTML page. */
  largestPageBytes: 1_000_000,
  /** All HTML pages together. */
  totalPageBytes: 150_000_000,
} as const;

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { functions: { type: "string", default: "1000" }, runs: { type: "string", default: "100" }, keep: { type: "boolean", default: false } } });
  const functions = Number(values.functions);
  const runs = Number(values.runs);
  const dir = await mkdtemp(path.join(tmpdir(), "aurora-site-bench-"));
  try {
    let t = performance.now();
    await generateSiteData(dir, { functions, runs });
    process.stdout.write(`generated ${functions} functions x ${runs} runs in ${((performance.now() - t) / 1000).toFixed(1)} s (${dir})\n`);
    t = performance.now();
    const r = await buildSite({ dataDir: dir, outDir: path.join(dir, "dist"), base: "/aurora-x" });
    const w = r.weights;
    process.stdout.write(`site build: ${r.seconds.toFixed(1)} s (astro), ${((performance.now() - t) / 1000).toFixed(1)} s with page weighing\n`);
    process.stdout.write(`pages: ${w.pages}, total ${formatBytes(w.totalBytes)}, largest ${w.largest.file} ${formatBytes(w.largest.bytes)}, all files ${formatBytes(w.siteBytes)}\n`);
    const over = [
      r.seconds > SITE_BUDGETS.buildSeconds ? `build ${r.seconds.toFixed(1)} s > ${SITE_BUDGETS.buildSeconds} s` : "",
      w.largest.bytes > SITE_BUDGETS.largestPageBytes ? `largest page ${formatBytes(w.largest.bytes)} > ${formatBytes(SITE_BUDGETS.largestPageBytes)}` : "",
      w.totalBytes > SITE_BUDGETS.totalPageBytes ? `pages ${formatBytes(w.totalBytes)} > ${formatBytes(SITE_BUDGETS.totalPageBytes)}` : "",
    ].filter((s) => s !== "");
    process.stdout.write(over.length === 0 ? `budgets: all kept (build <= ${SITE_BUDGETS.buildSeconds} s, largest page <= ${formatBytes(SITE_BUDGETS.largestPageBytes)}, pages <= ${formatBytes(SITE_BUDGETS.totalPageBytes)})\n` : `BUDGETS EXCEEDED: ${over.join("; ")}\n`);
    if (over.length > 0) process.exitCode = 1;
  } finally {
    if (values.keep !== true) await rm(dir, { recursive: true, force: true });
  }
}
