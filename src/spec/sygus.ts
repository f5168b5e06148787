/**
 * The SyGuS-IF front end: programming-by-example problems in SyGuS-IF v1 or v2 over strings and integers (logics
 * SLIA, S, LIA). A file's `synth-fun` becomes a Problem (format "sygus") whose examples are its constraints
 * `(= (f inputs...) output)` and whose `sygus` data holds the grammar the search must stay within.
 *
 * Supported commands: set-logic, set-option/set-info/set-feature (ignored), declare-var, declare-fun of arity 0,
 * define-fun (before check-synth: expanded where constraints apply it; after check-synth: the reference solution
 * of a benchmark), synth-fun with a grammar, constraint, check-synth. Anything else, and constraints that are not
 * input/output examples, is a SpecError whose message starts with "unsupported:". Never throws for bad input.
 */
import type { Expr } from "../dsl/expr.js";
import { typeEquals, type Type } from "../dsl/types.js";
import { hashKey, isError, type Value } from "../dsl/values.js";
import { SpecFailure, specError } from "./errors.js";
import type { Example, Param, ParsedSpecs, Problem, SpecError } from "./problem.js";
import { readGrammar } from "./sygus-grammar.js";
import { readSExps, showSExp, symbolOf, type SExp } from "./sygus-sexp.js";
import { evalGround, readSort, readTerm, sortType, termSize, unsupported, type Macro, type TermScope } from "./sygus-term.js";
import type { SygusData, SygusReference, SygusSort } from "./sygus-types.js";

export type { SygusData, SygusGrammar, SygusNonterminal, SygusReference, SygusRule, SygusSort } from "./sygus-types.js";
export { parseSygusTerm, type TermScope } from "./sygus-term.js";

const LOGICS = new Set(["SLIA", "S", "LIA", "NIA", "ALL", "QF_SLIA", "QF_S", "QF_LIA", "QF_NIA"]);
const IGNORED = new Set(["set-option", "set-info", "set-feature"]);
const UNSUPPORTED_COMMANDS = new Set(["synth-inv", "inv-constraint", "declare-primed-var", "declare-datatype", "declare-datatypes", "declare-sort", "define-sort", "assume", "chc-constraint", "oracle-constraint", "declare-oracle-fun", "optimize-synth", "declare-weight"]);

/** Parses the text of a SyGuS-IF file: one Problem per synth-fun, or SpecErrors naming file:line. */
export function parseSygus(text: string, file: string): ParsedSpecs {
  try {
    return new SygusFile(text, file).parse();
  } catch (e) {
    if (e instanceof SpecFailure) return { problems: [], errors: [specError(file, e.line, e.message)] };
    throw e;
  }
}

interface SynthFun {
  readonly symbol: string;
  readonly line: number;
  readonly params: readonly { readonly symbol: string; readonly sort: SygusSort }[];
  readonly ret: SygusSort;
  readonly items: readonly SExp[];
  readonly examples: Example[];
  /** Keys of the examples so far (inputs and output), to drop repeated ones. */
  readonly seen: Set<string>;
  failure?: SpecFailure;
  reference?: SygusReference;
}

