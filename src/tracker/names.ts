/** File names the tracker makes from times: snapshots `YYYYMMDD_HHMMSS[-N].json`, exports `progress_export_*.csv`. */

/** A snapshot's name (its file name without `.json`); `-N` separates snapshots taken in the same second. */
export const SNAPSHOT_NAME = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})(?:-(\d+))?$/;

/** `YYYYMMDD_HHMMSS` in UTC. */
export function compactTimestamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace("T", "_").slice(0, 15);
}

/** `progress_export_20250101_120000.csv` (UTC). */
export function csvFileName(now: Date): string {
  return `progress_export_${compactTimestamp(now)}.csv`;
}

/** The UTC time a snapshot name encodes, or undefined when it is not a snapshot name. */
export function snapshotTime(name: string): Date | undefined {
  const m = SNAPSHOT_NAME.exec(name);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return new Date(Date.UTC(y!, mo! - 1, d, h, mi, s));
}

/** Orders snapshot names oldest first (`..._120000` < `..._120000-2` < `..._120000-10`). */
export function compareSnapshotNames(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
