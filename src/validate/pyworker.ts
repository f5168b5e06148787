/**
 * A long-lived Python worker that runs emitted Python for real: exec modules, call functions, check examples
 * with Python's `==`, and evaluate expressions for differential tests of the interpreter.
 *
 * Contracts:
 * - One request runs at a time; concurrent calls queue in call order.
 * - Every value crosses the boundary as Python source text (arguments, expected values, bindings: we generate
 *   them with pyRepr) and comes back as `repr()` text plus the type name; comparisons happen in Python.
 * - Failures of the program under test are values (`{ ok: false, kind, error, message }`), never exceptions.
 *   Exceptions are kept for problems of the environment or of the caller: no Python, a worker that cannot
 *   start, a closed worker, a broken protocol.
 * - Timeouts are per item (per call, per check case, per expression). A soft timer inside Python interrupts
 *   ordinary Python loops without losing the process; code stuck in C (a catastrophic regex, a huge `**`) is
 *   killed from Node after a grace period, and the process is restarted transparently with every module
 *   re-exec'd. Either way the item's outcome is `{ ok: false, kind: "timeout", error: "Timeout" }`.
 */
import { execFile } from "node:child_process";
import { WorkerProcess, WorkerStartError, isRecord } from "./pyworker-process.js";
import type { BatchEnd, BatchRequest, ProcessConfig } from "./pyworker-process.js";

export { WorkerStartError };

/** Options of {@link PythonWorker.start}. */
export interface PythonWorkerOptions {
  /** The interpreter: a command on PATH or a path; resolved once to its real `sys.executable`. @default "python3" */
  readonly python?: string;
  /** Default timeout of one item (call, check case, expression) in milliseconds. @default 2000 */
  readonly timeoutMs?: number;
  /** Longest `repr()` or captured stdout returned, in characters; longer text is cut and flagged. @default 100000 */
  readonly maxReprChars?: number;
  /** Address-space limit of the Python process in MiB (RLIMIT_AS where available); 0 for none. @default 2048 */
  readonly memoryLimitMb?: number;
  /** `sys.setrecursionlimit` of the worker; omitted keeps Python's default (1000). */
  readonly recursionLimit?: number;
  /** How long the interpreter may take to start and greet, in milliseconds. @default 10000 */
  readonly startTimeoutMs?: number;
}

/** Per-request options. */
export interface CallOptions {
  /** Timeout of each item of this request in milliseconds. @default the worker's timeoutMs */
  readonly timeoutMs?: number;
}

/** Options of {@link PythonWorker.check}. */
export interface CheckOptions extends CallOptions {
  /**
   * Compare floats with `math.isclose(rel_tol=rel, abs_tol=abs)` when both sides are floats (also inside lists,
   * tuples and dict values of the same shape); everything else still uses `==`. Off by default: plain `==`.
   */
  readonly floatTolerance?: { readonly rel?: number; readonly abs?: number };
}

/** Options of {@link PythonWorker.evalExpr} and {@link PythonWorker.evalMany}. */
export interface EvalOptions extends CallOptions {
  /**
   * Evaluate in (a copy of) this exec'd module's namespace, so its functions are visible. By default the scope is
   * the builtins plus the modules math, re, collections, itertools, functools, operator and string.
   */
  readonly module?: string;
}

/** What user code printed during the item, when it printed anything. */
export interface PrintedOutput {
  readonly stdout?: string;
  /** Present when the printed text was cut at maxReprChars. */
  readonly stdoutTruncated?: true;
}

/** A value: its `repr()` (cut at maxReprChars, then `truncated`) and `type(v).__name__`. */
export interface PyValue extends PrintedOutput {
  readonly ok: true;
  readonly repr: string;
  readonly type: string;
  readonly truncated?: true;
}

/** The program raised: `error` is the exception class name, `line` the line in the exec'd module if any. */
export interface PyException extends PrintedOutput {
  readonly ok: false;
  readonly kind: "exception";
  readonly error: string;
  readonly message: string;
  readonly line?: number;
}

