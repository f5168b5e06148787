import { describe, expect, it } from "vitest";
import { ProgressFileError } from "../../src/tracker/errors.js";
import { parseProgress, serializeProgress } from "../../src/tracker/parse.js";
import { formatPath } from "../../src/tracker/schema.js";
import { seedTemplate } from "../../src/tracker/templates.js";

function messages(data: unknown): string[] {
  try {
    parseProgress(JSON.stringify(data), "progress.json");
  } catch (e) {
    if (e instanceof ProgressFileError) return e.message.split("\n");
    throw e;
  }
  return [];
}

const seed = () => JSON.parse(JSON.stringify(seedTemplate())) as { phases: { tasks: Record<string, unknown>[] }[] } & Record<string, unknown>;

describe("progress.json validation names the JSON path", () => {
  it.each([
    {
      name: "percent above 100",
      edit: (d: ReturnType<typeof seed>) => void ((d.phases[1]!.tasks[0]!["children"] as Record<string, unknown>[])[5]!["percent"] = 150),
      expected: "progress.json: phases[1].tasks[0].children[5].percent: must be 0-100",
    },
    { name: "percent as a string", edit: (d: ReturnType<typeof seed>) => void (d.phases[0]!.tasks.push({ id: "T09", title: "x", percent: "50" })), expected: "progress.json: phases[0].tasks[1].percent: must be a number 0-100" },
    { name: "bad id", edit: (d: ReturnType<typeof seed>) => void (d.phases[0]!.tasks.push({ id: "task9", title: "x", percent: 1 })), expected: "progress.json: phases[0].tasks[1].id: must look like T01 or T02f (T, digits, lowercase letters)" },
    { name: "duplicate id", edit: (d: ReturnType<typeof seed>) => void (d.phases[2]!.tasks.push({ id: "T01a", title: "x", percent: 1 })), expected: "progress.json: phases[2].tasks[1].id: duplicate task id T01a (first at phases[0].tasks[0].children[0])" },
    { name: "leaf without percent", edit: (d: ReturnType<typeof seed>) => void (d.phases[0]!.tasks.push({ id: "T09", title: "x" })), expected: "progress.json: phases[0].tasks[1].percent: required for a task without children (0-100)" },
    { name: "weight on a header", edit: (d: ReturnType<typeof seed>) => void (d.phases[0]!.tasks[0]!["weight"] = 2), expected: "progress.json: phases[0].tasks[0].weight: only leaf tasks carry a weight (a header derives from its leaves)" },
    { name: "bad version", edit: (d: ReturnType<typeof seed>) => void (d["version"] = "one"), expected: "progress.json: version: must be a version like 1.0.0" },
    { name: "unknown key", edit: (d: ReturnType<typeof seed>) => void (d["phasez"] = []), expected: "progress.json: (root): Unrecognized key(s) in object: 'phasez'" },
    { name: "metric run escaping runs/", edit: (d: ReturnType<typeof seed>) => void (d.phases[0]!.tasks.push({ id: "T09", title: "x", percent: 0, metric: { kind: "solved-share", run: ".." } })), expected: "progress.json: phases[0].tasks[1].metric.run: must be a run folder name under runs/" },
  ])("$name", ({ edit, expected }) => {
    const d = seed();
    edit(d);
    expect(messages(d)).toContain(expected);
  });

  it("reports broken JSON as such", () => {
    expect(() => parseProgress("{ nope", "progress.json")).toThrow(/^progress.json: not valid JSON/);
  });

  it("accepts the seed template", () => {
    expect(messages(seed())).toEqual([]);
  });

  it("formats paths", () => {
    expect(formatPath(["phases", 1, "tasks", 2, "percent"])).toBe("phases[1].tasks[2].percent");
    expect(formatPath([])).toBe("(root)");
  });
});

describe("serializeProgress", () => {
  it("drops stored header percents, keeps leaf percents, round-trips", () => {
    const p = seedTemplate();
    p.phases[0]!.tasks[0]!.percent = 12;
    const text = serializeProgress(p);
    const back = parseProgress(text, "x");
    expect(back.phases[0]!.tasks[0]!.percent).toBeUndefined();
    expect(back.phases[1]!.tasks[0]!.children![5]!.percent).toBe(50);
    expect(serializeProgress(back)).toBe(text);
    expect(text.endsWith("}\n")).toBe(true);
  });
});
