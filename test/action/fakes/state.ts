/**
 * The state of the stand-in GitHub: workflow runs, artifacts, cache entries, blobs, pull requests, comments, and
 * every request with the token it used (so a test can prove which token a job held).
 */

/** A workflow run as the REST API returns it (the fields the Action reads). */
export interface FakeRun {
  id: number;
  run_number: number;
  workflow_id: number;
  name: string;
  event: string;
  head_branch: string;
  head_sha: string;
  status: "in_progress" | "completed";
  conclusion: "success" | "failure" | null;
  html_url: string;
}

/** An artifact of a run (uploaded through the results service). */
export interface FakeArtifact {
  id: number;
  runId: number;
  runBackendId: string;
  jobBackendId: string;
  name: string;
  blob: string;
  size: number;
  finalized: boolean;
  created: string;
}

/** A cache entry (immutable once finalized). */
export interface FakeCacheEntry {
  id: number;
  key: string;
  version: string;
  blob: string;
  finalized: boolean;
  seq: number;
}

/** An issue comment. */
export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: "Bot" | "User" };
  html_url: string;
}

/** A request the stand-in served: method, path and the token (REST) or runtime token (results service). */
export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly token: string | null;
}

/** Tokens: `write` may comment, `read` gets 403 on every write (a fork's pull_request token). */
export interface FakeTokens {
  readonly write: string;
  readonly read: string;
}

export class FakeState {
  readonly owner = "octo";
  readonly repo = "demo";
  readonly runs: FakeRun[] = [];
  readonly artifacts: FakeArtifact[] = [];
  readonly caches: FakeCacheEntry[] = [];
  readonly blobs = new Map<string, Buffer>();
  readonly blocks = new Map<string, Map<string, Buffer>>();
  readonly pulls = new Map<number, { head: { sha: string; ref: string }; base: { ref: string } }>();
  readonly comments: FakeComment[] = [];
  readonly requests: FakeRequest[] = [];
  private nextId = 1000;

  constructor(readonly tokens: FakeTokens) {}

  id(): number {
    return ++this.nextId;
  }

  /** Registers a workflow run (in progress). */
  addRun(run: Pick<FakeRun, "id" | "event" | "head_branch" | "head_sha"> & Partial<FakeRun>): FakeRun {
    const full: FakeRun = { run_number: this.runs.length + 1, workflow_id: 77, name: "aurora", status: "in_progress", conclusion: null, html_url: `https://github.com/${this.owner}/${this.repo}/actions/runs/${run.id}`, ...run };
    this.runs.push(full);
    return full;
  }

  /** Marks a run completed. */
  finishRun(id: number, conclusion: "success" | "failure"): void {
    const run = this.runs.find((r) => r.id === id);
    if (!run) throw new Error(`no run ${id}`);
    run.status = "completed";
    run.conclusion = conclusion;
  }

  /** Adds `n` unrelated comments (to push the marked one past the first page). */
  addNoise(issue: number, n: number): void {
    for (let i = 0; i < n; i++) this.comments.push({ id: this.id(), issue, body: `noise ${i}`, user: { login: "someone", type: "User" }, html_url: `https://github.com/x/${i}` });
  }

  /** Requests made with a token. */
  requestsWith(token: string): FakeRequest[] {
    return this.requests.filter((r) => r.token === token);
  }
}
