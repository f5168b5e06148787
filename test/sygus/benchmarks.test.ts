// Every SyGuS benchmark file in ../shared/benchmarks parses, or is reported "unsupported:" (never a crash), and
// EuPhony's reference solutions read back as programs that satisfy their own examples under our semantics.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pyEq, type Value } from "../../src/dsl/values.js";
import { run } from "../../src/eval/interp.js";
import { formatSpecError, parseSpecText } from "../../src/spec/index.js";

const ROOT = join(import.meta.dirname, "../../../shared/benchmarks");
const SETS = ["sygus-pbe-strings-2017", "euphony-string-train"] as const;

function files(set: string): string[] {
  const dir = join(ROOT, set);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".sl")).sort().map((f) => join(dir, f)) : [];
}

describe.each(SETS)("benchmark set %s", (set) => {
  const all = files(set);

  it.skipIf(all.length === 0)("every file parses or is reported unsupported", () => {
    let supported = 0;
    const unsupported: string[] = [];
    for (const f of all) {
      const r = parseSpecText(readFileSync(f, "utf8"), f);
      for (const e of r.errors) expect(e.message, formatSpecError(e)).toMatch(/^unsupported: /);
      unsupported.push(...r.errors.map(formatSpecError));
      supported += r.problems.length;
      expect(r.problems.length + r.errors.length, f).toBeGreaterThan(0);
    }
    console.log(`${set}: ${all.length} files, ${supported} problems supported, ${unsupported.length} unsupported`, unsupported);
    expect(supported).toBe(all.length);
  });

  it.skipIf(all.length === 0)("reference solutions, where present, satisfy their examples", () => {
    let refs = 0;
    for (const f of all) {
      for (const p of parseSpecText(readFileSync(f, "utf8"), f).problems) {
        const ref = p.sygus?.reference;
        if (!ref) continue;
        refs++;
        expect(ref.program, `${f}: ${ref.text}`).toBeDefined();
        expect(ref.size).toBeGreaterThan(0);
        for (const ex of p.examples) {
          const got = run(ref.program!, p.params.map((x) => x.name), ex.inputs);
          expect(pyEq(got as Value, ex.output), `${f}:${ex.line}: ${ref.text} gives ${String(got)}`).toBe(true);
        }
      }
    }
    if (set === "euphony-string-train") expect(refs).toBe(all.length);
  });
});
