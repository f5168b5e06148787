import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PYTHON_PRIMS } from "../../src/dsl/prims/index.js";
import { PyError, type Value } from "../../src/dsl/values.js";

/** Arguments for a primitive with Primitive.size, by its signature's argument kinds (ints, strings, int lists). */
const arbArgs = (kinds: readonly string[]): fc.Arbitrary<Value[]> =>
  fc.tuple(
    ...kinds.map((k): fc.Arbitrary<Value> =>
      k === "int" ? fc.integer({ min: -400, max: 400 }) : k === "str" ? fc.string({ maxLength: 6 }) : fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 5 }),
    ),
  );

describe("Primitive.size", () => {
  const sized = PYTHON_PRIMS.filter((p) => p.size);

  it("is given for ranges and repetition", () => {
    expect(sized.map((p) => p.name).sort()).toEqual(["range.ab", "range.abs", "range.n", "seq.repeat", "str.repeat"]);
  });

  for (const p of sized) {
    it(`${p.name}: is the exact length of the result whenever it is defined`, () => {
      const s = p.sig({ S: { kind: "list", el: { kind: "int" } } });
      const kinds = (s?.args ?? []).map((a) => ("kind" in a ? a.kind : "int"));
      fc.assert(
        fc.property(arbArgs(kinds), (args) => {
          const n = p.size?.(...args);
          const out = p.impl?.(...args);
          if (n === undefined || out instanceof PyError) return;
          expect(typeof out === "string" || Array.isArray(out)).toBe(true);
          expect(n).toBe((out as string | readonly Value[]).length);
        }),
        { numRuns: 300 },
      );
    });
  }
});
