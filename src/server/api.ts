/**
 * The REST API under `/api`. Reads need nothing; writes (PATCH a task, bump, rollback) need the Origin check and
 * the API key. Every answer is JSON; failures are `{ "error": message }` with no stack trace.
 *
 * GET   /api/progress            { progress, summary, history, hud, writable }
 * GET   /api/tasks               { tasks: [{ ...task, phase }] }
 * GET   /api/tasks/:id           { task }
 * PATCH /api/tasks/:id           body { value: 75 | "75" | "+10" | "-5" | "auto", reason? }
 * POST  /api/bump                body { level?: "patch" | "minor" | "major" }
 * POST  /api/rollback            body { snapshot: "YYYYMMDD_HHMMSS", reason? }
 * GET   /api/history             { snapshots: [{ name, at, version, overall }] }
 * GET   /api/history/:name       the snapshot's progress document
 * GET   /api/runs                { runs: [{ name, linkTo?, meta?, summary?, counts? }] }
 * GET   /api/runs/:name          one run with its whole scores.json
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { lstat } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { formatPercent, summarize, type TaskSummary } from "../tracker/compute.js";
import { TaskUpdateError } from "../tracker/errors.js";
import { listSnapshots, readSnapshot } from "../tracker/history.js";
import { bumpProgress, rollbackProgress, updateTasks } from "../tracker/ops.js";
import { formatIssue } from "../tracker/parse.js";
import { loadProgress, type Tracker } from "../tracker/store.js";
import { parseValue, type Assignment, type UpdateOp } from "../tracker/update.js";
import { writesEnabled, type ServeConfig } from "./config.js";
import { HttpError } from "./errors.js";
import { RUN_NAME, listRuns, readRun } from "./runs.js";
import { requireKey, requireOrigin } from "./security.js";
import { progressView } from "./views.js";

const Reason = z.string().trim().min(1, "must not be empty").max(500, "must be at most 500 characters");
const VALUE_HELP = "required: a percent 0-100 (number or string), or \"+10\", \"-5\", \"auto\"";
const PatchBody = z
  .object({ value: z.union([z.number(), z.string().max(20)]).optional(), reason: Reason.optional() })
  .strict()
  .refine((b) => b.value !== undefined, { message: VALUE_HELP, path: ["value"] });
const BumpBody = z.object({ level: z.enum(["patch", "minor", "major"]).optional() }).strict();
const RollbackBody = z.object({ snapshot: z.string().max(64), reason: Reason.optional() }).strict();

/** Validates a JSON body. @throws HttpError 400 naming the field */
function body<T>(schema: z.ZodType<T>, req: FastifyRequest): T {
  const result = schema.safeParse(req.body ?? {});
  if (!result.success) throw new HttpError(400, `request body: ${result.error.issues.map(formatIssue).join("; ")}`);
  return result.data;
}

function opOf(value: number | string, text: string): UpdateOp {
  if (typeof value === "string") return parseValue(value, text);
  if (!(value >= 0 && value <= 100)) throw new TaskUpdateError(`bad update "${text}": percent must be 0-100`);
  return { kind: "set", value };
}

function flatTasks(summary: ReturnType<typeof summarize>): (TaskSummary & { phase: string })[] {
  return summary.phases.flatMap((p) => p.tasks.map((t) => ({ ...t, phase: p.name })));
}

function findTask(summary: ReturnType<typeof summarize>, id: string): TaskSummary & { phase: string } {
  const task = flatTasks(summary).find((t) => t.id === id);
  if (task === undefined) throw new HttpError(404, `unknown task ${id}`);
  return task;
}

/** Registers the API routes on `app`. */
export function registerApi(app: FastifyInstance, config: ServeConfig, t: Tracker): void {
  const guardWrite = (req: FastifyRequest): void => {
    requireOrigin(config, req);
    requireKey(config, req);
  };

  app.get("/api/progress", async () => ({ ...(await progressView(t)), writable: writesEnabled(config) }));

  app.get("/api/tasks", async () => ({ tasks: flatTasks(summarize(await loadProgress(t))) }));

  app.get<{ Params: { id: string } }>("/api/tasks/:id", async (req) => ({ task: findTask(summarize(await loadProgress(t)), req.params.id) }));

  app.patch<{ Params: { id: string } }>("/api/tasks/:id", async (req) => {
    guardWrite(req);
    const { value = "", reason } = body(PatchBody, req);
    const text = `${req.params.id}=${value}`;
    const assignment: Assignment = { id: req.params.id, op: opOf(value, text), text };
    const result = await updateTasks(t, [assignment], { reason, source: "api" });
    const view = await progressView(t);
    const task = findTask(view.summary, req.params.id);
    const moved = result.changes.find((c) => c.task === task.id);
    const message = moved === undefined ? `${task.id} unchanged at ${formatPercent(task.percent)}` : `${task.id}: ${formatPercent(moved.from)} -> ${formatPercent(moved.to)}`;
    return { task, changes: result.changes, notes: result.notes, message, summary: view.summary, hud: view.hud };
  });

  app.post("/api/bump", async (req) => {
    guardWrite(req);
    return bumpProgress(t, body(BumpBody, req).level ?? "patch");
  });

  app.post("/api/rollback", async (req) => {
    guardWrite(req);
    const { snapshot, reason } = body(RollbackBody, req);
    const { restored, backup } = await rollbackProgress(t, snapshot, reason);
    return { restored, backup };
  });

  app.get("/api/history", async () => ({ snapshots: await listSnapshots(t) }));

  app.get<{ Params: { name: string } }>("/api/history/:name", async (req) => readSnapshot(t, req.params.name));

  app.get("/api/runs", async () => ({ runs: await listRuns(t.paths.runsDir) }));

  app.get<{ Params: { name: string } }>("/api/runs/:name", async (req) => {
    const name = req.params.name;
    const exists = RUN_NAME.test(name) && (await lstat(join(t.paths.runsDir, name)).catch(() => undefined)) !== undefined;
    if (!exists) throw new HttpError(404, `no run ${JSON.stringify(name)} under runs/`);
    return readRun(t.paths.runsDir, name, true);
  });
}
