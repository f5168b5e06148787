import type { Type } from "./types.js";
import { PyDict, PySet, normInt, reprFloat, reprStr, pyCompare, type Value } from "./values.js";

/**
 * Python `repr()` of a value of a known static type. The type decides what a JS number means (`2` vs `2.0`).
 * Sets are printed sorted (Python prints them in hash order, which equality ignores).
 */
export function pyRepr(v: Value, t: Type): string {
  if (v === null) return "None";
  switch (t.kind) {
    case "int":
      return typeof v === "boolean" ? (v ? "True" : "False") : String(v);
    case "float":
      return typeof v === "number" ? reprFloat(v) : typeof v === "bigint" ? reprFloat(Number(v)) : String(v);
    case "bool":
      return v === true ? "True" : v === false ? "False" : String(v);
    case "str":
      return typeof v === "string" ? reprStr(v) : String(v);
    case "none":
      return "None";
    case "optional":
      return pyRepr(v, t.el);
    case "list":
      return Array.isArray(v) ? `[${v.map((x: Value) => pyRepr(x, t.el)).join(", ")}]` : reprUntyped(v);
    case "vtuple":
      return Array.isArray(v) ? tupleText(v.map((x: Value) => pyRepr(x, t.el))) : reprUntyped(v);
    case "tuple":
      return Array.isArray(v) ? tupleText(v.map((x: Value, i) => pyRepr(x, t.els[i] ?? { kind: "unknown" }))) : reprUntyped(v);
    case "set":
      if (!(v instanceof PySet)) return reprUntyped(v);
      if (v.size === 0) return "set()";
      return `{${[...v.items].sort(pyCompare).map((x) => pyRepr(x, t.el)).join(", ")}}`;
    case "dict":
      if (!(v instanceof PyDict)) return reprUntyped(v);
      return `{${v.keys.map((k, i) => `${pyRepr(k, t.key)}: ${pyRepr(v.vals[i] ?? null, t.val)}`).join(", ")}}`;
    case "unknown":
      return reprUntyped(v);
  }
}

function tupleText(parts: string[]): string {
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
}

/** repr without a static type: numbers print as ints when integral (used only for unknown element types). */
export function reprUntyped(v: Value): string {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : reprFloat(v);
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "string") return reprStr(v);
  if (Array.isArray(v)) return `[${v.map(reprUntyped).join(", ")}]`;
  if (v instanceof PySet) return v.size === 0 ? "set()" : `{${v.items.map(reprUntyped).join(", ")}}`;
  if (v instanceof PyDict) return `{${v.keys.map((k, i) => `${reprUntyped(k)}: ${reprUntyped(v.vals[i] ?? null)}`).join(", ")}}`;
  return String(v);
}

/** JSON-safe encoding of a value (bigints as strings tagged, sets and dicts as tagged pairs), for files. */
export function toJsonValue(v: Value): unknown {
  if (typeof v === "bigint") return { $int: v.toString() };
  if (typeof v === "number" && !Number.isFinite(v)) return { $float: String(v) };
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v instanceof PySet) return { $set: v.items.map(toJsonValue) };
  if (v instanceof PyDict) return { $dict: v.keys.map((k, i) => [toJsonValue(k), toJsonValue(v.vals[i] ?? null)]) };
  return v;
}

/** Inverse of `toJsonValue`. */
export function fromJsonValue(j: unknown): Value {
  if (j === null || typeof j === "number" || typeof j === "string" || typeof j === "boolean") return j;
  if (Array.isArray(j)) return j.map(fromJsonValue);
  if (typeof j === "object") {
    const o = j as Record<string, unknown>;
    if (typeof o["$int"] === "string") return normInt(BigInt(o["$int"]));
    if (typeof o["$float"] === "string") return Number(o["$float"]);
    if (Array.isArray(o["$set"])) return PySet.from(o["$set"].map(fromJsonValue));
    if (Array.isArray(o["$dict"])) {
      return PyDict.from((o["$dict"] as unknown[][]).map((p) => [fromJsonValue(p[0]), fromJsonValue(p[1])] as const));
    }
  }
  return null;
}
