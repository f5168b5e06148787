/**
 * The floating HUD: one component for the run report, the tracker server's page and the Astro site.
 * `renderHud(progress, history, options)` returns a self-contained HTML fragment (CSS and JS inline).
 */
export { renderHud, renderHudParts, hudPercent, colorBand, sparklinePoints } from "./render.js";
export { escapeHtml } from "./escape.js";
export type { HudHistoryPoint, HudOptions, HudParts, HudPhase, HudProgress, HudTask } from "./types.js";
