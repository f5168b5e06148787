import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { register as progress } from "../../src/cli/commands/progress.js";
import { runCli } from "./cli-harness.js";
import { tempDir } from "./helpers.js";

const aurora = (argv: string[], cwd: string) => runCli([progress], argv, cwd);

async function seeded(): Promise<string> {
  const dir = await tempDir();
  const r = await aurora(["progress", "init", "--template", "seed"], dir);
  expect(r.code).toBe(0);
  return dir;
}

describe("aurora progress", () => {
  it("init, then the table with bars", async () => {
    const dir = await seeded();
    const r = await aurora(["progress"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Aurora-X v1\.0\.0 · overall\s+63\.9%/);
    expect(r.out).toMatch(/T02f\s+Import\/merge capability\s+50% {2}██████████░░░░░░░░░░/);
    expect(JSON.parse((await aurora(["progress", "show", "--json"], dir)).out)).toMatchObject({ version: "1.0.0" });
  });

  it("init refuses to overwrite, and unknown templates", async () => {
    const dir = await seeded();
    expect(await aurora(["progress", "init"], dir)).toMatchObject({ code: 2, err: expect.stringMatching(/already exists; use --force/) });
    expect(await aurora(["progress", "init", "--template", "nope", "--force"], dir)).toMatchObject({ code: 2, err: 'aurora: unknown template "nope": use empty or seed' });
  });

  it("update: set, step, several at once, with a reason", async () => {
    const dir = await seeded();
    const r = await aurora(["progress", "update", "T02f=75", "T03a=+10", "T01a=-5", "--reason", "re-scoped"], dir);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")).toEqual(["T02f: 50% -> 75%", "T03a: 0% -> 10%", "T01a: 100% -> 95%", "overall 65.8%"]);
    const p = JSON.parse(await readFile(join(dir, "progress.json"), "utf8")) as { changes: { reason: string }[] };
    expect(p.changes.every((c) => c.reason === "re-scoped")).toBe(true);
    expect(await readFile(join(dir, "MASTER_TASK_LIST.md"), "utf8")).toContain("**T02f** Import/merge capability — 75%");
  });

  it.each([
    [["T99=5"], /^aurora: unknown task T99; known ids: T01, T01a/],
    [["T02f=150"], /^aurora: bad update "T02f=150": percent must be 0-100$/],
    [["T02f"], /^aurora: bad update "T02f": expected ID=VALUE/],
    [["T02f=x"], /^aurora: bad update "T02f=x": "x" is not a percent/],
    [["T02=10"], /^aurora: T02=10: T02 is a header/],
    [["T02f=auto"], /T02f has no children and no linked metric/],
  ])("update %j is a usage error (exit 2)", async (args, message) => {
    const dir = await seeded();
    const r = await aurora(["progress", "update", ...args], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it("the seed's root form: aurora --update-task T02f=75 T03=auto", async () => {
    const dir = await seeded();
    const r = await aurora(["--update-task", "T02f=75", "T03=auto"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("T02f: 50% -> 75%");
    expect(r.out).toContain("T03 is a header: its percent derives from its children (0%)");
    expect((await aurora(["--update-task", "T02f=999"], dir)).code).toBe(2);
  });

  it("without --update-task the root behaves as before: help, unknown command", async () => {
    const dir = await tempDir();
    const bare = await aurora([], dir);
    expect(bare.err).toContain("Usage: aurora");
    const unknown = await aurora(["nope"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown command 'nope'");
  });

  it("bump, history, rollback", async () => {
    const dir = await seeded();
    expect((await aurora(["progress", "bump", "--minor"], dir)).out).toMatch(/^version 1\.1\.0; snapshot history\/\d{8}_\d{6}(-\d+)?\.json$/);
    expect((await aurora(["progress", "bump", "--minor", "--major"], dir)).code).toBe(2);
    const history = (await aurora(["progress", "history"], dir)).out.split("\n");
    expect(history).toHaveLength(2);
    expect(history[1]).toMatch(/^\d{8}_\d{6}(-\d+)? {2}v1\.1\.0\s+63\.9% {2}/);
    const first = history[0]!.split(" ")[0]!;
    await aurora(["progress", "update", "T03a=50"], dir);
    const rb = await aurora(["progress", "rollback", first], dir);
    expect(rb.out).toMatch(new RegExp(`^restored ${first} \\(overall 63\\.9%\\); undo with: aurora progress rollback \\d{8}_\\d{6}`));
    expect((await aurora(["progress", "rollback", "nope"], dir)).err).toMatch(/"nope" is not a snapshot name/);
  });

  it("check: passes, then fails with exit 1 and the differences, then passes with a reason", async () => {
    const dir = await seeded();
    expect((await aurora(["progress", "check"], dir)).code).toBe(0);
    await aurora(["progress", "update", "T01b=60"], dir);
    const bad = await aurora(["progress", "check"], dir);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("T01b   100% -> 60%  down, NO RECORDED REASON");
    await aurora(["progress", "update", "T01b=60", "--reason", "found a bug"], dir);
    const good = await aurora(["progress", "check"], dir);
    expect(good.code).toBe(0);
    expect(good.out).toContain('reason: "found a bug"');
  });

  it("export-csv and render", async () => {
    const dir = await seeded();
    const r = await aurora(["progress", "export-csv"], dir);
    expect(r.out).toMatch(/^wrote .*progress_export_\d{8}_\d{6}\.csv$/);
    expect((await readdir(dir)).some((f) => /^progress_export_\d{8}_\d{6}\.csv$/.test(f))).toBe(true);
    expect((await aurora(["progress", "render"], dir)).out).toMatch(/MASTER_TASK_LIST\.md$/);
  });

  it("--root points at another folder; a missing progress.json says how to start", async () => {
    const dir = await seeded();
    const other = await tempDir();
    expect((await aurora(["progress", "--root", dir], other)).out).toContain("63.9%");
    const missing = await aurora(["progress"], other);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no progress.json at .*: run `aurora progress init`/);
  });

  it("an invalid progress.json names the JSON path", async () => {
    const dir = await seeded();
    const file = join(dir, "progress.json");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(file, (await readFile(file, "utf8")).replace('"percent": 50', '"percent": -1'));
    expect((await aurora(["progress"], dir)).err).toBe("aurora: progress.json: phases[1].tasks[0].children[5].percent: must be 0-100");
  });
});
