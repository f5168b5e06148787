import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { makeRegister, parsePort, serveConfigFrom } from "../../src/cli/commands/serve.js";
import { register as progress } from "../../src/cli/commands/progress.js";
import { runCli } from "../tracker/cli-harness.js";
import { tempDir } from "../tracker/helpers.js";

/** `aurora serve` that stops when `stop()` is called instead of on a signal. */
function stoppable(): { register: ReturnType<typeof makeRegister>; stop: () => void } {
  let stop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  return { register: makeRegister(() => stopped), stop };
}

describe("aurora serve", () => {
  it("starts, prints where, serves, and stops", async () => {
    const dir = await tempDir();
    await runCli([progress], ["progress", "init", "--template", "seed"], dir);
    const { register, stop } = stoppable();
    let announce = (_url: string): void => undefined;
    const announced = new Promise<string>((resolve) => (announce = resolve));
    const done = runCli([register], ["serve", "--port", "0"], dir, { AURORA_API_KEY: "k-0123456789abcdef" }, (line) => {
      const m = /tracker at (http:\/\/127\.0\.0\.1:\d+)\/tracker/.exec(line);
      if (m !== null) announce(m[1]!);
    });
    const url = await announced;
    const res = await fetch(`${url}/api/progress`);
    expect(((await res.json()) as { writable: boolean }).writable).toBe(true);
    stop();
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.out).toContain("writes: enabled with AURORA_API_KEY");
    await expect(fetch(`${url}/api/progress`)).rejects.toThrow();
  });

  it("refuses a public host without a key (exit 2, clear message)", async () => {
    const dir = await tempDir();
    const r = await runCli([stoppable().register], ["serve", "--port", "0"], dir, { AURORA_HOST: "0.0.0.0" });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^aurora: refusing to listen on 0\.0\.0\.0 without AURORA_API_KEY/);
  });

  it("says when the port is taken", async () => {
    const dir = await tempDir();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await runCli([stoppable().register], ["serve", "--port", String(port)], dir);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`aurora: port ${port} on 127.0.0.1 is in use: pick another with --port or AURORA_PORT`);
    } finally {
      blocker.close();
    }
  });

  it.each([
    ["--port", "http", '--port: "http" is not a port (0-65535)'],
    ["--port", "70000", '--port: "70000" is not a port (0-65535)'],
  ])("%s %s is a usage error", async (flag, value, message) => {
    const dir = await tempDir();
    const r = await runCli([stoppable().register], ["serve", flag, value], dir);
    expect(r).toMatchObject({ code: 2, err: `aurora: ${message}` });
  });

  it("reads the environment at the edge, flags first", () => {
    const io = { out: () => undefined, err: () => undefined, isTTY: false, cwd: "/p", env: { AURORA_PORT: "9000", AURORA_HOST: "::1", AURORA_API_KEY: "" } };
    const c = serveConfigFrom({}, io);
    expect({ port: c.port, host: c.host, apiKey: c.apiKey, root: c.paths.root }).toEqual({ port: 9000, host: "::1", apiKey: undefined, root: "/p" });
    expect(serveConfigFrom({ port: "7000", host: "127.0.0.1" }, io)).toMatchObject({ port: 7000, host: "127.0.0.1" });
    expect(() => parsePort("-1", "AURORA_PORT")).toThrow('AURORA_PORT: "-1" is not a port (0-65535)');
  });
});
