/**
 * `aurora site build`: builds the Astro dashboard in site/ from a data folder (runs/, history/, progress.json)
 * into an output folder, with a base path for GitHub Pages project sites. The site has its own package.json;
 * its dependencies are installed here, deliberately, with `npm ci` from its lockfile (ADR 0008).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { access, cp, mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listRuns } from "./runs.js";

/** A site build that cannot start or failed; the message says what to do. */
export class SiteBuildError extends Error {
  override readonly name = "SiteBuildError";
}

/** Settings of a site build. */
export interface SiteConfig {
  /** Folder with runs/ (and optionally progress.json, history/). */
  readonly dataDir: string;
  readonly outDir: string;
  /** Base path, e.g. `/aurora-x` for https://user.github.io/aurora-x/. @default "/" */
  readonly base?: string;
  /** Run `npm ci` in site/ when its dependencies are missing. @default true */
  readonly install?: boolean;
  /** The Astro project. @default the site/ folder next to this package's build/ */
  readonly siteDir?: string;
  /** Receives the build's output lines (progress). */
  readonly onOutput?: (text: string) => void;
}

/** Sizes of the built pages. */
export interface PageWeights {
  readonly pages: number;
  readonly totalBytes: number;
  readonly largest: { readonly file: string; readonly bytes: number };
  /** Every file of the site (HTML, JS, CSS...), bytes. */
  readonly siteBytes: number;
}

/** What a build did. */
export interface SiteResult {
  readonly outDir: string;
  readonly seconds: number;
  readonly installed: boolean;
  readonly weights: PageWeights;
}

/** The site/ folder of this package: the nearest `site/astro.config.mjs` above this module (build/ or build-bench/). */
export function defaultSiteDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, "site", "astro.config.mjs"))) return path.join(dir, "site");
    const up = path.dirname(dir);
    if (up === dir) throw new SiteBuildError("cannot find the site/ folder of the Aurora-X package (site/astro.config.mjs)");
    dir = up;
  }
}

/** A base path as Astro wants it: leading slash, no trailing one (except `/`). @throws SiteBuildError */
export function normalizeBase(base: string | undefined): string {
  if (base === undefined || base === "" || base === "/") return "/";
  if (!/^\/?[A-Za-z0-9._~\-/]+$/.test(base)) throw new SiteBuildError(`--base "${base}" is not a URL path (e.g. /aurora-x for a GitHub Pages project site)`);
  return `/${base.replace(/^\/+|\/+$/g, "")}`;
}

function run(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, onOutput?: (t: string) => void): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const take = (b: Buffer): void => {
      const t = b.toString();
      output += t;
      onOutput?.(t);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Installs site/'s dependencies from its lockfile when astro is missing. @returns true when it installed */
export async function ensureSiteDeps(siteDir: string, install: boolean, onOutput?: (t: string) => void): Promise<boolean> {
  const astro = path.join(siteDir, "node_modules", "astro", "package.json");
  if (await access(astro).then(() => true, () => false)) return false;
  if (!install) throw new SiteBuildError(`the site's dependencies are not installed: run \`npm ci --prefix ${siteDir}\` (or drop --no-install)`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = await run(npm, ["ci", "--no-audit", "--no-fund"], siteDir, process.env, onOutput);
  if (r.code !== 0) throw new SiteBuildError(`npm ci in ${siteDir} failed (exit ${r.code}):\n${r.output.slice(-2000)}`);
  return true;
}

/** Every file under `dir` with its size. */
async function files(dir: string): Promise<{ file: string; bytes: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const list = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return Promise.all(list.map(async (file) => ({ file, bytes: (await stat(file)).size })));
}

/** Page weights of a built site: HTML pages (count, total, largest) and all files. */
export async function pageWeights(outDir: string): Promise<PageWeights> {
  const all = await files(outDir);
  const pages = all.filter((f) => f.file.endsWith(".html"));
  const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a), { file: "", bytes: 0 });
  return {
    pages: pages.length,
    totalBytes: pages.reduce((n, f) => n + f.bytes, 0),
    largest: { file: path.relative(outDir, largest.file), bytes: largest.bytes },
    siteBytes: all.reduce((n, f) => n + f.bytes, 0),
  };
}

/** Vite-style variables a parent tool (e.g. Vitest sets BASE_URL=/) would leak into Astro's own Vite. */
const VITE_VARS = /^(BASE_URL|MODE|DEV|PROD|SSR|TEST|VITE_.*|VITEST.*|NODE_ENV)$/;

/** The environment for the Astro child process, without a parent's Vite variables. */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !VITE_VARS.test(k)));
}

/** Replaces `to` with `from` (a rename, or a copy across file systems). */
async function moveDir(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await mkdir(path.dirname(to), { recursive: true });
  await rename(from, to).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== "EXDEV") throw e;
    await cp(from, to, { recursive: true });
  });
}

/** Builds the dashboard. @throws SiteBuildError (no runs, install or build failure) */
export async function buildSite(config: SiteConfig): Promise<SiteResult> {
  const siteDir = config.siteDir ?? defaultSiteDir();
  const dataDir = path.resolve(config.dataDir);
  const outDir = path.resolve(config.outDir);
  const base = normalizeBase(config.base);
  if ((await listRuns(path.join(dataDir, "runs"))).length === 0) throw new SiteBuildError(`no runs in ${path.join(dataDir, "runs")}: run \`aurora run\` first, or give --data <folder with runs/>`);
  const installed = await ensureSiteDeps(siteDir, config.install !== false, config.onOutput);
  const cache = await mkdtemp(path.join(tmpdir(), "aurora-site-cache-"));
  // Astro writes its server bundle below the output folder only when that is inside the working folder (else into
  // site/.astro/, shared by concurrent builds), and that bundle must resolve site/node_modules: so each build
  // writes into its own folder under site/.builds/ and the result is moved to the requested place.
  const work = path.join(siteDir, ".builds", `${process.pid}-${randomBytes(4).toString("hex")}`);
  const started = performance.now();
  try {
    const env = { ...childEnv(process.env), AURORA_SITE_DATA: dataDir, AURORA_SITE_OUT: work, AURORA_SITE_BASE: base, AURORA_SITE_CACHE: cache, AURORA_SITE_DIR: siteDir, ASTRO_TELEMETRY_DISABLED: "1" };
    const r = await run(process.execPath, [path.join(siteDir, "node_modules", "astro", "astro.js"), "build", "--silent"], siteDir, env, config.onOutput);
    if (r.code !== 0) throw new SiteBuildError(`the site build failed (exit ${r.code}):\n${r.output.slice(-4000)}`);
    await moveDir(work, outDir);
  } finally {
    await Promise.all([rm(cache, { recursive: true, force: true }), rm(work, { recursive: true, force: true })]);
  }
  const seconds = (performance.now() - started) / 1000;
  return { outDir, seconds, installed, weights: await pageWeights(outDir) };
}
