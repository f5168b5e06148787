import { Command, CommanderError } from "commander";
import { EXIT, UsageError, type CliIO } from "../../src/cli/io.js";
import type { Register } from "../../src/cli/commands/index.js";

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs `aurora <argv>` with only the given command modules, the way src/cli/main.ts does (exitOverride, UsageError
 * -> 2), so these tests do not depend on the other commands being present.
 */
export async function runCli(registers: readonly Register[], argv: readonly string[], cwd: string, env: Record<string, string> = {}, onOut?: (text: string) => void): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void (out.push(t), onOut?.(t)), err: (t) => void err.push(t), isTTY: false, cwd, env };
  let code: number = EXIT.ok;
  const program = new Command("aurora").exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const register of registers) register(program, io, (c) => (code = Math.max(code, c)));
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof UsageError) err.push(`aurora: ${e.message}`);
    else if (!(e instanceof CommanderError)) throw e;
    code = e instanceof CommanderError && e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return { code, out: out.join("\n"), err: err.join("\n") };
}
