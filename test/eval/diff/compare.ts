/**
 * Runs cases through the interpreter and through real Python, and compares: both raise the same exception
 * class, or both give the same value (the same `repr()`, with sets compared as sets, and the same type).
 */
import { pyRepr } from "../../../src/dsl/repr.js";
import type { Type } from "../../../src/dsl/types.js";
import { RESOURCE, isError, type Result } from "../../../src/dsl/values.js";
import { exprToPython } from "../../../src/emit/python.js";
import { evaluate } from "../../../src/eval/interp.js";
import { parsePyLiteral } from "../../../src/spec/pyliteral.js";
import type { PyOutcome, PythonWorker } from "../../../src/validate/pyworker.js";
import type { Case } from "./cases.js";

/** A disagreement, in readable form. */
export interface Mismatch {
  readonly key: string;
  readonly source: string;
  readonly bindings: Readonly<Record<string, string>>;
  readonly ours: string;
  readonly python: string;
}

/** Counts and disagreements of one batch of cases. */
export interface DiffReport {
  readonly total: number;
  readonly agreed: number;
  /** Agreements where both sides raised (the same exception class). */
  readonly agreedRaising: number;
  /** Cases where the evaluator refused a huge value (ResourceLimit): not comparable, counted. */
  readonly resource: number;
  readonly mismatches: Mismatch[];
}

/** The interpreter's outcome, or the JS exception it threw (always a bug: errors must be values). */
type Ours = { readonly result: Result } | { readonly thrown: string };

function runOurs(cs: Case): Ours {
  try {
    return { result: evaluate(cs.expr, cs.env) };
  } catch (e) {
    return { thrown: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

/** Options of {@link diffCases}. */
export interface DiffOptions {
  /** Python expressions per worker round trip. @default 4000 */
  readonly batch?: number;
  /** Accept float results this many units in the last place apart (for platform-dependent libm results). @default 0 */
  readonly floatUlps?: number;
}

/**
 * Evaluates every case on both sides and compares the outcomes. Cases the interpreter refuses as ResourceLimit
 * are counted and not sent to Python (which would spend seconds building the huge value).
 */
export async function diffCases(worker: PythonWorker, cases: readonly Case[], opts: DiffOptions = {}): Promise<DiffReport> {
  const batch = opts.batch ?? 4000;
  const report = { total: cases.length, agreed: 0, agreedRaising: 0, resource: 0, mismatches: [] as Mismatch[] };
  const ours = cases.map(runOurs);
  const live = cases.map((_, i) => i).filter((i) => !isResource(ours[i] as Ours));
  report.resource = cases.length - live.length;
  for (let start = 0; start < live.length; start += batch) {
    const chunk = live.slice(start, start + batch);
    const sources = chunk.map((i) => exprToPython((cases[i] as Case).expr));
    const py = await worker.evalMany(chunk.map((i, k) => ({ source: sources[k] as string, bindings: (cases[i] as Case).bindings })));
    chunk.forEach((i, k) => {
      const cs = cases[i] as Case;
      const verdict = judge(ours[i] as Ours, py[k] as PyOutcome, cs.instance.ret, opts.floatUlps ?? 0);
      if (verdict === "agree") {
        report.agreed++;
        if (py[k]?.ok === false) report.agreedRaising++;
      } else report.mismatches.push({ key: cs.instance.key, source: sources[k] as string, bindings: cs.bindings, ...verdict });
    });
  }
  return report;
}

const isResource = (o: Ours): boolean => "result" in o && o.result === RESOURCE;

type Verdict = "agree" | { readonly ours: string; readonly python: string };

function judge(ours: Ours, py: PyOutcome, ret: Type, ulps: number): Verdict {
  const pyText = describePy(py, ret);
  if ("thrown" in ours) return { ours: `JS exception ${ours.thrown}`, python: pyText };
  const r = ours.result;
  if (isError(r)) {
    return py.ok === false && py.kind === "exception" && py.error === r.kind ? "agree" : { ours: `raise ${r.kind}`, python: pyText };
  }
  const mine = pyRepr(r, ret);
  const same = pyText === mine || (ret.kind === "float" && ulpDistance(Number(pyText), r as number) <= ulps);
  return py.ok && same && typeMatches(py.type, ret) ? "agree" : { ours: mine, python: py.ok ? `${pyText} (${py.type})` : pyText };
}

/** How many doubles lie between a and b (Infinity when either is nan or their signs differ). */
function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b) || Math.sign(a) !== Math.sign(b)) return a === b ? 0 : Infinity;
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, Math.abs(a));
  view.setFloat64(8, Math.abs(b));
  const d = view.getBigInt64(0) - view.getBigInt64(8);
  return Number(d < 0n ? -d : d);
}

/** Python's outcome as text: the value's repr (sets re-printed sorted, as pyRepr prints them) or the exception. */
function describePy(py: PyOutcome, ret: Type): string {
  if (!py.ok) return py.kind === "exception" ? `raise ${py.error}` : `${py.kind}: ${py.message}`;
  if (!containsSet(ret)) return py.repr;
  const parsed = parsePyLiteral(py.repr);
  return parsed.ok ? pyRepr(parsed.value.value, ret) : py.repr;
}

function containsSet(t: Type): boolean {
  switch (t.kind) {
    case "set":
      return true;
    case "list":
    case "vtuple":
    case "optional":
      return containsSet(t.el);
    case "tuple":
      return t.els.some(containsSet);
    case "dict":
      return containsSet(t.key) || containsSet(t.val);
    default:
      return false;
  }
}

const PY_TYPE: Partial<Record<Type["kind"], string>> = { vtuple: "tuple", none: "NoneType" };

/** True when Python's `type(v).__name__` is the static type's class. */
function typeMatches(name: string, t: Type): boolean {
  if (t.kind === "optional") return name === "NoneType" || typeMatches(name, t.el);
  return name === (PY_TYPE[t.kind] ?? t.kind);
}

/** A readable table of the first `limit` mismatches, one per line. */
export function mismatchTable(ms: readonly Mismatch[], limit = 30): string {
  const rows = ms.slice(0, limit).map((m) => {
    const binds = Object.entries(m.bindings).map(([k, val]) => `${k}=${cut(val)}`).join(", ");
    return `| ${m.key} | ${cut(m.source)} | ${binds} | ${cut(m.ours)} | ${cut(m.python)} |`;
  });
  const more = ms.length > limit ? [`... and ${ms.length - limit} more`] : [];
  return ["| instance | python | arguments | ours | python's |", ...rows, ...more].join("\n");
}

function cut(s: string, n = 120): string {
  return s.length > n ? s.slice(0, n) + "…" : s;
}