/** The item ran out of time. */
export interface PyTimeout extends PrintedOutput {
  readonly ok: false;
  readonly kind: "timeout";
  readonly error: "Timeout";
  readonly message: string;
}

/** The Python process died during the item (os._exit, a signal, a broken protocol); it restarts on next use. */
export interface PyCrash {
  readonly ok: false;
  readonly kind: "crash";
  readonly error: "WorkerCrash";
  readonly message: string;
}

/** The request itself was wrong: an argument or binding that is not a literal, an unknown module or function. */
export interface PyInvalidInput {
  readonly ok: false;
  readonly kind: "invalidInput";
  readonly error: "InvalidInput";
  readonly message: string;
}

/** Why an item produced no value. */
export type PyFailure = PyException | PyTimeout | PyCrash | PyInvalidInput;
/** The outcome of one call or expression. */
export type PyOutcome = PyValue | PyFailure;
/** The outcome of exec'ing a module. */
export type ExecResult = ({ readonly ok: true } & PrintedOutput) | PyFailure;

/** One example for {@link PythonWorker.check}: argument and expected value as Python literal source. */
export interface CheckCaseInput {
  readonly args: readonly string[];
  readonly expected: string;
}

/** One checked example: `pass` is `actual == expected` in Python; `outcome` holds the actual value or failure. */
export interface CheckCase {
  readonly pass: boolean;
  readonly outcome: PyOutcome;
}

/** The result of {@link PythonWorker.check}, cases in input order. */
export interface CheckReport {
  readonly passed: number;
  readonly failed: number;
  readonly cases: readonly CheckCase[];
}

/** One expression for {@link PythonWorker.evalMany}: variables bound to Python literal source. */
export interface EvalItem {
  readonly source: string;
  readonly bindings?: Readonly<Record<string, string>>;
}

/** Facts about the running worker. */
export interface WorkerInfo {
  readonly executable: string;
  readonly version: string;
  /** Process id of the current Python process, when one is running. */
  readonly pid: number | undefined;
  /** How many times the process was restarted after a timeout kill or a crash. */
  readonly restarts: number;
  /** Names of the modules that are re-exec'd after a restart. */
  readonly modules: readonly string[];
}

/** Base class of the worker's environment and usage errors. */
export class PythonWorkerError extends Error {
  override readonly name: string = "PythonWorkerError";
}

/** No usable Python interpreter at the configured command or path. */
export class PythonNotFoundError extends PythonWorkerError {
  override readonly name = "PythonNotFoundError";
  constructor(
    readonly command: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(`python3 not found: install Python 3.8+ or set AURORA_PYTHON (tried "${command}": ${detail})`, options);
  }
}

/** The interpreter is older than 3.8. */
export class PythonVersionError extends PythonWorkerError {
  override readonly name = "PythonVersionError";
  constructor(
    readonly executable: string,
    readonly version: string,
  ) {
    super(`${executable} is Python ${version}: install Python 3.8+ or set AURORA_PYTHON`);
  }
}

/** A request after {@link PythonWorker.close}. */
export class WorkerClosedError extends PythonWorkerError {
  override readonly name = "WorkerClosedError";
}

/** The worker answered something this side cannot read: a bug in the worker or its script. */
export class WorkerProtocolError extends PythonWorkerError {
  override readonly name = "WorkerProtocolError";
}

/** An option out of range. */
export class WorkerOptionError extends PythonWorkerError {
  override readonly name = "WorkerOptionError";
}

/** The interpreter a command resolves to. */
export interface ResolvedPython {
  readonly executable: string;
  readonly version: string;
}

const resolved = new Map<string, Promise<ResolvedPython>>();
const PROBE = "import sys;print(sys.executable);print('%d.%d.%d' % tuple(sys.version_info[:3]))";

/**
 * Resolves a Python command (e.g. the pyenv shim `python3`, which costs ~0.33 s per spawn) to the real
 * interpreter (~0.03 s to start with -I -S), once per command per Node process.
 */
export function resolvePython(command = "python3"): Promise<ResolvedPython> {
  let found = resolved.get(command);
  if (!found) {
    found = probePython(command);
    found.catch(() => resolved.delete(command));
    resolved.set(command, found);
  }
  return found;
}