class SygusFile {
  private readonly sexps: readonly SExp[];
  private readonly version: 1 | 2;
  private logic = "";
  private readonly vars = new Map<string, SygusSort>();
  private readonly macros = new Map<string, Macro>();
  private readonly funs = new Map<string, SynthFun>();
  private checked = false;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    this.sexps = readSExps(text);
    this.version = detectVersion(this.sexps);
  }

  parse(): ParsedSpecs {
    for (const cmd of this.sexps) this.command(cmd);
    if (this.funs.size === 0) throw new SpecFailure("no synth-fun in the file", 1);
    const problems: Problem[] = [];
    const errors: SpecError[] = [];
    for (const f of this.funs.values()) {
      try {
        if (f.failure) throw f.failure;
        problems.push(this.problem(f));
      } catch (e) {
        if (!(e instanceof SpecFailure)) throw e;
        errors.push(specError(this.file, e.line, e.message, f.symbol));
      }
    }
    return { problems, errors };
  }

  private command(cmd: SExp): void {
    if (cmd.kind !== "list" || cmd.items.length === 0) throw new SpecFailure(`expected a command (...), found ${showSExp(cmd)}`, cmd.line);
    const name = symbolOf(cmd.items[0]) ?? "";
    const args = cmd.items.slice(1);
    if (IGNORED.has(name)) return;
    if (UNSUPPORTED_COMMANDS.has(name)) throw unsupported(`command ${name}`, cmd.line);
    switch (name) {
      case "set-logic":
        return this.setLogic(args, cmd.line);
      case "declare-var":
        return this.declareVar(args, cmd.line);
      case "declare-fun":
        return this.declareFun(args, cmd.line);
      case "define-fun":
        return this.checked ? this.reference(cmd) : this.defineFun(args, cmd.line);
      case "synth-fun":
        return this.synthFun(args, cmd.line);
      case "constraint":
        return this.constraint(args, cmd.line);
      case "check-synth":
        this.checked = true;
        return;
      default:
        throw unsupported(`command ${name || showSExp(cmd)}`, cmd.line);
    }
  }

  private setLogic(args: readonly SExp[], line: number): void {
    const logic = symbolOf(args[0]) ?? "";
    if (!LOGICS.has(logic)) throw unsupported(`logic ${logic || "(missing)"}: use SLIA, S or LIA`, line);
    this.logic = logic;
  }

  private declareVar(args: readonly SExp[], line: number): void {
    const name = symbolOf(args[0]);
    if (!name || args.length !== 2) throw new SpecFailure("expected (declare-var name Sort)", line);
    this.vars.set(name, readSort(args[1], line));
  }

  private declareFun(args: readonly SExp[], line: number): void {
    const [n, params, sort] = args;
    if (params?.kind !== "list" || params.items.length > 0) throw unsupported("declare-fun with arguments (uninterpreted functions)", line);
    this.declareVar(n && sort ? [n, sort] : [], line);
  }

  private defineFun(args: readonly SExp[], line: number): void {
    const [n, params, sort, body] = args;
    const name = symbolOf(n);
    if (!name || !params || !sort || !body || args.length !== 4) throw new SpecFailure("expected (define-fun name ((x Sort) ...) Sort body)", line);
    const ps = readParams(params, line).map((p) => ({ symbol: p.symbol, type: sortType(p.sort) }));
    this.macros.set(name, { params: ps, ret: sortType(readSort(sort, line)), body });
  }

  private synthFun(args: readonly SExp[], line: number): void {
    const [n, params, sort, ...items] = args;
    const symbol = symbolOf(n);
    if (!symbol || !params || !sort) throw new SpecFailure("expected (synth-fun name ((x Sort) ...) Sort grammar)", line);
    if (this.funs.has(symbol)) throw new SpecFailure(`synth-fun ${symbol} is declared twice`, line);
    const f: SynthFun = { symbol, line, params: readParams(params, line), ret: readSort(sort, line), items, examples: [], seen: new Set() };
    this.funs.set(symbol, f);
  }

  /** A constraint must be an example of one synth-fun; otherwise every function it names is unsupported. */
  private constraint(args: readonly SExp[], line: number): void {
    const [term] = args;
    if (!term || args.length !== 1) throw new SpecFailure("expected (constraint term)", line);
    const named = [...this.funs.values()].filter((f) => mentions(term, f.symbol));
    try {
      this.example(term, line);
    } catch (e) {
      if (!(e instanceof SpecFailure) || named.length === 0) throw e;
      for (const f of named) f.failure ??= e;
    }
  }

  private example(term: SExp, line: number): void {
    const shape = exampleShape(term, this.funs);
    if (!shape) throw unsupported(`constraint ${showSExp(term, this.text)} is not an input/output example (expected (= (f inputs...) output))`, line);
    const { fun, app, out } = shape;
    const inputs = app.items.slice(1).map((a, i) => this.ground(a, fun.params[i]?.sort, line));
    if (inputs.length !== fun.params.length) throw new SpecFailure(`${fun.symbol} takes ${fun.params.length} arguments, the constraint gives ${inputs.length}`, line);
    const output = typeof out === "boolean" ? out : this.ground(out, fun.ret, line);
    addExample(fun, { inputs, output, line });
  }

  /** The value of a ground term of the expected sort (example inputs and outputs). */
  private ground(e: SExp, sort: SygusSort | undefined, line: number): Value {
    const free = [...this.vars.keys()].find((x) => mentions(e, x));
    if (free) throw unsupported(`constraint mentions the universally quantified variable ${free}: only input/output examples are supported`, line);
    const expr = readTerm(e, this.scope(new Map()));
    if (sort && !typeEquals(expr.type, sortType(sort))) throw new SpecFailure(`ill-sorted example: ${showSExp(e, this.text)} is not ${sort}`, e.line);
    const value = evalGround(expr);
    if (isError(value)) throw unsupported(`example term ${showSExp(e, this.text)} is undefined (division by zero)`, e.line);
    return value;
  }

  private scope(vars: TermScope["vars"]): TermScope {
    return { version: this.version, vars, macros: this.macros };
  }

  /** A define-fun after check-synth: the reference solution of the synth-fun with the same signature. */
  private reference(cmd: Extract<SExp, { kind: "list" }>): void {
    const [, , params, sort, body] = cmd.items;
    const funs = [...this.funs.values()];
    if (!params || !sort || !body || funs.length !== 1) return;
    const fun = funs[0] as SynthFun;
    if (fun.reference) return;
    const ps = readParams(params, cmd.line);
    if (readSort(sort, cmd.line) !== fun.ret || ps.length !== fun.params.length || ps.some((p, i) => p.sort !== fun.params[i]?.sort)) return;
    const names = pythonNames(fun.params.map((p) => p.symbol));
    const vars = new Map(ps.map((p, i) => [p.symbol, { name: names[i] as string, type: sortType(p.sort) }] as const));
    const text = this.text.slice(cmd.start, cmd.end);
    const reference: SygusReference = { text, size: termSize(body), line: cmd.line };
    const program = tryRead(body, this.scope(vars));
    fun.reference = program ? { ...reference, program } : reference;
  }

  private problem(f: SynthFun): Problem {
    const names = pythonNames(f.params.map((p) => p.symbol));
    const params: Param[] = f.params.map((p, i) => ({ name: names[i] as string, type: sortType(p.sort) }));
    const scope = { version: this.version, params: new Map(f.params.map((p, i) => [p.symbol, { name: names[i] as string, sort: p.sort }] as const)), macros: new Set(this.macros.keys()) };
    const { grammar } = readGrammar(f.items, f.line, scope);
    const startSort = grammar.nonterminals.find((n) => n.name === grammar.start)?.sort;
    if (startSort !== f.ret) throw new SpecFailure(`the grammar's start symbol ${grammar.start} is ${startSort ?? "undefined"}, ${f.symbol} returns ${f.ret}`, f.line);
    if (f.examples.length === 0) throw new SpecFailure(`no input/output examples (constraints) for ${f.symbol}`, f.line);
    const sygus: SygusData = {
      version: this.version,
      logic: this.logic,
      funSymbol: f.symbol,
      paramSymbols: f.params.map((p) => p.symbol),
      paramSorts: f.params.map((p) => p.sort),
      returnSort: f.ret,
      grammar,
      ...(f.reference ? { reference: f.reference } : {}),
    };
    const returns: Type = sortType(f.ret);
    return { name: pythonName(f.symbol, new Set(names)), file: this.file, line: f.line, format: "sygus", description: "", params, returns, examples: f.examples, tests: [], helpers: [], preamble: [], sygus };
  }
}

