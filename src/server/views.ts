/** What the API and the live channel send about progress, and the built-in `/tracker` page. */
import { escapeHtml, renderHud, renderHudParts, type HudHistoryPoint, type HudParts } from "../report/hud/index.js";
import { summarize, type ProgressSummary } from "../tracker/compute.js";
import { listSnapshots } from "../tracker/history.js";
import type { Progress } from "../tracker/schema.js";
import { loadProgress, type Tracker } from "../tracker/store.js";

/** The state of progress as `GET /api/progress` and live messages carry it. */
export interface ProgressView {
  readonly progress: Progress;
  readonly summary: ProgressSummary;
  readonly history: readonly HudHistoryPoint[];
  /** Pre-rendered HUD parts, so pages update without a second renderer in the browser. */
  readonly hud: HudParts;
}

/** The snapshots as sparkline points (invalid snapshots are left out). */
export async function historyPoints(t: Tracker): Promise<HudHistoryPoint[]> {
  return (await listSnapshots(t)).flatMap((s) => (s.overall === undefined ? [] : [{ name: s.name, at: s.at, overall: s.overall }]));
}

/** Reads progress.json and history/ and derives everything a view needs. */
export async function progressView(t: Tracker): Promise<ProgressView> {
  const [progress, history] = await Promise.all([loadProgress(t), historyPoints(t)]);
  const summary = summarize(progress);
  return { progress, summary, history, hud: renderHudParts(summary, history) };
}

/** The `/tracker` page: a minimal document around the HUD (expanded), live when the script finds the API. */
export function trackerPage(view: ProgressView): string {
  const title = escapeHtml(`${view.summary.title ?? "Aurora-X"} progress`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>${title}</title>
<style>body{margin:0;min-height:100vh;background:#0b1020;color:#cbd5e1;font:15px/1.5 system-ui,sans-serif}main{padding:24px;max-width:640px}</style></head>
<body><main><h1>${title}</h1><p>The tracker is in the top-right corner. It updates live while <code>aurora serve</code> runs.</p></main>
${renderHud(view.summary, view.history, {})}
</body></html>`;
}
