import { NONE } from "../dsl/types.js";
import { LiteralReader, LiteralSyntaxError, lineColumn, lit, parsePyLiteral, type PyCall, type PyLiteral } from "./pyliteral.js";
import { SpecFailure } from "./errors.js";

/**
 * Examples and description from a function's docstring.
 *
 * Examples come in two forms:
 * - doctest: `>>> name(args)` (continued by `... ` lines), then the expected value on the next line(s) up to a
 *   blank line or the next `>>>` (no lines means None). `>>> name(args) == value` also counts (its output
 *   line, `True`, is ignored).
 * - prose, as HumanEval and similar sets write them: `name(args) == value`, `name(args) ➞ value`,
 *   `-> value`, `=> value`, `==> value`, `= value`, `should return value`, `returns value`, `is value`,
 *   anywhere in the text, the call possibly spanning lines. Text that does not read as a call with literal
 *   arguments and a literal value is just prose.
 *
 * Held-out tests: a line that is only `Tests:` or `Held-out:` starts a section whose examples become `tests`
 * (checked after synthesis, never searched on); examples before it are the search examples.
 */
export interface DocExample {
  readonly call: PyCall;
  readonly output: PyLiteral;
  /** 1-based file line of the call (the `>>>` line for doctests). */
  readonly line: number;
  /** In the held-out section. */
  readonly heldOut: boolean;
}

/** A docstring's prose (examples removed) and its examples in file order. */
export interface Docstring {
  readonly description: string;
  readonly examples: readonly DocExample[];
  /** The docstring dedented as `inspect.cleandoc` does, for emitted code. */
  readonly cleaned: string;
}

const TESTS_MARKER = /^\s*(tests|held[- ]?out( tests)?)\s*:\s*$/i;
const EXAMPLE_HEADER = /^\s*(for\s+)?(examples?|e\.g\.|sample( input\/output)?s?)\s*:?\s*$/i;

/**
 * Reads the examples of function `name` from its docstring value; `firstLine` is the file line where the
 * docstring starts (its lines map one to one onto file lines).
 * @throws SpecFailure for a doctest of `name` that cannot be read.
 */
export function readDocstring(doc: string, firstLine: number, name: string): Docstring {
  const lines = dedent(doc.split("\n"));
  const used = new Set<number>();
  const marker = lines.findIndex((l) => TESTS_MARKER.test(l));
  if (marker >= 0) used.add(marker);
  const heldOut = (i: number): boolean => marker >= 0 && i > marker;
  const examples = [...readDoctests(lines, firstLine, name, used, heldOut), ...readProse(lines, firstLine, name, used, heldOut)];
  examples.sort((a, b) => a.line - b.line);
  return { description: describe(lines, used), examples, cleaned: trimBlankLines(lines).join("\n") };
}

/** `inspect.cleandoc`-style: strip the first line, remove the common indentation of the others. */
function dedent(lines: readonly string[]): string[] {
  const rest = lines.slice(1).filter((l) => l.trim() !== "");
  const indent = Math.min(...rest.map((l) => l.length - l.trimStart().length), Infinity);
  const cut = Number.isFinite(indent) ? indent : 0;
  return lines.map((l, i) => (i === 0 ? l.trim() : l.slice(cut).trimEnd()));
}

function trimBlankLines(lines: readonly string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]?.trim() === "") a++;
  while (b > a && lines[b - 1]?.trim() === "") b--;
  return lines.slice(a, b);
}

/** The prose left when example lines, the tests marker and bare "Examples:" headers are removed. */
function describe(lines: readonly string[], used: ReadonlySet<number>): string {
  const kept = lines.filter((l, i) => !used.has(i) && !EXAMPLE_HEADER.test(l));
  return trimBlankLines(kept).join("\n").replace(/\n{3,}/g, "\n\n");
}

// ---------------------------------------------------------------------------------------------------------
// doctest blocks

function readDoctests(lines: readonly string[], firstLine: number, name: string, used: Set<number>, heldOut: (i: number) => boolean): DocExample[] {
  const out: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)>>> ?(.*)$/.exec(lines[i] ?? "");
    if (!m) continue;
    const block = doctestBlock(lines, i, m[1]?.length ?? 0, m[2] ?? "");
    for (let j = i; j < block.end; j++) used.add(j);
    const ex = doctestExample(block, firstLine + i, name);
    if (ex) out.push({ ...ex, heldOut: heldOut(i) });
    i = block.end - 1;
  }
  return out;
}

interface DoctestBlock {
  /** Index of the `>>>` line. */
  readonly start: number;
  readonly source: string;
  readonly expected: readonly string[];
  /** Index of the first line of the expected output. */
  readonly expectedAt: number;
  /** Index just past the block. */
  readonly end: number;
}

/** The `>>>` line at `i`, its `...` continuation lines and the expected output lines after them. */
function doctestBlock(lines: readonly string[], i: number, indent: number, first: string): DoctestBlock {
  const source = [first];
  let j = i + 1;
  for (; j < lines.length; j++) {
    const c = /^\s*\.\.\.(?: (.*))?$/.exec(lines[j] ?? "");
    if (!c) break;
    source.push(c[1] ?? "");
  }
  const expectedAt = j;
  const expected: string[] = [];
  for (; j < lines.length; j++) {
    const l = lines[j] ?? "";
    if (l.trim() === "" || /^\s*>>>/.test(l)) break;
    expected.push(l.slice(Math.min(indent, l.length - l.trimStart().length)));
  }
  return { start: i, source: source.join("\n"), expected, expectedAt, end: j };
}

