/**
 * One spawned Python worker process (the script in pyworker-script.ts): handshake, one batch request at a time,
 * a hard deadline that kills a silent process, crash detection, and a stderr tail for messages.
 * The public face with queueing, restarts and typed results is PythonWorker in pyworker.ts.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { PYWORKER_SCRIPT } from "./pyworker-script.js";

/** Settings the Python side reads from its argv (see pyworker-script.ts). */
export interface ProcessConfig {
  readonly maxReprChars: number;
  readonly memoryLimitMb: number;
  readonly recursionLimit?: number;
}

/** How a batch ended: all results arrived, or the process had to be killed or died. */
export type BatchEnd = { readonly end: "done" } | { readonly end: "timeout" | "crash"; readonly message: string };

/** One batch request as the Python side reads it. */
export interface BatchRequest {
  readonly kind: "exec" | "call" | "check" | "eval";
  readonly items: readonly object[];
  readonly opts: Readonly<Record<string, unknown>>;
}

interface InFlight {
  readonly id: number;
  readonly hardMs: number;
  readonly onPart: (results: readonly unknown[]) => void;
  readonly resolve: (end: BatchEnd) => void;
  timer: NodeJS.Timeout;
}

/** Why a worker process could not be started. */
export class WorkerStartError extends Error {
  override readonly name = "WorkerStartError";
}

const STDERR_TAIL_CHARS = 4000;

/** The handshake line's fields. */
interface Ready {
  readonly python: string;
  readonly pid: number;
}

/**
 * A live Python process speaking the JSON-lines protocol. Invariant: at most one batch is in flight; while one
 * is, the process and its stdout keep Node alive, and while idle they do not (so a forgotten worker never blocks
 * Node's exit: the Python side exits on end of input).
 */
export class WorkerProcess {
  private inFlight: InFlight | undefined;
  private nextId = 1;
  private stderrTail = "";
  private exited = false;
  private readonly exitPromise: Promise<void>;
  private readyHandler: ((message: Record<string, unknown>) => void) | undefined;

