/**
 * `npm run train-prior`: learns Aurora-X's shipped default prior (src/learn/prior.json) from public training data
 * only, reproducibly: the MBPP dev split's reference solutions (their expressions parsed to DSL op trees by
 * scripts/python_op_trees.py). The output records exactly which files (with sha256) and how many programs it used.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PYTHON_PRIMS } from "../src/dsl/prims/index.js";
import { learnWeights, weightsToJson } from "../src/learn/weights.js";
import { mbppTrees, toTraining } from "./mbpp-trees.js";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const shared = path.resolve(root, "..", "shared", "benchmarks");

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

function main(): void {
  const mbppFile = path.join(shared, "mbpp-dev.jsonl");
  const tasks = mbppTrees(mbppFile);
  const training = toTraining(tasks);
  const weights = learnWeights(training, { source: "prior:mbpp-dev", universe: PYTHON_PRIMS.map((p) => p.name) });
  const out = {
    ...weightsToJson(weights),
    provenance: {
      description: "Default prior of Aurora-X, learned by scripts/train-prior.ts (npm run train-prior). Public data only.",
      data: [{ file: "shared/benchmarks/mbpp-dev.jsonl", sha256: sha256(mbppFile), tasks: tasks.length, tasks_with_programs: tasks.filter((t) => t.trees.length > 0).length, programs: training.length }],
      note: "Benchmarks on MBPP dev measure the engine without this prior unless stated (it was learned from those tasks' reference code).",
    },
  };
  const target = path.join(root, "src", "learn", "prior.json");
  writeFileSync(target, JSON.stringify(out, null, 1) + "\n");
  console.log(`wrote ${path.relative(root, target)}: ${Object.keys(out.prim).length} primitives, ${Object.keys(out.word).length} words, ${Object.keys(out.bigram).length} bigram contexts from ${training.length} programs`);
}

main();
