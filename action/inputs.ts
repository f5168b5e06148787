/**
 * Parsers of the Action's string inputs (what the runner puts in INPUT_* variables). Each names the input and the
 * accepted values when it refuses one. Pure.
 */
import { ActionInputError } from "./errors.js";

/** Where inputs come from: `core.getInput` on a runner, a plain function in tests. */
export type GetInput = (name: string) => string;

/** `true`/`false` as GitHub's YAML 1.2 core schema spells them (the rule of `core.getBooleanInput`). */
export function booleanInput(name: string, raw: string, fallback: boolean): boolean {
  if (raw === "") return fallback;
  if (["true", "True", "TRUE"].includes(raw)) return true;
  if (["false", "False", "FALSE"].includes(raw)) return false;
  throw new ActionInputError(`input ${name} must be true or false, got "${raw}"`);
}

/** A whole number >= 1, or undefined when empty. */
export function countInput(name: string, raw: string): number | undefined {
  if (raw === "") return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new ActionInputError(`input ${name} must be a whole number >= 1, got "${raw}"`);
  return Number(raw);
}

/** A number of seconds > 0, or undefined when empty. */
export function secondsInput(name: string, raw: string): number | undefined {
  if (raw === "") return undefined;
  const n = Number(raw.replace(/s$/, ""));
  if (!Number.isFinite(n) || n <= 0) throw new ActionInputError(`input ${name} must be a number of seconds > 0 (e.g. 10 or 2.5), got "${raw}"`);
  return n;
}

/** One of `values`, or `fallback` when empty. */
export function choiceInput<T extends string>(name: string, raw: string, values: readonly T[], fallback: T): T {
  if (raw === "") return fallback;
  const hit = values.find((v) => v === raw.toLowerCase());
  if (hit === undefined) throw new ActionInputError(`input ${name} must be one of ${values.join(", ")}, got "${raw}"`);
  return hit;
}

/** Non-empty lines of a multi-line input, trimmed; lines starting with `#` are comments. */
export function listInput(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/** A matrix shard `i/n` (1 <= i <= n). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** `2/4` -> shard 2 of 4; empty -> undefined. */
export function shardInput(raw: string): Shard | undefined {
  if (raw === "") return undefined;
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index < 1 || count < 1 || index > count) throw new ActionInputError(`input shard must look like i/n with 1 <= i <= n (e.g. 2/4, or \${{ matrix.shard }}/4), got "${raw}"`);
  return { index, count };
}

/** A relative growth as `50%`, `+50%` or `0.5` -> 0.5; empty -> undefined. */
export function thresholdInput(name: string, raw: string): number | undefined {
  if (raw === "") return undefined;
  const m = /^\+?(\d+(?:\.\d+)?)(%?)$/.exec(raw.replace(/\s+/g, ""));
  if (!m) throw new ActionInputError(`input ${name} must be a relative growth like 50% or 0.5, got "${raw}"`);
  return m[2] === "%" ? Number(m[1]) / 100 : Number(m[1]);
}

/** How the baseline is chosen: the base branch's latest successful run, a saved baseline, or none. */
export type BaselineChoice = { readonly kind: "auto" } | { readonly kind: "none" } | { readonly kind: "named"; readonly name: string };

/** `auto` | `none` | a baseline saved with `aurora baseline save <name>` (a folder name). */
export function baselineInput(raw: string): BaselineChoice {
  if (raw === "" || raw === "auto") return { kind: "auto" };
  if (raw === "none" || raw === "off" || raw === "false") return { kind: "none" };
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(raw)) throw new ActionInputError(`input baseline must be auto, none, or the name of a saved baseline (letters, digits, ".", "_", "-"), got "${raw}"`);
  return { kind: "named", name: raw };
}
