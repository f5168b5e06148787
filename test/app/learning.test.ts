import { describe, expect, it } from "vitest";
import { DEFAULT_LEARNING, learnAfterRun, learnFrom, prepareGuidance, trainingFromRecords } from "../../src/app/learning.js";
import { CorpusStore } from "../../src/corpus/store.js";
import { recordOf } from "../../src/corpus/run-records.js";
import { call, v, c } from "../../src/dsl/expr.js";
import { exprFromJson, exprToJson } from "../../src/dsl/serialize.js";
import { BOOL, INT, STR, list } from "../../src/dsl/types.js";
import { exprToPython } from "../../src/emit/python.js";
import { recordSpec } from "../../src/learn/record.js";
import type { OpTree } from "../../src/learn/weights.js";
import { synthesize } from "../../src/search/synthesize.js";
import { removeDir, tempDir } from "../corpus/helpers.js";
import { problem } from "../search/helpers.js";

const P = problem("word_count", "Count the words of a sentence.", [["s", STR]], INT, [
  [["a b c"], 3],
  [["hello"], 1],
]);
const PROG = call("seq.len", INT, call("str.split", list(STR), v("s", STR)));
const rec = (runId: string, program = PROG) => recordOf(P, { status: "solved", score: 1, time_ms: 3, size: 3, program: exprToPython(program), dsl: exprToJson(program) }, { runId, engineVersion: "t" });

describe("training items from corpus records", () => {
  it("read the spec back from the record: name, types and example values", () => {
    const spec = recordSpec(rec("r1"))!;
    expect(spec.name).toBe("word_count");
    expect(spec.params.map((p) => p.type)).toEqual([STR]);
    expect(spec.returns).toEqual(INT);
    expect(spec.examples).toEqual([
      { inputs: ["a b c"], output: 3 },
      { inputs: ["hello"], output: 1 },
    ]);
  });

  it("carry features and intermediate types, and count a (spec, program) recorded by many runs once", () => {
    const items = trainingFromRecords([rec("r1"), rec("r2"), rec("r3", call("int.add", INT, call("seq.len", INT, v("s", STR)), c(0, INT)))]);
    expect(items).toHaveLength(2);
    const first = items[0]!;
    expect(first.features).toEqual(expect.arrayContaining(["count", "word", "sentence", "ret:int", "arg:str"]));
    expect(first.types).toEqual({ signature: "int<-str", used: ["list[str]"] });
    // Both programs answer the same spec: one group for the description model.
    expect(items[1]!.group).toBe(first.group);
  });

  it("weigh each solution by how unlikely it fits its examples by coincidence (records without a count weigh 1)", () => {
    const B = problem("is_odd", "Check whether a number is odd.", [["n", INT]], BOOL, [
      [[3], true],
      [[4], false],
    ]);
    const prog = call("cmp.lt", BOOL, v("n", INT), c(4, INT));
    const bool = (candidates?: number) => recordOf(B, { status: "solved", score: 1, time_ms: 3, size: 3, ...(candidates === undefined ? {} : { candidates }), program: exprToPython(prog), dsl: exprToJson(prog) }, { runId: "r", engineVersion: "t" });
    // Two one-bit answers after 5,000 candidates: about a thousand programs fit them by chance.
    expect(trainingFromRecords([bool(5000)])[0]!.weight).toBeLessThan(0.01);
    expect(trainingFromRecords([bool(1)])[0]!.weight).toBeGreaterThan(0.5);
    expect(trainingFromRecords([bool()])[0]!.weight).toBe(1);
    expect(bool(5000).candidates).toBe(5000);
  });

  it("skip a record whose types do not read back, instead of failing", () => {
    const bad = { ...rec("r1"), returns: "List[" };
    expect(recordSpec(bad)).toBeUndefined();
    const items = trainingFromRecords([bad]);
    expect(items).toHaveLength(1);
    expect(items[0]!.features).toBeUndefined();
  });
});

describe("weights learned from a corpus with Python and SyGuS specs", () => {
  it("learn each vocabulary on its own terms: leaf children in the bigram for SyGuS grammars only", () => {
    const t = (op: string, ...kids: OpTree[]): OpTree => ({ op, kids });
    const py = Array.from({ length: 4 }, (_, i) => ({ description: "", tree: t("seq.len", t("var")), group: `p${i}` }));
    const sy = Array.from({ length: 8 }, (_, i) => ({ description: "", tree: i % 2 ? t("smt.str.len", t("var")) : t("smt.str.++", t("const"), t("const")), group: `s${i}`, sygus: true }));
    const w = learnFrom([...py, ...sy], "test");
    expect(Object.keys(w.bigram).every((k) => k.startsWith("smt."))).toBe(true);
    expect(w.bigram["smt.str.len/0"]?.["var"]).toBeGreaterThan(0.5);
    expect(w.prim["seq.len"]).toBeGreaterThan(0);
    expect(w.prim["smt.str.len"]).toBeGreaterThan(0);
  });
});

describe("retrieval and the seed bias across runs, on a real corpus", () => {
  const related = problem("word_total", "Count the words of a sentence.", [["t", STR]], INT, [[["x y"], 2], [["one"], 1], [["p q r s"], 4]]);
  const unrelated = recordOf(problem("first_char_code", "Code point of the first letter.", [["s", STR]], INT, [[["a"], 97]]), { status: "solved", score: 1, time_ms: 1, size: 2, program: "ord(s)", dsl: exprToJson(call("str.ord", INT, v("s", STR))) }, { runId: "r0", engineVersion: "t" });

  it("offers a related record's program, not an unrelated one's, and raises the bias of the record that helped", async () => {
    const dir = await tempDir("aurora-learning-");
    try {
      const store = await CorpusStore.open({ dir });
      await store.append([rec("r1"), unrelated]);
      await store.close();
      const notices: string[] = [];
      const g = await prepareGuidance(dir, [related], DEFAULT_LEARNING, (m) => notices.push(m));
      const spec = g.forSpec.get(related)!;
      expect(spec.tryFirst.map((j) => exprToPython(exprFromJson(j)!))).toEqual(["len(t.split())"]);
      // The store's key of the related record: the only entry offered.
      expect(spec.retrieved).toHaveLength(1);
      const key = spec.retrieved[0]!;
      const found = synthesize(related, { timeoutMs: 5000, tryFirst: spec.tryFirst.map((j) => exprFromJson(j)!) });
      expect(found.stats.candidates).toBe(0);
      await learnAfterRun(dir, g, [{ problem: related, program: exprToJson(found.program!) }], DEFAULT_LEARNING, (m) => notices.push(m));
      const again = await prepareGuidance(dir, [related], DEFAULT_LEARNING, (m) => notices.push(m));
      // One help: 0.1 toward +1 (the learning rate), then one run's decay.
      expect([...again.bias.keys()]).toEqual([key]);
      expect(again.bias.get(key)).toBeCloseTo(0.1 * DEFAULT_LEARNING.decay, 10);
      expect(notices).toEqual([]);
    } finally {
      await removeDir(dir);
    }
  });
});
