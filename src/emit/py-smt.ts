/**
 * Python helpers with SMT-LIB semantics (SyGuS problems), for the SMT primitives' `pyHelpers`
 * (src/dsl/prims/smt.ts). Each is small and readable: it is part of the emitted file.
 */
import { registerPyHelpers } from "./py-runtime.js";

registerPyHelpers({
  _smt_substr: {
    deps: [],
    source: `
def _smt_substr(s: str, i: int, n: int) -> str:
    """SMT-LIB str.substr: n characters from i, clamped at the end; "" when i is out of range or n <= 0."""
    return s[i:i + n] if 0 <= i < len(s) and n > 0 else ""`,
  },
  _smt_indexof: {
    deps: [],
    source: `
def _smt_indexof(s: str, t: str, i: int) -> int:
    """SMT-LIB str.indexof: the first t at or after i; -1 when there is none or i is outside [0, len(s)]."""
    return s.find(t, i) if 0 <= i <= len(s) else -1`,
  },
  _smt_replace_all: {
    deps: [],
    source: `
def _smt_replace_all(s: str, t: str, u: str) -> str:
    """SMT-LIB str.replace_all: every occurrence of t; an empty t changes nothing."""
    return s.replace(t, u) if t else s`,
  },
  _smt_from_int: {
    deps: [],
    source: `
def _smt_from_int(n: int) -> str:
    """SMT-LIB str.from_int: the decimal digits of n, or "" when n is negative."""
    return str(n) if n >= 0 else ""`,
  },
  _smt_to_int: {
    deps: [],
    source: `
def _smt_to_int(s: str) -> int:
    """SMT-LIB str.to_int: the value of a non-empty string of ASCII digits, else -1."""
    return int(s) if s.isascii() and s.isdigit() else -1`,
  },
  _smt_div: {
    deps: [],
    source: `
def _smt_div(a: int, b: int) -> int:
    """SMT-LIB div: the Euclidean quotient (a == b * q + r with 0 <= r < abs(b))."""
    return a // b if b > 0 else -(a // -b)`,
  },
  _smt_mod: {
    deps: ["_smt_div"],
    source: `
def _smt_mod(a: int, b: int) -> int:
    """SMT-LIB mod: the Euclidean remainder, never negative."""
    return a - b * _smt_div(a, b)`,
  },
});
