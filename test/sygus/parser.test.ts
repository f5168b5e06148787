// The SyGuS-IF parser: v1 and v2 problems, literals and escapes, constraint forms, define-fun, reference
// solutions, and errors that name file:line ("unsupported:" for what lies outside the supported fragment).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOOL, INT, STR } from "../../src/dsl/types.js";
import { formatSpecError } from "../../src/spec/problem.js";
import { parseSygus } from "../../src/spec/sygus.js";
import { readSExps } from "../../src/spec/sygus-sexp.js";

const V1 = `; a comment
(set-logic SLIA)
(synth-fun f ((name String) (n Int)) String
    ((Start String (ntString))
     (ntString String (name " " "a""b" (str.++ ntString ntString) (int.to.str ntInt) (str.at ntString ntInt)))
     (ntInt Int (0 -1 (- 2) n (+ ntInt ntInt) (str.to.int ntString) (str.indexof ntString ntString ntInt)))
     (ntBool Bool (true (str.prefixof ntString ntString)))))
(declare-var name String)
(declare-var n Int)
(constraint (= (f "938-242-504" 1) "242"))
(constraint (= "x" (f "a b" (- 3))))
(constraint (= (f "938-242-504" 1) "242"))
(check-synth)
`;

const V2 = `(set-logic SLIA)
(define-fun twice ((s String)) String (str.++ s s))
(synth-fun g ((x String) (|in| Int)) Bool
  ((B Bool) (S String) (I Int))
  ((B Bool ((str.contains S S) (= I I) (not B) (and B B)))
   (S String ((Variable String) "\\u{48}i" (str.from_int I) (str.++ S "!")))
   (I Int (|in| (str.to_int S) (div I 2)))))
(constraint (g (twice "ab") 5))
(constraint (not (g "" 0)))
(constraint (= (g "q\\u0041" (- 7)) false))
(check-synth)
`;

describe("SyGuS-IF v1", () => {
  const r = parseSygus(V1, "v1.sl");
  const p = r.problems[0]!;

  it("gives one problem: name, parameters, return type, deduplicated examples with lines", () => {
    expect(r.errors).toEqual([]);
    expect([p.name, p.format, p.line, p.returns]).toEqual(["f", "sygus", 3, STR]);
    expect(p.params).toEqual([
      { name: "name", type: STR },
      { name: "n", type: INT },
    ]);
    expect(p.examples).toEqual([
      { inputs: ["938-242-504", 1], output: "242", line: 10 },
      { inputs: ["a b", -3], output: "x", line: 11 },
    ]);
    expect(p.tests).toEqual([]);
  });

  it("keeps the grammar: nonterminals with sorts, literals, variables, operators (v1 names read as v2 primitives)", () => {
    const g = p.sygus!.grammar;
    expect(p.sygus!.version).toBe(1);
    expect(g.start).toBe("Start");
    expect(g.nonterminals.map((n) => [n.name, n.sort, n.line])).toEqual([
      ["Start", "String", 4],
      ["ntString", "String", 5],
      ["ntInt", "Int", 6],
      ["ntBool", "Bool", 7],
    ]);
    expect(g.nonterminals[0]!.rules).toEqual([{ kind: "nt", name: "ntString" }]);
    expect(g.nonterminals[1]!.rules.slice(0, 4)).toEqual([
      { kind: "var", name: "name", sort: "String" },
      { kind: "const", value: " ", sort: "String" },
      { kind: "const", value: 'a"b', sort: "String" },
      { kind: "op", prim: "smt.str.++", args: [{ kind: "nt", name: "ntString" }, { kind: "nt", name: "ntString" }], sort: "String" },
    ]);
    expect(g.nonterminals[1]!.rules[4]).toMatchObject({ kind: "op", prim: "smt.str.from_int" });
    expect(g.nonterminals[2]!.rules.slice(0, 3).map((x) => (x.kind === "const" ? x.value : x.kind))).toEqual([0, -1, -2]);
  });
});

describe("SyGuS-IF v2", () => {
  const r = parseSygus(V2, "v2.sl");
  const p = r.problems[0]!;

  it("reads the predeclared nonterminals, Variable terms, nested terms, escapes and quoted symbols", () => {
    expect(r.errors).toEqual([]);
    expect(p.sygus!.version).toBe(2);
    expect(p.sygus!.paramSymbols).toEqual(["x", "in"]);
    expect(p.params).toEqual([
      { name: "x", type: STR },
      { name: "in_", type: INT },
    ]);
    expect(p.returns).toEqual(BOOL);
    const [b, s, i] = p.sygus!.grammar.nonterminals;
    expect(p.sygus!.grammar.start).toBe("B");
    expect(b!.rules.map((x) => (x.kind === "op" ? x.prim : x.kind))).toEqual(["smt.str.contains", "smt.=", "smt.not", "smt.and"]);
    expect(s!.rules[0]).toEqual({ kind: "var", name: "x", sort: "String" });
    expect(s!.rules[1]).toEqual({ kind: "const", value: "Hi", sort: "String" });
    expect(s!.rules[3]).toEqual({ kind: "op", prim: "smt.str.++", args: [{ kind: "nt", name: "S" }, { kind: "const", value: "!", sort: "String" }], sort: "String" });
    expect(i!.rules[0]).toEqual({ kind: "var", name: "in_", sort: "Int" });
  });

  it("reads (f ...), (not (f ...)) and (= (f ...) out) examples, expanding define-fun and escapes", () => {
    expect(p.examples.map((e) => [e.inputs, e.output])).toEqual([
      [["abab", 5], true],
      [["", 0], false],
      [["qA", -7], false],
    ]);
  });
});

