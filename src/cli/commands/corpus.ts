/**
 * `aurora corpus stats|query|export|import|flush`: the corpus of past attempts (`.aurora/` by default, `corpus.dir`
 * in aurora.config.yaml, `--corpus-dir`). Also the edge where the export settings are read from the environment:
 * AURORA_EXPORT_ENABLED, AURORA_POST_URL, AURORA_API_KEY (never printed), AURORA_EXPORT_BATCH_SIZE.
 * Corpus problems become UsageError (printed once by main, exit 2); recovery notices go to stderr.
 */
import type { Command } from "commander";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import { ConfigError, loadConfigFile, type AuroraConfig } from "../../app/config.js";
import { CorpusError } from "../../corpus/errors.js";
import { EXPORT_FORMATS, type ExportFormat } from "../../corpus/formats.js";
import { Outbox, type FlushReport } from "../../corpus/outbox.js";
import { DEFAULT_CORPUS_DIR } from "../../corpus/paths.js";
import type { PostExportConfig } from "../../corpus/post.js";
import { exportPending, type CorpusRunConfig } from "../../corpus/record-run.js";
import { CorpusStore, type CorpusStats, type MergeReport, type QueryPage } from "../../corpus/store.js";
import { parseSignatureText } from "../../learn/retrieval.js";
import { EXIT, UsageError, type CliIO } from "../io.js";
import type { Register } from "../register.js";
import { positive } from "./synth.js";

interface Ctx {
  readonly io: CliIO;
  readonly setExit: (code: number) => void;
}

/** The export settings from the environment; undefined unless AURORA_EXPORT_ENABLED is true. @throws UsageError */
export function exportConfigFromEnv(env: CliIO["env"]): PostExportConfig | undefined {
  if (!/^(1|true|yes|on)$/i.test(env["AURORA_EXPORT_ENABLED"] ?? "")) return undefined;
  const url = env["AURORA_POST_URL"] ?? "";
  if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new UsageError("AURORA_EXPORT_ENABLED=true needs AURORA_POST_URL set to an http(s) URL (or set AURORA_EXPORT_ENABLED=false)");
  const batch = env["AURORA_EXPORT_BATCH_SIZE"];
  const apiKey = env["AURORA_API_KEY"];
  return { url, ...(apiKey ? { apiKey } : {}), ...(batch ? { batchSize: positive(batch, "AURORA_EXPORT_BATCH_SIZE", true) } : {}) };
}

/** The corpus folder: flag, then `corpus.dir` in the config file, then `.aurora`, against the working directory. */
export function corpusDir(io: CliIO, flag: string | undefined, file: AuroraConfig): string {
  return path.resolve(io.cwd, flag ?? file.corpus?.dir ?? DEFAULT_CORPUS_DIR);
}

/** The corpus settings of `aurora run`; undefined when disabled (`--no-corpus` or `corpus.enabled: false`). */
export function corpusRunConfig(io: CliIO, flags: { readonly corpus?: boolean; readonly corpusDir?: string }, file: AuroraConfig): CorpusRunConfig | undefined {
  if (flags.corpus === false || (flags.corpus === undefined && file.corpus?.enabled === false)) return undefined;
  const exportConfig = exportConfigFromEnv(io.env);
  return { dir: corpusDir(io, flags.corpusDir, file), ...(exportConfig ? { export: exportConfig } : {}) };
}

/** One line about a run's corpus result, for `aurora run`. */
export function describeRunCorpus(io: CliIO, r: { readonly dir: string; readonly appended: number; readonly entries: number; readonly export?: FlushReport; readonly error?: string }): string {
  if (r.error) return `corpus: ${r.error}`;
  const where = path.relative(io.cwd, r.dir) || ".";
  return `corpus: ${r.appended} records -> ${where}/corpus.jsonl (${r.entries} entries)${r.export ? `; export: ${describeFlush(r.export)}` : ""}`;
}

function describeFlush(f: FlushReport): string {
  const sent = `sent ${f.sentRecords} records in ${f.sentBatches} batches`;
  return f.error ? `${sent}, ${f.pendingBatches} batches wait in the outbox (${f.error})` : sent;
}