function probePython(command: string): Promise<ResolvedPython> {
  return new Promise((resolve, reject) => {
    execFile(command, ["-c", PROBE], { timeout: 30_000, windowsHide: true }, (error, stdout, stderr) => {
      if (error) return reject(new PythonNotFoundError(command, firstLine(stderr) || error.message, { cause: error }));
      const [executable = "", version = ""] = stdout.trim().split(/\r?\n/);
      const [major = 0, minor = 0] = version.split(".").map(Number);
      if (major < 3 || (major === 3 && minor < 8)) return reject(new PythonVersionError(executable || command, version));
      resolve({ executable: executable || command, version });
    });
  });
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/)[0] ?? "";
}

interface Settings {
  readonly timeoutMs: number;
  readonly startTimeoutMs: number;
  readonly process: ProcessConfig;
}

function settingsFrom(options: PythonWorkerOptions): Settings {
  const timeoutMs = positive("timeoutMs", options.timeoutMs ?? 2000);
  const maxReprChars = positive("maxReprChars", options.maxReprChars ?? 100_000);
  const memoryLimitMb = options.memoryLimitMb ?? 2048;
  if (!(memoryLimitMb >= 0)) throw new WorkerOptionError(`memoryLimitMb must be 0 or more, got ${memoryLimitMb}`);
  const base = { maxReprChars, memoryLimitMb };
  const process: ProcessConfig =
    options.recursionLimit === undefined ? base : { ...base, recursionLimit: positive("recursionLimit", options.recursionLimit) };
  return { timeoutMs, startTimeoutMs: positive("startTimeoutMs", options.startTimeoutMs ?? 10_000), process };
}

function positive(name: string, value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new WorkerOptionError(`${name} must be a positive number, got ${value}`);
  return value;
}

/**
 * How long a busy worker may stay silent before it is killed: the soft timeout, then a grace period for the
 * soft timer to fire and the answer to arrive (the worker writes at least every 50 ms while it makes progress).
 */
function hardDeadline(timeoutMs: number): number {
  return Math.ceil(timeoutMs + 50 + Math.max(300, timeoutMs / 4));
}

/** A long-lived Python process that runs emitted code; see the module comment for the contracts. */
export class PythonWorker {
  private proc: WorkerProcess | undefined;
  private started = false;
  private restarts = 0;
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();
  /** The modules exec'd successfully (source and the timeout they ran under), replayed after a restart. */
  private readonly modules = new Map<string, { readonly source: string; readonly timeoutMs: number }>();

  private constructor(
    private readonly python: ResolvedPython,
    private readonly settings: Settings,
  ) {}

  /**
   * Resolves the interpreter and starts the worker process.
   * @throws PythonNotFoundError, PythonVersionError, WorkerStartError, WorkerOptionError
   */
  static async start(options: PythonWorkerOptions = {}): Promise<PythonWorker> {
    const settings = settingsFrom(options);
    const worker = new PythonWorker(await resolvePython(options.python), settings);
    await worker.serial(() => worker.ensureProcess());
    return worker;
  }

  /** Facts about the interpreter and the current process. */
  get info(): WorkerInfo {
    return {
      executable: this.python.executable,
      version: this.python.version,
      pid: this.proc?.alive ? this.proc.pid : undefined,
      restarts: this.restarts,
      modules: [...this.modules.keys()],
    };
  }

  /**
   * Execs a module's source in a fresh namespace kept under `moduleName` (replacing an earlier one). A module
   * that fails is dropped. Modules are re-exec'd after a restart.
   */
  async exec(moduleName: string, source: string, opts: CallOptions = {}): Promise<ExecResult> {
    const timeoutMs = this.timeoutFor(opts);
    return this.serial(async () => {
      const [raw] = await this.runItems("exec", [{ module: moduleName, source }], {}, timeoutMs);
      const result = decodeOutcome(raw);
      this.modules.delete(moduleName);
      if (!result.ok) return result;
      this.modules.set(moduleName, { source, timeoutMs });
      return { ok: true, ...printed(result) };
    });
  }

