/** Small run records for the report tests: a spec, a run's scores and meta with sensible defaults. */
import type { RunMeta, RunScores, SpecScore } from "../../src/report/schema.js";

/** A solved spec `name` (score 1, 10 ms, 3 nodes) with `over` applied. */
export function spec(name: string, over: Partial<SpecScore> = {}): SpecScore {
  return {
    name,
    file: "specs/demo.py",
    line: 1,
    status: "solved",
    score: 1,
    time_ms: 10,
    size: 3,
    candidates: 100,
    stop_reason: "solved",
    program: "x + 1",
    dsl: ["add", "int", ["$", "x", "int"], ["#", 1, "int"]],
    heldout: { passed: 0, failed: 0 },
    round: 1,
    warnings: [],
    ...over,
  };
}

/** The scores of a run made of `specs` (summary derived). */
export function scores(specs: SpecScore[], perRound: RunScores["summary"]["per_round"] = []): RunScores {
  const count = (s: SpecScore["status"]): number => specs.filter((x) => x.status === s).length;
  return {
    specs,
    errors: [],
    summary: {
      total: specs.length,
      solved: count("solved"),
      ambiguous: count("ambiguous"),
      unsolved: count("unsolved"),
      errors: count("error"),
      time_ms: specs.reduce((t, s) => t + s.time_ms, 0),
      per_round: perRound,
    },
  };
}

/** A run's meta with a fixed machine and `over` applied. */
export function meta(runId: string, over: Partial<RunMeta> = {}): RunMeta {
  return {
    run_id: runId,
    created: "2025-01-01T12:00:00.000Z",
    engine_version: "0.1.0",
    commit: "0123456789abcdef0123456789abcdef01234567",
    branch: "main",
    node: "v20.20.2",
    os: "linux 6.1",
    cpu: "Test CPU @ 2.0GHz",
    cpus: 2,
    options: { timeout_ms: 10000, rounds: 1 },
    fingerprint: "abcdef0123456789",
    inputs: ["specs"],
    ...over,
  };
}

/** A run input for compareRuns. */
export function run(id: string, specs: SpecScore[], label = id, over: Partial<RunMeta> = {}): { scores: RunScores; meta: RunMeta; label: string } {
  return { scores: scores(specs), meta: meta(id, over), label };
}
