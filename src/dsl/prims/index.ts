import type { Primitive } from "../primitive.js";
import { hofPrims } from "./hof.js";
import { logicPrims } from "./logic.js";
import { numericPrims } from "./numeric.js";
import { seqPrims } from "./seq.js";
import { SMT_PRIMS } from "./smt.js";
import { strPrims } from "./str.js";

/** The Python DSL's primitive table, in a fixed order (the order is part of determinism). */
export const PYTHON_PRIMS: readonly Primitive[] = [...numericPrims, ...logicPrims, ...strPrims, ...seqPrims, ...hofPrims];

const registry = new Map<string, Primitive>();

/** Adds primitives to the lookup used by the interpreter and emitters (other DSLs, such as SMT-LIB, register too). */
export function registerPrims(prims: readonly Primitive[]): void {
  for (const p of prims) {
    const old = registry.get(p.name);
    if (old && old !== p) throw new Error(`primitive name registered twice: ${p.name}`);
    registry.set(p.name, p);
  }
}
registerPrims(PYTHON_PRIMS);
// SMT-LIB operators (SyGuS problems): in the lookup, never in the Python grammar.
registerPrims(SMT_PRIMS);

/** The primitive with this stable name, or undefined (a stored program may name one that no longer exists). */
export function primByName(name: string): Primitive | undefined {
  return registry.get(name);
}
