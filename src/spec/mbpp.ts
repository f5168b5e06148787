import { FLOAT } from "../dsl/types.js";
import { SpecFailure, specError } from "./errors.js";
import { bindArguments, inferSignature, label, type ExampleDraft, type ParamDraft } from "./infer.js";
import { LiteralReader, LiteralSyntaxError, lit, parsePyLiteral, type PyCall, type PyLiteral } from "./pyliteral.js";
import { parseDefHeader, scanSource } from "./pysource.js";
import type { ParsedSpecs, Problem, SpecError } from "./problem.js";

/** Options of the MBPP loader. */
export interface MbppOptions {
  /**
   * How many asserts of each task, counted from the end of `test_list`, are held out as `tests` (checked
   * after synthesis, never searched on).
   * @default 0
   */
  readonly holdout?: number;
}

/**
 * MBPP JSON lines (one task per line: `task_id`, `text`, `code`, `test_list`). Each assert is an example:
 * `assert f(args) == value` (spacing free, the call possibly parenthesized), `assert f(args) is True|False|None`,
 * `assert f(args)` (True), `assert not f(args)` (False), and `assert math.isclose(f(args), value, rel_tol=..,
 * abs_tol=..)` (a float output with that tolerance). Any other form (a call wrapped in `set(...)`, `int(...)`,
 * arguments that are names or calls) makes that task a SpecError. Parameter names come from the reference
 * `code`'s def of the called function (`arg0`, `arg1`, ... when there is none); types are inferred.
 */
export function parseMbpp(text: string, file: string, options: MbppOptions = {}): ParsedSpecs {
  const problems: Problem[] = [];
  const errors: SpecError[] = [];
  text.split("\n").forEach((raw, i) => {
    if (raw.trim() === "") return;
    const result = parseTask(raw, file, i + 1, options.holdout ?? 0);
    if ("message" in result) errors.push(result);
    else problems.push(result);
  });
  return { problems, errors };
}

interface MbppTask {
  readonly task_id: number;
  readonly text: string;
  readonly code: string;
  readonly test_list: readonly string[];
}

function parseTask(raw: string, file: string, line: number, holdout: number): Problem | SpecError {
  let task: MbppTask;
  try {
    task = readTask(raw, line);
  } catch (e) {
    if (e instanceof SpecFailure) return specError(file, e.line, e.message);
    throw e;
  }
  try {
    return taskProblem(task, file, line, holdout);
  } catch (e) {
    if (e instanceof SpecFailure) return specError(file, e.line, `task ${task.task_id}: ${e.message}`, calledName(task));
    throw e;
  }
}

function readTask(raw: string, line: number): MbppTask {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new SpecFailure(`invalid JSON line: ${e instanceof Error ? e.message : String(e)}`, line, { cause: e });
  }
  const o = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  const tests = o["test_list"];
  if (typeof o["task_id"] !== "number" || !Array.isArray(tests) || !tests.every((t) => typeof t === "string")) {
    throw new SpecFailure("an MBPP line needs task_id (a number) and test_list (a list of assert strings)", line);
  }
  return {
    task_id: o["task_id"],
    text: typeof o["text"] === "string" ? o["text"] : "",
    code: typeof o["code"] === "string" ? o["code"] : "",
    test_list: tests as string[],
  };
}