  /** Calls `moduleName.fnName(*args)` with each argument given as Python literal source. */
  async call(moduleName: string, fnName: string, argsSource: readonly string[], opts: CallOptions = {}): Promise<PyOutcome> {
    const [raw] = await this.run("call", [{ module: moduleName, fn: fnName, args: argsSource }], {}, opts);
    return decodeOutcome(raw);
  }

  /**
   * Runs every case and compares the result with the expected value using Python `==` (or the float tolerance),
   * so the semantics are Python's own. The timeout applies to each case.
   */
  async check(moduleName: string, fnName: string, cases: readonly CheckCaseInput[], opts: CheckOptions = {}): Promise<CheckReport> {
    const items = cases.map((c) => ({ module: moduleName, fn: fnName, args: c.args, expected: c.expected }));
    const tolerance = opts.floatTolerance ? [opts.floatTolerance.rel ?? 1e-9, opts.floatTolerance.abs ?? 0] : undefined;
    const raws = await this.run("check", items, tolerance ? { tolerance } : {}, opts);
    const checked = raws.map(decodeCase);
    const passed = checked.filter((c) => c.pass).length;
    return { passed, failed: checked.length - passed, cases: checked };
  }

  /** Evaluates one expression with variables bound to Python literal source. */
  async evalExpr(source: string, bindings: Readonly<Record<string, string>> = {}, opts: EvalOptions = {}): Promise<PyOutcome> {
    const [outcome] = await this.evalMany([{ source, bindings }], opts);
    return outcome!;
  }

  /** Evaluates many expressions in one round trip; outcomes in input order, the timeout per expression. */
  async evalMany(items: readonly EvalItem[], opts: EvalOptions = {}): Promise<PyOutcome[]> {
    const raws = await this.run("eval", items, opts.module === undefined ? {} : { module: opts.module }, opts);
    return raws.map(decodeOutcome);
  }

  /** Ends the process. Requests in flight, queued or made later reject with WorkerClosedError. */
  async close(): Promise<void> {
    this.closed = true;
    const proc = this.proc;
    this.proc = undefined;
    await proc?.close();
  }

  private run(kind: BatchRequest["kind"], items: readonly object[], wire: Record<string, unknown>, opts: CallOptions): Promise<unknown[]> {
    const timeoutMs = this.timeoutFor(opts);
    return this.serial(() => this.runItems(kind, items, wire, timeoutMs));
  }