/** Opens the corpus of the command line, runs `fn`, closes; corpus errors become usage errors. */
async function withStore<T>(cmd: Command, ctx: Ctx, fn: (store: CorpusStore) => Promise<T>): Promise<T> {
  const file = await loadConfigFile(ctx.io.cwd).catch((e: unknown) => {
    throw e instanceof ConfigError ? new UsageError(e.message) : e;
  });
  const dir = corpusDir(ctx.io, cmd.optsWithGlobals<{ corpusDir?: string }>().corpusDir, file.config);
  try {
    const store = await CorpusStore.open({ dir, onNotice: (m) => ctx.io.err(`aurora: corpus: ${m}`) });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  } catch (e) {
    if (e instanceof CorpusError) throw new UsageError(e.message, { cause: e });
    throw e;
  }
}

function nonNegativeInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number >= 0, got "${text}"`);
  return n;
}

function formatStats(s: CorpusStats, pending: number, io: CliIO): string {
  const where = path.relative(io.cwd, s.dir) || ".";
  const st = s.byStatus;
  const lines = [
    `corpus ${where} (corpus.jsonl ${formatBytes(s.logBytes)}, index schema ${s.schemaVersion})`,
    `  records     ${s.records} in the log (every attempt)${s.skipped > 0 ? `; ${s.skipped} lines are not records and were skipped: ${s.skippedLines.map((l) => `line ${l.line} (${l.reason})`).join(", ")}` : ""}`,
    `  entries     ${s.entries} distinct (spec, program): ${st.solved} solved, ${st.ambiguous} ambiguous, ${st.unsolved} unsolved, ${st.error} error; ${s.perfect} perfect; ${s.withProgram} with a program`,
    `  signatures  ${s.signatures} distinct`,
    `  span        ${s.firstTimestamp ?? "-"} .. ${s.lastTimestamp ?? "-"}`,
    `  weights     ${s.weights.length > 0 ? s.weights.join(", ") : "none"}`,
    `  outbox      ${pending} batches waiting`,
  ];
  return lines.join("\n");
}

function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`;
}

function formatPage(text: string, page: QueryPage): string {
  if (page.total === 0) return `no entries match "${text}"`;
  const first = page.offset + 1;
  const head = `${page.total} entries match "${text}" (showing ${first}-${page.offset + page.items.length}):`;
  const rows = page.items.map((it, i) => {
    const r = it.record;
    return `${String(first + i).padStart(4)}. ${it.score.toFixed(3)}  ${r.name}  ${r.signature}  ${r.status}${r.python ? `  ${r.python}` : ""}\n        ${r.description.replace(/\s+/g, " ").slice(0, 100)}`;
  });
  return [head, ...rows].join("\n");
}

function formatMerge(r: MergeReport, io: CliIO): string {
  const lines = [`imported ${path.relative(io.cwd, r.file) || r.file} (${r.format}): read ${r.read}, added ${r.added}, superseded ${r.superseded}, duplicates ${r.duplicates}, invalid ${r.invalid}`];
  for (const l of r.invalidLines) lines.push(`  ${r.format === "db" ? "entry" : "line"} ${l.line}: ${l.reason}`);
  if (r.invalid > r.invalidLines.length) lines.push(`  ... and ${r.invalid - r.invalidLines.length} more`);
  return lines.join("\n");
}

/** Writes the export to `out` atomically (temp file, rename), or to stdout. */
async function writeExport(store: CorpusStore, format: ExportFormat, out: string | undefined, io: CliIO): Promise<number> {
  if (!out) return store.exportTo(format, (t) => io.out(t.replace(/\r?\n$/, "")));
  const temp = `${out}.tmp-${process.pid}`;
  const stream = createWriteStream(temp);
  try {
    const n = await store.exportTo(format, async (t) => {
      if (!stream.write(t)) await once(stream, "drain");
    });
    stream.end();
    await once(stream, "finish");
    await rename(temp, out);
    return n;
  } catch (e) {
    stream.destroy();
    await rm(temp, { force: true });
    throw e;
  }
}

function addStats(corpus: Command, ctx: Ctx): void {
  corpus
    .command("stats")
    .description("records, distinct entries by status, signatures, weights and the export outbox")
    .option("--json", "print the figures as JSON")
    .option("--check", "also run PRAGMA integrity_check and compare the index with the log")
    .action(async (opts: { json?: boolean; check?: boolean }, cmd: Command) => {
      await withStore(cmd, ctx, async (store) => {
        const stats = await store.stats();
        const pending = (await new Outbox(store.paths).pending()).length;
        const check = opts.check ? await store.check() : undefined;
        if (opts.json) ctx.io.out(JSON.stringify({ ...stats, outbox: pending, ...(check ? { check } : {}) }, null, 2));
        else ctx.io.out(formatStats(stats, pending, ctx.io) + (check ? `\n  check       integrity ${check.integrity}; index at byte ${check.indexedBytes} of ${check.logBytes}: ${check.ok ? "consistent" : "NOT consistent"}` : ""));
        if (check && !check.ok) ctx.setExit(EXIT.failed);
      });
    });
}

