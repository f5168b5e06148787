import { UNKNOWN, parseTypeAnnotation, vtuple, type Type } from "../dsl/types.js";

/** What an annotation says: a type, "infer it" (absent or `Any`), or text Aurora-X cannot represent. */
export type Annotation =
  | { readonly kind: "type"; readonly type: Type }
  | { readonly kind: "infer" }
  | { readonly kind: "unsupported"; readonly text: string };

const INFER_NAMES = new Set(["Any", "typing.Any", "object"]);

/**
 * Reads a Python annotation as written in real files: `List[int]` and `list[int]`, `Optional[str]`,
 * `int | None` (PEP 604), quoted forward references (`'List[int]'`) and bare `tuple` (any length).
 */
export function readAnnotation(text: string | undefined): Annotation {
  if (text === undefined || text.trim() === "") return { kind: "infer" };
  const unquoted = text.trim().replace(/^(['"])(.*)\1$/s, "$2").trim();
  if (INFER_NAMES.has(unquoted)) return { kind: "infer" };
  if (/^(typing\.)?(tuple|Tuple)$/.test(unquoted)) return { kind: "type", type: vtuple(UNKNOWN) };
  const type = parseTypeAnnotation(unionsToTyping(unquoted));
  return type ? { kind: "type", type } : { kind: "unsupported", text: unquoted };
}

/** Rewrites `A | B` (at any nesting level) as `Union[A, B]`, which parseTypeAnnotation reads. */
function unionsToTyping(s: string): string {
  const alternatives = splitDepth0(s, "|");
  if (alternatives.length > 1) return `Union[${alternatives.map(unionsToTyping).join(", ")}]`;
  const t = s.trim();
  const open = t.indexOf("[");
  if (open < 0 || !t.endsWith("]")) return t;
  const args = splitDepth0(t.slice(open + 1, -1), ",").map(unionsToTyping);
  return `${t.slice(0, open).trim()}[${args.join(", ")}]`;
}

function splitDepth0(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "[" || c === "(") depth++;
    else if (c === "]" || c === ")") depth--;
    else if (c === sep && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}