  private timeoutFor(opts: CallOptions): number {
    if (this.closed) throw new WorkerClosedError("the Python worker was closed");
    return opts.timeoutMs === undefined ? this.settings.timeoutMs : positive("timeoutMs", opts.timeoutMs);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs all items, surviving kills and crashes: after a failure with several items left, the rest is re-sent
   * with a result written after every item, so the next failure names its item exactly; that item gets the
   * failure as its outcome and the items after it run on.
   */
  private async runItems(kind: BatchRequest["kind"], items: readonly object[], wire: Record<string, unknown>, timeoutMs: number): Promise<unknown[]> {
    const results: unknown[] = [];
    let stream = false;
    while (results.length < items.length) {
      const proc = await this.ensureProcess();
      const request = { kind, items: items.slice(results.length), opts: { ...wire, timeout: timeoutMs / 1000, stream } };
      const end = await proc.runBatch(request, hardDeadline(timeoutMs), (part) => appendAll(results, part));
      if (end.end === "done") return expectAll(results, items.length);
      this.proc = undefined;
      if (this.closed) throw new WorkerClosedError("the Python worker was closed while a request was running");
      if (results.length >= items.length) break;
      if (stream || items.length - results.length === 1) results.push(failureOf(end));
      stream = !stream && items.length - results.length > 1;
    }
    return results;
  }

  /** The live process, starting one (and re-exec'ing the known modules) when there is none. */
  private async ensureProcess(): Promise<WorkerProcess> {
    if (this.closed) throw new WorkerClosedError("the Python worker was closed");
    if (this.proc?.alive) return this.proc;
    const proc = await WorkerProcess.spawn(this.python.executable, this.settings.process, this.settings.startTimeoutMs);
    if (this.started) this.restarts++;
    this.started = true;
    this.proc = proc;
    await this.replayModules(proc);
    return proc;
  }

  private async replayModules(proc: WorkerProcess): Promise<void> {
    if (this.modules.size === 0) return;
    const names = [...this.modules.keys()];
    const items = [...this.modules].map(([module, { source }]) => ({ module, source }));
    const timeoutMs = Math.max(...[...this.modules.values()].map((m) => m.timeoutMs));
    const results: unknown[] = [];
    const request = { kind: "exec", items, opts: { timeout: timeoutMs / 1000, stream: false } } as const;
    const end = await proc.runBatch(request, hardDeadline(timeoutMs), (part) => appendAll(results, part));
    if (end.end !== "done") {
      this.proc = undefined;
      this.modules.clear();
      throw new WorkerStartError(`re-exec of modules ${names.join(", ")} after a restart failed, so they were dropped: ${end.message}`);
    }
    results.forEach((raw, i) => {
      if (!decodeOutcome(raw).ok) this.modules.delete(names[i] ?? "");
    });
  }
}

function appendAll(into: unknown[], part: readonly unknown[]): void {
  for (const x of part) into.push(x);
}

function expectAll(results: unknown[], count: number): unknown[] {
  if (results.length !== count) throw new WorkerProtocolError(`the worker answered ${results.length} of ${count} items`);
  return results;
}

function failureOf(end: Exclude<BatchEnd, { end: "done" }>): PyTimeout | PyCrash {
  return end.end === "timeout"
    ? { ok: false, kind: "timeout", error: "Timeout", message: end.message }
    : { ok: false, kind: "crash", error: "WorkerCrash", message: end.message };
}

type Rec = Record<string, unknown>;

function text(r: Rec, key: string): string {
  const v = r[key];
  if (typeof v !== "string") throw new WorkerProtocolError(`worker result without "${key}": ${JSON.stringify(r).slice(0, 200)}`);
  return v;
}

function printed(r: { readonly stdout?: unknown; readonly stdoutTruncated?: unknown }): PrintedOutput {
  const out: { stdout?: string; stdoutTruncated?: true } = {};
  if (typeof r.stdout === "string") out.stdout = r.stdout;
  if (r.stdoutTruncated === true) out.stdoutTruncated = true;
  return out;
}

/** Reads one wire result (or a failure made on this side) into a typed outcome. */
function decodeOutcome(raw: unknown): PyOutcome {
  if (!isRecord(raw)) throw new WorkerProtocolError(`worker result is not an object: ${String(raw)}`);
  if (raw["ok"] === true) return decodeValue(raw);
  const kind = raw["kind"];
  const message = text(raw, "message");
  switch (kind) {
    case "exception": {
      const base: PyException = { ok: false, kind, error: text(raw, "error"), message };
      return { ...(typeof raw["line"] === "number" ? { ...base, line: raw["line"] } : base), ...printed(raw) };
    }
    case "timeout":
      return { ok: false, kind, error: "Timeout", message, ...printed(raw) };
    case "crash":
      return { ok: false, kind, error: "WorkerCrash", message };
    case "invalidInput":
      return { ok: false, kind, error: "InvalidInput", message };
    default:
      throw new WorkerProtocolError(`worker result of unknown kind ${String(kind)}`);
  }
}

function decodeValue(raw: Rec): PyValue {
  const repr = raw["repr"] === undefined ? "None" : text(raw, "repr");
  const type = raw["type"] === undefined ? "NoneType" : text(raw, "type");
  const base: PyValue = raw["truncated"] === true ? { ok: true, repr, type, truncated: true } : { ok: true, repr, type };
  return { ...base, ...printed(raw) };
}

function decodeCase(raw: unknown): CheckCase {
  const outcome = decodeOutcome(raw);
  return { pass: outcome.ok && isRecord(raw) && raw["pass"] === true, outcome };
}
