import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ServeConfigError } from "../../src/server/errors.js";
import { isLoopback } from "../../src/server/config.js";
import { sameSecret } from "../../src/server/security.js";
import { startServer } from "../../src/server/server.js";
import { roundPercent } from "../../src/tracker/compute.js";
import { updateTasks } from "../../src/tracker/ops.js";
import { loadProgress } from "../../src/tracker/store.js";
import { parseAssignments } from "../../src/tracker/update.js";
import { tempTracker } from "../tracker/helpers.js";
import { KEY, auth, call, openLive, rawGet, seededServer } from "./helpers.js";

const overall = (m: Record<string, unknown>): number => roundPercent((m["summary"] as { overall: number }).overall);

describe("reads", () => {
  it("GET /api/progress returns the document, derived percents, history and HUD parts", async () => {
    const { server } = await seededServer();
    const { status, json } = await call(server.url, "GET", "/api/progress");
    expect(status).toBe(200);
    expect(overall(json)).toBe(63.9);
    expect(json["writable"]).toBe(true);
    expect((json["history"] as unknown[]).length).toBe(1);
    expect((json["hud"] as { body: string }).body).toContain('data-task="T02f"');
  });

  it("GET /api/tasks and /api/tasks/:id", async () => {
    const { server } = await seededServer();
    const tasks = (await call(server.url, "GET", "/api/tasks")).json["tasks"] as { id: string; phase: string }[];
    expect(tasks).toHaveLength(15);
    expect(tasks.find((t) => t.id === "T02f")?.phase).toBe("Learning & Memory");
    expect((await call(server.url, "GET", "/api/tasks/T02")).json["task"]).toMatchObject({ id: "T02", header: true });
    expect(await call(server.url, "GET", "/api/tasks/T99")).toEqual({ status: 404, json: { error: "unknown task T99" } });
  });

  it("GET /api/history and /api/history/:name, refusing non-snapshot names", async () => {
    const { server } = await seededServer();
    const snaps = (await call(server.url, "GET", "/api/history")).json["snapshots"] as { name: string; version: string }[];
    expect(snaps).toHaveLength(1);
    expect((await call(server.url, "GET", `/api/history/${snaps[0]!.name}`)).json["version"]).toBe("1.0.0");
    const bad = await rawGet(server.url, "/api/history/..%2fprogress");
    expect(bad.status).toBe(404);
    expect(JSON.parse(bad.body)).toEqual({ error: '"../progress" is not a snapshot name (expected YYYYMMDD_HHMMSS, see `aurora progress history`)' });
  });

  it("GET /api/runs lists run folders with meta and counts; /api/runs/:name gives the scores", async () => {
    const { server, t } = await seededServer();
    const run = join(t.paths.runsDir, "20250101_120000");
    await mkdir(run, { recursive: true });
    await writeFile(join(run, "scores.json"), JSON.stringify({ specs: [{ name: "a", status: "solved" }, { name: "b", status: "error" }], summary: { solved: 1 } }));
    await writeFile(join(run, "meta.json"), JSON.stringify({ suite: "smoke" }));
    await symlink(run, join(t.paths.runsDir, "latest"));
    await mkdir(join(t.paths.runsDir, "partial"));
    await writeFile(join(t.paths.runsDir, "partial", "scores.json"), "{ half");
    const runs = (await call(server.url, "GET", "/api/runs")).json["runs"] as Record<string, unknown>[];
    expect(runs.map((r) => r["name"])).toEqual(["latest", "partial", "20250101_120000"]);
    expect(runs[0]).toMatchObject({ linkTo: "20250101_120000", meta: { suite: "smoke" }, counts: { solved: 1, error: 1 }, summary: { solved: 1 } });
    expect(runs[1]!["errors"]).toEqual([expect.stringMatching(/^partial\/scores.json is not valid JSON/)]);
    const one = await call(server.url, "GET", "/api/runs/latest");
    expect((one.json["scores"] as { specs: unknown[] }).specs).toHaveLength(2);
    expect((await rawGet(server.url, "/api/runs/..%2f..")).status).toBe(404);
  });

  it("serves the /tracker page with the HUD, and / redirects there without a site or report", async () => {
    const { server } = await seededServer();
    const page = await fetch(`${server.url}/tracker`);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain('id="aurora-hud"');
    const root = await fetch(`${server.url}/`, { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/tracker");
  });

  it("sends security headers", async () => {
    const { server } = await seededServer();
    const res = await fetch(`${server.url}/api/progress`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
  });
});

describe("static files", () => {
  it("serves runs/latest/report.html at / and under /runs/, without path traversal or dotfiles", async () => {
    const t = await tempTracker();
    const latest = join(t.paths.runsDir, "latest");
    await mkdir(latest, { recursive: true });
    await writeFile(join(latest, "report.html"), "<h1>report</h1>");
    await writeFile(join(latest, ".secret"), "hidden");
    await writeFile(join(t.paths.root, "progress.json"), '{"secret": "outside"}');
    const server = await startServer({ host: "127.0.0.1", port: 0, paths: t.paths });
    try {
      expect(server.staticDir).toBe(latest);
      expect(await (await fetch(`${server.url}/`)).text()).toBe("<h1>report</h1>");
      expect(await (await fetch(`${server.url}/runs/latest/report.html`)).text()).toBe("<h1>report</h1>");
      for (const path of ["/runs/..%2fprogress.json", "/runs/%2e%2e/progress.json", "/..%2f..%2fprogress.json", "/%2e%2e/%2e%2e/progress.json", "/runs/../progress.json", "/runs/latest/.secret"]) {
        const res = await rawGet(server.url, path);
        expect(res.status, path).toBeGreaterThanOrEqual(400);
        expect(res.body, path).not.toContain("outside");
        expect(res.body, path).not.toContain("hidden");
      }
    } finally {
      await server.close();
    }
  });
});

describe("writes and their refusals", () => {
  it("PATCH needs the key: none -> 401, wrong -> 401, right -> 200 and the file changes", async () => {
    const { server, t } = await seededServer();
    const none = await call(server.url, "PATCH", "/api/tasks/T02f", { value: 75 });
    expect(none).toEqual({ status: 401, json: { error: "missing or wrong API key" } });
    expect((await call(server.url, "PATCH", "/api/tasks/T02f", { value: 75 }, { authorization: "Bearer nope" })).status).toBe(401);
    const ok = await call(server.url, "PATCH", "/api/tasks/T02f", { value: "+25", reason: "merge done" }, auth);
    expect(ok.status).toBe(200);
    expect(ok.json["message"]).toBe("T02f: 50% -> 75%");
    const p = await loadProgress(t);
    expect(p.changes?.at(-1)).toMatchObject({ task: "T02f", from: 50, to: 75, reason: "merge done", source: "api" });
    expect((await call(server.url, "PATCH", "/api/tasks/T02f", { value: 80 }, { "x-aurora-key": KEY })).status).toBe(200);
  });

  it("refuses writes when the server has no key, whatever the request carries", async () => {
    const { server } = await seededServer({ apiKey: undefined });
    expect((await call(server.url, "GET", "/api/progress")).json["writable"]).toBe(false);
    for (const [method, path, body] of [["PATCH", "/api/tasks/T02f", { value: 1 }], ["POST", "/api/bump", {}], ["POST", "/api/rollback", { snapshot: "20250101_120000" }]] as const) {
      expect(await call(server.url, method, path, body, auth)).toEqual({ status: 403, json: { error: "writes are disabled: start the server with AURORA_API_KEY set" } });
    }
  });

  it.each([
    [{ value: 150 }, 400, 'bad update "T02f=150": percent must be 0-100'],
    [{ value: "lots" }, 400, 'bad update "T02f=lots": "lots" is not a percent; expected ID=VALUE, e.g. T02f=75, T02f=+10, T02f=-5 or T02f=auto'],
    [{ value: 5, extra: 1 }, 400, "request body: (root): Unrecognized key(s) in object: 'extra'"],
    [{ percent: 5 }, 400, `request body: (root): Unrecognized key(s) in object: 'percent'; value: required: a percent 0-100 (number or string), or "+10", "-5", "auto"`],
    [{}, 400, 'request body: value: required: a percent 0-100 (number or string), or "+10", "-5", "auto"'],
    [{ value: 5, reason: "" }, 400, "request body: reason: must not be empty"],
    ["{ not json", 400, undefined],
  ])("PATCH T02f %j -> %i", async (body, status, error) => {
    const { server } = await seededServer();
    const res = await call(server.url, "PATCH", "/api/tasks/T02f", body, auth);
    expect(res.status).toBe(status);
    if (error !== undefined) expect(res.json).toEqual({ error });
    expect(JSON.stringify(res.json)).not.toMatch(/\n\s+at /);
  });

  it("PATCH on a header or an unknown task says why", async () => {
    const { server } = await seededServer();
    expect((await call(server.url, "PATCH", "/api/tasks/T02", { value: 10 }, auth)).json["error"]).toMatch(/T02 is a header/);
    expect((await call(server.url, "PATCH", "/api/tasks/T99", { value: 10 }, auth)).json["error"]).toMatch(/unknown task T99/);
  });

  it("limits the request size and the content type", async () => {
    const { server } = await seededServer();
    const big = await call(server.url, "PATCH", "/api/tasks/T02f", { value: 5, reason: "x".repeat(20_000) }, auth);
    expect(big.status).toBe(413);
    const res = await fetch(`${server.url}/api/tasks/T02f`, { method: "PATCH", headers: { ...auth, "content-type": "text/plain" }, body: "value=5" });
    expect(res.status).toBe(415);
  });

  it("refuses a write from another site's page (Origin), accepts its own", async () => {
    const { server } = await seededServer();
    const evil = await call(server.url, "PATCH", "/api/tasks/T02f", { value: 60 }, { ...auth, origin: "http://evil.example" });
    expect(evil).toEqual({ status: 403, json: { error: "origin http://evil.example is not allowed" } });
    const own = await call(server.url, "PATCH", "/api/tasks/T02f", { value: 60 }, { ...auth, origin: server.url });
    expect(own.status).toBe(200);
  });

  it("POST /api/bump and /api/rollback", async () => {
    const { server, t } = await seededServer();
    const bump = await call(server.url, "POST", "/api/bump", { level: "minor" }, auth);
    expect(bump.json).toMatchObject({ version: "1.1.0" });
    await updateTasks(t, parseAssignments(["T02f=10"]));
    const rb = await call(server.url, "POST", "/api/rollback", { snapshot: bump.json["snapshot"] }, auth);
    expect(rb.status).toBe(200);
    expect(rb.json["backup"]).toEqual(expect.any(String));
    expect((await loadProgress(t)).version).toBe("1.1.0");
    expect((await call(server.url, "POST", "/api/rollback", { snapshot: "../../etc/passwd" }, auth)).status).toBe(404);
    expect((await call(server.url, "POST", "/api/bump", { level: "huge" }, auth)).status).toBe(400);
  });
});

describe("errors never leak internals", () => {
  it("an unexpected failure is 'internal error' to the client and a stack in the log", async () => {
    const { server, t, logs } = await seededServer();
    await rm(t.paths.progressFile);
    await mkdir(t.paths.progressFile);
    const res = await call(server.url, "GET", "/api/progress");
    expect(res).toEqual({ status: 500, json: { error: "internal error" } });
    expect(logs.join("\n")).toMatch(/internal error on GET \/api\/progress: .*EISDIR[\s\S]*\n\s+at /);
  });

  it("an invalid progress.json is reported with its JSON path", async () => {
    const { server, t } = await seededServer();
    const text = (await readFile(t.paths.progressFile, "utf8")).replace('"percent": 50', '"percent": 500');
    await writeFile(t.paths.progressFile, text);
    expect((await call(server.url, "GET", "/api/progress")).json["error"]).toBe("progress.json: phases[1].tasks[0].children[5].percent: must be 0-100");
  });

  it("no progress.json yet", async () => {
    const t = await tempTracker();
    const server = await startServer({ host: "127.0.0.1", port: 0, paths: t.paths });
    try {
      expect(await call(server.url, "GET", "/api/progress")).toEqual({ status: 404, json: { error: "no progress.json yet: run `aurora progress init`" } });
    } finally {
      await server.close();
    }
  });
});

describe("host and key refusals at start and per request", () => {
  it("refuses a non-loopback host without a key, with a clear message", async () => {
    const t = await tempTracker();
    await expect(startServer({ host: "0.0.0.0", port: 0, paths: t.paths })).rejects.toThrow(ServeConfigError);
    await expect(startServer({ host: "0.0.0.0", port: 0, paths: t.paths, apiKey: "" })).rejects.toThrow(/refusing to listen on 0.0.0.0 without AURORA_API_KEY/);
    const server = await startServer({ host: "0.0.0.0", port: 0, paths: t.paths, apiKey: KEY });
    await server.close();
  });

  it("refuses a bad port", async () => {
    const t = await tempTracker();
    await expect(startServer({ host: "127.0.0.1", port: 70000, paths: t.paths })).rejects.toThrow(/port 70000 is not a TCP port/);
  });

  it("answers only loopback Host names on a loopback server (DNS rebinding)", async () => {
    const { server } = await seededServer();
    const res = await rawGet(server.url, "/api/progress", { host: "evil.example:8888" });
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body)).toEqual({ error: 'unexpected Host "evil.example:8888": this server answers loopback names only' });
    expect((await rawGet(server.url, "/api/progress", { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["::1", true],
    ["[::1]", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.2", false],
  ])("isLoopback(%s) = %s", (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  it("compares keys by value whatever their length", () => {
    expect(sameSecret(KEY, KEY)).toBe(true);
    expect(sameSecret("short", KEY)).toBe(false);
    expect(sameSecret("", KEY)).toBe(false);
  });
});

describe("live channel", () => {
  it("sends the progress on connect, then after a CLI-side change and an API change", async () => {
    const { server, t } = await seededServer();
    const live = await openLive(server.url);
    expect(overall(await live.next((m) => m["type"] === "progress"))).toBe(63.9);
    await updateTasks(t, parseAssignments(["T03a=60"]));
    expect(overall(await live.next((m) => m["type"] === "progress" && overall(m) !== 63.9))).toBe(70.6);
    await call(server.url, "PATCH", "/api/tasks/T03a", { value: 0 }, auth);
    const back = await live.next((m) => m["type"] === "progress" && overall(m) === 63.9);
    expect((back["hud"] as { body: string }).body).toContain('data-task="T03a" data-percent="0"');
  });

  it("always delivers the final state after rapid writes (no lost last event)", async () => {
    const { server, t } = await seededServer();
    const live = await openLive(server.url);
    await live.next((m) => m["type"] === "progress");
    for (let i = 1; i <= 10; i++) await updateTasks(t, parseAssignments([`T03a=${i * 10}`]));
    const last = await live.next((m) => m["type"] === "progress" && (m["hud"] as { body: string }).body.includes('data-task="T03a" data-percent="100"'));
    expect(overall(last)).toBe(75);
  });

  it("keeps watching runs/ after it is deleted and made again", async () => {
    const { server, t } = await seededServer();
    const live = await openLive(server.url);
    const write = async (status: string): Promise<void> => {
      await mkdir(join(t.paths.runsDir, "latest"), { recursive: true });
      await writeFile(join(t.paths.runsDir, "latest", "scores.json"), JSON.stringify({ specs: [{ name: "a", status }] }));
    };
    await write("solved");
    await live.next((m) => m["type"] === "runs" && JSON.stringify(m).includes('"solved":1'));
    await rm(t.paths.runsDir, { recursive: true });
    await new Promise((r) => setTimeout(r, 100));
    await write("error");
    await live.next((m) => m["type"] === "runs" && JSON.stringify(m).includes('"error":1'));
  });

  it("tells about runs changes", async () => {
    const { server, t } = await seededServer();
    const live = await openLive(server.url);
    await mkdir(join(t.paths.runsDir, "latest"), { recursive: true });
    await writeFile(join(t.paths.runsDir, "latest", "scores.json"), JSON.stringify({ specs: [{ name: "a", status: "solved" }] }));
    const msg = await live.next((m) => m["type"] === "runs" && JSON.stringify(m).includes('"solved":1'));
    expect((msg["runs"] as { name: string }[])[0]!.name).toBe("latest");
  });

  it("refuses a WebSocket from another origin and accepts its own", async () => {
    const { server } = await seededServer();
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.url.replace("http", "ws")}/api/live`, { origin: "http://evil.example" });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => resolve(101));
      ws.on("error", () => undefined);
    });
    expect(refused).toBe(403);
    const own = await openLive(server.url, server.url);
    expect((await own.next((m) => m["type"] === "progress"))["type"]).toBe("progress");
  });

  it("is one-way: a client message closes the socket with 1008", async () => {
    const { server } = await seededServer();
    const live = await openLive(server.url);
    const code = await new Promise<number>((resolve) => {
      live.ws.on("close", (c) => resolve(c));
      live.ws.send("hello");
    });
    expect(code).toBe(1008);
  });

  it("refuses oversized client frames", async () => {
    const { server } = await seededServer();
    const live = await openLive(server.url);
    const code = await new Promise<number>((resolve) => {
      live.ws.on("close", (c) => resolve(c));
      live.ws.on("error", () => undefined);
      live.ws.send("x".repeat(4096));
    });
    expect(code).toBe(1009);
  });
});
