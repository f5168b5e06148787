/**
 * The grammar of a `synth-fun`, in either SyGuS-IF form:
 * - v1: `((Start String (ntString)) (ntString String (name " " (str.++ ntString ntString))) ...)`
 * - v2: a predeclaration `((Start String) (ntString String) ...)` followed by the same grouped rules.
 * Productions are nonterminals, parameters, literals, `(Variable Sort)` and operator applications (possibly
 * nested); `(Constant Sort)` (any constant) and operators outside src/dsl/prims/smt.ts are "unsupported:".
 */
import type { Primitive } from "../dsl/primitive.js";
import { SMT_LEFT_ASSOC, canonicalSmtOp, smtPrim, smtSignature } from "../dsl/prims/smt.js";
import { SpecFailure } from "./errors.js";
import { showSExp, symbolOf, type SExp } from "./sygus-sexp.js";
import { readLiteral, readSort, sortType, typeSort, unsupported } from "./sygus-term.js";
import type { SygusGrammar, SygusNonterminal, SygusRule, SygusSort } from "./sygus-types.js";

/** What grammar terms may refer to besides nonterminals. */
export interface GrammarScope {
  readonly version: 1 | 2;
  /** Parameters by symbol: Python name and sort. */
  readonly params: ReadonlyMap<string, { readonly name: string; readonly sort: SygusSort }>;
  /** Functions defined with define-fun (not usable in grammars). */
  readonly macros: ReadonlySet<string>;
}

/** Reads the grammar part of a synth-fun (`items` after the return sort: one list in v1, two in v2). */
export function readGrammar(items: readonly SExp[], line: number, scope: GrammarScope): { grammar: SygusGrammar } {
  const [first, second] = items;
  if (!first) throw unsupported("synth-fun without a grammar (Aurora-X searches only within the problem's grammar)", line);
  const grouped = second ?? first;
  const declared = second ? readPredeclaration(first) : undefined;
  const heads = readHeads(grouped, declared);
  const ntSorts = new Map(heads.map((h) => [h.name, h.sort] as const));
  const nonterminals: SygusNonterminal[] = heads.map((h) => ({ name: h.name, sort: h.sort, line: h.line, rules: readRules(h, ntSorts, scope) }));
  const start = declared ? (declared[0]?.name ?? "Start") : ntSorts.has("Start") ? "Start" : (heads[0]?.name ?? "Start");
  if (items.length > 2) throw new SpecFailure(`unexpected ${showSExp(items[2] ?? first)} after the grammar`, items[2]?.line ?? line);
  return { grammar: { start, nonterminals } };
}

interface Head {
  readonly name: string;
  readonly sort: SygusSort;
  readonly line: number;
  readonly body: SExp;
}

function listItems(e: SExp | undefined, what: string, line: number): readonly SExp[] {
  if (!e || e.kind !== "list") throw new SpecFailure(`expected ${what}, found ${e ? showSExp(e) : "nothing"}`, e?.line ?? line);
  return e.items;
}

function readPredeclaration(e: SExp): { name: string; sort: SygusSort }[] {
  return listItems(e, "the list of nonterminals ((Start String) ...)", e.line).map((d) => {
    const [n, s, extra] = listItems(d, "a nonterminal declaration (Name Sort)", e.line);
    const name = symbolOf(n);
    if (!name || extra) throw new SpecFailure(`expected a nonterminal declaration (Name Sort), found ${showSExp(d)}`, d.line);
    return { name, sort: readSort(s, d.line) };
  });
}

function readHeads(grouped: SExp, declared: readonly { name: string; sort: SygusSort }[] | undefined): Head[] {
  const heads = listItems(grouped, "the grammar's rules ((Start String (...)) ...)", grouped.line).map((g): Head => {
    const [n, s, body, extra] = listItems(g, "a nonterminal with its rules (Name Sort (rules...))", grouped.line);
    const name = symbolOf(n);
    if (!name || !body || extra) throw new SpecFailure(`expected a nonterminal with its rules (Name Sort (rules...)), found ${showSExp(g)}`, g.line);
    return { name, sort: readSort(s, g.line), line: g.line, body };
  });
  const seen = new Set<string>();
  for (const h of heads) {
    if (seen.has(h.name)) throw new SpecFailure(`nonterminal ${h.name} is defined twice`, h.line);
    seen.add(h.name);
    const d = declared?.find((x) => x.name === h.name);
    if (declared && (!d || d.sort !== h.sort)) throw new SpecFailure(`nonterminal ${h.name} ${h.sort} is not declared so in the list of nonterminals`, h.line);
  }
  for (const d of declared ?? []) if (!seen.has(d.name)) throw new SpecFailure(`nonterminal ${d.name} is declared but has no rules`, grouped.line);
  return heads;
}

