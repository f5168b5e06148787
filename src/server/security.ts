/** Request checks: API key in constant time, Origin for writes and the live channel, Host against DNS rebinding. */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { isLoopback, writesEnabled, type ServeConfig } from "./config.js";
import { HttpError } from "./errors.js";

const digest = (s: string): Buffer => createHash("sha256").update(s, "utf8").digest();

/** Compares two secrets in time independent of where they differ (and of their lengths, through SHA-256). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The key a request carries: `Authorization: Bearer <key>` or `X-Aurora-Key: <key>`. */
export function requestKey(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === "string" && /^Bearer /i.test(auth)) return auth.slice(7).trim();
  const header = req.headers["x-aurora-key"];
  return typeof header === "string" ? header : undefined;
}

/** @throws HttpError 403 when writes are disabled, 401 when the key is missing or wrong */
export function requireKey(config: ServeConfig, req: FastifyRequest): void {
  if (!writesEnabled(config)) throw new HttpError(403, "writes are disabled: start the server with AURORA_API_KEY set");
  const given = requestKey(req);
  if (given === undefined || !sameSecret(given, config.apiKey ?? "")) throw new HttpError(401, "missing or wrong API key");
}

/**
 * A browser request from another site must not write nor listen. No Origin header (curl, scripts): allowed, the
 * key still guards writes. Otherwise the Origin must be this server's own (`http://<Host>`) or configured.
 * @throws HttpError 403
 */
export function requireOrigin(config: ServeConfig, req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  const own = `${req.protocol}://${req.headers.host ?? ""}`;
  if (origin === own || (config.allowedOrigins ?? []).includes(origin)) return;
  throw new HttpError(403, `origin ${origin} is not allowed`);
}

/**
 * On a loopback server, only loopback Host names are answered, so a web page cannot reach it through DNS
 * rebinding. @throws HttpError 421
 */
export function requireHost(config: ServeConfig, req: FastifyRequest): void {
  if (!isLoopback(config.host)) return;
  const host = req.headers.host ?? "";
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0] ?? "";
  if (!isLoopback(name)) throw new HttpError(421, `unexpected Host ${JSON.stringify(host)}: this server answers loopback names only`);
}
