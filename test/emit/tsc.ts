// The TypeScript compiler for tests of the TypeScript emitter: type-check modules in memory, transpile them to
// JavaScript and import them from a real temp directory.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

/**
 * What emitted code must compile under: the "tsc strict" plus the repository's own strictness, against the
 * ES2020 library (the oldest the runtime needs: BigInt, for round(x, n)).
 */
export const CHECK_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitReturns: true,
  noUnusedLocals: true,
  noFallthroughCasesInSwitch: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2020.d.ts"],
  types: [],
  noEmit: true,
};

/** Library files parse once per test file: they dominate the cost of a program. */
const libCache = new Map<string, ts.SourceFile | undefined>();

/**
 * Type-checks in-memory modules together (one program: batch many modules per call, it is far cheaper).
 * Returns diagnostics as `file:line:col: message`; empty when everything compiles.
 */
export function typeCheck(files: Readonly<Record<string, string>>): string[] {
  const host = ts.createCompilerHost(CHECK_OPTIONS);
  const readLib = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (name, version) => {
    const text = files[name];
    if (text !== undefined) return ts.createSourceFile(name, text, version, true);
    if (!libCache.has(name)) libCache.set(name, readLib(name, version));
    return libCache.get(name);
  };
  host.fileExists = (name) => name in files || fileExists(name);
  host.writeFile = () => undefined;
  const program = ts.createProgram(Object.keys(files), CHECK_OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map(formatDiagnostic);
}

function formatDiagnostic(d: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (!d.file || d.start === undefined) return text;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  const source = d.file.text.split("\n")[line] ?? "";
  return `${d.file.fileName}:${line + 1}:${character + 1}: ${text}\n    ${source.trim()}`;
}

/** TypeScript to JavaScript (an ES module), types erased. */
export function transpile(code: string): string {
  return ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
}

/** A temp directory to import transpiled modules from; `dispose` removes it. */
export class ModuleDir {
  private readonly dir = mkdtempSync(join(tmpdir(), "aurora-ts-"));
  private count = 0;

  /** Transpiles the TypeScript module and imports it. */
  async load(code: string): Promise<Record<string, unknown>> {
    const file = join(this.dir, `m${this.count++}.mjs`);
    writeFileSync(file, transpile(code));
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
