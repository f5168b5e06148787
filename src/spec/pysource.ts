import { LiteralSyntaxError, readStringToken, startsString } from "./pystring.js";

/**
 * The structure of Python source text without a Python parser: logical lines (a statement, with its bracketed
 * and triple-quoted continuation lines), their indentation, and `def` headers.
 *
 * Everything works on a *masked* copy of the text, the same length, where string literals are `S` and comments
 * are blanks, so brackets, colons and commas can be found with plain string operations; values are then read
 * from the original text at the same offsets. A newline inside a string is masked as `\r` (sources are
 * normalized to `\n` line ends first), so it still counts as a line but never ends a statement.
 */
export interface ScannedSource {
  readonly text: string;
  /** The text with comments blanked out (strings kept): what code slices are read from. */
  readonly code: string;
  readonly masked: string;
  readonly lines: readonly LogicalLine[];
  /** An unterminated string stops the scan; the lines before it are still listed. */
  readonly error?: { readonly message: string; readonly line: number };
}

/** One logical line: `text.slice(start, end)` is the statement, without its indentation or final newline. */
export interface LogicalLine {
  /** 1-based physical lines spanned. */
  readonly startLine: number;
  readonly endLine: number;
  /** Columns of indentation of the first physical line. */
  readonly indent: number;
  readonly start: number;
  readonly end: number;
}

/** Splits Python source into logical lines (blank and comment-only lines are skipped). */
export function scanSource(raw: string): ScannedSource {
  const text = raw.replace(/\r\n?/g, "\n");
  const { masked, code, error } = mask(text);
  const lines: LogicalLine[] = [];
  let pos = 0;
  let line = 1;
  while (pos < masked.length) {
    const next = readLogicalLine(masked, pos, line);
    if (next.line) lines.push(next.line);
    line += countNewlines(masked, pos, next.end);
    pos = next.end;
  }
  return error ? { text, code, masked, lines, error } : { text, code, masked, lines };
}

/** Reads from the start of a physical line to the end of its logical line (past the newline). */
function readLogicalLine(masked: string, pos: number, line: number): { line?: LogicalLine; end: number } {
  let i = pos;
  while (masked[i] === " " || masked[i] === "\t" || masked[i] === "\f") i++;
  const indent = i - pos;
  if (i >= masked.length || masked[i] === "\n") return { end: i + 1 };
  const start = i;
  let depth = 0;
  for (; i < masked.length; i++) {
    const ch = masked[i];
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth = Math.max(0, depth - 1);
    else if (ch === "\\" && masked[i + 1] === "\n") i++;
    else if (ch === "\n" && depth === 0) break;
  }
  const end = trimEnd(masked, start, i);
  const endLine = line + countNewlines(masked, start, end);
  return { line: { startLine: line, endLine, indent, start, end }, end: i + 1 };
}

function trimEnd(s: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(s[e - 1] ?? "")) e--;
  return e;
}

/** Physical line breaks in [from, to): real ones and those inside masked strings. */
function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to && i < s.length; i++) if (s[i] === "\n" || s[i] === "\r") n++;
  return n;
}

/** Blanks out comments and replaces string literals by `S` (their newlines by `\r`); `code` only blanks comments. */
function mask(text: string): { masked: string; code: string; error?: { message: string; line: number } } {
  let out = "";
  let code = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (ch === "#") {
      const nl = text.indexOf("\n", i);
      const end = nl < 0 ? text.length : nl;
      out += " ".repeat(end - i);
      code += " ".repeat(end - i);
      i = end;
    } else if ((ch === "'" || ch === '"' || /[rRuUbBfF]/.test(ch)) && startsString(text, i)) {
      try {
        const tok = readStringToken(text, i);
        out += maskString(text.slice(i, tok.end));
        code += text.slice(i, tok.end);
        i = tok.end;
      } catch (e) {
        if (!(e instanceof LiteralSyntaxError)) throw e;
        const line = countNewlines(text, 0, i) + 1;
        return { masked: out + maskString(text.slice(i)), code: code + text.slice(i), error: { message: e.message, line } };
      }
    } else {
      out += ch;
      code += ch;
      i++;
    }
  }
  return { masked: out, code };
}

