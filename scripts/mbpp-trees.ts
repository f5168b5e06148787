import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { OpTree, TrainingProgram } from "../src/learn/weights.js";
import { specFeatures } from "../src/search/features.js";
import { parseMbpp } from "../src/spec/mbpp.js";
import type { Problem } from "../src/spec/problem.js";

/** MBPP tasks as training programs: the reference solutions' expressions as op trees (scripts/python_op_trees.py). */
export interface MbppTrees {
  readonly taskId: number;
  readonly text: string;
  readonly trees: readonly OpTree[];
}

export function mbppTrees(file: string, python = "python3"): MbppTrees[] {
  const script = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "..", "scripts", "python_op_trees.py");
  const out = execFileSync(python, [script], { input: readFileSync(file), maxBuffer: 64 * 2 ** 20 }).toString();
  return out
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const d = JSON.parse(l) as { task_id: number; text: string; trees: OpTree[] };
      return { taskId: d.task_id, text: d.text, trees: d.trees };
    });
}

/** The MBPP file's tasks as problems (the last `holdout` asserts held out), by task id; tasks that do not load are absent. */
export function mbppProblems(file: string, holdout = 0): Map<number, Problem> {
  const problems = parseMbpp(readFileSync(file, "utf8"), file, { holdout }).problems;
  return new Map(problems.flatMap((p) => (p.taskId === undefined ? [] : [[p.taskId, p] as const])));
}

/**
 * One training item per task with reference expressions: the expressions are fragments of imperative code (loop
 * conditions, index arithmetic), so they teach the description model which primitives go with the task's
 * features, not production frequencies. Features come from the task's problem (name, signature, examples) when it
 * loads, else from its text alone.
 */
export function toTraining(tasks: readonly MbppTrees[], problems: ReadonlyMap<number, Problem> = new Map()): TrainingProgram[] {
  return tasks.flatMap((t) => {
    if (t.trees.length === 0) return [];
    const p = problems.get(t.taskId);
    return [{ description: t.text, tree: { op: "(fragments)", kids: t.trees }, fragment: true, group: `mbpp:${t.taskId}`, ...(p ? { features: specFeatures(p) } : {}) }];
  });
}
