// Tests that start the real CLI need the compiled build/ (bin/aurora.js imports build/cli/main.js).
// tsc emits even when it reports type errors; `npm test` runs the type check separately, so errors only warn here.
//
// Every temporary file of the run (tests' mkdtemp folders, the CLI processes they start, the browser's profile)
// goes under one folder that is removed at the end, so a run leaves nothing behind in the system's temp folder.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export default function setup(): () => void {
  try {
    execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "pipe" });
  } catch {
    process.stderr.write("vitest setup: tsc reported errors while building build/ (see `npm run typecheck`)\n");
  }
  const root = mkdtempSync(path.join(tmpdir(), "aurora-tests-"));
  // Test workers and the processes they spawn inherit the environment: os.tmpdir() is `root` for all of them.
  process.env["TMPDIR"] = root;
  return () => {
    if (process.env["AURORA_KEEP_TEST_TMP"] === "1") process.stderr.write(`test temp files kept in ${root}\n`);
    else rmSync(root, { recursive: true, force: true });
  };
}
