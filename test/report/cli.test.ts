/** The compare, baseline and report commands end to end on real run folders (in-process CLI). */
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { aurora } from "../cli/helpers.js";
import { spec } from "./fixtures.js";
import { demoRuns, tempRoot, writeRuns } from "./runs-fixture.js";

describe("aurora compare", () => {
  it("compare latest: verdict first, exit 1 on a fail-level regression", async () => {
    const root = await tempRoot();
    const ids = await demoRuns(root);
    const r = await aurora(["compare", "latest"], root);
    expect(r.code).toBe(1);
    expect(r.out.startsWith("## ❌ REGRESSIONS ⚠ 2")).toBe(true);
    expect(r.out).toContain(ids[2]);
    expect(r.out).toContain(ids[1]);
  });

  it("JSON to a file; acknowledged regressions do not block; --rule overrides the config file", async () => {
    const root = await tempRoot();
    await demoRuns(root);
    await writeFile(path.join(root, "aurora-acknowledged.yaml"), "acknowledged:\n  - function: add_one\n    reason: removed on purpose\n");
    await writeFile(path.join(root, "aurora.config.yaml"), "compare:\n  time:\n    fail: { relative: 1, absolute: 100 }\n");
    const r = await aurora(["compare", "latest", "--format", "json", "--out", "cmp.json"], root);
    expect(r.code).toBe(1);
    const c = JSON.parse(await readFile(path.join(root, "cmp.json"), "utf8")) as { verdict: string; findings: { kind: string; level: string; acknowledged?: string }[] };
    expect(c.findings.filter((f) => f.acknowledged === undefined).map((f) => `${f.kind}:${f.level}`)).toEqual(["time-up:fail"]);
    const relaxed = await aurora(["compare", "latest", "--rule", "time.fail.relative=100"], root);
    expect(relaxed.code).toBe(0);
    expect(relaxed.out).toMatch(/^## ⚠️ No failing regressions, 1 warning · 2 acknowledged/);
  });

  it("baseline save, then compare --baseline and two explicit runs", async () => {
    const root = await tempRoot();
    const ids = await writeRuns(root, [[spec("a"), spec("b")]]);
    expect((await aurora(["baseline", "save", "main"], root)).out).toContain(`baseline main saved: run ${ids[0]}`);
    expect((await aurora(["baseline", "save", "main"], root)).code).toBe(2);
    expect((await aurora(["baseline", "save", "main", "--force"], root)).out).toContain("replaced");
    await rm(path.join(root, "runs", ids[0]!), { recursive: true });
    await writeRuns(root, [[spec("a"), spec("b", { status: "unsolved", score: 0 })]]);
    const vsBase = await aurora(["compare", "--baseline", "main"], root);
    expect(vsBase.code).toBe(1);
    expect(vsBase.out).toContain("**base** baseline main");
    expect((await aurora(["baseline", "list"], root)).out.trim()).toBe("main");
    const explicit = await aurora(["compare", "baseline:main", "latest"], root);
    expect(explicit.code).toBe(1);
  });

  it("exit 2 with a clear message for missing runs and baselines", async () => {
    const root = await tempRoot();
    expect(await aurora(["compare", "latest"], root)).toMatchObject({ code: 2, err: expect.stringContaining("no runs in") as unknown });
    await writeRuns(root, [[spec("a")]]);
    expect((await aurora(["compare", "latest"], root)).err).toContain("nothing to compare it with yet");
    expect((await aurora(["compare", "--baseline", "nope"], root)).err).toContain('no baseline "nope"');
    expect((await aurora(["compare", "x", "y"], root)).err).toContain('no run "x"');
    expect((await aurora(["compare", "latest", "--rule", "time.warn.relative=-1"], root)).err).toContain("rule time.warn.relative");
    expect((await aurora(["baseline", "save", "../evil"], root)).code).toBe(2);
  });
});

describe("aurora run writes the report", () => {
  it("runs/<id>/report.html after a real run, compared with the previous run", async () => {
    const root = await tempRoot();
    await cp(path.join(import.meta.dirname, "..", "..", "examples", "numbers.py"), path.join(root, "numbers.py"));
    const args = ["run", "numbers.py", "--timeout", "2", "--no-corpus"];
    expect((await aurora(args, root)).code).toBe(0);
    const second = await aurora(args, root);
    expect(second.code).toBe(0);
    const html = await readFile(path.join(root, "runs", "latest", "report.html"), "utf8");
    expect(html).toContain("No regressions ✓");
    expect(html).toMatch(/vs previous run <code>\d{8}T\d{6}Z-[0-9a-f]{4}<\/code>/);
    expect(html).toContain("def ");
  });
});

describe("aurora report", () => {
  it("writes runs/<latest>/report.html with the badge against the previous run", async () => {
    const root = await tempRoot();
    const ids = await demoRuns(root);
    const r = await aurora(["report"], root);
    expect(r.code).toBe(0);
    const html = await readFile(path.join(root, "runs", ids[2]!, "report.html"), "utf8");
    expect(html).toContain("REGRESSIONS ⚠ 2");
    expect(html).toContain("def pad(s: str) -&gt; int:");
    expect(html).toContain("Learning curve");
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//);
    const first = await aurora(["report", path.join("runs", ids[0]!)], root);
    expect(first.code).toBe(0);
    expect(await readFile(path.join(root, "runs", ids[0]!, "report.html"), "utf8")).toContain("No regressions ✓");
    const missing = await aurora(["report", "nowhere"], root);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read the run in .*nowhere/);
    await writeFile(path.join(root, "runs", ids[1]!, "scores.json"), "{}");
    expect((await aurora(["report", path.join("runs", ids[1]!)], root)).err).toMatch(/cannot read the run in .*scores.json: specs: Required/);
  });
});
