import type { Expr } from "../dsl/expr.js";
import { PREC, type Primitive } from "../dsl/primitive.js";
import { primByName } from "../dsl/prims/index.js";
import { pyRepr } from "../dsl/repr.js";
import type { Type } from "../dsl/types.js";
import type { Problem } from "../spec/problem.js";
import { pyHelperSources } from "./py-runtime.js";
// Registers the SMT-LIB helpers (SyGuS programs) that SMT primitives name in `pyHelpers`.
import "./py-smt.js";
import { fillTemplate, type Rendered, type TemplateHost } from "./template.js";

/** Python source of one expression. */
export function exprToPython(e: Expr): string {
  return host.render(e).text;
}

const host: TemplateHost = {
  render,
  renderIter: (e) => {
    const prim = e.t === "call" ? primByName(e.op) : undefined;
    if (e.t === "call" && prim?.pyIter) return { text: fillTemplate(prim.pyIter, e.args, host), prec: PREC.atom };
    return render(e);
  },
  paren: (r, min) => (r.prec < min ? `(${r.text})` : r.text),
};

function render(e: Expr): Rendered {
  switch (e.t) {
    case "var":
      return { text: e.name, prec: PREC.atom };
    case "const":
      return constant(e.value, e.type);
    case "lambda":
      return render(e.body);
    case "call": {
      const prim = primByName(e.op);
      if (!prim) return { text: `__unknown_${e.op.replace(/\W/g, "_")}__`, prec: PREC.atom };
      return { text: fillTemplate(prim.py, e.args, host), prec: PREC[prim.pyPrec] };
    }
  }
}

function constant(value: Parameters<typeof pyRepr>[0], type: Type): Rendered {
  const text = pyRepr(value, type);
  return { text, prec: text.startsWith("-") ? PREC.unary : PREC.atom };
}

/** Python helper functions the program's primitives need (Primitive.pyHelpers), in first-use order. */
export function pyHelpersOf(e: Expr): string[] {
  const out = new Set<string>();
  const visit = (x: Expr): void => {
    if (x.t === "call") {
      for (const h of primByName(x.op)?.pyHelpers ?? []) out.add(h);
      x.args.forEach(visit);
    } else if (x.t === "lambda") visit(x.body);
  };
  visit(e);
  return [...out];
}

/** Python modules the program's primitives need. */
export function importsOf(e: Expr): string[] {
  const out = new Set<string>();
  const visit = (x: Expr): void => {
    if (x.t === "call") {
      const p: Primitive | undefined = primByName(x.op);
      for (const m of p?.imports ?? []) out.add(m);
      x.args.forEach(visit);
    } else if (x.t === "lambda") visit(x.body);
  };
  visit(e);
  return [...out].sort();
}

/** A type as a Python annotation (PEP 585/604 syntax: Python 3.10+). */
export function pyType(t: Type): string {
  switch (t.kind) {
    case "int":
    case "float":
    case "bool":
    case "str":
      return t.kind;
    case "none":
      return "None";
    case "unknown":
      return "object";
    case "list":
      return `list[${pyType(t.el)}]`;
    case "set":
      return `set[${pyType(t.el)}]`;
    case "vtuple":
      return `tuple[${pyType(t.el)}, ...]`;
    case "tuple":
      return `tuple[${t.els.map(pyType).join(", ")}]`;
    case "dict":
      return `dict[${pyType(t.key)}, ${pyType(t.val)}]`;
    case "optional":
      return `${pyType(t.el)} | None`;
  }
}

/**
 * The Python module for a synthesized function: the spec's preamble (imports), needed imports, helper
 * functions from the spec, and the function itself with its docstring kept.
 */
export function emitPythonModule(problem: Problem, program: Expr): string {
  const lines: string[] = ['"""Synthesized by Aurora-X from ' + problem.file.replace(/\\/g, "/").replace(/"""/g, "") + '."""', ""];
  const pre = problem.preamble.filter((l) => l.trim() !== "");
  const imports = importsOf(program).filter((m) => !pre.some((l) => new RegExp(`^\\s*import\\s+${m}\\b`).test(l)));
  lines.push(...pre, ...imports.map((m) => `import ${m}`));
  if (pre.length + imports.length > 0) lines.push("");
  for (const src of pyHelperSources(pyHelpersOf(program))) lines.push("", src, "");
  for (const h of problem.helpers) lines.push("", h.source.trimEnd(), "");
  lines.push("", emitPythonFunction(problem, program), "");
  return lines.join("\n").replace(/\n{4,}/g, "\n\n\n").replace(/^\n+/, "");
}

/** Just the `def` of the synthesized function. */
export function emitPythonFunction(problem: Problem, program: Expr): string {
  const params = problem.params.map((p) => `${p.name}: ${pyType(p.type)}`).join(", ");
  const doc = docstring(problem);
  const body = `    return ${exprToPython(program)}`;
  return `def ${problem.name}(${params}) -> ${pyType(problem.returns)}:\n${doc}${body}`;
}

function docstring(problem: Problem): string {
  const text = (problem.docstring ?? problem.description).trim();
  if (text === "") return "";
  const safe = text.replace(/\\/g, "\\\\").replace(/"""/g, '\\"\\"\\"');
  const indented = safe.split("\n").map((l, i) => (i === 0 || l.trim() === "" ? l.trimEnd() : "    " + l.replace(/^\s*/, (ws) => ws))).join("\n");
  return indented.includes("\n") ? `    """${indented}\n    """\n` : `    """${indented}"""\n`;
}
