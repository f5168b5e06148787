import { request } from "node:http";
import { onTestFinished } from "vitest";
import WebSocket from "ws";
import { initProgress } from "../../src/tracker/ops.js";
import type { Tracker } from "../../src/tracker/store.js";
import type { ServeConfig } from "../../src/server/config.js";
import { startServer, type RunningServer } from "../../src/server/server.js";
import { tempTracker } from "../tracker/helpers.js";

export const KEY = "test-key-0123456789abcdef";

/** A real server on 127.0.0.1 (free port) over a temp folder initialised with the seed template. */
export async function seededServer(overrides: Partial<ServeConfig> = {}): Promise<{ server: RunningServer; t: Tracker; logs: string[] }> {
  const t = await tempTracker(() => new Date());
  await initProgress(t, "seed");
  const logs: string[] = [];
  const server = await startServer({ host: "127.0.0.1", port: 0, apiKey: KEY, paths: t.paths, debounceMs: 20, log: (l) => logs.push(l), ...overrides });
  onTestFinished(() => server.close());
  return { server, t, logs };
}

/** A raw HTTP request (fetch would normalise `..` and refuses to set Host). */
export function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: "GET", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** JSON request with optional key. */
export async function call(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url + path, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export const auth = { authorization: `Bearer ${KEY}` };

/** Opens a WebSocket to the live channel and collects its messages. */
export async function openLive(url: string, origin?: string): Promise<{ ws: WebSocket; next: (pred: (m: Record<string, unknown>) => boolean, ms?: number) => Promise<Record<string, unknown>> }> {
  const ws = new WebSocket(`${url.replace("http", "ws")}/api/live`, origin === undefined ? {} : { origin });
  const seen: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  ws.on("message", (data: Buffer) => {
    seen.push(JSON.parse(data.toString()) as Record<string, unknown>);
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  onTestFinished(() => ws.close());
  const next = (pred: (m: Record<string, unknown>) => boolean, ms = 5000): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching live message in ${ms} ms; saw ${seen.map((m) => String(m["type"])).join(", ")}`)), ms);
      const check = (): void => {
        const i = seen.findIndex(pred);
        if (i >= 0) {
          clearTimeout(timer);
          resolve(seen.splice(i, 1)[0]!);
        } else waiters.push(check);
      };
      check();
    });
  return { ws, next };
}
