/**
 * One writer at a time: the CLI and the server both read-modify-write progress.json, so every mutation holds an
 * exclusive lock (proper-lockfile: an atomic `mkdir` of `<progress.json>.lock`, refreshed while held, considered
 * stale after 10 s so a killed process cannot block writers for ever).
 */
import { lock } from "proper-lockfile";

/** Runs `fn` while holding the lock of `file` (which need not exist yet). Waits up to about 5 s for another writer. */
export async function withFileLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const release = await lock(file, {
    realpath: false,
    lockfilePath: `${file}.lock`,
    stale: 10_000,
    retries: { retries: 50, minTimeout: 20, maxTimeout: 200, factor: 1.5 },
  });
  try {
    return await fn();
  } finally {
    await release();
  }
}
