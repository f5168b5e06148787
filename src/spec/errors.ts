import type { SpecError } from "./problem.js";

/**
 * A problem with one spec, raised inside a parser and turned into a `SpecError` at that parser's boundary
 * (public parse functions never throw for bad input). `line` is 1-based in the spec file.
 */
export class SpecFailure extends Error {
  override readonly name = "SpecFailure";
  constructor(
    message: string,
    readonly line: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Builds a SpecError, leaving `name` out when it is unknown (exactOptionalPropertyTypes). */
export function specError(file: string, line: number, message: string, name?: string): SpecError {
  return name === undefined ? { file, line, message } : { file, line, name, message };
}
