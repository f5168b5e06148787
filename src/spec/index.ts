import { specError } from "./errors.js";
import { parseMbpp, type MbppOptions } from "./mbpp.js";
import { parsePythonStubs } from "./pystub.js";
import { parseSygus } from "./sygus.js";
import { parseYamlSpecs } from "./yamlspec.js";
import type { ParsedSpecs } from "./problem.js";

export type { Example, Helper, Param, ParsedSpecs, Problem, SpecError, SpecFormat } from "./problem.js";
export { formatSpecError } from "./problem.js";
export type { MbppOptions } from "./mbpp.js";
export { parseMbpp } from "./mbpp.js";
export { parsePythonStubs } from "./pystub.js";
export { parseYamlSpecs } from "./yamlspec.js";
export { parseSygus, parseSygusTerm, pythonName, type SygusData, type SygusGrammar, type SygusRule, type SygusSort, type TermScope } from "./sygus.js";
export { parsePyCall, parsePyLiteral, type PyCall, type PyLiteral, type ParseOutcome } from "./pyliteral.js";

/** Options for formats that take any. */
export interface SpecOptions {
  /** For `.jsonl` (MBPP) files. */
  readonly mbpp?: MbppOptions;
}

type SpecParser = (text: string, file: string, options: SpecOptions) => ParsedSpecs;

/** The parser of each spec file extension. */
const PARSERS: Readonly<Record<string, SpecParser>> = {
  ".py": (text, file) => parsePythonStubs(text, file),
  ".yaml": (text, file) => parseYamlSpecs(text, file, "yaml"),
  ".yml": (text, file) => parseYamlSpecs(text, file, "yaml"),
  ".json": (text, file) => parseYamlSpecs(text, file, "json"),
  ".jsonl": (text, file, options) => parseMbpp(text, file, options.mbpp ?? {}),
  ".sl": (text, file) => parseSygus(text, file),
};

/** The file extensions `parseSpecText` knows, for callers that look for spec files in directories. */
export const SPEC_EXTENSIONS: readonly string[] = Object.keys(PARSERS);

/**
 * Parses the text of one spec file, choosing the format by the file's extension: `.py` (Python stubs),
 * `.yaml`/`.yml`, `.json`, `.jsonl` (MBPP), `.sl` (SyGuS-IF v1 or v2). Never throws for bad input: every problem
 * that parses is returned, every one that does not is a SpecError naming file and line.
 */
export function parseSpecText(text: string, file: string, options: SpecOptions = {}): ParsedSpecs {
  const ext = /\.[^./\\]+$/.exec(file)?.[0].toLowerCase() ?? "";
  const parser = PARSERS[ext];
  if (!parser) {
    return unsupported(file, `unsupported spec file ${ext ? `extension ${ext}` : "(no extension)"}: use ${SPEC_EXTENSIONS.join(", ")}`);
  }
  return parser(text.replace(/^\uFEFF/, ""), file, options);
}

function unsupported(file: string, message: string): ParsedSpecs {
  return { problems: [], errors: [specError(file, 1, message)] };
}
