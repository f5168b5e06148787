/**
 * Pull requests against the base branch's baseline: a push to main uploads the baseline results; a pull request
 * run finds that run through the REST API, downloads its artifact with @actions/artifact, compares, writes the
 * summary and outputs, and upserts ONE comment (found by its marker on the second page of comments). A spec change
 * that breaks a function fails the step, after the summary, and updates the comment instead of adding one.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { workspace } from "./runner.js";
import { commentsOn, diag, sha, standIn } from "./sim.js";
import { ARITH, ARITH_BROKEN, QUIET_TIME, STRINGS } from "./specs.js";

const gh = standIn();

const inputs = { specs: "specs/*.py", "timeout-per-spec": "2", "comment-mode": "always", rules: QUIET_TIME };
const MARKER = "<!-- aurora-x-action:aurora -->";

describe("a pull request against the base branch", () => {
  it("compares with the latest successful push run, comments once, and fails on a broken function", async () => {
    const base = await gh.sim.push(await workspace({ "specs/arith.py": ARITH, "specs/strings.py": STRINGS }), sha(20), inputs);
    expect(base.main.code, diag(base.main)).toBe(0);
    expect(base.main.outputs["verdict"]).toBe("no-baseline");
    expect(gh.fake.state.artifacts.map((a) => a.name)).toEqual(["aurora-results"]);

    gh.fake.state.addNoise(7, 120);
    const pr = { number: 7, head: sha(21), headRef: "feature" };
    const ok = await gh.sim.pullRequest(await workspace({ "specs/arith.py": ARITH, "specs/strings.py": STRINGS }), pr, inputs);
    expect(ok.main.code, diag(ok.main)).toBe(0);
    expect(ok.main.outputs).toMatchObject({ verdict: "pass", solved: "4", total: "4", regressions: "0", "baseline-run-id": String(base.run.id), "cache-hit": "true" });
    const first = commentsOn(gh.fake, 7);
    expect(first).toHaveLength(1);
    expect(first[0]!.startsWith(`${MARKER}\n## ✅ No regressions`)).toBe(true);
    expect(first[0]).toContain(`[workflow run #${base.run.run_number}](${base.run.html_url})`);
    expect(first[0]).toContain(sha(20).slice(0, 12));

    const broken = await gh.sim.pullRequest(await workspace({ "specs/arith.py": ARITH_BROKEN, "specs/strings.py": STRINGS }), pr, inputs);
    expect(broken.main.code, diag(broken.main)).toBe(1);
    expect(broken.main.outputs).toMatchObject({ verdict: "fail", solved: "3", regressions: "1" });
    expect(broken.main.errors.join("\n")).toContain("1 regression(s) against the baseline");
    expect(broken.main.summary).toContain("REGRESSIONS ⚠ 1");
    expect(broken.main.summary).toContain("`double`");
    const after = commentsOn(gh.fake, 7);
    expect(after).toHaveLength(1);
    expect(after[0]!.startsWith(`${MARKER}\n## ❌ REGRESSIONS ⚠ 1`)).toBe(true);
    expect(after[0]!.length).toBeLessThanOrEqual(65_536);
    expect(await readFile(broken.main.outputs["comment-path"]!, "utf8")).toBe(after[0]);
    expect(await readFile(broken.main.outputs["report-path"]!, "utf8")).toContain("<html");
    // The failed run is no baseline: a later push compares with the successful one.
    expect(gh.fake.state.runs.find((r) => r.id === broken.run.id)?.conclusion).toBe("failure");
  });
});
