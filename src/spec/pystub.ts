import { UNKNOWN, type Type } from "../dsl/types.js";
import { readAnnotation } from "./annotations.js";
import { readDocstring, type DocExample } from "./doctest.js";
import { SpecFailure, specError } from "./errors.js";
import { bindArguments, inferSignature, label, type ExampleDraft, type ParamDraft } from "./infer.js";
import { LiteralSyntaxError, parsePyLiteral } from "./pyliteral.js";
import { readStr, readStringToken, startsString } from "./pystring.js";
import { lineText, parseDefHeader, scanSource, type DefHeader, type LogicalLine, type ScannedSource } from "./pysource.js";
import type { Helper, ParsedSpecs, Problem, SpecError } from "./problem.js";

/**
 * Python stub files: every top-level `def` whose body is only a docstring (and `...` or `pass`) is a problem
 * to synthesize; a `def` with a real body is a helper the synthesized code may call; other top-level
 * statements (imports, constants, classes) are the preamble. The module docstring and an
 * `if __name__ == "__main__":` block are dropped. See doctest.ts for how examples are read from docstrings.
 */
export function parsePythonStubs(text: string, file: string): ParsedSpecs {
  const src = scanSource(text);
  const mod = splitModule(src);
  const errors: SpecError[] = [];
  if (src.error) errors.push(specError(file, src.error.line, `${src.error.message}; the rest of the file was not read`));
  const helpers = mod.defs.filter((d) => !d.stub).map((d) => toHelper(src, d));
  const problems: Problem[] = [];
  for (const def of mod.defs.filter((d) => d.stub)) {
    try {
      problems.push(toProblem(src, def, { file, helpers, preamble: mod.preamble }));
    } catch (e) {
      errors.push(toSpecError(e, file, def));
    }
  }
  if (problems.length === 0 && errors.length === 0) {
    errors.push(specError(file, 1, "no function to synthesize: add a def whose body is only a docstring with examples (>>> name(...))"));
  }
  return { problems, errors };
}

function toSpecError(e: unknown, file: string, def: DefBlock): SpecError {
  if (e instanceof SpecFailure) return specError(file, e.line || def.line.startLine, e.message, def.header.name);
  if (e instanceof LiteralSyntaxError) return specError(file, def.line.startLine, e.message, def.header.name);
  throw e;
}

// ---------------------------------------------------------------------------------------------------------
// module structure

/** A top-level def: decorators, header, body statements, and whether it is a stub to synthesize. */
interface DefBlock {
  readonly header: DefHeader;
  readonly line: LogicalLine;
  /** First physical line of the definition, decorators included. */
  readonly firstLine: number;
  readonly lastLine: number;
  readonly body: readonly LogicalLine[];
  /** The docstring statement, when the body starts with one. */
  readonly docstring?: { readonly offset: number; readonly line: number };
  readonly stub: boolean;
}

interface Module {
  readonly defs: readonly DefBlock[];
  readonly preamble: readonly string[];
}

/** Groups logical lines into top-level blocks (a statement and the indented lines after it). */
function splitModule(src: ScannedSource): Module {
  const defs: DefBlock[] = [];
  const preamble: string[] = [];
  const physical = src.text.split("\n");
  let decorators: LogicalLine[] = [];
  const { lines } = src;
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    let j = i + 1;
    while (j < lines.length && lines[j]!.indent > head.indent) j++;
    const body = lines.slice(i + 1, j);
    i = j - 1;
    const text = lineText(src, head);
    if (head.indent > 0) continue;
    if (text.startsWith("@")) {
      decorators.push(head);
      continue;
    }
    const def = parseDefHeader(src, head);
    const first = decorators[0]?.startLine ?? head.startLine;
    const last = body.at(-1)?.endLine ?? head.endLine;
    decorators = [];
    if (def) defs.push(defBlock(src, def, head, body, first, last));
    else if (!isDropped(src, head, defs.length + preamble.length === 0)) preamble.push(...physical.slice(first - 1, last));
  }
  return { defs, preamble: preamble.filter((l) => l.trim() !== "") };
}

/** The module docstring and the `if __name__ == "__main__":` block are not kept. */
function isDropped(src: ScannedSource, head: LogicalLine, atTop: boolean): boolean {
  if (atTop && isStringStatement(src, head)) return true;
  return /^if\s+__name__\s*==/.test(lineText(src, head));
}

/** True when the logical line is nothing but a string literal (a docstring). */
function isStringStatement(src: ScannedSource, l: LogicalLine): boolean {
  if (!startsString(src.text, l.start)) return false;
  try {
    return readStringToken(src.text, l.start).end === l.end;
  } catch {
    return false;
  }
}

