/**
 * `aurora compare latest | --baseline <name> [run] | <runA> <runB>`: regressions between two runs as Markdown
 * (PR comments, job summaries) or JSON. Exit 0 without fail-level regressions, 1 with, 2 on errors.
 */
import type { Command } from "commander";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { compare, CompareError, resolveRules, type CompareTarget } from "../../app/compare.js";
import { ConfigError, loadConfigFile } from "../../app/config.js";
import type { Comparison } from "../../report/findings.js";
import { renderMarkdown } from "../../report/markdown.js";
import { EXIT, UsageError, type CliIO } from "../io.js";
import type { Register } from "../register.js";

interface CompareFlags {
  readonly baseline?: string;
  readonly format: string;
  readonly out?: string;
  readonly rule: string[];
  readonly runsDir?: string;
  readonly ackFile?: string;
}

/** The runs to compare from the arguments. */
export function compareTarget(runs: readonly string[], baseline: string | undefined): CompareTarget {
  if (baseline !== undefined) {
    if (runs.length > 1) throw new UsageError("with --baseline give at most one run to compare with it (default latest)");
    return runs[0] === undefined ? { kind: "baseline", name: baseline } : { kind: "baseline", name: baseline, head: runs[0] };
  }
  if (runs.length === 0 || (runs.length === 1 && runs[0] === "latest")) return { kind: "latest" };
  if (runs.length === 2) return { kind: "runs", base: runs[0]!, head: runs[1]! };
  throw new UsageError(`give "latest" (latest vs the previous run), --baseline <name>, or two runs (base head); got ${runs.join(" ")}`);
}

/** The comparison in the chosen format. */
export function formatComparison(c: Comparison, format: string): string {
  if (format === "json") return `${JSON.stringify(c, null, 2)}\n`;
  if (format === "md" || format === "markdown") return renderMarkdown(c);
  throw new UsageError(`--format must be md or json, got "${format}"`);
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

async function action(runs: string[], flags: CompareFlags, io: CliIO): Promise<number> {
  const file = await loadConfigFile(io.cwd).catch((e: unknown) => {
    throw e instanceof ConfigError ? new UsageError(e.message) : e;
  });
  try {
    const c = await compare({
      cwd: io.cwd,
      runsDir: path.resolve(io.cwd, flags.runsDir ?? file.config.runs?.dir ?? "runs"),
      target: compareTarget(runs, flags.baseline),
      rules: resolveRules(file.config.compare, flags.rule),
      ...(flags.ackFile === undefined ? {} : { ackFile: path.resolve(io.cwd, flags.ackFile) }),
    });
    const text = formatComparison(c, flags.format);
    if (flags.out === undefined) io.out(text);
    else {
      await writeFile(path.resolve(io.cwd, flags.out), text);
      io.out(`${c.verdict === "fail" ? `REGRESSIONS ⚠ ${c.regressions}` : c.verdict === "warn" ? `no failing regressions, ${c.warnings} warnings` : "No regressions ✓"}: ${c.head.label} vs ${c.base.label} -> ${flags.out}`);
    }
    return c.verdict === "fail" ? EXIT.failed : EXIT.ok;
  } catch (e) {
    throw e instanceof CompareError ? new UsageError(e.message) : e;
  }
}

export const register: Register = (program: Command, io: CliIO, setExit) => {
  program
    .command("compare")
    .description("compare two runs: latest vs the previous run, vs a baseline, or two named runs (exit 1 on fail-level regressions)")
    .argument("[runs...]", '"latest" (default), or base and head: run ids, latest, baseline:<name> or run folders')
    .option("-b, --baseline <name>", "compare with runs/baselines/<name> (head: the run given, default latest)")
    .option("-f, --format <format>", "md or json", "md")
    .option("-o, --out <file>", "write the output to a file (prints the verdict)")
    .option("--rule <path=value>", "override a regression rule, e.g. time.fail.relative=3 or solved_lost=warn (repeatable)", collect, [])
    .option("--runs-dir <dir>", "where runs are kept (default runs)")
    .option("--ack-file <file>", "accepted regressions (default aurora-acknowledged.yaml)")
    .action(async (runs: string[], flags: CompareFlags) => setExit(await action(runs, flags, io)));
};
