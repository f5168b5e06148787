/**
 * `npm run train-prior`: learns Aurora-X's shipped default prior (src/learn/prior.json) from public training data
 * only, reproducibly: the MBPP dev split's reference solutions (their expressions parsed to DSL op trees by
 * scripts/python_op_trees.py), which teach the description model which Python-DSL primitives go with a task's
 * features (they are fragments of loops, not whole programs, so they set no production frequencies), and the
 * EuPhony string training set's reference solutions (the `; solution` programs in its .sl files), whole programs
 * that teach unigram and bigram weights of the SMT-LIB primitives of SyGuS grammars. The two vocabularies are
 * disjoint, so the two models are learned separately and stored side by side. The output records exactly which
 * files (with sha256) and how many programs it used.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PYTHON_PRIMS } from "../src/dsl/prims/index.js";
import { SMT_PRIMS } from "../src/dsl/prims/smt.js";
import type { Expr } from "../src/dsl/expr.js";
import { combineWeights, learnWeights, treeOfExpr, weightsToJson, type TrainingProgram } from "../src/learn/weights.js";
import { parseSygus } from "../src/spec/sygus.js";
import { mbppProblems, mbppTrees, toTraining } from "./mbpp-trees.js";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const shared = path.resolve(root, "..", "shared", "benchmarks");

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** The EuPhony training set's reference programs, with the files they came from (sorted, for reproducibility). */
function euphonyPrograms(dir: string): { files: string[]; programs: TrainingProgram[] } {
  const files = readdirSync(dir).filter((f) => f.endsWith(".sl")).sort();
  const programs = files.flatMap((f) => {
    const problems = parseSygus(readFileSync(path.join(dir, f), "utf8"), path.join(dir, f)).problems;
    return problems.flatMap((p) => {
      const prog = (p.sygus as { reference?: { program?: Expr } } | undefined)?.reference?.program;
      return prog ? [{ description: "", tree: treeOfExpr(prog) }] : [];
    });
  });
  return { files, programs };
}

function main(): void {
  const mbppFile = path.join(shared, "mbpp-dev.jsonl");
  const tasks = mbppTrees(mbppFile);
  const training = toTraining(tasks, mbppProblems(mbppFile));
  const python = learnWeights(training, { source: "prior:mbpp-dev", universe: PYTHON_PRIMS.map((p) => p.name) });
  const euphonyDir = path.join(shared, "euphony-string-train");
  const euphony = euphonyPrograms(euphonyDir);
  const smt = learnWeights(euphony.programs, { source: "prior:euphony-string-train", universe: SMT_PRIMS.map((p) => p.name), leafChildren: true });
  const dirHash = createHash("sha256");
  for (const f of euphony.files) dirHash.update(f).update(sha256(path.join(euphonyDir, f)));
  const out = {
    ...weightsToJson({ ...combineWeights(python, smt), source: "prior:mbpp-dev+euphony-string-train" }),
    provenance: {
      description: "Default prior of Aurora-X, learned by scripts/train-prior.ts (npm run train-prior). Public data only.",
      data: [
        { file: "shared/benchmarks/mbpp-dev.jsonl", sha256: sha256(mbppFile), tasks: tasks.length, tasks_with_programs: tasks.filter((t) => t.trees.length > 0).length, programs: training.length, primitives: "Python DSL (description model)" },
        { dir: "shared/benchmarks/euphony-string-train", sha256_of_sorted_names_and_file_hashes: dirHash.digest("hex"), files: euphony.files.length, programs: euphony.programs.length, primitives: "SMT-LIB (SyGuS grammars)" },
      ],
      note: "Benchmarks on MBPP dev and EuPhony measure the engine without this prior unless stated (it was learned from those tasks' reference code).",
    },
  };
  const target = path.join(root, "src", "learn", "prior.json");
  writeFileSync(target, JSON.stringify(out, null, 1) + "\n");
  console.log(`wrote ${path.relative(root, target)}: ${Object.keys(out.prim).length} primitives, ${Object.keys(out.desc?.evidence ?? {}).length} description features, ${Object.keys(out.bigram).length} bigram contexts from ${training.length} MBPP and ${euphony.programs.length} EuPhony programs`);
}

main();
