/** The Action's pure parts, in process: input parsing, the config, shard partition, keys, comment rules, Markdown bounds, untrusted data. */
import fc from "fast-check";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shardArtifactName, shardOfArtifact } from "../../action/artifacts.js";
import { cacheKeys } from "../../action/cache.js";
import { decideComment } from "../../action/comment.js";
import { readConfig } from "../../action/config.js";
import { ActionInputError, ShardMergeError, UntrustedDataError } from "../../action/errors.js";
import { baselineInput, booleanInput, countInput, listInput, secondsInput, shardInput, thresholdInput } from "../../action/inputs.js";
import { commentMarker, comparisonMarkdown, runOnlyMarkdown } from "../../action/markdown.js";
import { pickShards } from "../../action/mode-merge.js";
import { resultsContext } from "../../action/publish.js";
import { cachePathOf } from "../../action/session.js";
import { partition } from "../../action/specs.js";
import { LIMITS, readUntrustedJson, ResultsContextSchema } from "../../action/untrusted.js";
import { compareRuns } from "../../src/report/compare.js";
import { defaultRules } from "../../src/report/rules.js";
import { meta, scores, spec } from "../report/fixtures.js";

describe("inputs", () => {
  it.each([
    ["true", true],
    ["False", false],
    ["", true],
  ])("boolean %j", (raw, want) => expect(booleanInput("cache", raw, true)).toBe(want));

  it("refuse what they cannot use, naming the input", () => {
    expect(() => booleanInput("cache", "yes", true)).toThrow(/input cache must be true or false, got "yes"/);
    expect(() => countInput("rounds", "0")).toThrow(/input rounds must be a whole number >= 1/);
    expect(() => secondsInput("timeout-per-spec", "-1")).toThrow(/timeout-per-spec/);
    expect(() => shardInput("3/2")).toThrow(ActionInputError);
    expect(() => shardInput("1-2")).toThrow(/i\/n/);
    expect(() => thresholdInput("warn-threshold", "lots")).toThrow(/50%/);
    expect(() => baselineInput("../etc")).toThrow(/saved baseline/);
  });

  it("parse the accepted forms", () => {
    expect(shardInput("2/4")).toEqual({ index: 2, count: 4 });
    expect(thresholdInput("t", "+150%")).toBe(1.5);
    expect(thresholdInput("t", "0.5")).toBe(0.5);
    expect(secondsInput("t", "2.5s")).toBe(2.5);
    expect(listInput("specs/**/*.py\n# comment\n\n!specs/skip.py  \n")).toEqual(["specs/**/*.py", "!specs/skip.py"]);
    expect(baselineInput("v1.0")).toEqual({ kind: "named", name: "v1.0" });
    expect(baselineInput("none")).toEqual({ kind: "none" });
  });
});

async function payloadFile(payload: unknown): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "aurora-payload-")), "event.json");
  await writeFile(file, JSON.stringify(payload));
  return file;
}

describe("readConfig", () => {
  const env = (over: Record<string, string>) => ({ GITHUB_REPOSITORY: "octo/demo", GITHUB_WORKSPACE: "/ws", GITHUB_RUN_ID: "42", GITHUB_JOB: "test", ...over });

  it("reads a fork's pull request and never plans to save the cache for it", async () => {
    const file = await payloadFile({ pull_request: { number: 5, head: { sha: "b".repeat(40), ref: "patch", repo: { full_name: "mallory/demo" } }, base: { ref: "main" } }, repository: { default_branch: "main" } });
    const cfg = await readConfig((n) => ({ "working-directory": "sub", shard: "1/3", "warn-threshold": "30%" })[n] ?? "", env({ GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: file, GITHUB_REF: "refs/pull/5/merge" }));
    expect(cfg.github.pullRequest).toEqual({ number: 5, headSha: "b".repeat(40), headRef: "patch", baseRef: "main", fork: true });
    expect(cfg.cache.save).toBe(false);
    expect(cfg.cwd).toBe("/ws/sub");
    expect(cfg.shard).toEqual({ index: 1, count: 3 });
    expect(cfg.ruleOverrides).toEqual(["time.warn.relative=0.3"]);
    expect(cfg).toMatchObject({ mode: "run", commentMode: "on-change", artifactName: "aurora-results", baseline: { kind: "auto" }, failOnRegression: true, services: {} });
  });

  it("saves the cache on a push to the default branch (auto)", async () => {
    const file = await payloadFile({ repository: { default_branch: "trunk" } });
    const cfg = await readConfig(() => "", env({ GITHUB_EVENT_NAME: "push", GITHUB_EVENT_PATH: file, GITHUB_REF: "refs/heads/trunk", ACTIONS_RESULTS_URL: "http://r/", ACTIONS_CACHE_SERVICE_V2: "1", ACTIONS_RUNTIME_TOKEN: "t" }));
    expect(cfg.cache.save).toBe(true);
    expect(cfg.services).toEqual({ cacheUrl: "http://r/", resultsUrl: "http://r/" });
  });

  it("names a bad input", async () => {
    await expect(readConfig((n) => (n === "mode" ? "deploy" : ""), env({}))).rejects.toThrow(/input mode must be one of run, merge, comment/);
    await expect(readConfig((n) => (n === "warn-threshold" ? "300%" : n === "fail-threshold" ? "100%" : ""), env({}))).rejects.toThrow(/warn-threshold .* must not be above fail-threshold/);
  });
});

