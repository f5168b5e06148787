/**
 * A read-only token (403 on comments, as for a pull request from a fork): the step does not fail; the comment's
 * text is in the job summary and in the results artifact, with a warning that names the fork pattern.
 */
import { describe, expect, it } from "vitest";
import { workspace } from "./runner.js";
import { commentsOn, diag, sha, standIn } from "./sim.js";
import { ARITH, QUIET_TIME } from "./specs.js";

const gh = standIn();

describe("a comment the token may not write", () => {
  it("falls back to the summary and the artifact without failing", async () => {
    const inputs = { specs: "specs", "timeout-per-spec": "2", "comment-mode": "always", rules: QUIET_TIME };
    await gh.sim.push(await workspace({ "specs/arith.py": ARITH }), sha(30), inputs);
    const pr = await gh.sim.pullRequest(await workspace({ "specs/arith.py": ARITH }), { number: 9, head: sha(31), headRef: "topic" }, inputs, { token: gh.fake.state.tokens.read });
    expect(pr.main.code, diag(pr.main)).toBe(0);
    expect(pr.main.outputs["verdict"]).toBe("pass");
    expect(commentsOn(gh.fake, 9)).toEqual([]);
    expect(pr.main.warnings.join("\n")).toMatch(/may not comment on pull request #9 \(HTTP 403.*two-workflow pattern/s);
    expect(pr.main.summary).toContain("## ✅ No regressions");
    expect(pr.main.summary).toContain("The comment was not posted");
    expect(gh.fake.state.artifacts.filter((a) => a.runId === pr.run.id).map((a) => a.name)).toEqual(["aurora-results"]);
    expect(gh.fake.state.requests.filter((r) => r.method === "POST" && r.path.endsWith("/comments")).every((r) => r.token === gh.fake.state.tokens.read)).toBe(true);
  });
});
