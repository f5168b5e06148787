/**
 * The S-expression reader of SyGuS-IF files (SMT-LIB 2 lexical syntax): lists, symbols (simple and `|quoted|`),
 * numerals, keywords, string literals and `;` comments. Every node knows its 1-based line and its offsets in the
 * text, so that messages name a place and a definition's source text can be kept verbatim.
 *
 * String literals keep their raw content with the SMT-LIB doubled quote (`""`) already undone; `\u` escapes are
 * SMT-LIB 2.6 (SyGuS v2) only, so they are interpreted later (`decodeStringLiteral`), once the version is known.
 */
import { SpecFailure } from "./errors.js";

/** A node of the file: an atom (symbol, numeral, keyword, other literal), a string literal, or a list. */
export type SExp =
  | { readonly kind: "atom"; readonly text: string; readonly quoted: boolean; readonly line: number; readonly start: number; readonly end: number }
  | { readonly kind: "str"; readonly raw: string; readonly line: number; readonly start: number; readonly end: number }
  | { readonly kind: "list"; readonly items: readonly SExp[]; readonly line: number; readonly start: number; readonly end: number };

/** Characters of simple symbols (SMT-LIB 2.6 §3.1), digits and the sign of a negative numeral included. */
const SYMBOL_CHAR = /[A-Za-z0-9~!@$%^&*_\-+=<>.?/:#]/;

/** Reads every top-level S-expression of a file. Throws SpecFailure (with the line) on a lexical error. */
export function readSExps(text: string): SExp[] {
  return new Reader(text).all();
}

class Reader {
  private pos = 0;
  private line = 1;

  constructor(private readonly src: string) {}

  all(): SExp[] {
    const out: SExp[] = [];
    const stack: { items: SExp[]; line: number; start: number }[] = [];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.src.length) break;
      const ch = this.src[this.pos];
      if (ch === "(") {
        stack.push({ items: [], line: this.line, start: this.pos });
        this.pos++;
      } else if (ch === ")") {
        const open = stack.pop();
        if (!open) throw new SpecFailure("unbalanced ')': no '(' is open here", this.line);
        this.pos++;
        const node: SExp = { kind: "list", items: open.items, line: open.line, start: open.start, end: this.pos };
        (stack[stack.length - 1]?.items ?? out).push(node);
      } else {
        const node = this.atom();
        (stack[stack.length - 1]?.items ?? out).push(node);
      }
    }
    const unclosed = stack[stack.length - 1];
    if (unclosed) throw new SpecFailure(`unbalanced '(': the list opened on line ${unclosed.line} is never closed`, unclosed.line);
    return out;
  }

  private skipSpace(): void {
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === ";") {
        while (this.pos < this.src.length && this.src[this.pos] !== "\n") this.pos++;
      } else if (ch === "\n") {
        this.line++;
        this.pos++;
      } else if (ch === " " || ch === "\t" || ch === "\r" || ch === "\f") {
        this.pos++;
      } else return;
    }
  }

  private atom(): SExp {
    const ch = this.src[this.pos] ?? "";
    if (ch === '"') return this.string();
    if (ch === "|") return this.quotedSymbol();
    const start = this.pos;
    while (this.pos < this.src.length && SYMBOL_CHAR.test(this.src[this.pos] ?? "")) this.pos++;
    if (this.pos === start) throw new SpecFailure(`unexpected character ${JSON.stringify(ch)}`, this.line);
    return { kind: "atom", text: this.src.slice(start, this.pos), quoted: false, line: this.line, start, end: this.pos };
  }

  private string(): SExp {
    const start = this.pos;
    const line = this.line;
    let raw = "";
    this.pos++;
    for (;;) {
      const q = this.src.indexOf('"', this.pos);
      if (q < 0) throw new SpecFailure("unterminated string literal", line);
      raw += this.src.slice(this.pos, q);
      this.pos = q + 1;
      if (this.src[this.pos] !== '"') break;
      raw += '"';
      this.pos++;
    }
    this.line += countNewlines(this.src.slice(start, this.pos));
    return { kind: "str", raw, line, start, end: this.pos };
  }

  private quotedSymbol(): SExp {
    const start = this.pos;
    const line = this.line;
    const close = this.src.indexOf("|", start + 1);
    if (close < 0) throw new SpecFailure("unterminated |quoted symbol|", line);
    const text = this.src.slice(start + 1, close);
    if (text.includes("\\")) throw new SpecFailure("a |quoted symbol| may not contain '\\'", line);
    this.pos = close + 1;
    this.line += countNewlines(text);
    return { kind: "atom", text, quoted: true, line, start, end: this.pos };
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

const ESCAPE = /\\u(?:\{([0-9A-Fa-f]{1,5})\}|([0-9A-Fa-f]{4}))/g;

/**
 * The string a literal denotes. SMT-LIB 2.6 (SyGuS v2): `\ud₃d₂d₁d₀` and `\u{d...}` (1 to 5 hex digits, at most
 * 0x2FFFF) denote code points; any other backslash is itself. SyGuS v1: the raw text as is.
 */
export function decodeStringLiteral(raw: string, version: 1 | 2): string {
  if (version === 1 || !raw.includes("\\u")) return raw;
  return raw.replace(ESCAPE, (m, braced: string | undefined, plain: string | undefined) => {
    const cp = parseInt(braced ?? plain ?? "", 16);
    return cp <= 0x2ffff ? String.fromCodePoint(cp) : m;
  });
}

/** True for a numeral atom (`0`, `42`), or a negative one (`-1`, accepted in v1 grammars as written by EuPhony). */
export function isNumeral(e: SExp): boolean {
  return numeralText(e) !== undefined;
}

/** The digits of a numeral atom (with its sign), else undefined. */
export function numeralText(e: SExp | undefined): string | undefined {
  return e?.kind === "atom" && !e.quoted && /^-?[0-9]+$/.test(e.text) ? e.text : undefined;
}

/** The symbol an atom spells, or undefined for a list, string or numeral. */
export function symbolOf(e: SExp | undefined): string | undefined {
  if (!e || e.kind !== "atom" || isNumeral(e)) return undefined;
  return e.text;
}

/** A short rendering of a node for messages (at most about 60 characters), from the source text when given. */
export function showSExp(e: SExp, src?: string): string {
  const flat = (src ? src.slice(e.start, e.end) : render(e)).replace(/\s+/g, " ");
  return flat.length > 60 ? flat.slice(0, 57) + "..." : flat;
}

function render(e: SExp): string {
  switch (e.kind) {
    case "atom":
      return e.quoted ? `|${e.text}|` : e.text;
    case "str":
      return `"${e.raw.replace(/"/g, '""')}"`;
    case "list":
      return `(${e.items.map(render).join(" ")})`;
  }
}
