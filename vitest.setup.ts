// Tests that start the real CLI need the compiled build/ (bin/aurora.js imports build/cli/main.js).
// tsc emits even when it reports type errors; `npm test` runs the type check separately, so errors only warn here.
import { execFileSync } from "node:child_process";

export default function setup(): void {
  try {
    execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "pipe" });
  } catch {
    process.stderr.write("vitest setup: tsc reported errors while building build/ (see `npm run typecheck`)\n");
  }
}