function defBlock(src: ScannedSource, header: DefHeader, line: LogicalLine, body: LogicalLine[], firstLine: number, lastLine: number): DefBlock {
  const inline = src.masked.slice(header.bodyStart, line.end).trim();
  const statements = inline === "" ? body.map((l) => src.masked.slice(l.start, l.end).trim()) : [inline];
  const docLine = inline === "" ? body[0] : undefined;
  const hasDoc = docLine !== undefined && isStringStatement(src, docLine);
  const rest = hasDoc ? statements.slice(1) : statements;
  const stub = (hasDoc || rest.length > 0) && rest.every((s) => s === "..." || s === "pass");
  const base = { header, line, firstLine, lastLine, body, stub };
  return hasDoc ? { ...base, docstring: { offset: docLine.start, line: docLine.startLine } } : base;
}

function toHelper(src: ScannedSource, d: DefBlock): Helper {
  const params = d.header.params.map((p) => ({ name: p.name, type: annotated(p.annotation) }));
  const source = src.text.split("\n").slice(d.firstLine - 1, d.lastLine).join("\n");
  return { name: d.header.name, params, returns: annotated(d.header.returns), source };
}

/** A helper's declared type, or unknown when it has none Aurora-X can read. */
function annotated(text: string | undefined): Type {
  const a = readAnnotation(text);
  return a.kind === "type" ? a.type : UNKNOWN;
}

// ---------------------------------------------------------------------------------------------------------
// problems

interface FileContext {
  readonly file: string;
  readonly helpers: readonly Helper[];
  readonly preamble: readonly string[];
}

/** @throws SpecFailure or LiteralSyntaxError for a stub that cannot become a problem. */
function toProblem(src: ScannedSource, def: DefBlock, ctx: FileContext): Problem {
  const { name } = def.header;
  const defLine = def.line.startLine;
  if (!def.docstring) throw new SpecFailure(`add a docstring with at least one doctest example: >>> ${name}(...)`, defLine);
  const doc = readDocstring(docstringValue(src, def.docstring.offset), def.docstring.line, name);
  const params = paramDrafts(def.header, defLine);
  const drafts = (heldOut: boolean, word: string): ExampleDraft[] =>
    doc.examples.filter((e) => e.heldOut === heldOut).map((e, i) => exampleDraft(e, params, label(word, i)));
  const examples = drafts(false, "example");
  if (examples.length === 0) {
    throw new SpecFailure(`add at least one doctest example to the docstring: >>> ${name}(...) and the expected value on the next line`, defLine);
  }
  const ret = readAnnotation(def.header.returns);
  const sig = inferSignature({
    params,
    returns: ret.kind === "type" ? ret.type : undefined,
    returnsNote: ret.kind === "unsupported" ? `its annotation ${ret.text} is not supported` : undefined,
    examples,
    tests: drafts(true, "test"),
    line: defLine,
  });
  return {
    name, file: ctx.file, line: defLine, format: "python", description: doc.description,
    params: sig.params, returns: sig.returns, examples: sig.examples, tests: sig.tests,
    helpers: ctx.helpers, preamble: ctx.preamble, docstring: doc.cleaned,
  };
}

/** The docstring's value; if its escapes cannot be decoded (`\N{...}`), its text as written. */
function docstringValue(src: ScannedSource, offset: number): string {
  try {
    return readStr(src.text, offset).value;
  } catch (e) {
    if (!(e instanceof LiteralSyntaxError)) throw e;
    const tok = readStringToken(src.text, offset);
    return src.text.slice(tok.bodyStart, tok.bodyEnd);
  }
}

function exampleDraft(e: DocExample, params: readonly ParamDraft[], label: string): ExampleDraft {
  const args = bindArguments(e.call, params, { label, line: e.line });
  return { args, output: e.output, line: e.line, label };
}

/** Parameters as written; unsupported annotations are inferred (with a note), non-literal defaults dropped. */
function paramDrafts(header: DefHeader, line: number): ParamDraft[] {
  return header.params.map((p) => {
    if (p.star !== "") throw new SpecFailure(`parameter ${p.star}${p.name} is variadic, which is not supported: list the parameters one by one`, line);
    const a = readAnnotation(p.annotation);
    const parsed = p.defaultText === undefined ? undefined : parsePyLiteral(p.defaultText);
    return {
      name: p.name,
      ...(a.kind === "type" ? { declared: a.type } : {}),
      ...(a.kind === "unsupported" ? { note: `its annotation ${a.text} is not supported` } : {}),
      ...(parsed?.ok ? { default: parsed.value } : {}),
    };
  });
}
