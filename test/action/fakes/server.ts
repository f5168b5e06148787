/**
 * A stand-in for the GitHub services the Action uses, on 127.0.0.1, so the REAL @actions/github, @actions/cache
 * and @actions/artifact code runs against it:
 *
 * - REST (`/api`): workflow runs, run artifacts (list, zip download by redirect), pull requests, issue comments
 *   (paginated with Link headers; writes need the write token: the read token gets 403 like a fork's token).
 * - Results service (`/twirp/...`): the cache v2 and artifact v2 Twirp JSON methods.
 * - Blob storage (`/blobacct/...`): what the Azure SDK does with the signed URLs (single PUT, staged blocks and
 *   block list, GET).
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { FakeState, type FakeArtifact, type FakeTokens } from "./state.js";

const TWIRP_CACHE = "/twirp/github.actions.results.api.v1.CacheService";
const TWIRP_ARTIFACT = "/twirp/github.actions.results.api.v1.ArtifactService";

type Body = Record<string, unknown>;

function tokenOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  return h === undefined ? null : h.replace(/^(token|bearer)\s+/i, "");
}

export interface FakeGitHub {
  readonly state: FakeState;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly apiUrl: string;
  close(): Promise<void>;
}

function blobUrl(origin: string, key: string): string {
  return `${origin}/blobacct/store/${key}?sig=fake-signature`;
}

function restRoutes(app: FastifyInstance, state: FakeState, origin: () => string): void {
  const repoPath = `/api/repos/${state.owner}/${state.repo}`;
  const write = (req: FastifyRequest, reply: FastifyReply): boolean => {
    if (tokenOf(req) === state.tokens.write) return true;
    void reply.code(403).send({ message: "Resource not accessible by integration" });
    return false;
  };
  app.get(`${repoPath}/actions/runs/:id`, async (req, reply) => {
    const run = state.runs.find((r) => r.id === Number((req.params as Body)["id"]));
    return run ?? reply.code(404).send({ message: "Not Found" });
  });
  app.get(`${repoPath}/actions/workflows/:wf/runs`, async (req) => {
    const q = req.query as Record<string, string>;
    const runs = state.runs
      .filter((r) => r.workflow_id === Number((req.params as Body)["wf"]) && (!q["branch"] || r.head_branch === q["branch"]) && (!q["event"] || r.event === q["event"]) && (!q["status"] || (q["status"] === "success" ? r.conclusion === "success" : r.status === q["status"])))
      .sort((a, b) => b.id - a.id)
      .slice(0, Number(q["per_page"] ?? 30));
    return { total_count: runs.length, workflow_runs: runs };
  });
  app.get(`${repoPath}/actions/runs/:id/artifacts`, async (req) => {
    const q = req.query as Record<string, string>;
    const list = state.artifacts.filter((a) => a.finalized && a.runId === Number((req.params as Body)["id"]) && (!q["name"] || a.name === q["name"]));
    return { total_count: list.length, artifacts: list.map((a) => ({ id: a.id, name: a.name, size_in_bytes: a.size, created_at: a.created, expired: false })) };
  });
  app.get(`${repoPath}/actions/artifacts/:id/zip`, async (req, reply) => {
    const a = state.artifacts.find((x) => x.id === Number((req.params as Body)["id"]));
    if (!a) return reply.code(404).send({ message: "Not Found" });
    return reply.code(302).header("location", blobUrl(origin(), a.blob)).send();
  });
  app.get(`${repoPath}/pulls/:n`, async (req, reply) => {
    const n = Number((req.params as Body)["n"]);
    const pr = state.pulls.get(n);
    return pr ? { number: n, ...pr } : reply.code(404).send({ message: "Not Found" });
  });
  app.get(`${repoPath}/issues/:n/comments`, async (req, reply) => {
    const q = req.query as Record<string, string>;
    const per = Number(q["per_page"] ?? 30);
    const page = Number(q["page"] ?? 1);
    const all = state.comments.filter((c) => c.issue === Number((req.params as Body)["n"]));
    if (page * per < all.length) {
      const next = new URL(`${origin()}${req.url}`);
      next.searchParams.set("page", String(page + 1));
      void reply.header("link", `<${next.href}>; rel="next"`);
    }
    return all.slice((page - 1) * per, page * per);
  });
  app.post(`${repoPath}/issues/:n/comments`, async (req, reply) => {
    if (!write(req, reply)) return reply;
    const id = state.id();
    const comment = { id, issue: Number((req.params as Body)["n"]), body: String((req.body as Body)["body"]), user: { login: "github-actions[bot]", type: "Bot" as const }, html_url: `https://github.com/${state.owner}/${state.repo}/pull/1#issuecomment-${id}` };
    state.comments.push(comment);
    return reply.code(201).send(comment);
  });
  app.patch(`${repoPath}/issues/comments/:id`, async (req, reply) => {
    if (!write(req, reply)) return reply;
    const c = state.comments.find((x) => x.id === Number((req.params as Body)["id"]));
    if (!c) return reply.code(404).send({ message: "Not Found" });
    c.body = String((req.body as Body)["body"]);
    return c;
  });
}

function cacheRoutes(app: FastifyInstance, state: FakeState, origin: () => string): void {
  app.post(`${TWIRP_CACHE}/GetCacheEntryDownloadURL`, async (req) => {
    const b = req.body as { key: string; restore_keys?: string[]; version: string };
    const done = state.caches.filter((c) => c.finalized && c.version === b.version).sort((x, y) => y.seq - x.seq);
    const hit = done.find((c) => c.key === b.key) ?? (b.restore_keys ?? []).map((k) => done.find((c) => c.key.startsWith(k))).find((c) => c !== undefined);
    return hit ? { ok: true, signed_download_url: blobUrl(origin(), hit.blob), matched_key: hit.key } : { ok: false };
  });
  app.post(`${TWIRP_CACHE}/CreateCacheEntry`, async (req) => {
    const b = req.body as { key: string; version: string };
    if (state.caches.some((c) => c.key === b.key && c.version === b.version)) return { ok: false, message: `cache entry ${b.key} already exists` };
    const id = state.id();
    state.caches.push({ id, key: b.key, version: b.version, blob: `cache-${id}.tzst`, finalized: false, seq: id });
    return { ok: true, signed_upload_url: blobUrl(origin(), `cache-${id}.tzst`) };
  });
  app.post(`${TWIRP_CACHE}/FinalizeCacheEntryUpload`, async (req) => {
    const b = req.body as { key: string; version: string };
    const c = state.caches.find((x) => x.key === b.key && x.version === b.version);
    if (!c || !state.blobs.has(c.blob)) return { ok: false, message: "nothing uploaded" };
    c.finalized = true;
    return { ok: true, entry_id: String(c.id) };
  });
}

function artifactJson(a: FakeArtifact): Body {
  return { workflow_run_backend_id: a.runBackendId, workflow_job_run_backend_id: a.jobBackendId, database_id: String(a.id), name: a.name, size: String(a.size), created_at: a.created };
}

function artifactRoutes(app: FastifyInstance, state: FakeState, origin: () => string): void {
  const runIdOf = (backend: string): number => Number(backend.replace(/^run-/, ""));
  app.post(`${TWIRP_ARTIFACT}/CreateArtifact`, async (req, reply) => {
    const b = req.body as { name: string; workflow_run_backend_id: string; workflow_job_run_backend_id: string };
    if (state.artifacts.some((a) => a.runBackendId === b.workflow_run_backend_id && a.name === b.name)) return reply.code(409).send({ code: "already_exists", msg: `an artifact named ${b.name} exists in this run` });
    const id = state.id();
    state.artifacts.push({ id, runId: runIdOf(b.workflow_run_backend_id), runBackendId: b.workflow_run_backend_id, jobBackendId: b.workflow_job_run_backend_id, name: b.name, blob: `artifact-${id}.zip`, size: 0, finalized: false, created: new Date().toISOString() });
    return { ok: true, signed_upload_url: blobUrl(origin(), `artifact-${id}.zip`) };
  });
  app.post(`${TWIRP_ARTIFACT}/FinalizeArtifact`, async (req) => {
    const b = req.body as { name: string; workflow_run_backend_id: string; size: string };
    const a = state.artifacts.find((x) => x.runBackendId === b.workflow_run_backend_id && x.name === b.name && !x.finalized);
    if (!a || !state.blobs.has(a.blob)) return { ok: false };
    a.finalized = true;
    a.size = state.blobs.get(a.blob)!.length;
    return { ok: true, artifact_id: String(a.id) };
  });
  app.post(`${TWIRP_ARTIFACT}/ListArtifacts`, async (req) => {
    const b = req.body as { workflow_run_backend_id: string; name_filter?: string; id_filter?: string };
    const list = state.artifacts.filter((a) => a.finalized && a.runBackendId === b.workflow_run_backend_id && (b.name_filter === undefined || a.name === b.name_filter) && (b.id_filter === undefined || String(a.id) === String(b.id_filter)));
    return { artifacts: list.map(artifactJson) };
  });
  app.post(`${TWIRP_ARTIFACT}/GetSignedArtifactURL`, async (req) => {
    const b = req.body as { workflow_run_backend_id: string; name: string };
    const a = state.artifacts.find((x) => x.finalized && x.runBackendId === b.workflow_run_backend_id && x.name === b.name);
    return { signed_url: a ? blobUrl(origin(), a.blob) : "" };
  });
  app.post(`${TWIRP_ARTIFACT}/DeleteArtifact`, async (req) => {
    const b = req.body as { workflow_run_backend_id: string; name: string };
    const i = state.artifacts.findIndex((x) => x.runBackendId === b.workflow_run_backend_id && x.name === b.name);
    const [gone] = i >= 0 ? state.artifacts.splice(i, 1) : [];
    return { ok: gone !== undefined, artifact_id: String(gone?.id ?? 0) };
  });
}

function blobRoutes(app: FastifyInstance, state: FakeState): void {
  app.put("/blobacct/store/:key", async (req, reply) => {
    const key = (req.params as Body)["key"] as string;
    const q = req.query as Record<string, string>;
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from(typeof req.body === "string" ? req.body : "");
    if (q["comp"] === "block") {
      const blocks = state.blocks.get(key) ?? new Map<string, Buffer>();
      blocks.set(q["blockid"]!, body);
      state.blocks.set(key, blocks);
    } else if (q["comp"] === "blocklist") {
      const ids = [...body.toString("utf8").matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g)].map((m) => m[1]!);
      const blocks = state.blocks.get(key) ?? new Map<string, Buffer>();
      state.blobs.set(key, Buffer.concat(ids.map((id) => blocks.get(id) ?? Buffer.alloc(0))));
      state.blocks.delete(key);
    } else state.blobs.set(key, body);
    return reply.code(201).header("etag", `"${key}"`).header("last-modified", new Date().toUTCString()).send();
  });
  app.get("/blobacct/store/:key", async (req, reply) => {
    const blob = state.blobs.get((req.params as Body)["key"] as string);
    if (!blob) return reply.code(404).send();
    return reply.header("content-type", String((req.params as Body)["key"]).endsWith(".zip") ? "application/zip" : "application/octet-stream").send(blob);
  });
}

/** Starts the stand-in on 127.0.0.1 (a free port). */
export async function startFakeGitHub(tokens: FakeTokens = { write: "ghs_write_token_0123456789", read: "ghs_read_token_0123456789" }): Promise<FakeGitHub> {
  const state = new FakeState(tokens);
  const app = Fastify({ bodyLimit: 512 * 1024 * 1024 });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (req, body, done) => {
    const json = (req.headers["content-type"] ?? "").includes("json");
    try {
      done(null, json && !req.url.startsWith("/blobacct") ? (JSON.parse(body.toString("utf8") || "{}") as unknown) : body);
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  app.addHook("onRequest", async (req) => void state.requests.push({ method: req.method, path: req.url.split("?")[0]!, token: tokenOf(req) }));
  let origin = "";
  restRoutes(app, state, () => origin);
  cacheRoutes(app, state, () => origin);
  artifactRoutes(app, state, () => origin);
  blobRoutes(app, state);
  origin = await app.listen({ host: "127.0.0.1", port: 0 });
  return { state, origin, apiUrl: `${origin}/api`, close: () => app.close() };
}
