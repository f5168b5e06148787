/**
 * Without GitHub: a local run (no Actions variables) and a runner whose services cannot be reached (`act` without
 * a cache server, a broken network). The step warns and goes on: the synthesis result, the outputs, the summary
 * and the run folder are all written, and it does not spend a minute in retries.
 */
import { createServer } from "node:net";
import { stat } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { runJob, workspace, type Services } from "./runner.js";
import { diag, sha } from "./sim.js";
import { ARITH } from "./specs.js";

/** An origin on 127.0.0.1 where nothing listens (a port taken and released). */
async function closedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function job(services: Services) {
  const ws = await workspace({ "specs/arith.py": ARITH });
  const payload = { ref: "refs/heads/main", repository: { default_branch: "main", full_name: "octo/demo" } };
  return runJob({ workspace: ws, inputs: { specs: "specs/*.py", "timeout-per-spec": "2" }, event: { name: "push", payload }, run: { id: 900, sha: sha(90), ref: "refs/heads/main" }, token: "ghs_unused_token_0000", services });
}

describe("services that are not there", () => {
  it("a local run (no Actions variables): results, outputs and summary, no baseline", async () => {
    const { main, post } = await job({ kind: "none" });
    expect(main.code, diag(main)).toBe(0);
    expect(main.outputs).toMatchObject({ verdict: "no-baseline", solved: "2", total: "2", regressions: "0", "cache-hit": "false", "baseline-run-id": "" });
    expect((await stat(main.outputs["report-path"]!)).isFile()).toBe(true);
    expect(main.summary).toContain("Aurora-X: 2/2 solved");
    expect(main.stdout).toContain("corpus cache skipped: no Actions cache service here");
    expect(post.code).toBe(0);
  });

  it("unreachable services: warnings, and everything is still written", async () => {
    const { main, post } = await job({ kind: "unreachable", origin: await closedOrigin() });
    expect(main.code, diag(main)).toBe(0);
    expect(main.warnings.join("\n")).toMatch(/GitHub API .* cannot be reached/);
    expect(main.warnings.join("\n")).toMatch(/results service cannot be reached/);
    expect(main.stdout).toMatch(/corpus cache skipped: the Actions cache service cannot be reached/);
    expect(main.outputs).toMatchObject({ verdict: "no-baseline", solved: "2", total: "2" });
    expect(main.summary).toContain("Notes");
    expect(main.ms).toBeLessThan(30_000);
    expect(post.stdout).toContain("not saved by this step");
  });
});