function readRules(h: Head, nts: ReadonlyMap<string, SygusSort>, scope: GrammarScope): SygusRule[] {
  const out: SygusRule[] = [];
  for (const g of listItems(h.body, `the rules of ${h.name}`, h.line)) {
    for (const rule of readGTerm(g, nts, scope)) {
      const sort = ruleSort(rule, nts);
      if (sort !== h.sort) throw new SpecFailure(`ill-sorted grammar: ${showSExp(g)} is ${sort}, nonterminal ${h.name} is ${h.sort}`, g.line);
      out.push(rule);
    }
  }
  return out;
}

/** The sort of a production. */
export function ruleSort(r: SygusRule, nts: ReadonlyMap<string, SygusSort>): SygusSort {
  return r.kind === "nt" ? (nts.get(r.name) ?? "String") : r.sort;
}

/** One grammar term as productions (`(Variable String)` stands for several). */
function readGTerm(g: SExp, nts: ReadonlyMap<string, SygusSort>, scope: GrammarScope): SygusRule[] {
  const lit = readLiteral(g, scope.version);
  if (lit) return [{ kind: "const", value: lit.value, sort: lit.sort }];
  const sym = symbolOf(g);
  if (sym !== undefined) return [readSymbolRule(sym, g.line, nts, scope)];
  if (g.kind !== "list" || g.items.length === 0) throw new SpecFailure(`expected a grammar term, found ${showSExp(g)}`, g.line);
  const head = symbolOf(g.items[0]);
  if (head === "Constant") throw unsupported(`grammar term ${showSExp(g)} (any constant): list the constants instead`, g.line);
  if (head === "Variable" || head === "InputVariable") return variablesOfSort(readSort(g.items[1], g.line), scope);
  if (head === "LocalVariable") throw unsupported(`grammar term ${showSExp(g)}`, g.line);
  if (head === undefined) throw unsupported(`grammar term ${showSExp(g)} (the operator must be a symbol)`, g.line);
  if (scope.macros.has(head)) throw unsupported(`function ${head} (defined with define-fun) in a grammar`, g.line);
  const args = g.items.slice(1).map((a) => single(readGTerm(a, nts, scope), a));
  return [opRule(head, args, g.line, nts)];
}

function single(rules: readonly SygusRule[], g: SExp): SygusRule {
  const [r] = rules;
  if (!r || rules.length !== 1) throw unsupported(`${showSExp(g)} as an operator's argument`, g.line);
  return r;
}

function readSymbolRule(sym: string, line: number, nts: ReadonlyMap<string, SygusSort>, scope: GrammarScope): SygusRule {
  if (nts.has(sym)) return { kind: "nt", name: sym };
  const p = scope.params.get(sym);
  if (p) return { kind: "var", name: p.name, sort: p.sort };
  if (scope.macros.has(sym)) throw unsupported(`constant ${sym} (defined with define-fun) in a grammar`, line);
  throw new SpecFailure(`unknown symbol ${sym} in the grammar: not a nonterminal, a parameter or a literal`, line);
}

function variablesOfSort(sort: SygusSort, scope: GrammarScope): SygusRule[] {
  return [...scope.params.values()].filter((p) => p.sort === sort).map((p) => ({ kind: "var", name: p.name, sort }));
}

/** An operator production, with its primitive checked against the argument sorts (n-ary ones fold left). */
function opRule(op: string, args: readonly SygusRule[], line: number, nts: ReadonlyMap<string, SygusSort>): SygusRule {
  if (args.length > 2 && SMT_LEFT_ASSOC.has(canonicalSmtOp(op))) {
    return args.slice(2).reduce((acc, a) => opRule(op, [acc, a], line, nts), opRule(op, args.slice(0, 2), line, nts));
  }
  const prim: Primitive | undefined = smtPrim(op, args.length);
  if (!prim) throw unsupported(`operator ${op} with ${args.length} argument${args.length === 1 ? "" : "s"}`, line);
  const sorts = args.map((a) => ruleSort(a, nts));
  const sig = smtSignature(prim, sorts.map(sortType));
  const ret = sig ? typeSort(sig.ret) : undefined;
  if (!ret) throw new SpecFailure(`ill-sorted grammar: ${op} does not take (${sorts.join(", ")})`, line);
  return { kind: "op", prim: prim.name, args, sort: ret };
}
