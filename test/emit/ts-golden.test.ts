// Golden files of emitted TypeScript modules: a formatting change shows up as a diff to review (update them with
// `npx vitest run test/emit -u`). The goldens are real modules: they also type-check here, and with the repository.
import { describe, expect, it } from "vitest";
import { c, call, lam, v, type Expr } from "../../src/dsl/expr.js";
import { BOOL, INT, STR, dict, list, tuple, type Type } from "../../src/dsl/types.js";
import { emitTypeScriptModule } from "../../src/emit/typescript.js";
import type { Param, Problem } from "../../src/spec/problem.js";
import { typeCheck } from "./tsc.js";

interface Golden {
  readonly problem: Problem;
  readonly program: Expr;
}

function golden(name: string, description: string, params: readonly Param[], returns: Type, program: Expr): Golden {
  const problem: Problem = { name, file: `examples/${name}.py`, line: 1, format: "python", description, params, returns, examples: [], tests: [], helpers: [], preamble: [] };
  return { problem, program };
}

const LS = list(STR);
const SCORE = tuple([STR, INT]);
const x = v("x", INT);
const w = v("w", STR);

const GOLDENS: readonly Golden[] = [
  golden(
    "reverse_words",
    "Return the words of the sentence in reverse order, separated by single spaces.",
    [{ name: "sentence", type: STR }],
    STR,
    call("str.join", STR, c(" ", STR), call("seq.reverse", LS, call("str.split", LS, v("sentence", STR)))),
  ),
  golden(
    "sum_even_squares",
    "Sum of the squares of the even numbers in the list.",
    [{ name: "xs", type: list(INT) }],
    INT,
    call("seq.sum", INT, call("comp.mapfilter", list(INT), v("xs", list(INT)), lam(["x"], call("int.mul", INT, x, x)), lam(["x"], call("cmp.eq", BOOL, call("int.mod", INT, x, c(2, INT)), c(0, INT))))),
  ),
  golden(
    "parity",
    "Describe an integer.\n\n'zero' for 0, otherwise 'even' or 'odd'.",
    [{ name: "n", type: INT }],
    STR,
    call("if", STR, call("cmp.eq", BOOL, v("n", INT), c(0, INT)), c("zero", STR), call("if", STR, call("cmp.eq", BOOL, call("int.mod", INT, v("n", INT), c(2, INT)), c(0, INT)), c("even", STR), c("odd", STR))),
  ),
  golden(
    "word_lengths",
    "Map each lowercased word of the text to its length.",
    [{ name: "text", type: STR }],
    dict(STR, INT),
    call("comp.dict", dict(STR, INT), call("str.split", LS, call("str.lower", STR, v("text", STR))), lam(["w"], call("seq.len", INT, w))),
  ),
  golden(
    "ranked_names",
    "Names ordered by score, highest first (ties keep their order).",
    [{ name: "scores", type: list(SCORE) }],
    LS,
    call("comp.map", LS, call("comp.sortkeydesc", list(SCORE), v("scores", list(SCORE)), lam(["p"], call("tuple.snd", INT, v("p", SCORE)))), lam(["name", "score"], v("name", STR))),
  ),
];

describe("golden TypeScript modules", () => {
  const emitted = GOLDENS.map((g) => [g.problem.name, emitTypeScriptModule(g.problem, g.program)] as const);

  it.each(emitted)("%s", async (name, text) => {
    await expect(text).toMatchFileSnapshot(`golden/${name}.ts`);
  });

  it("type-check under strict settings", () => {
    expect(typeCheck(Object.fromEntries(emitted.map(([name, text]) => [`/virtual/${name}.ts`, text])))).toEqual([]);
  });
});
