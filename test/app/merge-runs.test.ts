import { mkdir, mkdtemp, readFile, readlink, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mergeRuns, MergeRunsError } from "../../src/app/merge-runs.js";
import { readRun, writeRun } from "../../src/app/runs.js";
import { meta, scores, spec } from "../report/fixtures.js";

let root: string;
beforeEach(async () => void (root = await mkdtemp(path.join(tmpdir(), "aurora-merge-"))));
afterEach(async () => rm(root, { recursive: true, force: true }));

async function part(name: string, specs: ReturnType<typeof spec>[], options: Record<string, unknown> = { timeout_ms: 1000, rounds: 1, max_bytes: null }): Promise<string> {
  const dir = path.join(root, "shards", name);
  await writeRun(dir, scores(specs, [{ round: 1, solved: specs.length, time_ms: 10 }]), meta(`20250101T00000${name}Z-000${name}`, { options, inputs: [`${name}.py`] }));
  await mkdir(path.join(dir, "code"), { recursive: true });
  for (const s of specs) await writeFile(path.join(dir, "code", `${s.name}.py`), `def ${s.name}(): ...\n`);
  await writeFile(path.join(dir, "code", "scores.json"), "{}");
  return dir;
}

describe("mergeRuns", () => {
  it("writes one run with every part's scores and code, points runs/latest at it and writes the report", async () => {
    const a = await part("1", [spec("f", { file: "b.py" })]);
    const b = await part("2", [spec("g", { file: "a.py" }), spec("h", { file: "a.py", line: 5 })]);
    const runsDir = path.join(root, "runs");
    const merged = await mergeRuns({ parts: [a, b], runsDir, cwd: root, git: { commit: "abc", branch: "main" } });
    const back = await readRun(merged.dir);
    expect(back.scores.specs.map((s) => s.name)).toEqual(["g", "h", "f"]);
    expect(back.meta).toMatchObject({ commit: "abc", branch: "main", inputs: ["1.py", "2.py"], options: { timeout_ms: 1000, rounds: 1, max_bytes: null } });
    expect(await readlink(path.join(runsDir, "latest"))).toBe(merged.runId);
    expect((await stat(path.join(merged.dir, "report.html"))).isFile()).toBe(true);
    for (const name of ["f", "g", "h"]) expect(await readFile(path.join(merged.dir, "code", `${name}.py`), "utf8")).toContain(`def ${name}`);
    expect(JSON.parse(await readFile(path.join(merged.dir, "code", "scores.json"), "utf8"))).toEqual(back.scores);
  });

  it("refuses parts that ran with different options", async () => {
    const a = await part("1", [spec("f", { file: "b.py" })]);
    const b = await part("2", [spec("g", { file: "a.py" })], { timeout_ms: 5000, rounds: 1, max_bytes: null });
    await expect(mergeRuns({ parts: [a, b], runsDir: path.join(root, "runs"), cwd: root, git: { commit: null, branch: null } })).rejects.toThrow(MergeRunsError);
  });
});
