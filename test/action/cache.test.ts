/**
 * The corpus cache through the real @actions/cache (v2 service on the stand-in): a push to main saves the corpus
 * in `post`, the next run restores it (cache-hit), and a pull request run restores but never saves.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { workspace } from "./runner.js";
import { diag, sha, standIn } from "./sim.js";
import { ARITH, STRINGS } from "./specs.js";

const gh = standIn();

const inputs = { specs: "specs/*.py", "timeout-per-spec": "5" };
const lines = async (file: string): Promise<number> => (await readFile(file, "utf8")).split("\n").filter((l) => l.trim() !== "").length;

describe("the corpus cache", () => {
  it("is saved by a push to main and restored by the next run, a pull request never saving", async () => {
    const first = await gh.sim.push(await workspace({ "specs/arith.py": ARITH }), sha(10), inputs);
    expect(first.main.code, diag(first.main)).toBe(0);
    expect(first.main.outputs["cache-hit"]).toBe("false");
    expect(first.post.stdout).toContain("aurora: saved the corpus as aurora-corpus-Linux-X64-");
    expect(gh.fake.state.caches.filter((c) => c.finalized)).toHaveLength(1);

    const ws = await workspace({ "specs/arith.py": ARITH, "specs/strings.py": STRINGS });
    const second = await gh.sim.push(ws, sha(11), inputs);
    expect(second.main.code, diag(second.main)).toBe(0);
    expect(second.main.outputs["cache-hit"]).toBe("true");
    expect(second.main.stdout).toContain(`aurora: restored the corpus from ${gh.fake.state.caches[0]!.key}`);
    // The restored log (2 records) plus this run's 4.
    expect(await lines(path.join(ws, ".aurora", "corpus.jsonl"))).toBe(6);
    expect(gh.fake.state.caches.filter((c) => c.finalized)).toHaveLength(2);

    const pr = await gh.sim.pullRequest(await workspace({ "specs/arith.py": ARITH }), { number: 3, head: sha(12), headRef: "feature" }, { ...inputs, "comment-mode": "off" });
    expect(pr.main.outputs["cache-hit"]).toBe("true");
    expect(pr.post.stdout).toContain("not saved by this step");
    expect(gh.fake.state.caches.filter((c) => c.finalized)).toHaveLength(2);
  });
});
