import { describe, expect, it } from "vitest";
import { dslSize, dslText, graphChanges, relationGraph, subtrees } from "../../src/report/graph.js";

const x = ["$", "x", "int"];
const s = ["$", "s", "str"];
const one = ["#", 1, "int"];
const lenS = ["len", "int", s];
const lenPlus1 = ["add", "int", lenS, one];

describe("DSL trees", () => {
  it.each([
    [x, 1],
    [lenS, 2],
    [lenPlus1, 4],
    [["λ", ["v"], ["mul", "int", ["$", "v", "int"], ["$", "v", "int"]]], 4],
    [null, 0],
  ])("size of %j is %d", (tree, size) => {
    expect(dslSize(tree)).toBe(size);
  });

  it("prints a compact S-expression", () => {
    expect(dslText(lenPlus1)).toBe("(add (len s) 1)");
    expect(dslText(["λ", ["v"], ["neg", "int", ["$", "v", "int"]]])).toBe("(λ v. (neg v))");
  });

  it("lists subtrees of at least the minimum size", () => {
    const prog = ["mul", "int", lenPlus1, ["#", 2, "int"]];
    expect([...subtrees(prog, 3).values()].map(dslText)).toEqual(["(add (len s) 1)", "(mul (add (len s) 1) 2)"]);
  });
});

describe("relationGraph", () => {
  const f = (key: string, dsl: unknown[] | null, reused?: string[]) => ({ key, dsl, reused });

  it("joins functions sharing a subprogram of size >= 3, not smaller ones", () => {
    const g = relationGraph([f("a", ["mul", "int", lenPlus1, x]), f("b", ["neg", "int", lenPlus1]), f("c", ["neg", "int", lenS]), f("d", null)]);
    expect(g.nodes).toEqual(["a", "b", "c", "d"]);
    expect(g.edges).toEqual([{ a: "a", b: "b", kind: "subprogram", via: "(add (len s) 1)" }]);
  });

  it("joins corpus reuse: shared ids and ids naming another function", () => {
    const g = relationGraph([f("a", null, ["corpus:42"]), f("b", null, ["corpus:42", "c"]), f("c", null)]);
    expect(g.edges).toEqual([
      { a: "a", b: "b", kind: "corpus", via: "corpus:42" },
      { a: "b", b: "c", kind: "corpus", via: "c" },
    ]);
  });

  it("ignores idioms shared by too many functions", () => {
    const many = Array.from({ length: 10 }, (_, i) => f(`f${i}`, ["neg", "int", lenPlus1]));
    expect(relationGraph(many, { maxShare: 8 }).edges).toEqual([]);
    expect(relationGraph(many, { maxShare: 10 }).edges).toHaveLength(45);
  });

  it("reports edges that appeared or vanished among functions of both runs", () => {
    const base = relationGraph([f("a", lenPlus1), f("b", lenPlus1), f("c", null), f("gone", lenPlus1)]);
    const head = relationGraph([f("a", lenPlus1), f("b", x), f("c", lenPlus1), f("new", lenPlus1)]);
    const changes = graphChanges(base, head);
    expect(changes.appeared.map((e) => `${e.a}-${e.b}`)).toEqual(["a-c"]);
    expect(changes.vanished.map((e) => `${e.a}-${e.b}`)).toEqual(["a-b"]);
  });
});
