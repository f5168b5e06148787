import { describe, expect, it } from "vitest";
import { summarize } from "../../src/tracker/compute.js";
import { csvField } from "../../src/tracker/csv.js";
import { escapeMarkdown, renderMasterTaskList } from "../../src/tracker/markdown.js";
import { compareSnapshotNames, compactTimestamp, snapshotTime } from "../../src/tracker/names.js";
import { seedTemplate } from "../../src/tracker/templates.js";
import { renderTable, textBar } from "../../src/tracker/text.js";

describe("MASTER_TASK_LIST.md", () => {
  it("matches the golden file for the seed template", async () => {
    const md = renderMasterTaskList(summarize({ ...seedTemplate(), updated: "2025-01-01T12:00:00Z" }));
    await expect(md).toMatchFileSnapshot("golden/seed-MASTER_TASK_LIST.md");
  });

  it("escapes Markdown in titles", () => {
    expect(escapeMarkdown("a|b *c* [d](e) <f>\nnext")).toBe("a\\|b \\*c\\* \\[d\\]\\(e\\) \\<f\\> next");
  });
});

describe("table and bars", () => {
  it("draws bars", () => {
    expect(textBar(0)).toBe("░░░░░░░░░░");
    expect(textBar(50)).toBe("█████░░░░░");
    expect(textBar(100, 4)).toBe("████");
    expect(textBar(140, 4)).toBe("████");
    expect(textBar(98.6)).toBe("█████████░");
    expect(textBar(0.4)).toBe("█░░░░░░░░░");
  });

  it("prints the seed as a table", async () => {
    await expect(renderTable(summarize(seedTemplate()))).toMatchFileSnapshot("golden/seed-table.txt");
  });
});

describe("CSV fields", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["-1+1", "'-1+1"],
    [12.5, "12.5"],
    [true, "true"],
  ])("%s", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe("snapshot names", () => {
  it("are UTC timestamps that sort oldest first", () => {
    expect(compactTimestamp(new Date(Date.UTC(2024, 9, 6, 8, 45, 0)))).toBe("20241006_084500");
    expect(snapshotTime("20241006_084500-2")?.toISOString()).toBe("2024-10-06T08:45:00.000Z");
    expect(snapshotTime("manual_20241006")).toBeUndefined();
    const names = ["20241006_084500-10", "20241006_084500-2", "20241006_084500", "20231231_235959"];
    expect(names.sort(compareSnapshotNames)).toEqual(["20231231_235959", "20241006_084500", "20241006_084500-2", "20241006_084500-10"]);
  });
});
