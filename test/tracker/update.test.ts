import { describe, expect, it } from "vitest";
import { TaskUpdateError } from "../../src/tracker/errors.js";
import { applyAssignments, parseAssignment, parseAssignments } from "../../src/tracker/update.js";
import { seedTemplate } from "../../src/tracker/templates.js";
import { taskPercent, allTasks } from "../../src/tracker/compute.js";
import type { Progress } from "../../src/tracker/schema.js";

describe("parseAssignment", () => {
  it.each([
    ["T02f=75", { kind: "set", value: 75 }],
    ["T02f=62.5", { kind: "set", value: 62.5 }],
    ["T02f=75%", { kind: "set", value: 75 }],
    ["T03=+10", { kind: "add", delta: 10 }],
    ["T01=-5", { kind: "add", delta: -5 }],
    ["T02=auto", { kind: "auto" }],
    ["T02=AUTO", { kind: "auto" }],
    ["T02=0", { kind: "set", value: 0 }],
    ["T02=100", { kind: "set", value: 100 }],
  ])("%s", (text, op) => {
    expect(parseAssignment(text).op).toEqual(op);
  });

  it.each([
    ["T02f", /bad update "T02f": expected ID=VALUE/],
    ["T02f=", /"" is not a percent/],
    ["T02f=abc", /"abc" is not a percent/],
    ["T02f=150", /percent must be 0-100/],
    ["T02f=-150", /a step must be between -100 and \+100/],
    ["T02f=1e2", /"1e2" is not a percent/],
    ["=5", /"" is not a task id/],
    ["T 2=5", /"T 2" is not a task id/],
  ])("rejects %s", (text, message) => {
    expect(() => parseAssignment(text)).toThrow(TaskUpdateError);
    expect(() => parseAssignment(text)).toThrow(message);
  });

  it("refuses the same task twice and an empty list", () => {
    expect(() => parseAssignments(["T01a=1", "T01a=2"])).toThrow(/T01a is updated twice/);
    expect(() => parseAssignments([])).toThrow(/nothing to update/);
  });
});

describe("applyAssignments", () => {
  const ctx = { at: "2025-01-01T12:00:00Z", source: "cli" } as const;
  const percentOf = (p: Progress, id: string) => taskPercent(allTasks(p).find(({ task }) => task.id === id)!.task);

  it("sets, adds, clamps and records changes without touching the input", () => {
    const seed = seedTemplate();
    const r = applyAssignments(seed, parseAssignments(["T02f=75", "T03a=+10", "T01a=-5", "T02e=+10"]), ctx);
    expect(percentOf(r.progress, "T02f")).toBe(75);
    expect(percentOf(r.progress, "T03a")).toBe(10);
    expect(percentOf(r.progress, "T01a")).toBe(95);
    expect(percentOf(r.progress, "T02e")).toBe(100);
    expect(r.notes).toEqual(["T02e=+10: 100% + 10 clamped to 100%"]);
    expect(r.changes.map((c) => [c.task, c.from, c.to])).toEqual([
      ["T02f", 50, 75],
      ["T03a", 0, 10],
      ["T01a", 100, 95],
    ]);
    expect(percentOf(seed, "T02f")).toBe(50);
    expect(r.progress.changes).toHaveLength(3);
  });

  it("notes a clamp", () => {
    const r = applyAssignments(seedTemplate(), parseAssignments(["T02f=+60"]), ctx);
    expect(percentOf(r.progress, "T02f")).toBe(100);
    expect(r.notes[0]).toMatch(/clamped to 100%/);
  });

  it("records a reason even when the value does not move (a reason for a hand edit)", () => {
    const r = applyAssignments(seedTemplate(), parseAssignments(["T02f=50"]), { ...ctx, reason: "scope cut" });
    expect(r.changes).toEqual([{ at: ctx.at, task: "T02f", from: 50, to: 50, reason: "scope cut", source: "cli" }]);
  });

  it.each([
    [["T99=5"], /unknown task T99; known ids: T01, T01a/],
    [["t02f=5"], /unknown task t02f \(did you mean T02f\?\)/],
    [["T02=50"], /T02=50: T02 is a header; its percent derives from its children \(T02a, T02b, T02c, T02d, T02e, T02f\)/],
    [["T02f=auto"], /T02f has no children and no linked metric/],
  ])("rejects %s", (texts, message) => {
    expect(() => applyAssignments(seedTemplate(), parseAssignments(texts), ctx)).toThrow(message);
  });

  it("auto on a header is a note, auto on a metric leaf uses the value passed in", () => {
    const p = seedTemplate();
    p.phases[2]!.tasks[0]!.children![0]!.metric = { kind: "solved-share" };
    const r = applyAssignments(p, parseAssignments(["T02=auto", "T03a=auto"]), { ...ctx, metricValues: new Map([["T03a", 66.666]]) });
    expect(r.notes[0]).toMatch(/T02 is a header: its percent derives from its children \(91.7%\)/);
    expect(percentOf(r.progress, "T03a")).toBe(66.7);
  });
});
