// End to end: synthesize() solves a dozen easy PBE-Strings tasks from ../shared/benchmarks within their grammars.
// The full set is a benchmark (aurora bench sygus), not a test.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { opsOf } from "../../src/dsl/expr.js";
import { pyEq, type Value } from "../../src/dsl/values.js";
import { emitSygusDefineFun } from "../../src/emit/sygus.js";
import { run } from "../../src/eval/interp.js";
import { synthesize } from "../../src/search/synthesize.js";
import { parseSpecText } from "../../src/spec/index.js";
import type { SygusRule } from "../../src/spec/sygus.js";

const DIR = join(import.meta.dirname, "../../../shared/benchmarks/sygus-pbe-strings-2017");
const TASKS = [
  "phone",
  "phone-1",
  "phone-2_short",
  "phone-4_short",
  "firstname",
  "firstname_small",
  "lastname_small",
  "name-combine",
  "name-combine_short",
  "name-combine-2",
  "reverse-name",
  "bikes",
];

function opsOfRule(r: SygusRule, out: Set<string>): void {
  if (r.kind !== "op") return;
  out.add(r.prim);
  r.args.forEach((a) => opsOfRule(a, out));
}

describe.skipIf(!existsSync(DIR))("synthesize on PBE-Strings 2017", () => {
  it.each(TASKS)("solves %s within its grammar", (task) => {
    const file = join(DIR, `${task}.sl`);
    const problem = parseSpecText(readFileSync(file, "utf8"), file).problems[0]!;
    const r = synthesize(problem, { timeoutMs: 10_000 });
    expect(r.stop.kind, JSON.stringify(r.stop)).toBe("solved");
    const program = r.program!;
    const allowed = new Set<string>();
    for (const n of problem.sygus!.grammar.nonterminals) for (const rule of n.rules) opsOfRule(rule, allowed);
    expect(opsOf(program).filter((op) => !allowed.has(op))).toEqual([]);
    for (const ex of problem.examples) {
      const got = run(program, problem.params.map((p) => p.name), ex.inputs);
      expect(pyEq(got as Value, ex.output), `${emitSygusDefineFun(problem, program)} on line ${ex.line}`).toBe(true);
    }
  });
});
