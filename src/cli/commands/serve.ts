/**
 * `aurora serve [--port 8888] [--host 127.0.0.1]`: the tracker server. Reads AURORA_PORT, AURORA_HOST and
 * AURORA_API_KEY here, at the edge, into a ServeConfig; flags win over the environment.
 */
import type { Command } from "commander";
import { once } from "node:events";
import { resolve } from "node:path";
import type { ServeConfig } from "../../server/config.js";
import { ServeConfigError } from "../../server/errors.js";
import { startServer } from "../../server/server.js";
import { trackerPaths } from "../../tracker/paths.js";
import { UsageError, type CliIO } from "../io.js";
import type { Register } from "../register.js";



/** The flags of `aurora serve`. */
export interface ServeFlags {
  readonly port?: string;
  readonly host?: string;
  readonly root?: string;
  readonly static?: string;
  readonly allowOrigin?: string[];
}

/** `8888` -> 8888. @throws UsageError naming where the value came from */
export function parsePort(text: string, from: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`${from}: "${text}" is not a port (0-65535)`);
  return Number(text);
}

/** Flags, then environment, then defaults (127.0.0.1:8888, no key). */
export function serveConfigFrom(flags: ServeFlags, io: CliIO): ServeConfig {
  const env = io.env;
  const portText = flags.port ?? env["AURORA_PORT"];
  const port = portText === undefined ? 8888 : parsePort(portText, flags.port === undefined ? "AURORA_PORT" : "--port");
  const key = env["AURORA_API_KEY"];
  return {
    host: flags.host ?? env["AURORA_HOST"] ?? "127.0.0.1",
    port,
    apiKey: key === undefined || key === "" ? undefined : key,
    paths: trackerPaths(resolve(io.cwd, flags.root ?? ".")),
    staticDir: flags.static === undefined ? undefined : resolve(io.cwd, flags.static),
    allowedOrigins: flags.allowOrigin ?? [],
    log: (line) => io.err(line),
  };
}

/** Resolves on Ctrl-C or SIGTERM. */
export async function untilSignal(): Promise<void> {
  await Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
}

function describeStart(io: CliIO, url: string, config: ServeConfig, staticDir: string | undefined): void {
  io.out(`Aurora-X tracker at ${url}/tracker (API ${url}/api, live ${url.replace(/^http/, "ws")}/api/live)`);
  io.out(staticDir === undefined ? "/ shows the tracker (no site/dist or runs/latest to serve)" : `/ serves ${staticDir}`);
  io.out(config.apiKey === undefined ? "writes: disabled (set AURORA_API_KEY to allow updates from the HUD and the API)" : "writes: enabled with AURORA_API_KEY");
  io.out("Ctrl-C stops");
}

async function start(config: ServeConfig): Promise<Awaited<ReturnType<typeof startServer>>> {
  try {
    return await startServer(config);
  } catch (e) {
    if (e instanceof ServeConfigError) throw new UsageError(e.message, { cause: e });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new UsageError(`port ${config.port} on ${config.host} is in use: pick another with --port or AURORA_PORT`, { cause: e });
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new UsageError(`cannot listen on ${config.host}: no such local address`, { cause: e });
    throw e;
  }
}

/** The command, with how it waits for the end injectable (tests stop it without signals). */
export function makeRegister(until: () => Promise<void> = untilSignal): Register {
  return (program: Command, io: CliIO) => {
    program
      .command("serve")
      .description("serve the tracker: REST API, live updates, the HUD page and the site or latest report")
      .option("--port <port>", "TCP port (env AURORA_PORT, default 8888)")
      .option("--host <host>", "address to listen on (env AURORA_HOST, default 127.0.0.1); others need AURORA_API_KEY")
      .option("--root <dir>", "project folder holding progress.json, history/ and runs/ (default: the working folder)")
      .option("--static <dir>", "folder served at / (default: site/dist, else runs/latest)")
      .option("--allow-origin <origin...>", "other origins allowed to listen and write (e.g. http://localhost:4321)")
      .action(async (flags: ServeFlags) => {
        const config = serveConfigFrom(flags, io);
        const server = await start(config);
        describeStart(io, server.url, config, server.staticDir);
        await until();
        await server.close();
      });
  };
}

/** `aurora serve`, stopped by Ctrl-C / SIGTERM. */
export const register: Register = makeRegister();
