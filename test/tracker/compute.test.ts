import { describe, expect, it } from "vitest";
import { formatPercent, overallPercent, phasePercent, roundPercent, summarize, taskPercent } from "../../src/tracker/compute.js";
import type { Progress, Task } from "../../src/tracker/schema.js";
import { seedTemplate } from "../../src/tracker/templates.js";

describe("the seed's numbers (fixture)", () => {
  const s = summarize(seedTemplate());

  it("Foundation Core 100, Learning & Memory 91.7 with T02f at 50, Adaptive Learning 0, overall 63.9", () => {
    expect(s.phases.map((p) => [p.name, roundPercent(p.percent)])).toEqual([
      ["Foundation Core", 100],
      ["Learning & Memory", 91.7],
      ["Adaptive Learning", 0],
    ]);
    expect(s.phases[1]!.tasks.find((t) => t.id === "T02f")!.percent).toBe(50);
    expect(roundPercent(s.overall)).toBe(63.9);
    expect(formatPercent(s.overall)).toBe("63.9%");
  });

  it("a header derives from its children", () => {
    const t02 = s.phases[1]!.tasks.find((t) => t.id === "T02")!;
    expect(t02.header).toBe(true);
    expect(roundPercent(t02.percent)).toBe(91.7);
  });

  it("flattens tasks in pre-order with depth and parent", () => {
    expect(s.phases[0]!.tasks.map((t) => [t.id, t.depth, t.parent ?? null])).toEqual([
      ["T01", 0, null],
      ["T01a", 1, "T01"],
      ["T01b", 1, "T01"],
      ["T01c", 1, "T01"],
    ]);
  });
});

describe("weights and edge cases", () => {
  const leaf = (id: string, percent: number, weight?: number): Task => ({ id, title: id, percent, ...(weight === undefined ? {} : { weight }) });

  it.each([
    { name: "equal weights", tasks: [leaf("T1", 0), leaf("T2", 100)], expected: 50 },
    { name: "weight 3 on the done task", tasks: [leaf("T1", 0), leaf("T2", 100, 3)], expected: 75 },
    { name: "nested header counts its leaves, not itself", tasks: [{ id: "T1", title: "h", children: [leaf("T1a", 100), leaf("T1b", 100)] }, leaf("T2", 0)], expected: 200 / 3 },
    { name: "no tasks", tasks: [], expected: 0 },
  ])("phase percent: $name", ({ tasks, expected }) => {
    expect(phasePercent(tasks)).toBeCloseTo(expected, 10);
  });

  it("a header ignores a stored percent", () => {
    expect(taskPercent({ id: "T1", title: "h", percent: 10, children: [leaf("T1a", 80)] })).toBe(80);
  });

  it("overall is the unweighted mean of phases (0 with none)", () => {
    const p: Progress = { version: "1.0.0", phases: [{ name: "a", tasks: [leaf("T1", 100)] }, { name: "b", tasks: [leaf("T2", 0), leaf("T3", 0), leaf("T4", 0)] }] };
    expect(overallPercent(p)).toBe(50);
    expect(overallPercent({ version: "1.0.0", phases: [] })).toBe(0);
  });
});