/** The program of a reference solution, or undefined when it uses what the reader does not support. */
function tryRead(body: SExp, scope: TermScope): Expr | undefined {
  try {
    return readTerm(body, scope);
  } catch (e) {
    if (e instanceof SpecFailure) return undefined;
    throw e;
  }
}

/**
 * Adds an example unless the very same one is already there (the "-repeat" benchmarks repeat examples). Examples
 * that give the same inputs different outputs are all kept: such a problem is unrealizable, which is the search's
 * answer to give, not a parse error.
 */
function addExample(f: SynthFun, ex: Example): void {
  const key = [...ex.inputs, ex.output].map(hashKey).join("|");
  if (f.seen.has(key)) return;
  f.seen.add(key);
  f.examples.push(ex);
}

/** `(= (f a...) out)`, `(= out (f a...))`, `(f a...)` (true) or `(not (f a...))` (false). */
function exampleShape(term: SExp, funs: ReadonlyMap<string, SynthFun>): { fun: SynthFun; app: Extract<SExp, { kind: "list" }>; out: SExp | boolean } | undefined {
  const appOf = (e: SExp | undefined): { fun: SynthFun; app: Extract<SExp, { kind: "list" }> } | undefined => {
    const fun = e?.kind === "list" ? funs.get(symbolOf(e.items[0]) ?? "") : undefined;
    return fun && e?.kind === "list" ? { fun, app: e } : undefined;
  };
  if (term.kind !== "list") return undefined;
  const [head, a, b] = term.items;
  const h = symbolOf(head);
  if (h === "=" && term.items.length === 3 && a && b) {
    const left = appOf(a);
    const right = appOf(b);
    if (left && !right) return { ...left, out: b };
    if (right && !left) return { ...right, out: a };
    return undefined;
  }
  const direct = appOf(term);
  if (direct && direct.fun.ret === "Bool") return { ...direct, out: true };
  const negated = h === "not" && term.items.length === 2 ? appOf(a) : undefined;
  if (negated && negated.fun.ret === "Bool") return { ...negated, out: false };
  return undefined;
}

