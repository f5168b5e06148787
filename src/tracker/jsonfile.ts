/** Tolerant JSON file reading for data other parts of the project write (run records). */
import { readFile } from "node:fs/promises";

/** The parsed content, or why there is none; never throws. */
export type JsonRead = { readonly data: unknown } | { readonly error: string };

/** Reads and parses a JSON file; a missing or malformed file is an `error` value, not an exception. */
export async function readJsonFile(file: string, label = file): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return { error: `${label} not found` };
  }
  try {
    return { data: JSON.parse(text) as unknown };
  } catch (e) {
    return { error: `${label} is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