describe("partition", () => {
  const files = fc.uniqueArray(fc.record({ file: fc.stringMatching(/^[a-z]{1,6}\.py$/), functions: fc.nat(9) }), { selector: (f) => f.file, maxLength: 30 });

  it("splits the files into disjoint shards that cover them all, whatever their order", () => {
    fc.assert(
      fc.property(files, fc.integer({ min: 1, max: 6 }), (fs, n) => {
        const shards = Array.from({ length: n }, (_, i) => partition(fs, { index: i + 1, count: n }));
        const all = shards.flat();
        expect(new Set(all).size).toBe(all.length);
        expect([...all].sort()).toEqual(fs.map((f) => f.file).sort());
        expect(Array.from({ length: n }, (_, i) => partition([...fs].reverse(), { index: i + 1, count: n }))).toEqual(shards);
      }),
    );
  });

  it("balances the functions", () => {
    const fs = [1, 5, 3, 2, 2, 1].map((functions, i) => ({ file: `f${i}.py`, functions }));
    const load = (i: number) => partition(fs, { index: i, count: 2 }).reduce((t, f) => t + fs.find((x) => x.file === f)!.functions, 0);
    expect(Math.abs(load(1) - load(2))).toBeLessThanOrEqual(1);
  });
});

describe("names and keys", () => {
  const github = { runnerOs: "Linux", runnerArch: "X64", runId: 9, runAttempt: 2, job: "synth (3.12)" };

  it("cache keys are unique per run, attempt, job and shard, with one restore prefix", () => {
    const keys = cacheKeys({ cache: { enabled: true, prefix: "aurora-corpus", save: true }, github: github as never, shard: { index: 2, count: 4 } });
    expect(keys).toEqual({ key: "aurora-corpus-Linux-X64-9-2-synth__3.12_-shard-2-of-4", restoreKeys: ["aurora-corpus-Linux-X64-"] });
  });

  it("shard artifact names round-trip", () => {
    expect(shardOfArtifact("aurora-results", shardArtifactName("aurora-results", { index: 3, count: 5 }))).toEqual({ index: 3, count: 5 });
    expect(shardOfArtifact("aurora-results", "aurora-results")).toBeUndefined();
    expect(shardOfArtifact("aurora-results", "aurora-results-shard-6-of-5")).toBeUndefined();
  });

  it("the marker keeps only safe characters", () => {
    expect(commentMarker("CI / synth --> <b>")).toBe("<!-- aurora-x-action:CI-synth-b -->");
  });

  it("the cache path is workspace-relative when inside it", () => {
    expect(cachePathOf("/ws/sub/.aurora", "/ws")).toBe("sub/.aurora");
    expect(cachePathOf("/elsewhere/.aurora", "/ws")).toBe("/elsewhere/.aurora");
  });

  it("the results context validates against its own schema", () => {
    const ctx = resultsContext({ shard: { index: 1, count: 2 }, github: { eventName: "pull_request", pullRequest: { number: 4, headSha: "c".repeat(40) }, sha: "", runId: 7, workflow: "ci" } } as never);
    expect(ResultsContextSchema.parse(ctx)).toEqual({ format: "aurora-action/1", event: "pull_request", pr_number: 4, head_sha: "c".repeat(40), shard: "1/2", run_id: 7, workflow: "ci" });
  });
});

