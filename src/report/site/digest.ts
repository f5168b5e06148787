/**
 * Run digests: the columns of a run the dashboard's history needs (status, score, time, size per function), and
 * back to records whose programs are unknown (null), which the comparison rules accept. Pure.
 */
import { SPEC_STATUS, type FunctionTable, type RunDigest, type RunRecord, type SpecScore } from "../schema.js";

/** Builds the function table and the digests of validated run records (functions identified by name and file). */
export function digestRuns(runs: readonly RunRecord[]): { table: FunctionTable; digests: RunDigest[] } {
  const table: FunctionTable = { name: [], file: [] };
  const index = new Map<string, number>();
  const fnIndex = (s: SpecScore): number => {
    const id = `${s.file}\u0000${s.name}`;
    let i = index.get(id);
    if (i === undefined) {
      i = table.name.push(s.name) - 1;
      table.file.push(s.file);
      index.set(id, i);
    }
    return i;
  };
  const digests = runs.map((r): RunDigest => {
    const specs = r.scores.specs;
    return {
      meta: r.meta,
      summary: r.scores.summary,
      errors: r.scores.errors,
      fns: {
        fn: specs.map(fnIndex),
        status: specs.map((s) => SPEC_STATUS.indexOf(s.status)),
        score: specs.map((s) => s.score),
        time_ms: specs.map((s) => s.time_ms),
        size: specs.map((s) => s.size),
      },
    };
  });
  return { table, digests };
}

/** A run record from a digest: programs, DSL and details are unknown (null / empty), lines 0. */
export function expandDigest(d: RunDigest, table: FunctionTable): RunRecord {
  const f = d.fns;
  const specs: SpecScore[] = f.fn.map((fn, i) => ({
    name: table.name[fn] ?? `#${fn}`,
    file: table.file[fn] ?? "",
    line: 0,
    status: SPEC_STATUS[f.status[i]!] ?? "error",
    score: f.score[i]!,
    time_ms: f.time_ms[i]!,
    size: f.size[i]!,
    candidates: 0,
    stop_reason: "",
    program: null,
    dsl: null,
    heldout: { passed: 0, failed: 0 },
    round: 1,
    warnings: [],
  }));
  return { meta: d.meta, scores: { specs, errors: d.errors, summary: d.summary } };
}

/** Digests for all runs plus full records for the newest ones: the full record wins where both exist. */
export function mergeRuns(digests: readonly RunDigest[], table: FunctionTable, full: readonly RunRecord[]): RunRecord[] {
  const byId = new Map(full.map((r) => [r.meta.run_id, r]));
  return digests.map((d) => byId.get(d.meta.run_id) ?? expandDigest(d, table));
}
