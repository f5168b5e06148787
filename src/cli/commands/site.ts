/** `aurora site build --data <dir> --out <dir> [--base /repo]`: the Astro dashboard from runs and progress. */
import type { Command } from "commander";
import path from "node:path";
import { buildSite, SiteBuildError, type SiteResult } from "../../app/site.js";
import { UsageError, type CliIO } from "../io.js";
import type { Register } from "../register.js";

interface SiteFlags {
  readonly data: string;
  readonly out: string;
  readonly base?: string;
  readonly install: boolean;
  readonly verbose?: boolean;
}

/** `1.2 MB`, `340 kB`. */
export function formatBytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} kB`;
}

/** The one-paragraph summary of a build. */
export function siteSummary(r: SiteResult, cwd: string): string {
  const w = r.weights;
  return `site: ${w.pages} pages in ${r.seconds.toFixed(1)} s -> ${path.relative(cwd, r.outDir) || r.outDir}\npages ${formatBytes(w.totalBytes)} in all (site ${formatBytes(w.siteBytes)}), largest ${w.largest.file} ${formatBytes(w.largest.bytes)}`;
}

export const register: Register = (program: Command, io: CliIO) => {
  const site = program.command("site").description("the Astro dashboard (site/)");
  site
    .command("build")
    .description("build the dashboard from runs/, history/ and progress.json")
    .option("--data <dir>", "folder with runs/ (and progress.json, history/)", ".")
    .option("--out <dir>", "output folder", "site/dist")
    .option("--base <path>", "base path for GitHub Pages project sites, e.g. /aurora-x")
    .option("--no-install", "fail instead of running npm ci in site/ when its dependencies are missing")
    .option("--verbose", "show Astro's output")
    .action(async (flags: SiteFlags) => {
      try {
        const r = await buildSite({
          dataDir: path.resolve(io.cwd, flags.data),
          outDir: path.resolve(io.cwd, flags.out),
          install: flags.install,
          ...(flags.base === undefined ? {} : { base: flags.base }),
          ...(flags.verbose === true ? { onOutput: (t: string) => io.err(t.replace(/\n$/, "")) } : {}),
        });
        if (r.installed) io.out("site: installed the site's dependencies (npm ci in site/)");
        io.out(siteSummary(r, io.cwd));
      } catch (e) {
        throw e instanceof SiteBuildError ? new UsageError(e.message) : e;
      }
    });
};
