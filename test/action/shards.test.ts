/**
 * Matrix shards: `shard: 1/2` and `2/2` synthesize disjoint halves of the spec files (searching on two worker
 * threads, `jobs: 2`, so the bundled search worker runs) and upload results plus corpus; a `mode: merge` job of the
 * same run merges corpora and scores and reports once; it alone saves the cache. The merged run equals one
 * unsharded run: same functions, statuses and programs, and the unsharded run compared with it passes.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RunScores } from "../../src/report/schema.js";
import { workspace } from "./runner.js";
import { diag, sha, standIn } from "./sim.js";
import { ARITH, LISTS, QUIET_TIME, STRINGS } from "./specs.js";

const gh = standIn();

const FILES = { "specs/arith.py": ARITH, "specs/strings.py": STRINGS, "specs/lists.py": LISTS, "aurora.config.yaml": "jobs: 2\n" };
const inputs = { specs: "specs/**/*.py", "timeout-per-spec": "5", rules: QUIET_TIME };

async function latestScores(ws: string): Promise<RunScores> {
  return JSON.parse(await readFile(path.join(ws, "runs", "latest", "scores.json"), "utf8")) as RunScores;
}

function essence(s: RunScores): unknown {
  return { summary: { total: s.summary.total, solved: s.summary.solved, unsolved: s.summary.unsolved }, specs: s.specs.map((x) => [x.file, x.name, x.status, x.program]).sort() };
}

describe("shards", () => {
  it("merge into the result of one unsharded run", async () => {
    const head = sha(60);
    const run = gh.sim.newRun("push", "main", head);
    const [one, two] = await Promise.all([1, 2].map(async (i) => gh.sim.push(await workspace(FILES), head, { ...inputs, shard: `${i}/2` }, { run, job: `shard-${i}`, finish: false })));
    for (const s of [one!, two!]) {
      expect(s.main.code, diag(s.main)).toBe(0);
      expect(s.main.outputs["verdict"]).toBe("no-baseline");
      expect(s.main.summary).toContain("the merge job (mode: merge) compares all shards");
      expect(s.post.stdout).toContain("not saved by this step");
    }
    expect(Number(one!.main.outputs["total"]) + Number(two!.main.outputs["total"])).toBe(5);
    expect(gh.fake.state.artifacts.map((a) => a.name).sort()).toEqual(["aurora-results-shard-1-of-2", "aurora-results-shard-2-of-2"]);

    const mergeWs = await workspace({ "aurora.config.yaml": "jobs: 2\n" });
    const merged = await gh.sim.push(mergeWs, head, { mode: "merge" }, { run, job: "merge" });
    expect(merged.main.code, diag(merged.main)).toBe(0);
    expect(merged.main.outputs).toMatchObject({ verdict: "no-baseline", solved: "5", total: "5" });
    expect(merged.post.stdout).toContain("aurora: saved the corpus as");
    const corpus = (await readFile(path.join(mergeWs, ".aurora", "corpus.jsonl"), "utf8")).trim().split("\n").map((l) => (JSON.parse(l) as { name: string }).name);
    expect(corpus.sort()).toEqual(["add", "double", "first", "shout", "total"]);

    const whole = await workspace(FILES);
    const single = await gh.sim.push(whole, sha(61), inputs);
    expect(single.main.code, diag(single.main)).toBe(0);
    expect(single.main.outputs).toMatchObject({ verdict: "pass", regressions: "0", "baseline-run-id": String(run.id), "cache-hit": "true" });
    expect(essence(await latestScores(mergeWs))).toEqual(essence(await latestScores(whole)));
  });
});
