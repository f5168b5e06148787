/** The server's configuration: built once by the CLI from flags and environment, validated here. */
import type { TrackerPaths } from "../tracker/paths.js";
import { ServeConfigError } from "./errors.js";

/** What `startServer` needs. Nothing below the CLI reads the environment; pass everything in. */
export interface ServeConfig {
  /** @default "127.0.0.1" */
  readonly host: string;
  /** 0 picks a free port (tests). @default 8888 */
  readonly port: number;
  /** Writes (PATCH task, bump, rollback) need it; unset or empty means writes are refused. No default. */
  readonly apiKey?: string | undefined;
  readonly paths: TrackerPaths;
  /**
   * Served at `/`. Unset: the first of `<root>/site/dist` and `<root>/runs/latest` that exists; none: `/` goes to
   * the built-in `/tracker` page.
   */
  readonly staticDir?: string | undefined;
  /** Origins besides the server's own that may open the live channel and send writes (e.g. an Astro dev server). */
  readonly allowedOrigins?: readonly string[];
  /** Largest accepted request body in bytes. @default 16384 */
  readonly bodyLimit?: number;
  /** Debounce of file-change notifications in ms. @default 75 */
  readonly debounceMs?: number;
  /** Where the server reports what it does (listening, refused writes, internal errors with stacks). */
  readonly log?: (line: string) => void;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

/** True for 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Whether writes are possible at all. */
export function writesEnabled(config: ServeConfig): boolean {
  return config.apiKey !== undefined && config.apiKey !== "";
}

/**
 * Refuses configurations that would expose the tracker: a non-loopback host without an API key, a bad port.
 * @throws ServeConfigError with what to do instead
 */
export function checkServeConfig(config: ServeConfig): void {
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) {
    throw new ServeConfigError(`port ${config.port} is not a TCP port (0-65535)`);
  }
  if (!isLoopback(config.host) && !writesEnabled(config)) {
    throw new ServeConfigError(
      `refusing to listen on ${config.host} without AURORA_API_KEY: other machines could reach the tracker. ` +
        "Set AURORA_API_KEY to a long random secret, or listen on 127.0.0.1 (--host 127.0.0.1).",
    );
  }
}
