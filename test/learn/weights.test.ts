import { describe, expect, it } from "vitest";
import { combineWeights, learnBigram, learnUnigram, learnWeights, learnWordPrior, treeOfExpr, weightsFromJson, weightsToJson, type OpTree, type TrainingProgram } from "../../src/learn/weights.js";
import { call, v } from "../../src/dsl/expr.js";
import { STR, INT } from "../../src/dsl/types.js";

const t = (op: string, ...kids: OpTree[]): OpTree => ({ op, kids });
const VAR = t("var");
const CONST = t("const");

const ITEMS: TrainingProgram[] = [
  { description: "reverse the words", tree: t("str.join", CONST, t("seq.reverse", t("str.split", VAR))) },
  { description: "reverse the string", tree: t("seq.reverse", VAR) },
  { description: "reverse a list", tree: t("seq.reverse", VAR) },
  { description: "uppercase the string", tree: t("str.upper", VAR) },
  { description: "length of the string", tree: t("seq.len", VAR) },
];

describe("learned weights", () => {
  it("favors frequent primitives and disfavors unseen ones of the universe", () => {
    const w = learnUnigram(ITEMS, { universe: ["seq.reverse", "str.upper", "str.lower", "seq.len", "str.split", "str.join"] });
    expect(w.get("seq.reverse")!).toBeGreaterThan(w.get("str.upper")!);
    expect(w.get("str.upper")!).toBeGreaterThan(w.get("str.lower")!);
    expect(w.get("str.lower")!).toBeLessThan(0);
  });

  it("learns parent-conditioned associations with enough support", () => {
    const items = [...ITEMS, ...ITEMS];
    const b = learnBigram(items, { minSupport: 2 });
    expect(b.get("seq.reverse/0")?.get("str.split")).toBeGreaterThan(0.5);
    expect(b.get("str.join/1")?.get("seq.reverse")).toBeGreaterThan(0.5);
    expect(b.get("str.upper/0")).toBeUndefined();
  });

  it("links description words to primitives (PMI), ignoring one-off pairs", () => {
    const w = learnWordPrior(ITEMS, { minSupport: 2 });
    expect(w.get("reverse")?.get("seq.reverse")).toBeGreaterThan(0.5);
    expect(w.get("uppercase")).toBeUndefined();
  });

  it("round-trips through JSON and combines by addition", () => {
    const w = learnWeights(ITEMS, { source: "t" });
    const back = weightsFromJson(weightsToJson(w));
    expect([...back.prim.keys()]).toEqual([...w.prim.keys()]);
    const sum = combineWeights(w, w);
    expect(sum.prim.get("seq.reverse")).toBeCloseTo(2 * w.prim.get("seq.reverse")!, 2);
  });

  it("reads op trees off DSL programs", () => {
    expect(treeOfExpr(call("seq.len", INT, v("s", STR)))).toEqual(t("seq.len", VAR));
  });
});

describe("the shipped prior (npm run train-prior)", () => {
  it("covers both vocabularies and records the public data it came from", async () => {
    const { DEFAULT_PRIOR, PRIOR_PROVENANCE } = await import("../../src/learn/prior.js");
    const names = [...DEFAULT_PRIOR.prim.keys()];
    expect(names.some((n) => n.startsWith("smt.str."))).toBe(true);
    expect(names.some((n) => n.startsWith("str."))).toBe(true);
    const data = (PRIOR_PROVENANCE as { data: { file?: string; dir?: string; programs: number }[] }).data;
    expect(data.map((d) => d.file ?? d.dir)).toEqual(["shared/benchmarks/mbpp-dev.jsonl", "shared/benchmarks/euphony-string-train"]);
    for (const d of data) expect(d.programs).toBeGreaterThan(100);
  });
});
