/**
 * Imported first by the entries: the bundled node-sqlite3-wasm (emscripten, written for CommonJS) reads
 * `__dirname` to find its `.wasm` file, which does not exist in an ES module. Point it at the bundle's folder
 * (dist/), where the build copies the `.wasm` (docs/adr/0010-action-dist.md).
 */
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const g = globalThis as { __dirname?: string };
g.__dirname ??= dirname(fileURLToPath(import.meta.url));
