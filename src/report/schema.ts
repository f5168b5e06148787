/**
 * Data contracts of a run, shared by the engine (which writes them), the report, the comparison, the Astro site
 * and the Action (HOUSE-STYLE habit 12). zod 3, the version Astro 5's content collections use.
 *
 * Layout of a run directory `runs/<run-id>/`: scores.json (RunScores), meta.json (RunMeta), report.html.
 */
import { z } from "zod";

export const SPEC_STATUS = ["solved", "unsolved", "ambiguous", "error"] as const;

export const SpecScoreSchema = z.object({
  name: z.string(),
  file: z.string(),
  line: z.number().int(),
  status: z.enum(SPEC_STATUS),
  /** Fraction of the examples the best program passes (1 = perfect). */
  score: z.number().min(0).max(1),
  time_ms: z.number().nonnegative(),
  /** AST nodes of the program (0 when none). */
  size: z.number().int().nonnegative(),
  candidates: z.number().int().nonnegative(),
  stop_reason: z.string(),
  /** Python expression of the program. */
  program: z.string().nullable(),
  /** Stable DSL form (src/dsl/serialize.ts). */
  dsl: z.array(z.unknown()).nullable(),
  heldout: z.object({ passed: z.number().int(), failed: z.number().int() }),
  round: z.number().int().positive(),
  ambiguity: z.object({ call: z.string(), outputs: z.array(z.object({ program: z.string(), output: z.string() })) }).optional(),
  warnings: z.array(z.string()),
  /** Corpus entries and subprograms this solution reused (function relationship graph). */
  reused: z.array(z.string()).optional(),
});
export type SpecScore = z.infer<typeof SpecScoreSchema>;

export const SpecErrorSchema = z.object({ file: z.string(), line: z.number().int(), name: z.string().optional(), message: z.string() });

export const RunSummarySchema = z.object({
  total: z.number().int(),
  solved: z.number().int(),
  ambiguous: z.number().int(),
  unsolved: z.number().int(),
  errors: z.number().int(),
  time_ms: z.number().nonnegative(),
  /** Solved count and time after each round: the learning curve. */
  per_round: z.array(z.object({ round: z.number().int(), solved: z.number().int(), time_ms: z.number() })),
});

export const RunScoresSchema = z.object({
  specs: z.array(SpecScoreSchema),
  errors: z.array(SpecErrorSchema),
  summary: RunSummarySchema,
});
export type RunScores = z.infer<typeof RunScoresSchema>;

/** The environment fingerprint of a run: comparisons across different fingerprints are flagged. */
export const RunMetaSchema = z.object({
  run_id: z.string(),
  /** ISO 8601 UTC. */
  created: z.string(),
  engine_version: z.string(),
  /** Git commit of the specs' repository, when known. */
  commit: z.string().nullable(),
  branch: z.string().nullable(),
  node: z.string(),
  os: z.string(),
  cpu: z.string(),
  cpus: z.number().int(),
  /** Options that change results: timeout, rounds, weights source, shard... */
  options: z.record(z.unknown()),
  /** Hash of engine version + options + cpu model: equal fingerprints are comparable. */
  fingerprint: z.string(),
  /** Spec inputs as given. */
  inputs: z.array(z.string()),
});
export type RunMeta = z.infer<typeof RunMetaSchema>;

/**
 * One run as the site's content collection stores it: its two records, plus the generated Python per function
 * name (`code/<name>.py`) when the loader read it (the newest run only).
 */
export const RunRecordSchema = z.object({
  meta: RunMetaSchema,
  scores: RunScoresSchema,
  code: z.record(z.string()).optional(),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

/**
 * A run reduced to what the dashboard's history needs, one column per field, functions by index into a shared
 * FunctionTable and statuses by index into SPEC_STATUS (a content collection of 100 runs x 1,000 functions stays
 * under 2 MB; Astro bundles collection data into the build). Made from a validated RunRecord.
 */
export const RunDigestSchema = z.object({
  meta: RunMetaSchema,
  summary: RunSummarySchema,
  errors: z.array(SpecErrorSchema),
  fns: z.object({
    fn: z.array(z.number().int().nonnegative()),
    status: z.array(z.number().int().min(0).max(SPEC_STATUS.length - 1)),
    score: z.array(z.number().min(0).max(1)),
    time_ms: z.array(z.number().nonnegative()),
    size: z.array(z.number().int().nonnegative()),
  }),
});
export type RunDigest = z.infer<typeof RunDigestSchema>;

/** The functions digests refer to: parallel name and file columns. */
export const FunctionTableSchema = z.object({ name: z.array(z.string()), file: z.array(z.string()) });
export type FunctionTable = z.infer<typeof FunctionTableSchema>;
