/**
 * Differential property test (issue 2, section 3): for every primitive of the Python DSL and every
 * instantiation over a representative type set, random arguments evaluated by the interpreter and by real
 * python3 give equal results, including which inputs raise and with which exception class.
 *
 * Seeded and deterministic. Cases where the evaluator refuses a huge value (ResourceLimit) are skipped and
 * counted. Deliberate exclusions are listed in EXCLUDED with their reason.
 * DIFF_STATS=1 prints, per primitive, how many cases agreed on a value and how many on an exception.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mono, type Primitive } from "../../src/dsl/primitive.js";
import { PYTHON_PRIMS, registerPrims } from "../../src/dsl/prims/index.js";
import { INT } from "../../src/dsl/types.js";
import type { PyInt, Value } from "../../src/dsl/values.js";
import { PythonWorker } from "../../src/validate/pyworker.js";
import { makeRng } from "../../src/validate/random.js";
import { randomCase, type Case } from "./diff/cases.js";
import { diffCases, mismatchTable, type DiffReport } from "./diff/compare.js";
import { CURATED, curatedCase, type CuratedRow } from "./diff/curated.js";
import { instancesOf, type Instance } from "./diff/instances.js";

/** Cases per primitive, spread over its instances (each instance gets between MIN and MAX). */
const PER_PRIM = 1500;
const MIN_PER_INSTANCE = 60;
const MAX_PER_INSTANCE = 500;

/** Primitives left out of the comparison, with the reason. */
const EXCLUDED: Readonly<Record<string, string>> = {};

/**
 * Float results that may differ from Python's by one ulp: CPython's float `**` is the platform's pow()
 * (glibc's errs up to 0.52 ulp: near-halfway results round either way), ours is correctly rounded.
 */
const FLOAT_ULPS: Readonly<Record<string, number>> = { "float.pow": 1 };

/** Inputs outside a primitive's typed domain, where Python's result has a type the DSL cannot hold. */
interface DomainExclusion {
  readonly reason: string;
  readonly excludes: (args: readonly Value[]) => boolean;
}

const DOMAIN_EXCLUSIONS: Readonly<Record<string, DomainExclusion>> = {
  "int.pow": { reason: "int ** negative int is a float in Python (the DSL types int.pow as int)", excludes: ([, e]) => (e as PyInt) < 0 },
  "float.pow": {
    reason: "a negative float ** a fractional exponent is a complex in Python",
    excludes: ([b, e]) => (b as number) < 0 && Number.isFinite(e as number) && !Number.isInteger(e as number),
  },
};

/** A stable 32-bit seed from a primitive's name (FNV-1a), so adding primitives does not move the others' cases. */
function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function casesFor(p: Primitive, instances: readonly Instance[]): Case[] {
  const rng = makeRng(seedOf(p.name));
  const n = Math.min(MAX_PER_INSTANCE, Math.max(MIN_PER_INSTANCE, Math.ceil(PER_PRIM / Math.max(1, instances.length))));
  const all = instances.flatMap((inst) => Array.from({ length: n }, (_, i) => randomCase(inst, i, rng)));
  const domain = DOMAIN_EXCLUSIONS[p.name];
  return domain ? all.filter((cs) => !domain.excludes(cs.values)) : all;
}

let worker: PythonWorker;
const totals = { prims: 0, instances: 0, cases: 0, resource: 0 };

beforeAll(async () => {
  worker = await PythonWorker.start({ timeoutMs: 5000, maxReprChars: 10_000_000 });
});

afterAll(async () => {
  await worker?.close();
  console.log(`differential: ${totals.prims} primitives, ${totals.instances} instances, ${totals.cases} cases, ${totals.resource} skipped as ResourceLimit`);
});

async function check(p: Primitive): Promise<DiffReport> {
  const instances = instancesOf(p);
  expect(instances.length, `${p.name} has no instance over the test's type universe`).toBeGreaterThan(0);
  const report = await diffCases(worker, casesFor(p, instances), { floatUlps: FLOAT_ULPS[p.name] ?? 0 });
  totals.prims++;
  totals.instances += instances.length;
  totals.cases += report.total;
  totals.resource += report.resource;
  if (process.env["DIFF_STATS"]) console.log(`STAT ${p.name} total=${report.total} values=${report.agreed - report.agreedRaising} raising=${report.agreedRaising} resource=${report.resource}`);
  return report;
}

describe("interpreter agrees with python3 on random inputs", () => {
  for (const p of PYTHON_PRIMS) {
    const reason = EXCLUDED[p.name];
    if (reason) {
      it.skip(`${p.name} (excluded: ${reason})`, () => {});
      continue;
    }
    it(p.name, async () => {
      const report = await check(p);
      expect(report.mismatches.length, `${p.name}: ${report.mismatches.length} of ${report.total} cases disagree\n${mismatchTable(report.mismatches)}`).toBe(0);
      expect(report.resource, `${p.name}: too many cases skipped as ResourceLimit`).toBeLessThan(report.total / 4);
    });
  }
});

describe("curated edge cases agree with python3", () => {
  const label = (row: CuratedRow): string => `${row[0]} ${row.slice(2).map((a) => (a.length > 24 ? a.slice(0, 20) + "…" : a)).join(", ")}`;
  it.each(CURATED.map((row) => [label(row), row] as const))("%s", async (_name, row) => {
    const cs = curatedCase(row);
    if (typeof cs === "string") throw new Error(cs);
    const report = await diffCases(worker, [cs], { floatUlps: FLOAT_ULPS[row[0]] ?? 0 });
    expect(report.mismatches, mismatchTable(report.mismatches)).toEqual([]);
  });
});

describe("the differential test can fail", () => {
  it("catches a primitive with truncating instead of flooring division", async () => {
    const floordiv = PYTHON_PRIMS.find((p) => p.name === "int.floordiv") as Primitive;
    const broken: Primitive = { ...floordiv, name: "test.broken_floordiv", sig: mono([INT, INT], INT), impl: (a, b) => (b === 0 ? 0 : Math.trunc(Number(a) / Number(b))) };
    registerPrims([broken]);
    const report = await diffCases(worker, casesFor(broken, instancesOf(broken)));
    expect(report.mismatches.length).toBeGreaterThan(0);
    expect(mismatchTable(report.mismatches)).toContain("test.broken_floordiv(int, int) -> int");
    expect(mismatchTable(report.mismatches)).toMatch(/raise ZeroDivisionError/);
  });
});
