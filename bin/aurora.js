#!/usr/bin/env node
// Thin entry: everything lives in src/cli/main.ts (compiled to build/ by `npm run build`, run by `npm ci`).
import { run } from "../build/cli/main.js";

process.exitCode = await run(process.argv.slice(2));
