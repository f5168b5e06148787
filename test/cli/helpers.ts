import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "../../src/cli/main.js";
import type { CliIO } from "../../src/cli/io.js";

/** Runs the CLI in-process in `cwd`, capturing its output. */
export async function aurora(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { out: (t) => void (out += t + "\n"), err: (t) => void (err += t + "\n"), isTTY: false, cwd, env: { ...env } };
  const code = await run(args, io);
  return { code, out, err };
}

export async function tempDir(prefix = "aurora-test-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}
