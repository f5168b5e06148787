import { spawn } from "node:child_process";
import { access } from "node:fs/promises";
import { constants } from "node:fs";
import path from "node:path";

/** cvc5 is not installed: says how to install it. */
export class Cvc5MissingError extends Error {
  override readonly name = "Cvc5MissingError";
}

/** One cvc5 attempt: its solution body (the define-fun text) or nothing, and the wall time. */
export interface Cvc5Result {
  readonly solved: boolean;
  readonly timeMs: number;
  readonly solution?: string;
  /** AST nodes of the solution's body. */
  readonly size?: number;
  readonly error?: string;
}

/** The cvc5 executable to use, or Cvc5MissingError. */
export async function findCvc5(command = "cvc5"): Promise<string> {
  const dirs = command.includes("/") ? [""] : (process.env["PATH"] ?? "").split(path.delimiter);
  for (const d of dirs) {
    const full = d ? path.join(d, command) : command;
    try {
      await access(full, constants.X_OK);
      return full;
    } catch {
      // next
    }
  }
  throw new Cvc5MissingError(`cvc5 not found (${command}): install it with \`sudo apt-get install -y cvc5\` (Debian/Ubuntu) or pass --cvc5 <path>`);
}

/**
 * Runs cvc5 on a SyGuS v2 file with a time limit (cvc5's own --tlimit, plus a kill a second later as a guard).
 */
export function runCvc5(exe: string, file: string, timeoutMs: number): Promise<Cvc5Result> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(exe, ["--lang=sygus2", `--tlimit=${Math.round(timeoutMs)}`, file], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const guard = setTimeout(() => child.kill("SIGKILL"), timeoutMs + 1000);
    child.on("close", () => {
      clearTimeout(guard);
      const timeMs = performance.now() - t0;
      const m = /\(define-fun[\s\S]*\)/.exec(out);
      if (!m) return resolve({ solved: false, timeMs, error: (err || out).trim().split("\n").slice(-1)[0] ?? "" });
      resolve({ solved: true, timeMs, solution: m[0].trim(), size: defineFunBodySize(m[0]) });
    });
    child.on("error", (e) => {
      clearTimeout(guard);
      resolve({ solved: false, timeMs: performance.now() - t0, error: e.message });
    });
  });
}

/** AST nodes of a define-fun's body: atoms and applications, each counted once (as exprSize counts). */
export function defineFunBodySize(text: string): number {
  const tokens = text.match(/"(?:[^"]|"")*"|\(|\)|[^\s()]+/g) ?? [];
  // (define-fun f ((x T) ...) R body): skip to the body, the 5th element of the outer list.
  let i = 1;
  let depth = 0;
  let element = 0;
  const start = (): number => {
    for (; i < tokens.length; i++) {
      const t = tokens[i] as string;
      if (depth === 0 && element === 4) return i;
      if (t === "(") depth++;
      else if (t === ")") depth--;
      if (depth === 0) element++;
    }
    return tokens.length;
  };
  const b = start();
  let size = 0;
  let d = 0;
  for (let j = b; j < tokens.length; j++) {
    const t = tokens[j] as string;
    if (t === "(") {
      d++;
      continue;
    }
    if (t === ")") {
      if (--d < 0) break;
      continue;
    }
    if (t === "-" && tokens[j - 1] === "(" && /^\d+$/.test(tokens[j + 1] ?? "") && tokens[j + 2] === ")") continue; // (- 5) is one literal
    size++;
    if (d === 0) break;
  }
  return size;
}
