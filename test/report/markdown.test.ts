import { describe, expect, it } from "vitest";
import { AckFileSchema } from "../../src/report/ack.js";
import { compareRuns } from "../../src/report/compare.js";
import { MARKDOWN_LIMIT, mdCode, mdText, renderMarkdown } from "../../src/report/markdown.js";
import { defaultRules } from "../../src/report/rules.js";
import { run, spec } from "./fixtures.js";

const rules = defaultRules();
const shared = ["add", "int", ["len", "int", ["$", "s", "str"]], ["#", 1, "int"]];

function mixed() {
  const base = run("20250101T120000Z-aaaa", [
    spec("add_one"),
    spec("slugify", { time_ms: 100, dsl: ["neg", "int", shared] }),
    spec("count_words", { time_ms: 40 }),
    spec("reverse", { status: "unsolved", score: 0.5, program: null, dsl: null, size: 0 }),
    spec("pad", { dsl: ["neg", "int", shared] }),
    spec("old_one"),
  ], "previous");
  const head = run("20250102T120000Z-bbbb", [
    spec("add_one", { status: "unsolved", score: 0.75, program: null, dsl: null, size: 0 }),
    spec("slugify", { time_ms: 900, dsl: ["neg", "int", shared] }),
    spec("count_words", { time_ms: 45 }),
    spec("reverse", { program: "s[::-1]" }),
    spec("pad", { size: 6, dsl: ["abs", "int", ["$", "x", "int"]] }),
    spec("brand_new", { dsl: ["neg", "int", shared] }),
  ], "latest", { commit: "fedcba9876543210fedcba9876543210fedcba98", cpu: "Other CPU" });
  return { base, head };
}

describe("renderMarkdown", () => {
  it("matches the golden comment: verdict first, changed rows, unchanged collapsed", async () => {
    const { base, head } = mixed();
    const acks = AckFileSchema.parse({ acknowledged: [{ function: "pad", kind: "size-up", reason: "handles | pipes now" }] }).acknowledged;
    const md = renderMarkdown(compareRuns(base, head, { rules, acks }));
    await expect(md).toMatchFileSnapshot("golden/compare-mixed.md");
    expect(md.startsWith("## ❌ REGRESSIONS ⚠ 1")).toBe(true);
  });

  it("matches the golden comment for a clean comparison", async () => {
    const base = run("20250101T120000Z-aaaa", [spec("a"), spec("b")], "baseline main");
    const head = run("20250102T120000Z-bbbb", [spec("a"), spec("b", { time_ms: 12 })], "latest");
    await expect(renderMarkdown(compareRuns(base, head, { rules }))).toMatchFileSnapshot("golden/compare-clean.md");
  });

  it("stays under the limit by truncating the longest section, with a note", () => {
    const names = Array.from({ length: 3000 }, (_, i) => `function_with_a_long_name_${i}`);
    const base = run("20250101T120000Z-aaaa", names.map((n) => spec(n)));
    const head = run("20250102T120000Z-bbbb", names.map((n, i) => spec(n, i % 3 === 0 ? { time_ms: 5000 } : {})));
    const md = renderMarkdown(compareRuns(base, head, { rules }));
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md).toMatch(/_…\d+ more rows left out to fit the comment limit/);
    expect(md.startsWith("## ❌ REGRESSIONS ⚠ 1000")).toBe(true);
    expect(md).toContain("</details>");
    const small = renderMarkdown(compareRuns(base, head, { rules }), 5000);
    expect(small.length).toBeLessThanOrEqual(5000);
  });

  it("escapes hostile names so they cannot break tables or inject HTML", () => {
    expect(mdText("a|b<script>*x*")).toBe("a\\|b&lt;script&gt;\\*x\\*");
    expect(mdCode("a`b|c")).toBe("``a`b\\|c``");
    const base = run("20250101T120000Z-aaaa", [spec("<script>alert(1)</script>|x")]);
    const head = run("20250102T120000Z-bbbb", [spec("<script>alert(1)</script>|x", { status: "unsolved", score: 0 })], "</details><img src=x>");
    const md = renderMarkdown(compareRuns(base, head, { rules }));
    expect(md).not.toContain("<img");
    expect(md).toContain("`<script>alert(1)</script>\\|x`");
  });
});
