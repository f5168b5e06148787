/** Where the tracker keeps its files. Everything is relative to one project root unless given explicitly. */
import { resolve } from "node:path";

/** The tracker's files. The server and CLI build this once from their config; nothing reads the environment. */
export interface TrackerPaths {
  /** The project root (folder of progress.json). */
  readonly root: string;
  /** @default `<root>/progress.json` */
  readonly progressFile: string;
  /** @default `<root>/history` */
  readonly historyDir: string;
  /** @default `<root>/MASTER_TASK_LIST.md` */
  readonly masterListFile: string;
  /** Synthesis runs, read by metric-linked tasks. @default `<root>/runs` */
  readonly runsDir: string;
}

/** The default layout below `root`, with any path overridden. */
export function trackerPaths(root: string, overrides: Partial<Omit<TrackerPaths, "root">> = {}): TrackerPaths {
  const r = resolve(root);
  return {
    root: r,
    progressFile: resolve(r, overrides.progressFile ?? "progress.json"),
    historyDir: resolve(r, overrides.historyDir ?? "history"),
    masterListFile: resolve(r, overrides.masterListFile ?? "MASTER_TASK_LIST.md"),
    runsDir: resolve(r, overrides.runsDir ?? "runs"),
  };
}
