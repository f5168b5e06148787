import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitDescriptionLogistic } from "../../src/learn/logistic.js";
import { combineWeights, learnDescription, learnWeights, specsOf, weightsFromJson, weightsToJson, type OpTree, type TrainingProgram } from "../../src/learn/weights.js";
import { BIAS_FEATURE, descriptionBoostArray, descriptionBoosts } from "../../src/search/weights.js";

const t = (op: string, ...kids: OpTree[]): OpTree => ({ op, kids });
const VAR = t("var");

/** `n` specs: every other one says `words` and uses `hit`, the rest say `other` and use `miss`. */
function split(n: number, words: string[], hit: string, miss: string): TrainingProgram[] {
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? { description: "", features: words, tree: t(hit, VAR), group: `s${i}` } : { description: "", features: ["other"], tree: t(miss, VAR), group: `s${i}` }));
}

describe("logistic description model", () => {
  it("raises what a spec's features call for and lowers what they do not, below the base rate", () => {
    const m = fitDescriptionLogistic(specsOf(split(40, ["reverse"], "seq.reverse", "str.upper")));
    const rev = descriptionBoosts(m, ["reverse"]);
    expect(rev.get("seq.reverse")!).toBeGreaterThan(0.5);
    expect(rev.get("str.upper")!).toBeLessThan(-0.5);
    // The intercepts live in the always-present row; features of fewer than two specs carry nothing.
    expect(m.evidence.has(BIAS_FEATURE)).toBe(true);
    expect(m.temperature).toBe(1);
  });

  it("does not count the same evidence twice when features always come together (naive Bayes does)", () => {
    // Specs with the words use seq.len half the time (P = 1/2 against a base rate of 1/6); w1, w2 and w3 always
    // come together, so three of them say no more than one.
    const specs = (words: string[]): TrainingProgram[] =>
      Array.from({ length: 60 }, (_, i) => ({ description: "", features: i % 6 < 2 ? words : ["other"], tree: t(i % 6 === 0 ? "seq.len" : "seq.sum", VAR), group: `s${i}` }));
    const one = specs(["w1"]);
    const three = specs(["w1", "w2", "w3"]);
    const lr1 = descriptionBoosts(fitDescriptionLogistic(specsOf(one)), ["w1"]).get("seq.len")!;
    const lr3 = descriptionBoosts(fitDescriptionLogistic(specsOf(three)), ["w1", "w2", "w3"]).get("seq.len")!;
    expect(lr1).toBeGreaterThan(1);
    expect(Math.abs(lr3 - lr1)).toBeLessThan(0.35);
    const nb1 = descriptionBoosts(learnDescription(one, { temperature: 1 }), ["w1"]).get("seq.len")!;
    const nb3 = descriptionBoosts(learnDescription(three, { temperature: 1 }), ["w1", "w2", "w3"]).get("seq.len")!;
    expect(nb3).toBeGreaterThan(nb1 + 0.5);
  });

  it("weights a coincidental solution's primitive less than a credible one", () => {
    const items = (w: number): TrainingProgram[] => [
      ...Array.from({ length: 10 }, (_, i): TrainingProgram => ({ description: "", features: ["parity"], tree: t("int.mod", VAR), group: `p${i}`, weight: w })),
      ...Array.from({ length: 30 }, (_, i): TrainingProgram => ({ description: "", features: ["words"], tree: t("str.split", VAR), group: `w${i}` })),
    ];
    const strong = descriptionBoosts(fitDescriptionLogistic(specsOf(items(1))), ["parity"]).get("int.mod")!;
    const weak = descriptionBoosts(fitDescriptionLogistic(specsOf(items(0.05))), ["parity"]).get("int.mod")!;
    expect(strong).toBeGreaterThan(weak);
  });

  it("is deterministic, stays within its floor and ceiling, and round-trips through JSON", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ f: fc.subarray(["a", "b", "c", "d", "e"], { minLength: 1 }), p: fc.constantFrom("seq.len", "seq.sum", "str.upper", "int.add") }), { minLength: 4, maxLength: 40 }),
        (rows) => {
          const items = rows.map((r, i): TrainingProgram => ({ description: "", features: r.f, tree: t(r.p, VAR), group: String(i) }));
          const w = learnWeights(items);
          const again = learnWeights(items);
          expect(weightsToJson(again)).toEqual(weightsToJson(w));
          const back = weightsFromJson(weightsToJson(w));
          for (const fs of [["a"], ["b", "c"], ["a", "b", "c", "d", "e"], []]) {
            const b = descriptionBoosts(w.desc!, fs);
            for (const [p, v] of b) {
              expect(v).toBeLessThanOrEqual(w.desc!.ceil);
              expect(v).toBeGreaterThanOrEqual(w.desc!.floor);
              expect(descriptionBoosts(back.desc!, fs).get(p)).toBeCloseTo(v, 1);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("joins models column by column, each primitive from the model that saw it in more specs", () => {
    const big = learnWeights([...split(40, ["reverse"], "seq.reverse", "str.upper")]);
    const small = learnWeights([
      ...Array.from({ length: 2 }, (_, i): TrainingProgram => ({ description: "", features: ["loud"], tree: t("str.upper", VAR), group: `l${i}` })),
      ...Array.from({ length: 3 }, (_, i): TrainingProgram => ({ description: "", features: ["count"], tree: t("seq.len", VAR), group: `c${i}` })),
    ]);
    const joined = combineWeights(big, small).desc!;
    // seq.len: only the small model has it; str.upper and seq.reverse: the big model saw them in more specs.
    expect(descriptionBoosts(joined, ["count"]).get("seq.len")).toBeCloseTo(descriptionBoosts(small.desc!, ["count"]).get("seq.len")!, 9);
    expect(descriptionBoosts(joined, ["reverse"]).get("seq.reverse")).toBeCloseTo(descriptionBoosts(big.desc!, ["reverse"]).get("seq.reverse")!, 9);
    expect(descriptionBoosts(joined, ["reverse"]).get("str.upper")).toBeCloseTo(descriptionBoosts(big.desc!, ["reverse"]).get("str.upper")!, 9);
  });

  it("gives the same boosts in its dense form (one array per primitive table) as in its map form, for both fits", () => {
    const ops = ["seq.len", "seq.sum", "str.upper", "seq.reverse", "int.add"];
    fc.assert(
      fc.property(
        fc.array(fc.record({ words: fc.subarray(["a", "b", "c", "d"]), op: fc.constantFrom(...ops) }), { minLength: 4, maxLength: 30 }),
        fc.subarray(["a", "b", "c", "d", "e"]),
        fc.constantFrom("logistic" as const, "naive-bayes" as const),
        (specs, features, description) => {
          const items = specs.map((s, i): TrainingProgram => ({ description: "", features: s.words, tree: t(s.op, VAR), group: `s${i}` }));
          // Naive Bayes learns no model when no feature tells the specs apart (all of them featureless, say).
          const desc = learnWeights(items, { description, minFeatureSpecs: 1 }).desc;
          fc.pre(desc !== undefined);
          // A name the model never saw gets 0, as the map form has no entry for it.
          const names = [...ops, "str.lower"];
          const dense = descriptionBoostArray(desc, features, names);
          const map = descriptionBoosts(desc, features);
          names.forEach((n, k) => expect(dense[k]).toBe(map.get(n) ?? 0));
        },
      ),
      { numRuns: 50 },
    );
  });
});
