/**
 * `aurora compare`: finds the two runs (latest and the one before it, a baseline, or two named runs), reads the
 * acknowledgement file and the rules, and compares them with the pure rules of src/report.
 */
import { readdir, readFile, readlink, stat } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { ACK_FILE, AckFileSchema, type AckEntry } from "../report/ack.js";
import { compareRuns, type RunInput } from "../report/compare.js";
import type { Comparison } from "../report/findings.js";
import { CompareRulesSchema, type CompareRules, type CompareRulesInput } from "../report/rules.js";
import { listRuns } from "./runs.js";
import { readRunRecord, SiteDataError } from "./site-data.js";

/** A comparison that cannot be made (missing runs, bad files): the message says what to do. Exit code 2. */
export class CompareError extends Error {
  override readonly name = "CompareError";
}

/** Which runs to compare. */
export type CompareTarget =
  | { readonly kind: "latest" }
  | { readonly kind: "baseline"; readonly name: string; readonly head?: string }
  | { readonly kind: "runs"; readonly base: string; readonly head: string };

/** Settings of a comparison. */
export interface CompareConfig {
  readonly cwd: string;
  /** Where runs live (absolute). */
  readonly runsDir: string;
  readonly target: CompareTarget;
  readonly rules: CompareRules;
  /** The acknowledgement file. @default `<cwd>/aurora-acknowledged.yaml` (a missing file is fine) */
  readonly ackFile?: string;
}

/** The baselines folder of a runs folder (retention never touches it). */
export function baselinesDir(runsDir: string): string {
  return path.join(runsDir, "baselines");
}

const BASELINE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Checks a baseline name (a folder name: letters, digits, `.`, `_`, `-`). @throws CompareError */
export function checkBaselineName(name: string): string {
  if (!BASELINE_NAME.test(name)) throw new CompareError(`"${name}" is not a usable baseline name: use letters, digits, ".", "_" and "-" (e.g. main or v1.0)`);
  return name;
}