describe("reference solutions after check-synth", () => {
  it("keeps the text, its size in AST nodes and the program", () => {
    const text = V1 + '(define-fun f_1 ((a String) (b Int)) String (str.++ (str.at a (- 1)) (int.to.str (+ b 1 2))))\n';
    const ref = parseSygus(text, "ref.sl").problems[0]!.sygus!.reference!;
    expect(ref.text).toBe("(define-fun f_1 ((a String) (b Int)) String (str.++ (str.at a (- 1)) (int.to.str (+ b 1 2))))");
    expect(ref.line).toBe(14);
    expect(ref.size).toBe(9);
    expect(ref.program).toMatchObject({ t: "call", op: "smt.str.++" });
  });
});

describe("the S-expression reader", () => {
  it("knows lines and offsets, doubled quotes, quoted symbols and comments", () => {
    const [a, b] = readSExps('(x "a""\nb" |p q|) ; c\n\n(y)');
    expect(a).toMatchObject({ kind: "list", line: 1, start: 0, items: [{ text: "x" }, { kind: "str", raw: 'a"\nb', line: 1 }, { text: "p q", quoted: true }] });
    expect(b).toMatchObject({ kind: "list", line: 4, items: [{ text: "y", line: 4 }] });
  });
});

const HEAD = "(set-logic SLIA)\n";
const FUN = "(synth-fun f ((s String)) String ((Start String (s (str.++ Start Start)))))\n";
const EX = '(constraint (= (f "a") "aa"))\n';

describe("errors name file:line", () => {
  it.each([
    ["unclosed list", HEAD + "(synth-fun f\n", "e.sl:2: unbalanced '(': the list opened on line 2 is never closed"],
    ["extra parenthesis", HEAD + FUN + ")", "e.sl:3: unbalanced ')': no '(' is open here"],
    ["unterminated string", HEAD + '\n(constraint (= (f "a) "b"))', "e.sl:3: unterminated string literal"],
    ["logic", "(set-logic BV)\n" + FUN + EX, "e.sl:1: unsupported: logic BV: use SLIA, S or LIA"],
    ["command", HEAD + "(synth-inv inv ((x Int)))", "e.sl:2: unsupported: command synth-inv"],
    ["sort", HEAD + "(synth-fun f ((s (_ BitVec 8))) String ((Start String (s))))", "e.sl:2: unsupported: sort (_ BitVec 8): only String, Int and Bool are supported"],
    ["no grammar", HEAD + "(synth-fun f ((s String)) String)\n" + EX, "e.sl:2: f: unsupported: synth-fun without a grammar (Aurora-X searches only within the problem's grammar)"],
    ["operator", HEAD + "(synth-fun f ((s String)) Bool ((Start Bool ((str.in_re s s)))))\n" + '(constraint (f "a"))', "e.sl:2: f: unsupported: operator str.in_re with 2 arguments"],
    ["any constant", HEAD + "(synth-fun f ((s String)) String ((Start String (s (Constant String)))))\n" + EX, "e.sl:2: f: unsupported: grammar term (Constant String) (any constant): list the constants instead"],
    ["universal constraint", HEAD + FUN + "(declare-var x String)\n(constraint (= (f x) (str.++ x x)))", "e.sl:4: f: unsupported: constraint mentions the universally quantified variable x: only input/output examples are supported"],
    ["not an example", HEAD + FUN + '(constraint (= (str.len (f "a")) 2))', "e.sl:3: f: unsupported: constraint (= (str.len (f \"a\")) 2) is not an input/output example (expected (= (f inputs...) output))"],
    ["ill-sorted grammar", HEAD + "(synth-fun f ((s String)) String ((Start String (s (str.len s)))))\n" + EX, "e.sl:2: f: ill-sorted grammar: (str.len s) is Int, nonterminal Start is String"],
    ["ill-sorted operator", HEAD + "(synth-fun f ((s String)) String ((Start String (s (str.++ s 1)))))\n" + EX, "e.sl:2: f: ill-sorted grammar: str.++ does not take (String, Int)"],
    ["unknown symbol", HEAD + "(synth-fun f ((s String)) String ((Start String (s t))))\n" + EX, "e.sl:2: f: unknown symbol t in the grammar: not a nonterminal, a parameter or a literal"],
    ["ill-sorted example", HEAD + FUN + "(constraint (= (f 1) \"a\"))", "e.sl:3: f: ill-sorted example: 1 is not String"],
    ["no examples", HEAD + FUN, "e.sl:2: f: no input/output examples (constraints) for f"],
    ["no synth-fun", HEAD, "e.sl:1: no synth-fun in the file"],
    ["v2 undeclared nonterminal", HEAD + "(synth-fun f ((s String)) String ((Start String)) ((Start String (s)) (X Int (1))))\n" + EX, "e.sl:2: f: nonterminal X Int is not declared so in the list of nonterminals"],
  ])("%s", (_what, text, message) => {
    const r = parseSygus(text, "e.sl");
    expect(r.problems).toEqual([]);
    expect(r.errors.map(formatSpecError)).toEqual([message]);
  });
});

describe("robustness", () => {
  it("never throws: truncated and mangled files give problems or SpecErrors", () => {
    const sources = [V1, V2, V1 + "(define-fun f_1 ((a String) (b Int)) String (str.++ a a))"];
    const mangled = fc.tuple(fc.constantFrom(...sources), fc.nat(), fc.nat(), fc.constantFrom("", "(", ")", '"', "|", "-", "(- ", "\\u{", "x", "1"));
    fc.assert(
      fc.property(mangled, ([src, a, b, insert]) => {
        const i = a % (src.length + 1);
        const j = i + (b % 8);
        const r = parseSygus(src.slice(0, i) + insert + src.slice(j), "m.sl");
        expect(r.problems.length + r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
