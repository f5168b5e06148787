/**
 * Crash-safe file replacement: write a temp file in the same folder, fsync it, rename it over the target, fsync
 * the folder. A reader (or a process killed at any point) sees either the old or the new content, never a mix.
 */
import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** The temp files this module leaves only if killed mid-write: `.<name>.<random>.tmp` (watchers ignore them). */
export const TEMP_FILE_PATTERN = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** Replaces `file` with `text` atomically (same-folder temp file + fsync + rename + folder fsync). */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx", 0o644);
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await syncFolder(dirname(file));
}

/** Makes the rename durable. Some file systems refuse to open or fsync a folder; the rename itself is still atomic. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort: durability of the folder entry only
  }
}
