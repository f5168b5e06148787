import { describe, expect, it } from "vitest";
import { combineWeights, learnBigram, learnDescription, learnTypePrior, learnUnigram, learnWeights, treeOfExpr, weightsFromJson, weightsToJson, type OpTree, type TrainingProgram } from "../../src/learn/weights.js";
import { descriptionBoosts, typeOffsetBits } from "../../src/search/weights.js";
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

  it("counts leaf children in the bigram only when asked (grammars with few types)", () => {
    const items = [...ITEMS, ...ITEMS, ...ITEMS];
    for (const row of learnBigram(items, { minSupport: 2 }).values()) {
      expect(row.has("var")).toBe(false);
      expect(row.has("const")).toBe(false);
    }
    const withLeaves = learnBigram(items, { minSupport: 2, leafChildren: true });
    expect([...withLeaves.values()].some((row) => row.has("var") || row.has("const"))).toBe(true);
  });

  it("learns production frequencies from whole programs only, not from fragments", () => {
    const fragments: TrainingProgram[] = Array.from({ length: 20 }, () => ({ description: "index arithmetic", tree: t("int.add", VAR, CONST), fragment: true }));
    const w = learnUnigram([...ITEMS, ...fragments], { universe: ["seq.reverse", "int.add"] });
    expect(w.get("int.add")!).toBeLessThan(w.get("seq.reverse")!);
    expect(learnBigram(fragments, { minSupport: 1 }).size).toBe(0);
  });

  it("description model: words seen with a primitive raise it for specs with those words, and unrelated words do not", () => {
    const m = learnDescription(ITEMS, { minFeatureSpecs: 2, temperature: 1 });
    const rev = descriptionBoosts(m, ["reverse", "string"]);
    expect(rev.get("seq.reverse")!).toBeGreaterThan(0.5);
    expect(rev.get("str.upper") ?? 0).toBeLessThanOrEqual(0);
    // "uppercase" occurs once: below minFeatureSpecs, it carries no evidence.
    expect(m.evidence.has("uppercase")).toBe(false);
    expect(descriptionBoosts(m, ["nothing", "known"]).size).toBe(0);
  });

  it("description model: features and primitives of one group count once, pooled", () => {
    const items: TrainingProgram[] = [
      { description: "", features: ["sum"], tree: t("seq.sum", VAR), group: "a" },
      { description: "", features: ["sum"], tree: t("int.add", VAR, VAR), group: "a", fragment: true },
      { description: "", features: ["sum"], tree: t("seq.sum", VAR), group: "b" },
      { description: "", features: ["sort"], tree: t("seq.sorted", VAR), group: "c" },
      { description: "", features: ["sort"], tree: t("seq.sorted", VAR), group: "d" },
    ];
    const m = learnDescription(items, { minFeatureSpecs: 2, temperature: 1 });
    expect(m.n).toBe(4);
    expect(m.presence.get("seq.sum")).toBeCloseTo(2.5 / 5, 6);
    const b = descriptionBoosts(m, ["sum"]);
    expect(b.get("seq.sum")!).toBeGreaterThan(0.5);
    expect(b.get("int.add")!).toBeGreaterThan(0);
    // Only pairs seen together carry evidence (a pair never seen says little with a few hundred specs).
    expect(b.has("seq.sorted")).toBe(false);
  });

  it("boosts stay within the model's floor and ceiling however much evidence piles up", () => {
    const many: TrainingProgram[] = Array.from({ length: 60 }, (_, i) => ({ description: "", features: ["w1", "w2", "w3", "w4"], tree: t(i % 2 ? "seq.len" : "seq.sum", VAR), group: String(i) }));
    const m = learnDescription(many, { minFeatureSpecs: 2, temperature: 5 });
    for (const v of descriptionBoosts(m, ["w1", "w2", "w3", "w4"]).values()) {
      expect(v).toBeLessThanOrEqual(m.ceil);
      expect(v).toBeGreaterThanOrEqual(m.floor);
    }
  });

  it("type prior: a type rare among a signature class's solutions costs more than a common one, the overall rate backing off", () => {
    const items: TrainingProgram[] = [
      ...Array.from({ length: 6 }, (_, i) => ({ description: "", tree: t("seq.len", VAR), group: `s${i}`, types: { signature: "int<-str", used: ["list[str]"] } })),
      { description: "", tree: t("str.int", VAR), group: "x", types: { signature: "int<-str", used: ["float"] } },
      { description: "", tree: t("seq.len", VAR), group: "s0", types: { signature: "int<-str", used: ["float"] } },
      ...Array.from({ length: 4 }, (_, i) => ({ description: "", tree: t("float.div", VAR, VAR), group: `f${i}`, types: { signature: "float<-int", used: ["float"] } })),
    ];
    const prior = learnTypePrior(items);
    // The repeated group s0 counts once.
    expect(prior.n).toBe(11);
    expect(typeOffsetBits(prior, "int<-str", "list[str]")).toBeLessThan(typeOffsetBits(prior, "int<-str", "float"));
    expect(typeOffsetBits(prior, "int<-str", "set[int]")).toBeGreaterThan(typeOffsetBits(prior, "int<-str", "float"));
    // An unseen class falls back to the overall rates.
    expect(typeOffsetBits(prior, "bool<-dict", "float")).toBeLessThan(typeOffsetBits(prior, "bool<-dict", "set[int]"));
    expect(typeOffsetBits(prior, "int<-str", "set[int]")).toBeLessThanOrEqual(6);
  });

  it("round-trips through JSON (description model and type prior included) and combines", () => {
    const items: TrainingProgram[] = ITEMS.map((it, i) => ({ ...it, group: String(i), types: { signature: "str<-str", used: i % 2 ? ["list[str]"] : [] } }));
    const w = learnWeights([...items, ...items], { source: "t" });
    expect(w.desc).toBeDefined();
    expect(w.types?.n).toBe(5);
    const back = weightsFromJson(weightsToJson(w));
    expect([...back.prim.keys()]).toEqual([...w.prim.keys()]);
    expect(descriptionBoosts(back.desc!, ["reverse"]).get("seq.reverse")).toBeCloseTo(descriptionBoosts(w.desc!, ["reverse"]).get("seq.reverse")!, 2);
    expect(typeOffsetBits(back.types!, "str<-str", "list[str]")).toBeCloseTo(typeOffsetBits(w.types!, "str<-str", "list[str]"), 9);
    const sum = combineWeights(w, w);
    expect(sum.prim.get("seq.reverse")).toBeCloseTo(2 * w.prim.get("seq.reverse")!, 2);
    expect(sum.types?.n).toBe(10);
    expect(descriptionBoosts(sum.desc!, ["reverse"])).toEqual(descriptionBoosts(w.desc!, ["reverse"]));
  });

  it("joins description models of disjoint vocabularies primitive by primitive", () => {
    const py: TrainingProgram[] = [0, 1, 2].map((i) => ({ description: "", features: ["count"], tree: t("seq.len", VAR), group: `p${i}` }));
    const smt: TrainingProgram[] = [0, 1, 2].map((i) => ({ description: "", features: ["count"], tree: t("smt.str.len", VAR), group: `s${i}` }));
    const other: TrainingProgram[] = [0, 1].map((i) => ({ description: "", features: ["other"], tree: t("seq.max", VAR), group: `o${i}` }));
    const a = learnWeights([...py, ...other], { temperature: 1 });
    const b = learnWeights([...smt, ...other.map((o) => ({ ...o, tree: t("smt.str.at", VAR, VAR) }))], { temperature: 1 });
    const joined = combineWeights(a, b);
    const boosts = descriptionBoosts(joined.desc!, ["count"]);
    expect(boosts.get("seq.len")).toBeCloseTo(descriptionBoosts(a.desc!, ["count"]).get("seq.len")!, 9);
    expect(boosts.get("smt.str.len")).toBeCloseTo(descriptionBoosts(b.desc!, ["count"]).get("smt.str.len")!, 9);
  });

  it("reads older stored weights (a word table and no description model) without failing", () => {
    const old = { source: "corpus:3", prim: { "seq.len": 1 }, word: { length: { "seq.len": 2 } }, bigram: {} };
    const w = weightsFromJson(old as unknown as Parameters<typeof weightsFromJson>[0]);
    expect(w.prim.get("seq.len")).toBe(1);
    expect(w.desc).toBeUndefined();
  });

  it("reads op trees off DSL programs", () => {
    expect(treeOfExpr(call("seq.len", INT, v("s", STR)))).toEqual(t("seq.len", VAR));
  });
});

describe("the shipped prior (npm run train-prior)", () => {
  it("covers both vocabularies and records the public data it came from", async () => {
    const { DEFAULT_PRIOR, PRIOR_PROVENANCE } = await import("../../src/learn/prior.js");
    // SMT-LIB frequencies from EuPhony's whole programs; the Python DSL's description model from MBPP's fragments.
    expect([...DEFAULT_PRIOR.prim.keys()].some((n) => n.startsWith("smt.str."))).toBe(true);
    const pythonEvidence = [...(DEFAULT_PRIOR.desc?.evidence.values() ?? [])].flatMap((row) => [...row.keys()]);
    expect(pythonEvidence.some((n) => n.startsWith("str."))).toBe(true);
    const data = (PRIOR_PROVENANCE as { data: { file?: string; dir?: string; programs: number }[] }).data;
    expect(data.map((d) => d.file ?? d.dir)).toEqual(["shared/benchmarks/mbpp-dev.jsonl", "shared/benchmarks/euphony-string-train"]);
    for (const d of data) expect(d.programs).toBeGreaterThan(100);
  });
});
