/**
 * Runs the committed bundle the way a GitHub runner does: `node dist/index.js` (then `node dist/post.js` with the
 * state the main step saved), with INPUT_* variables (action.yml's defaults filled in, `${{ github.token }}` as the
 * job's token), the GITHUB_* and RUNNER_* variables, an event payload file, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and
 * GITHUB_STATE files, and the Actions service variables pointing at the stand-in (or nowhere).
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DIST = path.join(ROOT, "dist");

/** The Actions services a job sees. */
export type Services =
  /** The stand-in: REST at apiUrl, results service (cache v2, artifacts v2) at origin. */
  | { readonly kind: "fake"; readonly origin: string; readonly apiUrl: string }
  /** Variables set, nothing listening (act without a cache server, a broken network). */
  | { readonly kind: "unreachable"; readonly origin: string }
  /** No service variables at all (a local run). */
  | { readonly kind: "none" };

/** One job of a simulated workflow run. */
export interface JobSpec {
  readonly workspace: string;
  readonly inputs: Readonly<Record<string, string>>;
  readonly event: { readonly name: string; readonly payload: Readonly<Record<string, unknown>> };
  readonly run: { readonly id: number; readonly attempt?: number; readonly job?: string; readonly workflow?: string; readonly sha: string; readonly ref: string };
  /** The job's GITHUB_TOKEN (`${{ github.token }}`). */
  readonly token: string;
  readonly services: Services;
  /** The node binary. @default this process's */
  readonly node?: string;
}

/** What a step printed and wrote. */
export interface StepResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly state: Record<string, string>;
  readonly warnings: string[];
  readonly errors: string[];
  readonly masked: string[];
  readonly ms: number;
}

/** Parses the `name<<delimiter` file format of GITHUB_OUTPUT and GITHUB_STATE. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<=]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  for (const line of text.split("\n")) {
    const eq = /^([^<=\n]+)=(.*)$/.exec(line);
    if (eq && out[eq[1]!] === undefined) out[eq[1]!] = eq[2]!;
  }
  return out;
}

async function inputDefaults(token: string): Promise<Record<string, string>> {
  const action = parseYaml(await readFile(path.join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, { default?: string }> };
  return Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, String(v.default ?? "").replace("${{ github.token }}", token)]));
}

/** A runtime token as the runner issues it: a JWT whose `scp` names the run and job backend ids. */
export function runtimeToken(runId: number, job: string): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part({ scp: `Actions.GenericRead:1 Actions.Results:run-${runId}:job-${job}` })}.c2ln`;
}

function serviceEnv(s: Services, runId: number, job: string): Record<string, string> {
  switch (s.kind) {
    case "fake":
      return { GITHUB_API_URL: s.apiUrl, ACTIONS_RESULTS_URL: `${s.origin}/`, ACTIONS_CACHE_SERVICE_V2: "True", ACTIONS_RUNTIME_TOKEN: runtimeToken(runId, job) };
    case "unreachable":
      return { GITHUB_API_URL: `${s.origin}/api`, ACTIONS_RESULTS_URL: `${s.origin}/`, ACTIONS_CACHE_SERVICE_V2: "True", ACTIONS_RUNTIME_TOKEN: runtimeToken(runId, job) };
    case "none":
      return { GITHUB_API_URL: "http://127.0.0.1:9/api" };
  }
}

function commands(stdout: string, name: string): string[] {
  return stdout
    .split("\n")
    .filter((l) => l.startsWith(`::${name}`))
    .map((l) => l.replace(/^::[^:]*::/, "").replace(/%0A/g, "\n").replace(/%0D/g, "\r").replace(/%25/g, "%"));
}

/** The environment of one step of the job. */
async function stepEnv(job: JobSpec, files: Record<"output" | "summary" | "state" | "event" | "temp", string>, state: Record<string, string>): Promise<Record<string, string>> {
  const inputs = { ...(await inputDefaults(job.token)), ...job.inputs };
  const jobName = job.run.job ?? "aurora";
  const refName = job.run.ref.replace(/^refs\/(heads|tags)\//, "");
  return {
    PATH: process.env["PATH"] ?? "",
    HOME: process.env["HOME"] ?? "",
    NO_PROXY: "127.0.0.1,localhost",
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: job.workspace,
    GITHUB_REPOSITORY: "octo/demo",
    GITHUB_REPOSITORY_OWNER: "octo",
    GITHUB_EVENT_NAME: job.event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_RUN_ID: String(job.run.id),
    GITHUB_RUN_ATTEMPT: String(job.run.attempt ?? 1),
    GITHUB_RUN_NUMBER: String(job.run.id % 1000),
    GITHUB_JOB: jobName,
    GITHUB_WORKFLOW: job.run.workflow ?? "aurora",
    GITHUB_SHA: job.run.sha,
    GITHUB_REF: job.run.ref,
    GITHUB_REF_NAME: refName,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    RUNNER_TEMP: files.temp,
    RUNNER_OS: "Linux",
    RUNNER_ARCH: "X64",
    ...serviceEnv(job.services, job.run.id, jobName),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
  };
}

async function step(job: JobSpec, entry: "index.js" | "post.js", dir: string, state: Record<string, string>): Promise<StepResult> {
  const files = { output: path.join(dir, `${entry}.output`), summary: path.join(dir, "summary.md"), state: path.join(dir, "state"), event: path.join(dir, "event.json"), temp: path.join(dir, "temp") };
  await mkdir(files.temp, { recursive: true });
  await writeFile(files.event, JSON.stringify(job.event.payload));
  for (const f of [files.output, files.state]) await writeFile(f, "");
  await writeFile(files.summary, "", { flag: "a" });
  const env = await stepEnv(job, files, state);
  const t0 = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(job.node ?? process.execPath, [path.join(DIST, entry)], { cwd: job.workspace, env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
  const ms = performance.now() - t0;
  return {
    code,
    stdout,
    stderr,
    outputs: parseCommandFile(await readFile(files.output, "utf8")),
    summary: await readFile(files.summary, "utf8").catch(() => ""),
    state: parseCommandFile(await readFile(files.state, "utf8")),
    warnings: commands(stdout, "warning"),
    errors: commands(stdout, "error"),
    masked: commands(stdout, "add-mask"),
    ms,
  };
}

/** Runs the main step and then the post step of one job (the post step gets the state the main step saved). */
export async function runJob(job: JobSpec): Promise<{ main: StepResult; post: StepResult }> {
  const dir = await mkdtemp(path.join(tmpdir(), "aurora-job-"));
  const main = await step(job, "index.js", dir, {});
  const post = await step(job, "post.js", dir, main.state);
  return { main, post };
}

/** A fresh workspace holding `files` (path -> content). */
export async function workspace(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "aurora-ws-"));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}
