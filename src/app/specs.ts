import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { SPEC_EXTENSIONS, parseSpecText, type SpecOptions } from "../spec/index.js";
import type { Problem, SpecError } from "../spec/problem.js";

/** Every problem found in the given files and directories, and every error, in a stable order. */
export interface LoadedSpecs {
  readonly problems: readonly Problem[];
  readonly errors: readonly SpecError[];
  /** The spec files read, relative to cwd where possible. */
  readonly files: readonly string[];
}

/** Directories never searched for specs. */
const SKIP_DIRS = new Set(["node_modules", ".git", ".aurora", "runs", "dist", "build", "__pycache__", ".venv", "venv"]);

/**
 * Finds spec files (recursing into directories, sorted for determinism) and parses each. A file that cannot be
 * read is an error for that file only; the others still load.
 */
export async function loadSpecs(inputs: readonly string[], cwd: string, options: SpecOptions = {}): Promise<LoadedSpecs> {
  const files: string[] = [];
  const errors: SpecError[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const found = await collect(abs).catch((e: unknown) => {
      errors.push({ file: input, line: 1, message: `cannot read: ${(e as Error).message.replace(/^\w+: /, "")}; check the path` });
      return [] as string[];
    });
    files.push(...found);
  }
  const problems: Problem[] = [];
  for (const file of [...new Set(files)]) {
    const rel = path.relative(cwd, file) || file;
    const text = await readFile(file, "utf8").catch((e: unknown) => {
      errors.push({ file: rel, line: 1, message: `cannot read: ${(e as Error).message}` });
      return undefined;
    });
    if (text === undefined) continue;
    const parsed = parseSpecText(text, rel, options);
    problems.push(...parsed.problems);
    errors.push(...parsed.errors);
  }
  return { problems, errors, files: files.map((f) => path.relative(cwd, f) || f) };
}

async function collect(p: string): Promise<string[]> {
  const st = await stat(p);
  if (st.isFile()) return [p];
  if (!st.isDirectory()) return [];
  const out: string[] = [];
  const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const full = path.join(p, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith(".")) out.push(...(await collect(full)));
    } else if (isSpecFile(e.name)) out.push(full);
  }
  return out;
}

/** Spec files in directories: known extensions, excluding generated test files and Python packaging files. */
function isSpecFile(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  if (!SPEC_EXTENSIONS.includes(ext)) return false;
  return !/^(test_.*|.*_test|conftest|setup|__init__)\.py$/.test(name) && !/^(package(-lock)?|tsconfig)\.json$/.test(name);
}