/** The function the first assert calls, for naming errors (best effort). */
function calledName(task: MbppTask): string | undefined {
  const chain = /^assert\s+(?:not\s+)?((?:[\s(]*[\w.]+\s*\()+)/.exec(task.test_list[0] ?? "")?.[1] ?? "";
  return [...chain.matchAll(/([A-Za-z_]\w*)\s*\(/g)].at(-1)?.[1];
}

function taskProblem(task: MbppTask, file: string, line: number, holdout: number): Problem {
  const asserts = task.test_list.map((t) => readAssert(t, line));
  const name = asserts[0]?.call.name;
  if (name === undefined) throw new SpecFailure("test_list is empty: there are no examples", line);
  const other = asserts.find((a) => a.call.name !== name);
  if (other) throw new SpecFailure(`the asserts call both ${name} and ${other.call.name}; they must test one function`, line);
  if (holdout >= asserts.length) throw new SpecFailure(`holdout ${holdout} leaves no examples from ${asserts.length} asserts`, line);
  const params = paramsFor(task.code, name, Math.max(...asserts.map((a) => a.call.args.length)));
  const drafts = asserts.map((a, i): ExampleDraft => {
    const where = { label: label("assert", i), line };
    const base = { args: bindArguments(a.call, params, where), output: a.output, line, label: where.label };
    return a.tolerance ? { ...base, tolerance: a.tolerance } : base;
  });
  const cut = asserts.length - holdout;
  const sig = inferSignature({ params, examples: drafts.slice(0, cut), tests: drafts.slice(cut), line });
  return {
    name, file, line, format: "mbpp", description: task.text, taskId: task.task_id,
    params: sig.params, returns: sig.returns, examples: sig.examples, tests: sig.tests, helpers: [], preamble: [],
  };
}

/** Parameter names (and literal defaults) from the reference code's def of `name`, padded with arg0, arg1, ... */
function paramsFor(code: string, name: string, arity: number): ParamDraft[] {
  const src = scanSource(code);
  const header = src.lines.map((l) => parseDefHeader(src, l)).find((h) => h?.name === name);
  const written = header && header.params.every((p) => p.star === "") ? header.params : [];
  return Array.from({ length: arity }, (_, i) => {
    const p = written[i];
    const parsed = p?.defaultText === undefined ? undefined : parsePyLiteral(p.defaultText);
    return { name: p?.name ?? `arg${i}`, ...(parsed?.ok ? { default: parsed.value } : {}) };
  });
}

// ---------------------------------------------------------------------------------------------------------
// asserts

interface AssertExample {
  readonly call: PyCall;
  readonly output: PyLiteral;
  readonly tolerance?: { readonly rel: number; readonly abs: number };
}

const TRUE = lit(true, { kind: "bool" });
const FALSE = lit(false, { kind: "bool" });

/** Reads one assert line. @throws SpecFailure naming the form when it cannot be represented. */
function readAssert(text: string, line: number): AssertExample {
  const r = new LiteralReader(text.trim());
  try {
    if (r.name() !== "assert") r.fail("expected an assert statement");
    const ex = assertBody(r);
    r.skipSpace();
    if (!r.atEnd() && !r.tryEat(";")) r.fail("unexpected text after the comparison");
    return ex;
  } catch (e) {
    if (!(e instanceof LiteralSyntaxError)) throw e;
    throw new SpecFailure(`cannot use \`${short(text)}\` (column ${e.offset + 1}): ${e.message}`, line, { cause: e });
  }
}

function assertBody(r: LiteralReader): AssertExample {
  const save = r.pos;
  const first = r.name();
  if (first === "not") return { call: subjectCall(r), output: FALSE };
  if (first === "math.isclose") return isclose(r);
  r.pos = save;
  const call = subjectCall(r);
  if (r.tryEat("==")) return { call, output: r.literal() };
  if (r.tryEat("is")) {
    const v = r.literal();
    if (v.exactType.kind !== "bool" && v.exactType.kind !== "none") r.fail("only `is True`, `is False` and `is None` are supported");
    return { call, output: v };
  }
  r.skipSpace();
  return r.atEnd() ? { call, output: TRUE } : r.fail("only ==, `is True/False/None` and bare calls are supported comparisons");
}

/** `f(args)`, possibly in parentheses; a call wrapped in another call (`set(f(x))`) is refused. */
function subjectCall(r: LiteralReader): PyCall {
  let parens = 0;
  while (r.tryEat("(")) parens++;
  const save = r.pos;
  const outer = r.name();
  if (outer !== undefined && r.tryEat("(") && /^\s*\(*\s*[A-Za-z_][\w.]*\s*\(/.test(r.text.slice(r.pos))) {
    r.fail(`${outer}(...) wraps another call; Aurora-X needs the call itself with literal arguments, compared to a literal`, save);
  }
  r.pos = save;
  const call = r.call();
  for (let i = 0; i < parens; i++) r.expect(")", "')'");
  return call;
}

/** `math.isclose(f(args), value, rel_tol=.., abs_tol=..)` after the name. */
function isclose(r: LiteralReader): AssertExample {
  r.expect("(", "'(' after math.isclose");
  const call = subjectCall(r);
  r.expect(",", "',' after the call");
  const value = r.literal();
  if (value.exactType.kind !== "int" && value.exactType.kind !== "float") r.fail("math.isclose needs a number to compare with");
  const tol = { rel: 1e-9, abs: 0 };
  while (!r.tryEat(")")) {
    r.expect(",", "',' or ')' in math.isclose(...)");
    if (r.tryEat(")")) break;
    const key = r.name();
    r.expect("=", "'=' after a keyword");
    const v = Number(r.literal().value);
    if (key === "rel_tol") tol.rel = v;
    else if (key === "abs_tol") tol.abs = v;
    else r.fail(`unknown math.isclose keyword ${key ?? "?"}`);
  }
  return { call, output: lit(Number(value.value), FLOAT), tolerance: tol };
}

function short(s: string): string {
  return s.length > 70 ? s.slice(0, 67) + "..." : s;
}
