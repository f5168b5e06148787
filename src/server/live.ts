/**
 * Live updates: watches progress.json, history/ and runs/ (so changes from the CLI, the API or an editor all count)
 * and pushes a message to every open WebSocket. The server keeps no state of its own: each message is read fresh
 * from the files.
 *
 * Messages (JSON): `{ type: "progress", summary, history, hud }` when progress.json or history/ changed, and on
 * connect; `{ type: "runs", runs }` when something under runs/ changed.
 */
import { basename, dirname } from "node:path";
import type { WebSocket } from "ws";
import type { Tracker } from "../tracker/store.js";
import { listRuns } from "./runs.js";
import { progressView } from "./views.js";
import { watchFolder } from "./watch.js";

/** The set of open sockets and the watchers feeding them. */
export interface LiveHub {
  /** Registers a socket and sends it the current progress. */
  readonly add: (socket: WebSocket) => void;
  /** Number of open sockets. */
  readonly size: () => number;
  readonly close: () => void;
}

/** Our own temp files (`.name.<hex>.tmp`) and lock folders (`*.lock`) are not changes. */
const meaningful = (name: string): boolean => !basename(name).startsWith(".") && !name.endsWith(".lock") && !name.includes(".lock/");

function debounce(ms: number, fn: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

/** Starts the watchers. `report` receives read errors (never thrown to clients). */
export function startLive(t: Tracker, debounceMs: number, report: (e: unknown) => void): LiveHub {
  const sockets = new Set<WebSocket>();
  const send = (socket: WebSocket, text: string): void => {
    if (socket.readyState === socket.OPEN) socket.send(text);
  };
  const broadcast = (msg: unknown): void => {
    const text = JSON.stringify(msg);
    for (const s of sockets) send(s, text);
  };
  const progressMessage = async (): Promise<string> => JSON.stringify({ type: "progress", ...(await progressView(t)) });
  const onProgress = debounce(debounceMs, () => void progressMessage().then((m) => sockets.forEach((s) => send(s, m)), report));
  const onRuns = debounce(debounceMs, () => void listRuns(t.paths.runsDir).then((runs) => broadcast({ type: "runs", runs }), report));
  const progressName = basename(t.paths.progressFile);
  const stops = [
    watchFolder({ dir: dirname(t.paths.progressFile), recursive: false, accept: (n) => n === progressName }, onProgress, report),
    watchFolder({ dir: t.paths.historyDir, recursive: false, accept: meaningful }, onProgress, report),
    watchFolder({ dir: t.paths.runsDir, recursive: true, accept: meaningful }, onRuns, report),
  ];
  return {
    add: (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("message", () => socket.close(1008, "this channel is one-way"));
      progressMessage().then((m) => send(socket, m), report);
    },
    size: () => sockets.size,
    close: () => {
      for (const s of sockets) s.close(1001, "server stopping");
      stops.forEach((stop) => stop());
    },
  };
}
