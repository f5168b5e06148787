import { Command, CommanderError } from "commander";
import { loadCommands } from "./commands/index.js";
import { EXIT, UsageError, processIO, type CliIO } from "./io.js";
import { VERSION } from "../app/version.js";

/**
 * Runs the `aurora` CLI and returns its exit code: 0 success, 1 the work found failures, 2 usage or input errors.
 * The thin entry `bin/aurora.js` calls this; tests call it directly with their own `io`.
 */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command("aurora")
    .description("Aurora-X: offline program synthesis from examples")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError("(run aurora --help for usage)");
  for (const register of await loadCommands()) register(program, io, (c) => (code = Math.max(code, c)));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    return reportError(e, io);
  }
}

function reportError(e: unknown, io: CliIO): number {
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.ok;
    return EXIT.usage;
  }
  if (e instanceof UsageError) {
    io.err(`aurora: ${e.message}`);
    return EXIT.usage;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  io.err(`aurora: internal error: ${err.message}\n${err.stack ?? ""}`);
  return EXIT.usage;
}
