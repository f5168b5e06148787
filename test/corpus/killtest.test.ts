import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";
import { killTest } from "../../bench/corpus-killtest.js";
import { removeDir, tempDir } from "./helpers.js";

// The writers are separate Node processes running the compiled store (build/, built by vitest.setup.ts).
const STORE = fileURLToPath(new URL("../../build/corpus/store.js", import.meta.url));
let root = "";
afterAll(async () => {
  if (root) await removeDir(root);
});

test("SIGKILLed writers never lose an acknowledged record and the index always recovers (20 kills)", async () => {
  expect(existsSync(STORE), `${STORE} is missing: run npm run build`).toBe(true);
  root = await tempDir("aurora-killtest-");
  const dir = path.join(root, ".aurora");
  const r = await killTest({ kills: 20, dir, storeModule: STORE, seed: 20, maxDelayMs: 500 });
  expect(r.problems).toEqual([]);
  expect(r.kills).toBe(20);
  expect(r.acknowledged).toBeGreaterThan(20);
  expect(r.lost).toBe(0);
  expect(r.unrecoverable).toBe(0);
  expect(r.recoveries.staleLocks).toBeGreaterThan(0);
}, 90_000);
