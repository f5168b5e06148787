/**
 * Retrieval scoring (pure): how close a stored corpus record is to a new spec, the seed's formula
 *
 *   score = 0.6 × signature match + 0.4 × Jaccard(description tokens) + 0.1 × [the stored solution is perfect]
 *
 * so scores lie in [0, 1.1]. The corpus (src/corpus) selects candidates through its index and ranks them with
 * exactly these functions, so an indexed top-k equals sorting every record by `retrievalScore`.
 *
 * Signature match, for partial matches (0..1, symmetric, 1 only for identical signatures):
 * - half of it is the return type's similarity, half the parameters': position-wise type similarity summed over
 *   the shorter list and divided by the longer list's length (two nullary signatures match fully). A different
 *   arity therefore never matches fully, and each missing parameter costs its share.
 * - type similarity (`typeSimilarity`): 1 for equal types; `int`~`float` 0.5 and `bool`~numbers 0.25; the same
 *   container kind 0.5 + 0.5 × its element similarity (`list[int]`~`list[float]` = 0.75); different sequence kinds
 *   (list, set, tuple[T, ...], tuple) 0.25 + 0.25 × element similarity; dicts 0.5 + 0.25 × key + 0.25 × value;
 *   equal-length tuples 0.5 + 0.5 × the mean over positions; `Optional[T]`~`U` 0.75 × sim(T, U), `Optional[T]`~`None`
 *   0.5; an unknown element type 0.5; anything else 0. Type text that does not parse matches only itself.
 *
 * Jaccard is |A ∩ B| / |A ∪ B| over the distinct description tokens (`tokenize`: lowercase, stemmed, stop words
 * removed); two empty token sets give 0 (no evidence). "Perfect" means status `solved` with score 1 (an ambiguous
 * solution passes the examples but they do not pin the function down, so it gets no bonus).
 */
import { parseTypeAnnotation, typeKey, type Type } from "../dsl/types.js";
import { tokenize } from "../search/lexicon.js";
import type { CorpusRecord } from "./record.js";

/** The formula's weights (the seed's 0.6 / 0.4 / +0.1). */
export const RETRIEVAL_WEIGHTS = { signature: 0.6, description: 0.4, perfect: 0.1 } as const;

/**
 * What is asked: the new spec's description and signature (types as annotation text, like corpus records).
 * Without `returns` (a plain text search) the signature part scores 0 for every record.
 */
export interface RetrievalQuery {
  readonly description: string;
  /** Parameter types in order, e.g. `["list[int]", "int"]`. */
  readonly params?: readonly string[];
  readonly returns?: string;
}

/** The parts of a corpus record the score reads. */
export type ScoredRecord = Pick<CorpusRecord, "description" | "params" | "returns" | "status" | "score">;

/** A type as written plus its parse (undefined when the text is not a type Aurora-X knows). */
export interface SigType {
  readonly text: string;
  readonly type: Type | undefined;
}

/** A parsed signature. */
export interface SignatureShape {
  readonly params: readonly SigType[];
  readonly returns: SigType;
}

/** A query with its tokens and signature parsed once, for scoring many records. */
export interface PreparedQuery {
  readonly tokens: ReadonlySet<string>;
  /** Undefined for a text-only query. */
  readonly signature: SignatureShape | undefined;
}

/** The three parts of a score, for explanations. */
export interface ScoreParts {
  readonly signature: number;
  readonly description: number;
  readonly perfect: boolean;
  readonly score: number;
}

/** The retrieval score of `record` for `query` (0..1.1). */
export function retrievalScore(query: RetrievalQuery, record: ScoredRecord): number {
  return scoreParts(prepareQuery(query), record).score;
}

/** The score and its parts for a prepared query. */
export function scoreParts(query: PreparedQuery, record: ScoredRecord): ScoreParts {
  const signature = query.signature ? signatureMatch(query.signature, parseSignature(record.params.map((p) => p.type), record.returns)) : 0;
  const description = jaccard(query.tokens, new Set(descriptionTokens(record.description)));
  const perfect = isPerfect(record);
  return { signature, description, perfect, score: combineScore(signature, description, perfect) };
}

/** Tokenizes and parses a query once. */
export function prepareQuery(query: RetrievalQuery): PreparedQuery {
  const signature = query.returns === undefined ? undefined : parseSignature(query.params ?? [], query.returns);
  return { tokens: new Set(descriptionTokens(query.description)), signature };
}

/** The formula itself. Every ranking in Aurora-X goes through this one function, so equal inputs rank equally. */
export function combineScore(signature: number, description: number, perfect: boolean): number {
  return RETRIEVAL_WEIGHTS.signature * signature + RETRIEVAL_WEIGHTS.description * description + (perfect ? RETRIEVAL_WEIGHTS.perfect : 0);
}

/** A stored solution earns the bonus when it was solved with every example passing. */
export function isPerfect(record: Pick<CorpusRecord, "status" | "score">): boolean {
  return record.status === "solved" && record.score === 1;
}

/** The distinct description tokens, in first-seen order. */
export function descriptionTokens(text: string): string[] {
  return [...new Set(tokenize(text))];
}

