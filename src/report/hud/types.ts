/**
 * What the HUD renders. Structural on purpose: the tracker's `ProgressSummary` (src/tracker/compute.ts) satisfies
 * `HudProgress` as is, but the report layer does not import the tracker (it is I/O; see the layer rules).
 */

/** A task row: derived percent, depth below its phase (0 = top level), header = has children. */
export interface HudTask {
  readonly id: string;
  readonly title: string;
  readonly percent: number;
  readonly depth: number;
  readonly header: boolean;
}

/** A phase with its tasks flattened in display order. */
export interface HudPhase {
  readonly name: string;
  readonly percent: number;
  readonly tasks: readonly HudTask[];
}

/** The progress the HUD shows. */
export interface HudProgress {
  readonly version: string;
  readonly title?: string;
  readonly updated?: string;
  readonly overall: number;
  readonly phases: readonly HudPhase[];
}

/** One point of the history sparkline (a snapshot's overall percent). */
export interface HudHistoryPoint {
  readonly name: string;
  /** ISO 8601 time of the snapshot. */
  readonly at: string;
  readonly overall: number;
}

/** How the HUD behaves on the page. */
export interface HudOptions {
  /**
   * Where the tracker server is, e.g. `http://127.0.0.1:8888`; empty means the page's own origin. Pages opened from
   * a file stay static unless this is an absolute URL the server accepts (it checks the Origin).
   * @default ""
   */
  readonly apiBase?: string;
  /** Try to go live (API + WebSocket) when served over http(s). @default true */
  readonly live?: boolean;
  /** Start collapsed to the icon (the reader's last choice wins once the script runs). @default false */
  readonly collapsed?: boolean;
  /** The root element's id. @default "aurora-hud" */
  readonly id?: string;
}

/** The parts of the HUD the live channel replaces. */
export interface HudParts {
  /** Inside `<summary>`: the icon badge with the overall percent. */
  readonly badge: string;
  /** The panel: overall, sparkline, phases and tasks. */
  readonly body: string;
  /** `<option>`s of the quick-action task picker. */
  readonly options: string;
}
