import { spawn } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { TEMP_FILE_PATTERN, writeFileAtomic } from "../../src/tracker/atomic.js";
import { tempDir } from "./helpers.js";

/** A child process that rewrites `target` with writeFileAtomic in a loop, as fast as it can. */
async function writerScript(dir: string): Promise<string> {
  const source = await readFile(new URL("../../src/tracker/atomic.ts", import.meta.url), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  await writeFile(join(dir, "atomic.mjs"), js);
  const script = join(dir, "writer.mjs");
  await writeFile(
    script,
    `import { writeFileAtomic } from "./atomic.mjs";
const [target] = process.argv.slice(2);
process.send?.("ready");
for (let n = 1; ; n++) await writeFileAtomic(target, JSON.stringify({ n, pad: "x".repeat(300000) }));
`,
  );
  return script;
}

function runAndKill(script: string, target: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, target], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("message", () => setTimeout(() => child.kill("SIGKILL"), afterMs));
    child.on("exit", (_code, signal) => (signal === "SIGKILL" ? resolve() : reject(new Error(`writer exited on its own: ${stderr}`))));
  });
}

describe("writeFileAtomic", () => {
  it("replaces the content and leaves no temp file", async () => {
    const dir = await tempDir();
    const file = join(dir, "progress.json");
    await writeFileAtomic(file, "one");
    await writeFileAtomic(file, "two");
    expect(await readFile(file, "utf8")).toBe("two");
    expect(await readdir(dir)).toEqual(["progress.json"]);
  });

  it("a writer killed at random moments never leaves a broken file (kill test)", async () => {
    const dir = await tempDir();
    const script = await writerScript(dir);
    const target = join(dir, "progress.json");
    await writeFileAtomic(target, JSON.stringify({ n: 0, pad: "x".repeat(300000) }));
    let highest = 0;
    for (const afterMs of [5, 17, 31, 53, 97, 150]) {
      await runAndKill(script, target, afterMs);
      const data = JSON.parse(await readFile(target, "utf8")) as { n: number; pad: string };
      expect(data.pad).toHaveLength(300000);
      highest = Math.max(highest, data.n);
    }
    expect(highest).toBeGreaterThan(0);
    const leftovers = (await readdir(dir)).filter((f) => !["progress.json", "atomic.mjs", "writer.mjs"].includes(f));
    expect(leftovers.every((f) => TEMP_FILE_PATTERN.test(f))).toBe(true);
  });
});
