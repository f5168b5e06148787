import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { Outbox } from "../../src/corpus/outbox.js";
import { backoff, redact, safeUrl, type PostExportConfig } from "../../src/corpus/post.js";
import { exportPending } from "../../src/corpus/record-run.js";
import { openStore, record, removeDir, tempDir } from "./helpers.js";

const KEY = "sk-test-5ecr3t-key";

/** What the endpoint does with the n-th request (1-based). */
type Behaviour = (n: number) => "fail" | "drop" | "ok" | "unauthorized";

/** A real HTTP endpoint on 127.0.0.1 that stores each batch id once (as an idempotent receiver does). */
class Endpoint {
  readonly batches = new Map<string, string[]>();
  readonly auth: (string | undefined)[] = [];
  requests = 0;
  private server: Server | undefined;

  constructor(private behaviour: Behaviour) {}

  async listen(port = 0): Promise<number> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  setBehaviour(b: Behaviour): void {
    this.behaviour = b;
  }

  /** Every record id received, counting repeats. */
  recordIds(): string[] {
    return [...this.batches.values()].flat();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const n = ++this.requests;
    this.auth.push(req.headers.authorization);
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const mode = this.behaviour(n);
    if (mode === "fail") return void res.writeHead(503).end("busy");
    if (mode === "unauthorized") return void res.writeHead(401).end();
    const parsed = JSON.parse(body) as { batch_id: string; records: { spec_hash: string }[] };
    const id = req.headers["idempotency-key"];
    expect(id).toBe(parsed.batch_id);
    if (!this.batches.has(parsed.batch_id)) this.batches.set(parsed.batch_id, parsed.records.map((r) => r.spec_hash));
    if (mode === "drop") return void res.socket?.destroy();
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  }
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(behaviour: Behaviour): Promise<{ dir: string; endpoint: Endpoint; config: PostExportConfig; notices: string[] }> {
  const root = await tempDir();
  const endpoint = new Endpoint(behaviour);
  const port = await endpoint.listen();
  cleanup.push(() => removeDir(root), () => endpoint.close());
  const config: PostExportConfig = { url: `http://127.0.0.1:${port}/corpus?token=${KEY}`, apiKey: KEY, batchSize: 3, maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2000 };
  return { dir: path.join(root, ".aurora"), endpoint, config, notices: [] };
}

async function appendAndExport(dir: string, config: PostExportConfig, ids: number[], notices: string[]) {
  const { store } = await openStore(dir);
  const outbox = new Outbox(store.paths, { onNotice: (m) => notices.push(m) });
  await outbox.start((await store.stats()).logBytes);
  await store.append(ids.map((i) => record(i)));
  await store.close();
  return { outbox, report: await exportPending(outbox, config) };
}

test("while the endpoint is down nothing is lost; once it recovers every record arrives exactly once", async () => {
  const { dir, endpoint, config, notices } = await setup(() => "ok");
  const port = Number(new URL(config.url).port);
  await endpoint.close();

  // 1. connection refused: every attempt fails, the batches wait in the outbox
  const first = await appendAndExport(dir, config, [1, 2, 3, 4, 5, 6, 7], notices);
  expect(first.report).toMatchObject({ sentBatches: 0, sentRecords: 0, pendingBatches: 3 });
  expect(first.report.error).toMatch(/could not reach http:\/\/127\.0\.0\.1:\d+\/corpus \(ECONNREFUSED\)/);
  expect(await first.outbox.pending()).toHaveLength(3);

  // 2. back up but failing (503), then an answer lost after the batch was stored, then fine
  endpoint.setBehaviour((n) => (n <= 2 ? "fail" : n === 3 ? "drop" : "ok"));
  await endpoint.listen(port);
  const second = await appendAndExport(dir, config, [8, 9], notices);
  expect(second.report).toMatchObject({ sentBatches: 4, sentRecords: 9, pendingBatches: 0 });
  expect(second.report.error).toBeUndefined();
  expect(await second.outbox.pending()).toEqual([]);

  const ids = endpoint.recordIds();
  expect(ids.sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `spec-${i}`).sort());
  expect(endpoint.requests).toBeGreaterThan(endpoint.batches.size);
  expect(new Set(endpoint.auth)).toEqual(new Set([`Bearer ${KEY}`]));

  // 3. nothing new: nothing is sent again
  const third = await appendAndExport(dir, config, [], notices);
  expect(third.report).toMatchObject({ sentBatches: 0, pendingBatches: 0 });
  expect(endpoint.recordIds()).toHaveLength(9);
  for (const text of [first.report.error, ...notices]) expect(text ?? "").not.toContain(KEY);
});

test("a refused key stops at once, keeps the batch and never shows the key", async () => {
  const { dir, endpoint, config, notices } = await setup(() => "unauthorized");
  const { outbox, report } = await appendAndExport(dir, config, [1, 2], notices);
  expect(endpoint.requests).toBe(1);
  expect(report).toMatchObject({ sentBatches: 0, pendingBatches: 1 });
  expect(report.error).toMatch(/answered 401 Unauthorized for batch [0-9a-f]+-0{15}: check AURORA_API_KEY/);
  expect(report.error).not.toContain(KEY);
  expect(await outbox.pending()).toHaveLength(1);
});

test("backoff doubles from the base, is capped, jitters by ±25% and honours Retry-After", () => {
  const c = { url: "http://x", baseDelayMs: 100, maxDelayMs: 1000 };
  expect([1, 2, 3, 4, 5].map((a) => backoff(c, a, undefined, () => 0.5))).toEqual([100, 200, 400, 800, 1000]);
  expect(backoff(c, 1, undefined, () => 0)).toBe(75);
  expect(backoff(c, 1, undefined, () => 1)).toBe(125);
  expect(backoff(c, 1, 3000)).toBe(1000);
  expect(redact(`key ${KEY} and ${KEY}`, KEY)).toBe("key *** and ***");
  expect(safeUrl(`https://user:${KEY}@example.com/path?token=${KEY}`)).toBe("https://example.com/path");
});
