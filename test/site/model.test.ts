import { describe, expect, it } from "vitest";
import { defaultRules } from "../../src/report/rules.js";
import type { RunRecord } from "../../src/report/schema.js";
import { digestRuns, expandDigest, mergeRuns } from "../../src/report/site/digest.js";
import { fnv1a, siteModel, slugs } from "../../src/report/site/model.js";
import { functionDetail, functionsTable, links, overviewVerdict, regressionsView, runDetail, runsTable, trackerView } from "../../src/report/site/views.js";
import { summarize } from "../../src/tracker/compute.js";
import { seedTemplate } from "../../src/tracker/templates.js";
import { meta, scores, spec } from "../report/fixtures.js";
import { HOSTILE, runId } from "../report/runs-fixture.js";

const shared = ["add", "int", ["len", "int", ["$", "s", "str"]], ["#", 1, "int"]];
const record = (i: number, specs: ReturnType<typeof spec>[]): RunRecord => ({ meta: meta(runId(i), { created: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() }), scores: scores(specs) });

function runs(): RunRecord[] {
  const a = (t: number) => [spec("alpha", { dsl: ["neg", "int", shared], time_ms: 100 + t }), spec("beta", { dsl: ["abs", "int", shared] }), spec(HOSTILE.name, { program: HOSTILE.program })];
  const last = a(0).map((s) => (s.name === "alpha" ? { ...s, time_ms: 2000 } : s));
  return [record(0, a(0)), record(1, a(3)), { ...record(2, last), code: { beta: "def beta(s):\n    return abs(len(s) + 1)\n" } }];
}

describe("slugs", () => {
  it("keeps safe keys, hashes the rest, never collides", () => {
    const m = slugs(["fn_1", "Fn_1", "a b", "a-b", "", HOSTILE.name, HOSTILE.url]);
    expect(m.get("fn_1")).toBe("fn_1");
    expect(m.get("Fn_1")).toBe(`fn_1-${fnv1a("Fn_1")}`);
    expect(m.get("a-b")).toBe("a-b");
    expect(m.get("a b")).toBe(`a-b-${fnv1a("a b")}`);
    expect(m.get("")).toBe(`fn-${fnv1a("")}`);
    const all = [...m.values()];
    expect(new Set(all).size).toBe(all.length);
    for (const s of all) expect(s).toMatch(/^[a-z0-9_-]+$/);
  });
});

describe("digests", () => {
  it("keep what the rules compare and round-trip through the function table", () => {
    const rs = runs();
    const { table, digests } = digestRuns(rs);
    expect(table.name).toEqual(["alpha", "beta", HOSTILE.name]);
    const back = expandDigest(digests[1]!, table);
    expect(back.scores.specs.map((s) => [s.name, s.status, s.score, s.time_ms, s.size])).toEqual(rs[1]!.scores.specs.map((s) => [s.name, s.status, s.score, s.time_ms, s.size]));
    const merged = mergeRuns(digests, table, rs.slice(-1));
    expect(merged[2]).toBe(rs[2]);
    expect(merged[0]!.scores.specs[0]!.program).toBeNull();
  });
});

describe("siteModel and views", () => {
  const m = siteModel({ runs: runs(), rules: defaultRules(), progress: { summary: summarize(seedTemplate()), history: [{ name: "20250101_120000", at: "2025-01-01T12:00:00.000Z", overall: 40 }], changes: [{ at: "2025-01-02T00:00:00Z", task: "T02f", from: 60, to: 50, reason: HOSTILE.name }] } });
  const l = links("/repo");

  it("indexes functions with their trends and compares each run with the one before", () => {
    expect(m.functions.map((f) => f.name)).toEqual(["alpha", "beta", HOSTILE.name]);
    expect(m.functions[0]!.trend.map((t) => t.time_ms)).toEqual([100, 103, 2000]);
    expect(m.verdictOf(runId(0)).verdict).toBe("first");
    expect(m.verdictOf(runId(1)).verdict).toBe("pass");
    expect(m.verdictOf(runId(2))).toEqual({ verdict: "fail", regressions: 1, warnings: 0 });
    expect(m.comparison()?.regressions).toBe(1);
  });

  it("gives a function page its code and relationships", () => {
    const beta = m.fnPage("beta")!;
    expect(beta.code).toContain("def beta(s):");
    expect(beta.related.map((r) => [r.other, r.slug, r.edge.kind])).toEqual([["alpha", "alpha", "subprogram"]]);
    expect(m.fnPage("nope")).toBeUndefined();
  });

  it("builds links under the base path", () => {
    expect(l.fn("beta")).toBe("/repo/functions/beta/");
    expect(l.run(runId(1))).toBe(`/repo/runs/${runId(1)}/`);
    expect(links("/").home).toBe("/");
  });

  it("escapes every user string in every view", () => {
    const html = [overviewVerdict(m, l), runsTable(m, l), functionsTable(m, l), runDetail(m, m.latest!, l), functionDetail(m.fnPage(m.functions[2]!.slug)!, l), regressionsView(m, l), trackerView(m.progress!)].join("\n");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;");
    expect(html).toContain("REGRESSIONS ⚠ 1");
  });
});
