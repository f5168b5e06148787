/**
 * Pull requests from forks, the two-workflow pattern: the `pull_request` run holds only the read-only token and
 * uploads its results with the PR number; a `workflow_run` run (write token) in `mode: comment` downloads that
 * artifact, treats it as untrusted data (validated, size-limited, escaped, PR number checked against the run's
 * head commit) and posts the comment. It never synthesizes or reads the pull request's files.
 */
import { mkdtemp, readdir, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunMeta, RunScores } from "../../src/report/schema.js";
import { meta, scores, spec } from "../report/fixtures.js";
import type { FakeRun } from "./fakes/state.js";
import { workspace } from "./runner.js";
import { commentsOn, diag, outsideCode, sha, standIn } from "./sim.js";
import { ARITH, QUIET_TIME } from "./specs.js";

const gh = standIn();
let refused = 0;
const inputs = { specs: "specs/*.py", "timeout-per-spec": "2", rules: QUIET_TIME };
const MARKER = "<!-- aurora-x-action:aurora -->";
beforeAll(async () => {
  await gh.sim.push(await workspace({ "specs/arith.py": ARITH }), sha(40), inputs);
});

/** A pull request run of a fork that uploaded `files` as its results (what a malicious fork could upload). */
async function forkRunWith(pr: number, head: string, files: Record<string, unknown>): Promise<FakeRun> {
  gh.fake.state.pulls.set(pr, { head: { sha: head, ref: "evil" }, base: { ref: "main" } });
  const run = gh.sim.newRun("pull_request", "evil", head);
  gh.fake.state.finishRun(run.id, "success");
  const dir = await mkdtemp(path.join(tmpdir(), "aurora-planted-"));
  for (const [name, value] of Object.entries(files)) await writeFile(path.join(dir, name), typeof value === "string" ? value : JSON.stringify(value));
  await gh.sim.plantArtifact(run.id, "aurora-results", dir);
  return run;
}

function context(pr: number, head: string): Record<string, unknown> {
  return { format: "aurora-action/1", event: "pull_request", pr_number: pr, head_sha: head, shard: null, run_id: 1, workflow: "aurora" };
}

function results(specs: RunScores["specs"], over: Partial<RunMeta> = {}): Record<string, unknown> {
  return { "scores.json": scores(specs), "meta.json": meta("20260101T000000Z-abcd", { commit: "1234567", ...over }) };
}

