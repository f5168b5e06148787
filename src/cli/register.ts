import type { Command } from "commander";
import type { CliIO } from "./io.js";

/**
 * A command module adds its subcommand to the program. `setExit` records the exit code the action decided;
 * actions never call process.exit.
 */
export type Register = (program: Command, io: CliIO, setExit: (code: number) => void) => void;
