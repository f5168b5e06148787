import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { trackerPaths } from "../../src/tracker/paths.js";
import { createTracker, type Tracker } from "../../src/tracker/store.js";

/** A clock that starts at 2025-01-01T12:00:00Z and moves one second each time it is read. */
export function steppingClock(start = Date.UTC(2025, 0, 1, 12, 0, 0)): () => Date {
  let t = start;
  return () => {
    const d = new Date(t);
    t += 1000;
    return d;
  };
}

/** A real temp folder, removed when the test ends. */
export async function tempDir(prefix = "aurora-tracker-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A tracker over a fresh temp folder with a stepping clock. */
export async function tempTracker(now: () => Date = steppingClock()): Promise<Tracker> {
  return createTracker(trackerPaths(await tempDir()), now);
}
