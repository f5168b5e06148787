/**
 * `aurora progress ...`: the task tracker from the command line, and the seed's root form
 * `aurora --update-task T02f=75`. Tracker input errors become UsageError (exit 2); `check` exits 1 when it fails.
 */
import type { Command } from "commander";
import { resolve } from "node:path";
import { renderCheckReport } from "../../tracker/check.js";
import { formatPercent, summarize } from "../../tracker/compute.js";
import { isTrackerUserError } from "../../tracker/errors.js";
import { listSnapshots } from "../../tracker/history.js";
import { autoUpdate, bumpProgress, checkTracker, exportCsv, initProgress, rollbackProgress, updateTasks } from "../../tracker/ops.js";
import { trackerPaths } from "../../tracker/paths.js";
import { createTracker, loadProgress, writeMasterList, type Tracker } from "../../tracker/store.js";
import { TEMPLATE_NAMES, type TemplateName } from "../../tracker/templates.js";
import { renderTable, textBar } from "../../tracker/text.js";
import { parseAssignments, type UpdateResult } from "../../tracker/update.js";
import type { BumpLevel } from "../../tracker/version.js";
import { EXIT, UsageError, type CliIO } from "../io.js";

interface Ctx {
  readonly io: CliIO;
  readonly setExit: (code: number) => void;
}

/** The tracker of `--root` (default: the working folder). */
function trackerOf(cmd: Command, io: CliIO): Tracker {
  const root = cmd.optsWithGlobals<{ root?: string }>().root;
  return createTracker(trackerPaths(resolve(io.cwd, root ?? ".")));
}

/** Runs an action, turning the tracker's user errors into UsageError (printed once by main, exit 2). */
function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      if (isTrackerUserError(e)) throw new UsageError(e.message, { cause: e });
      throw e;
    }
  };
}

function printUpdate(io: CliIO, result: UpdateResult): void {
  for (const c of result.changes) io.out(c.from === c.to ? `${c.task}: reason recorded at ${formatPercent(c.to)}` : `${c.task}: ${formatPercent(c.from)} -> ${formatPercent(c.to)}`);
  for (const n of result.notes) io.out(n);
  if (result.changes.length === 0) io.out("nothing changed");
  io.out(`overall ${formatPercent(summarize(result.progress).overall)}`);
}

/** `update` and the root `--update-task` share this. */
async function runUpdate(t: Tracker, ctx: Ctx, texts: readonly string[], reason: string | undefined): Promise<void> {
  printUpdate(ctx.io, await updateTasks(t, parseAssignments(texts), { reason, source: "cli" }));
}

function addShow(progress: Command, ctx: Ctx): void {
  progress
    .command("show", { isDefault: true })
    .description("print phases and tasks with bars (the default)")
    .option("--json", "print the derived summary as JSON")
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const summary = summarize(await loadProgress(trackerOf(cmd, ctx.io)));
        ctx.io.out(opts.json === true ? JSON.stringify(summary, null, 2) : renderTable(summary));
      }),
    );
}

function addInit(progress: Command, ctx: Ctx): void {
  progress
    .command("init")
    .description("create progress.json, MASTER_TASK_LIST.md and a first snapshot")
    .option("--template <name>", `starting roadmap: ${TEMPLATE_NAMES.join(" or ")}`, "empty")
    .option("--force", "replace an existing progress.json (it is snapshotted first)")
    .action(
      action(async (opts: { template: string; force?: boolean }, cmd: Command) => {
        if (!(TEMPLATE_NAMES as readonly string[]).includes(opts.template)) throw new UsageError(`unknown template "${opts.template}": use ${TEMPLATE_NAMES.join(" or ")}`);
        const t = trackerOf(cmd, ctx.io);
        const { progress: p, snapshot } = await initProgress(t, opts.template as TemplateName, opts.force === true);
        ctx.io.out(`created ${t.paths.progressFile} (version ${p.version}, overall ${formatPercent(summarize(p).overall)}) and snapshot history/${snapshot}.json`);
      }),
    );
}

function addUpdate(progress: Command, ctx: Ctx): void {
  progress
    .command("update")
    .description("set task percents: T02f=75, T02f=+10, T02f=-5, T02f=auto (several at once, all or nothing)")
    .argument("<assignments...>", "ID=VALUE pairs")
    .option("--reason <text>", "why (recorded; `check` needs one when a percent goes down)")
    .action(action(async (texts: string[], opts: { reason?: string }, cmd: Command) => runUpdate(trackerOf(cmd, ctx.io), ctx, texts, opts.reason)));
}

/** A subcommand without arguments or options that works on the tracker of `--root`. */
function addPlain(progress: Command, ctx: Ctx, name: string, description: string, run: (t: Tracker) => Promise<void>): void {
  progress
    .command(name)
    .description(description)
    .action(action(async (_opts: unknown, cmd: Command) => run(trackerOf(cmd, ctx.io))));
}

function addAuto(progress: Command, ctx: Ctx): void {
  addPlain(progress, ctx, "auto", "recompute every task linked to a metric (e.g. share of specs solved in runs/latest)", async (t) => printUpdate(ctx.io, await autoUpdate(t, { source: "cli" })));
}

