/**
 * Re-running a job (attempt 2 of the same run): the results artifact of attempt 1 is replaced, not duplicated or
 * refused, and the corpus is saved under a new key (keys carry the attempt; cache entries are immutable).
 */
import { describe, expect, it } from "vitest";
import { runJob, workspace, type JobSpec } from "./runner.js";
import { diag, sha, standIn } from "./sim.js";
import { ARITH } from "./specs.js";

const gh = standIn();

describe("a re-run attempt", () => {
  it("replaces the artifact of the attempt before and saves the corpus under a new key", async () => {
    gh.fake.state.addRun({ id: 800, event: "push", head_branch: "main", head_sha: sha(80) });
    const job = async (attempt: number): Promise<Awaited<ReturnType<typeof runJob>>> => {
      const spec: JobSpec = {
        workspace: await workspace({ "specs/arith.py": ARITH }),
        inputs: { specs: "specs", "timeout-per-spec": "5" },
        event: { name: "push", payload: { ref: "refs/heads/main", repository: { default_branch: "main", full_name: "octo/demo" } } },
        run: { id: 800, attempt, sha: sha(80), ref: "refs/heads/main" },
        token: gh.fake.state.tokens.write,
        services: { kind: "fake", origin: gh.fake.origin, apiUrl: gh.fake.apiUrl },
      };
      return runJob(spec);
    };
    const first = await job(1);
    expect(first.main.code, diag(first.main)).toBe(0);
    const firstId = gh.fake.state.artifacts.find((a) => a.runId === 800)!.id;
    const second = await job(2);
    expect(second.main.code, diag(second.main)).toBe(0);
    const artifacts = gh.fake.state.artifacts.filter((a) => a.runId === 800);
    expect(artifacts.map((a) => a.name)).toEqual(["aurora-results"]);
    expect(artifacts[0]!.id).not.toBe(firstId);
    expect(gh.fake.state.caches.map((c) => c.key)).toEqual(["aurora-corpus-Linux-X64-800-1-aurora", "aurora-corpus-Linux-X64-800-2-aurora"]);
  });
});
