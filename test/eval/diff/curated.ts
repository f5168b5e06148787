/**
 * Hand-picked edge cases for the differential test: inputs random generation rarely produces (0.0 beside -0.0
 * in one set, final sigma, huge ints, special floats). Each row is a primitive, its signature in annotation
 * syntax, and the arguments as Python literals; both sides evaluate the call on exactly those literals.
 */
import { call, v } from "../../../src/dsl/expr.js";
import { parseTypeAnnotation, type Type } from "../../../src/dsl/types.js";
import type { Value } from "../../../src/dsl/values.js";
import { parsePyLiteral } from "../../../src/spec/pyliteral.js";
import type { Case } from "./cases.js";

/** [primitive, "arg types -> result type", ...argument literals] */
export type CuratedRow = readonly [string, string, ...string[]];

export const CURATED: readonly CuratedRow[] = [
  ["set.and", "set[float], set[float] -> set[float]", "{-0.0, 1.0}", "{0.0}"],
  ["set.and", "set[float], set[float] -> set[float]", "{0.0}", "{-0.0, 1.0}"],
  ["set.and", "set[float], set[float] -> set[float]", "{0.0, 2.0}", "{-0.0, 1.0}"],
  ["set.or", "set[float], set[float] -> set[float]", "{0.0}", "{-0.0}"],
  ["set.xor", "set[float], set[float] -> set[float]", "{-0.0, 1.0}", "{0.0, 2.0}"],
  ["seq.dedupe", "list[float] -> list[float]", "[-0.0, 0.0, 1.0]"],
  ["seq.max", "list[float] -> float", "[0.0, -0.0]"],
  ["seq.sorted", "list[float] -> list[float]", "[0.0, -0.0, -1.5, 0.0]"],
  ["str.title", "str -> str", "'ǅx ß ﬀ ǈ ᾳb'"],
  ["str.title", "str -> str", "'ΑΣ ΑΣΑ Σ ΑΣ.'"],
  ["str.capitalize", "str -> str", "'ΑΣ'"],
  ["str.capitalize", "str -> str", "'ßa İX'"],
  ["str.swapcase", "str -> str", "'ΑΣ σς ǅ ß'"],
  ["str.lower", "str -> str", "'ΑΣ. İ ΑΣ\u0301'"],
  ["str.upper", "str -> str", "'ŉ ǰ ΐ ß ﬁ ᾳ'"],
  ["str.isupper", "str -> bool", "'Ǆ'"],
  ["str.islower", "str -> bool", "'ǅ'"],
  ["str.isdigit", "str -> bool", "'²፩𐹠'"],
  ["str.int", "str -> int", "' ٣٤ '"],
  ["str.int", "str -> int", "'\u30001'"],
  ["str.int", "str -> int", "'\\x1c1'"],
  ["str.int", "str -> int", "'1__0'"],
  ["str.int", "str -> int", "'0_0'"],
  ["str.int", "str -> int", `'${"1".repeat(4301)}'`],
  ["str.int", "str -> int", `'-${"9".repeat(4300)}'`],
  ["str.float", "str -> float", "'1_000.5'"],
  ["str.float", "str -> float", "'1e٣'"],
  ["str.float", "str -> float", "' -iNfInItY '"],
  ["str.float", "str -> float", "'1._5'"],
  ["str.float", "str -> float", "'\\x851.5'"],
  ["int.str", "int -> str", `${10n ** 4299n}`],
  ["int.str", "int -> str", `-${10n ** 4300n}`],
  ["str.chr", "int -> str", `${2n ** 31n}`],
  ["str.chr", "int -> str", "-2147483649"],
  ["str.chr", "int -> str", "1114112"],
  ["str.repeat", "str, int -> str", "'ab'", `-${2n ** 64n}`],
  ["str.repeat", "str, int -> str", "''", `${2n ** 63n}`],
  ["str.zfill", "str, int -> str", "'-7'", "5"],
  ["str.replace", "str, str, str -> str", "''", "''", "'x'"],
  ["str.replace", "str, str, str -> str", "'😀a'", "''", "'.'"],
  ["seq.get", "list[int], int -> int", "[1, 2]", `${2n ** 64n}`],
  ["seq.repeat", "list[int], int -> list[int]", "[]", `${2n ** 64n}`],
  ["cmp.le", "float, float -> bool", "nan", "1.0"],
  ["cmp.ge", "float, float -> bool", "nan", "nan"],
  ["cmp.lt", "list[int], list[int] -> bool", "[1, 2]", "[1, 2, 0]"],
  ["int.factorial", "int -> int", `${10n ** 20n}`],
  ["int.factorial", "int -> int", `-${10n ** 20n}`],
  ["range.ab", "int, int -> list[int]", `${2n ** 60n}`, "1152921504606846979"],
  ["range.abs", "int, int, int -> list[int]", `${2n ** 70n}`, `-${2n ** 70n}`, `-${2n ** 69n}`],
  ["seq.fsum", "list[float] -> float", "[]"],
  ["seq.fsum", "list[float] -> float", "[1e16, 1.0, 1.0]"],
  ["float.round", "float -> int", "-2.5"],
  ["float.round", "float -> int", "1e300"],
  ["float.roundn", "float, int -> float", "2.675", "2"],
  ["float.roundn", "float, int -> float", "-1.5", "-400"],
  ["float.floordiv", "float, float -> float", "4.5", "-inf"],
  ["float.floordiv", "float, float -> float", "inf", "3.0"],
  ["float.floordiv", "float, float -> float", "-0.0", "5.0"],
  ["float.floordiv", "float, float -> float", "1.0", "0.1"],
  ["float.mod", "float, float -> float", "-0.0", "5.0"],
  ["float.mod", "float, float -> float", "5.0", "-inf"],
  ["float.mod", "float, float -> float", "1.0", "0.1"],
  ["float.pow", "float, float -> float", "1.0", "nan"],
  ["float.pow", "float, float -> float", "-1.0", "inf"],
  ["float.pow", "float, float -> float", "0.0", "-inf"],
  ["float.pow", "float, float -> float", "-inf", "3.0"],
  ["float.pow", "float, float -> float", "-inf", "-3.0"],
  ["float.pow", "float, float -> float", "nan", "0.0"],
  ["float.pow", "float, float -> float", "-0.0", "3.0"],
  ["float.pow", "float, float -> float", "-0.0", "-3.0"],
  ["float.pow", "float, float -> float", "2.0", "1024.0"],
  ["float.pow", "float, float -> float", "2.0", "-1074.0"],
  ["float.pow", "float, float -> float", "-2.0", "-1075.0"],
  ["float.pow", "float, float -> float", "1.7976931348623157e308", "0.5"],
  ["float.pow", "float, float -> float", "5e-324", "0.5"],
  ["float.pow", "float, float -> float", "10.0", "-5.0"],
  ["float.pow", "float, float -> float", "1.0000001", "1e9"],
  ["int.truediv", "int, int -> float", `${2n ** 1100n}`, `${2n ** 1099n}`],
  ["int.truediv", "int, int -> float", "-1", `${10n ** 400n}`],
  ["int.truediv", "int, int -> float", `${10n ** 400n}`, "3"],
  ["int.truediv", "int, int -> float", "9007199254740993", "1"],
  ["int.truediv", "int, int -> float", "1", `${2n ** 1074n}`],
  ["int.truediv", "int, int -> float", "3", `${2n ** 1075n}`],
  ["num.widen", "int -> float", `${2n ** 1024n}`],
  ["num.widen", "int -> float", "9007199254740993"],
  ["int.floordiv", "int, int -> int", `-${2n ** 60n}`, "7"],
  ["int.mod", "int, int -> int", `-${2n ** 60n}`, "-7"],
];

