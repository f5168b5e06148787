/**
 * Reading results from an artifact of another run, which may come from a fork's pull request: untrusted data.
 * Only three known files are read, each a regular file (no links) under a size limit, parsed as JSON and checked
 * with zod (the shared run schemas plus limits on counts and string lengths). Nothing in the artifact is executed,
 * imported or rendered as Markdown: the comment is rendered here from the validated values, escaped.
 */
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { RunInput } from "../src/report/compare.js";
import { RunMetaSchema, RunScoresSchema, type RunMeta, type RunScores } from "../src/report/schema.js";
import { UntrustedDataError } from "./errors.js";

/** Size limits of the files read from an artifact. */
export const LIMITS = { scoresBytes: 64 * 1024 * 1024, metaBytes: 256 * 1024, contextBytes: 16 * 1024, specs: 50_000, text: 20_000 } as const;

/** What a results artifact says about the run that made it (`context.json`). */
export const ResultsContextSchema = z
  .object({
    format: z.literal("aurora-action/1"),
    event: z.string().max(64),
    pr_number: z.number().int().positive().nullable(),
    head_sha: z.string().regex(/^[0-9a-f]{40}$/).or(z.literal("")),
    shard: z.string().regex(/^\d+\/\d+$/).nullable(),
    run_id: z.number().int().nonnegative(),
    workflow: z.string().max(200),
  })
  .strict();
export type ResultsContext = z.infer<typeof ResultsContextSchema>;

/** The files of a results artifact. */
export const RESULT_FILES = { scores: "scores.json", meta: "meta.json", context: "context.json", comment: "comment.md", report: "report.html", corpus: "corpus/corpus.jsonl" } as const;

function longStrings(value: unknown, max: number, at: string, out: string[]): void {
  if (out.length > 0) return;
  if (typeof value === "string") {
    if (value.length > max) out.push(at);
  } else if (Array.isArray(value)) value.forEach((v, i) => longStrings(v, max, `${at}[${i}]`, out));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) longStrings(v, max, `${at}.${k}`, out);
}

const UntrustedScoresSchema = RunScoresSchema.superRefine((s, ctx) => {
  if (s.specs.length > LIMITS.specs) ctx.addIssue({ code: "custom", message: `more than ${LIMITS.specs} specs` });
  for (const [i, spec] of s.specs.entries()) {
    if (!/^[^\p{Cc}]{1,200}$/u.test(spec.name)) ctx.addIssue({ code: "custom", path: ["specs", i, "name"], message: "not a name (1-200 characters, no control characters)" });
    if (spec.file.length > 500) ctx.addIssue({ code: "custom", path: ["specs", i, "file"], message: "longer than 500 characters" });
  }
  const long: string[] = [];
  longStrings(s, LIMITS.text, "scores", long);
  if (long[0] !== undefined) ctx.addIssue({ code: "custom", message: `${long[0]} is longer than ${LIMITS.text} characters` });
});

const UntrustedMetaSchema = RunMetaSchema.extend({
  commit: z.string().regex(/^[0-9a-f]{7,40}$/).nullable(),
  branch: z.string().max(255).nullable(),
}).superRefine((m, ctx) => {
  const long: string[] = [];
  longStrings(m, 1000, "meta", long);
  if (long[0] !== undefined) ctx.addIssue({ code: "custom", message: `${long[0]} is longer than 1000 characters` });
});

/** Reads one JSON file of the artifact: a regular file, at most `maxBytes`, valid under `schema`. @throws UntrustedDataError */
export async function readUntrustedJson<T>(dir: string, name: string, maxBytes: number, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Promise<T> {
  const file = path.join(dir, name);
  const st = await lstat(file).catch(() => undefined);
  if (st === undefined) throw new UntrustedDataError(`the artifact has no ${name}`);
  if (!st.isFile()) throw new UntrustedDataError(`${name} in the artifact is not a regular file`);
  if (st.size > maxBytes) throw new UntrustedDataError(`${name} in the artifact is ${st.size} bytes, over the limit of ${maxBytes}`);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    throw new UntrustedDataError(`${name} in the artifact is not JSON: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UntrustedDataError(`${name} in the artifact is not valid: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

/** A run's records read from an artifact folder, validated. @throws UntrustedDataError */
export async function readUntrustedRun(dir: string): Promise<{ scores: RunScores; meta: RunMeta }> {
  const scores = await readUntrustedJson(dir, RESULT_FILES.scores, LIMITS.scoresBytes, UntrustedScoresSchema);
  const meta = await readUntrustedJson(dir, RESULT_FILES.meta, LIMITS.metaBytes, UntrustedMetaSchema);
  return { scores, meta };
}

/** The artifact's context.json, validated. @throws UntrustedDataError */
export async function readResultsContext(dir: string): Promise<ResultsContext> {
  return readUntrustedJson(dir, RESULT_FILES.context, LIMITS.contextBytes, ResultsContextSchema);
}

/** A validated run as the comparison's input. */
export function runInput(run: { scores: RunScores; meta: RunMeta }, label: string): RunInput {
  return { scores: run.scores, meta: run.meta, label };
}
