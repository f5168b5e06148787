import type { Expr } from "../dsl/expr.js";
import { PREC, type PrecName } from "../dsl/primitive.js";

/** A rendered expression and how tightly it binds (PREC). */
export interface Rendered {
  readonly text: string;
  readonly prec: number;
}

/** How one target language renders the leaves and parenthesizes. */
export interface TemplateHost {
  /** Renders an argument expression (not a lambda). */
  render(e: Expr): Rendered;
  /** Renders an argument in iteration-source position (`{0:iter}`). */
  renderIter(e: Expr): Rendered;
  /** Wraps text in parentheses when `r` binds more loosely than `min`. */
  paren(r: Rendered, min: number): string;
}

const PLACEHOLDER = /\{\{|\}\}|\{(\d+)(@e|@)?(?::([a-z]+))?\}/g;

/**
 * Fills a primitive's rendering template (see Primitive in src/dsl/primitive.ts for the placeholder syntax).
 * Lambda arguments render as their body; `{i@}` is their loop target and `{i@e}` the target as an expression.
 */
export function fillTemplate(template: string, args: readonly Expr[], host: TemplateHost, defaultPrec: number = PREC.if): string {
  return template.replace(PLACEHOLDER, (m, idx: string | undefined, at: string | undefined, level: string | undefined) => {
    if (m === "{{") return "{";
    if (m === "}}") return "}";
    const arg = args[Number(idx)];
    if (!arg) return m;
    if (at) {
      const names = arg.t === "lambda" ? arg.params : ["_"];
      if (at === "@e" && names.length > 1) return `(${names.join(", ")})`;
      return names.join(", ");
    }
    const body = arg.t === "lambda" ? arg.body : arg;
    if (level === "iter") return host.paren(host.renderIter(body), PREC.or);
    const min = level ? PREC[level as PrecName] : defaultPrec;
    return host.paren(host.render(body), min);
  });
}
