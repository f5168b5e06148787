/**
 * The data contract of `progress.json`, shared by the CLI, the server and the Astro site (HOUSE-STYLE habit 12).
 * Pure: imports only zod (v3 API, the version Astro 5 content collections use), so the site can import it.
 *
 * Semantics (see compute.ts): a task with `children` is a header whose percent derives from its leaves (any stored
 * `percent` on a header is ignored and dropped on the next write); a phase's percent is the weighted mean of its leaf
 * tasks; the overall percent is the mean of the phases.
 */
import { z } from "zod";

/** Task ids such as `T01`, `T02f`, `T10ab`. */
export const TASK_ID_PATTERN = /^T\d+[a-z]*$/;

const percent = z
  .number({ invalid_type_error: "must be a number 0-100" })
  .min(0, "must be 0-100")
  .max(100, "must be 0-100");

/**
 * A measurable source a task's percent can be read from with `auto`.
 * `solved-share`: the share (0-100) of specs with status "solved" in a run's `scores.json`
 * (`runs/<run>/scores.json`, run defaults to `latest`), optionally only the specs of one suite.
 */
export const MetricSchema = z
  .object({
    kind: z.literal("solved-share"),
    suite: z.string().min(1).optional(),
    run: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, "must be a run folder name under runs/ (letters, digits, . _ -)")
      .refine((s) => s !== "." && s !== "..", "must be a run folder name under runs/")
      .optional(),
  })
  .strict();
export type Metric = z.infer<typeof MetricSchema>;

/** One task of the roadmap (recursive: a task with children is a header). */
export interface Task {
  id: string;
  title: string;
  percent?: number | undefined;
  weight?: number | undefined;
  notes?: string | undefined;
  metric?: Metric | undefined;
  children?: Task[] | undefined;
}

export const TaskSchema: z.ZodType<Task, z.ZodTypeDef, unknown> = z.lazy(() =>
  z
    .object({
      id: z.string().regex(TASK_ID_PATTERN, "must look like T01 or T02f (T, digits, lowercase letters)"),
      title: z.string().min(1, "must not be empty"),
      percent: percent.optional(),
      weight: z.number().positive("must be a positive number").optional(),
      notes: z.string().optional(),
      metric: MetricSchema.optional(),
      children: z.array(TaskSchema).optional(),
    })
    .strict(),
);

export const PhaseSchema = z
  .object({
    name: z.string().min(1, "must not be empty"),
    issue: z.number().int().positive().optional(),
    description: z.string().optional(),
    tasks: z.array(TaskSchema),
  })
  .strict();
export type Phase = z.infer<typeof PhaseSchema>;

/** One recorded change of a task's percent since the last snapshot; `reason` excuses a decrease in `check`. */
export const ChangeSchema = z
  .object({
    at: z.string().datetime({ message: "must be an ISO 8601 UTC timestamp" }),
    task: z.string().regex(TASK_ID_PATTERN, "must be a task id"),
    from: percent,
    to: percent,
    reason: z.string().min(1).optional(),
    source: z.enum(["cli", "api", "rollback"]).optional(),
  })
  .strict();
export type Change = z.infer<typeof ChangeSchema>;

const SEMVER = /^\d+\.\d+\.\d+$/;

export const ProgressSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.string().regex(SEMVER, "must be a version like 1.0.0"),
    title: z.string().optional(),
    updated: z.string().datetime({ message: "must be an ISO 8601 UTC timestamp" }).optional(),
    phases: z.array(PhaseSchema),
    changes: z.array(ChangeSchema).optional(),
  })
  .strict()
  .superRefine(checkTaskTree);
export type Progress = z.infer<typeof ProgressSchema>;

/** Cross-field rules zod cannot express per field: unique ids, leaves carry a percent, headers carry no weight. */
function checkTaskTree(progress: { phases: Phase[] }, ctx: z.RefinementCtx): void {
  const seen = new Map<string, string>();
  progress.phases.forEach((phase, p) => {
    const visit = (task: Task, path: (string | number)[]): void => {
      const where = seen.get(task.id);
      if (where !== undefined) ctx.addIssue({ code: "custom", path: [...path, "id"], message: `duplicate task id ${task.id} (first at ${where})` });
      else seen.set(task.id, formatPath(path));
      checkTaskFields(task, path, ctx);
      task.children?.forEach((child, i) => visit(child, [...path, "children", i]));
    };
    phase.tasks.forEach((task, t) => visit(task, ["phases", p, "tasks", t]));
  });
}

function checkTaskFields(task: Task, path: (string | number)[], ctx: z.RefinementCtx): void {
  const isHeader = task.children !== undefined && task.children.length > 0;
  if (!isHeader && task.percent === undefined) {
    ctx.addIssue({ code: "custom", path: [...path, "percent"], message: "required for a task without children (0-100)" });
  }
  if (isHeader && task.weight !== undefined) {
    ctx.addIssue({ code: "custom", path: [...path, "weight"], message: "only leaf tasks carry a weight (a header derives from its leaves)" });
  }
  if (isHeader && task.metric !== undefined) {
    ctx.addIssue({ code: "custom", path: [...path, "metric"], message: "only leaf tasks can link a metric (a header derives from its leaves)" });
  }
}

/** `["phases", 1, "tasks", 2, "percent"]` -> `phases[1].tasks[2].percent`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  return out === "" ? "(root)" : out;
}
