import type { Type } from "../dsl/types.js";
import type { Value } from "../dsl/values.js";
import type { SygusData } from "./sygus-types.js";

/** One input/output pair. `line` is where it was written (1-based), for messages. */
export interface Example {
  readonly inputs: readonly Value[];
  readonly output: Value;
  readonly line?: number;
  /**
   * Set when the output is a float to be compared approximately, as `math.isclose(actual, output, rel_tol=rel,
   * abs_tol=abs)` does (MBPP asserts written with math.isclose). Absent: compare with Python `==`.
   */
  readonly tolerance?: { readonly rel: number; readonly abs: number };
}

export interface Param {
  readonly name: string;
  readonly type: Type;
  /** The default value written in the signature (`n: int = 2`), already of `type`. */
  readonly default?: Value;
}

/** A function in the same file that already has a body; synthesized code may call it. */
export interface Helper {
  readonly name: string;
  readonly params: readonly Param[];
  readonly returns: Type;
  /** The complete Python source of the definition (decorators and body included). */
  readonly source: string;
}

/** Where a problem came from. */
export type SpecFormat = "python" | "yaml" | "json" | "mbpp" | "sygus";

/**
 * A synthesis problem: what every spec format parses into. Pure data.
 *
 * `examples` guide the search; `tests` are held out: they are checked after synthesis, never searched on.
 */
export interface Problem {
  /** The function's name (a Python identifier). */
  readonly name: string;
  /** The spec file, as given by the user. */
  readonly file: string;
  /** 1-based line of the definition in `file`. */
  readonly line: number;
  readonly format: SpecFormat;
  /** Natural-language description (docstring prose without the examples). */
  readonly description: string;
  readonly params: readonly Param[];
  readonly returns: Type;
  readonly examples: readonly Example[];
  readonly tests: readonly Example[];
  readonly helpers: readonly Helper[];
  /** Module-level lines the emitted Python must keep (imports, constants), in order. */
  readonly preamble: readonly string[];
  /** The original docstring, kept in emitted code. */
  readonly docstring?: string;
  /** The benchmark's task id (MBPP `task_id`), when the problem comes from a benchmark set. */
  readonly taskId?: number;
  /** For SyGuS problems: the grammar the search must stay within, and the names as written (src/spec/sygus.ts). */
  readonly sygus?: SygusData;
}

/** A spec that could not be parsed: reported, skipped, and the others still run. */
export interface SpecError {
  readonly file: string;
  readonly line: number;
  /** The function or task the error belongs to, when known. */
  readonly name?: string;
  /** What is wrong and what to do, in one sentence. */
  readonly message: string;
}

/** The result of reading one spec file: every problem it defines and every error, never a throw. */
export interface ParsedSpecs {
  readonly problems: readonly Problem[];
  readonly errors: readonly SpecError[];
}

/** Formats a spec error the way every message in Aurora-X names a place: `file:line: name: message`. */
export function formatSpecError(e: SpecError): string {
  return `${e.file}:${e.line}: ${e.name ? e.name + ": " : ""}${e.message}`;
}
