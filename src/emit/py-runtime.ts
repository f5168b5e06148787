/**
 * Python helper functions that emitted code may need (Primitive.pyHelpers names them). Each helper lists the
 * helpers it calls. Kept small and readable: they are part of the emitted file.
 */
export interface PyHelper {
  readonly deps: readonly string[];
  readonly source: string;
}

const helpers = new Map<string, PyHelper>();

/** Registers helpers (primitive families such as SMT-LIB strings add theirs). */
export function registerPyHelpers(entries: Readonly<Record<string, PyHelper>>): void {
  for (const [name, h] of Object.entries(entries)) helpers.set(name, h);
}

/** The sources of the named helpers and their dependencies, each once, dependencies first. */
export function pyHelperSources(names: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (n: string): void => {
    if (seen.has(n)) return;
    seen.add(n);
    const h = helpers.get(n);
    if (!h) throw new Error(`unknown Python helper ${n}: register it in src/emit/py-runtime.ts`);
    h.deps.forEach(visit);
    out.push(h.source.trim());
  };
  names.forEach(visit);
  return out;
}