function addQuery(corpus: Command, ctx: Ctx): void {
  corpus
    .command("query")
    .description("entries whose description shares words with TEXT, ranked by the retrieval score (0.6 signature + 0.4 Jaccard + 0.1 perfect)")
    .argument("<text...>", "words to look for")
    .option("-n, --limit <n>", "entries per page", "10")
    .option("--offset <m>", "entries to skip (stable order: score, then key)", "0")
    .option("-s, --signature <sig>", 'the signature to match, e.g. "(xs: list[int]) -> int"')
    .option("--json", "print the page as JSON")
    .action(async (words: string[], opts: { limit: string; offset: string; signature?: string; json?: boolean }, cmd: Command) => {
      const text = words.join(" ");
      const sig = opts.signature === undefined ? undefined : parseSignatureText(opts.signature);
      if (opts.signature !== undefined && !sig) throw new UsageError(`--signature "${opts.signature}" is not of the form "(a: int, b: str) -> bool"`);
      const page = { limit: positive(opts.limit, "--limit", true), offset: nonNegativeInt(opts.offset, "--offset") };
      await withStore(cmd, ctx, async (store) => {
        const result = await store.query({ description: text, ...(sig ?? {}) }, page);
        ctx.io.out(opts.json ? JSON.stringify(result, null, 2) : formatPage(text, result));
      });
    });
}

function addExport(corpus: Command, ctx: Ctx): void {
  corpus
    .command("export")
    .description("write the kept entries (best record per spec and program) as JSON lines or CSV")
    .option("-f, --format <format>", `${EXPORT_FORMATS.join(" or ")}`, "jsonl")
    .option("-o, --out <file>", "write to FILE (default: stdout)")
    .action(async (opts: { format: string; out?: string }, cmd: Command) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`--format must be ${EXPORT_FORMATS.join(" or ")}, got "${opts.format}"`);
      const out = opts.out === undefined ? undefined : path.resolve(ctx.io.cwd, opts.out);
      await withStore(cmd, ctx, async (store) => {
        const n = await writeExport(store, opts.format as ExportFormat, out, ctx.io);
        if (out) ctx.io.out(`exported ${n} entries to ${path.relative(ctx.io.cwd, out)}`);
      });
    });
}

function addImport(corpus: Command, ctx: Ctx): void {
  corpus
    .command("import")
    .description("merge another corpus (corpus.jsonl or corpus.db): dedupe by spec and program, keep the best score")
    .argument("<file>", "a JSON-lines file of corpus records or another corpus's corpus.db")
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      await withStore(cmd, ctx, async (store) => {
        const report = await store.importFile(path.resolve(ctx.io.cwd, file));
        ctx.io.out(formatMerge(report, ctx.io));
        if (report.invalid > 0) ctx.setExit(EXIT.failed);
      });
    });
}

function addFlush(corpus: Command, ctx: Ctx): void {
  corpus
    .command("flush")
    .description("POST the records waiting in the export outbox (needs AURORA_EXPORT_ENABLED=true and AURORA_POST_URL)")
    .action(async (_opts: unknown, cmd: Command) => {
      const config = exportConfigFromEnv(ctx.io.env);
      if (!config) throw new UsageError("export is not enabled: set AURORA_EXPORT_ENABLED=true and AURORA_POST_URL (and AURORA_API_KEY if the endpoint needs one)");
      await withStore(cmd, ctx, async (store) => {
        const report = await exportPending(new Outbox(store.paths, { onNotice: (m) => ctx.io.err(`aurora: corpus: ${m}`) }), config);
        ctx.io.out(`export: ${describeFlush(report)}`);
        if (report.error) ctx.setExit(EXIT.failed);
      });
    });
}

/** Adds `aurora corpus` and its subcommands. */
export const register: Register = (program: Command, io: CliIO, setExit) => {
  const corpus = program
    .command("corpus")
    .description("the corpus of past attempts: stats, query, export, import, flush")
    .option("--corpus-dir <dir>", `corpus folder (default: corpus.dir in aurora.config.yaml, else ${DEFAULT_CORPUS_DIR})`);
  const ctx: Ctx = { io, setExit };
  for (const add of [addStats, addQuery, addExport, addImport, addFlush]) add(corpus, ctx);
};