describe("pickShards", () => {
  const a = (name: string, id: number) => ({ name, id });

  it("returns shards 1..n in order, ignoring other artifacts", () => {
    const got = pickShards("r", [a("r-shard-2-of-2", 12), a("other", 1), a("r-shard-1-of-2", 11)]);
    expect(got.map((s) => s.id)).toEqual([11, 12]);
  });

  it("names the missing shard", () => {
    expect(() => pickShards("r", [a("r-shard-1-of-3", 1), a("r-shard-3-of-3", 3)])).toThrow(/shard 2 of 3 has no artifact/);
    expect(() => pickShards("r", [a("r-shard-1-of-2", 1), a("r-shard-1-of-3", 3)])).toThrow(ShardMergeError);
    expect(() => pickShards("r", [])).toThrow(/no shard artifacts/);
  });
});

describe("decideComment", () => {
  it.each([
    ["off", true, "fail", true, "skip"],
    ["always", false, "pass", false, "create"],
    ["on-change", false, "pass", false, "skip"],
    ["on-change", false, "pass", true, "create"],
    ["on-change", false, "warn", false, "create"],
    ["on-change", false, "none", false, "skip"],
    ["on-change", true, "pass", false, "update"],
    ["on-regression", false, "warn", true, "skip"],
    ["on-regression", false, "fail", true, "create"],
    ["on-regression", true, "pass", false, "update"],
  ] as const)("%s, existing %s, %s, changed %s -> %s", (mode, existing, verdict, changed, want) => {
    expect(decideComment(mode, existing, { verdict, changed })).toBe(want);
  });
});

describe("Markdown bounds", () => {
  const many = (n: number, over = {}) => Array.from({ length: n }, (_, i) => spec(`function_with_a_rather_long_name_${i}`, { file: `specs/f${i % 50}.py`, ...over }));

  it("a huge comparison stays within 65,536 characters, marker first, verdict next, baseline named", () => {
    const base = { scores: scores(many(5000)), meta: meta("20250101T000000Z-aaaa"), label: "main" };
    const head = { scores: scores(many(5000, { status: "unsolved", score: 0.5, program: null, dsl: null, size: 0 })), meta: meta("20250102T000000Z-bbbb"), label: "pull request #1" };
    const c = compareRuns(base, head, { rules: defaultRules() });
    const md = comparisonMarkdown(c, { kind: "run", runId: 5, runNumber: 12, branch: "main", sha: "d".repeat(40), url: "https://github.com/o/r/actions/runs/5" }, { marker: commentMarker("ci") });
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md.startsWith("<!-- aurora-x-action:ci -->\n## ❌ REGRESSIONS ⚠")).toBe(true);
    expect(md).toContain("left out to fit");
    expect(md).toContain("[workflow run #12](https://github.com/o/r/actions/runs/5) on `main` at commit `dddddddddddd`");
  });

  it("a huge run without a baseline stays within the limit too", () => {
    const md = runOnlyMarkdown(scores(many(8000)), meta("20250101T000000Z-aaaa"), "no baseline: first run", { marker: "<!-- m -->" });
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md.startsWith("<!-- m -->\n## Aurora-X: 8000/8000 solved (no comparison)")).toBe(true);
  });
});

describe("untrusted files", () => {
  it("refuse a file over its size limit before reading it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "aurora-untrusted-"));
    await writeFile(path.join(dir, "context.json"), " ".repeat(LIMITS.contextBytes + 1));
    await expect(readUntrustedJson(dir, "context.json", LIMITS.contextBytes, ResultsContextSchema)).rejects.toThrow(UntrustedDataError);
    await expect(readUntrustedJson(dir, "context.json", LIMITS.contextBytes, ResultsContextSchema)).rejects.toThrow(/over the limit/);
  });

  it("refuse a folder where a file should be, and a missing file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "aurora-untrusted-"));
    await expect(readUntrustedJson(path.dirname(dir), path.basename(dir), 100, ResultsContextSchema)).rejects.toThrow(/not a regular file/);
    await expect(readUntrustedJson(dir, "nope.json", 100, ResultsContextSchema)).rejects.toThrow(/has no nope.json/);
  });
});

describe("readConfig refuses", () => {
  it("a shard outside mode run", async () => {
    await expect(readConfig((n) => ({ mode: "merge", shard: "1/2" })[n] ?? "", { GITHUB_WORKSPACE: "/ws" })).rejects.toThrow(/input shard is for mode: run/);
  });
});
