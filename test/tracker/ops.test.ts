import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TaskUpdateError, TrackerStateError } from "../../src/tracker/errors.js";
import { listSnapshots, readSnapshot } from "../../src/tracker/history.js";
import { autoUpdate, bumpProgress, checkTracker, exportCsv, initProgress, rollbackProgress, updateTasks } from "../../src/tracker/ops.js";
import { renderCheckReport } from "../../src/tracker/check.js";
import { loadProgress, saveProgress, withProgressLock, type Tracker } from "../../src/tracker/store.js";
import { parseAssignments } from "../../src/tracker/update.js";
import { allTasks, roundPercent, summarize, taskPercent } from "../../src/tracker/compute.js";
import type { Metric, Progress } from "../../src/tracker/schema.js";
import { tempTracker } from "./helpers.js";

/** Links a metric to the seed's T03a (0), T03b (1) or T03c (2) in progress.json. */
async function linkMetric(t: Tracker, child: number, metric: Metric): Promise<void> {
  await withProgressLock(t, async () => {
    const p = await loadProgress(t);
    p.phases[2]!.tasks[0]!.children![child]!.metric = metric;
    await saveProgress(t, p);
  });
}

const percentOf = (p: Progress, id: string) => taskPercent(allTasks(p).find(({ task }) => task.id === id)!.task);

describe("init", () => {
  it("writes progress.json, MASTER_TASK_LIST.md and a first snapshot", async () => {
    const t = await tempTracker();
    const { snapshot } = await initProgress(t, "seed");
    expect(snapshot).toBe("20250101_120001");
    const md = await readFile(t.paths.masterListFile, "utf8");
    expect(md).toContain("overall **63.9%**");
    expect(md).toContain("- [ ] **T02f** Import/merge capability — 50% `█████░░░░░`");
    expect(await readdir(t.paths.historyDir)).toEqual(["20250101_120001.json"]);
    const text = await readFile(t.paths.progressFile, "utf8");
    expect(JSON.parse(text)).toMatchObject({ version: "1.0.0", updated: "2025-01-01T12:00:00Z" });
  });

  it("refuses to overwrite without force, snapshots first with force", async () => {
    const t = await tempTracker();
    await initProgress(t, "seed");
    await expect(initProgress(t, "empty")).rejects.toThrow(TrackerStateError);
    await initProgress(t, "empty", true);
    expect((await loadProgress(t)).phases).toEqual([]);
    expect((await listSnapshots(t)).map((s) => s.overall === undefined ? s.error : roundPercent(s.overall))).toEqual([63.9, 63.9, 0]);
  });

  it("says how to start when there is no progress.json", async () => {
    const t = await tempTracker();
    await expect(loadProgress(t)).rejects.toThrow(/run `aurora progress init`/);
  });
});

describe("update", () => {
  it("applies all or nothing, regenerates the task list", async () => {
    const t = await tempTracker();
    await initProgress(t, "seed");
    await expect(updateTasks(t, parseAssignments(["T02f=75", "T99=1"]))).rejects.toThrow(/unknown task T99/);
    expect(percentOf(await loadProgress(t), "T02f")).toBe(50);
    const r = await updateTasks(t, parseAssignments(["T02f=75", "T03a=+10"]), { reason: "progress" });
    expect(r.changes).toHaveLength(2);
    const p = await loadProgress(t);
    expect(percentOf(p, "T02f")).toBe(75);
    expect(p.changes?.map((c) => c.task)).toEqual(["T02f", "T03a"]);
    expect(await readFile(t.paths.masterListFile, "utf8")).toContain("**T02f** Import/merge capability — 75%");
  });

  it("serializes concurrent writers with the lock (no lost update)", async () => {
    const t = await tempTracker();
    await initProgress(t, "seed");
    await Promise.all(Array.from({ length: 8 }, () => updateTasks(t, parseAssignments(["T03a=+5"]))));
    expect(percentOf(await loadProgress(t), "T03a")).toBe(40);
  });

  it("auto reads a linked metric from runs/<run>/scores.json", async () => {
    const t = await tempTracker();
    await initProgress(t, "seed");
    await linkMetric(t, 0, { kind: "solved-share", suite: "pbe" });
    const latest = join(t.paths.runsDir, "latest");
    await mkdir(latest, { recursive: true });
    const specs = [
      { name: "pbe/a", status: "solved" },
      { name: "pbe/b", status: "unsolved" },
      { name: "pbe/c", status: "ambiguous" },
      { name: "pbe/d", status: "SOLVED" },
      { name: "other/x", status: "solved" },
      "junk",
    ];
    await writeFile(join(latest, "scores.json"), JSON.stringify({ specs, summary: {} }));
    const r = await updateTasks(t, parseAssignments(["T03a=auto"]));
    expect(r.notes).toContain(`T03a: 2/4 specs solved in ${join(latest, "scores.json")}`);
    expect(percentOf(await loadProgress(t), "T03a")).toBe(50);
  });

  it("auto without a run: strict update fails, `auto` for all skips with a note", async () => {
    const t = await tempTracker();
    await initProgress(t, "seed");
    await linkMetric(t, 1, { kind: "solved-share" });
    await expect(updateTasks(t, parseAssignments(["T03b=auto"]))).rejects.toThrow(TaskUpdateError);
    const r = await autoUpdate(t);
    expect(r.changes).toEqual([]);
    expect(r.notes[0]).toMatch(/^T03b: skipped, .*scores.json not found/);
  });
});

