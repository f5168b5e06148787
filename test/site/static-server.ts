/** A minimal static file server on 127.0.0.1 for the built site, mounted under a base path (like GitHub Pages). */
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Readonly<Record<string, string>> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json" };

/** Serves `dir` under `base` (e.g. `/repo/`); returns the origin and a close function. */
export async function serveStatic(dir: string, base: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://x");
      const rel = decodeURIComponent(url.pathname).slice(base.length - 1);
      let file = path.join(dir, path.normalize(rel));
      if (!url.pathname.startsWith(base) || !file.startsWith(dir)) return void res.writeHead(404).end("not found");
      if ((await stat(file).catch(() => undefined))?.isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file).catch(() => undefined);
      if (body === undefined) return void res.writeHead(404).end("not found");
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
