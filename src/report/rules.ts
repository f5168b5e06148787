/**
 * The regression rules' settings: what counts as a warning and what fails a comparison. Pure (zod only), so the
 * config file (`compare:` in aurora.config.yaml), the CLI flags and the site share one definition.
 *
 * A time or size change is a regression at a level when it is over BOTH that level's relative threshold and its
 * absolute floor: 2 ms -> 5 ms is +150% but under a 50 ms floor, so it does not alarm.
 */
import { z } from "zod";

/** How loud a finding is. `off` disables a rule. */
export const LEVELS = ["fail", "warn", "off"] as const;
export type RuleLevel = (typeof LEVELS)[number];
export const RuleLevelSchema = z.enum(LEVELS);

/** A relative threshold (0.5 = +50%) plus an absolute floor in the metric's unit. */
export const StepSchema = z
  .object({
    relative: z.number().nonnegative(),
    absolute: z.number().nonnegative(),
  })
  .strict();
export type Step = z.infer<typeof StepSchema>;

/** A step whose fields default one by one, so `time.warn.absolute=100` alone keeps the default relative threshold. */
const stepWithDefaults = (d: Step) =>
  z
    .object({ relative: z.number().nonnegative().default(d.relative), absolute: z.number().nonnegative().default(d.absolute) })
    .strict()
    .default(d);

const stepLevels = (warn: Step, fail: Step) =>
  z
    .object({ warn: stepWithDefaults(warn), fail: stepWithDefaults(fail) })
    .strict()
    .default({ warn, fail });

/** Every threshold of the comparison, with defaults chosen so that timer noise on shared CI machines stays quiet. */
export const CompareRulesSchema = z
  .object({
    /** A solved function that is no longer solved. @default "fail" */
    solved_lost: RuleLevelSchema.default("fail"),
    /** A function that became ambiguous (several programs fit, they disagree elsewhere). @default "warn" */
    ambiguous_new: RuleLevelSchema.default("warn"),
    /** Score (fraction of examples passed) went down by at least `warn` / `fail`. @default warn 0.001, fail 0.1 */
    score: z
      .object({ warn: z.number().positive().default(0.001), fail: z.number().positive().default(0.1) })
      .strict()
      .default({}),
    /** Program size (AST nodes) grew. @default warn +20% and +2 nodes, fail +100% and +10 nodes */
    size: stepLevels({ relative: 0.2, absolute: 2 }, { relative: 1, absolute: 10 }),
    /** Time per function (ms) went up. @default warn +50% and +50 ms, fail +200% and +500 ms */
    time: stepLevels({ relative: 0.5, absolute: 50 }, { relative: 2, absolute: 500 }),
    /** Solve rate: McNemar exact p-value under which more losses than gains warn / fail. @default warn 0.2, fail 0.05 */
    solve_rate: z
      .object({ warn_p: z.number().min(0).max(1).default(0.2), fail_p: z.number().min(0).max(1).default(0.05) })
      .strict()
      .default({}),
    /** A function present in the base but not in the head run. @default "warn" */
    missing: RuleLevelSchema.default("warn"),
  })
  .strict();
export type CompareRules = z.infer<typeof CompareRulesSchema>;
/** The rules as written in a config file (every field optional). */
export type CompareRulesInput = z.input<typeof CompareRulesSchema>;

/** The default rules. */
export function defaultRules(): CompareRules {
  return CompareRulesSchema.parse({});
}

/** True when `head` is over both the relative threshold and the absolute floor of `step` compared with `base`. */
export function overStep(base: number, head: number, step: Step): boolean {
  const delta = head - base;
  if (delta <= 0 || delta < step.absolute) return false;
  if (base <= 0) return true;
  return delta / base >= step.relative;
}

/** The level a growth from `base` to `head` reaches under warn/fail steps (`undefined` when it is noise). */
export function stepLevel(base: number, head: number, steps: { warn: Step; fail: Step }): "fail" | "warn" | undefined {
  if (overStep(base, head, steps.fail)) return "fail";
  if (overStep(base, head, steps.warn)) return "warn";
  return undefined;
}
