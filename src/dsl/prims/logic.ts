import { mono, type Primitive, type Signature } from "../primitive.js";
import { BOOL, type Type } from "../types.js";
import { isError, pyEq, pyLess, truthy, type Result, type Value } from "../values.js";

const T = (tv: Readonly<Record<string, Type>>): Type => tv["T"] ?? { kind: "unknown" };
const binT = (ret: Type) => (tv: Readonly<Record<string, Type>>): Signature => ({ args: [T(tv), T(tv)], ret });

/** Python's `and` on bools: short-circuits, so an error on the right does not matter when the left is False. */
function and(a: Value | Result, b: Value | Result): Result {
  if (isError(a as Result)) return a as Result;
  return truthy(a as Value) ? (b as Result) : (a as Value);
}

function or(a: Value | Result, b: Value | Result): Result {
  if (isError(a as Result)) return a as Result;
  return truthy(a as Value) ? (a as Value) : (b as Result);
}

function ifExp(c: Value | Result, a: Value | Result, b: Value | Result): Result {
  if (isError(c as Result)) return c as Result;
  return truthy(c as Value) ? (a as Result) : (b as Result);
}

export const logicPrims: readonly Primitive[] = [
  { name: "cmp.eq", fastInt: "eq", vars: { T: "hashable" }, sig: binT(BOOL), cost: 1, impl: (a, b) => pyEq(a, b), py: "{0:bor} == {1:bor}", pyPrec: "cmp", ts: "$eq({0}, {1})", hints: ["equal", "same", "equals", "identical", "palindrome", "match"] },
  { name: "cmp.ne", fastInt: "ne", vars: { T: "hashable" }, sig: binT(BOOL), cost: 1.2, impl: (a, b) => !pyEq(a, b), py: "{0:bor} != {1:bor}", pyPrec: "cmp", ts: "!$eq({0}, {1})", hints: ["different", "distinct", "unequal", "not"] },
  { name: "cmp.lt", fastInt: "lt", vars: { T: "orderable" }, sig: binT(BOOL), cost: 1, impl: (a, b) => pyLess(a, b, false), py: "{0:bor} < {1:bor}", pyPrec: "cmp", ts: "$lt({0}, {1})", hints: ["less", "smaller", "below", "under", "before"] },
  { name: "cmp.le", fastInt: "le", vars: { T: "orderable" }, sig: binT(BOOL), cost: 1.2, impl: (a, b) => pyLess(a, b, true), py: "{0:bor} <= {1:bor}", pyPrec: "cmp", ts: "$le({0}, {1})", hints: ["most", "within"] },
  { name: "cmp.gt", fastInt: "gt", vars: { T: "orderable" }, sig: binT(BOOL), cost: 1, impl: (a, b) => pyLess(b, a, false), py: "{0:bor} > {1:bor}", pyPrec: "cmp", ts: "$gt({0}, {1})", hints: ["greater", "larger", "above", "over", "exceeds", "more", "positive"] },
  { name: "cmp.ge", fastInt: "ge", vars: { T: "orderable" }, sig: binT(BOOL), cost: 1.2, impl: (a, b) => pyLess(b, a, true), py: "{0:bor} >= {1:bor}", pyPrec: "cmp", ts: "$ge({0}, {1})", hints: ["least", "adult"] },
  { name: "bool.and", sig: mono([BOOL, BOOL], BOOL), cost: 1, lazy: true, impl: and, py: "{0:and} and {1:not}", pyPrec: "and", ts: "{0} && {1}", hints: ["both", "and", "all"] },
  { name: "bool.or", sig: mono([BOOL, BOOL], BOOL), cost: 1, lazy: true, impl: or, py: "{0:or} or {1:and}", pyPrec: "or", ts: "{0} || {1}", hints: ["either", "or", "any"] },
  { name: "bool.not", sig: mono([BOOL], BOOL), cost: 1, impl: (a) => !truthy(a), py: "not {0:not}", pyPrec: "not", ts: "!{0}", hints: ["not", "no", "without", "isn't", "never"] },
  {
    name: "if",
    vars: { T: "any" },
    sig: (tv) => ({ args: [BOOL, T(tv), T(tv)], ret: T(tv) }),
    cost: 2,
    lazy: true,
    select: true,
    impl: ifExp,
    py: "{1:or} if {0:or} else {2:if}",
    pyPrec: "if",
    ts: "({0} ? {1} : {2})",
    hints: ["if", "otherwise", "else", "when", "unless", "depending"],
  },
  {
    name: "val.or",
    vars: { T: "seq" },
    sig: (tv) => ({ args: [T(tv), T(tv)], ret: T(tv) }),
    cost: 3,
    lazy: true,
    impl: or,
    py: "{0:or} or {1:and}",
    pyPrec: "or",
    ts: "$or({0}, () => {1})",
    hints: ["default", "empty", "otherwise"],
  },
];
