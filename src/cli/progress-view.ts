import cliProgress from "cli-progress";
import type { SpecOutcome, SynthEvent, SynthReport } from "../app/synth.js";
import { formatSpecError } from "../spec/problem.js";
import type { CliIO } from "./io.js";

const MARK: Record<SpecOutcome["status"], string> = { solved: "✓", ambiguous: "≈", unsolved: "✗", error: "!" };

/**
 * Shows synthesis progress: a progress bar (specs done, solved, elapsed) on a terminal, plain lines otherwise
 * (CI logs). Details of each spec are printed as lines in both cases.
 */
export class SynthProgress {
  private bar: cliProgress.SingleBar | undefined;
  private solved = 0;

  constructor(private readonly io: CliIO) {}

  on(e: SynthEvent): void {
    switch (e.kind) {
      case "loaded":
        for (const err of e.errors) this.io.err(`error: ${formatSpecError(err)}`);
        this.io.out(`aurora: ${e.problems} spec${e.problems === 1 ? "" : "s"} to synthesize${e.errors.length ? `, ${e.errors.length} with errors (skipped)` : ""}`);
        break;
      case "round":
        this.stopBar();
        if (e.round > 1) this.io.out(`round ${e.round}: ${e.specs} unsolved spec${e.specs === 1 ? "" : "s"}, ${(e.timeoutMs / 1000).toFixed(0)} s each`);
        if (this.io.isTTY) {
          this.bar = new cliProgress.SingleBar({ format: "  {bar} {value}/{total} specs | {solved} solved | {duration_formatted}", hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
          this.bar.start(e.specs, 0, { solved: this.solved });
        }
        break;
      case "spec":
        if (e.outcome.status === "solved" || e.outcome.status === "ambiguous") this.solved++;
        this.line(describe(e.outcome));
        this.bar?.increment(1, { solved: this.solved });
        break;
      case "warning":
        this.line(`warning: ${e.message}`);
        break;
    }
  }

  finish(report: Pick<SynthReport, "summary">, outDir: string): void {
    this.stopBar();
    const s = report.summary;
    this.io.out(`\n${s.solved}/${s.total} solved${s.ambiguous ? ` (${s.ambiguous} ambiguous)` : ""}, ${s.unsolved} unsolved, ${s.errors} errors in ${(s.time_ms / 1000).toFixed(1)} s -> ${outDir}/scores.json`);
  }

  private line(text: string): void {
    if (this.bar) this.bar.stop();
    this.io.out(text);
    if (this.bar) this.bar.start(this.bar.getTotal(), this.bar.getProgress() * this.bar.getTotal(), { solved: this.solved });
  }

  private stopBar(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

function describe(o: SpecOutcome): string {
  const head = `${MARK[o.status]} ${o.name} (${o.file}:${o.line}) ${o.status} in ${(o.time_ms / 1000).toFixed(2)} s`;
  const body = o.program ? `\n    ${o.status === "unsolved" ? `best (${Math.round(o.score * 100)}% of examples): ` : ""}${o.program}` : `\n    ${o.stop_reason}`;
  const amb = o.ambiguity ? `\n    ambiguous at ${o.ambiguity.call}: ${o.ambiguity.outputs.map((x) => `${x.program} -> ${x.output}`).join("; ")}` : "";
  const warn = o.warnings.map((w) => `\n    warning: ${w}`).join("");
  return head + body + amb + warn;
}
