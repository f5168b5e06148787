import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { CompareRulesSchema } from "../report/rules.js";

/**
 * `aurora.config.yaml` (or `.yml` / `.json`) in the working directory: defaults for `aurora run` and friends.
 * Flags win over the file, the file over environment variables, those over built-in defaults.
 */
export const AuroraConfigSchema = z
  .object({
    /** Spec files or directories. */
    specs: z.array(z.string()).optional(),
    /** Search budget per spec in seconds (first round). */
    timeout: z.number().positive().optional(),
    rounds: z.number().int().positive().optional(),
    jobs: z.number().int().positive().optional(),
    python: z.string().optional(),
    runs: z.object({ dir: z.string().optional(), keep: z.number().int().positive().optional() }).strict().optional(),
    corpus: z.object({ dir: z.string().optional(), enabled: z.boolean().optional() }).strict().optional(),
    learning: z
      .object({
        rate: z.number().min(0).max(1).optional(),
        decay: z.number().min(0).max(1).optional(),
        enabled: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** Regression rules of `aurora compare` and the report (src/report/rules.ts). */
    compare: CompareRulesSchema.optional(),
  })
  .strict();
export type AuroraConfig = z.infer<typeof AuroraConfigSchema>;

export const CONFIG_FILES = ["aurora.config.yaml", "aurora.config.yml", "aurora.config.json"] as const;

/** A config file that cannot be used: names the file and what to fix. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Reads the first config file present in `cwd` (none is fine: an empty config). */
export async function loadConfigFile(cwd: string): Promise<{ config: AuroraConfig; file?: string }> {
  for (const name of CONFIG_FILES) {
    const file = path.join(cwd, name);
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text === undefined) continue;
    let data: unknown;
    try {
      data = name.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
      throw new ConfigError(`${name}: not valid ${name.endsWith(".json") ? "JSON" : "YAML"}: ${(e as Error).message}`);
    }
    const parsed = AuroraConfigSchema.safeParse(data ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConfigError(`${name}: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
    }
    return { config: parsed.data, file: name };
  }
  return { config: {} };
}