  private constructor(
    private readonly child: ChildProcess,
    /** The Python version the worker reported. */
    public python = "",
    /** The worker's process id. */
    public pid = 0,
  ) {
    this.exitPromise = new Promise((resolve) => {
      child.once("exit", () => resolve());
      child.once("error", () => resolve());
    });
    child.once("close", (code: number | null, signal: NodeJS.Signals | null) => this.onExit(code, signal));
    child.on("error", (error) => this.onError(error));
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => this.keepStderr(chunk));
    child.stdin?.on("error", () => undefined); // EPIPE after a crash surfaces through "close"
    if (child.stdout) createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", (line) => this.onLine(line));
  }

  /** Spawns `executable -I -S -u -c <script> <config>` and waits for its ready line. */
  static async spawn(executable: string, config: ProcessConfig, startTimeoutMs: number): Promise<WorkerProcess> {
    const child = spawn(executable, ["-I", "-S", "-u", "-c", PYWORKER_SCRIPT, JSON.stringify(config)], {
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true,
    });
    const proc = new WorkerProcess(child);
    const ready = await proc.handshake(executable, startTimeoutMs);
    proc.python = ready.python;
    proc.pid = ready.pid;
    proc.unrefForever();
    proc.setRef(false);
    return proc;
  }

  /** Whether the process can take a request. */
  get alive(): boolean {
    return !this.exited && this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Sends one batch; `onPart` receives results in item order. The process is killed when it stays silent for
   * `hardMs` (the Python side writes at least every 50 ms while healthy).
   */
  runBatch(request: BatchRequest, hardMs: number, onPart: (results: readonly unknown[]) => void): Promise<BatchEnd> {
    if (this.inFlight) throw new Error("WorkerProcess.runBatch: a batch is already in flight");
    if (!this.alive) return Promise.resolve({ end: "crash", message: this.deathMessage() });
    return new Promise<BatchEnd>((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.onSilence(), hardMs);
      this.inFlight = { id, hardMs, onPart, resolve, timer };
      this.setRef(true);
      this.child.stdin?.write(`${JSON.stringify({ id, op: "batch", ...request })}\n`);
    });
  }

  /** Kills the process at once (a hung call). */
  kill(): void {
    this.exited = true;
    this.child.kill("SIGKILL");
  }

  /** Ends the process: closes its input (the worker exits on end of input), then kills it if it lingers. */
  async close(graceMs = 500): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.stdin?.end();
    // Closing is awaited work: keep Node alive until the child has exited (at most graceMs, then SIGKILL).
    // Unref'd, a caller awaiting close() would see the event loop empty out and the process end mid-await.
    this.child.ref();
    const killer = setTimeout(() => this.child.kill("SIGKILL"), graceMs);
    await this.exitPromise;
    clearTimeout(killer);
  }

  private handshake(executable: string, startTimeoutMs: number): Promise<Ready> {
    return new Promise<Ready>((resolve, reject) => {
      let settled = false;
      const fail = (why: string, cause?: unknown): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.kill();
        const tail = this.stderrTail.trim();
        reject(new WorkerStartError(`could not start the Python worker (${executable}): ${why}${tail ? `\n${tail}` : ""}`, { cause }));
      };
      const timer = setTimeout(() => fail(`no ready line within ${startTimeoutMs} ms`), startTimeoutMs);
      this.child.once("error", (error) => fail(error.message, error));
      this.child.once("close", () => fail(`it exited early (${this.deathMessage()})`));
      this.readyHandler = (message) => {
        settled = true;
        clearTimeout(timer);
        this.readyHandler = undefined;
        resolve({ python: String(message["python"] ?? ""), pid: Number(message["pid"] ?? 0) });
      };
    });
  }

  private onLine(line: string): void {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      this.protocolFailure(`unreadable line from the worker: ${line.slice(0, 200)}`);
      return;
    }
    if (!isRecord(message)) return this.protocolFailure(`unexpected message from the worker: ${line.slice(0, 200)}`);
    if (message["ready"] === true && this.readyHandler) return this.readyHandler(message);
    this.onMessage(message);
  }

  private onMessage(message: Record<string, unknown>): void {
    const current = this.inFlight;
    if (!current || message["id"] !== current.id) return this.protocolFailure(`unexpected message id ${String(message["id"])}`);
    if (typeof message["fatal"] === "string") return this.protocolFailure(message["fatal"]);
    const part = message["part"];
    if (!Array.isArray(part)) return this.protocolFailure("a message without results");
    current.onPart(part);
    if (message["done"] === true) this.finish({ end: "done" });
    else current.timer.refresh();
  }

  private onSilence(): void {
    const hardMs = this.inFlight?.hardMs ?? 0;
    this.kill();
    this.finish({ end: "timeout", message: `the worker was silent for ${hardMs} ms and was killed` });
  }

  private protocolFailure(why: string): void {
    this.kill();
    this.finish({ end: "crash", message: `protocol error: ${why}` });
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.exited = true;
    this.finish({ end: "crash", message: this.deathMessage(code, signal) });
  }

  private onError(error: Error): void {
    this.exited = true;
    this.finish({ end: "crash", message: `the Python worker failed: ${error.message}` });
  }

  private finish(end: BatchEnd): void {
    const current = this.inFlight;
    if (!current) return;
    clearTimeout(current.timer);
    this.inFlight = undefined;
    this.setRef(false);
    current.resolve(end);
  }

  private deathMessage(code = this.child.exitCode, signal = this.child.signalCode): string {
    const how = signal ? `killed by ${signal}` : `exit code ${String(code)}`;
    const tail = this.stderrTail.trim();
    return `the Python worker died (${how})${tail ? `; stderr:\n${tail.slice(-1000)}` : ""}`;
  }

  private keepStderr(chunk: string): void {
    this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
  }

  /** Only stdout is toggled: the child, stdin and stderr stay unref'd, a busy stdout alone keeps Node alive. */
  private setRef(on: boolean): void {
    const stdout = this.child.stdout as unknown as { ref?: () => void; unref?: () => void } | null;
    if (on) stdout?.ref?.();
    else stdout?.unref?.();
  }

  private unrefForever(): void {
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }
}

/** A plain JSON object. */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
