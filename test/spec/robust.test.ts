import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseSpecText } from "../../src/spec/index.js";
import { parsePyCall, parsePyLiteral } from "../../src/spec/pyliteral.js";
import { fixture } from "./helpers.js";

/** Random edits of real spec text: the parsers may report errors but must never throw. */
function mutations(text: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 12 }), fc.string({ maxLength: 6, unit: fc.constantFrom(..."()[]{}'\",:=>\\\n #.-0123456789abc\"\"\"") }));
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) =>
    edits.reduce((t, [at, cut, insert]) => t.slice(0, at) + insert + t.slice(at + cut), text),
  );
}

const SOURCES: readonly (readonly [string, string])[] = [
  ["humaneval_style.py", fixture("humaneval_style.py")],
  ["prose_examples.py", fixture("prose_examples.py")],
  ["specs.yaml", fixture("specs.yaml")],
  ["spec.json", fixture("spec.json")],
  ["m.jsonl", JSON.stringify({ task_id: 1, code: "def f(a, b=2):\n  return a", test_list: ["assert f([1, (2, 'a')], b={1: {2}}) == 'x'", "assert math.isclose(f(1), 2.5)"] })],
];

describe("parsers never throw on damaged input", () => {
  it.each(SOURCES)("%s", (file, text) => {
    fc.assert(
      fc.property(mutations(text), (damaged) => {
        const r = parseSpecText(damaged, file);
        expect(r.problems.length + r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("literal and call parsers return outcomes for any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: fc.constantFrom(..."()[]{}'\",:=+-\\\n #.0123456789eExjrbfuN_TrueNonsetfloat") }), (text) => {
        expect(typeof parsePyLiteral(text).ok).toBe("boolean");
        expect(typeof parsePyCall(text).ok).toBe("boolean");
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
