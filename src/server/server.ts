/**
 * `aurora serve`: the tracker server (fastify; see docs/adr/0006-tracker-server-fastify.md). Serves the built
 * site or latest report, the REST API (api.ts), the live channel `/api/live` (live.ts) and the `/tracker` page.
 * Stateless: every answer is read from the files, so the CLI and the server can both write.
 */
import fastifyStatic from "@fastify/static";
import fastifyWebsocket from "@fastify/websocket";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { ProgressFileError, SnapshotError, TaskUpdateError, TrackerStateError } from "../tracker/errors.js";
import { createTracker, type Tracker } from "../tracker/store.js";
import { registerApi } from "./api.js";
import { checkServeConfig, writesEnabled, type ServeConfig } from "./config.js";
import { HttpError } from "./errors.js";
import { startLive, type LiveHub } from "./live.js";
import { requireHost, requireOrigin } from "./security.js";
import { progressView, trackerPage } from "./views.js";

/** A listening server. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:8888` */
  readonly url: string;
  readonly port: number;
  /** What `/` serves, if anything. */
  readonly staticDir: string | undefined;
  readonly live: LiveHub;
  readonly close: () => Promise<void>;
}

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "content-security-policy": "frame-ancestors 'none'",
} as const;

/** The status and client message for an error; anything unexpected is a 500 without details. */
export function httpErrorOf(e: unknown): { status: number; message: string; internal: boolean } {
  if (e instanceof HttpError) return { status: e.status, message: e.message, internal: false };
  if (e instanceof TaskUpdateError) return { status: 400, message: e.message, internal: false };
  if (e instanceof SnapshotError) return { status: 404, message: e.message, internal: false };
  if (e instanceof TrackerStateError) return { status: 404, message: "no progress.json yet: run `aurora progress init`", internal: false };
  if (e instanceof ProgressFileError) return { status: 500, message: e.message, internal: false };
  const status = (e as FastifyError).statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) return { status, message: (e as Error).message, internal: false };
  return { status: 500, message: "internal error", internal: true };
}

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** The folder `/` serves: the configured one, else site/dist, else runs/latest, else none. */
export async function resolveStaticDir(config: ServeConfig): Promise<string | undefined> {
  if (config.staticDir !== undefined) return config.staticDir;
  for (const dir of [join(config.paths.root, "site", "dist"), join(config.paths.runsDir, "latest")]) if (await isDir(dir)) return dir;
  return undefined;
}

function installErrorHandling(app: FastifyInstance, log: (line: string) => void): void {
  app.setErrorHandler((error: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { status, message, internal } = httpErrorOf(error);
    if (internal) log(`internal error on ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (status === 401) void reply.header("www-authenticate", 'Bearer realm="aurora"');
    return reply.code(status).send({ error: message });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: `not found: ${req.method} ${req.url.split("?")[0] ?? ""}` }));
}

async function registerStatic(app: FastifyInstance, config: ServeConfig, staticDir: string | undefined): Promise<void> {
  const common = { index: ["index.html", "report.html"], dotfiles: "deny" as const, cacheControl: false, serveDotFiles: false };
  await app.register(fastifyStatic, { ...common, root: config.paths.runsDir, prefix: "/runs/", decorateReply: false });
  if (staticDir !== undefined) await app.register(fastifyStatic, { ...common, root: staticDir, prefix: "/", decorateReply: false });
  else app.get("/", async (_req, reply) => reply.redirect("/tracker"));
}

function registerLive(app: FastifyInstance, config: ServeConfig, live: LiveHub): void {
  app.get("/api/live", { websocket: true, preValidation: async (req) => requireOrigin(config, req) }, (socket) => live.add(socket));
}

async function buildApp(config: ServeConfig, t: Tracker, live: LiveHub, staticDir: string | undefined): Promise<FastifyInstance> {
  const log = config.log ?? (() => undefined);
  const app = Fastify({ logger: false, bodyLimit: config.bodyLimit ?? 16_384, return503OnClosing: true });
  app.removeContentTypeParser("text/plain");
  installErrorHandling(app, log);
  app.addHook("onRequest", async (req, reply) => {
    void reply.headers(SECURITY_HEADERS);
    requireHost(config, req);
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 1024 } });
  registerLive(app, config, live);
  registerApi(app, config, t);
  app.get("/tracker", async (_req, reply) => reply.type("text/html; charset=utf-8").send(trackerPage(await progressView(t))));
  app.get("/healthz", async () => ({ ok: true, writable: writesEnabled(config) }));
  await registerStatic(app, config, staticDir);
  return app;
}

/**
 * Validates the config, starts the file watchers and listens.
 * @throws ServeConfigError for a refused configuration (public host without a key, bad port)
 */
export async function startServer(config: ServeConfig): Promise<RunningServer> {
  checkServeConfig(config);
  const log = config.log ?? (() => undefined);
  const t = createTracker(config.paths, config.now);
  const live = startLive(t, config.debounceMs ?? 75, (e) => log(`live update skipped: ${e instanceof Error ? e.message : String(e)}`));
  const staticDir = await resolveStaticDir(config);
  const app = await buildApp(config, t, live, staticDir).catch((e: unknown) => {
    live.close();
    throw e;
  });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    live.close();
    await app.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : config.port;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  const close = async (): Promise<void> => {
    live.close();
    await app.close();
  };
  return { url: `http://${host}:${port}`, port, staticDir, live, close };
}