async function isRunDir(dir: string): Promise<boolean> {
  return stat(path.join(dir, "scores.json")).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The run id `runs/latest` points at. @throws CompareError when there is none */
export async function latestRunId(runsDir: string): Promise<string> {
  const target = await readlink(path.join(runsDir, "latest")).catch(() => undefined);
  if (target !== undefined) return path.basename(target);
  const runs = await listRuns(runsDir);
  const last = runs.at(-1);
  if (last === undefined) throw new CompareError(`no runs in ${runsDir}: run \`aurora run\` first`);
  return last;
}

/** The run before `runId` among the kept runs. @throws CompareError when `runId` is the oldest */
export async function previousRunId(runsDir: string, runId: string): Promise<string> {
  const runs = await listRuns(runsDir);
  const before = runs.filter((r) => r < runId);
  const prev = before.at(-1);
  if (prev === undefined) throw new CompareError(`run ${runId} is the only run in ${runsDir}: nothing to compare it with yet (run again, or compare with a baseline: aurora compare --baseline <name>)`);
  return prev;
}

/** Resolves `latest`, a run id, `baseline:<name>` or a folder to a run folder. @throws CompareError */
export async function resolveRunDir(runsDir: string, cwd: string, ref: string): Promise<{ dir: string; label: string }> {
  if (ref === "latest") return { dir: path.join(runsDir, await latestRunId(runsDir)), label: "latest" };
  if (ref.startsWith("baseline:")) {
    const name = checkBaselineName(ref.slice("baseline:".length));
    return { dir: await baselineDir(runsDir, name), label: `baseline ${name}` };
  }
  for (const dir of [path.join(runsDir, ref), path.resolve(cwd, ref)]) if (await isRunDir(dir)) return { dir, label: ref };
  const kept = await listRuns(runsDir);
  const hint = kept.length === 0 ? "there are no runs yet" : `kept runs: ${kept.slice(-5).join(", ")}${kept.length > 5 ? ", ..." : ""}`;
  throw new CompareError(`no run "${ref}": give a run id under ${runsDir}, latest, baseline:<name> or a run folder with scores.json (${hint})`);
}

async function baselineDir(runsDir: string, name: string): Promise<string> {
  const dir = path.join(baselinesDir(runsDir), name);
  if (await isRunDir(dir)) return dir;
  const have = await listBaselines(runsDir);
  throw new CompareError(`no baseline "${name}" in ${baselinesDir(runsDir)} (${have.length === 0 ? "none saved yet: aurora baseline save <name>" : `have: ${have.join(", ")}`})`);
}

/** The saved baselines' names, sorted. */
export async function listBaselines(runsDir: string): Promise<string[]> {
  const names = await readdir(baselinesDir(runsDir)).catch(() => [] as string[]);
  const ok = await Promise.all(names.map(async (n) => ((await isRunDir(path.join(baselinesDir(runsDir), n))) ? n : undefined)));
  return ok.filter((n): n is string => n !== undefined).sort();
}

/** Reads a run for the comparison (validated). @throws CompareError naming the file and the field */
export async function loadRunInput(dir: string, label: string): Promise<RunInput> {
  try {
    const { scores, meta } = await readRunRecord(dir, false);
    return { scores, meta, label };
  } catch (e) {
    throw new CompareError(`cannot read the run in ${e instanceof SiteDataError ? e.message : `${dir}: ${String(e)}`}`, { cause: e });
  }
}

/** The base and head run folders of a target. */
export async function resolveTarget(runsDir: string, cwd: string, target: CompareTarget): Promise<{ base: { dir: string; label: string }; head: { dir: string; label: string } }> {
  switch (target.kind) {
    case "latest": {
      const head = await latestRunId(runsDir);
      return { base: { dir: path.join(runsDir, await previousRunId(runsDir, head)), label: "previous run" }, head: { dir: path.join(runsDir, head), label: "latest" } };
    }
    case "baseline":
      return { base: await resolveRunDir(runsDir, cwd, `baseline:${target.name}`), head: await resolveRunDir(runsDir, cwd, target.head ?? "latest") };
    case "runs":
      return { base: await resolveRunDir(runsDir, cwd, target.base), head: await resolveRunDir(runsDir, cwd, target.head) };
  }
}

/** Reads the acknowledgement file (missing is fine: none). @throws CompareError with the entry path */
export async function loadAcks(file: string): Promise<AckEntry[]> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return [];
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    throw new CompareError(`${file}: not valid YAML: ${(e as Error).message}`);
  }
  const parsed = AckFileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CompareError(`${file}: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data.acknowledged;
}

/**
 * The rules: built-in defaults, then the config file's `compare:` section, then `--rule path=value` flags.
 * @throws CompareError naming the rule
 */
export function resolveRules(fromFile: CompareRulesInput | undefined, overrides: readonly string[]): CompareRules {
  const data = structuredClone((fromFile ?? {}) as Record<string, unknown>);
  for (const o of overrides) setPath(data, o);
  const parsed = CompareRulesSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CompareError(`rule ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"} (see docs/adr/0008-runs-reports-site.md for the rules)`);
  }
  return parsed.data;
}

/** Applies `time.fail.relative=2` or `solved_lost=warn` to a plain object. */
function setPath(data: Record<string, unknown>, assignment: string): void {
  const eq = assignment.indexOf("=");
  if (eq <= 0) throw new CompareError(`--rule ${assignment}: expected path=value, e.g. time.warn.absolute=100 or solved_lost=warn`);
  const keys = assignment.slice(0, eq).split(".");
  const raw = assignment.slice(eq + 1);
  const value = raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  let node = data;
  for (const k of keys.slice(0, -1)) {
    const next = node[k];
    node = (node[k] = typeof next === "object" && next !== null ? next : {}) as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

/** Resolves the runs, reads them and the acknowledgements, and compares. */
export async function compare(config: CompareConfig): Promise<Comparison> {
  const { base, head } = await resolveTarget(config.runsDir, config.cwd, config.target);
  const [b, h, acks] = await Promise.all([loadRunInput(base.dir, base.label), loadRunInput(head.dir, head.label), loadAcks(config.ackFile ?? path.join(config.cwd, ACK_FILE))]);
  return compareRuns(b, h, { rules: config.rules, acks });
}