function addBump(progress: Command, ctx: Ctx): void {
  progress
    .command("bump")
    .description("bump the version (patch by default) and snapshot to history/")
    .option("--minor", "bump the minor version")
    .option("--major", "bump the major version")
    .action(
      action(async (opts: { minor?: boolean; major?: boolean }, cmd: Command) => {
        if (opts.minor === true && opts.major === true) throw new UsageError("give --minor or --major, not both");
        const level: BumpLevel = opts.major === true ? "major" : opts.minor === true ? "minor" : "patch";
        const { version, snapshot } = await bumpProgress(trackerOf(cmd, ctx.io), level);
        ctx.io.out(`version ${version}; snapshot history/${snapshot}.json`);
      }),
    );
}

function addHistory(progress: Command, ctx: Ctx): void {
  addPlain(progress, ctx, "history", "list the snapshots in history/, oldest first", async (t) => {
    const snaps = await listSnapshots(t);
    if (snaps.length === 0) ctx.io.out("no snapshots yet (aurora progress bump makes one)");
    for (const s of snaps) {
      ctx.io.out(s.overall === undefined ? `${s.name}  INVALID: ${s.error ?? ""}` : `${s.name}  v${(s.version ?? "").padEnd(8)} ${formatPercent(s.overall).padStart(6)}  ${textBar(s.overall, 20)}`);
    }
  });
}

function addRollback(progress: Command, ctx: Ctx): void {
  progress
    .command("rollback")
    .description("restore a snapshot (the current state is snapshotted first, so this can be undone)")
    .argument("<snapshot>", "a name from `aurora progress history`, e.g. 20250101_120000")
    .option("--reason <text>", "recorded for the tasks it lowers", undefined)
    .action(
      action(async (name: string, opts: { reason?: string }, cmd: Command) => {
        const r = await rollbackProgress(trackerOf(cmd, ctx.io), name, opts.reason);
        const undo = r.backup === undefined ? "" : `; undo with: aurora progress rollback ${r.backup}`;
        ctx.io.out(`restored ${r.restored} (overall ${formatPercent(summarize(r.progress).overall)})${undo}`);
      }),
    );
}

function addExport(progress: Command, ctx: Ctx): void {
  progress
    .command("export-csv")
    .description("write progress_export_YYYYMMDD_HHMMSS.csv (UTC)")
    .option("--out <dir>", "folder to write into (default: the project folder)")
    .action(
      action(async (opts: { out?: string }, cmd: Command) => {
        const t = trackerOf(cmd, ctx.io);
        ctx.io.out(`wrote ${await exportCsv(t, opts.out === undefined ? t.paths.root : resolve(ctx.io.cwd, opts.out))}`);
      }),
    );
}

function addCheck(progress: Command, ctx: Ctx): void {
  addPlain(progress, ctx, "check", "for CI: fail (exit 1) when a task went down since the last snapshot without a recorded reason", async (t) => {
    const outcome = await checkTracker(t);
    ctx.io.out(outcome.report === undefined ? "no snapshot in history/ yet: nothing to compare with (aurora progress bump makes one)" : renderCheckReport(outcome.report));
    if (outcome.masterListStale) ctx.io.out("FAIL: MASTER_TASK_LIST.md is not what progress.json generates: run `aurora progress render` and commit it");
    if (!outcome.ok) ctx.setExit(EXIT.failed);
  });
}

function addRender(progress: Command, ctx: Ctx): void {
  addPlain(progress, ctx, "render", "regenerate MASTER_TASK_LIST.md from progress.json (after a hand edit)", async (t) => ctx.io.out(`wrote ${await writeMasterList(t)}`));
}

/**
 * The seed's `aurora --update-task T02f=75 [T03=+10 ...]`. The root action is installed only when the option is
 * actually given (commander emits `option:update-task` while parsing, before it looks for an action), so plain
 * `aurora` and unknown commands behave exactly as without it. To record a reason, use `aurora progress update`.
 */
function addRootUpdateTask(program: Command, ctx: Ctx): void {
  program.option("--update-task <assignments...>", "update tasks, same as `aurora progress update` (seed form)");
  program.on("option:update-task", () => {
    program.action(
      action(async () => {
        const { updateTask = [] } = program.opts<{ updateTask?: string[] }>();
        await runUpdate(createTracker(trackerPaths(ctx.io.cwd)), ctx, updateTask, undefined);
      }),
    );
  });
}

/**
 * Adds `aurora progress` with its subcommands, and the root `--update-task` option. Has the shape of `Register`
 * (commands/index.ts), which is not imported: index.ts imports this module, so even a type import would close an
 * import cycle for dependency-cruiser; index.ts checks the shape.
 */
export const register = (program: Command, io: CliIO, setExit: (code: number) => void): void => {
  const ctx: Ctx = { io, setExit };
  const progress = program
    .command("progress")
    .description("the task tracker: progress.json, history/, MASTER_TASK_LIST.md")
    .option("--root <dir>", "project folder holding progress.json (default: the working folder)");
  for (const add of [addShow, addInit, addUpdate, addAuto, addBump, addHistory, addRollback, addExport, addCheck, addRender]) add(progress, ctx);
  addRootUpdateTask(program, ctx);
};
