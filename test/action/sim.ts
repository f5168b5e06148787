/**
 * A simulated repository on the stand-in GitHub: push runs on main, pull request runs (same repository or fork),
 * workflow_run runs, each registered as a workflow run and completed with the job's conclusion.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "./fakes/server.js";
import type { FakeRun } from "./fakes/state.js";
import { runJob, type Services, type StepResult } from "./runner.js";

const exec = promisify(execFile);
const REPOSITORY = { default_branch: "main", full_name: "octo/demo" };

/** A 40-digit commit id from a small number. */
export function sha(n: number): string {
  return n.toString(16).padStart(40, "0");
}

/** A pull request of the simulated repository. */
export interface PullRequest {
  readonly number: number;
  readonly head: string;
  readonly headRef: string;
  /** From a fork: the head repository is another one (and the job's token is read-only). */
  readonly fork?: boolean;
}

/** What a job did. */
export interface JobResult {
  readonly run: FakeRun;
  readonly main: StepResult;
  readonly post: StepResult;
}

export class Sim {
  private nextRun = 500;

  constructor(readonly fake: FakeGitHub) {}

  get services(): Services {
    return { kind: "fake", origin: this.fake.origin, apiUrl: this.fake.apiUrl };
  }

  private async job(run: FakeRun, ws: string, inputs: Record<string, string>, event: { name: string; payload: Record<string, unknown> }, opts: { token: string; ref: string; sha: string; job?: string; node?: string; finish?: boolean }): Promise<JobResult> {
    const { main, post } = await runJob({ workspace: ws, inputs, event, run: { id: run.id, sha: opts.sha, ref: opts.ref, ...(opts.job ? { job: opts.job } : {}) }, token: opts.token, services: this.services, ...(opts.node ? { node: opts.node } : {}) });
    if (opts.finish !== false) this.fake.state.finishRun(run.id, main.code === 0 ? "success" : "failure");
    return { run, main, post };
  }

  /** A new workflow run. */
  newRun(event: string, branch: string, head: string): FakeRun {
    return this.fake.state.addRun({ id: ++this.nextRun, event, head_branch: branch, head_sha: head });
  }

  /** A push to main at commit `head`, run in `ws`. */
  async push(ws: string, head: string, inputs: Record<string, string>, opts: { run?: FakeRun; job?: string; finish?: boolean; node?: string } = {}): Promise<JobResult> {
    const run = opts.run ?? this.newRun("push", "main", head);
    const payload = { ref: "refs/heads/main", after: head, repository: REPOSITORY };
    return this.job(run, ws, inputs, { name: "push", payload }, { token: this.fake.state.tokens.write, ref: "refs/heads/main", sha: head, ...opts });
  }

  /** A pull_request run of `pr` in `ws` (a fork's gets the read-only token). */
  async pullRequest(ws: string, pr: PullRequest, inputs: Record<string, string>, opts: { token?: string } = {}): Promise<JobResult> {
    this.fake.state.pulls.set(pr.number, { head: { sha: pr.head, ref: pr.headRef }, base: { ref: "main" } });
    const run = this.newRun("pull_request", pr.headRef, pr.head);
    const headRepo = pr.fork ? "mallory/demo" : "octo/demo";
    const payload = { number: pr.number, pull_request: { number: pr.number, head: { sha: pr.head, ref: pr.headRef, repo: { full_name: headRepo } }, base: { ref: "main", sha: sha(1) } }, repository: REPOSITORY };
    const token = opts.token ?? (pr.fork ? this.fake.state.tokens.read : this.fake.state.tokens.write);
    return this.job(run, ws, inputs, { name: "pull_request", payload }, { token, ref: `refs/pull/${pr.number}/merge`, sha: sha(0xfff000 + pr.number) });
  }

  /** A workflow_run run (on the default branch, write token) triggered by `trigger`. */
  async workflowRun(ws: string, trigger: FakeRun, inputs: Record<string, string>): Promise<JobResult> {
    const run = this.newRun("workflow_run", "main", sha(2));
    const payload = { workflow_run: { id: trigger.id, name: trigger.name, workflow_id: trigger.workflow_id, head_sha: trigger.head_sha, head_branch: trigger.head_branch, event: trigger.event, conclusion: trigger.conclusion }, repository: REPOSITORY };
    return this.job(run, ws, inputs, { name: "workflow_run", payload }, { token: this.fake.state.tokens.write, ref: "refs/heads/main", sha: sha(2) });
  }

  /** Stores a folder as artifact `name` of run `runId`, as a job of a (possibly malicious) run could upload it. */
  async plantArtifact(runId: number, name: string, dir: string): Promise<void> {
    const zip = path.join(path.dirname(dir), `${path.basename(dir)}.zip`);
    await exec("python3", ["-c", "import shutil,sys; shutil.make_archive(sys.argv[1][:-4], 'zip', sys.argv[2])", zip, dir]);
    const id = this.fake.state.id();
    const blob = `artifact-${id}.zip`;
    const data = await readFile(zip);
    this.fake.state.blobs.set(blob, data);
    this.fake.state.artifacts.push({ id, runId, runBackendId: `run-${runId}`, jobBackendId: "job-x", name, blob, size: data.length, finalized: true, created: new Date().toISOString() });
  }
}

/** The comment bodies on a pull request. */
export function commentsOn(fake: FakeGitHub, issue: number): string[] {
  return fake.state.comments.filter((c) => c.issue === issue && !c.body.startsWith("noise ")).map((c) => c.body);
}

/** Markdown with code spans removed: what GitHub would render as text or HTML. */
export function outsideCode(md: string): string {
  return md.replace(/(`+)[\s\S]*?\1/g, "");
}

/** What a failing assertion on a step shows: its errors, warnings and the end of its output. */
export function diag(r: { readonly errors: readonly string[]; readonly warnings: readonly string[]; readonly stdout: string; readonly stderr: string }): string {
  const tail = (t: string): string => t.split("\n").filter((l) => !l.startsWith("::debug::")).slice(-25).join("\n");
  return `errors: ${r.errors.join(" | ")}\nwarnings: ${r.warnings.join(" | ")}\nstdout: ${tail(r.stdout)}\nstderr: ${tail(r.stderr)}`;
}

/** A stand-in GitHub for one test file (and its simulated repository): started before its tests, closed after. */
export function standIn(): { readonly fake: FakeGitHub; readonly sim: Sim } {
  let fake: FakeGitHub | undefined;
  let sim: Sim | undefined;
  beforeAll(async () => {
    fake = await startFakeGitHub();
    sim = new Sim(fake);
  });
  afterAll(async () => fake?.close());
  return {
    get fake(): FakeGitHub {
      return fake!;
    },
    get sim(): Sim {
      return sim!;
    },
  };
}
