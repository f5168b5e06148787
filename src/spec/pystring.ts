/**
 * Python string literals: where one starts and ends in source text, and what value it denotes.
 *
 * Shared by the literal parser (which decodes values) and the source scanner (which only needs to skip strings,
 * including f-strings and bytes, to find the structure of a file).
 */

/** Thrown for malformed literals; `offset` is the 0-based position in the text being read. */
export class LiteralSyntaxError extends Error {
  override readonly name = "LiteralSyntaxError";
  constructor(
    message: string,
    readonly offset: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The raw extent of a string literal token: prefix letters, quote, body and end (exclusive). */
export interface StringToken {
  /** Prefix letters in lower case ("", "r", "u", "b", "rb", "f", ...). */
  readonly prefix: string;
  /** The quote: one of `'`, `"`, `'''`, `"""`. */
  readonly quote: string;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** Offset just past the closing quote. */
  readonly end: number;
}

const PREFIX = /[rRuUbBfF]{0,2}(?=['"])/y;

/** True when a string literal (with an optional prefix) starts at `pos`. */
export function startsString(text: string, pos: number): boolean {
  PREFIX.lastIndex = pos;
  const m = PREFIX.exec(text);
  return m !== null && isPrefix(m[0].toLowerCase()) && !isIdentChar(text[pos - 1]);
}

function isPrefix(p: string): boolean {
  return ["", "r", "u", "b", "f", "rb", "br", "fr", "rf"].includes(p);
}

/** True for characters that can continue a Python identifier (ASCII letters, digits, `_`, non-ASCII letters). */
export function isIdentChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}

/**
 * Finds the end of the string literal starting at `pos` (prefix included), without decoding it.
 * @throws LiteralSyntaxError when the literal is not terminated.
 */
export function readStringToken(text: string, pos: number): StringToken {
  PREFIX.lastIndex = pos;
  const prefix = (PREFIX.exec(text)?.[0] ?? "").toLowerCase();
  const qpos = pos + prefix.length;
  const q = text[qpos] ?? "'";
  const quote = text.startsWith(q.repeat(3), qpos) ? q.repeat(3) : q;
  const bodyStart = qpos + quote.length;
  let i = bodyStart;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\\") i += 2;
    else if (text.startsWith(quote, i)) return { prefix, quote, bodyStart, bodyEnd: i, end: i + quote.length };
    else if (ch === "\n" && quote.length === 1) break;
    else i++;
  }
  const what = quote.length === 3 ? "triple-quoted string" : "string literal";
  throw new LiteralSyntaxError(`unterminated ${what}: close it with ${quote}`, pos);
}

/**
 * Reads and decodes a `str` literal at `pos`. Handles the prefixes r, u (any case), every quote form and
 * every escape Python knows except `\N{...}`.
 * @throws LiteralSyntaxError for bytes and f-strings, bad escapes and unterminated strings.
 */
export function readStr(text: string, pos: number): { value: string; end: number } {
  const tok = readStringToken(text, pos);
  if (tok.prefix.includes("b")) throw new LiteralSyntaxError("bytes literals (b'...') are not supported: use a str", pos);
  if (tok.prefix.includes("f")) throw new LiteralSyntaxError("f-strings are not literals: write the string's value", pos);
  const body = text.slice(tok.bodyStart, tok.bodyEnd);
  const value = tok.prefix.includes("r") ? body : decodeEscapes(body, tok.bodyStart);
  return { value, end: tok.end };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\n": "",
};

/** Decodes the escapes of a non-raw string body; `base` is the body's offset, for error positions. */
function decodeEscapes(body: string, base: number): string {
  if (!body.includes("\\")) return body;
  let out = "";
  let i = 0;
  while (i < body.length) {
    const j = body.indexOf("\\", i);
    if (j < 0) return out + body.slice(i);
    out += body.slice(i, j);
    const esc = decodeEscape(body, j, base);
    out += esc.text;
    i = esc.end;
  }
  return out;
}

/** One escape sequence starting at the backslash at `j`. */
function decodeEscape(body: string, j: number, base: number): { text: string; end: number } {
  const c = body[j + 1] ?? "";
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { text: simple, end: j + 2 };
  if (c === "\r" && body[j + 2] === "\n") return { text: "", end: j + 3 };
  const oct = /^[0-7]{1,3}/.exec(body.slice(j + 1, j + 4));
  if (oct) return { text: String.fromCodePoint(parseInt(oct[0], 8)), end: j + 1 + oct[0].length };
  const width = c === "x" ? 2 : c === "u" ? 4 : c === "U" ? 8 : 0;
  if (width > 0) return { text: hexEscape(body, j, width, base), end: j + 2 + width };
  if (c === "N") throw new LiteralSyntaxError("\\N{...} escapes are not supported: write the character itself or use \\uXXXX", base + j);
  return { text: "\\" + c, end: j + 2 }; // Python keeps unknown escapes as they are
}

function hexEscape(body: string, j: number, width: number, base: number): string {
  const digits = body.slice(j + 2, j + 2 + width);
  if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(digits)) {
    throw new LiteralSyntaxError(`truncated \\${body[j + 1] ?? ""} escape: it needs ${width} hex digits`, base + j);
  }
  const code = parseInt(digits, 16);
  if (code > 0x10ffff) throw new LiteralSyntaxError(`\\U${digits} is beyond the last Unicode character (\\U0010ffff)`, base + j);
  return code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : String.fromCodePoint(code);
}