/** The example a doctest block states, undefined when it calls another function (not ours to read). */
function doctestExample(block: DoctestBlock, line: number, name: string): Omit<DocExample, "heldOut"> | undefined {
  const reader = new LiteralReader(block.source);
  reader.skipSpace(true);
  const callee = /^[\p{L}_][\p{L}\p{N}_.]*(?=\s*\()/u.exec(block.source.trim())?.[0];
  if (callee !== name) {
    if (!callsName(block.source, name)) return undefined; // a doctest of some other function
    throw new SpecFailure(`the doctest \`${oneLine(block.source)}\` must be a call ${name}(...) with literal arguments`, line);
  }
  const call = readOrFail(() => reader.call(), block.source, line, "the doctest call");
  if (reader.tryEat("==")) {
    const output = readOrFail(() => reader.literal(), block.source, line, "the doctest's expected value");
    expectEnd(reader, block.source, line);
    if (block.expected.length > 0 && block.expected.join(" ").trim() !== "True") {
      throw new SpecFailure(`the doctest \`${oneLine(block.source)}\` is not expected to be True: write >>> ${name}(...) and its value on the next line`, line);
    }
    return { call, output, line };
  }
  expectEnd(reader, block.source, line);
  return { call, output: expectedValue(block, line, name), line };
}

function expectEnd(reader: LiteralReader, source: string, line: number): void {
  reader.skipSpace(true);
  if (!reader.atEnd()) {
    throw new SpecFailure(`unexpected text after the call in the doctest \`${oneLine(source)}\`: write the expected value on the next line`, line);
  }
}

/** The expected value below a doctest call: a literal on one or more lines, or None when there is none. */
function expectedValue(block: DoctestBlock, line: number, name: string): PyLiteral {
  const text = block.expected.join("\n");
  if (text.trim() === "") return lit(null, NONE);
  if (/^Traceback \(most recent call last\)/.test(text.trim())) {
    throw new SpecFailure(`the doctest of ${name} expects an exception; examples that raise are not supported: remove it`, line);
  }
  const r = parsePyLiteral(text);
  if (r.ok) return r.value;
  const valueLine = line + (block.expectedAt - block.start) + r.line - 1;
  throw new SpecFailure(`cannot read the expected value \`${oneLine(text)}\` (column ${r.column}): ${r.message}`, valueLine);
}

/** Runs a reader step; a LiteralSyntaxError becomes a SpecFailure naming what was read and the column. */
function readOrFail<T>(read: () => T, source: string, line: number, what: string): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof LiteralSyntaxError)) throw e;
    const pos = lineColumn(source, e.offset);
    throw new SpecFailure(`cannot read ${what} \`${oneLine(source)}\` at column ${pos.column}: ${e.message}`, line + pos.line - 1, { cause: e });
  }
}

function oneLine(s: string): string {
  const t = s.replace(/\s*\n\s*/g, " ").trim();
  return t.length > 60 ? t.slice(0, 57) + "..." : t;
}

// ---------------------------------------------------------------------------------------------------------
// examples in prose

const SEPARATOR =
  /[ \t]*(?:==>|-->|==|=>|->|➞|→|⟶|=|,?[ \t]*(?:it[ \t]+)?should[ \t]+(?:return|be|give|output)|returns?|gives?|outputs?|evaluates[ \t]+to|is)[ \t]*/y;

/** Examples written in the prose: `name(args) <separator> value`, on lines not already used. */
function readProse(lines: readonly string[], firstLine: number, name: string, used: Set<number>, heldOut: (i: number) => boolean): DocExample[] {
  const text = lines.map((l, i) => (used.has(i) ? "" : l)).join("\n");
  const starts = callPattern(name, "gu");
  const out: DocExample[] = [];
  for (let m = starts.exec(text); m; m = starts.exec(text)) {
    const found = proseExample(text, m.index);
    if (!found) continue;
    const from = lineColumn(text, m.index).line - 1;
    const to = lineColumn(text, found.end).line - 1;
    for (let i = from; i <= to; i++) used.add(i);
    out.push({ call: found.call, output: found.output, line: firstLine + from, heldOut: heldOut(from) });
    starts.lastIndex = found.end;
  }
  return out;
}

function proseExample(text: string, at: number): { call: PyCall; output: PyLiteral; end: number } | undefined {
  const reader = new LiteralReader(text, at, { prose: true });
  try {
    const call = reader.call();
    SEPARATOR.lastIndex = reader.pos;
    const sep = SEPARATOR.exec(text);
    if (!sep) return undefined;
    reader.pos += sep[0].length;
    const output = reader.literal();
    return { call, output, end: reader.pos };
  } catch (e) {
    if (e instanceof LiteralSyntaxError) return undefined;
    throw e;
  }
}

/** Matches `name(` as a call of that name (not a method `.name(` or a longer identifier). */
function callPattern(name: string, flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_.])${escapeRegExp(name)}\\s*\\(`, flags);
}

function callsName(source: string, name: string): boolean {
  return callPattern(name, "u").test(source);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
