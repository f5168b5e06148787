import type { Register } from "../register.js";

export type { Register } from "../register.js";

/** Every command of the `aurora` CLI, in help order. */
export async function loadCommands(): Promise<Register[]> {
  const mods = await Promise.all([import("./synth.js"), import("./run.js"), import("./bench.js"), import("./progress.js"), import("./serve.js"), import("./compare.js"), import("./baseline.js"), import("./report.js"), import("./corpus.js"), import("./site.js")]);
  return mods.map((m) => m.register);
}
