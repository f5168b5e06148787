/**
 * Builds the Action's committed bundle, `dist/` (docs/adr/0010-action-dist.md), from the tsc output in
 * build/action/: ncc bundles each entry into one ES module (`index.js` for runs.main, `post.js` for runs.post),
 * the node-sqlite3-wasm `.wasm` is copied next to them (the shim in action/shim.ts points the binding at it), and
 * the bundled packages' licenses go to `licenses.txt`.
 *
 * `--check` builds into a temporary folder and compares it with dist/ file by file: any difference (changed,
 * missing or extra file) fails with the list, so a stale or hand-edited dist/ cannot be committed unnoticed.
 *
 * Determinism: no source maps, no minification, no timestamps; ncc names modules by their path relative to the
 * project, so the output depends only on the sources and the locked dependencies (not on the checkout's path).
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../../../..");
const NCC = path.join(ROOT, "node_modules/@vercel/ncc/dist/ncc/cli.js");
const WASM = path.join(ROOT, "node_modules/node-sqlite3-wasm/dist/node-sqlite3-wasm.wasm");
const ENTRIES = [
  { entry: "build/action/action/main.js", out: "index.js", licenses: true },
  { entry: "build/action/action/post.js", out: "post.js", licenses: false },
] as const;
/**
 * Assets ncc emits besides the bundle: the search pool's worker (`new Worker(new URL("./search-worker.js",
 * import.meta.url))`, built as its own bundle with `--asset-builds`) and the raw copy that worker bundle refers to
 * (its own pool is never started inside a worker). Any other asset fails the build.
 */
const EXPECTED_ASSETS = ["search-worker.js", "search-worker1.js"];

/** A bundle that does not match dist/. */
class DistMismatchError extends Error {
  override readonly name = "DistMismatchError";
}

async function nccBuild(entry: string, licenses: boolean): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), "aurora-ncc-"));
  const args = [NCC, "build", path.join(ROOT, entry), "-o", out, "--no-cache", "--quiet", "--target", "es2022", "--asset-builds", ...(licenses ? ["--license", "licenses.txt"] : [])];
  await exec(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return out;
}

/** Builds every file of dist/ into `dest`. */
async function build(dest: string): Promise<void> {
  await mkdir(dest, { recursive: true });
  for (const e of ENTRIES) {
    const out = await nccBuild(e.entry, e.licenses);
    try {
      const assets = (await readdir(out)).filter((f) => !["index.js", "package.json", "licenses.txt"].includes(f));
      const extra = assets.filter((f) => !EXPECTED_ASSETS.includes(f));
      if (extra.length > 0) throw new Error(`ncc emitted unexpected assets for ${e.entry}: ${extra.join(", ")} (a new dynamic import or file reference? see docs/adr/0010-action-dist.md)`);
      for (const a of assets) await copyFile(path.join(out, a), path.join(dest, a));
      await copyFile(path.join(out, "index.js"), path.join(dest, e.out));
      if (e.licenses) await copyFile(path.join(out, "licenses.txt"), path.join(dest, "licenses.txt"));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }
  await copyFile(WASM, path.join(dest, "node-sqlite3-wasm.wasm"));
  await writeFile(path.join(dest, "package.json"), `${JSON.stringify({ type: "module" }, null, 2)}\n`);
}

async function filesOf(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).sort();
}

/** The files that differ between two folders (changed, missing on either side). */
async function differences(a: string, b: string): Promise<string[]> {
  const names = [...new Set([...(await filesOf(a)), ...(await filesOf(b))])].sort();
  const out: string[] = [];
  for (const n of names) {
    const [x, y] = await Promise.all([readFile(path.join(a, n)).catch(() => undefined), readFile(path.join(b, n)).catch(() => undefined)]);
    if (x === undefined || y === undefined || !x.equals(y)) out.push(`${n}${x === undefined ? " (not built)" : y === undefined ? " (not committed)" : ""}`);
  }
  return out;
}

async function main(argv: readonly string[]): Promise<void> {
  const dist = path.join(ROOT, "dist");
  if (!argv.includes("--check")) {
    await rm(dist, { recursive: true, force: true });
    await build(dist);
    process.stdout.write(`dist/: ${(await filesOf(dist)).join(", ")}\n`);
    return;
  }
  const fresh = await mkdtemp(path.join(tmpdir(), "aurora-dist-"));
  try {
    await build(fresh);
    const diff = await differences(fresh, dist);
    if (diff.length > 0) throw new DistMismatchError(`dist/ does not match the sources: ${diff.join(", ")}. Run \`npm run build:action\` and commit dist/.`);
    process.stdout.write("dist/ matches the sources\n");
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
  process.exitCode = 1;
});