/** True when the symbol occurs anywhere in the term. */
function mentions(e: SExp, symbol: string): boolean {
  if (e.kind === "atom") return e.text === symbol;
  return e.kind === "list" && e.items.some((x) => mentions(x, symbol));
}

function readParams(e: SExp, line: number): { symbol: string; sort: SygusSort }[] {
  if (e.kind !== "list") throw new SpecFailure(`expected a parameter list ((x Sort) ...), found ${showSExp(e)}`, e.line);
  return e.items.map((p) => {
    const [n, s, extra] = p.kind === "list" ? p.items : [];
    const symbol = symbolOf(n);
    if (!symbol || extra) throw new SpecFailure(`expected a parameter (name Sort), found ${showSExp(p)}`, p.line);
    return { symbol, sort: readSort(s, line) };
  });
}

/**
 * The SyGuS-IF version: 2 when a synth-fun predeclares its nonterminals (v2 grammar syntax) or the file uses
 * SMT-LIB 2.6 operator names (`str.from_int`), else 1. String-literal escapes (`\u{...}`) depend on it.
 */
function detectVersion(sexps: readonly SExp[]): 1 | 2 {
  let v2 = false;
  const visit = (e: SExp): void => {
    if (e.kind === "atom") v2 ||= V2_ONLY.has(e.text);
    else if (e.kind === "list") e.items.forEach(visit);
  };
  sexps.forEach(visit);
  const predeclared = sexps.some((s) => s.kind === "list" && symbolOf(s.items[0]) === "synth-fun" && s.items.length === 6);
  return v2 || predeclared ? 2 : 1;
}

const V2_ONLY = new Set(["str.from_int", "str.to_int", "str.replace_all", "str.<", "str.<=", "str.is_digit", "str.from_code", "str.to_code"]);

const PY_KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(" "),
);

/** A SyGuS symbol as a Python identifier (invalid characters become `_`; keywords and clashes get a suffix). */
export function pythonName(symbol: string, taken: ReadonlySet<string> = new Set()): string {
  let base = symbol.replace(/[^A-Za-z0-9_]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = "_" + base;
  let name = PY_KEYWORDS.has(base) ? base + "_" : base;
  for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
  return name;
}

function pythonNames(symbols: readonly string[]): string[] {
  const taken = new Set<string>();
  return symbols.map((s) => {
    const n = pythonName(s, taken);
    taken.add(n);
    return n;
  });
}
