/** Real run folders on disk for the CLI, report and site tests. */
import { mkdir, writeFile } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pointLatest, writeRun } from "../../src/app/runs.js";
import type { SpecScore } from "../../src/report/schema.js";
import { meta, scores, spec } from "./fixtures.js";

/** Hostile strings a user could put in names, descriptions and programs. */
export const HOSTILE = {
  name: `x"><script>alert("name")</script><img src=x onerror=alert(1)>`,
  file: `specs/</style><script>alert('file')</script>.py`,
  program: `"</script><script>alert('prog')</script>" + 'javascript:alert(1)'`,
  branch: `main"><svg onload=alert(2)>`,
  url: "javascript:alert(document.domain)",
};

/** A fresh temp folder. */
export async function tempRoot(prefix = "aurora-report-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** The run id of the i-th run of a day (sortable). */
export function runId(i: number): string {
  return `20250101T${String(100000 + i * 100).padStart(6, "0")}Z-${(0xa000 + i).toString(16)}`;
}

/** Writes runs `runs/<id>/` from spec lists (oldest first) and points runs/latest at the last. Returns the ids. */
export async function writeRuns(root: string, runs: readonly SpecScore[][], over: (i: number) => Partial<Parameters<typeof meta>[1]> = () => ({})): Promise<string[]> {
  const runsDir = path.join(root, "runs");
  const ids: string[] = [];
  for (const [i, specs] of runs.entries()) {
    const id = runId(i);
    await writeRun(path.join(runsDir, id), scores(specs, [{ round: 1, solved: specs.length - 1, time_ms: 100 }, { round: 2, solved: specs.length, time_ms: 300 }]), meta(id, { created: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(), ...over(i) }));
    ids.push(id);
  }
  await pointLatest(runsDir, ids.at(-1)!);
  return ids;
}

/** Three runs of a small suite where the last one loses `add_one` and slows `slugify`; code/ for the last. */
export async function demoRuns(root: string): Promise<string[]> {
  const shared = ["add", "int", ["len", "int", ["$", "s", "str"]], ["#", 1, "int"]];
  const base = (t: number): SpecScore[] => [
    spec("add_one"),
    spec("slugify", { time_ms: 100 + t, dsl: ["neg", "int", shared] }),
    spec("pad", { dsl: ["abs", "int", shared] }),
    spec("reverse", { status: "unsolved", score: 0.5, program: null, dsl: null, size: 0 }),
  ];
  const last = base(0).map((s) => (s.name === "add_one" ? { ...s, status: "unsolved" as const, score: 0.5, program: null, dsl: null, size: 0 } : s.name === "slugify" ? { ...s, time_ms: 900 } : s));
  const ids = await writeRuns(root, [base(0), base(5), last]);
  const code = path.join(root, "runs", ids.at(-1)!, "code");
  await mkdir(code, { recursive: true });
  await writeFile(path.join(code, "pad.py"), "def pad(s: str) -> int:\n    return abs(len(s) + 1)\n");
  return ids;
}
