import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { OpTree, TrainingProgram } from "../src/learn/weights.js";

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

/** One training program per tree (a task with several expressions counts each; weight 1/trees so tasks weigh alike). */
export function toTraining(tasks: readonly MbppTrees[]): TrainingProgram[] {
  return tasks.flatMap((t) => t.trees.map((tree) => ({ description: t.text, tree, weight: 1 / t.trees.length })));
}