function maskString(s: string): string {
  return s.replace(/[^\n]/g, "S").replace(/\n/g, "\r");
}

/** The text of a logical line in the original source. */
export function lineText(src: ScannedSource, l: LogicalLine): string {
  return src.text.slice(l.start, l.end);
}

/** A `def` header: name, parameters, return annotation, and where the body starts. */
export interface DefHeader {
  readonly name: string;
  readonly params: readonly ParamSource[];
  readonly returns?: string;
  /** Offset just past the header's `:`; text after it on the same logical line is an inline body. */
  readonly bodyStart: number;
}

/** One parameter as written: `name: annotation = default`, with `*`/`**` for variadic ones. */
export interface ParamSource {
  readonly name: string;
  readonly star: "" | "*" | "**";
  readonly annotation?: string;
  readonly defaultText?: string;
}

const DEF = /^(?:async\s+)?def\s+([\p{L}_][\p{L}\p{N}_]*)\s*\(/uy;

/** Parses a logical line that starts with `def`, or returns undefined when it is not a def. */
export function parseDefHeader(src: ScannedSource, l: LogicalLine): DefHeader | undefined {
  DEF.lastIndex = 0;
  const m = DEF.exec(src.masked.slice(l.start, l.end));
  if (!m?.[1]) return undefined;
  const open = l.start + m[0].length - 1;
  const close = matchingBracket(src.masked, open);
  if (close < 0 || close > l.end) return undefined;
  const colon = findTopLevel(src.masked, ":", close + 1, l.end);
  if (colon < 0) return undefined;
  const arrow = src.masked.slice(close + 1, colon).trim();
  const returns = arrow.startsWith("->") ? src.code.slice(close + 1, colon).trim().slice(2).trim() : undefined;
  const params = parseParamList(src.code, src.masked, open + 1, close);
  return { name: m[1], params, bodyStart: colon + 1, ...(returns ? { returns } : {}) };
}

/** Offset of the bracket closing the one at `open`, or -1. */
function matchingBracket(masked: string, open: number): number {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    const ch = masked[i];
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** First offset of `ch` at bracket depth 0 in [from, to), or -1. */
export function findTopLevel(masked: string, ch: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = masked[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === ch && depth === 0) return i;
  }
  return -1;
}

/** Splits [from, to) at top-level commas; returns trimmed, non-empty pieces of the original text. */
export function splitTopLevel(text: string, masked: string, from: number, to: number): { text: string; start: number }[] {
  const pieces: { text: string; start: number }[] = [];
  let start = from;
  for (;;) {
    const comma = findTopLevel(masked, ",", start, to);
    const end = comma < 0 ? to : comma;
    const piece = text.slice(start, end);
    if (piece.trim() !== "") pieces.push({ text: piece.trim(), start: start + piece.length - piece.trimStart().length });
    if (comma < 0) return pieces;
    start = comma + 1;
  }
}

/** The parameters between a def's parentheses. Bare `*` and `/` markers are dropped. */
function parseParamList(text: string, masked: string, from: number, to: number): ParamSource[] {
  const out: ParamSource[] = [];
  for (const piece of splitTopLevel(text, masked, from, to)) {
    const m = /^(\*{0,2})\s*([\p{L}_][\p{L}\p{N}_]*)/u.exec(piece.text);
    if (!m?.[2]) continue;
    const pm = masked.slice(piece.start, piece.start + piece.text.length);
    const eq = findTopLevel(pm, "=", 0, pm.length);
    const colon = findTopLevel(pm, ":", 0, eq < 0 ? pm.length : eq);
    const annotation = colon < 0 ? undefined : piece.text.slice(colon + 1, eq < 0 ? undefined : eq).trim();
    const defaultText = eq < 0 ? undefined : piece.text.slice(eq + 1).trim();
    out.push({
      name: m[2],
      star: m[1] === "*" ? "*" : m[1] === "**" ? "**" : "",
      ...(annotation ? { annotation } : {}),
      ...(defaultText ? { defaultText } : {}),
    });
  }
  return out;
}
