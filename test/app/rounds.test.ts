import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSynth, type SynthEvent, type SynthReport } from "../../src/app/synth.js";
import { removeDir, tempDir } from "../corpus/helpers.js";

const SPECS = `from typing import List

def double_all(xs: List[int]) -> List[int]:
    """Double every number.

    >>> double_all([1, 2, 3])
    [2, 4, 6]
    >>> double_all([-5, 10])
    [-10, 20]
    """


def noise(a: int) -> int:
    """No program of the DSL gives these outputs.

    >>> noise(1)
    918273
    >>> noise(2)
    5
    >>> noise(3)
    77777
    >>> noise(4)
    -12345
    """
`;

describe("multi-round runs", () => {
  let dir = "";
  let report: SynthReport;
  const events: SynthEvent[] = [];
  beforeAll(async () => {
    dir = await tempDir("aurora-rounds-");
    await writeFile(path.join(dir, "specs.py"), SPECS);
    report = await runSynth({ inputs: ["specs.py"], outDir: path.join(dir, "out"), cwd: dir, timeoutMs: 300, rounds: 3, generatedInputs: 0 }, (e) => events.push(e));
  }, 60_000);
  afterAll(async () => removeDir(dir));

  it("retry only the specs still unsolved, each round with twice the budget", () => {
    const rounds = events.filter((e) => e.kind === "round");
    expect(rounds).toEqual([
      { kind: "round", round: 1, specs: 2, timeoutMs: 300 },
      { kind: "round", round: 2, specs: 1, timeoutMs: 600 },
      { kind: "round", round: 3, specs: 1, timeoutMs: 1200 },
    ]);
    const attempts = events.flatMap((e) => (e.kind === "spec" ? [`${e.outcome.name}@${e.outcome.round}`] : []));
    expect(attempts.sort()).toEqual(["double_all@1", "noise@1", "noise@2", "noise@3"]);
    const noise = report.specs.find((s) => s.name === "noise")!;
    expect(noise).toMatchObject({ status: "unsolved", round: 3, stop_reason: "time limit (1.2 s)" });
  });

  it("record per-round solved counts and times in scores.json (the learning curve)", async () => {
    const perRound = report.summary.per_round;
    expect(perRound.map((r) => [r.round, r.solved])).toEqual([[1, 1], [2, 1], [3, 1]]);
    // Each round waits for its slowest search: at least the budget of the unsolved spec.
    expect(perRound[1]!.time_ms).toBeGreaterThanOrEqual(550);
    expect(perRound[2]!.time_ms).toBeGreaterThan(perRound[1]!.time_ms);
    const scores = JSON.parse(await readFile(path.join(dir, "out", "scores.json"), "utf8")) as { summary: { per_round: unknown } };
    expect(scores.summary.per_round).toEqual(perRound);
  });
});
