/**
 * Which specs this step synthesizes: the `specs` globs (actions/toolkit glob syntax, `!` excludes, relative to the
 * working directory) or aurora.config.yaml's `specs`, and with `shard: i/n` only this shard's files.
 *
 * Shards partition spec FILES deterministically: files sorted by path, then each file, most functions first, goes
 * to the shard with the fewest functions so far (ties: the lower shard). Every shard computes the same partition
 * from the same checkout, so the shards are disjoint and together cover every file.
 */
import * as glob from "@actions/glob";
import * as core from "@actions/core";
import { stat } from "node:fs/promises";
import path from "node:path";
import { loadSpecs } from "../src/app/specs.js";
import { ActionInputError } from "./errors.js";
import type { Shard } from "./inputs.js";

/** A spec file and how many functions it defines. */
export interface SpecFile {
  readonly file: string;
  readonly functions: number;
}

/** The files of shard `shard` (sorted by path). Pure. */
export function partition(files: readonly SpecFile[], shard: Shard): string[] {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const order = sorted.map((f, i) => ({ ...f, i })).sort((a, b) => b.functions - a.functions || a.i - b.i);
  const load = new Array<number>(shard.count).fill(0);
  const mine: string[] = [];
  for (const f of order) {
    const target = load.indexOf(Math.min(...load));
    load[target] = (load[target] ?? 0) + Math.max(1, f.functions);
    if (target === shard.index - 1) mine.push(f.file);
  }
  return mine.sort();
}

/** Absolute glob patterns from patterns relative to `cwd` (keeping a leading `!`). */
function anchored(patterns: readonly string[], cwd: string): string[] {
  return patterns.map((p) => {
    const neg = p.startsWith("!");
    const body = neg ? p.slice(1) : p;
    return `${neg ? "!" : ""}${path.isAbsolute(body) ? body : path.join(cwd, body)}`;
  });
}

/** Expands the globs to files and directories, relative to `cwd`, sorted; a pattern matching nothing is a warning. */
export async function expandSpecGlobs(patterns: readonly string[], cwd: string): Promise<string[]> {
  const globber = await glob.create(anchored(patterns, cwd).join("\n"), { implicitDescendants: false, matchDirectories: true, followSymbolicLinks: false });
  const found = (await globber.glob()).map((f) => path.relative(cwd, f) || ".").sort();
  if (found.length === 0) core.warning(`the specs patterns matched nothing under ${cwd}: ${patterns.join(", ")}`);
  return found;
}

/** The spec inputs of this step: expanded globs (or the config file's list), only this shard's files when sharded. */
export async function specInputs(patterns: readonly string[], fromFile: readonly string[] | undefined, cwd: string, shard: Shard | undefined): Promise<string[]> {
  if (!(await stat(cwd).catch(() => undefined))?.isDirectory()) throw new ActionInputError(`working-directory ${cwd} is not a directory: check the input (relative to the workspace)`);
  const inputs = patterns.length > 0 ? await expandSpecGlobs(patterns, cwd) : [...(fromFile ?? [])];
  if (patterns.length === 0 && inputs.length === 0) throw new ActionInputError("no specs: set the specs input (globs such as specs/**/*.py) or `specs:` in aurora.config.yaml");
  if (shard === undefined) return inputs;
  const loaded = await loadSpecs(inputs, cwd);
  const counts = new Map<string, number>(loaded.files.map((f) => [f, 0]));
  for (const p of loaded.problems) counts.set(p.file, (counts.get(p.file) ?? 0) + 1);
  return partition([...counts].map(([file, functions]) => ({ file, functions })), shard);
}