describe("the fork pattern", () => {
  it("uploads with the read-only token, then comments from the artifact in a workflow_run run", async () => {
    const before = gh.fake.state.requests.length;
    const fork = await gh.sim.pullRequest(await workspace({ "specs/arith.py": ARITH }), { number: 11, head: sha(41), headRef: "patch-1", fork: true }, inputs);
    const forkRequests = gh.fake.state.requests.slice(before);
    expect(fork.main.code, diag(fork.main)).toBe(0);
    expect(fork.main.masked).toContain(gh.fake.state.tokens.read);
    expect(forkRequests.some((r) => r.token === gh.fake.state.tokens.write)).toBe(false);
    expect(gh.fake.state.artifacts.filter((a) => a.runId === fork.run.id).map((a) => a.name)).toEqual(["aurora-results"]);

    const empty = await workspace({});
    const comment = await gh.sim.workflowRun(empty, fork.run, { mode: "comment", "comment-mode": "always", rules: QUIET_TIME });
    expect(comment.main.code, diag(comment.main)).toBe(0);
    expect(comment.main.outputs).toMatchObject({ verdict: "pass", solved: "2", total: "2" });
    const bodies = commentsOn(gh.fake, 11);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.startsWith(`${MARKER}\n## ✅ No regressions`)).toBe(true);
    expect(bodies[0]).toContain(sha(41).slice(0, 10));
    expect(await readdir(empty)).toEqual([]);
    expect(comment.main.stdout).not.toContain("synthesizing");
  });

  it("escapes hostile names: nothing outside code spans renders as HTML, a link or a mention", async () => {
    const hostile = [
      spec(`x<script>alert(1)</script>`, { file: "a.py" }),
      spec("@everyone", { file: "b.py", status: "unsolved", score: 0, program: null, dsl: null, size: 0 }),
      spec("[click](javascript:alert(1))", { file: "c.py" }),
      spec("pipe|`tick`<img src=x onerror=alert(2)>", { file: "d.py" }),
    ];
    const run = await forkRunWith(12, sha(42), { "context.json": context(12, sha(42)), ...results(hostile, { branch: "main\"><svg onload=alert(3)>" }), "comment.md": "@everyone please merge <script>steal()</script>" });
    const job = await gh.sim.workflowRun(await workspace({}), run, { mode: "comment", "comment-mode": "always", rules: QUIET_TIME });
    expect(job.main.code, diag(job.main)).toBe(0);
    const [body] = commentsOn(gh.fake, 12);
    expect(body).toBeDefined();
    const visible = outsideCode(body!);
    for (const bad of ["<script", "<img", "<svg", "javascript:", "@everyone", "steal()"]) expect(visible).not.toContain(bad);
    expect(body).toContain("`x<script>alert(1)</script>`");
  });

  it("refuses an artifact that names another pull request than the run's head commit", async () => {
    const run = await forkRunWith(99, sha(43), { "context.json": context(11, sha(43)), ...results([spec("f")]) });
    const job = await gh.sim.workflowRun(await workspace({}), run, { mode: "comment", "comment-mode": "always", rules: QUIET_TIME });
    expect(job.main.code, diag(job.main)).toBe(1);
    expect(job.main.errors.join("\n")).toMatch(/names pull request #11, whose head is .* but the run was for .*: not commenting/);
    expect(commentsOn(gh.fake, 11)).toHaveLength(1);
  });

  it.each([
    ["an over-long string", { "scores.json": scores([spec("f", { program: "x".repeat(25_000) })]) }, /longer than 20000 characters/],
    ["a control character in a name", { "scores.json": scores([spec("f\u0007")]) }, /specs\.0\.name/],
    ["not JSON", { "scores.json": "{nope" }, /scores\.json in the artifact is not JSON/],
    ["a bad commit id", { "meta.json": meta("20260101T000000Z-abcd", { commit: "$(rm -rf /)" }) }, /meta\.json in the artifact is not valid: commit/],
  ])("refuses %s", async (_what, override, message) => {
    const pr = 20 + ++refused;
    const head = sha(0x500 + pr);
    const run = await forkRunWith(pr, head, { "context.json": context(pr, head), ...results([spec("f")]), ...override });
    const job = await gh.sim.workflowRun(await workspace({}), run, { mode: "comment", "comment-mode": "always", rules: QUIET_TIME });
    expect(job.main.code, diag(job.main)).toBe(1);
    expect(job.main.errors.join("\n")).toMatch(message);
    expect(commentsOn(gh.fake, pr)).toEqual([]);
  });

  it("refuses a scores.json that is a link (it reads the linked file as data, which is not run data)", async () => {
    const head = sha(44);
    gh.fake.state.pulls.set(13, { head: { sha: head, ref: "evil" }, base: { ref: "main" } });
    const run = gh.sim.newRun("pull_request", "evil", head);
    const dir = await mkdtemp(path.join(tmpdir(), "aurora-planted-"));
    await writeFile(path.join(dir, "context.json"), JSON.stringify(context(13, head)));
    await writeFile(path.join(dir, "meta.json"), JSON.stringify(meta("20260101T000000Z-abcd", { commit: "1234567" })));
    await symlink("/etc/passwd", path.join(dir, "scores.json"));
    await gh.sim.plantArtifact(run.id, "aurora-results", dir);
    const job = await gh.sim.workflowRun(await workspace({}), run, { mode: "comment" });
    expect(job.main.code, diag(job.main)).toBe(1);
    expect(commentsOn(gh.fake, 13)).toEqual([]);
  });

  it("is refused outside a workflow_run event", async () => {
    const job = await gh.sim.push(await workspace({}), sha(45), { mode: "comment" });
    expect(job.main.code, diag(job.main)).toBe(1);
    expect(job.main.errors.join("\n")).toContain("mode: comment runs in a workflow triggered by workflow_run");
    expect(job.main.summary).toContain("## Aurora-X: the step failed");
  });
});
