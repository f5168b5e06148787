/**
 * Acknowledged regressions (`aurora-acknowledged.yaml` at the project root): known, accepted changes that are shown
 * as acknowledged instead of failing. Pure: the app layer reads the file and passes its parsed data here.
 *
 * ```yaml
 * acknowledged:
 *   - function: slugify          # function name (or its comparison key)
 *     kind: time-up              # a finding kind, or "any"
 *     reason: "new Unicode handling is slower, accepted in #42"
 *     commit: 3f2a9c1            # optional: only while the head run is at this commit (prefix)
 *     expires: 2026-03-01        # optional: ignored from this date on (UTC)
 * ```
 */
import { z } from "zod";
import { FINDING_KINDS, type FindingKind } from "./findings.js";

export const AckEntrySchema = z
  .object({
    function: z.string().min(1, "must name a function"),
    kind: z.enum([...FINDING_KINDS, "any"]).default("any"),
    reason: z.string().min(1, "must say why the regression is accepted"),
    commit: z.string().regex(/^[0-9a-f]{4,40}$/, "must be a commit hash or a prefix of at least 4 hex digits").optional(),
    expires: z.coerce.date({ errorMap: () => ({ message: "must be a date like 2026-03-01" }) }).optional(),
  })
  .strict();
export type AckEntry = z.infer<typeof AckEntrySchema>;

export const AckFileSchema = z.object({ acknowledged: z.array(AckEntrySchema).default([]) }).strict();
export type AckFile = z.infer<typeof AckFileSchema>;

/** The default file name, at the project root (committed with the change it excuses). */
export const ACK_FILE = "aurora-acknowledged.yaml";

/** Where an acknowledgement applies: the head run's commit and time. */
export interface AckContext {
  readonly commit: string | null;
  /** ISO 8601 time of the head run. */
  readonly at: string;
}

/** True when the entry is in force for this head run (commit matches, not expired). */
export function ackActive(entry: AckEntry, ctx: AckContext): boolean {
  if (entry.commit !== undefined && !(ctx.commit ?? "").startsWith(entry.commit)) return false;
  if (entry.expires !== undefined && new Date(ctx.at).getTime() >= entry.expires.getTime()) return false;
  return true;
}

/** The first active entry excusing `kind` for the function (matched by key or name), if any. */
export function findAck(entries: readonly AckEntry[], fn: { key: string; name: string }, kind: FindingKind, ctx: AckContext): AckEntry | undefined {
  return entries.find((e) => (e.function === fn.key || e.function === fn.name) && (e.kind === "any" || e.kind === kind) && ackActive(e, ctx));
}