/** The case of one row (its literals bound to a0, a1, ...), or an error message for a malformed row. */
export function curatedCase(row: CuratedRow): Case | string {
  const [prim, signature, ...args] = row;
  const [argText = "", retText = ""] = signature.split("->");
  const slots = argText.split(/,(?![^[]*\])/).map((t) => parseTypeAnnotation(t.trim()));
  const ret = parseTypeAnnotation(retText.trim());
  if (!ret || slots.some((t) => !t) || slots.length !== args.length) return `bad signature in ${row.join(" | ")}`;
  const env = new Map<string, Value>();
  const bindings: Record<string, string> = {};
  const values: Value[] = [];
  for (const [i, text] of args.entries()) {
    const parsed = parsePyLiteral(text);
    if (!parsed.ok) return `bad literal ${text}: ${parsed.message}`;
    env.set(`a${i}`, parsed.value.value);
    bindings[`a${i}`] = text;
    values.push(parsed.value.value);
  }
  const types = slots as Type[];
  const expr = call(prim, ret, ...types.map((t, i) => v(`a${i}`, t)));
  const instance = { prim, key: `${prim}(${argText.trim()}) -> ${retText.trim()}`, slots: types, ret, variants: 1, build: () => expr };
  return { instance, expr, values, env, bindings };
}