describe("bump, history, rollback, check", () => {
  it("bump snapshots the bumped version with the archived changes and clears them", async () => {
    const t = await tempTracker();
    await initProgress(t, "seed");
    await updateTasks(t, parseAssignments(["T02f=60"]));
    const minor = await bumpProgress(t, "minor");
    expect(minor.version).toBe("1.1.0");
    const current = await loadProgress(t);
    expect(current.changes).toBeUndefined();
    const snap = await readSnapshot(t, minor.snapshot);
    expect(snap.version).toBe("1.1.0");
    expect(snap.changes?.map((c) => c.to)).toEqual([60]);
    expect((await bumpProgress(t, "major")).version).toBe("2.0.0");
    expect((await bumpProgress(t, "patch")).version).toBe("2.0.1");
  });

  it("check passes when nothing went down, fails on a silent decrease, passes with a reason", async () => {
    const t = await tempTracker();
    await initProgress(t, "seed");
    expect((await checkTracker(t)).ok).toBe(true);
    await updateTasks(t, parseAssignments(["T03a=20", "T01a=80"]));
    const bad = await checkTracker(t);
    expect(bad.ok).toBe(false);
    const text = renderCheckReport(bad.report!);
    expect(text).toContain("T01a   100% -> 80%  down, NO RECORDED REASON");
    expect(text).toContain("T03a   0% -> 20%  up");
    expect(text).toContain("T01    100% -> 93.3%  down, derived from its children");
    expect(text).toMatch(/FAIL: 1 task\(s\) went down without a recorded reason. Record why, e.g. aurora progress update T01a=80 --reason/);
    await updateTasks(t, parseAssignments(["T01a=80"]), { reason: "split off T01d" });
    const good = await checkTracker(t);
    expect(good.ok).toBe(true);
    expect(renderCheckReport(good.report!)).toContain('down, reason: "split off T01d"');
  });

  it("check fails when MASTER_TASK_LIST.md is stale", async () => {
    const t = await tempTracker();
    await initProgress(t, "seed");
    await writeFile(t.paths.masterListFile, "# edited by hand\n");
    expect(await checkTracker(t)).toMatchObject({ ok: false, masterListStale: true });
  });

  it("rollback snapshots the current state first, records reasons, and can be undone", async () => {
    const t = await tempTracker();
    const { snapshot: first } = await initProgress(t, "seed");
    await updateTasks(t, parseAssignments(["T02f=90", "T03a=30"]));
    const rb = await rollbackProgress(t, first);
    expect(rb.backup).toBeDefined();
    const p = await loadProgress(t);
    expect(percentOf(p, "T02f")).toBe(50);
    expect(p.changes?.map((c) => [c.task, c.from, c.to, c.reason])).toEqual([
      ["T02f", 90, 50, `rollback to ${first}`],
      ["T03a", 30, 0, `rollback to ${first}`],
    ]);
    expect((await checkTracker(t)).ok).toBe(true);
    await rollbackProgress(t, `${rb.backup!}.json`);
    expect(percentOf(await loadProgress(t), "T02f")).toBe(90);
    expect((await listSnapshots(t)).length).toBe(3);
  });

  it("rollback refuses names that are not snapshots (no path tricks)", async () => {
    const t = await tempTracker();
    await initProgress(t, "seed");
    await expect(rollbackProgress(t, "../progress")).rejects.toThrow(/is not a snapshot name/);
    await expect(rollbackProgress(t, "20990101_000000")).rejects.toThrow(/no snapshot 20990101_000000/);
  });

  it("rollback restores from a broken progress.json and keeps the broken text as a snapshot", async () => {
    const t = await tempTracker();
    const { snapshot } = await initProgress(t, "seed");
    await writeFile(t.paths.progressFile, "{ broken");
    const rb = await rollbackProgress(t, snapshot);
    expect(await readFile(join(t.paths.historyDir, `${rb.backup!}.json`), "utf8")).toBe("{ broken");
    expect((await listSnapshots(t)).find((s) => s.name === rb.backup)?.error).toMatch(/not valid JSON/);
    expect(roundPercent(summarize(await loadProgress(t)).overall)).toBe(63.9);
  });
});

describe("export-csv", () => {
  it("writes progress_export_YYYYMMDD_HHMMSS.csv with one row per task", async () => {
    const t = await tempTracker();
    await initProgress(t, "seed");
    const file = await exportCsv(t, t.paths.root);
    expect(file).toMatch(/progress_export_20250101_120002\.csv$/);
    const lines = (await readFile(file, "utf8")).split("\r\n");
    expect(lines[0]).toBe("phase,phase_percent,task_id,parent_id,depth,header,title,percent,weight,metric");
    expect(lines).toContain("Learning & Memory,91.7,T02f,T02,1,false,Import/merge capability,50,1,");
    expect(lines.length).toBe(1 + 15 + 1);
  });
});