/** Jaccard similarity of two sets; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return jaccardFromCounts(inter, a.size, b.size);
}

/** Jaccard from the intersection size and the two set sizes (what an inverted index counts). */
export function jaccardFromCounts(inter: number, sizeA: number, sizeB: number): number {
  const union = sizeA + sizeB - inter;
  return union === 0 ? 0 : inter / union;
}

/** Parses annotation texts into a signature shape (unparseable text is kept and matches only itself). */
export function parseSignature(params: readonly string[], returns: string): SignatureShape {
  return { params: params.map(sigType), returns: sigType(returns) };
}

function sigType(text: string): SigType {
  return { text, type: parseTypeAnnotation(text) };
}

/** The canonical text of a signature's types, `(list[int], int) -> int`: equal shapes have equal keys. */
export function signatureKey(shape: SignatureShape): string {
  const text = (t: SigType): string => (t.type ? typeKey(t.type) : t.text);
  return `(${shape.params.map(text).join(", ")}) -> ${text(shape.returns)}`;
}

/** Signature match (0..1): half return-type similarity, half position-wise parameter similarity (see the file's JSDoc). */
export function signatureMatch(a: SignatureShape, b: SignatureShape): number {
  return 0.5 * sigTypeSimilarity(a.returns, b.returns) + 0.5 * paramsMatch(a.params, b.params);
}

function paramsMatch(a: readonly SigType[], b: readonly SigType[]): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  let sum = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) sum += sigTypeSimilarity(a[i]!, b[i]!);
  return sum / longest;
}

function sigTypeSimilarity(a: SigType, b: SigType): number {
  if (a.type && b.type) return typeSimilarity(a.type, b.type);
  return a.text.trim() === b.text.trim() ? 1 : 0;
}

/** Similarity of two types (0..1, symmetric, 1 only when equal); the table is in the file's JSDoc. */
export function typeSimilarity(a: Type, b: Type): number {
  if (typeKey(a) === typeKey(b)) return 1;
  if (a.kind === "unknown" || b.kind === "unknown") return 0.5;
  if (a.kind === "optional" || b.kind === "optional") return optionalSimilarity(a, b);
  if (isScalarNumber(a) && isScalarNumber(b)) return a.kind === "bool" || b.kind === "bool" ? 0.25 : 0.5;
  if (a.kind === "dict" && b.kind === "dict") return 0.5 + 0.25 * typeSimilarity(a.key, b.key) + 0.25 * typeSimilarity(a.val, b.val);
  if (a.kind === "tuple" && b.kind === "tuple" && a.els.length === b.els.length) return 0.5 + 0.5 * meanSimilarity(a.els, b.els);
  return sequenceSimilarity(a, b);
}

function optionalSimilarity(a: Type, b: Type): number {
  if (a.kind === "optional" && b.kind === "optional") return typeSimilarity(a.el, b.el);
  const [opt, other] = a.kind === "optional" ? [a, b] : [b, a];
  if (opt.kind !== "optional") return 0;
  return other.kind === "none" ? 0.5 : 0.75 * typeSimilarity(opt.el, other);
}

function isScalarNumber(t: Type): boolean {
  return t.kind === "int" || t.kind === "float" || t.kind === "bool";
}

function meanSimilarity(a: readonly Type[], b: readonly Type[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += typeSimilarity(a[i]!, b[i]!);
  return a.length === 0 ? 1 : sum / a.length;
}

/** Lists, sets and tuples: the same kind shares more than two different kinds. */
function sequenceSimilarity(a: Type, b: Type): number {
  const ea = sequenceElement(a);
  const eb = sequenceElement(b);
  if (ea === undefined || eb === undefined) return 0;
  const same = a.kind === b.kind && a.kind !== "tuple";
  const el = ea === null || eb === null ? 0 : typeSimilarity(ea, eb);
  return same ? 0.5 + 0.5 * el : 0.25 + 0.25 * el;
}

/** The element type of a sequence kind; null for a tuple of mixed types; undefined when not a sequence. */
function sequenceElement(t: Type): Type | null | undefined {
  switch (t.kind) {
    case "list":
    case "set":
    case "vtuple":
      return t.el;
    case "tuple": {
      const first = t.els[0];
      return first && t.els.every((e) => typeKey(e) === typeKey(first)) ? first : null;
    }
    default:
      return undefined;
  }
}

/**
 * Reads a signature written as `(xs: list[int], n: int) -> int` or `(list[int], int) -> int` (parameter names are
 * optional; types must parse) into a query's types; undefined when it is not of that form.
 */
export function parseSignatureText(text: string): { params: string[]; returns: string } | undefined {
  const m = /^\s*\((.*)\)\s*->\s*(.+?)\s*$/s.exec(text);
  if (!m) return undefined;
  const returns = parseTypeAnnotation(m[2]!);
  const inner = m[1]!.replace(/[A-Za-z_][A-Za-z_0-9]*\s*:/g, "").trim();
  if (!returns) return undefined;
  if (inner === "") return { params: [], returns: typeKey(returns) };
  // The parameter list parsed as one tuple type splits it at the right commas.
  const params = parseTypeAnnotation(`tuple[${inner}]`);
  if (params?.kind !== "tuple" || params.els.length === 0) return undefined;
  return { params: params.els.map(typeKey), returns: typeKey(returns) };
}
