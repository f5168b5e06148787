import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({});
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./build/action/src/dsl/values.js
/** A Python exception as a value (for example ZeroDivisionError from `1 // 0`). */
class values_PyError {
    kind;
    message;
    constructor(kind, message = "") {
        this.kind = kind;
        this.message = message;
    }
}
const errors = new Map();
/** Shared error instances per exception class (errors carry no per-call data in the hot loop). */
function err(kind) {
    let e = errors.get(kind);
    if (!e) {
        e = new values_PyError(kind);
        errors.set(kind, e);
    }
    return e;
}
const ZERO_DIV = err("ZeroDivisionError");
const VALUE_ERROR = err("ValueError");
const INDEX_ERROR = err("IndexError");
const KEY_ERROR = err("KeyError");
const TYPE_ERROR = err("TypeError");
const OVERFLOW = err("OverflowError");
/** Not a Python error: the evaluator refused work that would exceed its resource limits. */
const RESOURCE = err("ResourceLimit");
function isError(v) {
    return v instanceof values_PyError;
}
/** Python dict with insertion order. Keys are compared by Python equality through `hashKey`. */
class values_PyDict {
    index = new Map();
    keys = [];
    vals = [];
    static from(pairs) {
        const d = new values_PyDict();
        for (const [k, v] of pairs)
            d.set(k, v);
        return d;
    }
    get size() {
        return this.keys.length;
    }
    /** Only for construction: dicts are immutable once they are values. */
    set(k, v) {
        const h = hashKey(k);
        const i = this.index.get(h);
        if (i === undefined) {
            this.index.set(h, this.keys.length);
            this.keys.push(k);
            this.vals.push(v);
        }
        else {
            this.vals[i] = v;
        }
    }
    get(k) {
        const i = this.index.get(hashKey(k));
        return i === undefined ? undefined : this.vals[i];
    }
    has(k) {
        return this.index.has(hashKey(k));
    }
}
/** Python set. Iteration order is not Python's (it depends on hashing), so the DSL only iterates sets sorted. */
class values_PySet {
    index = new Map();
    items = [];
    static from(items) {
        const s = new values_PySet();
        for (const v of items)
            s.add(v);
        return s;
    }
    get size() {
        return this.items.length;
    }
    add(v) {
        const h = hashKey(v);
        if (!this.index.has(h)) {
            this.index.set(h, this.items.length);
            this.items.push(v);
        }
    }
    has(v) {
        return this.index.has(hashKey(v));
    }
}
/** A string key equal for Python-equal hashable values (1 == 1.0 == True share a key, as in Python). */
function hashKey(v) {
    // Strings are length-prefixed so that container keys cannot collide (["a,sb"] vs ["a", "b"]).
    if (typeof v === "string")
        return "s" + v.length + ":" + v;
    if (typeof v === "number")
        return Number.isSafeInteger(v) || !Number.isInteger(v) ? "n" + String(v === 0 ? 0 : v) : "n" + BigInt(v).toString();
    if (typeof v === "boolean")
        return v ? "n1" : "n0";
    if (typeof v === "bigint")
        return "n" + v.toString();
    if (v === null)
        return "N";
    if (Array.isArray(v))
        return "(" + v.map(hashKey).join(",") + ")";
    if (v instanceof values_PySet)
        return "S{" + v.items.map(hashKey).sort().join(",") + "}";
    if (v instanceof values_PyDict)
        return "D{" + v.keys.map((k, i) => hashKey(k) + ":" + hashKey(v.vals[i] ?? null)).sort().join(",") + "}";
    return "?";
}
// ---------------------------------------------------------------------------------------------------------
// Equality and ordering
/** Python `==`. */
function pyEq(a, b) {
    if (a === b)
        return true;
    const ta = typeof a;
    const tb = typeof b;
    if (ta === "string" || tb === "string")
        return false;
    if (isNum(a) && isNum(b))
        return numEq(a, b);
    if (a === null || b === null)
        return false;
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length)
            return false;
        for (let i = 0; i < a.length; i++)
            if (!pyEq(a[i], b[i]))
                return false;
        return true;
    }
    if (a instanceof values_PySet && b instanceof values_PySet)
        return a.size === b.size && a.items.every((x) => b.has(x));
    if (a instanceof values_PyDict && b instanceof values_PyDict) {
        if (a.size !== b.size)
            return false;
        for (let i = 0; i < a.keys.length; i++) {
            const bv = b.get(a.keys[i]);
            if (bv === undefined || !pyEq(a.vals[i], bv))
                return false;
        }
        return true;
    }
    return false;
}
function isNum(v) {
    const t = typeof v;
    return t === "number" || t === "bigint" || t === "boolean";
}
function numEq(a, b) {
    const x = typeof a === "boolean" ? Number(a) : a;
    const y = typeof b === "boolean" ? Number(b) : b;
    if (typeof x === "number" && typeof y === "number")
        return x === y;
    // Mixed number/bigint: == is exact in JS across the two.
    return x == y; // eslint-disable-line eqeqeq
}
/**
 * Python ordering for `<`, sorted, min and max: numbers, strings by code point, sequences lexicographically.
 * Returns negative, zero or positive. Values of unorderable types compare as equal (the DSL's types prevent
 * such comparisons from being built).
 */
function values_pyCompare(a, b) {
    if (typeof a === "string" && typeof b === "string")
        return compareStr(a, b);
    if (isNum(a) && isNum(b)) {
        const x = typeof a === "boolean" ? Number(a) : a;
        const y = typeof b === "boolean" ? Number(b) : b;
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        const n = Math.min(a.length, b.length);
        for (let i = 0; i < n; i++) {
            const c = values_pyCompare(a[i], b[i]);
            if (c !== 0)
                return c;
        }
        return a.length - b.length;
    }
    return 0;
}
/**
 * Python `a < b` (`orEqual`: `a <= b`) for orderable values. Unlike `pyCompare`, nan is unordered here, as in
 * Python: every comparison with nan is False. Sequences compare at their first unequal elements, then by length.
 */
function pyLess(a, b, orEqual) {
    if (typeof a === "string" && typeof b === "string")
        return orEqual ? compareStr(a, b) <= 0 : compareStr(a, b) < 0;
    if (isNum(a) && isNum(b)) {
        const x = typeof a === "boolean" ? Number(a) : a;
        const y = typeof b === "boolean" ? Number(b) : b;
        return orEqual ? x <= y : x < y;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        const n = Math.min(a.length, b.length);
        for (let i = 0; i < n; i++)
            if (!pyEq(a[i], b[i]))
                return pyLess(a[i], b[i], orEqual);
        return orEqual ? a.length <= b.length : a.length < b.length;
    }
    return false;
}
const SURROGATE = /[\uD800-\uDFFF]/;
/** True when the string has characters outside the BMP (JS length differs from Python's len). */
function hasAstral(s) {
    return SURROGATE.test(s);
}
/** Code point order, as Python compares strings (JS `<` compares UTF-16 units). */
function compareStr(a, b) {
    if (!hasAstral(a) && !hasAstral(b))
        return a < b ? -1 : a > b ? 1 : 0;
    const x = [...a];
    const y = [...b];
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) {
        const c = (x[i] ?? "").codePointAt(0) - (y[i] ?? "").codePointAt(0);
        if (c !== 0)
            return c;
    }
    return x.length - y.length;
}
/** The characters of a string as Python sees them (code points). */
function cps(s) {
    return hasAstral(s) ? [...s] : s.split("");
}
/** Python `len` of a str. */
function strLen(s) {
    if (!hasAstral(s))
        return s.length;
    let n = 0;
    for (const _ of s)
        n++;
    return n;
}
/** Python truthiness. */
function truthy(v) {
    if (typeof v === "boolean")
        return v;
    if (typeof v === "number")
        return v !== 0;
    if (typeof v === "bigint")
        return v !== 0n;
    if (typeof v === "string")
        return v.length > 0;
    if (v === null)
        return false;
    if (Array.isArray(v))
        return v.length > 0;
    if (v instanceof values_PyDict || v instanceof values_PySet)
        return v.size > 0;
    return true;
}
/** Canonical int: a number when it is a safe integer. */
function normInt(v) {
    return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}
function big(v) {
    return typeof v === "bigint" ? v : BigInt(Number(v));
}
function intAdd(a, b) {
    if (typeof a === "number" && typeof b === "number") {
        const r = a + b;
        if (Number.isSafeInteger(r))
            return r;
    }
    return normInt(big(a) + big(b));
}
function intSub(a, b) {
    if (typeof a === "number" && typeof b === "number") {
        const r = a - b;
        if (Number.isSafeInteger(r))
            return r;
    }
    return normInt(big(a) - big(b));
}
function intMul(a, b) {
    if (typeof a === "number" && typeof b === "number") {
        const r = a * b;
        if (Number.isSafeInteger(r))
            return r === 0 ? 0 : r;
    }
    return normInt(big(a) * big(b));
}
/** Python `//` on ints: floor division. */
function intFloorDiv(a, b) {
    if (typeof a === "number" && typeof b === "number") {
        if (b === 0)
            return ZERO_DIV;
        const q = Math.floor(a / b);
        // Exact for safe integers unless the quotient itself is at the edge of precision.
        if (Number.isSafeInteger(q) && Math.abs(a) < 2 ** 52)
            return q === 0 ? 0 : q;
    }
    const x = big(a);
    const y = big(b);
    if (y === 0n)
        return ZERO_DIV;
    let q = x / y;
    if ((x % y !== 0n) && ((x < 0n) !== (y < 0n)))
        q -= 1n;
    return normInt(q);
}
/** Python `%` on ints: the result has the divisor's sign. */
function intMod(a, b) {
    if (typeof a === "number" && typeof b === "number") {
        if (b === 0)
            return ZERO_DIV;
        const r = a % b;
        const m = r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
        return m === 0 ? 0 : m;
    }
    const x = big(a);
    const y = big(b);
    if (y === 0n)
        return ZERO_DIV;
    const r = x % y;
    return normInt(r !== 0n && (r < 0n) !== (y < 0n) ? r + y : r);
}
/** Largest int power the evaluator computes (bits); Python has no limit but search must stay bounded. */
const MAX_INT_BITS = 4096;
/** Python `**` on ints with a non-negative exponent (a negative one gives a float, see floatPow). */
function intPow(a, b) {
    const e = big(b);
    if (e < 0n)
        return TYPE_ERROR; // callers route negative exponents to float pow
    const x = big(a);
    if (x === 0n || x === 1n)
        return normInt(e === 0n ? 1n : x);
    if (x === -1n)
        return e % 2n === 0n ? 1 : -1;
    const bits = BigInt(x < 0n ? (-x).toString(2).length : x.toString(2).length);
    if (bits * e > BigInt(MAX_INT_BITS))
        return RESOURCE;
    return normInt(x ** e);
}
function intNeg(a) {
    return typeof a === "number" ? (a === 0 ? 0 : -a) : normInt(-a);
}
function intAbs(a) {
    return typeof a === "number" ? Math.abs(a) : normInt(a < 0n ? -a : a);
}
/** The float value of an int, with Python's OverflowError for ints beyond float range. */
function intToFloat(a) {
    const f = Number(a);
    return Number.isFinite(f) ? f : OVERFLOW;
}
/** Python `int(x)` of a float: truncation toward zero; inf/nan raise. */
function floatToInt(x) {
    if (!Number.isFinite(x))
        return Number.isNaN(x) ? VALUE_ERROR : OVERFLOW;
    const t = Math.trunc(x);
    return Number.isSafeInteger(t) ? (t === 0 ? 0 : t) : normInt(BigInt(t));
}
/** Python's `int / int`: the exact quotient correctly rounded to a float; OverflowError beyond float range. */
function intTrueDiv(a, b) {
    if (typeof a === "number" && typeof b === "number")
        return b === 0 ? ZERO_DIV : a / b; // both exact doubles
    const x = big(a);
    const y = big(b);
    if (y === 0n)
        return ZERO_DIV;
    const neg = x < 0n !== y < 0n;
    const r = ratioToDouble(x < 0n ? -x : x, y < 0n ? -y : y);
    return typeof r === "number" && neg ? -r : r;
}
/** x / y (x >= 0, y > 0) rounded half to even to a double (subnormals included); OverflowError beyond range. */
function ratioToDouble(x, y) {
    if (x === 0n)
        return 0;
    // e = floor(log2(x / y))
    let e = bitLength(x) - bitLength(y);
    if ((e >= 0 ? x : x << BigInt(-e)) < (e >= 0 ? y << BigInt(e) : y))
        e--;
    if (e > 1023)
        return OVERFLOW;
    // Round to a multiple of 2^k: 53 significant bits, or the subnormal unit 2^-1074.
    const k = Math.max(e - 52, -1074);
    const num = k >= 0 ? x : x << BigInt(-k);
    const den = k >= 0 ? y << BigInt(k) : y;
    let q = num / den;
    const twiceRem = 2n * (num - q * den);
    if (twiceRem > den || (twiceRem === den && (q & 1n) === 1n))
        q += 1n;
    const r = Number(q) * 2 ** k;
    return Number.isFinite(r) ? r : OVERFLOW;
}
function bitLength(x) {
    return x.toString(2).length;
}
/** Largest Py_ssize_t: Python refuses larger ints (OverflowError) where it needs a size or an index. */
const SSIZE_MAX = 2n ** 63n - 1n;
/** True when Python can use the int as a size or index (it fits a Py_ssize_t). */
function fitsSsize(n) {
    return typeof n === "number" || (n <= SSIZE_MAX && n >= -SSIZE_MAX - 1n);
}
/** Python's `round(x)` for floats: round half to even, returning an int. */
function roundHalfEven(x) {
    const r = Math.round(x);
    // Math.round rounds .5 up; Python rounds to even.
    if (Math.abs(x % 1) === 0.5 && r % 2 !== 0)
        return r - 1;
    return r;
}
// ---------------------------------------------------------------------------------------------------------
// Text forms (Python's repr)
/** Python `repr()` of a str. */
function values_reprStr(s) {
    const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
    let out = quote;
    for (const ch of s) {
        const c = ch.codePointAt(0);
        if (ch === "\\")
            out += "\\\\";
        else if (ch === quote)
            out += "\\" + quote;
        else if (ch === "\n")
            out += "\\n";
        else if (ch === "\r")
            out += "\\r";
        else if (ch === "\t")
            out += "\\t";
        else if (c < 0x20 || c === 0x7f)
            out += "\\x" + c.toString(16).padStart(2, "0");
        else if (c >= 0x80 && !isPrintable(ch)) {
            if (c <= 0xff)
                out += "\\x" + c.toString(16).padStart(2, "0");
            else if (c <= 0xffff)
                out += "\\u" + c.toString(16).padStart(4, "0");
            else
                out += "\\U" + c.toString(16).padStart(8, "0");
        }
        else
            out += ch;
    }
    return out + quote;
}
const NON_PRINTABLE = /^[\p{C}\p{Z}]$/u;
/** Python's str.isprintable for one character: not in categories Other or Separator (space excepted). */
function isPrintable(ch) {
    return ch === " " || !NON_PRINTABLE.test(ch);
}
/** Python `repr()` of a float (also its `str()`): shortest round-trip digits, Python's exponent rules. */
function values_reprFloat(x) {
    if (Number.isNaN(x))
        return "nan";
    if (!Number.isFinite(x))
        return x > 0 ? "inf" : "-inf";
    if (x === 0)
        return Object.is(x, -0) ? "-0.0" : "0.0";
    const [mant = "0", expText = "0"] = x.toExponential().split("e");
    const exp = Number(expText);
    const neg = mant.startsWith("-");
    const digits = mant.replace("-", "").replace(".", "");
    const sign = neg ? "-" : "";
    if (exp < -4 || exp >= 16) {
        const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
        const e = Math.abs(exp).toString().padStart(2, "0");
        return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
    }
    if (exp < 0)
        return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
    if (digits.length <= exp + 1)
        return `${sign}${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
    return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

;// CONCATENATED MODULE: ./build/action/src/dsl/repr.js

/**
 * Python `repr()` of a value of a known static type. The type decides what a JS number means (`2` vs `2.0`).
 * Sets are printed sorted (Python prints them in hash order, which equality ignores).
 */
function repr_pyRepr(v, t) {
    if (v === null)
        return "None";
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
            return repr_pyRepr(v, t.el);
        case "list":
            return Array.isArray(v) ? `[${v.map((x) => repr_pyRepr(x, t.el)).join(", ")}]` : reprUntyped(v);
        case "vtuple":
            return Array.isArray(v) ? tupleText(v.map((x) => repr_pyRepr(x, t.el))) : reprUntyped(v);
        case "tuple":
            return Array.isArray(v) ? tupleText(v.map((x, i) => repr_pyRepr(x, t.els[i] ?? { kind: "unknown" }))) : reprUntyped(v);
        case "set":
            if (!(v instanceof PySet))
                return reprUntyped(v);
            if (v.size === 0)
                return "set()";
            return `{${[...v.items].sort(pyCompare).map((x) => repr_pyRepr(x, t.el)).join(", ")}}`;
        case "dict":
            if (!(v instanceof PyDict))
                return reprUntyped(v);
            return `{${v.keys.map((k, i) => `${repr_pyRepr(k, t.key)}: ${repr_pyRepr(v.vals[i] ?? null, t.val)}`).join(", ")}}`;
        case "unknown":
            return reprUntyped(v);
    }
}
function tupleText(parts) {
    return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
}
/** repr without a static type: numbers print as ints when integral (used only for unknown element types). */
function reprUntyped(v) {
    if (v === null)
        return "None";
    if (typeof v === "boolean")
        return v ? "True" : "False";
    if (typeof v === "number")
        return Number.isInteger(v) ? String(v) : reprFloat(v);
    if (typeof v === "bigint")
        return v.toString();
    if (typeof v === "string")
        return reprStr(v);
    if (Array.isArray(v))
        return `[${v.map(reprUntyped).join(", ")}]`;
    if (v instanceof PySet)
        return v.size === 0 ? "set()" : `{${v.items.map(reprUntyped).join(", ")}}`;
    if (v instanceof PyDict)
        return `{${v.keys.map((k, i) => `${reprUntyped(k)}: ${reprUntyped(v.vals[i] ?? null)}`).join(", ")}}`;
    return String(v);
}
/** JSON-safe encoding of a value (bigints as strings tagged, sets and dicts as tagged pairs), for files. */
function repr_toJsonValue(v) {
    if (typeof v === "bigint")
        return { $int: v.toString() };
    if (typeof v === "number" && !Number.isFinite(v))
        return { $float: String(v) };
    if (Array.isArray(v))
        return v.map(repr_toJsonValue);
    if (v instanceof values_PySet)
        return { $set: v.items.map(repr_toJsonValue) };
    if (v instanceof values_PyDict)
        return { $dict: v.keys.map((k, i) => [repr_toJsonValue(k), repr_toJsonValue(v.vals[i] ?? null)]) };
    return v;
}
/** Inverse of `toJsonValue`. */
function fromJsonValue(j) {
    if (j === null || typeof j === "number" || typeof j === "string" || typeof j === "boolean")
        return j;
    if (Array.isArray(j))
        return j.map(fromJsonValue);
    if (typeof j === "object") {
        const o = j;
        if (typeof o["$int"] === "string")
            return normInt(BigInt(o["$int"]));
        if (typeof o["$float"] === "string")
            return Number(o["$float"]);
        if (Array.isArray(o["$set"]))
            return values_PySet.from(o["$set"].map(fromJsonValue));
        if (Array.isArray(o["$dict"])) {
            return values_PyDict.from(o["$dict"].map((p) => [fromJsonValue(p[0]), fromJsonValue(p[1])]));
        }
    }
    return null;
}

;// CONCATENATED MODULE: ./build/action/src/app/codec.js

const encEx = (e) => ({ ...e, inputs: e.inputs.map(toJsonValue), output: toJsonValue(e.output) });
const decEx = (e) => ({ ...e, inputs: e.inputs.map(fromJsonValue), output: fromJsonValue(e.output) });
function codec_encodeProblem(p) {
    const params = p.params.map((x) => (x.default === undefined ? x : { ...x, default: toJsonValue(x.default) }));
    return { ...p, params, examples: p.examples.map(encEx), tests: p.tests.map(encEx) };
}
function decodeProblem(p) {
    const params = p.params.map((x) => (x.default === undefined ? x : { ...x, default: fromJsonValue(x.default) }));
    return { ...p, params, examples: p.examples.map(decEx), tests: p.tests.map(decEx) };
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./build/action/src/dsl/types.js
const types_INT = { kind: "int" };
const FLOAT = { kind: "float" };
const BOOL = { kind: "bool" };
const STR = { kind: "str" };
const NONE = { kind: "none" };
const UNKNOWN = { kind: "unknown" };
const list = (el) => ({ kind: "list", el });
const tuple = (els) => ({ kind: "tuple", els });
const vtuple = (el) => ({ kind: "vtuple", el });
const dict = (key, val) => ({ kind: "dict", key, val });
const set = (el) => ({ kind: "set", el });
const optional = (el) => (el.kind === "optional" || el.kind === "none" ? el : { kind: "optional", el });
/** Canonical text of a type, in Python's annotation syntax. */
function types_typeKey(t) {
    switch (t.kind) {
        case "int":
        case "float":
        case "bool":
        case "str":
            return t.kind;
        case "none":
            return "None";
        case "unknown":
            return "?";
        case "list":
            return `list[${types_typeKey(t.el)}]`;
        case "set":
            return `set[${types_typeKey(t.el)}]`;
        case "optional":
            return `Optional[${types_typeKey(t.el)}]`;
        case "vtuple":
            return `tuple[${types_typeKey(t.el)}, ...]`;
        case "tuple":
            return t.els.length === 0 ? "tuple[()]" : `tuple[${t.els.map(types_typeKey).join(", ")}]`;
        case "dict":
            return `dict[${types_typeKey(t.key)}, ${types_typeKey(t.val)}]`;
    }
}
function typeEquals(a, b) {
    return types_typeKey(a) === types_typeKey(b);
}
/** True when the type (or a component) is still unknown. */
function hasUnknown(t) {
    switch (t.kind) {
        case "unknown":
            return true;
        case "list":
        case "set":
        case "optional":
        case "vtuple":
            return hasUnknown(t.el);
        case "tuple":
            return t.els.some(hasUnknown);
        case "dict":
            return hasUnknown(t.key) || hasUnknown(t.val);
        default:
            return false;
    }
}
/**
 * The least type covering both, or undefined when they do not unify. `unknown` unifies with anything,
 * `int` widens to `float` (as Python's numeric tower does for comparisons), and `None` makes an Optional.
 */
function unify(a, b) {
    if (a.kind === "unknown")
        return b;
    if (b.kind === "unknown")
        return a;
    if (typeEquals(a, b))
        return a;
    if (isNumeric(a) && isNumeric(b) && a.kind !== "bool" && b.kind !== "bool")
        return FLOAT;
    if (a.kind === "none")
        return optional(b);
    if (b.kind === "none")
        return optional(a);
    if (a.kind === "optional")
        return mapDefined(unify(a.el, b.kind === "optional" ? b.el : b), optional);
    if (b.kind === "optional")
        return mapDefined(unify(a, b.el), optional);
    if (a.kind === "list" && b.kind === "list")
        return mapDefined(unify(a.el, b.el), list);
    if (a.kind === "set" && b.kind === "set")
        return mapDefined(unify(a.el, b.el), set);
    if (a.kind === "vtuple" && b.kind === "vtuple")
        return mapDefined(unify(a.el, b.el), vtuple);
    if (a.kind === "vtuple" && b.kind === "tuple")
        return unifyTupleInto(a.el, b.els);
    if (a.kind === "tuple" && b.kind === "vtuple")
        return unifyTupleInto(b.el, a.els);
    if (a.kind === "dict" && b.kind === "dict") {
        const k = unify(a.key, b.key);
        const v = unify(a.val, b.val);
        return k && v ? dict(k, v) : undefined;
    }
    if (a.kind === "tuple" && b.kind === "tuple" && a.els.length !== b.els.length) {
        return unifyTupleInto(UNKNOWN, [...a.els, ...b.els]);
    }
    if (a.kind === "tuple" && b.kind === "tuple" && a.els.length === b.els.length) {
        const els = [];
        for (let i = 0; i < a.els.length; i++) {
            const u = unify(a.els[i] ?? UNKNOWN, b.els[i] ?? UNKNOWN);
            if (!u)
                return undefined;
            els.push(u);
        }
        return tuple(els);
    }
    return undefined;
}
/** Tuples of different lengths unify only as a homogeneous `tuple[T, ...]`. */
function unifyTupleInto(el, els) {
    let acc = el;
    for (const e of els)
        acc = acc ? unify(acc, e) : undefined;
    return acc ? vtuple(acc) : undefined;
}
function mapDefined(t, f) {
    return t === undefined ? undefined : f(t);
}
function isNumeric(t) {
    return t.kind === "int" || t.kind === "float" || t.kind === "bool";
}
/** Types whose values Python can order with `<` (used by sorted, min, max). */
function isOrderable(t) {
    switch (t.kind) {
        case "int":
        case "float":
        case "bool":
        case "str":
            return true;
        case "list":
        case "vtuple":
            return isOrderable(t.el);
        case "tuple":
            return t.els.every(isOrderable);
        default:
            return false;
    }
}
/** Types that can be dict keys or set members (hashable in Python). */
function isHashable(t) {
    switch (t.kind) {
        case "list":
        case "dict":
        case "set":
        case "unknown":
            return false;
        case "tuple":
            return t.els.every(isHashable);
        case "optional":
        case "vtuple":
            return isHashable(t.el);
        default:
            return true;
    }
}
/** Element type when iterating over a value of this type (chars of a str, keys of a dict), if iterable. */
function iterElement(t) {
    switch (t.kind) {
        case "list":
        case "set":
        case "vtuple":
            return t.el;
        case "str":
            return STR;
        case "dict":
            return t.key;
        case "tuple": {
            if (t.els.length === 0)
                return undefined;
            const first = t.els[0] ?? UNKNOWN;
            return t.els.every((e) => typeEquals(e, first)) ? first : undefined;
        }
        default:
            return undefined;
    }
}
/** Parses a Python annotation ("List[int]", "list[tuple[int, str]]", "Optional[str]", "Dict[str, int]"). */
function parseTypeAnnotation(text) {
    const p = new AnnotationParser(text);
    const t = p.parse();
    return p.done() ? t : undefined;
}
const ALIASES = {
    List: "list",
    Tuple: "tuple",
    Dict: "dict",
    Set: "set",
    FrozenSet: "set",
    frozenset: "set",
    Sequence: "list",
    Iterable: "list",
    Mapping: "dict",
    Optional: "Optional",
    Union: "Union",
};
class AnnotationParser {
    src;
    pos = 0;
    constructor(src) {
        this.src = src;
    }
    done() {
        this.skip();
        return this.pos === this.src.length;
    }
    parse() {
        this.skip();
        const m = /^[A-Za-z_][A-Za-z_0-9.]*/.exec(this.src.slice(this.pos));
        if (!m) {
            if (this.src.startsWith("()", this.pos)) {
                this.pos += 2;
                return tuple([]);
            }
            return undefined;
        }
        this.pos += m[0].length;
        const raw = m[0].replace(/^typing\./, "");
        const name = ALIASES[raw] ?? raw;
        const args = this.args();
        if (args === undefined)
            return undefined;
        return build(name, args);
    }
    args() {
        this.skip();
        if (this.src[this.pos] !== "[")
            return [];
        this.pos++;
        const out = [];
        for (;;) {
            this.skip();
            if (this.src.startsWith("...", this.pos)) {
                this.pos += 3;
                out.push({ kind: "unknown" });
            }
            else {
                const t = this.parse();
                if (!t)
                    return undefined;
                out.push(t);
            }
            this.skip();
            const c = this.src[this.pos];
            this.pos++;
            if (c === "]")
                return out;
            if (c !== ",")
                return undefined;
        }
    }
    skip() {
        while (this.pos < this.src.length && /\s/.test(this.src[this.pos] ?? ""))
            this.pos++;
    }
}
function build(name, args) {
    const a0 = args[0];
    switch (name) {
        case "int":
        case "float":
        case "bool":
        case "str":
            return args.length === 0 ? { kind: name } : undefined;
        case "None":
            return NONE;
        case "list":
            return list(a0 ?? UNKNOWN);
        case "set":
            return set(a0 ?? UNKNOWN);
        case "dict":
            return dict(a0 ?? UNKNOWN, args[1] ?? UNKNOWN);
        case "tuple":
            if (args.length === 2 && args[1]?.kind === "unknown" && a0)
                return vtuple(a0);
            return tuple(args);
        case "Optional":
            return a0 ? optional(a0) : undefined;
        case "Union": {
            const nonNone = args.filter((t) => t.kind !== "none");
            if (nonNone.length === 1 && nonNone[0])
                return args.length > 1 ? optional(nonNone[0]) : nonNone[0];
            const u = nonNone.reduce((acc, t) => (acc ? unify(acc, t) : undefined), UNKNOWN);
            return u;
        }
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./build/action/src/dsl/serialize.js


function exprToJson(e) {
    switch (e.t) {
        case "var":
            return ["$", e.name, types_typeKey(e.type)];
        case "const":
            return ["#", repr_toJsonValue(e.value), types_typeKey(e.type)];
        case "lambda":
            return ["λ", [...e.params], exprToJson(e.body)];
        case "call":
            return [e.op, types_typeKey(e.type), ...e.args.map(exprToJson)];
    }
}
/** Inverse of exprToJson; undefined when the data is not a program (a corrupt or foreign record). */
function serialize_exprFromJson(j) {
    if (!Array.isArray(j) || typeof j[0] !== "string")
        return undefined;
    const [tag, a, b, ...rest] = j;
    if (tag === "λ") {
        const body = serialize_exprFromJson(b);
        return Array.isArray(a) && body ? { t: "lambda", params: a.map(String), body, type: body.type } : undefined;
    }
    const type = typeof (tag === "$" || tag === "#" ? b : a) === "string" ? parseTypeAnnotation((tag === "$" || tag === "#" ? b : a)) : undefined;
    if (!type)
        return undefined;
    if (tag === "$")
        return typeof a === "string" ? { t: "var", name: a, type } : undefined;
    if (tag === "#")
        return { t: "const", value: fromJsonValue(a), type };
    const args = [b, ...rest].filter((x) => x !== undefined).map(serialize_exprFromJson);
    if (args.some((x) => !x))
        return undefined;
    return { t: "call", op: tag, args: args, type };
}
/** A compact, readable S-expression (for logs, reports and the corpus's text search). */
function exprToSexpr(e) {
    switch (e.t) {
        case "var":
            return e.name;
        case "const":
            return pyRepr(e.value, e.type);
        case "lambda":
            return `(λ ${e.params.join(" ")}. ${exprToSexpr(e.body)})`;
        case "call":
            return e.args.length === 0 ? `(${e.op})` : `(${e.op} ${e.args.map(exprToSexpr).join(" ")})`;
    }
}

;// CONCATENATED MODULE: ./build/action/src/dsl/expr.js
const v = (name, type) => ({ t: "var", name, type });
const c = (value, type) => ({ t: "const", value, type });
const call = (op, type, ...args) => ({ t: "call", op, args, type });
const lam = (params, body) => ({ t: "lambda", params, body, type: body.type });
/** Number of AST nodes (the "size" reported everywhere). Lambdas count their body only. */
function exprSize(e) {
    switch (e.t) {
        case "var":
        case "const":
            return 1;
        case "lambda":
            return exprSize(e.body);
        case "call":
            return 1 + e.args.reduce((n, a) => n + exprSize(a), 0);
    }
}
/** Every sub-expression, outermost first (lambda bodies included). */
function* expr_subexprs(e) {
    yield e;
    if (e.t === "call")
        for (const a of e.args)
            yield* expr_subexprs(a);
    if (e.t === "lambda")
        yield* expr_subexprs(e.body);
}
/** Names of primitives used, with multiplicity, in pre-order. */
function opsOf(e) {
    const out = [];
    for (const s of expr_subexprs(e))
        if (s.t === "call")
            out.push(s.op);
    return out;
}

;// CONCATENATED MODULE: ./build/action/src/dsl/primitive.js
/**
 * Python precedence levels, lowest first (the Python reference's table). A template placeholder says the least
 * level its argument needs; the emitter parenthesizes an argument whose level is lower.
 */
const PREC = {
    lambda: 0,
    if: 1,
    or: 2,
    and: 3,
    not: 4,
    cmp: 5,
    bor: 6,
    bxor: 7,
    band: 8,
    shift: 9,
    add: 10,
    mul: 11,
    unary: 12,
    pow: 13,
    atom: 15,
};
/** Helper to declare a monomorphic primitive's signature. */
function mono(args, ret) {
    const s = { args, ret };
    return () => s;
}
const fn = (ret) => ({ lambda: true, ret });
function isLambdaArg(a) {
    return "lambda" in a;
}
/** Primitive.size of repetition: `len` items (or code units) repeated `count` times; undefined unless count is a number. */
function repeatLength(len, count) {
    return typeof count === "number" ? (count <= 0 ? 0 : len * count) : undefined;
}

;// CONCATENATED MODULE: ./build/action/src/dsl/prims/unicase.js
/**
 * Python's case operations on str (CPython's unicodeobject.c), over JavaScript's Unicode data:
 * `upper()`/`lower()` are JavaScript's full, locale-independent mappings (the same SpecialCasing data, final
 * sigma included); the rest follows CPython's loops with the properties Cased, Case_Ignorable, Uppercase,
 * Lowercase and Lt, plus the titlecase mappings that differ from uppercase (JavaScript has no toTitleCase).
 *
 * Limit: JavaScript's Unicode version (Node's ICU) may be newer than the worker's Python (3.11: Unicode 14);
 * characters assigned in between may case differently.
 */

const CASED = /^\p{Cased}$/u;
const CASE_IGNORABLE = /^\p{Case_Ignorable}$/u;
const UPPER = /^\p{Uppercase}$/u;
const LOWER = /^\p{Lowercase}$/u;
const TITLE = /^\p{Lt}$/u;
/**
 * Characters whose titlecase differs from their uppercase, as `code:title` (hex code points, `.`-separated).
 * Generated with Python 3.11: `[c for c in map(chr, range(0x110000)) if c.title() != c.upper()]`, less the
 * Georgian letters U+10D0-U+10FF, whose titlecase is themselves (see `toTitle`).
 */
const TITLE_EXCEPTIONS = "df:53.73 1c4:1c5 1c5:1c5 1c6:1c5 1c7:1c8 1c8:1c8 1c9:1c8 1ca:1cb 1cb:1cb 1cc:1cb 1f1:1f2 1f2:1f2 1f3:1f2 587:535.582 " +
    "1f80:1f88 1f81:1f89 1f82:1f8a 1f83:1f8b 1f84:1f8c 1f85:1f8d 1f86:1f8e 1f87:1f8f 1f88:1f88 1f89:1f89 1f8a:1f8a " +
    "1f8b:1f8b 1f8c:1f8c 1f8d:1f8d 1f8e:1f8e 1f8f:1f8f 1f90:1f98 1f91:1f99 1f92:1f9a 1f93:1f9b 1f94:1f9c 1f95:1f9d " +
    "1f96:1f9e 1f97:1f9f 1f98:1f98 1f99:1f99 1f9a:1f9a 1f9b:1f9b 1f9c:1f9c 1f9d:1f9d 1f9e:1f9e 1f9f:1f9f 1fa0:1fa8 " +
    "1fa1:1fa9 1fa2:1faa 1fa3:1fab 1fa4:1fac 1fa5:1fad 1fa6:1fae 1fa7:1faf 1fa8:1fa8 1fa9:1fa9 1faa:1faa 1fab:1fab " +
    "1fac:1fac 1fad:1fad 1fae:1fae 1faf:1faf 1fb2:1fba.345 1fb3:1fbc 1fb4:386.345 1fb7:391.342.345 1fbc:1fbc " +
    "1fc2:1fca.345 1fc3:1fcc 1fc4:389.345 1fc7:397.342.345 1fcc:1fcc 1ff2:1ffa.345 1ff3:1ffc 1ff4:38f.345 " +
    "1ff7:3a9.342.345 1ffc:1ffc fb00:46.66 fb01:46.69 fb02:46.6c fb03:46.66.69 fb04:46.66.6c fb05:53.74 fb06:53.74 " +
    "fb13:544.576 fb14:544.565 fb15:544.56b fb16:54e.576 fb17:544.56d";
const TITLES = new Map(TITLE_EXCEPTIONS.split(" ").map((entry) => {
    const [from = "", to = ""] = entry.split(":");
    return [String.fromCodePoint(parseInt(from, 16)), String.fromCodePoint(...to.split(".").map((h) => parseInt(h, 16)))];
}));
/** Python's full titlecase mapping of one character. */
function toTitle(ch) {
    const t = TITLES.get(ch);
    if (t !== undefined)
        return t;
    const c = ch.codePointAt(0);
    return c >= 0x10d0 && c <= 0x10ff ? ch : ch.toUpperCase();
}
/** True at position i of a capital sigma in the Final_Sigma context: cased before, no cased after (ignorables skipped). */
function finalSigma(chars, i) {
    let j = i - 1;
    while (j >= 0 && CASE_IGNORABLE.test(chars[j] ?? ""))
        j--;
    if (j < 0 || !CASED.test(chars[j] ?? ""))
        return false;
    let k = i + 1;
    while (k < chars.length && CASE_IGNORABLE.test(chars[k] ?? ""))
        k++;
    return k === chars.length || !CASED.test(chars[k] ?? "");
}
/** CPython's lower_ucs4: the full lowercase of chars[i], with capital sigma decided by its context. */
function lowerAt(chars, i) {
    const ch = chars[i] ?? "";
    if (ch === "\u03a3")
        return finalSigma(chars, i) ? "\u03c2" : "\u03c3";
    return ch.toLowerCase();
}
/** Python's str.swapcase(): uppercase characters lowered, lowercase ones uppered, others (titlecase too) kept. */
function swapcase(s) {
    const chars = cps(s);
    let out = "";
    for (let i = 0; i < chars.length; i++) {
        const ch = chars[i] ?? "";
        out += UPPER.test(ch) ? lowerAt(chars, i) : LOWER.test(ch) ? ch.toUpperCase() : ch;
    }
    return out;
}
/** Python's str.capitalize() (3.8+): the first character titlecased, the rest lowercased. */
function capitalize(s) {
    const chars = cps(s);
    let out = chars.length > 0 ? toTitle(chars[0] ?? "") : "";
    for (let i = 1; i < chars.length; i++)
        out += lowerAt(chars, i);
    return out;
}
/** Python's str.title(): a character after a cased one is lowercased, any other is titlecased. */
function title(s) {
    const chars = cps(s);
    let out = "";
    let prevCased = false;
    for (let i = 0; i < chars.length; i++) {
        const ch = chars[i] ?? "";
        out += prevCased ? lowerAt(chars, i) : toTitle(ch);
        prevCased = CASED.test(ch);
    }
    return out;
}
/** Python's str.isupper(): at least one uppercase character, and none lowercase or titlecase. */
function isUpper(s) {
    return casedOnly(s, UPPER, LOWER);
}
/** Python's str.islower(): at least one lowercase character, and none uppercase or titlecase. */
function isLower(s) {
    return casedOnly(s, LOWER, UPPER);
}
function casedOnly(s, want, other) {
    let cased = false;
    for (const ch of s) {
        if (other.test(ch) || TITLE.test(ch))
            return false;
        if (want.test(ch))
            cased = true;
    }
    return cased;
}

;// CONCATENATED MODULE: ./build/action/src/dsl/prims/str.js




const S = (v) => v;
/** Longest string the evaluator builds (Python has no limit, but the search must stay bounded). */
const MAX_STR = 1_000_000;
const N = (v) => Number(v);
/** Characters Python's str.isspace() accepts (and str.split()/strip() remove). */
const WS = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const WS_LEAD = new RegExp(`^[${WS}]+`);
const WS_TRAIL = new RegExp(`[${WS}]+$`);
const WS_RUN = new RegExp(`[${WS}]+`);
const ALL_WS = new RegExp(`^[${WS}]+$`);
const ONE_WS = new RegExp(`^[${WS}]$`);
/** Python's str.isspace() for one character. */
function isSpaceChar(ch) {
    return ONE_WS.test(ch);
}
function pyStrip(s) {
    return s.replace(WS_LEAD, "").replace(WS_TRAIL, "");
}
function stripChars(s, chars, left, right) {
    const cs = new Set(cps(chars));
    const a = cps(s);
    let i = 0;
    let j = a.length;
    if (left)
        while (i < j && cs.has(a[i] ?? ""))
            i++;
    if (right)
        while (j > i && cs.has(a[j - 1] ?? ""))
            j--;
    return a.slice(i, j).join("");
}
/** Python's str.split() with no separator: runs of whitespace, no empty strings. */
function splitWs(s) {
    const t = pyStrip(s);
    return t === "" ? [] : t.split(WS_RUN);
}
function splitSep(s, sep) {
    if (sep === "")
        return VALUE_ERROR;
    return s.split(sep);
}
function allMatch(s, test) {
    if (s === "")
        return false;
    for (const ch of s)
        if (!test(ch))
            return false;
    return true;
}
/** str.isdigit: decimal digits (Nd) and the other characters of Numeric_Type Digit (listed from Python 3.11). */
const DIGIT = /^[\p{Nd}\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{10a40}-\u{10a43}\u{10e60}-\u{10e68}\u{11052}-\u{1105a}\u{1f100}-\u{1f10a}]$/u;
const ALPHA = /^[\p{L}]$/u;
const ALNUM = /^[\p{L}\p{N}]$/u;
/** Code-point index of a UTF-16 index (identity for BMP-only strings). */
function cpIndex(s, unitIndex) {
    return unitIndex < 0 || !hasAstral(s) ? unitIndex : [...s.slice(0, unitIndex)].length;
}
function find(s, sub) {
    return cpIndex(s, s.indexOf(sub));
}
function rfind(s, sub) {
    return cpIndex(s, s.lastIndexOf(sub));
}
function count(s, sub) {
    if (sub === "")
        return strLen(s) + 1;
    let n = 0;
    for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length))
        n++;
    return n;
}
function replace(s, old, rep) {
    if (rep.length > old.length && s.length + (rep.length - old.length) * (old === "" ? s.length + 1 : count(s, old)) > MAX_STR)
        return RESOURCE;
    // An empty pattern matches before every character and at the end.
    if (old === "")
        return rep + cps(s).join(rep) + (s === "" ? "" : rep);
    return s.split(old).join(rep);
}
function joinCapped(xs, sep) {
    let n = sep.length * Math.max(0, xs.length - 1);
    for (const x of xs)
        n += x.length;
    return n > MAX_STR ? RESOURCE : xs.join(sep);
}
function repeat(s, count) {
    if (!fitsSsize(count))
        return OVERFLOW;
    const n = Number(count);
    if (n <= 0)
        return "";
    if (s.length * n > MAX_STR)
        return RESOURCE;
    return s.repeat(n);
}
function pad(s, w, side, fill = " ") {
    if (!fitsSsize(w))
        return OVERFLOW;
    const width = Number(w);
    if (width > MAX_STR)
        return RESOURCE;
    const n = strLen(s);
    return n >= width ? s : side === "left" ? fill.repeat(width - n) + s : s + fill.repeat(width - n);
}
function zfill(s, w) {
    if (!fitsSsize(w))
        return OVERFLOW;
    const width = Number(w);
    if (width > MAX_STR)
        return RESOURCE;
    const n = strLen(s);
    if (n >= width)
        return s;
    const sign = s[0] === "+" || s[0] === "-" ? (s[0] ?? "") : "";
    return sign + "0".repeat(width - n) + s.slice(sign.length);
}
function ord(s) {
    if (strLen(s) !== 1)
        return TYPE_ERROR;
    return s.codePointAt(0);
}
/** chr: the argument is a C int first (OverflowError beyond 32 bits), then a code point (ValueError). */
function chr(n) {
    if (n < -(2 ** 31) || n >= 2 ** 31)
        return OVERFLOW;
    if (n < 0 || n > 0x10ffff)
        return VALUE_ERROR;
    return String.fromCodePoint(n);
}
function radix(n, base, prefix) {
    const neg = n < 0;
    const digits = (neg ? -BigInt(n) : BigInt(n)).toString(base);
    return (neg ? "-" : "") + prefix + digits;
}
function strIndex(s, sub) {
    const i = find(s, sub);
    return i < 0 ? VALUE_ERROR : i;
}
/** The (code point) character at a Python index, or IndexError. */
function charAt(s, i) {
    if (!hasAstral(s)) {
        const k = i < 0 ? i + s.length : i;
        return k >= 0 && k < s.length ? s[k] : INDEX_ERROR;
    }
    const a = [...s];
    const k = i < 0 ? i + a.length : i;
    return k >= 0 && k < a.length ? a[k] : INDEX_ERROR;
}
const strPrims = [
    { name: "str.upper", sig: mono([STR], STR), cost: 1, impl: (s) => S(s).toUpperCase(), py: "{0:atom}.upper()", pyPrec: "atom", ts: "{0}.toUpperCase()", hints: ["uppercase", "upper", "capital", "capitals", "caps", "shout", "loud"] },
    { name: "str.lower", sig: mono([STR], STR), cost: 1, impl: (s) => S(s).toLowerCase(), py: "{0:atom}.lower()", pyPrec: "atom", ts: "{0}.toLowerCase()", hints: ["lowercase", "lower", "small", "insensitive", "case"] },
    { name: "str.swapcase", sig: mono([STR], STR), cost: 2, impl: (s) => swapcase(S(s)), py: "{0:atom}.swapcase()", pyPrec: "atom", ts: "$swapcase({0})", hints: ["swap", "toggle", "invert", "case", "swapcase"] },
    { name: "str.capitalize", sig: mono([STR], STR), cost: 2, impl: (s) => capitalize(S(s)), py: "{0:atom}.capitalize()", pyPrec: "atom", ts: "$capitalize({0})", hints: ["capitalize", "capitalise", "first", "sentence"] },
    { name: "str.title", sig: mono([STR], STR), cost: 2, impl: (s) => title(S(s)), py: "{0:atom}.title()", pyPrec: "atom", ts: "$title({0})", hints: ["title", "capitalize", "capitalise", "each", "every", "word", "words"] },
    { name: "str.strip", sig: mono([STR], STR), cost: 1.5, impl: (s) => pyStrip(S(s)), py: "{0:atom}.strip()", pyPrec: "atom", ts: "$strip({0})", hints: ["strip", "trim", "whitespace", "spaces", "surrounding", "leading", "trailing"] },
    { name: "str.lstrip", sig: mono([STR], STR), cost: 2, impl: (s) => S(s).replace(WS_LEAD, ""), py: "{0:atom}.lstrip()", pyPrec: "atom", ts: "$lstrip({0})", hints: ["leading", "left", "strip"] },
    { name: "str.rstrip", sig: mono([STR], STR), cost: 2, impl: (s) => S(s).replace(WS_TRAIL, ""), py: "{0:atom}.rstrip()", pyPrec: "atom", ts: "$rstrip({0})", hints: ["trailing", "right", "strip"] },
    { name: "str.stripc", sig: mono([STR, STR], STR), cost: 2, impl: (s, c) => stripChars(S(s), S(c), true, true), py: "{0:atom}.strip({1})", pyPrec: "atom", ts: "$stripc({0}, {1})", hints: ["strip", "remove", "trim"] },
    { name: "str.lstripc", sig: mono([STR, STR], STR), cost: 2.5, impl: (s, c) => stripChars(S(s), S(c), true, false), py: "{0:atom}.lstrip({1})", pyPrec: "atom", ts: "$lstripc({0}, {1})", hints: ["leading", "remove"] },
    { name: "str.rstripc", sig: mono([STR, STR], STR), cost: 2.5, impl: (s, c) => stripChars(S(s), S(c), false, true), py: "{0:atom}.rstrip({1})", pyPrec: "atom", ts: "$rstripc({0}, {1})", hints: ["trailing", "remove"] },
    { name: "str.split", sig: mono([STR], list(STR)), cost: 1.5, impl: (s) => splitWs(S(s)), py: "{0:atom}.split()", pyPrec: "atom", ts: "$split({0})", hints: ["words", "word", "split", "tokens", "sentence"] },
    { name: "str.splitsep", sig: mono([STR, STR], list(STR)), cost: 1.5, impl: (s, sep) => splitSep(S(s), S(sep)), py: "{0:atom}.split({1})", pyPrec: "atom", ts: "$splitsep({0}, {1})", hints: ["split", "separated", "separator", "delimiter", "comma", "fields", "parts"] },
    { name: "str.join", sig: mono([STR, list(STR)], STR), cost: 1.5, impl: (sep, xs) => joinCapped(xs, S(sep)), py: "{0:atom}.join({1})", pyPrec: "atom", ts: "{1}.join({0})", hints: ["join", "combine", "concatenate", "merge", "glue", "sentence"] },
    { name: "str.replace", sig: mono([STR, STR, STR], STR), cost: 1.5, impl: (s, a, b) => replace(S(s), S(a), S(b)), py: "{0:atom}.replace({1}, {2})", pyPrec: "atom", ts: "$replace({0}, {1}, {2})", hints: ["replace", "substitute", "swap", "change", "remove", "delete", "spaces", "convert"] },
    { name: "str.find", sig: mono([STR, STR], types_INT), cost: 2, impl: (s, sub) => find(S(s), S(sub)), py: "{0:atom}.find({1})", pyPrec: "atom", ts: "$find({0}, {1})", hints: ["find", "position", "index", "first", "occurrence", "locate"] },
    { name: "str.rfind", sig: mono([STR, STR], types_INT), cost: 2.5, impl: (s, sub) => rfind(S(s), S(sub)), py: "{0:atom}.rfind({1})", pyPrec: "atom", ts: "$rfind({0}, {1})", hints: ["last", "occurrence", "position"] },
    { name: "str.index", sig: mono([STR, STR], types_INT), cost: 2.5, impl: (s, sub) => strIndex(S(s), S(sub)), py: "{0:atom}.index({1})", pyPrec: "atom", ts: "$strindex({0}, {1})", hints: ["index", "position"] },
    { name: "str.count", sig: mono([STR, STR], types_INT), cost: 1.5, impl: (s, sub) => count(S(s), S(sub)), py: "{0:atom}.count({1})", pyPrec: "atom", ts: "$count({0}, {1})", hints: ["count", "number", "occurrences", "times", "how", "many", "vowels", "frequency"] },
    { name: "str.startswith", sig: mono([STR, STR], BOOL), cost: 1.5, impl: (s, p) => S(s).startsWith(S(p)), py: "{0:atom}.startswith({1})", pyPrec: "atom", ts: "{0}.startsWith({1})", hints: ["starts", "begins", "prefix", "start", "beginning"] },
    { name: "str.endswith", sig: mono([STR, STR], BOOL), cost: 1.5, impl: (s, p) => S(s).endsWith(S(p)), py: "{0:atom}.endswith({1})", pyPrec: "atom", ts: "{0}.endsWith({1})", hints: ["ends", "suffix", "end", "ending", "extension"] },
    { name: "str.isdigit", sig: mono([STR], BOOL), cost: 1.5, impl: (s) => allMatch(S(s), (c) => DIGIT.test(c)), py: "{0:atom}.isdigit()", pyPrec: "atom", ts: "$isdigit({0})", hints: ["digit", "digits", "numeric", "number", "numbers"] },
    { name: "str.isalpha", sig: mono([STR], BOOL), cost: 1.5, impl: (s) => allMatch(S(s), (c) => ALPHA.test(c)), py: "{0:atom}.isalpha()", pyPrec: "atom", ts: "$isalpha({0})", hints: ["letter", "letters", "alphabetic", "alpha", "alphabet"] },
    { name: "str.isalnum", sig: mono([STR], BOOL), cost: 2, impl: (s) => allMatch(S(s), (c) => ALNUM.test(c)), py: "{0:atom}.isalnum()", pyPrec: "atom", ts: "$isalnum({0})", hints: ["alphanumeric", "special", "punctuation"] },
    { name: "str.isupper", sig: mono([STR], BOOL), cost: 1.5, impl: (s) => isUpper(S(s)), py: "{0:atom}.isupper()", pyPrec: "atom", ts: "$isupper({0})", hints: ["uppercase", "upper", "capital", "capitals"] },
    { name: "str.islower", sig: mono([STR], BOOL), cost: 1.5, impl: (s) => isLower(S(s)), py: "{0:atom}.islower()", pyPrec: "atom", ts: "$islower({0})", hints: ["lowercase", "lower"] },
    { name: "str.isspace", sig: mono([STR], BOOL), cost: 2, impl: (s) => ALL_WS.test(S(s)), py: "{0:atom}.isspace()", pyPrec: "atom", ts: "$isspace({0})", hints: ["whitespace", "space", "spaces", "blank"] },
    { name: "str.ord", sig: mono([STR], types_INT), cost: 2, impl: (s) => ord(S(s)), py: "ord({0})", pyPrec: "atom", ts: "$ord({0})", hints: ["ascii", "code", "ord", "unicode", "character", "value"] },
    { name: "str.chr", sig: mono([types_INT], STR), cost: 2, impl: (n) => chr(N(n)), py: "chr({0})", pyPrec: "atom", ts: "$chr({0})", hints: ["ascii", "character", "chr", "letter", "shift", "cipher"] },
    { name: "str.bin", sig: mono([types_INT], STR), cost: 2, impl: (n) => radix(n, 2, "0b"), py: "bin({0})", pyPrec: "atom", ts: "$bin({0})", hints: ["binary", "bits", "bin", "base"] },
    { name: "str.hex", sig: mono([types_INT], STR), cost: 2.5, impl: (n) => radix(n, 16, "0x"), py: "hex({0})", pyPrec: "atom", ts: "$hex({0})", hints: ["hex", "hexadecimal", "base"] },
    { name: "str.oct", sig: mono([types_INT], STR), cost: 3, impl: (n) => radix(n, 8, "0o"), py: "oct({0})", pyPrec: "atom", ts: "$oct({0})", hints: ["octal", "base"] },
    { name: "str.repeat", sig: mono([STR, types_INT], STR), cost: 1.5, size: (s, n) => repeatLength(S(s).length, n), impl: (s, n) => repeat(S(s), n), py: "{0:mul} * {1:unary}", pyPrec: "mul", ts: "$repeat({0}, {1})", hints: ["repeat", "times", "copies", "duplicate", "multiply"] },
    { name: "str.zfill", sig: mono([STR, types_INT], STR), cost: 2.5, impl: (s, n) => zfill(S(s), n), py: "{0:atom}.zfill({1})", pyPrec: "atom", ts: "$zfill({0}, {1})", hints: ["pad", "zeros", "zero", "leading", "width"] },
    { name: "str.rjust", sig: mono([STR, types_INT], STR), cost: 2.5, impl: (s, n) => pad(S(s), n, "left"), py: "{0:atom}.rjust({1})", pyPrec: "atom", ts: "$rjust({0}, {1})", hints: ["pad", "right", "align", "width"] },
    { name: "str.ljust", sig: mono([STR, types_INT], STR), cost: 2.5, impl: (s, n) => pad(S(s), n, "right"), py: "{0:atom}.ljust({1})", pyPrec: "atom", ts: "$ljust({0}, {1})", hints: ["pad", "left", "align", "width"] },
    { name: "str.contains", sig: mono([STR, STR], BOOL), cost: 1.5, impl: (sub, s) => S(s).includes(S(sub)), py: "{0:bor} in {1:bor}", pyPrec: "cmp", ts: "{1}.includes({0})", hints: ["contains", "includes", "substring", "in", "has", "vowel", "vowels"] },
];

;// CONCATENATED MODULE: ./build/action/src/dsl/prims/seq.js




const A = (v) => v;
const seq_N = (v) => Number(v);
const I = (v) => v;
/** Longest list the evaluator builds (search must stay bounded; Python has no such limit). */
const MAX_LIST = 100_000;
// ---------------------------------------------------------------------------------------------------------
// Generic sequence helpers (str by code point, list and tuple by element)
function seqLen(v) {
    return typeof v === "string" ? strLen(v) : A(v).length;
}
function getItem(v, i) {
    if (typeof v === "string")
        return charAt(v, i);
    const a = A(v);
    const k = i < 0 ? i + a.length : i;
    return k >= 0 && k < a.length ? a[k] : INDEX_ERROR;
}
/** Python's slice.indices: the concrete start, stop and step for a sequence of length n. */
function sliceIndices(n, start, stop, step) {
    const lower = step > 0 ? 0 : -1;
    const upper = step > 0 ? n : n - 1;
    const fix = (x, dflt) => {
        if (x === null)
            return dflt;
        let y = x < 0 ? x + n : x;
        if (y < lower)
            y = lower;
        else if (y > upper)
            y = upper;
        return y;
    };
    return [fix(start, step > 0 ? lower : upper), fix(stop, step > 0 ? upper : lower)];
}
function slice(v, start, stop, step = 1) {
    if (step === 0)
        return VALUE_ERROR;
    const isStr = typeof v === "string";
    const items = isStr ? (hasAstral(v) ? [...v] : v.split("")) : A(v);
    const [a, b] = sliceIndices(items.length, start, stop, step);
    if (step === 1) {
        if (isStr && !hasAstral(v))
            return v.slice(a, Math.max(a, b));
        const out = items.slice(a, Math.max(a, b));
        return isStr ? out.join("") : out;
    }
    const out = [];
    if (step > 0)
        for (let i = a; i < b; i += step)
            out.push(items[i]);
    else
        for (let i = a; i > b; i += step)
            out.push(items[i]);
    return isStr ? out.join("") : out;
}
function reverse(v) {
    if (typeof v === "string")
        return cps(v).reverse().join("");
    return [...A(v)].reverse();
}
function concat(a, b) {
    if (typeof a === "string")
        return a.length + b.length > MAX_STR ? RESOURCE : a + b;
    return A(a).length + A(b).length > MAX_LIST ? RESOURCE : [...A(a), ...A(b)];
}
function repeatSeq(a, count) {
    if (!fitsSsize(count))
        return OVERFLOW;
    const n = Number(count);
    if (n <= 0 || A(a).length === 0)
        return [];
    if (A(a).length * n > MAX_LIST)
        return RESOURCE;
    const out = [];
    for (let i = 0; i < n; i++)
        out.push(...A(a));
    return out;
}
function countOf(xs, x) {
    let n = 0;
    for (const y of xs)
        if (pyEq(y, x))
            n++;
    return n;
}
function indexOf(xs, x) {
    for (let i = 0; i < xs.length; i++)
        if (pyEq(xs[i], x))
            return i;
    return VALUE_ERROR;
}
function contains(x, xs) {
    if (xs instanceof values_PySet || xs instanceof values_PyDict)
        return xs.has(x);
    return A(xs).some((y) => pyEq(y, x));
}
/** Python's sum of ints or floats (ints keep arbitrary precision). */
function sumOf(xs, isFloat) {
    let s = 0;
    let f = 0;
    for (const x of xs) {
        if (x instanceof values_PyError)
            return x;
        if (isFloat)
            f += Number(x);
        else
            s = intAdd(s, typeof x === "boolean" ? Number(x) : x);
    }
    return isFloat ? f : s;
}
function extreme(xs, sign) {
    if (xs.length === 0)
        return VALUE_ERROR;
    let best = xs[0];
    for (let i = 1; i < xs.length; i++)
        if (values_pyCompare(xs[i], best) * sign > 0)
            best = xs[i];
    return best;
}
function sorted(xs, reverse = false) {
    const out = [...xs];
    // Array.prototype.sort is stable, as Python's is; reverse=True keeps equal elements in original order too.
    return out.sort((a, b) => (reverse ? values_pyCompare(b, a) : values_pyCompare(a, b)));
}
function dedupe(xs) {
    return values_PySet.from(xs).items;
}
/** `list(range(a, b, step))`, exact for any ints; lists longer than MAX_LIST are refused (ResourceLimit). */
function range(a, b, step = 1) {
    if (typeof a === "number" && typeof b === "number" && typeof step === "number")
        return smallRange(a, b, step);
    const [x, y, k] = [big(a), big(b), big(step)];
    if (k === 0n)
        return VALUE_ERROR;
    const n = k > 0n ? (y - x + k - 1n) / k : (x - y - k - 1n) / -k;
    if (n <= 0n)
        return [];
    if (n > BigInt(MAX_LIST))
        return RESOURCE;
    const out = [];
    for (let i = 0n; i < n; i++)
        out.push(normInt(x + i * k));
    return out;
}
/** The length of range(a, b, step) when all three are numbers (undefined otherwise, and for step 0: an error). */
function rangeLength(a, b, step) {
    if (typeof a !== "number" || typeof b !== "number" || typeof step !== "number" || step === 0)
        return undefined;
    return Math.max(0, Math.ceil((b - a) / step));
}
function smallRange(a, b, step) {
    if (step === 0)
        return VALUE_ERROR;
    const n = Math.max(0, Math.ceil((b - a) / step));
    if (n > MAX_LIST)
        return RESOURCE;
    const out = [];
    for (let i = 0; i < n; i++)
        out.push(a + i * step);
    return out;
}
function zip(a, b) {
    const n = Math.min(a.length, b.length);
    const out = [];
    for (let i = 0; i < n; i++)
        out.push([a[i], b[i]]);
    return out;
}
// ---------------------------------------------------------------------------------------------------------
// Signature helpers
const seq_S = (tv) => tv["S"] ?? { kind: "unknown" };
const elOf = (t) => iterElement(t) ?? { kind: "unknown" };
/** The list type a comprehension over S produces (a str gives list[str]). */
const listOf = (t) => list(elOf(t));
const sig = (args, ret) => ({ args, ret });
const seqSig = (f) => (tv) => f(seq_S(tv), elOf(seq_S(tv)));
const seqPrims = [
    { name: "seq.len", vars: { S: "seq" }, sig: seqSig((s) => sig([s], types_INT)), cost: 1, impl: (v) => seqLen(v), py: "len({0})", pyPrec: "atom", ts: "$len({0})", hints: ["length", "len", "count", "number", "size", "how", "many", "long"] },
    { name: "seq.get", vars: { S: "seq" }, sig: seqSig((s, el) => sig([s, types_INT], el)), cost: 1, impl: (v, i) => getItem(v, seq_N(i)), py: "{0:atom}[{1}]", pyPrec: "atom", ts: "$at({0}, {1})", hints: ["first", "last", "element", "character", "index", "nth", "position"] },
    { name: "seq.slice", vars: { S: "seq" }, sig: seqSig((s) => sig([s, types_INT, types_INT], s)), cost: 2, impl: (v, a, b) => slice(v, seq_N(a), seq_N(b)), py: "{0:atom}[{1}:{2}]", pyPrec: "atom", ts: "$slice({0}, {1}, {2})", hints: ["between", "substring", "middle", "part", "range"] },
    { name: "seq.from", vars: { S: "seq" }, sig: seqSig((s) => sig([s, types_INT], s)), cost: 1.5, impl: (v, a) => slice(v, seq_N(a), null), py: "{0:atom}[{1}:]", pyPrec: "atom", ts: "$slice({0}, {1}, null)", hints: ["after", "rest", "remove", "drop", "skip", "except", "without"] },
    { name: "seq.to", vars: { S: "seq" }, sig: seqSig((s) => sig([s, types_INT], s)), cost: 1.5, impl: (v, b) => slice(v, null, seq_N(b)), py: "{0:atom}[:{1}]", pyPrec: "atom", ts: "$slice({0}, null, {1})", hints: ["first", "prefix", "take", "truncate", "before", "without", "remove"] },
    { name: "seq.step", vars: { S: "seq" }, sig: seqSig((s) => sig([s, types_INT], s)), cost: 2, impl: (v, k) => slice(v, null, null, seq_N(k)), py: "{0:atom}[::{1}]", pyPrec: "atom", ts: "$slice({0}, null, null, {1})", hints: ["every", "alternate", "other", "even", "odd", "positions", "step"] },
    { name: "seq.reverse", vars: { S: "seq" }, sig: seqSig((s) => sig([s], s)), cost: 1, impl: (v) => reverse(v), py: "{0:atom}[::-1]", pyPrec: "atom", ts: "$reverse({0})", hints: ["reverse", "reversed", "backwards", "backward", "palindrome", "mirror", "flip"] },
    { name: "seq.concat", vars: { S: "seq" }, sig: seqSig((s) => sig([s, s], s)), cost: 1, impl: (a, b) => concat(a, b), py: "{0:add} + {1:mul}", pyPrec: "add", ts: "$concat({0}, {1})", hints: ["concatenate", "join", "append", "combine", "add", "merge", "prefix", "suffix", "followed"] },
    { name: "seq.contains", vars: { S: "listlike" }, sig: seqSig((s, el) => sig([el, s], BOOL)), cost: 1.5, impl: (x, xs) => contains(x, xs), py: "{0:bor} in {1:bor}", pyPrec: "cmp", ts: "$in({0}, {1})", hints: ["contains", "in", "member", "present", "exists", "includes"] },
    { name: "seq.count", vars: { S: "listlike" }, sig: seqSig((s, el) => sig([s, el], types_INT)), cost: 1.5, impl: (xs, x) => countOf(A(xs), x), py: "{0:atom}.count({1})", pyPrec: "atom", ts: "$countOf({0}, {1})", hints: ["count", "occurrences", "frequency", "times", "how", "many"] },
    { name: "seq.index", vars: { S: "listlike" }, sig: seqSig((s, el) => sig([s, el], types_INT)), cost: 2, impl: (xs, x) => indexOf(A(xs), x), py: "{0:atom}.index({1})", pyPrec: "atom", ts: "$indexOf({0}, {1})", hints: ["index", "position", "where", "find"] },
    { name: "seq.repeat", vars: { S: "listlike" }, sig: seqSig((s) => (s.kind === "list" ? sig([s, types_INT], s) : undefined)), cost: 2, size: (xs, n) => repeatLength(A(xs).length, n), impl: (xs, n) => repeatSeq(xs, I(n)), py: "{0:mul} * {1:unary}", pyPrec: "mul", ts: "$repeatSeq({0}, {1})", hints: ["repeat", "times", "copies"] },
    { name: "seq.sum", vars: { S: "listlike" }, sig: seqSig((s, el) => (el.kind === "int" ? sig([s], el) : undefined)), cost: 1, impl: (xs) => sumOf(A(xs), false), py: "sum({0})", pyPrec: "atom", ts: "$sum({0})", hints: ["sum", "total", "add", "all"] },
    // Float sums start from 0.0: Python's sum() of no floats is the int 0, which a float-typed value cannot be.
    { name: "seq.fsum", vars: { S: "listlike" }, sig: seqSig((s, el) => (el.kind === "float" ? sig([s], FLOAT) : undefined)), cost: 1, impl: (xs) => sumOf(A(xs), true), py: "sum({0}, 0.0)", pyPrec: "atom", ts: "$sum({0})", hints: ["sum", "total"] },
    { name: "seq.min", vars: { S: "seq" }, sig: seqSig((s, el) => (isOrderable(el) ? sig([s], el) : undefined)), cost: 1.5, impl: (xs) => extreme(typeof xs === "string" ? cps(xs) : A(xs), -1), py: "min({0})", pyPrec: "atom", ts: "$min({0})", hints: ["minimum", "smallest", "min", "lowest", "least", "shortest"] },
    { name: "seq.max", vars: { S: "seq" }, sig: seqSig((s, el) => (isOrderable(el) ? sig([s], el) : undefined)), cost: 1.5, impl: (xs) => extreme(typeof xs === "string" ? cps(xs) : A(xs), 1), py: "max({0})", pyPrec: "atom", ts: "$max({0})", hints: ["maximum", "largest", "max", "highest", "biggest", "greatest", "longest"] },
    { name: "seq.sorted", vars: { S: "seq" }, sig: seqSig((s, el) => (isOrderable(el) ? sig([s], listOf(s)) : undefined)), cost: 1.5, impl: (xs) => sorted(typeof xs === "string" ? cps(xs) : A(xs)), py: "sorted({0})", pyPrec: "atom", ts: "$sorted({0})", hints: ["sort", "sorted", "order", "ascending", "smallest", "median", "alphabetical", "arrange"] },
    { name: "seq.sortdesc", vars: { S: "seq" }, sig: seqSig((s, el) => (isOrderable(el) ? sig([s], listOf(s)) : undefined)), cost: 2, impl: (xs) => sorted(typeof xs === "string" ? cps(xs) : A(xs), true), py: "sorted({0}, reverse=True)", pyPrec: "atom", ts: "$sorted({0}, true)", hints: ["descending", "reverse", "largest", "decreasing", "sort", "highest"] },
    { name: "seq.dedupe", vars: { S: "listlike" }, sig: seqSig((s, el) => (isHashable(el) ? sig([s], list(el)) : undefined)), cost: 2, impl: (xs) => dedupe(A(xs)), py: "list(dict.fromkeys({0}))", pyPrec: "atom", ts: "$dedupe({0})", hints: ["unique", "duplicates", "distinct", "remove", "once", "deduplicate"] },
    { name: "seq.list", vars: { S: "seq" }, sig: seqSig((s, el) => (s.kind === "list" ? undefined : sig([s], list(el)))), cost: 1.5, impl: (xs) => (typeof xs === "string" ? cps(xs) : [...A(xs)]), py: "list({0})", pyPrec: "atom", ts: "$list({0})", hints: ["list", "characters", "chars", "convert"] },
    { name: "seq.tuple", vars: { S: "listlike" }, sig: seqSig((s, el) => (s.kind === "list" ? sig([s], vtuple(el)) : undefined)), cost: 1.5, impl: (xs) => [...A(xs)], py: "tuple({0})", pyPrec: "atom", ts: "[...{0}]", hints: ["tuple", "convert"] },
    { name: "seq.any", vars: { S: "listlike" }, sig: seqSig((s, el) => (el.kind === "bool" ? sig([s], BOOL) : undefined)), cost: 2, impl: (xs) => A(xs).some(truthy), py: "any({0})", pyPrec: "atom", ts: "{0}.some(Boolean)", hints: ["any", "some", "exists"] },
    { name: "seq.all", vars: { S: "listlike" }, sig: seqSig((s, el) => (el.kind === "bool" ? sig([s], BOOL) : undefined)), cost: 2, impl: (xs) => A(xs).every(truthy), py: "all({0})", pyPrec: "atom", ts: "{0}.every(Boolean)", hints: ["all", "every", "each"] },
    { name: "list.single", vars: { T: "any" }, sig: (tv) => sig([tv["T"] ?? STR], list(tv["T"] ?? STR)), cost: 2, impl: (x) => [x], py: "[{0}]", pyPrec: "atom", ts: "[{0}]" },
    { name: "list.pair", vars: { T: "any" }, sig: (tv) => sig([tv["T"] ?? STR, tv["T"] ?? STR], list(tv["T"] ?? STR)), cost: 2.5, impl: (x, y) => [x, y], py: "[{0}, {1}]", pyPrec: "atom", ts: "[{0}, {1}]", hints: ["pair", "both", "two"] },
    { name: "list.append", vars: { T: "any" }, sig: (tv) => sig([list(tv["T"] ?? STR), tv["T"] ?? STR], list(tv["T"] ?? STR)), cost: 2, impl: (xs, x) => [...A(xs), x], py: "{0:add} + [{1}]", pyPrec: "add", ts: "[...{0}, {1}]", hints: ["append", "add", "end", "insert"] },
    { name: "list.prepend", vars: { T: "any" }, sig: (tv) => sig([tv["T"] ?? STR, list(tv["T"] ?? STR)], list(tv["T"] ?? STR)), cost: 2, impl: (x, xs) => [x, ...A(xs)], py: "[{0}] + {1:mul}", pyPrec: "add", ts: "[{0}, ...{1}]", hints: ["prepend", "insert", "beginning", "front", "start"] },
    { name: "range.n", sig: mono([types_INT], list(types_INT)), cost: 1.5, size: (n) => rangeLength(0, n, 1), impl: (n) => range(0, I(n)), py: "list(range({0}))", pyIter: "range({0})", pyPrec: "atom", ts: "$range(0, {0})", hints: ["range", "numbers", "first", "up", "from", "integers", "each"] },
    { name: "range.ab", sig: mono([types_INT, types_INT], list(types_INT)), cost: 2, size: (a, b) => rangeLength(a, b, 1), impl: (a, b) => range(I(a), I(b)), py: "list(range({0}, {1}))", pyIter: "range({0}, {1})", pyPrec: "atom", ts: "$range({0}, {1})", hints: ["range", "between", "from", "to", "numbers"] },
    { name: "range.abs", sig: mono([types_INT, types_INT, types_INT], list(types_INT)), cost: 3, size: (a, b, c) => rangeLength(a, b, c), impl: (a, b, c) => range(I(a), I(b), I(c)), py: "list(range({0}, {1}, {2}))", pyIter: "range({0}, {1}, {2})", pyPrec: "atom", ts: "$range({0}, {1}, {2})", hints: ["range", "step", "every"] },
    {
        name: "seq.zip",
        vars: { S: "listlike", U: "listlike" },
        sig: (tv) => sig([seq_S(tv), tv["U"] ?? seq_S(tv)], list(tuple([elOf(seq_S(tv)), elOf(tv["U"] ?? seq_S(tv))]))),
        cost: 2,
        impl: (a, b) => zip(A(a), A(b)),
        py: "list(zip({0}, {1}))",
        pyIter: "zip({0}, {1})",
        pyPrec: "atom",
        ts: "$zip({0}, {1})",
        hints: ["pairs", "pairwise", "corresponding", "zip", "elementwise", "element-wise", "each", "both"],
    },
    {
        name: "seq.enumerate",
        vars: { S: "seq" },
        sig: seqSig((s, el) => sig([s], list(tuple([types_INT, el])))),
        cost: 2,
        impl: (xs) => (typeof xs === "string" ? cps(xs) : A(xs)).map((x, i) => [i, x]),
        py: "list(enumerate({0}))",
        pyIter: "enumerate({0})",
        pyPrec: "atom",
        ts: "$enumerate({0})",
        hints: ["index", "indices", "position", "positions", "even", "odd"],
    },
    // fixed tuples
    { name: "tuple.fst", vars: { P: "tuple" }, sig: (tv) => tupleField(tv, 0), cost: 1, impl: (t) => A(t)[0], py: "{0:atom}[0]", pyPrec: "atom", ts: "{0}[0]" },
    { name: "tuple.snd", vars: { P: "tuple" }, sig: (tv) => tupleField(tv, 1), cost: 1, impl: (t) => A(t)[1], py: "{0:atom}[1]", pyPrec: "atom", ts: "{0}[1]" },
    { name: "tuple.trd", vars: { P: "tuple" }, sig: (tv) => tupleField(tv, 2), cost: 1.5, impl: (t) => A(t)[2], py: "{0:atom}[2]", pyPrec: "atom", ts: "{0}[2]" },
    {
        name: "tuple.make2",
        vars: { P: "tuple" },
        sig: (tv) => {
            const p = tv["P"];
            return p?.kind === "tuple" && p.els.length === 2 ? sig([p.els[0] ?? types_INT, p.els[1] ?? types_INT], p) : undefined;
        },
        cost: 2,
        impl: (a, b) => [a, b],
        py: "({0}, {1})",
        pyPrec: "atom",
        ts: "$tuple({0}, {1})",
        hints: ["pair", "tuple"],
    },
    // sets
    { name: "set.of", vars: { S: "listlike" }, sig: seqSig((s, el) => (isHashable(el) ? sig([s], set(el)) : undefined)), cost: 1.5, impl: (xs) => values_PySet.from(A(xs)), py: "set({0})", pyPrec: "atom", ts: "new Set({0})", hints: ["unique", "distinct", "set", "common", "duplicates", "different"] },
    { name: "set.ofstr", sig: mono([STR], set(STR)), cost: 2, impl: (s) => values_PySet.from(cps(s)), py: "set({0})", pyPrec: "atom", ts: "new Set({0})", hints: ["unique", "distinct", "set", "characters", "common"] },
    { name: "set.and", vars: { T: "hashable" }, sig: (tv) => setBin(tv), cost: 1.5, impl: (a, b) => setAnd(a, b), py: "{0:band} & {1:shift}", pyPrec: "band", ts: "$setAnd({0}, {1})", hints: ["common", "intersection", "both", "shared", "similar"] },
    { name: "set.or", vars: { T: "hashable" }, sig: (tv) => setBin(tv), cost: 2, impl: (a, b) => values_PySet.from([...a.items, ...b.items]), py: "{0:bor} | {1:bxor}", pyPrec: "bor", ts: "$setOr({0}, {1})", hints: ["union", "either", "combined", "all"] },
    { name: "set.sub", vars: { T: "hashable" }, sig: (tv) => setBin(tv), cost: 2, impl: (a, b) => values_PySet.from(a.items.filter((x) => !b.has(x))), py: "{0:add} - {1:mul}", pyPrec: "add", ts: "$setSub({0}, {1})", hints: ["difference", "missing", "not", "except", "only"] },
    { name: "set.xor", vars: { T: "hashable" }, sig: (tv) => setBin(tv), cost: 2.5, impl: (a, b) => setXor(a, b), py: "{0:bxor} ^ {1:band}", pyPrec: "bxor", ts: "$setXor({0}, {1})", hints: ["symmetric", "dissimilar", "either", "difference", "uncommon"] },
    { name: "set.len", vars: { T: "hashable" }, sig: (tv) => sig([set(tv["T"] ?? types_INT)], types_INT), cost: 1, impl: (s) => s.size, py: "len({0})", pyPrec: "atom", ts: "{0}.size", hints: ["unique", "distinct", "count", "number"] },
    { name: "set.contains", vars: { T: "hashable" }, sig: (tv) => sig([tv["T"] ?? types_INT, set(tv["T"] ?? types_INT)], BOOL), cost: 1.5, impl: (x, s) => s.has(x), py: "{0:bor} in {1:bor}", pyPrec: "cmp", ts: "{1}.has({0})", hints: ["contains", "in", "member"] },
    { name: "set.sorted", vars: { T: "hashable" }, sig: (tv) => (isOrderable(tv["T"] ?? types_INT) ? sig([set(tv["T"] ?? types_INT)], list(tv["T"] ?? types_INT)) : undefined), cost: 1.5, impl: (s) => sorted(s.items), py: "sorted({0})", pyPrec: "atom", ts: "$sorted([...{0}])", hints: ["sorted", "unique", "distinct"] },
    { name: "set.subset", vars: { T: "hashable" }, sig: (tv) => sig([set(tv["T"] ?? types_INT), set(tv["T"] ?? types_INT)], BOOL), cost: 2.5, impl: (a, b) => a.items.every((x) => b.has(x)), py: "{0:bor} <= {1:bor}", pyPrec: "cmp", ts: "$subset({0}, {1})", hints: ["subset", "contained", "all", "within"] },
    // dicts
    { name: "dict.get", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([dict(k, v), k], v)), cost: 1.5, impl: (d, k) => d.get(k) ?? KEY_ERROR, py: "{0:atom}[{1}]", pyPrec: "atom", ts: "$dget({0}, {1})", hints: ["lookup", "value", "key", "map", "mapping"] },
    { name: "dict.getd", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([dict(k, v), k, v], v)), cost: 2, impl: (d, k, x) => d.get(k) ?? x, py: "{0:atom}.get({1}, {2})", pyPrec: "atom", ts: "$getOr({0}, {1}, {2})", hints: ["lookup", "default", "value", "key"] },
    { name: "dict.keys", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([dict(k, v)], list(k))), cost: 1.5, impl: (d) => [...d.keys], py: "list({0})", pyPrec: "atom", ts: "[...{0}.keys()]", hints: ["keys", "key", "names"] },
    { name: "dict.values", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([dict(k, v)], list(v))), cost: 1.5, impl: (d) => [...d.vals], py: "list({0:atom}.values())", pyIter: "{0:atom}.values()", pyPrec: "atom", ts: "[...{0}.values()]", hints: ["values", "value"] },
    { name: "dict.items", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([dict(k, v)], list(tuple([k, v])))), cost: 2, impl: (d) => d.keys.map((k, i) => [k, d.vals[i]]), py: "list({0:atom}.items())", pyIter: "{0:atom}.items()", pyPrec: "atom", ts: "[...{0}.entries()]", hints: ["items", "pairs", "entries"] },
    { name: "dict.len", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([dict(k, v)], types_INT)), cost: 1.5, impl: (d) => d.size, py: "len({0})", pyPrec: "atom", ts: "{0}.size" },
    { name: "dict.contains", vars: { D: "dict" }, sig: (tv) => dictSig(tv, (k, v) => sig([k, dict(k, v)], BOOL)), cost: 1.5, impl: (k, d) => d.has(k), py: "{0:bor} in {1:bor}", pyPrec: "cmp", ts: "{1}.has({0})", hints: ["key", "contains", "present", "exists"] },
    {
        name: "dict.zip",
        vars: { D: "dict" },
        sig: (tv) => dictSig(tv, (k, v) => sig([list(k), list(v)], dict(k, v))),
        cost: 2,
        impl: (a, b) => values_PyDict.from(zip(A(a), A(b)).map((p) => p)),
        py: "dict(zip({0}, {1}))",
        pyPrec: "atom",
        ts: "new Map($zip({0}, {1}))",
        hints: ["dictionary", "map", "mapping", "keys", "values", "pairs", "zip"],
    },
];
function tupleField(tv, i) {
    const p = tv["P"];
    if (p?.kind !== "tuple" || i >= p.els.length)
        return undefined;
    return sig([p], p.els[i] ?? types_INT);
}
function setBin(tv) {
    const s = set(tv["T"] ?? types_INT);
    return sig([s, s], s);
}
/** `a & b` keeps the elements of the smaller set (b on ties), as CPython does: it shows for 0.0 and -0.0. */
function setAnd(a, b) {
    const [small, large] = a.size < b.size ? [a, b] : [b, a];
    return values_PySet.from(small.items.filter((x) => large.has(x)));
}
function setXor(a, b) {
    return values_PySet.from([...a.items.filter((x) => !b.has(x)), ...b.items.filter((x) => !a.has(x))]);
}
function dictSig(tv, f) {
    const d = tv["D"];
    return d?.kind === "dict" ? f(d.key, d.val) : undefined;
}


;// CONCATENATED MODULE: ./build/action/src/dsl/prims/hof.js




const hof_S = (tv) => tv["S"] ?? { kind: "unknown" };
const R = (tv) => tv["R"] ?? { kind: "unknown" };
const el = (tv) => iterElement(hof_S(tv)) ?? { kind: "unknown" };
const hof_elements = (src) => typeof src === "string" ? [...src] : src instanceof values_PyDict ? src.keys : src;
/** The first error among the rows (Python raises the first failing element in iteration order). */
function firstError(rows) {
    for (const r of rows)
        if (r instanceof values_PyError)
            return r;
    return undefined;
}
function map(_src, body) {
    return firstError(body) ?? body;
}
/** `[x for x in src if p(x)]`: an error in p raises; elements are kept where p is truthy. */
function filter(src, pred) {
    const xs = hof_elements(src);
    const out = [];
    for (let i = 0; i < pred.length; i++) {
        const p = pred[i];
        if (p instanceof values_PyError)
            return p;
        if (truthy(p))
            out.push(xs[i]);
    }
    return out;
}
/** `[f(x) for x in src if p(x)]`: f is only evaluated where p holds, so its errors elsewhere do not count. */
function mapFilter(_src, body, pred) {
    const out = [];
    for (let i = 0; i < pred.length; i++) {
        const p = pred[i];
        if (p instanceof values_PyError)
            return p;
        if (!truthy(p))
            continue;
        const b = body[i];
        if (b instanceof values_PyError)
            return b;
        out.push(b);
    }
    return out;
}
function countIf(_src, pred) {
    let n = 0;
    for (const p of pred) {
        if (p instanceof values_PyError)
            return p;
        if (truthy(p))
            n++;
    }
    return n;
}
/** any/all short-circuit: a later element's error does not matter once the answer is known. */
function anyAll(pred, want) {
    for (const p of pred) {
        if (p instanceof values_PyError)
            return p;
        if (truthy(p) === want)
            return want;
    }
    return !want;
}
function extremeOf(body, sign) {
    const e = firstError(body);
    if (e)
        return e;
    if (body.length === 0)
        return VALUE_ERROR;
    let best = body[0];
    for (const b of body)
        if (values_pyCompare(b, best) * sign > 0)
            best = b;
    return best;
}
/** `max(src, key=f)`: the first element with the largest key (Python keeps the first of equals). */
function extremeBy(src, keys, sign) {
    const e = firstError(keys);
    if (e)
        return e;
    const xs = hof_elements(src);
    if (xs.length === 0)
        return VALUE_ERROR;
    let bi = 0;
    for (let i = 1; i < keys.length; i++)
        if (values_pyCompare(keys[i], keys[bi]) * sign > 0)
            bi = i;
    return xs[bi];
}
function sortBy(src, keys, reverse) {
    const e = firstError(keys);
    if (e)
        return e;
    const xs = hof_elements(src);
    const idx = xs.map((_, i) => i);
    idx.sort((a, b) => (reverse ? -1 : 1) * values_pyCompare(keys[a], keys[b]));
    return idx.map((i) => xs[i]);
}
function dictComp(src, body) {
    const e = firstError(body);
    if (e)
        return e;
    const xs = hof_elements(src);
    return values_PyDict.from(xs.map((x, i) => [x, body[i]]));
}
const iterSig = (f) => (tv) => f(hof_S(tv), el(tv), R(tv));
const hofPrims = [
    { name: "comp.map", vars: { S: "iterable", R: "any" }, sig: iterSig((s, _e, r) => ({ args: [s, fn(r)], ret: list(r) })), cost: 1.5, hof: map, py: "[{1} for {1@} in {0:iter}]", pyPrec: "atom", ts: "$map({0}, ({1@}) => {1})", hints: ["each", "every", "all", "convert", "apply", "list", "square", "map"] },
    { name: "comp.filter", vars: { S: "iterable" }, sig: iterSig((s, e) => ({ args: [s, fn(BOOL)], ret: list(e) })), cost: 1.5, hof: filter, py: "[{1@e} for {1@} in {0:iter} if {1}]", pyPrec: "atom", ts: "$filter({0}, ({1@}) => {1})", hints: ["filter", "only", "keep", "remove", "select", "which", "that", "even", "odd", "positive", "negative"] },
    { name: "comp.mapfilter", vars: { S: "iterable", R: "any" }, sig: iterSig((s, _e, r) => ({ args: [s, fn(r), fn(BOOL)], ret: list(r) })), cost: 2, hof: mapFilter, py: "[{1} for {1@} in {0:iter} if {2}]", pyPrec: "atom", ts: "$mapFilter({0}, ({1@}) => {1}, ({2@}) => {2})", hints: ["only", "which", "that"] },
    { name: "comp.sum", vars: { S: "iterable", R: "any" }, sig: iterSig((s, _e, r) => (r.kind === "int" ? { args: [s, fn(r)], ret: r } : undefined)), cost: 1.5, hof: (_s, b) => sumOf(b, false), py: "sum({1} for {1@} in {0:iter})", pyPrec: "atom", ts: "$sum($map({0}, ({1@}) => {1}))", hints: ["sum", "total", "add"] },
    // Float sums start from 0.0: Python's sum() of no floats is the int 0, which a float-typed value cannot be.
    { name: "comp.fsum", vars: { S: "iterable", R: "any" }, sig: iterSig((s, _e, r) => (r.kind === "float" ? { args: [s, fn(r)], ret: r } : undefined)), cost: 1.5, hof: (_s, b) => sumOf(b, true), py: "sum(({1} for {1@} in {0:iter}), 0.0)", pyPrec: "atom", ts: "$sum($map({0}, ({1@}) => {1}))", hints: ["sum", "total", "add"] },
    { name: "comp.count", vars: { S: "iterable" }, sig: iterSig((s) => ({ args: [s, fn(BOOL)], ret: types_INT })), cost: 1.5, hof: countIf, py: "sum(1 for {1@} in {0:iter} if {1})", pyPrec: "atom", ts: "$filter({0}, ({1@}) => {1}).length", hints: ["count", "number", "how", "many", "occurrences"] },
    { name: "comp.any", vars: { S: "iterable" }, sig: iterSig((s) => ({ args: [s, fn(BOOL)], ret: BOOL })), cost: 1.5, hof: (_s, p) => anyAll(p, true), py: "any({1} for {1@} in {0:iter})", pyPrec: "atom", ts: "$toList({0}).some(({1@}) => {1})", hints: ["any", "contains", "exists", "some", "at", "least"] },
    { name: "comp.all", vars: { S: "iterable" }, sig: iterSig((s) => ({ args: [s, fn(BOOL)], ret: BOOL })), cost: 1.5, hof: (_s, p) => anyAll(p, false), py: "all({1} for {1@} in {0:iter})", pyPrec: "atom", ts: "$toList({0}).every(({1@}) => {1})", hints: ["all", "every", "each", "only"] },
    { name: "comp.join", vars: { S: "iterable" }, sig: iterSig((s) => ({ args: [s, fn(STR)], ret: STR })), cost: 1.5, hof: (_s, b) => firstError(b) ?? b.join(""), py: "''.join({1} for {1@} in {0:iter})", pyPrec: "atom", ts: "$map({0}, ({1@}) => {1}).join('')", hints: ["each", "every", "character", "characters", "replace", "convert", "string"] },
    { name: "comp.joinfilter", vars: { S: "iterable" }, sig: iterSig((s, e) => (s.kind === "str" && e.kind === "str" ? { args: [s, fn(BOOL)], ret: STR } : undefined)), cost: 1.5, hof: (src, p) => joinFilter(src, p), py: "''.join({1@} for {1@} in {0:iter} if {1})", pyPrec: "atom", ts: "$filter({0}, ({1@}) => {1}).join('')", hints: ["remove", "only", "keep", "delete", "strip", "characters", "vowels", "digits"] },
    { name: "comp.max", vars: { S: "iterable", R: "any" }, sig: iterSig((s, _e, r) => (isOrderable(r) ? { args: [s, fn(r)], ret: r } : undefined)), cost: 2, hof: (_s, b) => extremeOf(b, 1), py: "max({1} for {1@} in {0:iter})", pyPrec: "atom", ts: "$max($map({0}, ({1@}) => {1}))", hints: ["maximum", "largest", "max", "longest", "highest"] },
    { name: "comp.min", vars: { S: "iterable", R: "any" }, sig: iterSig((s, _e, r) => (isOrderable(r) ? { args: [s, fn(r)], ret: r } : undefined)), cost: 2, hof: (_s, b) => extremeOf(b, -1), py: "min({1} for {1@} in {0:iter})", pyPrec: "atom", ts: "$min($map({0}, ({1@}) => {1}))", hints: ["minimum", "smallest", "min", "shortest", "lowest"] },
    { name: "comp.sortkey", vars: { S: "iterable", R: "any" }, binder: "lambda", sig: iterSig((s, e, r) => (isOrderable(r) ? { args: [s, fn(r)], ret: list(e) } : undefined)), cost: 2, hof: (src, k) => sortBy(src, k, false), py: "sorted({0}, key=lambda {1@}: {1})", pyPrec: "atom", ts: "$sortBy({0}, ({1@}) => {1})", hints: ["sort", "sorted", "order", "by", "according", "key"] },
    { name: "comp.sortkeydesc", vars: { S: "iterable", R: "any" }, binder: "lambda", sig: iterSig((s, e, r) => (isOrderable(r) ? { args: [s, fn(r)], ret: list(e) } : undefined)), cost: 2.5, hof: (src, k) => sortBy(src, k, true), py: "sorted({0}, key=lambda {1@}: {1}, reverse=True)", pyPrec: "atom", ts: "$sortBy({0}, ({1@}) => {1}, true)", hints: ["descending", "sort", "largest", "decreasing"] },
    { name: "comp.maxkey", vars: { S: "iterable", R: "any" }, binder: "lambda", sig: iterSig((s, e, r) => (isOrderable(r) ? { args: [s, fn(r)], ret: e } : undefined)), cost: 2, hof: (src, k) => extremeBy(src, k, 1), py: "max({0}, key=lambda {1@}: {1})", pyPrec: "atom", ts: "$maxBy({0}, ({1@}) => {1})", hints: ["maximum", "largest", "longest", "most", "max", "highest"] },
    { name: "comp.minkey", vars: { S: "iterable", R: "any" }, binder: "lambda", sig: iterSig((s, e, r) => (isOrderable(r) ? { args: [s, fn(r)], ret: e } : undefined)), cost: 2, hof: (src, k) => extremeBy(src, k, -1), py: "min({0}, key=lambda {1@}: {1})", pyPrec: "atom", ts: "$minBy({0}, ({1@}) => {1})", hints: ["minimum", "smallest", "shortest", "least", "min", "lowest"] },
    { name: "comp.dict", vars: { S: "iterable", R: "any" }, sig: iterSig((s, e, r) => (isHashable(e) ? { args: [s, fn(r)], ret: dict(e, r) } : undefined)), cost: 2.5, hof: dictComp, py: "{{{1@e}: {1} for {1@} in {0:iter}}}", pyPrec: "atom", ts: "new Map($map({0}, ({1@}) => [{1@e}, {1}]))", hints: ["dictionary", "dict", "map", "mapping", "frequency", "count", "each"] },
];
function joinFilter(src, pred) {
    const r = filter(src, pred);
    return r instanceof values_PyError ? r : r.join("");
}

;// CONCATENATED MODULE: ./build/action/src/dsl/prims/logic.js



const T = (tv) => tv["T"] ?? { kind: "unknown" };
const binT = (ret) => (tv) => ({ args: [T(tv), T(tv)], ret });
/** Python's `and` on bools: short-circuits, so an error on the right does not matter when the left is False. */
function and(a, b) {
    if (isError(a))
        return a;
    return truthy(a) ? b : a;
}
function or(a, b) {
    if (isError(a))
        return a;
    return truthy(a) ? a : b;
}
function ifExp(c, a, b) {
    if (isError(c))
        return c;
    return truthy(c) ? a : b;
}
const logicPrims = [
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

;// CONCATENATED MODULE: ./build/action/src/dsl/prims/fpow.js
/**
 * Correctly rounded `x ** y` for doubles. Python's float `**` calls the C library's pow(), which on glibc
 * (2.28+) is correctly rounded in all but vanishingly rare cases; JavaScript's Math.pow is only faithful
 * (errors up to 1 ulp: `(-7.0) ** -2.0` is 0.020408163265306124 in V8, 0.02040816326530612 in Python).
 *
 * Integer exponents up to EXACT_MAX_EXP are computed exactly with bigints and rounded once; other exponents go
 * through exp(y * log(x)) in double-double arithmetic (about 100 bits), then are rounded once.
 */

function twoSum(a, b) {
    const s = a + b;
    const bb = s - a;
    return [s, a - (s - bb) + (b - bb)];
}
function quickTwoSum(a, b) {
    const s = a + b;
    return [s, b - (s - a)];
}
/** Veltkamp's split of a double into two 26-bit halves (|a| well below 2^996 here). */
function split(a) {
    const t = 134217729 * a;
    const hi = t - (t - a);
    return [hi, a - hi];
}
function twoProd(a, b) {
    const p = a * b;
    const [ah, al] = split(a);
    const [bh, bl] = split(b);
    return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}
function add(a, b) {
    const [s, e] = twoSum(a[0], b[0]);
    const [t, f] = twoSum(a[1], b[1]);
    const [s2, e2] = quickTwoSum(s, e + t);
    return quickTwoSum(s2, e2 + f);
}
const neg = (a) => [-a[0], -a[1]];
function mul(a, b) {
    const [p, e] = twoProd(a[0], b[0]);
    return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}
function mulD(a, b) {
    const [p, e] = twoProd(a[0], b);
    return quickTwoSum(p, e + a[1] * b);
}
function div(a, b) {
    const q1 = a[0] / b[0];
    let r = add(a, neg(mulD(b, q1)));
    const q2 = r[0] / b[0];
    r = add(r, neg(mulD(b, q2)));
    const q3 = r[0] / b[0];
    return add(quickTwoSum(q1, q2), [q3, 0]);
}
/** ln 2 as a double-double. */
const LN2 = [0.6931471805599453, 2.3190468138462996e-17];
/** The exact value of a finite double as `m * 2^e` with integer m, e. */
function decompose(x) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    const biased = (hi >>> 20) & 0x7ff;
    const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    return biased === 0 ? [frac, -1074] : [frac | (1n << 52n), biased - 1075];
}
/** x = f * 2^k with f in [sqrt(1/2), sqrt(2)), for finite x > 0 (exact: k from the exponent bits). */
function frexp(x) {
    if (x < 2 ** -1022) {
        const [f, k] = frexp(x * 2 ** 100); // subnormal: scale into the normal range first
        return [f, k - 100];
    }
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    let k = ((view.getUint32(0) >>> 20) & 0x7ff) - 1023;
    let f = x / 2 ** k;
    if (f > Math.SQRT2)
        [f, k] = [f / 2, k + 1];
    return [f, k];
}
/** ln x to about 104 bits: k ln 2 + 2 atanh((f - 1) / (f + 1)). */
function logDD(x) {
    const [f, k] = frexp(x);
    const s = div([f - 1, 0], twoSum(f, 1));
    const s2 = mul(s, s);
    let term = s;
    let sum = s;
    for (let i = 3; Math.abs(term[0]) > 1e-36; i += 2) {
        term = mul(term, s2);
        sum = add(sum, div(term, [i, 0]));
    }
    return add(mulD(LN2, k), mulD(sum, 2));
}
/** exp(t) as m * 2^k with m a double-double near 1: reduce by ln 2, then by 2^10, Taylor, square back. */
function expDD(t) {
    const k = Math.round(t[0] / LN2[0]);
    const r = add(t, neg(mulD(LN2, k)));
    const rs = [r[0] / 1024, r[1] / 1024];
    let term = rs;
    let u = rs; // expm1(rs)
    for (let n = 2; Math.abs(term[0]) > 1e-36; n++) {
        term = div(mul(term, rs), [n, 0]);
        u = add(u, term);
    }
    for (let i = 0; i < 10; i++)
        u = add(mulD(u, 2), mul(u, u)); // (1 + u)^2 = 1 + (2u + u^2)
    return { m: add([1, 0], u), k };
}
/** m * 2^k rounded once to a double (normal, subnormal or overflow). */
function scale(m, k) {
    const h = m[0] * 2 ** (k - Math.trunc(k / 2)) * 2 ** Math.trunc(k / 2);
    if (!Number.isFinite(h))
        return OVERFLOW;
    if (Math.abs(h) >= 2 ** -1022)
        return h;
    // Subnormal: round m * 2^(k + 1074) to an integer, half to even, then scale exactly.
    const s = k + 1074;
    if (s < -60)
        return 0;
    const hi = m[0] * 2 ** s;
    const lo = m[1] * 2 ** s;
    const fl = Math.floor(hi);
    const diff = hi - fl + lo;
    const n = diff > 0.5 || (diff === 0.5 && fl % 2 === 1) ? fl + 1 : fl;
    return n * 2 ** -1074;
}
/** Largest |integer exponent| computed exactly with bigints. */
const EXACT_MAX_EXP = 64;
/** x ** n for an integer n (|n| <= EXACT_MAX_EXP), x finite and nonzero: exact, rounded once. */
function intPowExact(x, n) {
    const negative = x < 0 && n % 2 !== 0;
    const estimate = n * Math.log2(Math.abs(x));
    if (estimate > 1025)
        return OVERFLOW;
    if (estimate < -1080)
        return negative ? -0 : 0;
    const [m, e] = decompose(Math.abs(x));
    const p = m ** BigInt(Math.abs(n));
    const shift = e * Math.abs(n);
    const big = shift >= 0 ? p << BigInt(shift) : p;
    const small = shift >= 0 ? 1n : 1n << BigInt(-shift);
    const r = n > 0 ? ratioToDouble(big, small) : ratioToDouble(small, big);
    return typeof r === "number" && negative ? -r : r;
}
/**
 * x ** y correctly rounded, for finite nonzero x and y with x != 1, and x > 0 unless y is an integer (the
 * caller handles Python's special cases). OverflowError when the result is beyond the float range.
 */
function powFinite(x, y) {
    if (Number.isInteger(y) && Math.abs(y) <= EXACT_MAX_EXP)
        return intPowExact(x, y);
    const negative = x < 0 && Number.isInteger(y) && y % 2 !== 0;
    const t = mulD(logDD(Math.abs(x)), y);
    if (t[0] > 1000)
        return OVERFLOW;
    if (t[0] < -1000)
        return negative ? -0 : 0;
    const { m, k } = expDD(t);
    const r = scale(m, k);
    return typeof r === "number" && negative ? -r : r;
}

;// CONCATENATED MODULE: ./build/action/src/dsl/prims/numeric.js





const numeric_I = (v) => v;
const F = (v) => v;
/**
 * Python float `%` and `//` (CPython's float_divmod): fmod, then the remainder moved to the divisor's sign and
 * the quotient rounded to the nearest integer of (a - mod) / b, which is exact where Math.floor(a / b) is not
 * (`4.5 // -inf` is -1.0, `inf // 3` is nan).
 */
function floatDivmod(a, b) {
    let mod = a % b; // JS % on doubles is C's fmod
    let div = (a - mod) / b;
    if (mod !== 0) {
        if (b < 0 !== mod < 0) {
            mod += b;
            div -= 1;
        }
    }
    else {
        mod = b < 0 ? -0 : 0;
    }
    let floordiv;
    if (div !== 0) {
        floordiv = Math.floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1;
    }
    else {
        floordiv = Object.is(a / b, -0) || a / b < 0 ? -0 : 0;
    }
    return [floordiv, mod];
}
function floatMod(a, b) {
    return b === 0 ? ZERO_DIV : floatDivmod(a, b)[1];
}
function floatFloorDiv(a, b) {
    return b === 0 ? ZERO_DIV : floatDivmod(a, b)[0];
}
const isOddInteger = (x) => Number.isInteger(x) && Math.abs(x % 2) === 1;
/**
 * Python float `**` (CPython's float_pow): its special cases for zeros, infinities and nan differ from
 * Math.pow (`1.0 ** nan` is 1.0, `(-1.0) ** inf` is 1.0), and an overflow from finite operands raises.
 * A negative base with a fractional exponent gives a complex number in Python, which the DSL has no type for:
 * the evaluator reports ValueError (what `math.pow` raises) and the differential test leaves that domain out.
 */
function floatPow(a, b) {
    if (b === 0)
        return 1;
    if (Number.isNaN(a))
        return a;
    if (Number.isNaN(b))
        return a === 1 ? 1 : b;
    if (!Number.isFinite(b)) {
        const m = Math.abs(a);
        return m === 1 ? 1 : b > 0 === m > 1 ? Infinity : 0;
    }
    if (!Number.isFinite(a))
        return b > 0 ? (isOddInteger(b) ? a : Infinity) : isOddInteger(b) ? (a > 0 ? 0 : -0) : 0;
    if (a === 0)
        return b < 0 ? ZERO_DIV : isOddInteger(b) ? a : 0;
    if (a < 0 && !Number.isInteger(b))
        return VALUE_ERROR;
    if (a === 1)
        return 1;
    return powFinite(a, b);
}
function isqrt(n) {
    if (n < 0)
        return VALUE_ERROR;
    if (typeof n === "number") {
        const r = Math.floor(Math.sqrt(n));
        return r * r > n ? r - 1 : (r + 1) * (r + 1) <= n ? r + 1 : r;
    }
    // Newton's method on bigints: exact, and quadratic from the float estimate.
    let x = BigInt(2) ** BigInt(Math.ceil(n.toString(2).length / 2));
    for (;;) {
        const y = (x + n / x) / 2n;
        if (y >= x)
            return normInt(x);
        x = y;
    }
}
function gcd(a, b) {
    let x = typeof a === "bigint" ? (a < 0n ? -a : a) : BigInt(Math.abs(a));
    let y = typeof b === "bigint" ? (b < 0n ? -b : b) : BigInt(Math.abs(b));
    while (y !== 0n)
        [x, y] = [y, x % y];
    return normInt(x);
}
/** Largest n whose factorial the evaluator computes (about 3800 bits, within MAX_INT_BITS); Python has no limit. */
const MAX_FACTORIAL = 500;
/** math.factorial: ValueError below 0, OverflowError beyond a C long, ResourceLimit beyond MAX_FACTORIAL. */
function factorial(n) {
    if (n < 0)
        return VALUE_ERROR;
    if (!fitsSsize(n))
        return OVERFLOW;
    if (n > MAX_FACTORIAL)
        return RESOURCE;
    let r = 1n;
    for (let i = 2n; i <= BigInt(n); i++)
        r *= i;
    return normInt(r);
}
/**
 * Python's `round(x, n)` for floats: round the exact decimal value of x half to even at n digits, then take the
 * nearest double (what CPython's dtoa-based implementation does).
 */
function roundTo(x, n) {
    const nd = Number(n);
    if (!Number.isFinite(x) || x === 0 || nd > 330)
        return x;
    if (nd < -330)
        return x < 0 ? -0 : 0;
    const [m, e] = decompose(Math.abs(x));
    let num = e >= 0 ? m << BigInt(e) : m;
    let den = e >= 0 ? 1n : 1n << BigInt(-e);
    if (nd >= 0)
        num *= 10n ** BigInt(nd);
    else
        den *= 10n ** BigInt(-nd);
    let q = num / den;
    const twice = 2n * (num - q * den);
    if (twice > den || (twice === den && q % 2n === 1n))
        q += 1n;
    const r = Number(`${q}e${-nd}`);
    if (!Number.isFinite(r))
        return OVERFLOW;
    return x < 0 ? -r : r;
}
const NON_ASCII_DIGIT = /^\p{Nd}$/u;
/** The value of a decimal digit (category Nd): digits come in runs of ten from a zero, so count back to it. */
function digitValue(ch) {
    let cp = ch.codePointAt(0);
    let k = 0;
    while (NON_ASCII_DIGIT.test(String.fromCodePoint(cp - 1))) {
        cp--;
        k++;
    }
    return k % 10;
}
/**
 * What `int()` and `float()` parse (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII): ASCII kept, other
 * whitespace made a space, other decimal digits made ASCII, anything else refused; then ASCII whitespace
 * stripped. `undefined` when a character cannot be part of a number.
 */
function numberText(s) {
    let out = "";
    for (const ch of s) {
        if (ch.charCodeAt(0) < 127)
            out += ch;
        else if (isSpaceChar(ch))
            out += " ";
        else if (NON_ASCII_DIGIT.test(ch))
            out += String(digitValue(ch));
        else
            return undefined;
    }
    return out.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, "");
}
/** Python `int(s)` for a str: optional sign, decimal digits with single underscores between them. */
function parseIntStr(s) {
    const t = numberText(s);
    const m = t === undefined ? null : /^([+-]?)(\d+(?:_\d+)*)$/.exec(t);
    if (!m)
        return VALUE_ERROR;
    const digits = (m[2] ?? "").replace(/_/g, "");
    if (digits.length > MAX_STR_DIGITS)
        return VALUE_ERROR;
    return normInt(BigInt((m[1] === "-" ? "-" : "") + digits));
}
/** Python 3.11's default sys.get_int_max_str_digits(): int <-> decimal str refuses longer numbers (ValueError). */
const MAX_STR_DIGITS = 4300;
/** Python `str(n)` of an int. */
function intToStr(n) {
    const s = String(n);
    return s.length - (s.startsWith("-") ? 1 : 0) > MAX_STR_DIGITS ? VALUE_ERROR : s;
}
const DIGITS = "\\d(?:_?\\d)*";
const FLOAT_TEXT = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
/** Python `float(s)`: a decimal literal (underscores between digits), or inf, infinity, nan in any case. */
function parseFloatStr(s) {
    const t = numberText(s);
    if (t === undefined)
        return VALUE_ERROR;
    const special = /^([+-]?)(inf|infinity|nan)$/i.exec(t);
    if (special)
        return (special[2] ?? "").toLowerCase() === "nan" ? NaN : special[1] === "-" ? -Infinity : Infinity;
    return FLOAT_TEXT.test(t) ? Number(t.replace(/_/g, "")) : VALUE_ERROR;
}
const numericPrims = [
    // int arithmetic
    { name: "int.add", fastInt: "add", sig: mono([types_INT, types_INT], types_INT), cost: 1, impl: (a, b) => intAdd(numeric_I(a), numeric_I(b)), py: "{0:add} + {1:mul}", pyPrec: "add", ts: "{0} + {1}", hints: ["add", "sum", "plus", "total", "increment", "more"] },
    { name: "int.sub", fastInt: "sub", sig: mono([types_INT, types_INT], types_INT), cost: 1, impl: (a, b) => intSub(numeric_I(a), numeric_I(b)), py: "{0:add} - {1:mul}", pyPrec: "add", ts: "{0} - {1}", hints: ["subtract", "difference", "minus", "less", "decrement"] },
    { name: "int.mul", fastInt: "mul", sig: mono([types_INT, types_INT], types_INT), cost: 1, impl: (a, b) => intMul(numeric_I(a), numeric_I(b)), py: "{0:mul} * {1:unary}", pyPrec: "mul", ts: "{0} * {1}", hints: ["multiply", "product", "times", "double", "triple", "square"] },
    { name: "int.floordiv", sig: mono([types_INT, types_INT], types_INT), cost: 1.5, impl: (a, b) => intFloorDiv(numeric_I(a), numeric_I(b)), py: "{0:mul} // {1:unary}", pyPrec: "mul", ts: "$floordiv({0}, {1})", hints: ["divide", "half", "quotient", "division"] },
    { name: "int.mod", sig: mono([types_INT, types_INT], types_INT), cost: 1.5, impl: (a, b) => intMod(numeric_I(a), numeric_I(b)), py: "{0:mul} % {1:unary}", pyPrec: "mul", ts: "$mod({0}, {1})", hints: ["remainder", "modulo", "even", "odd", "divisible", "mod", "digit", "last"] },
    // int ** negative int is a float in Python; the DSL's int.pow cannot hold it, so it reports ValueError there
    // (the differential test leaves negative exponents out).
    { name: "int.pow", sig: mono([types_INT, types_INT], types_INT), cost: 2, impl: (a, b) => (numeric_I(b) < 0 ? VALUE_ERROR : intPow(numeric_I(a), numeric_I(b))), py: "{0:atom} ** {1:unary}", pyPrec: "pow", ts: "$ipow({0}, {1})", hints: ["power", "square", "cube", "exponent", "squared", "cubed"] },
    { name: "int.neg", sig: mono([types_INT], types_INT), cost: 1.5, impl: (a) => intNeg(numeric_I(a)), py: "-{0:unary}", pyPrec: "unary", ts: "-{0}", hints: ["negative", "negate", "opposite"] },
    { name: "int.abs", sig: mono([types_INT], types_INT), cost: 1.5, impl: (a) => intAbs(numeric_I(a)), py: "abs({0})", pyPrec: "atom", ts: "Math.abs({0})", hints: ["absolute", "abs", "distance"] },
    { name: "int.min2", sig: mono([types_INT, types_INT], types_INT), cost: 1.5, impl: (a, b) => (numeric_I(b) < numeric_I(a) ? b : a), py: "min({0}, {1})", pyPrec: "atom", ts: "Math.min({0}, {1})", hints: ["minimum", "smaller", "smallest", "min", "lesser"] },
    { name: "int.max2", sig: mono([types_INT, types_INT], types_INT), cost: 1.5, impl: (a, b) => (numeric_I(b) > numeric_I(a) ? b : a), py: "max({0}, {1})", pyPrec: "atom", ts: "Math.max({0}, {1})", hints: ["maximum", "larger", "largest", "max", "greater", "bigger"] },
    { name: "int.gcd", sig: mono([types_INT, types_INT], types_INT), cost: 2.5, impl: (a, b) => gcd(numeric_I(a), numeric_I(b)), py: "math.gcd({0}, {1})", pyPrec: "atom", ts: "$gcd({0}, {1})", imports: ["math"], hints: ["gcd", "greatest", "common", "divisor", "hcf", "lcm"] },
    { name: "int.factorial", sig: mono([types_INT], types_INT), cost: 2.5, impl: (a) => factorial(numeric_I(a)), py: "math.factorial({0})", pyPrec: "atom", ts: "$factorial({0})", imports: ["math"], hints: ["factorial"] },
    { name: "int.isqrt", sig: mono([types_INT], types_INT), cost: 2.5, impl: (a) => isqrt(numeric_I(a)), py: "math.isqrt({0})", pyPrec: "atom", ts: "$isqrt({0})", imports: ["math"], hints: ["square", "root", "sqrt", "perfect"] },
    // float arithmetic
    { name: "float.add", sig: mono([FLOAT, FLOAT], FLOAT), cost: 1.5, impl: (a, b) => F(a) + F(b), py: "{0:add} + {1:mul}", pyPrec: "add", ts: "{0} + {1}", hints: ["add", "sum", "plus"] },
    { name: "float.sub", sig: mono([FLOAT, FLOAT], FLOAT), cost: 1.5, impl: (a, b) => F(a) - F(b), py: "{0:add} - {1:mul}", pyPrec: "add", ts: "{0} - {1}", hints: ["subtract", "difference", "minus"] },
    { name: "float.mul", sig: mono([FLOAT, FLOAT], FLOAT), cost: 1.5, impl: (a, b) => F(a) * F(b), py: "{0:mul} * {1:unary}", pyPrec: "mul", ts: "{0} * {1}", hints: ["multiply", "product", "times", "area", "percent"] },
    { name: "float.div", sig: mono([FLOAT, FLOAT], FLOAT), cost: 1.5, impl: (a, b) => (F(b) === 0 ? ZERO_DIV : F(a) / F(b)), py: "{0:mul} / {1:unary}", pyPrec: "mul", ts: "$truediv({0}, {1})", hints: ["divide", "average", "mean", "ratio", "half", "per"] },
    { name: "float.floordiv", sig: mono([FLOAT, FLOAT], FLOAT), cost: 3, impl: (a, b) => floatFloorDiv(F(a), F(b)), py: "{0:mul} // {1:unary}", pyPrec: "mul", ts: "$floordiv({0}, {1})" },
    { name: "float.mod", sig: mono([FLOAT, FLOAT], FLOAT), cost: 3, impl: (a, b) => floatMod(F(a), F(b)), py: "{0:mul} % {1:unary}", pyPrec: "mul", ts: "$mod({0}, {1})" },
    { name: "float.pow", sig: mono([FLOAT, FLOAT], FLOAT), cost: 2.5, impl: (a, b) => floatPow(F(a), F(b)), py: "{0:atom} ** {1:unary}", pyPrec: "pow", ts: "$fpow({0}, {1})", hints: ["power", "exponent", "square", "cube"] },
    { name: "float.neg", sig: mono([FLOAT], FLOAT), cost: 2, impl: (a) => -F(a), py: "-{0:unary}", pyPrec: "unary", ts: "-{0}" },
    { name: "float.abs", sig: mono([FLOAT], FLOAT), cost: 2, impl: (a) => Math.abs(F(a)), py: "abs({0})", pyPrec: "atom", ts: "Math.abs({0})", hints: ["absolute", "abs"] },
    { name: "float.min2", sig: mono([FLOAT, FLOAT], FLOAT), cost: 2, impl: (a, b) => (F(b) < F(a) ? b : a), py: "min({0}, {1})", pyPrec: "atom", ts: "Math.min({0}, {1})", hints: ["minimum", "smaller"] },
    { name: "float.max2", sig: mono([FLOAT, FLOAT], FLOAT), cost: 2, impl: (a, b) => (F(b) > F(a) ? b : a), py: "max({0}, {1})", pyPrec: "atom", ts: "Math.max({0}, {1})", hints: ["maximum", "larger"] },
    { name: "float.sqrt", sig: mono([FLOAT], FLOAT), cost: 2, impl: (a) => (F(a) < 0 ? VALUE_ERROR : Math.sqrt(F(a))), py: "math.sqrt({0})", pyPrec: "atom", ts: "$sqrt({0})", imports: ["math"], hints: ["square", "root", "sqrt", "hypotenuse", "distance"] },
    { name: "float.round", sig: mono([FLOAT], types_INT), cost: 2, impl: (a) => (Number.isFinite(F(a)) ? floatToInt(roundHalfEven(F(a))) : floatToInt(F(a))), py: "round({0})", pyPrec: "atom", ts: "$round({0})", hints: ["round", "rounded", "nearest"] },
    { name: "float.roundn", sig: mono([FLOAT, types_INT], FLOAT), cost: 2, impl: (a, n) => roundTo(F(a), numeric_I(n)), py: "round({0}, {1})", pyPrec: "atom", ts: "$roundn({0}, {1})", hints: ["round", "rounded", "decimal", "places", "digits"] },
    { name: "float.floor", sig: mono([FLOAT], types_INT), cost: 2, impl: (a) => floatToInt(Math.floor(F(a))), py: "math.floor({0})", pyPrec: "atom", ts: "$floor({0})", imports: ["math"], hints: ["floor", "down", "round"] },
    { name: "float.ceil", sig: mono([FLOAT], types_INT), cost: 2, impl: (a) => floatToInt(Math.ceil(F(a))), py: "math.ceil({0})", pyPrec: "atom", ts: "$ceil({0})", imports: ["math"], hints: ["ceil", "ceiling", "up", "round"] },
    { name: "float.trunc", sig: mono([FLOAT], types_INT), cost: 2, impl: (a) => floatToInt(F(a)), py: "int({0})", pyPrec: "atom", ts: "$trunc({0})", hints: ["integer", "truncate", "whole"] },
    { name: "float.pi", sig: mono([], FLOAT), cost: 2, impl: () => Math.PI, py: "math.pi", pyPrec: "atom", ts: "Math.PI", imports: ["math"], hints: ["pi", "circle", "circumference", "area", "sphere", "radius", "cylinder", "cone"] },
    // An int used where a float is expected. Rendered as an explicit float(): a bare int would keep Python's int
    // type wherever the context does not convert it (str(n), n // m, round(n, 1), abs(n), min(n, x), a return).
    { name: "num.widen", sig: mono([types_INT], FLOAT), cost: 0.5, impl: (a) => intToFloat(numeric_I(a)), py: "float({0})", pyPrec: "atom", ts: "{0}" },
    { name: "int.truediv", sig: mono([types_INT, types_INT], FLOAT), cost: 1.5, impl: (a, b) => intTrueDiv(numeric_I(a), numeric_I(b)), py: "{0:mul} / {1:unary}", pyPrec: "mul", ts: "$truediv({0}, {1})", hints: ["divide", "average", "mean", "ratio", "half"] },
    // conversions
    { name: "int.str", sig: mono([types_INT], STR), cost: 1.5, impl: (a) => intToStr(numeric_I(a)), py: "str({0})", pyPrec: "atom", ts: "String({0})", hints: ["string", "digits", "digit", "text", "convert"] },
    { name: "float.str", sig: mono([FLOAT], STR), cost: 2, impl: (a) => values_reprFloat(F(a)), py: "str({0})", pyPrec: "atom", ts: "$fstr({0})", hints: ["string"] },
    { name: "str.int", sig: mono([STR], types_INT), cost: 1.5, impl: (s) => parseIntStr(s), py: "int({0})", pyPrec: "atom", ts: "$int({0})", hints: ["integer", "number", "convert", "parse", "digit", "digits"] },
    { name: "str.float", sig: mono([STR], FLOAT), cost: 2.5, impl: (s) => parseFloatStr(s), py: "float({0})", pyPrec: "atom", ts: "$float({0})", hints: ["float", "decimal", "number", "parse"] },
    { name: "bool.int", sig: mono([BOOL], types_INT), cost: 2, impl: (b) => (b ? 1 : 0), py: "int({0})", pyPrec: "atom", ts: "Number({0})" },
];

;// CONCATENATED MODULE: ./build/action/src/dsl/prims/smt.js
/**
 * SMT-LIB primitives: the operators of SyGuS grammars over the theories of strings and integers (logics SLIA,
 * S, LIA), with SMT-LIB 2.6 semantics, which differ from Python's:
 *
 * - Strings are sequences of code points (as in Python); indices outside the string give "" or -1, never an error.
 * - `str.substr s i n` is "" unless 0 <= i < |s| and n > 0, and is clamped at the end of `s`.
 * - `str.indexof s t i` is -1 unless 0 <= i <= |s|; with an empty `t` it is `i`.
 * - `str.replace` replaces the first occurrence only; an empty pattern prepends the replacement.
 * - `str.from_int` of a negative is ""; `str.to_int` of anything but a non-empty string of ASCII digits is -1.
 * - Integers are unbounded (the number|bigint model of values.ts); `div`/`mod` are Euclidean (the remainder is
 *   never negative). SMT-LIB leaves division by zero unspecified: here it is an error value (ZeroDivisionError),
 *   so the search never relies on it.
 *
 * Stable names are `smt.` + the SMT-LIB 2.6 operator (SyGuS v2 spelling); `smt` is that operator, and
 * `SMT_V1_NAMES` gives the SyGuS v1 spellings where they differ.
 */



const smt_S = (v) => v;
const smt_I = (v) => v;
/** An SMT int as a JS number for index arithmetic: ints beyond 2**53 become +-Infinity (always out of range). */
function index(v) {
    if (typeof v === "bigint")
        return v < 0n ? -Infinity : Infinity;
    return v;
}
/** `str.substr s i n`: the n code points at i, clamped at the end; "" when i is out of range or n <= 0. */
function smtSubstr(s, i, n) {
    const len = strLen(s);
    if (!(i >= 0 && i < len && n > 0))
        return "";
    const end = Math.min(len, i + n);
    return hasAstral(s) ? cps(s).slice(i, end).join("") : s.slice(i, end);
}
/** `str.indexof s t i`: first occurrence of t at or after code point i; -1 when none or i is out of [0, |s|]. */
function smtIndexOf(s, t, i) {
    if (!(i >= 0 && i <= strLen(s)))
        return -1;
    if (!hasAstral(s))
        return s.indexOf(t, i);
    const unitStart = cps(s).slice(0, i).join("").length;
    const u = s.indexOf(t, unitStart);
    return u < 0 ? -1 : strLen(s.slice(0, u));
}
/** `str.replace s t u`: the first occurrence of t replaced by u; an empty t prepends u. */
function smtReplace(s, t, u) {
    if (t === "")
        return u + s;
    const k = s.indexOf(t);
    return k < 0 ? s : s.slice(0, k) + u + s.slice(k + t.length);
}
/** `str.replace_all s t u`: every non-overlapping occurrence, left to right; an empty t leaves s unchanged. */
function smtReplaceAll(s, t, u) {
    return t === "" ? s : s.split(t).join(u);
}
/** `str.from_int n`: decimal digits of n, or "" when n is negative. */
function smtFromInt(n) {
    return n < 0 ? "" : String(n);
}
const smt_DIGITS = /^[0-9]+$/;
/** `str.to_int s`: the value of a non-empty string of ASCII digits, else -1. */
function smtToInt(s) {
    if (!smt_DIGITS.test(s))
        return -1;
    return s.length < 16 ? Number(s) : normInt(BigInt(s));
}
/** Euclidean division: a = b*q + r with 0 <= r < |b|. Division by zero is an error value. */
function smtDivMod(a, b) {
    if (typeof a === "number" && typeof b === "number") {
        if (b === 0)
            return undefined;
        let r = a % b;
        if (r < 0)
            r += Math.abs(b);
        return { q: (a - r) / b + 0, r: r + 0 };
    }
    const x = BigInt(a);
    const y = BigInt(b);
    if (y === 0n)
        return undefined;
    let r = x % y;
    if (r < 0n)
        r += y < 0n ? -y : y;
    return { q: normInt((x - r) / y), r: normInt(r) };
}
function lessInt(a, b, orEqual) {
    const x = smt_I(a);
    const y = smt_I(b);
    return orEqual ? x <= y : x < y;
}
/** SMT-LIB's and/or have no errors; erroring arguments (division by zero) propagate as Python's `and` would. */
function smt_and(a, b) {
    if (isError(a))
        return a;
    return a === true ? b : false;
}
function smt_or(a, b) {
    if (isError(a))
        return a;
    return a === true ? true : b;
}
function ite(c, a, b) {
    if (isError(c))
        return c;
    return c === true ? a : b;
}
const smt_T = (tv) => tv["T"] ?? { kind: "unknown" };
const eqSig = (tv) => ({ args: [smt_T(tv), smt_T(tv)], ret: BOOL });
const iteSig = (tv) => ({ args: [BOOL, smt_T(tv), smt_T(tv)], ret: smt_T(tv) });
const SS_S = mono([STR, STR], STR);
const SS_B = mono([STR, STR], BOOL);
const II_I = mono([types_INT, types_INT], types_INT);
const II_B = mono([types_INT, types_INT], BOOL);
/** The SMT-LIB primitive table (order is part of determinism). */
const SMT_PRIMS = [
    // Strings
    { name: "smt.str.++", smt: "str.++", sig: SS_S, cost: 1, impl: (a, b) => smt_S(a) + smt_S(b), py: "{0:add} + {1:mul}", pyPrec: "add", ts: "{0} + {1}" },
    { name: "smt.str.len", smt: "str.len", sig: mono([STR], types_INT), cost: 1, impl: (a) => strLen(smt_S(a)), py: "len({0})", pyPrec: "atom", ts: "$smtLen({0})" },
    { name: "smt.str.at", smt: "str.at", sig: mono([STR, types_INT], STR), cost: 1, impl: (s, i) => smtSubstr(smt_S(s), index(i), 1), py: "_smt_substr({0}, {1}, 1)", pyPrec: "atom", pyHelpers: ["_smt_substr"], ts: "$smtSubstr({0}, {1}, 1)" },
    {
        name: "smt.str.substr",
        smt: "str.substr",
        sig: mono([STR, types_INT, types_INT], STR),
        cost: 1,
        impl: (s, i, n) => smtSubstr(smt_S(s), index(i), index(n)),
        py: "_smt_substr({0}, {1}, {2})",
        pyPrec: "atom",
        pyHelpers: ["_smt_substr"],
        ts: "$smtSubstr({0}, {1}, {2})",
    },
    {
        name: "smt.str.indexof",
        smt: "str.indexof",
        sig: mono([STR, STR, types_INT], types_INT),
        cost: 1,
        impl: (s, t, i) => smtIndexOf(smt_S(s), smt_S(t), index(i)),
        py: "_smt_indexof({0}, {1}, {2})",
        pyPrec: "atom",
        pyHelpers: ["_smt_indexof"],
        ts: "$smtIndexOf({0}, {1}, {2})",
    },
    // Python's str.replace(t, u, 1) prepends u when t is empty, exactly as SMT-LIB does.
    { name: "smt.str.replace", smt: "str.replace", sig: mono([STR, STR, STR], STR), cost: 1, impl: (s, t, u) => smtReplace(smt_S(s), smt_S(t), smt_S(u)), py: "{0:atom}.replace({1}, {2}, 1)", pyPrec: "atom", ts: "$smtReplace({0}, {1}, {2})" },
    {
        name: "smt.str.replace_all",
        smt: "str.replace_all",
        sig: mono([STR, STR, STR], STR),
        cost: 1.5,
        impl: (s, t, u) => smtReplaceAll(smt_S(s), smt_S(t), smt_S(u)),
        py: "_smt_replace_all({0}, {1}, {2})",
        pyPrec: "atom",
        pyHelpers: ["_smt_replace_all"],
        ts: "$smtReplaceAll({0}, {1}, {2})",
    },
    { name: "smt.str.prefixof", smt: "str.prefixof", sig: SS_B, cost: 1, impl: (p, s) => smt_S(s).startsWith(smt_S(p)), py: "{1:atom}.startswith({0})", pyPrec: "atom", ts: "{1}.startsWith({0})" },
    { name: "smt.str.suffixof", smt: "str.suffixof", sig: SS_B, cost: 1, impl: (p, s) => smt_S(s).endsWith(smt_S(p)), py: "{1:atom}.endswith({0})", pyPrec: "atom", ts: "{1}.endsWith({0})" },
    { name: "smt.str.contains", smt: "str.contains", sig: SS_B, cost: 1, impl: (s, t) => smt_S(s).includes(smt_S(t)), py: "{1:bor} in {0:bor}", pyPrec: "cmp", ts: "{0}.includes({1})" },
    { name: "smt.str.from_int", smt: "str.from_int", sig: mono([types_INT], STR), cost: 1, impl: (n) => smtFromInt(smt_I(n)), py: "_smt_from_int({0})", pyPrec: "atom", pyHelpers: ["_smt_from_int"], ts: "$smtFromInt({0})" },
    { name: "smt.str.to_int", smt: "str.to_int", sig: mono([STR], types_INT), cost: 1, impl: (s) => smtToInt(smt_S(s)), py: "_smt_to_int({0})", pyPrec: "atom", pyHelpers: ["_smt_to_int"], ts: "$smtToInt({0})" },
    { name: "smt.str.<", smt: "str.<", sig: SS_B, cost: 1.5, impl: (a, b) => compareStr(smt_S(a), smt_S(b)) < 0, py: "{0:bor} < {1:bor}", pyPrec: "cmp", ts: "$smtStrLt({0}, {1})" },
    { name: "smt.str.<=", smt: "str.<=", sig: SS_B, cost: 1.5, impl: (a, b) => compareStr(smt_S(a), smt_S(b)) <= 0, py: "{0:bor} <= {1:bor}", pyPrec: "cmp", ts: "!$smtStrLt({1}, {0})" },
    // Integers
    { name: "smt.+", fastInt: "add", smt: "+", sig: II_I, cost: 1, impl: (a, b) => intAdd(smt_I(a), smt_I(b)), py: "{0:add} + {1:mul}", pyPrec: "add", ts: "{0} + {1}" },
    { name: "smt.-", fastInt: "sub", smt: "-", sig: II_I, cost: 1, impl: (a, b) => intSub(smt_I(a), smt_I(b)), py: "{0:add} - {1:mul}", pyPrec: "add", ts: "{0} - {1}" },
    { name: "smt.neg", smt: "-", sig: mono([types_INT], types_INT), cost: 1.5, impl: (a) => intNeg(smt_I(a)), py: "-{0:unary}", pyPrec: "unary", ts: "-{0}" },
    { name: "smt.*", fastInt: "mul", smt: "*", sig: II_I, cost: 1.5, impl: (a, b) => intMul(smt_I(a), smt_I(b)), py: "{0:mul} * {1:unary}", pyPrec: "mul", ts: "{0} * {1}" },
    { name: "smt.div", smt: "div", sig: II_I, cost: 1.5, impl: (a, b) => smtDivMod(smt_I(a), smt_I(b))?.q ?? ZERO_DIV, py: "_smt_div({0}, {1})", pyPrec: "atom", pyHelpers: ["_smt_div"], ts: "$smtDiv({0}, {1})" },
    { name: "smt.mod", smt: "mod", sig: II_I, cost: 1.5, impl: (a, b) => smtDivMod(smt_I(a), smt_I(b))?.r ?? ZERO_DIV, py: "_smt_mod({0}, {1})", pyPrec: "atom", pyHelpers: ["_smt_mod"], ts: "$smtMod({0}, {1})" },
    { name: "smt.<", fastInt: "lt", smt: "<", sig: II_B, cost: 1, impl: (a, b) => lessInt(a, b, false), py: "{0:bor} < {1:bor}", pyPrec: "cmp", ts: "{0} < {1}" },
    { name: "smt.<=", fastInt: "le", smt: "<=", sig: II_B, cost: 1, impl: (a, b) => lessInt(a, b, true), py: "{0:bor} <= {1:bor}", pyPrec: "cmp", ts: "{0} <= {1}" },
    { name: "smt.>", fastInt: "gt", smt: ">", sig: II_B, cost: 1, impl: (a, b) => lessInt(b, a, false), py: "{0:bor} > {1:bor}", pyPrec: "cmp", ts: "{0} > {1}" },
    { name: "smt.>=", fastInt: "ge", smt: ">=", sig: II_B, cost: 1, impl: (a, b) => lessInt(b, a, true), py: "{0:bor} >= {1:bor}", pyPrec: "cmp", ts: "{0} >= {1}" },
    // Core
    { name: "smt.=", fastInt: "eq", smt: "=", vars: { T: "hashable" }, sig: eqSig, cost: 1, impl: (a, b) => pyEq(a, b), py: "{0:bor} == {1:bor}", pyPrec: "cmp", ts: "{0} === {1}" },
    { name: "smt.ite", smt: "ite", vars: { T: "any" }, sig: iteSig, cost: 1, lazy: true, select: true, impl: ite, py: "{1:or} if {0:or} else {2:if}", pyPrec: "if", ts: "({0} ? {1} : {2})" },
    { name: "smt.and", smt: "and", sig: mono([BOOL, BOOL], BOOL), cost: 1, lazy: true, impl: smt_and, py: "{0:and} and {1:not}", pyPrec: "and", ts: "{0} && {1}" },
    { name: "smt.or", smt: "or", sig: mono([BOOL, BOOL], BOOL), cost: 1, lazy: true, impl: smt_or, py: "{0:or} or {1:and}", pyPrec: "or", ts: "{0} || {1}" },
    { name: "smt.not", smt: "not", sig: mono([BOOL], BOOL), cost: 1, impl: (a) => a !== true, py: "not {0:not}", pyPrec: "not", ts: "!{0}" },
];
/** SyGuS v1 (SMT-LIB 2.5) spellings of operators renamed in v2; the reader accepts both. */
const SMT_V1_NAMES = {
    "str.from_int": "int.to.str",
    "str.to_int": "str.to.int",
    "str.replace_all": "str.replaceall",
};
const V2_OF = new Map(Object.entries(SMT_V1_NAMES).map(([v2, v1]) => [v1, v2]));
/** The SMT-LIB 2.6 name of an operator written in either spelling ("int.to.str" -> "str.from_int"). */
function canonicalSmtOp(op) {
    return V2_OF.get(op) ?? op;
}
/** Operators SMT-LIB lets take more than two arguments, folded to the left into binary applications. */
const SMT_LEFT_ASSOC = new Set(["str.++", "+", "-", "*", "and", "or"]);
const BY_OP = new Map();
for (const p of SMT_PRIMS) {
    const op = p.smt ?? p.name;
    BY_OP.set(op, [...(BY_OP.get(op) ?? []), p]);
}
/**
 * The primitive of an SMT-LIB operator (either spelling) applied to `arity` arguments, or undefined when the
 * operator is not supported at that arity.
 */
function smtPrim(op, arity) {
    return BY_OP.get(canonicalSmtOp(op))?.find((p) => p.sig({ T: INT })?.args.length === arity);
}
/** The signature of an SMT primitive applied to arguments of these types, or undefined when they do not fit. */
function smtSignature(p, argTypes) {
    const tv = p.vars ? { T: (p.name === "smt.ite" ? argTypes[1] : argTypes[0]) ?? INT } : {};
    const sig = p.sig(tv);
    if (!sig || sig.args.length !== argTypes.length)
        return undefined;
    const fits = sig.args.every((a, i) => "kind" in a && argTypes[i] !== undefined && a.kind === argTypes[i]?.kind);
    return fits ? sig : undefined;
}

;// CONCATENATED MODULE: ./build/action/src/dsl/prims/index.js






/** The Python DSL's primitive table, in a fixed order (the order is part of determinism). */
const PYTHON_PRIMS = [...numericPrims, ...logicPrims, ...strPrims, ...seqPrims, ...hofPrims];
const registry = new Map();
/** Adds primitives to the lookup used by the interpreter and emitters (other DSLs, such as SMT-LIB, register too). */
function registerPrims(prims) {
    for (const p of prims) {
        const old = registry.get(p.name);
        if (old && old !== p)
            throw new Error(`primitive name registered twice: ${p.name}`);
        registry.set(p.name, p);
    }
}
registerPrims(PYTHON_PRIMS);
// SMT-LIB operators (SyGuS problems): in the lookup, never in the Python grammar.
registerPrims(SMT_PRIMS);
/** The primitive with this stable name, or undefined (a stored program may name one that no longer exists). */
function primByName(name) {
    return registry.get(name);
}

;// CONCATENATED MODULE: ./build/action/src/eval/interp.js


const UNKNOWN_OP = (op) => new values_PyError("NameError", `unknown primitive ${op}`);
/**
 * Evaluates a program with Python's semantics. Never throws for a well-typed program: Python exceptions come
 * back as PyError values. Used for validation, tests and anything outside the search's hot loop.
 */
function evaluate(e, env) {
    switch (e.t) {
        case "var": {
            const v = env.get(e.name);
            return v === undefined ? new values_PyError("NameError", e.name) : v;
        }
        case "const":
            return e.value;
        case "lambda":
            return new values_PyError("TypeError", "a lambda is not a value");
        case "call":
            return evalCall(e.op, e.args, env);
    }
}
function evalCall(op, args, env) {
    const prim = primByName(op);
    if (!prim)
        return UNKNOWN_OP(op);
    if (prim.hof)
        return evalHof(prim.hof, args, env);
    const vals = [];
    for (const a of args) {
        const r = evaluate(a, env);
        if (!prim.lazy && isError(r))
            return r;
        vals.push(r);
    }
    return prim.impl ? prim.impl(...vals) : UNKNOWN_OP(op);
}
/** The elements a comprehension iterates, in Python's order (sets are only iterated by order-free aggregations). */
function iterate(src) {
    if (typeof src === "string")
        return cps(src);
    if (src instanceof values_PyDict)
        return src.keys;
    if (src instanceof values_PySet)
        return src.items;
    return Array.isArray(src) ? src : [];
}
/** Binds a lambda's parameters to one element (destructuring tuples when there are several names). */
function bindParams(env, params, x) {
    const inner = new Map(env);
    if (params.length === 1)
        inner.set(params[0] ?? "x", x);
    else
        params.forEach((p, i) => inner.set(p, x[i] ?? null));
    return inner;
}
function evalHof(hof, args, env) {
    const [srcExpr, ...fns] = args;
    if (!srcExpr)
        return err("TypeError");
    const src = evaluate(srcExpr, env);
    if (isError(src))
        return src;
    const xs = iterate(src);
    const rows = fns.map((f) => {
        if (f.t !== "lambda")
            return xs.map(() => err("TypeError"));
        return xs.map((x) => evaluate(f.body, bindParams(env, f.params, x)));
    });
    return hof(src, ...rows);
}
/** Runs a program on positional inputs, binding them to the parameter names. */
function run(e, paramNames, inputs) {
    const env = new Map();
    paramNames.forEach((n, i) => env.set(n, inputs[i] ?? null));
    return evaluate(e, env);
}

;// CONCATENATED MODULE: ./build/action/src/search/concat.js

/**
 * Top-down deduction for string concatenation (the witness function of `++`, as in FlashMeta and Duet): the
 * expected outputs are split into consecutive pieces, each produced by one enumerated program on every example
 * at the same time. A cheapest-first search over position vectors finds the cheapest chain of pieces; the
 * program is their right-nested concatenation.
 *
 * Pieces are indexed per example, so the same solver also answers for a subset of the examples (the leaves of a
 * divide-and-conquer tree).
 *
 * This reaches long concatenations (phone numbers reformatted piece by piece) that bottom-up enumeration alone
 * would only reach at a cost level it never gets to.
 */
class ConcatSolver {
    en;
    targets;
    startNt;
    opts;
    pieces = [];
    /** byVal[e]: pieces by their value on example e, for values that occur in e's output. */
    byVal;
    dirty = false;
    constructor(en, targets, startNt, opts) {
        this.en = en;
        this.targets = targets;
        this.startNt = startNt;
        this.opts = opts;
        this.byVal = targets.map(() => new Map());
        en.onMainEntry((entry) => this.observe(entry));
    }
    observe(entry) {
        const bank = this.en.main.bank;
        if (bank.nt.data[entry] !== this.startNt || this.pieces.length >= (this.opts.maxPieces ?? 50000))
            return;
        const vals = [];
        const fitsAt = [];
        for (let e = 0; e < this.targets.length; e++) {
            const v = this.en.valueOf(entry, e);
            const s = typeof v === "string" ? v : "";
            vals.push(s);
            if (typeof v === "string" && v !== "" && this.targets[e].includes(v))
                fitsAt.push(e);
        }
        if (fitsAt.length === 0)
            return;
        const p = { entry, cost: bank.cost.data[entry], vals };
        this.pieces.push(p);
        for (const e of fitsAt) {
            const m = this.byVal[e];
            const v = vals[e];
            const list = m.get(v);
            if (list)
                list.push(p);
            else
                m.set(v, [p]);
        }
        this.dirty = true;
    }
    /** The cheapest concatenation program for every example with cost at most `maxCost` (recomputed after changes). */
    solve(maxCost, deadline = Infinity) {
        if (!this.dirty || this.pieces.length < 2)
            return undefined;
        this.dirty = false;
        return this.solveFor(this.targets.map((_, e) => e), maxCost, deadline);
    }
    /**
     * The cheapest concatenation program for the examples `on` (indices), ignoring the others: the cheapest natural
     * chain (no split stretch of an input) when there is one within `maxCost`, else the cheapest chain.
     */
    solveFor(on, maxCost, deadline = Infinity) {
        if (this.opts.inputs) {
            const natural = this.search(on, maxCost, deadline, true);
            if (natural.chain)
                return { expr: this.toExpr(natural.chain.pieces), cost: natural.chain.cost, natural: true };
            // Without a skipped split the unrestricted search would explore exactly the same states.
            if (!natural.skipped)
                return undefined;
        }
        const { chain } = this.search(on, maxCost, deadline, false);
        return chain ? { expr: this.toExpr(chain.pieces), cost: chain.cost, natural: !this.opts.inputs } : undefined;
    }
    /**
     * Cheapest-first search over vectors of positions (one per example of `on`) from zero to the outputs' ends.
     * With `naturalOnly`, a piece may not follow one it splits an input stretch with (dominance by position alone
     * then makes this a heuristic: a costlier state with another last piece is not revisited).
     */
    search(on, maxCost, deadline, naturalOnly) {
        const start = new Array(on.length).fill(0);
        const best = new Map([[start.join(","), 0]]);
        const heap = new MinHeap((a, b) => a.cost - b.cost);
        heap.push({ pos: start, cost: 0, chain: [] });
        let expanded = 0;
        let skipped = false;
        while (heap.size > 0 && expanded++ < (this.opts.maxStates ?? 40000)) {
            if ((expanded & 255) === 0 && performance.now() > deadline)
                return { skipped };
            const s = heap.pop();
            if (s.cost > maxCost)
                return { skipped };
            if (s.cost > (best.get(s.pos.join(",")) ?? Infinity))
                continue;
            const anchor = s.pos.findIndex((p, i) => p < this.targets[on[i]].length);
            if (anchor < 0)
                return s.chain.length >= 2 ? { chain: { pieces: s.chain, cost: s.cost }, skipped } : { skipped };
            const last = s.chain[s.chain.length - 1];
            for (const p of this.candidates(on, s.pos, anchor)) {
                if (naturalOnly && last && this.splits(last, p, on)) {
                    skipped = true;
                    continue;
                }
                const next = s.pos.map((x, i) => x + p.vals[on[i]].length);
                const cost = s.cost + p.cost + (s.chain.length > 0 ? this.opts.concatCost : 0);
                const key = next.join(",");
                if (cost > maxCost || cost >= (best.get(key) ?? Infinity))
                    continue;
                best.set(key, cost);
                heap.push({ pos: next, cost, chain: [...s.chain, p] });
            }
        }
        return { skipped };
    }
    /** Pieces that fit at the positions on every example of `on` and advance on at least one. */
    *candidates(on, pos, anchor) {
        const e = on[anchor];
        const t = this.targets[e];
        const at = pos[anchor];
        const m = this.byVal[e];
        for (let len = t.length - at; len >= 1; len--) {
            const list = m.get(t.slice(at, at + len));
            if (!list)
                continue;
            for (const p of list)
                if (this.fits(p, on, pos))
                    yield p;
        }
    }
    /** Whether a and b both vary over `on` and, on every example of it, a's value then b's is a stretch of an input. */
    splits(a, b, on) {
        const inputs = this.opts.inputs;
        if (!inputs || on.length < 2 || !varies(a, on) || !varies(b, on))
            return false;
        return on.every((e) => {
            const joined = a.vals[e] + b.vals[e];
            return (inputs[e] ?? []).some((x) => x.includes(joined));
        });
    }
    fits(p, on, pos) {
        for (let i = 0; i < on.length; i++) {
            const e = on[i];
            if (!this.targets[e].startsWith(p.vals[e], pos[i]))
                return false;
        }
        return true;
    }
    toExpr(chain) {
        const parts = chain.map((p) => this.en.toExpr(0, p.entry));
        let out = parts[parts.length - 1];
        for (let i = parts.length - 2; i >= 0; i--)
            out = call(this.opts.concatPrim, this.opts.type, parts[i], out);
        return out;
    }
}
function varies(p, on) {
    const first = p.vals[on[0]];
    return on.some((e) => p.vals[e] !== first);
}
/** A binary min-heap. */
class MinHeap {
    less;
    items = [];
    constructor(less) {
        this.less = less;
    }
    get size() {
        return this.items.length;
    }
    push(x) {
        const a = this.items;
        a.push(x);
        let i = a.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (this.less(a[i], a[parent]) >= 0)
                break;
            [a[i], a[parent]] = [a[parent], a[i]];
            i = parent;
        }
    }
    pop() {
        const a = this.items;
        const top = a[0];
        const last = a.pop();
        if (a.length > 0 && last !== undefined) {
            a[0] = last;
            let i = 0;
            for (;;) {
                const l = 2 * i + 1;
                const r = l + 1;
                let m = i;
                if (l < a.length && this.less(a[l], a[m]) < 0)
                    m = l;
                if (r < a.length && this.less(a[r], a[m]) < 0)
                    m = r;
                if (m === i)
                    break;
                [a[i], a[m]] = [a[m], a[i]];
                i = m;
            }
        }
        return top;
    }
}

;// CONCATENATED MODULE: ./build/action/src/search/bitset.js
function bitsOf(n) {
    return new Uint32Array((n + 31) >>> 5);
}
function setBit(b, i) {
    b[i >>> 5] = b[i >>> 5] | (1 << (i & 31));
}
function hasBit(b, i) {
    return (b[i >>> 5] & (1 << (i & 31))) !== 0;
}
function allOnes(n) {
    const b = bitsOf(n);
    for (let i = 0; i < n; i++)
        setBit(b, i);
    return b;
}
function popcount(b) {
    let n = 0;
    for (const w of b) {
        let x = w - ((w >>> 1) & 0x55555555);
        x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
        n += (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
    }
    return n;
}
function bitset_and(a, b) {
    const r = new Uint32Array(a.length);
    for (let i = 0; i < a.length; i++)
        r[i] = a[i] & b[i];
    return r;
}
function andNot(a, b) {
    const r = new Uint32Array(a.length);
    for (let i = 0; i < a.length; i++)
        r[i] = a[i] & ~b[i];
    return r;
}
function bitset_or(a, b) {
    const r = new Uint32Array(a.length);
    for (let i = 0; i < a.length; i++)
        r[i] = a[i] | b[i];
    return r;
}
/** a ⊆ b */
function subset(a, b) {
    for (let i = 0; i < a.length; i++)
        if ((a[i] & ~b[i]) !== 0)
            return false;
    return true;
}
function isEmpty(a) {
    for (const w of a)
        if (w !== 0)
            return false;
    return true;
}
function bitsKey(a) {
    return Array.from(a, (w) => w.toString(36)).join(",");
}

;// CONCATENATED MODULE: ./build/action/src/search/cond.js


/**
 * Divide and conquer in the style of EUSolver: terms that are right on some examples, predicates that separate
 * examples, and a small decision tree combining them. Prefers the cheapest tree (so that it generalizes rather
 * than splitting example by example).
 */
class CondSolver {
    en;
    target;
    startNt;
    opts;
    terms = new Map();
    preds = [];
    predKeys = new Set();
    E;
    dirty = false;
    constructor(en, target, startNt, opts) {
        this.en = en;
        this.target = target;
        this.startNt = startNt;
        this.opts = opts;
        this.E = target.length;
        en.onMainEntry((entry, vec) => this.observe(entry, vec));
    }
    observe(entry, vec) {
        const bank = this.en.main.bank;
        const nt = bank.nt.data[entry];
        const cost = bank.cost.data[entry];
        if (nt === this.startNt) {
            const bits = bitsOf(this.E);
            for (let e = 0; e < this.E; e++)
                if (vec[e] === this.target[e])
                    setBit(bits, e);
            const n = popcount(bits);
            if (n === 0 || n === this.E)
                return;
            const k = bitsKey(bits);
            if (!this.terms.has(k)) {
                this.terms.set(k, { entry, cost, bits });
                this.dirty = true;
            }
        }
        if (nt === this.opts.boolNt && this.preds.length < 4000) {
            const bits = this.en.truthBits(entry);
            if (!bits)
                return;
            const n = popcount(bits);
            if (n === 0 || n === this.E)
                return;
            const k = bitsKey(bits);
            // A predicate and its negation split alike: keep the cheaper (the first seen).
            const neg = bitsKey(andNot(allBits(this.E), bits));
            if (this.predKeys.has(k) || this.predKeys.has(neg))
                return;
            this.predKeys.add(k);
            this.preds.push({ entry, cost, bits });
            this.dirty = true;
        }
    }
    /** The cheapest conditional program found with cost at most `maxCost`, if any (only recomputed after changes). */
    solve(maxCost) {
        if (!this.dirty || (this.terms.size < 2 && !this.opts.leafSynth) || this.preds.length === 0)
            return undefined;
        this.dirty = false;
        this.synthCache.clear();
        const all = allBits(this.E);
        const maxLeaves = this.opts.maxLeaves ?? Math.max(2, Math.floor(this.E / 2));
        const tree = this.learn(all, this.opts.maxDepth ?? 3, maxCost, maxLeaves);
        if (!tree || tree.cost > maxCost)
            return undefined;
        return { expr: this.toExpr(tree), cost: tree.cost };
    }
    learn(S, depth, budget, maxLeaves) {
        const leaf = this.bestLeaf(S);
        if (leaf)
            return leaf.cost <= budget ? { leaf, cost: leaf.cost, leaves: 1 } : undefined;
        const built = this.synthLeaf(S, budget);
        if (built)
            return { built: built.expr, cost: built.cost, leaves: 1 };
        if (depth === 0 || maxLeaves < 2)
            return undefined;
        let best;
        for (const p of this.rankPreds(S)) {
            const yesSet = bitset_and(S, p.bits);
            const noSet = andNot(S, p.bits);
            const left = budget - this.opts.ifCost - p.cost;
            if (left <= 0)
                continue;
            const yes = this.learn(yesSet, depth - 1, left, maxLeaves - 1);
            if (!yes)
                continue;
            const no = this.learn(noSet, depth - 1, left - yes.cost, maxLeaves - yes.leaves);
            if (!no)
                continue;
            const cost = this.opts.ifCost + p.cost + yes.cost + no.cost;
            if (!best || cost < best.cost)
                best = { pred: p, yes, no, cost, leaves: yes.leaves + no.leaves };
        }
        return best;
    }
    synthCache = new Map();
    /** A synthesized leaf for S (a proper subset of the examples), cached per subset within one solve. */
    synthLeaf(S, budget) {
        const synth = this.opts.leafSynth;
        if (!synth || popcount(S) === this.E)
            return undefined;
        const key = bitsKey(S);
        if (!this.synthCache.has(key)) {
            const on = [];
            for (let e = 0; e < this.E; e++)
                if ((S[e >>> 5] >>> (e & 31)) & 1)
                    on.push(e);
            this.synthCache.set(key, synth(on, budget) ?? undefined);
        }
        const r = this.synthCache.get(key);
        return r && r.cost <= budget ? r : undefined;
    }
    bestLeaf(S) {
        let best;
        for (const t of this.terms.values())
            if (subset(S, t.bits) && (!best || t.cost < best.cost))
                best = t;
        return best;
    }
    /** Predicates that split S, ranked by how well one term can cover each side (then by cost). */
    rankPreds(S) {
        const scored = [];
        for (const p of this.preds) {
            const yes = bitset_and(S, p.bits);
            const no = andNot(S, p.bits);
            if (isEmpty(yes) || isEmpty(no))
                continue;
            scored.push({ p, score: this.cover(yes) + this.cover(no) });
        }
        scored.sort((a, b) => b.score - a.score || a.p.cost - b.p.cost);
        return scored.slice(0, this.opts.beam ?? 3).map((s) => s.p);
    }
    /** The most examples of S a single term gets right. */
    cover(S) {
        let best = 0;
        for (const t of this.terms.values()) {
            const n = popcount(bitset_and(S, t.bits));
            if (n > best)
                best = n;
        }
        return best;
    }
    toExpr(t) {
        if ("leaf" in t)
            return this.en.toExpr(0, t.leaf.entry);
        if ("built" in t)
            return t.built;
        const then = this.toExpr(t.yes);
        const type = then.type;
        return call(this.opts.ifOp ?? "if", type, this.en.toExpr(0, t.pred.entry), then, this.toExpr(t.no));
    }
}
/** Primitives that are conditionals `(cond, then, else)`, as divide and conquer builds them. */
const CONDITIONALS = new Set(["if", "smt.ite"]);
/**
 * The grammar's conditional at the start nonterminal, `start -> if(bool, start, start)`, and the nonterminal of its
 * conditions (the predicates divide and conquer may use), when the grammar has one. A conditional whose branches
 * are other nonterminals does not qualify: the trees built from start terms would leave the grammar.
 */
function conditionalOf(g) {
    for (const p of g.prods) {
        if (p.kind !== "op" || p.lhs !== g.start || !CONDITIONALS.has(p.prim.name))
            continue;
        const [cond, yes, no] = p.args;
        if (cond !== undefined && yes === g.start && no === g.start && g.nts[cond]?.type.kind === "bool")
            return { prod: p, boolNt: cond };
    }
    return undefined;
}
function allBits(n) {
    const b = bitsOf(n);
    for (let i = 0; i < n; i++)
        setBit(b, i);
    return b;
}

;// CONCATENATED MODULE: ./build/action/src/search/bank.js
/**
 * The value bank of one evaluation context: every kept program (an "entry") with its value vector, stored in
 * flat typed arrays (no object per entry), bucketed by nonterminal and cost, with an integer-hash
 * observational-equivalence table per nonterminal.
 *
 * Value vectors are Float64Arrays: numeric nonterminals store the numbers themselves, the others store interned
 * ids (see src/search/encode.ts). Vectors are identified by a 64-bit fingerprint of their bits (see OETable).
 *
 * Invariants: entries are added in non-decreasing cost order; within a nonterminal no two entries have equal
 * value vectors (the first, cheapest, wins), up to fingerprint collisions (about 2^-64 per probe).
 */
/** A growable Int32Array. */
class IntVec {
    data;
    length = 0;
    constructor(capacity = 1024) {
        this.data = new Int32Array(capacity);
    }
    push(v) {
        if (this.length === this.data.length)
            this.grow(this.length + 1);
        this.data[this.length++] = v;
    }
    grow(min) {
        let cap = this.data.length * 2;
        while (cap < min)
            cap *= 2;
        const d = new Int32Array(cap);
        d.set(this.data.subarray(0, this.length));
        this.data = d;
    }
}
/**
 * A growable Float64Array. (No Int32Array view of its bytes: reading `.buffer` moves a small typed array's storage
 * off V8's heap, which made every new bucket cost a separate allocation.)
 */
class F64Vec {
    data;
    length = 0;
    constructor(capacity = 1024) {
        this.data = new Float64Array(capacity);
    }
    /** Makes room for `n` more values and returns the offset where they go. */
    reserve(n) {
        if (this.length + n > this.data.length) {
            let cap = this.data.length * 2;
            while (cap < this.length + n)
                cap *= 2;
            const d = new Float64Array(cap);
            d.set(this.data.subarray(0, this.length));
            this.data = d;
        }
        const at = this.length;
        this.length += n;
        return at;
    }
}
/*
 * Vector fingerprints: two independent 32-bit hashes over the 32-bit halves of a vector's doubles.
 *
 * Each word goes through a full mixing round before it is combined (murmur3's block round for the first hash, an
 * xxHash32-style round for the second). A plain multiply chain (FNV over whole words) is not enough: multiplying by
 * an odd constant only carries a difference upward, so a flipped sign bit stays the top bit and two of them cancel
 * ((0, 7, -4) and (0, -7, 4) collided in both hashes for every seed). The rotations bring high bits down.
 */
const M1 = 0xcc9e2d51 | 0;
const M2 = 0x1b873593 | 0;
const X1 = 0x9e3779b1 | 0;
const X2 = 0x85ebca77 | 0;
function basis1(seed) {
    return (0x811c9dc5 ^ seed) | 0;
}
function basis2(seed) {
    return (0x27d4eb2f ^ Math.imul(seed, 0x165667b1)) | 0;
}
function fmix1(h, n) {
    h ^= n;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) | 0;
}
function fmix2(h, n) {
    h = (h + n) | 0;
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    h = Math.imul(h, 0x297a2d39);
    return (h ^ (h >>> 15)) | 0;
}
/** The first fingerprint hash of `n` doubles starting at double offset `off` (`bits` is their Int32 view). */
function hashBits(bits, off, n, seed) {
    let h = basis1(seed);
    const end = 2 * (off + n);
    for (let i = 2 * off; i < end; i++) {
        let k = Math.imul(bits[i], M1);
        k = (k << 15) | (k >>> 17);
        h ^= Math.imul(k, M2);
        h = (h << 13) | (h >>> 19);
        h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    }
    return fmix1(h, 2 * n);
}
/**
 * The second fingerprint hash of the same words, independent of hashBits (other constants, rounds and finalizer):
 * with hashBits it makes a 64-bit fingerprint of a vector.
 */
function hashBits2(bits, off, n, seed) {
    let h = basis2(seed);
    const end = 2 * (off + n);
    for (let i = 2 * off; i < end; i++) {
        h = (h + Math.imul(bits[i], X2)) | 0;
        h = (h << 13) | (h >>> 19);
        h = Math.imul(h, X1);
    }
    return fmix2(h, 2 * n);
}
/**
 * hashBits and hashBits2 of `n` vectors of `rows` doubles each, stored one after another in `bits` (the Int32 view
 * of their bytes), in one pass over the words: `h[k]`, `h2[k]` are exactly hashBits(bits, k * rows, rows, seed) and
 * hashBits2(bits, k * rows, rows, seed). The two chains are independent, so the processor runs them side by side.
 */
function hashBatch(bits, n, rows, seed, h, h2) {
    const b1 = basis1(seed);
    const b2 = basis2(seed);
    for (let k = 0; k < n; k++) {
        let a = b1;
        let c = b2;
        const end = 2 * (k + 1) * rows;
        for (let i = 2 * k * rows; i < end; i++) {
            const w = bits[i];
            let x = Math.imul(w, M1);
            x = (x << 15) | (x >>> 17);
            a ^= Math.imul(x, M2);
            a = (a << 13) | (a >>> 19);
            a = (Math.imul(a, 5) + 0xe6546b64) | 0;
            c = (c + Math.imul(w, X2)) | 0;
            c = (c << 13) | (c >>> 19);
            c = Math.imul(c, X1);
        }
        h[k] = fmix1(a, 2 * rows);
        h2[k] = fmix2(c, 2 * rows);
    }
}
const NO_SLOTS = new Int32Array(0);
/**
 * Open-addressing set of entries keyed by value vector (observational equivalence). Each slot holds the entry + 1
 * (0 = empty) and the vector's 64-bit fingerprint (two independent 32-bit hashes) in 16 bytes, so a probe touches
 * one cache line and never the bank: vectors with equal fingerprints are taken as equal. Two different vectors
 * share a fingerprint with probability about 2^-64 per probe; the cost of such a collision would be one pruned
 * candidate (a missed program, never a wrong one: programs are checked on the examples).
 */
class OETable {
    /** Allocated on the first insert: most nonterminals of a comprehension context's bank never hold an entry. */
    slots = NO_SLOTS;
    count = 0;
    /** The entry with this fingerprint, or -1. */
    find(h, h2) {
        if (this.count === 0)
            return -1;
        const slots = this.slots;
        const mask = (slots.length >> 2) - 1;
        for (let i = h & mask;; i = (i + 1) & mask) {
            const s = slots[4 * i];
            if (s === 0)
                return -1;
            if (slots[4 * i + 1] === h && slots[4 * i + 2] === h2)
                return s - 1;
        }
    }
    /**
     * Reads the first slot of each of `n` fingerprints' probe sequences, and nothing else: independent loads the
     * processor overlaps, so that the finds that follow hit the cache instead of waiting for memory one at a time.
     */
    touch(hs, n) {
        if (this.count === 0)
            return 0;
        const slots = this.slots;
        const mask = (slots.length >> 2) - 1;
        let acc = 0;
        for (let k = 0; k < n; k++)
            acc ^= slots[4 * (hs[k] & mask)];
        return acc;
    }
    insert(h, h2, entry) {
        if ((this.count + 1) * 8 > this.slots.length)
            this.rehash();
        this.place(h, h2, entry);
        this.count++;
    }
    get bytes() {
        return this.slots.length * 4;
    }
    place(h, h2, entry) {
        const slots = this.slots;
        const mask = (slots.length >> 2) - 1;
        let i = h & mask;
        while (slots[4 * i] !== 0)
            i = (i + 1) & mask;
        slots[4 * i] = entry + 1;
        slots[4 * i + 1] = h;
        slots[4 * i + 2] = h2;
    }
    rehash() {
        const old = this.slots;
        // 16 slots at first (256 bytes): most tables of a quick search, or of a comprehension context, keep a few entries.
        this.slots = new Int32Array(Math.max(64, old.length * 2));
        for (let i = 0; i < old.length; i += 4)
            if (old[i] !== 0)
                this.place(old[i + 1], old[i + 2], old[i] - 1);
    }
}
/**
 * First capacity of a bank's per-entry arrays (they double as they fill). Small: typed arrays of up to 64 bytes live
 * on V8's heap, larger ones get a separately allocated backing store, and a quick search (most comprehension contexts,
 * too) keeps a few dozen entries; six 256-entry arrays made a bank cost about 30 us to create.
 */
const BANK_INITIAL = 16;
/** First capacity of a bucket's contiguous vectors, in doubles (on V8's heap up to 8). */
const BUCKET_INITIAL = 8;
/** Storage for one context's entries. `rows` is the length of every value vector. */
class Bank {
    rows;
    ntCount;
    indexedRoots;
    vals;
    nt = new IntVec(BANK_INITIAL);
    cost = new IntVec(BANK_INITIAL);
    /** Production index, or a negative code for bound variables (-1 - index). */
    prod = new IntVec(BANK_INITIAL);
    /** Offset of each entry's children in `kids` (children are entry indices; see Enumerator for HOF layout). */
    kidOff = new IntVec(BANK_INITIAL);
    kids = new IntVec(BANK_INITIAL);
    /**
     * 1 when every row of the entry's vector is a number within ±(2^53 - 1) (no NaN error marker, no boxed
     * bigint): integer loops then run on such entries without per-row checks of their inputs.
     */
    plain = new IntVec(BANK_INITIAL);
    /** buckets[nt][cost] = entries of that nonterminal and cost, in insertion order. */
    buckets;
    /**
     * The same buckets' value vectors, contiguous (entry k of the bucket at offset k * rows): the inner loops scan
     * these sequentially instead of jumping around the bank.
     */
    bucketVals;
    /** costs[nt] = the costs whose buckets hold entries, ascending (the enumerator splits budgets over these only). */
    costLists;
    /** Entries by (nonterminal, cost, root production) for the roots in `indexedRoots` (parent-conditioned costs). */
    byRoot = new Map();
    tables;
    /** The nonterminals that have entries, in the order their first entry arrived. */
    filled = [];
    constructor(rows, ntCount, 
    /** 1 for root productions (by index; bound variables use the last slot) that need the byRoot index. */
    indexedRoots) {
        this.rows = rows;
        this.ntCount = ntCount;
        this.indexedRoots = indexedRoots;
        this.vals = new F64Vec(Math.max(BANK_INITIAL, rows * 4));
        this.buckets = Array.from({ length: ntCount }, () => []);
        this.bucketVals = Array.from({ length: ntCount }, () => []);
        this.costLists = Array.from({ length: ntCount }, () => []);
        this.tables = Array.from({ length: ntCount }, () => new OETable());
    }
    get size() {
        return this.nt.length;
    }
    /** Drops the bank's tables of entries (see Enumerator.release); the bank is empty and unusable afterwards. */
    release() {
        this.buckets.length = 0;
        this.bucketVals.length = 0;
        this.costLists.length = 0;
        this.tables.length = 0;
        this.byRoot.clear();
    }
    /** Approximate bytes held by this bank. */
    get bytes() {
        return 2 * this.vals.data.length * 8 + this.size * 24 + this.kids.data.length * 4 + this.tables.reduce((n, t) => n + t.bytes, 0);
    }
    /** The existing entry whose vector has the fingerprint (h, h2) (hashBits, hashBits2 of its bits), or -1. */
    lookup(nt, h, h2) {
        return this.tables[nt].find(h, h2);
    }
    /**
     * Warms the cache for a batch of lookups in nonterminal `nt`'s table (see OETable.touch); returns a value that
     * means nothing (the caller keeps it so that the loads are not optimized away).
     */
    touch(nt, hs, n) {
        return this.tables[nt].touch(hs, n);
    }
    /** Adds an entry (the caller has checked it is new). Returns its index. */
    add(nt, cost, prod, kids, h, h2, vec, voff = 0) {
        const e = this.nt.length;
        this.nt.push(nt);
        this.cost.push(cost);
        this.prod.push(prod);
        this.kidOff.push(this.kids.length);
        for (let i = 0; i < kids.length; i++)
            this.kids.push(kids[i]);
        // Element loops rather than set(subarray(...)): vectors are short, and a subarray is an allocation.
        const R = this.rows;
        const at = this.vals.reserve(R);
        const data = this.vals.data;
        let plain = 1;
        for (let r = 0; r < R; r++) {
            const x = vec[voff + r];
            data[at + r] = x;
            if (!(x <= MAX_SAFE && x >= -MAX_SAFE))
                plain = 0;
        }
        this.plain.push(plain);
        this.tables[nt].insert(h, h2, e);
        const byCost = this.buckets[nt];
        const vecs = this.bucketVals[nt];
        while (byCost.length <= cost)
            byCost.push(EMPTY_BUCKET);
        let bucket = byCost[cost];
        if (bucket === EMPTY_BUCKET) {
            bucket = [];
            byCost[cost] = bucket;
            const costs = this.costLists[nt];
            if (costs.length === 0)
                this.filled.push(nt);
            insertSorted(costs, cost);
        }
        bucket.push(e);
        let bv = vecs[cost];
        if (!bv) {
            bv = new F64Vec(Math.max(BUCKET_INITIAL, this.rows));
            vecs[cost] = bv;
        }
        const bat = bv.reserve(R);
        const bdata = bv.data;
        for (let r = 0; r < R; r++)
            bdata[bat + r] = vec[voff + r];
        const roots = this.indexedRoots;
        if (roots) {
            const r = prod >= 0 ? prod : roots.length - 1;
            if (roots[r] === 1) {
                const key = this.rootKey(nt, cost, r);
                const list = this.byRoot.get(key);
                if (list)
                    list.push(e);
                else
                    this.byRoot.set(key, [e]);
            }
        }
        return e;
    }
    rootKey(nt, cost, root) {
        return (cost * ((this.indexedRoots?.length ?? 0) + 1) + root) * this.ntCount + nt;
    }
    /** Entries of a nonterminal and cost whose root is `root` (only for indexed roots). */
    bucketByRoot(nt, cost, root) {
        return this.byRoot.get(this.rootKey(nt, cost, root)) ?? EMPTY;
    }
    /** The contiguous value vectors of bucket(nt, cost), in the same order. */
    bucketData(nt, cost) {
        return this.bucketVals[nt]?.[cost]?.data ?? EMPTY_F64;
    }
    bucket(nt, cost) {
        return this.buckets[nt]?.[cost] ?? EMPTY;
    }
    /** The costs at which nonterminal `nt` has entries, ascending (owned by the bank: do not modify). */
    costsOf(nt) {
        return this.costLists[nt] ?? EMPTY;
    }
    kidsOf(entry) {
        const start = this.kidOff.data[entry];
        const end = entry + 1 < this.size ? this.kidOff.data[entry + 1] : this.kids.length;
        return Array.from(this.kids.data.subarray(start, end));
    }
    /** The encoded value (number or interned id, see encode.ts) of an entry at a row. */
    raw(entry, row) {
        return this.vals.data[entry * this.rows + row];
    }
}
const EMPTY = [];
/** Placeholder of a cost with no entries yet (shared, never pushed to). */
const EMPTY_BUCKET = [];
function insertSorted(xs, x) {
    let i = xs.length;
    while (i > 0 && xs[i - 1] > x)
        i--;
    xs.splice(i, 0, x);
}
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const EMPTY_F64 = new Float64Array(0);

;// CONCATENATED MODULE: ./build/action/src/search/intern.js

/** Id of "evaluation raised" (any exception: the search does not distinguish them). */
const intern_ERR_ID = 0;
const FALSE_ID = 1;
const TRUE_ID = 2;
const NONE_ID = 3;
const SMALL_MIN = -1024;
const SMALL_MAX = 8192;
const NO_SMALL = new Int32Array(0);
const DEFAULT_SEARCH_LIMITS = { maxStr: 1000, maxList: 300, maxIntAbs: 2n ** 256n };
/** Limits for a problem: defaults, raised to 4x the longest string and list found in its examples. */
function limitsFor(samples) {
    let str = 0;
    let lst = 0;
    const visit = (v, depth) => {
        if (typeof v === "string")
            str = Math.max(str, v.length);
        else if (Array.isArray(v)) {
            lst = Math.max(lst, v.length);
            if (depth < 3)
                for (const x of v)
                    visit(x, depth + 1);
        }
    };
    for (const v of samples)
        visit(v, 0);
    return { maxStr: Math.max(DEFAULT_SEARCH_LIMITS.maxStr, 4 * str), maxList: Math.max(DEFAULT_SEARCH_LIMITS.maxList, 4 * lst), maxIntAbs: DEFAULT_SEARCH_LIMITS.maxIntAbs };
}
/**
 * Interns values: every distinct value gets a small integer id, so value vectors are Int32Arrays and
 * observational equivalence compares integers. Equal values (Python ==, within one type) share an id.
 *
 * Also estimates the memory held by the values (for the search's memory budget).
 */
class Interner {
    limits;
    values = [new values_PyError("Error"), false, true, null];
    nums = new Map();
    strs = new Map();
    bigs = new Map();
    others = new Map();
    /** Plain lists by plainHash: the first id with that hash, and any later ones (hash collisions). */
    plainHeads = new Map();
    plainMore = new Map();
    /**
     * Ids of small ints by value - SMALL_MIN (0 = not yet interned): the hottest lookups skip the Map. Made on the first
     * small int (36 KB: many quick searches never intern one).
     */
    small = NO_SMALL;
    /** Approximate bytes held by interned values. */
    bytes = 64;
    constructor(limits = DEFAULT_SEARCH_LIMITS) {
        this.limits = limits;
    }
    get size() {
        return this.values.length;
    }
    /** Drops every interned value (see Enumerator.release); ids are meaningless afterwards. */
    release() {
        this.values.length = 0;
        this.nums.clear();
        this.strs.clear();
        this.bigs.clear();
        this.others.clear();
        this.plainHeads.clear();
        this.plainMore.clear();
        this.small = NO_SMALL;
    }
    /** The id of a value (adding it if new). Errors all map to ERR_ID. */
    id(v) {
        switch (typeof v) {
            case "string":
                return this.str(v);
            case "number":
                return this.num(v);
            case "boolean":
                return v ? TRUE_ID : FALSE_ID;
            case "bigint":
                return this.big(v);
            default:
                if (v === null)
                    return NONE_ID;
                if (v instanceof values_PyError)
                    return intern_ERR_ID;
                return this.other(v);
        }
    }
    str(s) {
        if (s.length > this.limits.maxStr)
            return intern_ERR_ID;
        let id = this.strs.get(s);
        if (id === undefined) {
            id = this.values.length;
            this.values.push(s);
            this.strs.set(s, id);
            this.bytes += 48 + 2 * s.length;
        }
        return id;
    }
    num(x) {
        if ((x | 0) === x && x >= SMALL_MIN && x < SMALL_MAX && !Object.is(x, -0)) {
            const k = x - SMALL_MIN;
            let small = this.small;
            if (small.length === 0) {
                small = new Int32Array(SMALL_MAX - SMALL_MIN);
                this.small = small;
            }
            const cached = small[k];
            if (cached !== 0)
                return cached;
            const id = this.numSlow(x);
            small[k] = id;
            return id;
        }
        return this.numSlow(x);
    }
    numSlow(x) {
        let id = this.nums.get(x);
        if (id === undefined) {
            id = this.values.length;
            this.values.push(x);
            this.nums.set(x, id);
            this.bytes += 40;
        }
        return id;
    }
    big(x) {
        if (x > this.limits.maxIntAbs || x < -this.limits.maxIntAbs)
            return intern_ERR_ID;
        let id = this.bigs.get(x);
        if (id === undefined) {
            id = this.values.length;
            this.values.push(x);
            this.bigs.set(x, id);
            this.bytes += 64;
        }
        return id;
    }
    other(v) {
        if (Array.isArray(v)) {
            if (v.length > this.limits.maxList)
                return intern_ERR_ID;
            const h = plainHash(v, 0);
            if (h !== undefined)
                return this.plain(v, h);
        }
        const key = hashKey(v);
        let id = this.others.get(key);
        if (id === undefined) {
            id = this.values.length;
            this.values.push(v);
            this.others.set(key, id);
            this.bytes += 64 + 3 * key.length + sizeOf(v);
        }
        return id;
    }
    /**
     * Lists and tuples of plain JSON values (the common case): found by a numeric hash and compared element by
     * element, with no key string built. A list of lists of ints is a typical search value, and building its key was
     * the largest single cost of a quick list search.
     */
    plain(v, h) {
        const head = this.plainHeads.get(h);
        if (head === undefined)
            return this.addPlain(v, h, undefined);
        if (plainEqual(this.values[head], v, 0))
            return head;
        const more = this.plainMore.get(h);
        if (more !== undefined)
            for (const id of more)
                if (plainEqual(this.values[id], v, 0))
                    return id;
        return this.addPlain(v, h, more ?? []);
    }
    addPlain(v, h, more) {
        const id = this.values.length;
        this.values.push(v);
        if (more === undefined)
            this.plainHeads.set(h, id);
        else {
            more.push(id);
            this.plainMore.set(h, more);
        }
        this.bytes += 64 + 2 * plainChars + sizeOf(v);
        return id;
    }
    /** The value behind an id (ERR_ID gives a generic PyError). */
    get(id) {
        return this.values[id];
    }
}
/** Characters (strings) and elements seen by the last plainHash, for the memory estimate. */
let plainChars = 0;
/**
 * A 32-bit hash of a list or tuple (nested up to 3 deep) whose items are strings, finite numbers, bools, None and
 * such lists; undefined for anything else (ints beyond 2^53, floats inf and nan, sets, dicts), which are keyed by
 * hashKey. Values equal under plainEqual hash alike: -0 and 0 hash as the int 0; true and 1 differ, as they are
 * different types and each type has its own nonterminals.
 */
function plainHash(v, depth = 0) {
    if (depth === 0)
        plainChars = 0;
    if (depth > 3)
        return undefined;
    let h = Math.imul(0x9e3779b1, v.length + 1) ^ depth;
    plainChars += v.length;
    for (const x of v) {
        switch (typeof x) {
            case "number": {
                if ((x | 0) === x)
                    h = mix(h, x);
                else {
                    if (!Number.isFinite(x))
                        return undefined;
                    F64[0] = x;
                    h = mix(mix(h, U32[0]), U32[1]);
                }
                break;
            }
            case "string": {
                h = mix(h, 0x5bd1e995 ^ x.length);
                for (let i = 0; i < x.length; i++)
                    h = mix(h, x.charCodeAt(i));
                plainChars += x.length;
                break;
            }
            case "boolean":
                h = mix(h, x ? 0x27d4eb2f : 0x165667b1);
                break;
            default: {
                if (x === null)
                    h = mix(h, 0x3c6ef372);
                else if (Array.isArray(x)) {
                    const inner = plainHash(x, depth + 1);
                    if (inner === undefined)
                        return undefined;
                    h = mix(h, inner);
                }
                else
                    return undefined;
            }
        }
    }
    return h;
}
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** One murmur3 block round: every bit of `x` reaches the whole state, so similar lists spread apart. */
function mix(h, x) {
    let k = Math.imul(x, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
/** Equality of two values plainHash accepts: the same structure with === items (so -0 equals 0). */
function plainEqual(a, b, depth) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++) {
        const x = a[i];
        const y = b[i];
        if (x === y)
            continue;
        if (depth < 3 && Array.isArray(x) && Array.isArray(y) && plainEqual(x, y, depth + 1))
            continue;
        return false;
    }
    return true;
}
function sizeOf(v) {
    if (Array.isArray(v))
        return 16 + 8 * v.length;
    if (v instanceof values_PySet)
        return 64 + 24 * v.size;
    if (v instanceof values_PyDict)
        return 96 + 32 * v.size;
    return 16;
}

;// CONCATENATED MODULE: ./build/action/src/search/encode.js


/**
 * How a nonterminal's values are stored in a bank's Float64Array:
 *
 * - `INT`: the int itself when it is a safe integer; an int beyond 2^53 (a bigint) is interned and stored
 *   "boxed" as 2^53 + 2·id (a double no safe int can be); NaN means the evaluation raised.
 * - `FLOAT`: the float itself, with -0.0 stored as 0.0 (equal in Python); NaN means raised (a genuine float nan
 *   counts as an error during search; the final program is checked in Python anyway).
 * - `REF`: the interned id of the value (bools, strings, containers); ERR_ID (0) means raised.
 *
 * Numbers skip interning entirely, which is what makes arithmetic candidates cheap.
 */
const Kind = { REF: 0, INT: 1, FLOAT: 2 };
const BOX_BASE = 2 ** 53;
const encode_MAX_SAFE = Number.MAX_SAFE_INTEGER;
function kindOf(t) {
    return t.kind === "int" ? Kind.INT : t.kind === "float" ? Kind.FLOAT : Kind.REF;
}
/** The encoded form of a result for a nonterminal of kind `k`. */
function encode(k, r, interner) {
    if (k === Kind.REF)
        return interner.id(r);
    if (typeof r === "number") {
        if (r !== r)
            return NaN;
        return r + 0;
    }
    if (typeof r === "bigint") {
        const id = interner.id(r);
        return id === intern_ERR_ID ? NaN : BOX_BASE + 2 * id;
    }
    if (typeof r === "boolean")
        return r ? 1 : 0;
    return NaN;
}
/** True when an encoded value of kind `k` means "the evaluation raised". */
function isErr(k, x) {
    return k === Kind.REF ? x === ERR_ID : x !== x;
}
/** The value behind an encoded number (the interner's generic PyError for errors). */
function decode(k, x, vals) {
    if (k === Kind.REF)
        return vals[x];
    if (x !== x)
        return vals[intern_ERR_ID];
    if (k === Kind.INT && (x > encode_MAX_SAFE || x < -encode_MAX_SAFE))
        return vals[(x - BOX_BASE) / 2];
    return x;
}
/** Like decode, for callers that know the value is not an error. */
function decodeValue(k, x, vals) {
    return decode(k, x, vals);
}
function isPyError(r) {
    return r instanceof PyError;
}

;// CONCATENATED MODULE: ./build/action/src/search/grammar.js


/**
 * A production as an object of one fixed shape, whatever its kind: the enumerator reads productions of every kind
 * in the same loops, and objects of five shapes would make each of those property reads megamorphic (V8), which
 * cost about half a millisecond per search in the enumerator's set-up alone.
 */
function makeProduction(d, cost) {
    // Each kind's fields are read in a branch of its own: drafts of one kind share a shape, so every read stays
    // monomorphic (reading all fields of all drafts at one site cost about 50 us per grammar).
    switch (d.kind) {
        case "var":
            return shaped(d.kind, d.lhs, cost, d.key, d.name, undefined, undefined, undefined, undefined, undefined, undefined);
        case "const":
            return shaped(d.kind, d.lhs, cost, d.key, undefined, d.value, undefined, undefined, undefined, undefined, undefined);
        case "seed":
            return shaped(d.kind, d.lhs, cost, d.key, undefined, undefined, d.expr, undefined, undefined, undefined, undefined);
        case "op":
            return shaped(d.kind, d.lhs, cost, d.key, undefined, undefined, undefined, d.prim, d.args, undefined, undefined);
        case "hof":
            return shaped(d.kind, d.lhs, cost, d.key, undefined, undefined, undefined, d.prim, undefined, d.source, d.bodies);
    }
}
function shaped(kind, lhs, cost, key, name, value, expr, prim, args, source, bodies) {
    return { kind, lhs, cost, key, name, value, expr, prim, args, source, bodies };
}
/** Cost units per bit of -log2 probability. Finer units order programs more precisely but add levels. */
const COST_SCALE = 2;
/** True when `t` satisfies a type variable's constraint. */
function satisfies(t, c) {
    switch (c) {
        case "any":
            return t.kind !== "none" && t.kind !== "optional";
        case "orderable":
            return isOrderable(t);
        case "hashable":
            return isHashable(t) && t.kind !== "none" && t.kind !== "optional";
        case "seq":
            return t.kind === "str" || t.kind === "list" || t.kind === "vtuple";
        case "listlike":
            return t.kind === "list" || t.kind === "vtuple";
        case "iterable":
            return t.kind === "str" || t.kind === "list" || t.kind === "vtuple" || t.kind === "dict";
        case "dict":
            return t.kind === "dict";
        case "set":
            return t.kind === "set";
        case "tuple":
            return t.kind === "tuple";
    }
}
/** Every instantiation of a primitive's type variables over `universe` whose types all lie in the universe. */
function instantiate(p, universe, has) {
    const vars = Object.entries(p.vars ?? {});
    const out = [];
    const assign = (i, tv) => {
        if (i === vars.length) {
            const s = p.sig(tv);
            if (!s || !has(s.ret))
                return;
            const args = [];
            const lambdas = [];
            for (const a of s.args) {
                if (isLambdaArg(a))
                    lambdas.push(a.ret);
                else
                    args.push(a);
            }
            if (!args.every(has) || !lambdas.every(has))
                return;
            if (lambdas.length > 0) {
                const src = args[0];
                const el = src ? iterElement(src) : undefined;
                if (!src || !el || args.length !== 1 || !elementTypesIn(el, has))
                    return;
            }
            out.push({ args, lambdas, ret: s.ret });
            return;
        }
        const [name, constraint] = vars[i];
        for (const t of universe)
            if (satisfies(t, constraint))
                assign(i + 1, { ...tv, [name]: t });
    };
    assign(0, {});
    return out;
}
/** Bound variables of a comprehension over elements of type `el` must have nonterminals. */
function elementTypesIn(el, has) {
    return has(el) && (el.kind !== "tuple" || el.els.every(has));
}
/** Converts unnormalized log2-weights per production into integer costs, normalized per left-hand side. */
function normalizeCosts(weights, lhs) {
    let nts = 0;
    for (let i = 0; i < lhs.length; i++)
        nts = Math.max(nts, lhs[i] + 1);
    const total = new Float64Array(nts);
    for (let i = 0; i < weights.length; i++) {
        const l = lhs[i] ?? 0;
        total[l] = total[l] + grammar_pow2(weights[i]);
    }
    const out = new Array(weights.length);
    for (let i = 0; i < weights.length; i++) {
        out[i] = costOf(Math.log2(total[lhs[i] ?? 0]) - weights[i]);
    }
    return out;
}
/**
 * 2 ** x, computed as exp(x ln 2): V8's general power routine takes about four times as long, and grammar set-up
 * raises a few hundred weights per search. (The two may differ in the last bit.)
 */
function grammar_pow2(x) {
    return Math.exp(x * Math.LN2);
}
/** A production's integer cost from its -log2 probability (bits): at least 1, so every level is finite. */
function costOf(bits) {
    return Math.max(1, Math.round(bits * COST_SCALE));
}


;// CONCATENATED MODULE: ./build/action/src/search/memo.js
/**
 * The memo table of one search: primitive results by (production, argument ids), with no allocation per lookup:
 * open addressing over one Int32Array of keys and one Float64Array of results. One table serves every memoized
 * production: a table per production cost a few kilobytes each on first use, and a search that touches a hundred
 * productions a few times each spent more time collecting those tables than it saved. A table that grows past its
 * limit is cleared (memoization is a cache, never needed for correctness).
 */
class IdMemo {
    limit;
    initial;
    /** Per slot: argument a (EMPTY when free), argument b, production. */
    keys = NO_KEYS;
    vals = NO_VALS;
    count = 0;
    /**
     * @param limit most slots (a power of two); a full table at the limit is cleared
     * @param initial slots allocated on the first set (a power of two)
     */
    constructor(limit = 1 << 22, initial = 1024) {
        this.limit = limit;
        this.initial = initial;
    }
    /** The memoized encoded result of production p on (a, b) (b = 0 for one argument), or undefined. `a` must not be EMPTY. */
    get(p, a, b) {
        if (this.count === 0)
            return undefined;
        const mask = this.vals.length - 1;
        const k = this.keys;
        for (let i = memo_mix(p, a, b) & mask;; i = (i + 1) & mask) {
            const o = 3 * i;
            const x = k[o];
            if (x === memo_EMPTY)
                return undefined;
            if (x === a && k[o + 1] === b && k[o + 2] === p)
                return this.vals[i];
        }
    }
    set(p, a, b, id) {
        if (this.vals.length === 0)
            this.allocate(Math.min(this.initial, this.limit));
        else if ((this.count + 1) * 2 > this.vals.length) {
            if (this.vals.length >= this.limit)
                this.clear();
            else
                this.grow();
        }
        this.place(p, a, b, id);
        this.count++;
    }
    /** Entries held. */
    get size() {
        return this.count;
    }
    get bytes() {
        return this.keys.length * 4 + this.vals.length * 8;
    }
    allocate(slots) {
        this.keys = new Int32Array(3 * slots).fill(memo_EMPTY);
        this.vals = new Float64Array(slots);
    }
    place(p, a, b, id) {
        const mask = this.vals.length - 1;
        const k = this.keys;
        let i = memo_mix(p, a, b) & mask;
        while (k[3 * i] !== memo_EMPTY)
            i = (i + 1) & mask;
        k[3 * i] = a;
        k[3 * i + 1] = b;
        k[3 * i + 2] = p;
        this.vals[i] = id;
    }
    clear() {
        this.keys.fill(memo_EMPTY);
        this.count = 0;
    }
    grow() {
        const oldK = this.keys;
        const oldV = this.vals;
        this.allocate(oldV.length * 2);
        for (let i = 0; i < oldV.length; i++) {
            const a = oldK[3 * i];
            if (a !== memo_EMPTY)
                this.place(oldK[3 * i + 2], a, oldK[3 * i + 1], oldV[i]);
        }
    }
}
const NO_KEYS = new Int32Array(0);
const NO_VALS = new Float64Array(0);
/** The key value marking an empty slot (keys are ids or small ints; this one never occurs as either). */
const memo_EMPTY = -2147483648;
function memo_mix(p, a, b) {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(p + 0x165667b1, 0xc2b2ae35);
    h ^= h >>> 15;
    return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}

;// CONCATENATED MODULE: ./build/action/src/search/enumerator.js










/** Why enumeration stopped early (thrown internally, caught by the caller of `step`). */
class StopSearch {
    kind;
    constructor(kind) {
        this.kind = kind;
    }
}
const BOUND_COST_BITS = 1;
/** Production kinds as the level loop sees them. */
const PK_LEAF = 0;
const PK_OP = 1;
const PK_HOF = 2;
/** Candidates per batch in the integer and conditional loops (see flushBatch). */
const BATCH = 32;
/** Most arguments of a batched candidate. */
const BATCH_ARITY = 3;
/** The union of two ascending lists (no value in both), ascending. */
function mergeSorted(a, b) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length)
        out.push(a[i] < b[j] ? a[i++] : b[j++]);
    while (i < a.length)
        out.push(a[i++]);
    while (j < b.length)
        out.push(b[j++]);
    return out;
}
/** Adds production pi to the productions due at `level` (see Ctx.due). */
function schedule(due, level, pi) {
    while (due.length <= level)
        due.push(undefined);
    const at = due[level];
    if (at)
        at.push(pi);
    else
        due[level] = [pi];
}
/**
 * Bottom-up enumeration by increasing cost with observational equivalence, over the main context (one row
 * per example) and comprehension contexts (one row per element of an iteration source).
 *
 * Value vectors are encoded per nonterminal kind (src/search/encode.ts): numbers as themselves, everything
 * else as interned ids, so equal vectors are equal bit patterns.
 */
class Enumerator {
    grammar;
    paramNames;
    inputs;
    limits;
    interner;
    contexts = [];
    candidates = 0;
    peakBytes = 0;
    /** Encoding kind of each nonterminal. */
    kinds;
    scratchByRows = [];
    scratchBits = [];
    E;
    paramVals;
    boundCost;
    listeners = [];
    minCostByNt;
    /** Per production: 1 when its results are memoized (primitives whose values are costly to build). */
    memoOn;
    /** Memoized results by (production, argument keys), one table for every memoized production. */
    memo = new IdMemo();
    /** Nonterminals that some comprehension can iterate. */
    sourceNts;
    /** 1 for constant productions (indexed by production; bound variables have negative indices: undefined). */
    isConstProd;
    /** Cheapest comprehension production per source nonterminal. */
    minHofCost;
    /** Parent-conditioned cost changes: [production][argument] -> (child root, delta) pairs, or undefined. */
    edges;
    /** Per [production][argument]: 1 for child roots whose cost changes under that parent (to filter buckets). */
    edgeMask;
    /** Root productions any parent re-prices (indexed by the banks); the last slot stands for bound variables. */
    indexedRoots;
    /** Productions a level visits, in grammar order: in the main context, and in comprehension contexts. */
    mainOrder;
    ctxOrder;
    /** Comprehension productions (main context only). */
    hofProds;
    /**
     * Per comprehension production: the contexts (ids, in order of opening) whose source it can iterate (its source
     * nonterminal and binder), filled as contexts open; absent while there is none. A level visits every comprehension
     * production, and most have no context at all.
     */
    hofCtxs = [];
    /** Per production: its cost and kind (PK_*), in flat arrays (the level loop reads nothing else). */
    prodCost;
    prodKind;
    /** Argument nonterminals of each operator production, lambda-body nonterminals of each comprehension (empty for leaves). */
    prodArgs;
    /** Per production with bigram edges: each argument's most negative cost delta (0 when none is negative). */
    minDelta;
    /** Per production: its semantics wrapped by guardedImpl (null: none), made on first use. */
    impls = [];
    /** Per comprehension production: its semantics wrapped by guardedHof (null: none), made on first use. */
    hofImpls = [];
    /** Per production: the encoding kinds of its argument (or body) nonterminals, made on first use. */
    argKinds = [];
    /** Per [production][argument]: the distinct cost deltas of its bigram edges (see argCosts). */
    edgeDeltas;
    constructor(grammar, paramNames, inputs, limits) {
        this.grammar = grammar;
        this.paramNames = paramNames;
        this.inputs = inputs;
        this.limits = limits;
        this.E = inputs.length;
        this.deadline = limits.deadline;
        this.interner = new Interner(limitsFor([...inputs.flat(), ...(limits.samples ?? [])]));
        this.kinds = grammar.nts.map((n) => kindOf(n.type));
        this.paramVals = paramNames.map((name, p) => {
            const k = this.kinds[this.paramNt(name)] ?? Kind.REF;
            return Float64Array.from(inputs, (row) => encode(k, row[p] ?? null, this.interner));
        });
        this.boundCost = boundVarCosts(grammar);
        this.minCostByNt = grammar.nts.map(() => Infinity);
        const costlyNt = Uint8Array.from(grammar.nts, (n) => (CHEAP.has(n.type.kind) ? 0 : 1));
        // One pass filling flat arrays (TypedArray.from with a mapping function and per-production allocations cost
        // more than the rest of the set-up together).
        const P = grammar.prods.length;
        this.isConstProd = new Uint8Array(P);
        this.memoOn = new Uint8Array(P);
        this.prodCost = new Int32Array(P);
        this.prodKind = new Uint8Array(P);
        const prodArgs = new Array(P);
        const main = [];
        const inner = [];
        const hofs = [];
        this.sourceNts = new Uint8Array(grammar.nts.length);
        this.minHofCost = grammar.nts.map(() => Infinity);
        for (let pi = 0; pi < P; pi++) {
            const p = grammar.prods[pi];
            this.isConstProd[pi] = p.kind === "const" ? 1 : 0;
            this.prodCost[pi] = p.cost;
            this.prodKind[pi] = p.kind === "op" ? PK_OP : p.kind === "hof" ? PK_HOF : PK_LEAF;
            if (p.kind === "op" && (p.args.length === 1 || p.args.length === 2) && isCostly(costlyNt, p))
                this.memoOn[pi] = 1;
            // The productions' own arrays (shared by every grammar of a type universe): a copy per production cost more
            // than the rest of this loop.
            prodArgs[pi] = p.kind === "op" ? p.args : p.kind === "hof" ? p.bodies : NO_ARGS;
            // Seeds and comprehensions are built in the main context only; skipInMain productions everywhere else.
            if (p.kind !== "op" || !limits.skipInMain?.(p))
                main.push(pi);
            if (p.kind !== "seed" && p.kind !== "hof")
                inner.push(pi);
            if (p.kind === "hof") {
                hofs.push(pi);
                this.sourceNts[p.source] = 1;
                if (p.cost < this.minHofCost[p.source])
                    this.minHofCost[p.source] = p.cost;
            }
        }
        this.prodArgs = prodArgs;
        this.mainOrder = new Int32Array(main);
        this.ctxOrder = new Int32Array(inner);
        this.hofProds = new Int32Array(hofs);
        const bi = bigramTablesOf(grammar, limits.bigram);
        this.edges = bi.edges;
        this.edgeMask = bi.masks;
        this.indexedRoots = bi.roots;
        this.minDelta = bi.minDelta;
        this.edgeDeltas = bi.edgeDeltas;
        const rowExample = Int32Array.from({ length: this.E }, (_, i) => i);
        const exStart = Int32Array.from({ length: this.E + 1 }, (_, i) => i);
        this.contexts.push({ id: 0, bank: this.newBank(this.E), rows: this.E, rowExample, exStart, bound: [], level: 0, argLists: new Map(), argCostLists: new Map(), ...this.visits(this.mainOrder) });
    }
    /** A new context's level visits (see Ctx.live): leaves wait for their level, operators for their arguments. */
    visits(order) {
        const waiting = new Map();
        const due = [];
        for (let i = 0; i < order.length; i++) {
            const pi = order[i];
            const kind = this.prodKind[pi];
            // A comprehension joins when it gets a context (see openContext).
            if (kind === PK_HOF)
                continue;
            const c = this.prodCost[pi];
            const nt = this.prodArgs[pi][0];
            if (kind === PK_LEAF || nt === undefined) {
                schedule(due, kind === PK_OP ? c + 1 : c, pi);
                continue;
            }
            const list = waiting.get(nt);
            if (list)
                list.push(pi);
            else
                waiting.set(nt, [pi]);
        }
        return { live: [], waiting, filledSeen: 0, due, dueSeen: 0 };
    }
    /**
     * Before level `level` of a context: operators waiting for nonterminals that got their first entries since the
     * last call move on to their next argument nonterminal without entries or, when every argument has some, are
     * due at their first level (fillLevel); then whatever is due by `level` joins the visits, in grammar order. An
     * operator woken during level L by an entry of cost L can have candidates at L + 1 at the earliest (its cost is
     * at least 1), so waking it before the next level misses nothing.
     */
    wake(ctx, level) {
        const bank = ctx.bank;
        const filled = bank.filled;
        for (; ctx.filledSeen < filled.length; ctx.filledSeen++) {
            const nt = filled[ctx.filledSeen];
            const list = ctx.waiting.get(nt);
            if (!list)
                continue;
            ctx.waiting.delete(nt);
            for (const pi of list) {
                const args = this.prodArgs[pi];
                let next = -1;
                for (let i = 0; i < args.length; i++) {
                    const a = args[i];
                    if (bank.costsOf(a).length === 0) {
                        next = a;
                        break;
                    }
                }
                if (next >= 0) {
                    const more = ctx.waiting.get(next);
                    if (more)
                        more.push(pi);
                    else
                        ctx.waiting.set(next, [pi]);
                    continue;
                }
                schedule(ctx.due, Math.max(this.fillLevel(bank, pi, this.prodCost[pi]), level), pi);
            }
        }
        let joined;
        while (ctx.dueSeen < level && ctx.dueSeen < ctx.due.length - 1) {
            const now = ctx.due[++ctx.dueSeen];
            if (!now)
                continue;
            if (joined)
                for (const pi of now)
                    joined.push(pi);
            else
                joined = [...now];
        }
        // Merged into the visits in grammar order (sorting all of them at every join was 3% of a quick search).
        if (joined)
            ctx.live = mergeSorted(ctx.live, joined.length > 1 ? joined.sort((x, y) => x - y) : joined);
    }
    newBank(rows) {
        return new Bank(rows, this.grammar.nts.length, this.indexedRoots.includes(1) ? this.indexedRoots : undefined);
    }
    /**
     * The entries that can fill argument `arg` of production `pi` at cost `k`, with parent-conditioned costs: a child
     * whose root the parent makes likelier counts as cheaper (and the reverse). Without bigram weights for this
     * (production, argument), this is just the (nonterminal, cost) bucket.
     */
    argList(ctx, pi, arg, nt, k) {
        const bank = ctx.bank;
        const edges = this.edges[pi]?.[arg];
        if (!edges)
            return bank.bucket(nt, k);
        const cacheable = arg < MAX_ARGS && k >= 0 && k < MAX_COST_KEY;
        const key = (pi * MAX_ARGS + arg) * MAX_COST_KEY + k;
        const cached = cacheable ? ctx.argLists.get(key) : undefined;
        if (cached)
            return cached;
        const mask = this.edgeMask[pi]?.[arg];
        const roots = bank.prod.data;
        const out = [];
        for (const e of bank.bucket(nt, k)) {
            const r = roots[e];
            if (mask[r >= 0 ? r : mask.length - 1] !== 1)
                out.push(e);
        }
        // Buckets up to the context's last completed level are final; the list is if every bucket it read is.
        let complete = k <= ctx.level;
        for (const ed of edges) {
            const c = k - ed.delta;
            if (c >= 1 && ed.nt === nt) {
                if (c > ctx.level)
                    complete = false;
                for (const e of bank.bucketByRoot(nt, c, ed.root))
                    out.push(e);
            }
        }
        if (complete && cacheable)
            ctx.argLists.set(key, out);
        return out;
    }
    /** When enumeration stops (a search may be given more time and continued: see synthesize's phases). */
    deadline;
    get main() {
        return this.contexts[0];
    }
    onMainEntry(f) {
        this.listeners.push(f);
    }
    /**
     * Drops what the search built (banks, interned values, cached argument lists) once its results are taken. A
     * scavenge during a search may promote its tables to the old generation; dead old objects still count as roots
     * for later scavenges, so without this they would keep the young objects they point to alive until the next full
     * collection (measured: about 10% less time in garbage collection over 57 held-out MBPP specs, in process).
     */
    release() {
        for (const ctx of this.contexts) {
            ctx.bank.release();
            ctx.argLists.clear();
            ctx.argCostLists.clear();
        }
        this.contexts.length = 0;
        this.hofCtxs.length = 0;
        this.interner.release();
        this.listeners = [];
        delete this.onSolution;
    }
    /** The encoded form of a value for nonterminal `nt` (for targets and comparisons). */
    encodeFor(nt, value) {
        return encode(this.kinds[nt] ?? Kind.REF, value, this.interner);
    }
    /** The value of a main-context entry on example e (a PyError when it raised). */
    valueOf(entry, e) {
        const bank = this.main.bank;
        return decode(this.kinds[bank.nt.data[entry]] ?? Kind.REF, bank.raw(entry, e), this.interner.values);
    }
    /** Enumerates one more cost level in every context. Throws StopSearch when a limit is reached. */
    step(level) {
        for (let i = 1; i < this.contexts.length; i++)
            this.catchUp(this.contexts[i], level);
        this.enumerateLevel(this.main, level);
    }
    /**
     * A comprehension body is only useful inside a main-context program that also pays for the source and the
     * comprehension itself, so a context lags the main level by that much: most of its work is never done.
     */
    catchUp(ctx, mainLevel) {
        const src = ctx.source;
        const target = mainLevel - src.cost - (this.minHofCost[src.nt] ?? 0);
        for (let l = ctx.level + 1; l <= target; l++)
            this.enumerateLevel(ctx, l);
    }
    get bytes() {
        let n = this.interner.bytes;
        for (const ctx of this.contexts)
            n += ctx.bank.bytes;
        return n + this.memo.bytes;
    }
    paramNt(name) {
        const p = this.grammar.prods.find((x) => x.kind === "var" && x.name === name);
        return p ? p.lhs : -1;
    }
    // -------------------------------------------------------------------------------------------------------
    // One level of one context
    enumerateLevel(ctx, level) {
        if (ctx.filledSeen < ctx.bank.filled.length || ctx.dueSeen < Math.min(level, ctx.due.length - 1))
            this.wake(ctx, level);
        const prods = this.grammar.prods;
        const cost = this.prodCost;
        const kind = this.prodKind;
        const live = ctx.live;
        let spent = false;
        for (let i = 0; i < live.length; i++) {
            const pi = live[i];
            const c = cost[pi];
            switch (kind[pi]) {
                case PK_LEAF:
                    if (c === level) {
                        const p = prods[pi];
                        const vals = p.kind === "var" ? this.varVals(ctx, p.name) : p.kind === "const" ? this.constVals(ctx, p.lhs, p.value) : this.seedVals(p.lhs, p.expr);
                        this.offer(ctx, pi, p.lhs, level, NO_KIDS, vals);
                    }
                    if (c <= level)
                        spent = true;
                    break;
                case PK_OP:
                    this.enumerateOp(ctx, pi, prods[pi], level - c);
                    break;
                default: {
                    const within = this.hofCtxs[pi];
                    if (level > c)
                        this.enumerateHof(pi, prods[pi], level - c, within);
                }
            }
        }
        // A leaf is offered at its own level only: then it leaves the visits.
        if (spent)
            ctx.live = live.filter((pi) => kind[pi] !== PK_LEAF || cost[pi] > level);
        const bound = ctx.bound;
        for (let i = 0; i < bound.length; i++) {
            const b = bound[i];
            if (this.boundCost[b.nt] === level)
                this.offer(ctx, -1 - i, b.nt, level, NO_KIDS, b.vals);
        }
        ctx.level = level;
    }
    varVals(ctx, name) {
        const perExample = this.paramVals[this.paramNames.indexOf(name)];
        return ctx.id === 0 ? perExample : Float64Array.from(ctx.rowExample, (e) => perExample[e]);
    }
    /** A seed's values on the examples, computed by the interpreter (seeds are whole programs over the parameters). */
    seedVals(nt, expr) {
        return Float64Array.from(this.inputs, (row) => {
            try {
                return this.encodeFor(nt, run(expr, this.paramNames, row));
            }
            catch {
                return this.encodeFor(nt, RESOURCE);
            }
        });
    }
    constVals(ctx, nt, value) {
        return new Float64Array(ctx.rows).fill(this.encodeFor(nt, value));
    }
    scratch(rows) {
        let t = this.scratchByRows[rows];
        if (!t) {
            t = new Float64Array(rows);
            this.scratchByRows[rows] = t;
            this.scratchBits[rows] = new Int32Array(t.buffer);
        }
        return t;
    }
    /**
     * Every way to give each argument a cost summing to `budget` such that every argument has candidates at its
     * cost (`list(i, k)` gives them). Only the costs in `costsAt(i)` are tried for argument i (a superset of the
     * costs where it has candidates, ascending), so the work per call follows the bank's distinct costs, not the
     * budget. Splits are visited in the same order as counting each argument's cost up from 1.
     */
    splits(nts, budget, list, costsAt, f) {
        const n = nts.length;
        if (n === 0)
            return;
        const cands = [];
        for (let i = 0; i < n; i++) {
            const c = costsAt(i);
            if (c.length === 0)
                return;
            cands.push(c);
        }
        // rest[i] = the least total cost of arguments i..n-1.
        const rest = new Array(n + 1).fill(0);
        for (let i = n - 1; i >= 0; i--)
            rest[i] = rest[i + 1] + Math.max(1, cands[i][0]);
        if (rest[0] > budget)
            return;
        const costs = new Array(n).fill(0);
        const lists = new Array(n).fill(EMPTY_LIST);
        // With three or more arguments the same (argument, cost) recurs across splits: lists are computed once.
        const cache = n > 2 ? Array.from({ length: n }, () => []) : undefined;
        const get = (i, k) => {
            if (!cache)
                return list(i, k);
            const row = cache[i];
            let l = row[k];
            if (!l) {
                l = list(i, k);
                row[k] = l;
            }
            return l;
        };
        const go = (i, left) => {
            if (i === n - 1) {
                const l = get(i, left);
                if (l.length > 0) {
                    costs[i] = left;
                    lists[i] = l;
                    f(costs, lists);
                }
                return;
            }
            const c = cands[i];
            const max = left - rest[i + 1];
            for (let j = 0; j < c.length; j++) {
                const k = c[j];
                if (k < 1)
                    continue;
                if (k > max)
                    break;
                const l = get(i, k);
                if (l.length === 0)
                    continue;
                costs[i] = k;
                lists[i] = l;
                go(i + 1, left - k);
            }
        };
        go(0, budget);
    }
    /**
     * The costs at which argument `arg` of production `pi` can have candidates in `bank`: the costs of nonterminal
     * `nt`'s buckets, and those shifted by the parent-conditioned deltas of its bigram edges (see argList).
     */
    argCosts(ctx, pi, arg, nt) {
        const base = ctx.bank.costsOf(nt);
        const deltas = this.edgeDeltas[pi]?.[arg];
        if (!deltas || base.length === 0)
            return base;
        // A nonterminal's cost list only grows (costs are inserted, never removed): its length identifies it.
        const key = pi * MAX_ARGS + arg;
        const cached = arg < MAX_ARGS ? ctx.argCostLists.get(key) : undefined;
        if (cached && cached.n === base.length)
            return cached.costs;
        const out = new Set(base);
        for (const d of deltas)
            for (const c of base)
                out.add(c + d);
        const costs = [...out].sort((a, b) => a - b);
        if (arg < MAX_ARGS)
            ctx.argCostLists.set(key, { n: base.length, costs });
        return costs;
    }
    /**
     * The first level at which operator production pi (cost c) can have candidates in `bank`: c plus its arguments'
     * least costs (lowered by the most negative bigram delta), or 0 while some argument's nonterminal has no entry.
     * Most productions wait many levels for it, above all in comprehension contexts, whose banks hold few nonterminals.
     */
    fillLevel(bank, pi, c) {
        const args = this.prodArgs[pi];
        const lows = this.minDelta[pi];
        let least = 0;
        for (let i = 0; i < args.length; i++) {
            const first = bank.costsOf(args[i])[0];
            if (first === undefined)
                return 0;
            least += first + (lows ? lows[i] : 0);
        }
        return c + Math.max(1, least);
    }
    enumerateOp(ctx, pi, p, budget) {
        let impl = this.impls[pi];
        if (impl === undefined) {
            impl = guardedImpl(p.prim.impl, p.args.length) ?? null;
            const size = p.prim.size;
            if (impl && size) {
                const { maxList, maxStr } = this.interner.limits;
                impl = sizeGuarded(impl, size, this.grammar.nts[p.lhs]?.type.kind === "str" ? maxStr : maxList, p.args.length);
            }
            this.impls[pi] = impl;
        }
        if (!impl)
            return;
        if (p.args.length === 1) {
            const list = this.argList(ctx, pi, 0, p.args[0], budget);
            if (list.length > 0)
                this.loop1(ctx, pi, p, budget, impl, list);
            return;
        }
        if (p.args.length === 2) {
            this.enumerateOp2(ctx, pi, p, budget, impl);
            return;
        }
        this.splits(p.args, budget, (i, k) => this.argList(ctx, pi, i, p.args[i], k), (i) => this.argCosts(ctx, pi, i, p.args[i]), (costs, lists) => {
            if (p.prim.select && p.args.length === 3)
                this.loopSelect(ctx, pi, p, costs, lists);
            else
                this.loopN(ctx, pi, p, costs, impl, lists);
        });
    }
    /**
     * enumerateOp for two arguments, the commonest case: the splits of `splits` (the same ones, in the same order)
     * without the closures and arrays it allocates on every call, for every operator at every level.
     */
    enumerateOp2(ctx, pi, p, budget, impl) {
        const a0 = p.args[0];
        const a1 = p.args[1];
        const c0 = this.argCosts(ctx, pi, 0, a0);
        if (c0.length === 0)
            return;
        const c1 = this.argCosts(ctx, pi, 1, a1);
        if (c1.length === 0)
            return;
        const max = budget - Math.max(1, c1[0]);
        let costs;
        let lists;
        for (let j = 0; j < c0.length; j++) {
            const k = c0[j];
            if (k < 1)
                continue;
            if (k > max)
                break;
            const l0 = this.argList(ctx, pi, 0, a0, k);
            if (l0.length === 0)
                continue;
            const l1 = this.argList(ctx, pi, 1, a1, budget - k);
            if (l1.length === 0)
                continue;
            // loop2 reads both arrays before it offers anything, so one pair serves every split of this call.
            costs ??= [0, 0];
            lists ??= [EMPTY_LIST, EMPTY_LIST];
            costs[0] = k;
            costs[1] = budget - k;
            lists[0] = l0;
            lists[1] = l1;
            this.loop2(ctx, pi, p, costs, impl, lists);
        }
    }
    loop1(ctx, pi, p, budget, impl, list) {
        const bank = ctx.bank;
        const R = ctx.rows;
        const vals = this.interner.values;
        const out = this.scratch(R);
        const ka = this.kinds[p.args[0]];
        const kr = this.kinds[p.lhs];
        const lazy = p.prim.lazy === true;
        const memo = this.memoOn[pi] === 1;
        const kids = [0];
        const level = budget + p.cost;
        for (let i = 0; i < list.length; i++) {
            const a = list[i];
            const d = bank.vals.data;
            const oa = a * R;
            for (let r = 0; r < R; r++) {
                const xa = d[oa + r];
                if (!lazy && isErrK(ka, xa)) {
                    out[r] = errK(kr);
                    continue;
                }
                const key = memo ? memoKey(ka, xa) : memo_EMPTY;
                let y = key !== memo_EMPTY ? this.memo.get(pi, key, 0) : undefined;
                if (y === undefined) {
                    y = encode(kr, impl(decode(ka, xa, vals)), this.interner);
                    if (key !== memo_EMPTY)
                        this.memo.set(pi, key, 0, y);
                }
                out[r] = y;
            }
            kids[0] = a;
            this.offer(ctx, pi, p.lhs, level, kids, out);
        }
    }
    loop2(ctx, pi, p, costs, impl, lists) {
        const k0 = this.kinds[p.args[0]];
        const k1 = this.kinds[p.args[1]];
        if (k0 === Kind.INT && k1 === Kind.INT && p.prim.fastInt && p.prim.impl) {
            this.loop2Int(ctx, pi, p, costs, p.prim.fastInt, p.prim.impl, lists);
            return;
        }
        const numeric = k0 !== Kind.REF && k1 !== Kind.REF;
        if (numeric && this.memoOn[pi] !== 1 && p.prim.lazy !== true && p.prim.impl) {
            this.loop2Num(ctx, pi, p, costs, p.prim.impl, lists);
            return;
        }
        const bank = ctx.bank;
        const R = ctx.rows;
        const vals = this.interner.values;
        const out = this.scratch(R);
        const ka = this.kinds[p.args[0]];
        const kb = this.kinds[p.args[1]];
        const kr = this.kinds[p.lhs];
        const lazy = p.prim.lazy === true;
        const memo = this.memoOn[pi] === 1;
        const la = lists[0];
        const lb = lists[1];
        const kids = [0, 0];
        const level = costs[0] + costs[1] + p.cost;
        const constLast = CONST_LAST.has(p.prim.name);
        const prodOf = bank.prod.data;
        for (let i = 0; i < la.length; i++) {
            const a = la[i];
            const aConst = constLast && this.isConstProd[prodOf[a]] === 1;
            for (let j = 0; j < lb.length; j++) {
                const b = lb[j];
                if (aConst && this.isConstProd[prodOf[b]] !== 1)
                    continue;
                const d = bank.vals.data;
                const oa = a * R;
                const ob = b * R;
                for (let r = 0; r < R; r++) {
                    const xa = d[oa + r];
                    const xb = d[ob + r];
                    if (!lazy && (isErrK(ka, xa) || isErrK(kb, xb))) {
                        out[r] = errK(kr);
                        continue;
                    }
                    const k1 = memo ? memoKey(ka, xa) : memo_EMPTY;
                    const k2 = k1 !== memo_EMPTY ? memoKey(kb, xb) : memo_EMPTY;
                    let y = k2 !== memo_EMPTY ? this.memo.get(pi, k1, k2) : undefined;
                    if (y === undefined) {
                        y = encode(kr, impl(decode(ka, xa, vals), decode(kb, xb, vals)), this.interner);
                        if (k2 !== memo_EMPTY)
                            this.memo.set(pi, k1, k2, y);
                    }
                    out[r] = y;
                }
                kids[0] = a;
                kids[1] = b;
                this.offer(ctx, pi, p.lhs, level, kids, out);
            }
        }
    }
    /**
     * The hot loop for arithmetic and comparisons: both arguments are numbers stored as themselves, so no decoding,
     * no memo and no wrapper closure. Boxed bigints and errors take the general path row by row.
     */
    loop2Num(ctx, pi, p, costs, f, lists) {
        const bank = ctx.bank;
        const R = ctx.rows;
        const out = this.scratch(R);
        const ka = this.kinds[p.args[0]];
        const kb = this.kinds[p.args[1]];
        const kr = this.kinds[p.lhs];
        const vals = this.interner.values;
        const interner = this.interner;
        const la = lists[0];
        const lb = lists[1];
        const kids = [0, 0];
        const level = costs[0] + costs[1] + p.cost;
        const constLast = CONST_LAST.has(p.prim.name);
        const prodOf = bank.prod.data;
        const isConst = this.isConstProd;
        for (let i = 0; i < la.length; i++) {
            const a = la[i];
            const aConst = constLast && isConst[prodOf[a]] === 1;
            kids[0] = a;
            for (let j = 0; j < lb.length; j++) {
                const b = lb[j];
                if (aConst && isConst[prodOf[b]] !== 1)
                    continue;
                const d = bank.vals.data;
                const oa = a * R;
                const ob = b * R;
                for (let r = 0; r < R; r++) {
                    const xa = d[oa + r];
                    const xb = d[ob + r];
                    let y;
                    if (xa !== xa || xb !== xb) {
                        out[r] = errK(kr);
                        continue;
                    }
                    if (xa > enumerator_MAX_SAFE || xa < -enumerator_MAX_SAFE || xb > enumerator_MAX_SAFE || xb < -enumerator_MAX_SAFE)
                        y = f(decode(ka, xa, vals), decode(kb, xb, vals));
                    else {
                        try {
                            y = f(xa, xb);
                        }
                        catch {
                            y = RESOURCE;
                        }
                    }
                    if (typeof y === "number")
                        out[r] = kr === Kind.REF ? interner.id(y) : y === y ? y + 0 : NaN;
                    else if (y === true)
                        out[r] = kr === Kind.REF ? TRUE_ID : 1;
                    else if (y === false)
                        out[r] = kr === Kind.REF ? FALSE_ID : 0;
                    else
                        out[r] = encode(kr, y, interner);
                }
                kids[1] = b;
                this.offer(ctx, pi, p.lhs, level, kids, out);
            }
        }
    }
    /**
     * Integer operators computed inline (Primitive.fastInt): safe ints in, the JS operator, and the primitive's own
     * semantics only for what the operator cannot do exactly (errors, bigints, results beyond 2^53).
     */
    loop2Int(ctx, pi, p, costs, op, f, lists) {
        const bank = ctx.bank;
        const R = ctx.rows;
        const out = this.scratch(R);
        const kr = this.kinds[p.lhs];
        const boolOut = kr === Kind.REF;
        const vals = this.interner.values;
        const interner = this.interner;
        const la = lists[0];
        const lb = lists[1];
        const kids = [0, 0];
        const level = costs[0] + costs[1] + p.cost;
        const constLast = CONST_LAST.has(p.prim.name);
        const prodOf = bank.prod.data;
        const isConst = this.isConstProd;
        const code = FAST_CODES[op];
        // Comparison results, encoded once for the result's kind.
        const yes = boolOut ? TRUE_ID : encode(kr, true, interner);
        const no = boolOut ? FALSE_ID : encode(kr, false, interner);
        // Scan b's vectors sequentially from its bucket's contiguous copy when lb is exactly that bucket.
        const plainB = lb === bank.bucket(p.args[1], costs[1]);
        const xsA = new Float64Array(R);
        // Plain pairs' results go into a batch of vectors; see flushBatch.
        const batch = this.batchFor(R);
        const bv = batch.vals;
        let n = 0;
        for (let i = 0; i < la.length; i++) {
            const a = la[i];
            const aConst = constLast && isConst[prodOf[a]] === 1;
            kids[0] = a;
            const av = bank.vals.data;
            for (let r = 0; r < R; r++)
                xsA[r] = av[a * R + r];
            const dB = plainB ? bank.bucketData(p.args[1], costs[1]) : bank.vals.data;
            // Stale after a growth of the bank only for entries added since, and lb holds none of those.
            const plainOf = bank.plain.data;
            const aPlain = plainOf[a] === 1;
            for (let j = 0; j < lb.length; j++) {
                const b = lb[j];
                if (aConst && isConst[prodOf[b]] !== 1)
                    continue;
                const ob = plainB ? j * R : b * R;
                if (aPlain && plainOf[b] === 1) {
                    // Both vectors are safe integers: one tight loop per operator, checks only on results out of range.
                    const o = n * R;
                    switch (code) {
                        case 0:
                            for (let r = 0; r < R; r++) {
                                const y = xsA[r] + dB[ob + r];
                                bv[o + r] = y <= enumerator_MAX_SAFE && y >= -enumerator_MAX_SAFE ? y : encode(kr, f(xsA[r], dB[ob + r]), interner);
                            }
                            break;
                        case 1:
                            for (let r = 0; r < R; r++) {
                                const y = xsA[r] - dB[ob + r];
                                bv[o + r] = y <= enumerator_MAX_SAFE && y >= -enumerator_MAX_SAFE ? y : encode(kr, f(xsA[r], dB[ob + r]), interner);
                            }
                            break;
                        case 2:
                            for (let r = 0; r < R; r++) {
                                const y = xsA[r] * dB[ob + r];
                                bv[o + r] = y <= enumerator_MAX_SAFE && y >= -enumerator_MAX_SAFE ? y + 0 : encode(kr, f(xsA[r], dB[ob + r]), interner);
                            }
                            break;
                        case 3:
                            for (let r = 0; r < R; r++)
                                bv[o + r] = xsA[r] < dB[ob + r] ? yes : no;
                            break;
                        case 4:
                            for (let r = 0; r < R; r++)
                                bv[o + r] = xsA[r] <= dB[ob + r] ? yes : no;
                            break;
                        case 5:
                            for (let r = 0; r < R; r++)
                                bv[o + r] = xsA[r] > dB[ob + r] ? yes : no;
                            break;
                        case 6:
                            for (let r = 0; r < R; r++)
                                bv[o + r] = xsA[r] >= dB[ob + r] ? yes : no;
                            break;
                        case 7:
                            for (let r = 0; r < R; r++)
                                bv[o + r] = xsA[r] === dB[ob + r] ? yes : no;
                            break;
                        default:
                            for (let r = 0; r < R; r++)
                                bv[o + r] = xsA[r] !== dB[ob + r] ? yes : no;
                    }
                    batch.args[n * BATCH_ARITY] = a;
                    batch.args[n * BATCH_ARITY + 1] = b;
                    if (++n === BATCH)
                        n = this.flushBatch(ctx, pi, p.lhs, level, batch, n, 2);
                    continue;
                }
                // Keep the order of offers: the batch goes first.
                if (n > 0)
                    n = this.flushBatch(ctx, pi, p.lhs, level, batch, n, 2);
                for (let r = 0; r < R; r++) {
                    const xa = xsA[r];
                    const xb = dB[ob + r];
                    if (xa > enumerator_MAX_SAFE || xa < -enumerator_MAX_SAFE || xb > enumerator_MAX_SAFE || xb < -enumerator_MAX_SAFE || xa !== xa || xb !== xb) {
                        out[r] = xa !== xa || xb !== xb ? errK(kr) : encode(kr, f(decode(Kind.INT, xa, vals), decode(Kind.INT, xb, vals)), interner);
                        continue;
                    }
                    switch (code) {
                        case 0: {
                            const y = xa + xb;
                            out[r] = y <= enumerator_MAX_SAFE && y >= -enumerator_MAX_SAFE ? y : encode(kr, f(xa, xb), interner);
                            break;
                        }
                        case 1: {
                            const y = xa - xb;
                            out[r] = y <= enumerator_MAX_SAFE && y >= -enumerator_MAX_SAFE ? y : encode(kr, f(xa, xb), interner);
                            break;
                        }
                        case 2: {
                            const y = xa * xb;
                            out[r] = y <= enumerator_MAX_SAFE && y >= -enumerator_MAX_SAFE ? y + 0 : encode(kr, f(xa, xb), interner);
                            break;
                        }
                        case 3:
                            out[r] = xa < xb ? yes : no;
                            break;
                        case 4:
                            out[r] = xa <= xb ? yes : no;
                            break;
                        case 5:
                            out[r] = xa > xb ? yes : no;
                            break;
                        case 6:
                            out[r] = xa >= xb ? yes : no;
                            break;
                        case 7:
                            out[r] = xa === xb ? yes : no;
                            break;
                        default:
                            out[r] = xa !== xb ? yes : no;
                    }
                }
                kids[1] = b;
                this.offer(ctx, pi, p.lhs, level, kids, out);
            }
        }
        if (n > 0)
            this.flushBatch(ctx, pi, p.lhs, level, batch, n, 2);
    }
    /**
     * Conditionals (Primitive.select): each row copies the encoded value of the branch its condition picks, with no
     * decoding, no call and no interning; candidates are offered in batches.
     */
    loopSelect(ctx, pi, p, costs, lists) {
        const bank = ctx.bank;
        const R = ctx.rows;
        const err = errK(this.kinds[p.lhs]);
        const lc = lists[0];
        const lt = lists[1];
        const le = lists[2];
        const level = costs[0] + costs[1] + costs[2] + p.cost;
        const batch = this.batchFor(R);
        const bv = batch.vals;
        const args = batch.args;
        const cond = new Float64Array(R);
        let n = 0;
        for (let i = 0; i < lc.length; i++) {
            const c = lc[i];
            let d = bank.vals.data;
            for (let r = 0; r < R; r++)
                cond[r] = d[c * R + r];
            for (let j = 0; j < lt.length; j++) {
                const t = lt[j];
                for (let k = 0; k < le.length; k++) {
                    const e = le[k];
                    // The bank may have grown during a flush: read its current array (old entries keep their offsets).
                    d = bank.vals.data;
                    const o = n * R;
                    for (let r = 0; r < R; r++) {
                        const x = cond[r];
                        bv[o + r] = x === TRUE_ID ? d[t * R + r] : x === FALSE_ID ? d[e * R + r] : err;
                    }
                    args[n * BATCH_ARITY] = c;
                    args[n * BATCH_ARITY + 1] = t;
                    args[n * BATCH_ARITY + 2] = e;
                    if (++n === BATCH)
                        n = this.flushBatch(ctx, pi, p.lhs, level, batch, n, 3);
                }
            }
        }
        if (n > 0)
            this.flushBatch(ctx, pi, p.lhs, level, batch, n, 3);
    }
    loopN(ctx, pi, p, costs, impl, argLists) {
        const bank = ctx.bank;
        const R = ctx.rows;
        const vals = this.interner.values;
        const out = this.scratch(R);
        const kinds = p.args.map((nt) => this.kinds[nt]);
        const kr = this.kinds[p.lhs];
        const lazy = p.prim.lazy === true;
        const lists = [...argLists];
        const n = lists.length;
        const idx = new Array(n).fill(0);
        const kids = new Array(n).fill(0);
        const args = new Array(n);
        const level = costs.reduce((s, x) => s + x, 0) + p.cost;
        if (lists.some((l) => l.length === 0))
            return;
        for (;;) {
            for (let k = 0; k < n; k++)
                kids[k] = lists[k][idx[k]];
            const d = bank.vals.data;
            for (let r = 0; r < R; r++) {
                let err = false;
                for (let k = 0; k < n; k++) {
                    const x = d[kids[k] * R + r];
                    const kk = kinds[k];
                    if (!lazy && isErrK(kk, x))
                        err = true;
                    args[k] = decode(kk, x, vals);
                }
                out[r] = err ? errK(kr) : encode(kr, impl(...args), this.interner);
            }
            this.offer(ctx, pi, p.lhs, level, kids, out);
            let k = n - 1;
            while (k >= 0) {
                idx[k] = idx[k] + 1;
                if (idx[k] < lists[k].length)
                    break;
                idx[k] = 0;
                k--;
            }
            if (k < 0)
                return;
        }
    }
    enumerateHof(pi, p, budget, within) {
        for (let i = 0; i < within.length; i++) {
            const L = this.contexts[within[i]];
            const src = L.source;
            const rest = budget - src.cost;
            if (rest < p.bodies.length || !this.bodiesFit(L.bank, pi, rest))
                continue;
            if (p.bodies.length === 1) {
                // One body takes the whole budget: splits without its closures (most comprehensions, in every context).
                const list = this.argList(L, pi, 1, p.bodies[0], rest);
                if (list.length > 0)
                    this.hofLoop(L, pi, p, [list], budget + p.cost);
                continue;
            }
            this.splits(p.bodies, rest, (i, k) => this.argList(L, pi, i + 1, p.bodies[i], k), (i) => this.argCosts(L, pi, i + 1, p.bodies[i]), (_costs, lists) => this.hofLoop(L, pi, p, lists, budget + p.cost));
        }
    }
    /**
     * Whether the lambda bodies of comprehension pi can have candidates in `bank` within `budget`: what splits would
     * find before calling back (every body nonterminal has entries, the least costs fit), without its allocations:
     * most comprehensions fail this in most contexts at most levels.
     */
    bodiesFit(bank, pi, budget) {
        const bodies = this.prodArgs[pi];
        const lows = this.minDelta[pi];
        let least = 0;
        for (let i = 0; i < bodies.length; i++) {
            const first = bank.costsOf(bodies[i])[0];
            if (first === undefined)
                return false;
            least += Math.max(1, first + (lows ? lows[i + 1] : 0));
        }
        return least <= budget;
    }
    prodKinds(pi, nts) {
        let ks = this.argKinds[pi];
        if (!ks) {
            ks = nts.map((nt) => this.kinds[nt]);
            this.argKinds[pi] = ks;
        }
        return ks;
    }
    hofLoop(L, pi, p, bodyLists, level) {
        const lists = bodyLists;
        const n = lists.length;
        let hof = this.hofImpls[pi];
        if (hof === undefined) {
            hof = guardedHof(p.prim.hof, n) ?? null;
            this.hofImpls[pi] = hof;
        }
        if (!hof || lists.some((l) => l.length === 0))
            return;
        const bodyKinds = this.prodKinds(pi, p.bodies);
        const idx = new Array(n).fill(0);
        const out = this.scratch(this.E);
        const src = L.source;
        const srcKind = this.kinds[src.nt];
        const kr = this.kinds[p.lhs];
        const main = this.main.bank;
        const vals = this.interner.values;
        // One arguments array for every candidate of this call (the bank copies it): the source entry, the context, the bodies.
        const kids = new Array(n + 2).fill(0);
        kids[0] = src.entry;
        kids[1] = L.id;
        // A body's values on one example's rows (the hof may keep the array as its result, so each call gets its own).
        const rowsOf = (b, k, r0, r1) => {
            const arr = new Array(r1 - r0);
            for (let r = r0; r < r1; r++)
                arr[r - r0] = decode(bodyKinds[k], L.bank.raw(b, r), vals);
            return arr;
        };
        for (;;) {
            for (let k = 0; k < n; k++)
                kids[k + 2] = lists[k][idx[k]];
            for (let e = 0; e < this.E; e++) {
                const sx = main.raw(src.entry, e);
                if (isErrK(srcKind, sx)) {
                    out[e] = errK(kr);
                    continue;
                }
                const r0 = L.exStart[e];
                const r1 = L.exStart[e + 1];
                const sv = decode(srcKind, sx, vals);
                // Comprehensions have one or two bodies: those calls pass their arrays without a rest array.
                const y = n === 1
                    ? hof(sv, rowsOf(kids[2], 0, r0, r1))
                    : n === 2
                        ? hof(sv, rowsOf(kids[2], 0, r0, r1), rowsOf(kids[3], 1, r0, r1))
                        : hof(sv, ...kids.slice(2).map((b, k) => rowsOf(b, k, r0, r1)));
                out[e] = encode(kr, y, this.interner);
            }
            this.offer(this.main, pi, p.lhs, level, kids, out);
            let k = n - 1;
            while (k >= 0) {
                idx[k] = idx[k] + 1;
                if (idx[k] < lists[k].length)
                    break;
                idx[k] = 0;
                k--;
            }
            if (k < 0)
                return;
        }
    }
    // -------------------------------------------------------------------------------------------------------
    // Offering a candidate
    offer(ctx, prod, nt, cost, kids, vec) {
        const bits = this.bitsView(vec);
        this.offerHashed(ctx, prod, nt, cost, kids, vec, bits, hashBits(bits, 0, ctx.rows, nt));
    }
    /** offer() for a vector whose bits view and hash the caller has already. */
    offerHashed(ctx, prod, nt, cost, kids, vec, bits, h) {
        this.accept(ctx, prod, nt, cost, kids, vec, 0, bits, h, hashBits2(bits, 0, ctx.rows, nt));
    }
    /**
     * Counts the candidate whose vector is vec[voff, voff + rows) (`bits` the Int32 view of vec, (h, h2) its
     * fingerprint), reports it when it is a solution, and keeps it when no entry has the same values.
     */
    accept(ctx, prod, nt, cost, kids, vec, voff, bits, h, h2) {
        if ((++this.candidates & 1023) === 0)
            this.checkLimits();
        const bank = ctx.bank;
        if (h === this.targetHash && ctx.id === 0 && nt === this.grammar.start && this.isTarget(bits, 2 * voff))
            this.onSolution?.(prod, cost, kids);
        if (bank.lookup(nt, h, h2) >= 0)
            return;
        const e = bank.add(nt, cost, prod, kids, h, h2, vec, voff);
        if (ctx.id === 0) {
            if (cost < (this.minCostByNt[nt] ?? Infinity))
                this.minCostByNt[nt] = cost;
            if (this.listeners.length > 0) {
                const own = voff === 0 && vec.length === ctx.rows ? vec : vec.slice(voff, voff + ctx.rows);
                for (const f of this.listeners)
                    f(e, own);
            }
            this.maybeOpenContexts(e, nt, cost);
        }
    }
    /**
     * Offers a batch of candidates of one production, whose vectors are in batch.vals and whose arguments are in
     * batch.args (BATCH_ARITY per candidate; `arity` of them are used): hashes them all, warms the table's
     * cache lines for all of them (independent loads the processor overlaps), then accepts them in order, so each
     * lookup hits the cache instead of waiting for memory on its own. Returns 0 (the batch's new fill).
     */
    flushBatch(ctx, prod, nt, cost, batch, n, arity) {
        const R = ctx.rows;
        hashBatch(batch.bits, n, R, nt, batch.h, batch.h2);
        this.sink ^= ctx.bank.touch(nt, batch.h, n);
        const kids = batch.kids[arity];
        for (let k = 0; k < n; k++) {
            for (let x = 0; x < arity; x++)
                kids[x] = batch.args[k * BATCH_ARITY + x];
            this.accept(ctx, prod, nt, cost, kids, batch.vals, k * R, batch.bits, batch.h[k], batch.h2[k]);
        }
        return 0;
    }
    /** The batch buffers for vectors of `rows` rows (made once per row count). */
    batchFor(rows) {
        let b = this.batches[rows];
        if (!b) {
            const vals = new Float64Array(BATCH * rows);
            b = { vals, bits: new Int32Array(vals.buffer), args: new Int32Array(BATCH * BATCH_ARITY), h: new Int32Array(BATCH), h2: new Int32Array(BATCH), kids: Array.from({ length: BATCH_ARITY + 1 }, (_, k) => new Array(k).fill(0)) };
            this.batches[rows] = b;
        }
        return b;
    }
    batches = [];
    /** Keeps the table warm-up loads observable (see flushBatch). */
    sink = 0;
    /** The Int32 view of a vector's bytes: the scratch vectors' views are kept, others (terminals) made once. */
    bitsView(vec) {
        const s = this.scratchBits[vec.length];
        if (s && this.scratchByRows[vec.length] === vec)
            return s;
        return new Int32Array(vec.buffer, vec.byteOffset, vec.length * 2);
    }
    /**
     * Called for every main-context candidate of the start nonterminal whose values equal the target, before the
     * equivalence check (so that equal-valued alternatives are all seen).
     */
    onSolution;
    targetBits;
    targetHash = 0;
    /** The expected outputs (encoded for the start nonterminal): candidates equal to them are solutions. */
    setTarget(target) {
        this.targetBits = new Int32Array(Float64Array.from(target).buffer);
        this.targetHash = hashBits(this.targetBits, 0, this.E, this.grammar.start);
    }
    isTarget(bits, off = 0) {
        const t = this.targetBits;
        if (!t)
            return false;
        for (let i = 0; i < 2 * this.E; i++)
            if (bits[off + i] !== t[i])
                return false;
        return true;
    }
    checkLimits() {
        if (performance.now() > this.deadline)
            throw new StopSearch("timeLimit");
        const b = this.bytes;
        if (b > this.peakBytes)
            this.peakBytes = b;
        if (b > this.limits.maxBytes)
            throw new StopSearch("memoryLimit");
    }
    // -------------------------------------------------------------------------------------------------------
    // Comprehension contexts
    maybeOpenContexts(entry, nt, cost) {
        if (this.sourceNts[nt] !== 1 || this.contexts.length > (this.limits.maxContexts ?? 8))
            return;
        const type = this.grammar.nts[nt].type;
        const el = iterElement(type);
        if (!el || type.kind === "set")
            return;
        if (cost > (this.minCostByNt[nt] ?? cost) + (this.limits.sourceSlack ?? 8))
            return;
        const elements = [];
        for (let e = 0; e < this.E; e++)
            elements.push(iterValues(this.valueOf(entry, e)));
        const rows = elements.reduce((n, xs) => n + xs.length, 0);
        if (rows === 0 || rows > (this.limits.maxContextRows ?? 4000))
            return;
        // Iterating a constant, or sequences of at most one element, gives nothing a plain expression cannot.
        if (rows <= this.E || this.isConstantEntry(entry))
            return;
        const single = this.ntOf(el);
        if (el.kind === "tuple" && el.els.length > 1) {
            const parts = el.els.map((t) => this.ntOf(t));
            if (parts.every((x) => x >= 0))
                this.openContext(entry, nt, cost, elements, "comp", el, parts);
            if (single >= 0)
                this.openContext(entry, nt, cost, elements, "lambda", el, [single]);
        }
        else if (single >= 0) {
            this.openContext(entry, nt, cost, elements, "both", el, [single]);
        }
    }
    /** True when the entry has the same value on every example (it does not depend on the inputs). */
    isConstantEntry(entry) {
        const bank = this.main.bank;
        const first = bank.raw(entry, 0);
        for (let e = 1; e < this.E; e++)
            if (!Object.is(bank.raw(entry, e), first))
                return false;
        return this.E > 1;
    }
    ntOf(t) {
        return this.grammar.ntIndex.get(types_typeKey(t)) ?? -1;
    }
    openContext(entry, nt, cost, elements, binder, elType, varNts) {
        const rows = elements.reduce((n, xs) => n + xs.length, 0);
        const rowExample = new Int32Array(rows);
        const exStart = new Int32Array(this.E + 1);
        const flat = [];
        elements.forEach((xs, e) => {
            exStart[e] = flat.length;
            for (const x of xs) {
                rowExample[flat.length] = e;
                flat.push(x);
            }
        });
        exStart[this.E] = flat.length;
        const names = this.boundNames(entry, elType, varNts.length);
        const bound = varNts.map((vnt, k) => ({
            name: names[k],
            nt: vnt,
            type: this.grammar.nts[vnt].type,
            vals: Float64Array.from(flat, (x) => this.encodeFor(vnt, varNts.length === 1 ? x : (x[k] ?? null))),
        }));
        const id = this.contexts.length;
        const ctx = { id, bank: this.newBank(rows), rows, rowExample, exStart, bound, level: 0, argLists: new Map(), argCostLists: new Map(), ...this.visits(this.ctxOrder), source: { entry, nt, cost, binder, names, elType } };
        this.contexts.push(ctx);
        for (let i = 0; i < this.hofProds.length; i++) {
            const pi = this.hofProds[i];
            const p = this.grammar.prods[pi];
            if (p.source !== nt || (binder !== "both" && binder !== (p.prim.binder ?? "comp")))
                continue;
            let within = this.hofCtxs[pi];
            if (within === undefined) {
                this.hofCtxs[pi] = within = [];
                schedule(this.main.due, this.main.level + 2, pi);
            }
            within.push(id);
        }
        this.catchUp(ctx, this.main.level + 1);
    }
    /** Loop variable names: idiomatic (c for characters, i/x for enumerate) and never shadowing a parameter. */
    boundNames(entry, elType, n) {
        const p = this.grammar.prods[this.main.bank.prod.data[entry]];
        const op = p && (p.kind === "op" || p.kind === "hof") ? p.prim.name : "";
        const srcType = this.grammar.nts[this.main.bank.nt.data[entry]].type;
        let base;
        if (n > 1)
            base = op === "seq.enumerate" ? ["i", "x"] : op === "dict.items" ? ["k", "v"] : ["a", "b", "c"].slice(0, n);
        else if (elType.kind === "tuple")
            base = ["p"];
        else if (srcType.kind === "str")
            base = ["c"];
        else if (op === "str.split" || op === "str.splitsep")
            base = ["w"];
        else if (op.startsWith("range."))
            base = ["i"];
        else
            base = ["x"];
        const taken = new Set(this.paramNames);
        return base.map((b) => {
            let name = b;
            for (let k = 2; taken.has(name); k++)
                name = `${b}${k}`;
            taken.add(name);
            return name;
        });
    }
    // -------------------------------------------------------------------------------------------------------
    // Programs from entries
    /** The program of an entry of a context. */
    toExpr(ctxId, entry) {
        const ctx = this.contexts[ctxId];
        const bank = ctx.bank;
        const pi = bank.prod.data[entry];
        const type = this.grammar.nts[bank.nt.data[entry]].type;
        if (pi < 0) {
            const b = ctx.bound[-1 - pi];
            return v(b?.name ?? "x", type);
        }
        return this.prodExpr(pi, bank.kidsOf(entry), ctxId, type);
    }
    /** The program of a production applied to children (entries of `ctxId`; for HOFs, see the kids layout). */
    prodExpr(pi, kids, ctxId, type) {
        const p = this.grammar.prods[pi];
        switch (p.kind) {
            case "var":
                return v(p.name, type);
            case "const":
                return c(p.value, type);
            case "seed":
                return p.expr;
            case "op":
                return call(p.prim.name, type, ...kids.map((k) => this.toExpr(ctxId, k)));
            case "hof": {
                const [srcEntry = 0, lctx = 1, ...bodies] = kids;
                const L = this.contexts[lctx];
                const names = L.source.names;
                return call(p.prim.name, type, this.toExpr(0, srcEntry), ...bodies.map((b) => lam(names, this.toExpr(lctx, b))));
            }
        }
    }
    /** The truth vector of a main-context bool entry as bits, or undefined when it raises on some example. */
    truthBits(entry) {
        const b = bitsOf(this.E);
        for (let e = 0; e < this.E; e++) {
            const id = this.main.bank.raw(entry, e);
            if (id === TRUE_ID)
                setBit(b, e);
            else if (id !== FALSE_ID)
                return undefined;
        }
        return b;
    }
}
const NO_KIDS = [];
const NO_ARGS = [];
const enumerator_MAX_SAFE = Number.MAX_SAFE_INTEGER;
const FAST_CODES = { add: 0, sub: 1, mul: 2, lt: 3, le: 4, gt: 5, ge: 6, eq: 7, ne: 8 };
const EMPTY_LIST = [];
/** Bounds of the argument-list cache keys: arguments per production, and costs (lists of costs beyond are not cached). */
const MAX_ARGS = 8;
const MAX_COST_KEY = 4096;
/** The op name a production contributes to a program tree ("var", "const" or the primitive's name). */
function opName(p) {
    return p.kind === "var" ? "var" : p.kind === "const" ? "const" : p.kind === "seed" ? "seed" : p.prim.name;
}
const BIGRAM_TABLES = new WeakMap();
const BIGRAM_TABLES_SIZE = 256;
/**
 * The bigram tables of a grammar, kept per weights and grammar shape (Grammar.shape): they depend on the
 * productions' kinds, left-hand sides and operators only, and making them was about a quarter of the enumerator's
 * set-up, which every search pays.
 */
function bigramTablesOf(g, bigram) {
    if (!bigram || bigram.size === 0 || g.shape === undefined)
        return derivedTables(g, bigramTables(g, bigram));
    let byShape = BIGRAM_TABLES.get(bigram);
    if (!byShape) {
        byShape = new Map();
        BIGRAM_TABLES.set(bigram, byShape);
    }
    let t = byShape.get(g.shape);
    if (!t) {
        t = derivedTables(g, bigramTables(g, bigram));
        if (byShape.size >= BIGRAM_TABLES_SIZE)
            byShape.clear();
        byShape.set(g.shape, t);
    }
    return t;
}
function derivedTables(g, bi) {
    const minDelta = g.prods.map((_, pi) => {
        const perArg = pi < bi.edges.length ? bi.edges[pi] : undefined;
        return perArg ? Int32Array.from(perArg, (list) => Math.min(0, ...(list ?? []).map((e) => e.delta))) : undefined;
    });
    const edgeDeltas = bi.edges.map((perArg) => perArg?.map((list) => (list ? [...new Set(list.map((e) => e.delta))] : undefined)));
    return { ...bi, minDelta, edgeDeltas };
}
/**
 * Turns bigram weights into per-(production, argument) cost changes of child roots. A weight of b bits makes
 * the child cheaper by round(b * COST_SCALE) units under that parent. The last root slot stands for bound
 * loop variables (op "var").
 */
function bigramTables(g, bigram) {
    const nRoots = g.prods.length + 1;
    const roots = new Uint8Array(nRoots);
    const edges = [];
    const masks = [];
    if (!bigram || bigram.size === 0)
        return { edges, masks, roots };
    // Child productions by left-hand side (an argument's edges come from its nonterminal's productions only) and by
    // op name: made when the first row is used (most grammars of a type universe have few rows or none).
    let byLhs;
    let byName;
    const index = () => {
        if (!byLhs || !byName) {
            const lhs = g.nts.map(() => []);
            const names = new Map();
            g.prods.forEach((p, ci) => {
                lhs[p.lhs]?.push(ci);
                const name = opName(p);
                const list = names.get(name);
                if (list)
                    list.push(ci);
                else
                    names.set(name, [ci]);
            });
            byLhs = lhs;
            byName = names;
        }
        return { byLhs, byName };
    };
    // One mask and one delta table per bigram row ("parent/arg"), shared by the parent's instantiations: an argument
    // list only tests the roots of its own nonterminal's entries, so roots of other nonterminals may be marked too.
    const perRow = new Map();
    const rowTables = (key) => {
        let t = perRow.get(key);
        if (t !== undefined)
            return t;
        const row = bigram.get(key);
        t = null;
        if (row) {
            const deltas = new Int32Array(nRoots);
            const mask = new Uint8Array(nRoots);
            for (const [child, b] of row) {
                const delta = -Math.round(b * COST_SCALE);
                if (delta === 0)
                    continue;
                for (const ci of index().byName.get(child) ?? NO_KIDS) {
                    deltas[ci] = delta;
                    mask[ci] = 1;
                }
                if (child === "var") {
                    deltas[nRoots - 1] = delta;
                    mask[nRoots - 1] = 1;
                }
            }
            t = { deltas, mask };
        }
        perRow.set(key, t);
        return t;
    };
    const parents = bigramParents(bigram);
    g.prods.forEach((p, pi) => {
        if (p.kind !== "op" && p.kind !== "hof")
            return;
        const keys = parents.get(p.prim.name);
        if (!keys)
            return;
        const argNts = p.kind === "op" ? p.args : [p.source, ...p.bodies];
        const perArg = argNts.map((nt, i) => {
            const key = keys[i];
            const t = key === undefined ? null : rowTables(key);
            if (!t)
                return undefined;
            const list = [];
            // Only roots that some argument list looks up are indexed by the banks (roots): indexing costs a map insert per entry.
            const edge = (ci) => {
                if (t.deltas[ci] === 0)
                    return;
                list.push({ root: ci, nt, delta: t.deltas[ci] });
                roots[ci] = 1;
            };
            for (const ci of index().byLhs[nt] ?? [])
                edge(ci);
            edge(nRoots - 1);
            return list.length ? { list, mask: t.mask } : undefined;
        });
        if (perArg.some((x) => x)) {
            edges[pi] = perArg.map((x) => x?.list);
            masks[pi] = perArg.map((x) => x?.mask);
        }
    });
    return { edges, masks, roots };
}
const BIGRAM_PARENTS = new WeakMap();
/**
 * The parent primitives of bigram weights ("parent/arg" row keys), with their rows' keys by argument index: most
 * productions of a grammar have no row, and this skips them without building a key per production and argument.
 */
function bigramParents(bigram) {
    let parents = BIGRAM_PARENTS.get(bigram);
    if (!parents) {
        const out = new Map();
        for (const key of bigram.keys()) {
            const slash = key.lastIndexOf("/");
            const arg = Number(key.slice(slash + 1));
            if (slash < 0 || !Number.isInteger(arg) || arg < 0)
                continue;
            const name = key.slice(0, slash);
            const keys = out.get(name) ?? [];
            keys[arg] = key;
            out.set(name, keys);
        }
        parents = out;
        BIGRAM_PARENTS.set(bigram, parents);
    }
    return parents;
}
function isErrK(k, x) {
    return k === Kind.REF ? x === 0 : x !== x;
}
function errK(k) {
    return k === Kind.REF ? 0 : NaN;
}
/** A memo key part: the id for REF values, the int itself for small INT values, EMPTY when not memoizable. */
function memoKey(k, x) {
    if (k === Kind.REF)
        return x;
    if (k === Kind.INT && (x | 0) === x && x !== memo_EMPTY)
        return x;
    return memo_EMPTY;
}
/**
 * Primitive semantics never throw for well-typed inputs; this guard turns a JS exception (a bug, or a JS limit
 * such as string length) into an error value so that one primitive cannot stop a search. Arity-specific
 * wrappers: a rest-parameter wrapper would allocate an array on every call.
 */
/**
 * A primitive's semantics that refuses (RESOURCE) a call whose result would be longer than `max` before building it
 * (Primitive.size): the interner refuses such a value anyway (an error, like RESOURCE), and building it was most of
 * the time of some searches (list(range(n)) for every large int n the bank holds, up to the interpreter's 100,000
 * elements).
 */
function sizeGuarded(f, size, max, arity) {
    switch (arity) {
        case 1:
            return (a) => ((size(a) ?? 0) > max ? RESOURCE : f(a));
        case 2:
            return (a, b) => ((size(a, b) ?? 0) > max ? RESOURCE : f(a, b));
        default:
            return (...a) => ((size(...a) ?? 0) > max ? RESOURCE : f(...a));
    }
}
function guardedImpl(f, arity) {
    if (!f)
        return undefined;
    const g = f;
    switch (arity) {
        case 1:
            return (a) => {
                try {
                    return g(a);
                }
                catch {
                    return RESOURCE;
                }
            };
        case 2:
            return (a, b) => {
                try {
                    return g(a, b);
                }
                catch {
                    return RESOURCE;
                }
            };
        default:
            return (...a) => {
                try {
                    return f(...a);
                }
                catch {
                    return RESOURCE;
                }
            };
    }
}
function guardedHof(f, bodies) {
    if (!f)
        return undefined;
    switch (bodies) {
        case 1:
            return (src, a) => {
                try {
                    return f(src, a);
                }
                catch {
                    return RESOURCE;
                }
            };
        case 2:
            return (src, a, b) => {
                try {
                    return f(src, a, b);
                }
                catch {
                    return RESOURCE;
                }
            };
        default:
            return (src, ...rows) => {
                try {
                    return f(src, ...rows);
                }
                catch {
                    return RESOURCE;
                }
            };
    }
}
function iterValues(v) {
    if (typeof v === "string")
        return cps(v);
    if (Array.isArray(v))
        return v;
    if (v instanceof values_PyDict)
        return v.keys;
    return [];
}
/** Cost of a bound loop variable per nonterminal: like the cheapest variable production, else the cheapest production, else a default. */
function boundVarCosts(g) {
    const bestVar = g.nts.map(() => Infinity);
    const bestAny = g.nts.map(() => Infinity);
    for (const p of g.prods) {
        if (p.kind === "var" && p.cost < bestVar[p.lhs])
            bestVar[p.lhs] = p.cost;
        if (p.cost < bestAny[p.lhs])
            bestAny[p.lhs] = p.cost;
    }
    return g.nts.map((_, nt) => {
        const best = bestVar[nt] !== Infinity ? bestVar[nt] : bestAny[nt];
        return best === Infinity ? 4 : Math.max(1, best - BOUND_COST_BITS);
    });
}
const CHEAP = new Set(["int", "float", "bool"]);
/** Memoize a production unless all its types are plain numbers or bools (cheaper to recompute than to look up). */
function isCostly(costlyNt, p) {
    if (costlyNt[p.lhs] === 1)
        return true;
    for (const a of p.args)
        if (costlyNt[a] === 1)
            return true;
    return false;
}
/**
 * Binary primitives whose candidates with a constant first argument (and a non-constant second) are not
 * enumerated: an equal program with the constant last exists (commutative, or the mirrored comparison), and it
 * reads the way people write it (`age < 18`, not `18 > age`).
 */
const CONST_LAST = new Set(["int.add", "int.mul", "float.add", "float.mul", "int.min2", "int.max2", "float.min2", "float.max2", "cmp.eq", "cmp.ne", "cmp.lt", "cmp.le", "cmp.gt", "cmp.ge", "bool.and", "bool.or", "set.and", "set.or", "set.xor"]);

;// CONCATENATED MODULE: ./build/action/src/search/lexicon.js
/**
 * Description hints, version 1: a fixed lexicon from description words to primitive boosts and constants.
 *
 * - Per-primitive words live with the primitives (`Primitive.hints`): "reverse" boosts `seq.reverse`.
 * - Words that suggest constants are below: "vowel" offers "aeiou" and "aeiouAEIOU" to the search.
 * - A boost multiplies a production's probability by 2^HINT_BOOST_BITS before normalization, so hinted
 *   primitives are enumerated earlier but nothing is ever excluded.
 *
 * The learned description prior (src/learn) adds to these boosts; it does not replace them.
 */

const HINT_BOOST_BITS = 1.5;
const STOP = new Set("a an the of to in on for from with by and or is are be as at it its this that these those given write function python return returns which whether if than then into each".split(" "));
/** Lowercase word tokens of a description, with light stemming ("vowels" -> "vowel", "sorted" -> "sort"). */
function lexicon_tokenize(text) {
    const words = text.toLowerCase().match(/[a-z][a-z0-9']*/g) ?? [];
    return words.map(stem).filter((w) => w.length > 1 && !STOP.has(w));
}
/** A light suffix stemmer: enough to match "characters"/"character", "reversed"/"reverse", "sorting"/"sort". */
function stem(w) {
    const x = w.replace(/'s$/, "");
    if (x.length > 4 && x.endsWith("ies"))
        return x.slice(0, -3) + "y";
    if (x.length > 5 && x.endsWith("ing"))
        return x.slice(0, -3);
    if (x.length > 4 && x.endsWith("ed") && !x.endsWith("eed"))
        return x.slice(0, x.endsWith("sed") || x.endsWith("ved") || x.endsWith("ted") ? -1 : -2);
    if (x.length > 3 && x.endsWith("es") && /(ss|sh|ch|x)es$/.test(x))
        return x.slice(0, -2);
    if (x.length > 3 && x.endsWith("s") && !x.endsWith("ss") && !x.endsWith("us"))
        return x.slice(0, -1);
    return x;
}
/** Constants suggested by words, with their types. */
const WORD_CONSTANTS = {
    vowel: [["aeiou", STR], ["aeiouAEIOU", STR]],
    consonant: [["aeiou", STR], ["aeiouAEIOU", STR]],
    digit: [["0123456789", STR], [10, types_INT]],
    space: [[" ", STR]],
    whitespace: [[" ", STR]],
    comma: [[",", STR], [", ", STR]],
    hyphen: [["-", STR]],
    dash: [["-", STR]],
    underscore: [["_", STR]],
    dot: [[".", STR]],
    period: [[".", STR]],
    colon: [[":", STR]],
    semicolon: [[";", STR]],
    slash: [["/", STR]],
    newline: [["\n", STR]],
    line: [["\n", STR]],
    tab: [["\t", STR]],
    alphabet: [["abcdefghijklmnopqrstuvwxyz", STR], [26, types_INT]],
    letter: [["abcdefghijklmnopqrstuvwxyz", STR]],
    hundred: [[100, types_INT]],
    percent: [[100, types_INT], [100, FLOAT]],
    percentage: [[100, types_INT], [100, FLOAT]],
    thousand: [[1000, types_INT]],
    decimal: [[2, types_INT]],
    binary: [[2, types_INT]],
    even: [[2, types_INT]],
    odd: [[2, types_INT]],
    half: [[2, types_INT]],
    double: [[2, types_INT]],
    twice: [[2, types_INT]],
    triple: [[3, types_INT]],
    square: [[2, types_INT]],
    cube: [[3, types_INT]],
    first: [[0, types_INT], [1, types_INT]],
    last: [[-1, types_INT]],
    true: [[true, BOOL]],
    false: [[false, BOOL]],
    empty: [["", STR]],
    palindrome: [[-1, types_INT]],
    minute: [[60, types_INT]],
    hour: [[60, types_INT], [24, types_INT]],
    second: [[60, types_INT]],
    day: [[24, types_INT], [7, types_INT]],
    week: [[7, types_INT]],
    year: [[365, types_INT], [12, types_INT]],
    month: [[12, types_INT]],
    celsius: [[32, FLOAT], [1.8, FLOAT], [5, types_INT], [9, types_INT]],
    fahrenheit: [[32, FLOAT], [1.8, FLOAT], [5, types_INT], [9, types_INT]],
    pi: [[3.14159, FLOAT]],
};
/** Constants suggested by the description's words. */
function lexiconConstants(tokens) {
    const out = [];
    for (const t of tokens)
        out.push(...(WORD_CONSTANTS[t] ?? []));
    return out;
}
const NUMBER_WORDS = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, twenty: 20 };
/** Integer literals written in the description ("the first 3 characters", "three times"). */
function descriptionInts(text) {
    const out = [];
    for (const m of text.matchAll(/(?<![\w.])-?\d+(?![\w.]\d)/g)) {
        const n = Number(m[0]);
        if (Number.isSafeInteger(n) && Math.abs(n) <= 1_000_000)
            out.push(n);
    }
    for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
        const n = NUMBER_WORDS[w];
        if (n !== undefined)
            out.push(n);
    }
    return out;
}
/** Quoted strings in the description ('x', "abc", `y`). */
function descriptionStrings(text) {
    const out = [];
    for (const m of text.matchAll(/(?<![A-Za-z])'([^'\n]{1,20})'(?![A-Za-z])|"([^"\n]{1,20})"|`([^`\n]{1,20})`/g)) {
        const s = m[1] ?? m[2] ?? m[3];
        if (s !== undefined)
            out.push(s);
    }
    return out;
}

;// CONCATENATED MODULE: ./build/action/src/search/features.js
/**
 * What a spec looks like to the learned models (src/learn): its description and name words, its signature and a few
 * generic relations between its example inputs and outputs. Pure functions; nothing here knows any task.
 *
 * The same features are computed for training items (solved specs in the corpus, public training data) and for
 * the spec being searched, so a learned association ("divide" goes with true division, a list output no longer than
 * its input with filters) carries over to specs never seen.
 */




/** A type's outer kind as a feature word: "list[int]" -> "list", "tuple[int, ...]" -> "tuple". */
function kindWord(t) {
    return types_typeKey(t).split("[")[0];
}
/** Words of a Python identifier: "count_Set_Bits" -> count set bit, "findMax" -> find max. */
function nameWords(name) {
    return lexicon_tokenize(name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " "));
}
/**
 * The spec's features, deduplicated, in a fixed order: description and name words (stemmed, stop words dropped),
 * `ret:<kind>`, `retk:<type>`, `arg:<kind>` and `argk:<type>` per parameter, adjacent description words as
 * `w1+w2` ("nth+power"), `arity:<n>`, and `io:<relation>` for each relation that holds on every example. Parameter
 * types and word pairs overlap the other features; the logistic description model fits them jointly, so they add
 * what they say beyond the rest (on the MBPP validation quarter, per-task candidate ratio 1.95x without them,
 * 2.01x with parameter types, 2.17x with word pairs, 2.34x with both; parameter-name words made it worse, 1.85x).
 */
function specFeatures(spec) {
    const words = lexicon_tokenize(spec.description);
    const out = new Set([...words, ...nameWords(spec.name)]);
    out.add(`ret:${kindWord(spec.returns)}`);
    out.add(`retk:${types_typeKey(spec.returns)}`);
    for (const p of spec.params) {
        out.add(`arg:${kindWord(p.type)}`);
        out.add(`argk:${types_typeKey(p.type)}`);
    }
    for (let i = 0; i + 1 < words.length; i++)
        out.add(`${words[i]}+${words[i + 1]}`);
    out.add(`arity:${spec.params.length}`);
    for (const r of ioRelations(spec))
        out.add(`io:${r}`);
    return [...out];
}
const isSeq = (v) => typeof v === "string" || Array.isArray(v);
const items = (v) => (typeof v === "string" ? [...v] : Array.isArray(v) ? v : []);
const features_isNum = (v) => typeof v === "number" || typeof v === "bigint";
const nums = (xs) => xs.filter(features_isNum).map(Number);
const longest = (xs) => Math.max(...xs.filter(isSeq).map((x) => items(x).length));
const within = (y, xs) => xs.some((x) => pyEq(x, y) || (isSeq(x) && items(x).some((z) => pyEq(z, y))));
/** Relations between inputs and output, each a test on one example. */
const RELATIONS = [
    ["out=in", (I, o) => I.some((x) => pyEq(x, o))],
    ["out-in-in", (I, o) => I.some((x) => isSeq(x) && items(x).some((y) => pyEq(y, o)))],
    ["len=", (I, o) => isSeq(o) && I.some((x) => isSeq(x) && items(x).length === items(o).length)],
    ["len<", (I, o) => isSeq(o) && I.some(isSeq) && items(o).length < longest(I)],
    ["len>", (I, o) => isSeq(o) && I.some(isSeq) && items(o).length > longest(I)],
    ["subset", (I, o) => isSeq(o) && items(o).every((y) => within(y, I))],
    ["sorted", (_I, o) => Array.isArray(o) && o.length > 1 && o.every((y, i, a) => i === 0 || !(features_isNum(y) && features_isNum(a[i - 1])) || a[i - 1] <= y)],
    ["out=lenin", (I, o) => features_isNum(o) && I.some((x) => isSeq(x) && items(x).length === Number(o))],
    ["out<0", (_I, o) => features_isNum(o) && o < 0],
    ["out01", (_I, o) => features_isNum(o) && (Number(o) === 0 || Number(o) === 1)],
    ["out>ins", (I, o) => features_isNum(o) && I.some(features_isNum) && nums(I).every((x) => Number(o) > x)],
    ["out<ins", (I, o) => features_isNum(o) && I.some(features_isNum) && nums(I).every((x) => Number(o) < x)],
    ["outbig", (I, o) => features_isNum(o) && I.some(features_isNum) && Number(o) > 10 * Math.max(...nums(I).map(Math.abs)) + 10],
    ["upper", (_I, o) => typeof o === "string" && /[A-Z]/.test(o) && o === o.toUpperCase()],
    ["lower", (_I, o) => typeof o === "string" && /[a-z]/.test(o) && o === o.toLowerCase()],
    ["space", (_I, o) => typeof o === "string" && o.includes(" ")],
    ["chars-sub", (I, o) => typeof o === "string" && [...o].every((c) => I.some((x) => typeof x === "string" && x.includes(c)))],
    ["newchars", (I, o) => typeof o === "string" && [...o].some((c) => !I.some((x) => typeof x === "string" && x.includes(c)))],
];
/** The relations that hold on every example (none without examples); a relation that throws does not hold. */
function ioRelations(spec) {
    const ex = spec.examples;
    if (ex.length === 0)
        return [];
    const out = [];
    for (const [name, test] of RELATIONS) {
        if (ex.every((e) => {
            try {
                return test(e.inputs, e.output);
            }
            catch {
                return false;
            }
        }))
            out.push(name);
    }
    if (spec.returns.kind === "bool") {
        if (ex.every((e) => e.output === true))
            out.push("alltrue");
        else if (ex.every((e) => e.output === false))
            out.push("allfalse");
    }
    return out;
}
/** A signature's class for the type prior: the return kind and the set of parameter kinds, "int<-list,str". */
function signatureClass(spec) {
    return `${kindWord(spec.returns)}<-${[...new Set(spec.params.map((p) => kindWord(p.type)))].sort().join(",")}`;
}
/** The types a program computes on its way that are neither a parameter's nor the result's (type keys, sorted). */
function intermediateTypes(program, spec) {
    const own = new Set([typeKey(spec.returns), ...spec.params.map((p) => typeKey(p.type))]);
    const used = new Set();
    for (const e of subexprs(program)) {
        const k = typeKey(e.type);
        if (!own.has(k))
            used.add(k);
    }
    return [...used].sort();
}

;// CONCATENATED MODULE: ./build/action/src/search/weights.js

/** A primitive's cost under the flat base: about the mean of the hand-set costs (0.5 to 3 bits). */
const FLAT_PRIM_COST = 1.5;
/** A primitive's log2 weight before learned weights: minus its cost, plus the hint boost when hinted ("hand"). */
function priorWeight(cost, hinted, hintBits, base) {
    return base === "flat" ? -FLAT_PRIM_COST : -cost + (hinted ? hintBits : 0);
}
const UNIFORM_WEIGHTS = {
    prim: new Map(),
    bigram: new Map(),
    source: "uniform",
};
/**
 * A feature every spec has: a logistic description model keeps its intercepts there (relative to `presence`);
 * naive Bayes models have no such row.
 */
const weights_BIAS_FEATURE = "*";
/** Per primitive, the description model's boost (log2) for a spec with these features; primitives without evidence are absent. */
function descriptionBoosts(model, features) {
    const sum = new Map();
    for (const f of [weights_BIAS_FEATURE, ...features]) {
        const row = model.evidence.get(f);
        if (row)
            for (const [p, w] of row)
                sum.set(p, (sum.get(p) ?? 0) + w);
    }
    const out = new Map();
    for (const [p, s] of sum) {
        const p0 = model.presence.get(p) ?? 0.5 / (model.n + 1);
        const logOdds = Math.log2(p0 / (1 - p0)) + model.temperature * s;
        const post = 1 / (1 + pow2(-logOdds));
        out.set(p, Math.max(model.floor, Math.min(model.ceil, Math.log2(post / p0))));
    }
    return out;
}
const DENSE_DESCRIPTIONS = new WeakMap();
function denseDescription(model, names) {
    let byTable = DENSE_DESCRIPTIONS.get(model);
    if (!byTable) {
        byTable = new WeakMap();
        DENSE_DESCRIPTIONS.set(model, byTable);
    }
    let dense = byTable.get(names);
    if (!dense) {
        const index = new Map(names.map((n, k) => [n, k]));
        const rows = new Map();
        for (const [f, row] of model.evidence) {
            const prim = [];
            const bits = [];
            for (const [p, w] of row) {
                const k = index.get(p);
                if (k === undefined)
                    continue;
                prim.push(k);
                bits.push(w);
            }
            if (prim.length > 0)
                rows.set(f, { prim: Int32Array.from(prim), bits: Float64Array.from(bits) });
        }
        const p0 = Float64Array.from(names, (n) => model.presence.get(n) ?? 0.5 / (model.n + 1));
        dense = { rows, p0 };
        byTable.set(names, dense);
    }
    return dense;
}
/**
 * descriptionBoosts for the primitives `names` (distinct; one array per primitive table, kept by identity), as an array in
 * their order (0 for a primitive without evidence): the same numbers, from evidence rows converted once per model
 * and table rather than maps read per spec.
 */
function descriptionBoostArray(model, features, names) {
    const { rows, p0 } = denseDescription(model, names);
    const sum = new Float64Array(names.length);
    const seen = new Uint8Array(names.length);
    const add = (f) => {
        const row = rows.get(f);
        if (!row)
            return;
        const { prim, bits } = row;
        for (let j = 0; j < prim.length; j++) {
            const k = prim[j];
            sum[k] = sum[k] + bits[j];
            seen[k] = 1;
        }
    };
    add(weights_BIAS_FEATURE);
    for (const f of features)
        add(f);
    const out = new Float64Array(names.length);
    for (let k = 0; k < names.length; k++) {
        if (seen[k] === 0)
            continue;
        const base = p0[k];
        const logOdds = Math.log2(base / (1 - base)) + model.temperature * sum[k];
        const post = 1 / (1 + grammar_pow2(-logOdds));
        out[k] = Math.max(model.floor, Math.min(model.ceil, Math.log2(post / base)));
    }
    return out;
}
/** Pseudo-count of the overall rate when a signature class has few programs. */
const TYPE_PRIOR_STRENGTH = 2;
/** Most bits a type's rarity adds to its nonterminal. */
const TYPE_PRIOR_CAP = 6;
/**
 * The extra cost (bits) of building values of type `typeKey` for a spec of signature class `signature`:
 * -log2 of the smoothed share of that class's solutions that compute such a value (0 for types the spec itself has).
 */
function typeOffsetBits(prior, signature, typeKey) {
    const mine = prior.bySignature.get(signature) ?? { n: 0, used: new Map() };
    const overall = ((prior.used.get(typeKey) ?? 0) + 0.5) / (prior.n + 1);
    const share = ((mine.used.get(typeKey) ?? 0) + TYPE_PRIOR_STRENGTH * overall) / (mine.n + TYPE_PRIOR_STRENGTH);
    return Math.min(TYPE_PRIOR_CAP, -Math.log2(share));
}

;// CONCATENATED MODULE: ./build/action/src/search/pygrammar.js







/** log2 prior weights of terminals relative to primitives (whose weight is -cost). */
const VAR_WEIGHT = 0;
const MINED_CONST_WEIGHT = -1;
const DEFAULT_CONST_WEIGHT = -2.5;
/** A retrieved subprogram is about as likely as a mined constant: what worked for a similar spec. */
const SEED_WEIGHT = -1;
/** Set types join the universe only when the description or signature suggests sets. */
const SET_WORDS = new Set(["unique", "distinct", "common", "set", "duplicate", "intersection", "union", "difference", "similar", "dissimilar", "shared", "uncommon", "missing"]);
const FLOAT_WORDS = new Set(["average", "mean", "area", "divide", "ratio", "float", "percent", "percentage", "sqrt", "root", "circle", "volume", "radius", "median", "perimeter", "circumference", "distance", "decimal"]);
/** Builds the typed grammar for a Python-semantics problem: one nonterminal per type of its type universe. */
function buildPythonGrammar(problem, weights, opts = {}) {
    const tokens = lexicon_tokenize(problem.description);
    const universe = typeUniverse(problem, tokens);
    const ntIndex = new Map(universe.map((t, i) => [types_typeKey(t), i]));
    const nts = universe.map((t) => ({ name: types_typeKey(t), type: t }));
    const has = (t) => ntIndex.has(types_typeKey(t));
    const nt = (t) => ntIndex.get(types_typeKey(t)) ?? -1;
    const base = opts.base ?? "hand";
    const drafts = [];
    const ws = [];
    for (const prm of problem.params) {
        if (!has(prm.type))
            continue;
        drafts.push({ kind: "var", lhs: nt(prm.type), name: prm.name, key: "var" });
        ws.push(VAR_WEIGHT + (weights.prim.get("var") ?? 0));
    }
    for (const c of constants(problem, tokens, opts.extraConstants ?? [])) {
        if (!has(c.type))
            continue;
        drafts.push({ kind: "const", lhs: nt(c.type), value: c.value, key: "const" });
        ws.push(c.weight + (weights.prim.get("const") ?? 0));
    }
    for (const seed of opts.seeds ?? []) {
        if (!has(seed.type))
            continue;
        drafts.push({ kind: "seed", lhs: nt(seed.type), expr: seed, key: "seed" });
        ws.push(SEED_WEIGHT + (weights.prim.get("seed") ?? 0));
    }
    const prims = opts.prims ?? PYTHON_PRIMS;
    const ops = operatorsFor(prims, universe, has, nt);
    // Per primitive: its weight with the learned evidence and the spec's description boost, and without (`prior`).
    const boosts = weights.desc ? descriptionBoostArray(weights.desc, specFeatures(problem), primNames(prims)) : undefined;
    const { prior, learned } = primWeights(prims, weights.prim, base, tokens, boosts);
    const leaves = drafts.length;
    const costs = operatorCosts(ws, drafts, ops, prior, learned, nts.length);
    const offsets = typeOffsets(problem, nts, weights);
    const prods = new Array(leaves + ops.drafts.length);
    for (let i = 0; i < leaves; i++) {
        const d = drafts[i];
        prods[i] = makeProduction(d, costs[i] + (offsets[d.lhs] ?? 0));
    }
    for (let i = 0; i < ops.drafts.length; i++) {
        const d = ops.drafts[i];
        prods[leaves + i] = makeProduction(d, costs[leaves + i] + (offsets[d.lhs] ?? 0));
    }
    let shape = `${ops.id}|`;
    for (let i = 0; i < leaves; i++) {
        const d = drafts[i];
        shape += `${d.kind[0]}${d.lhs},`;
    }
    return { nts, prods, start: nt(problem.returns), ntIndex, shape };
}
const OPERATOR_CACHE = new WeakMap();
const OPERATOR_CACHE_SIZE = 256;
let operatorsMade = 0;
function operatorsFor(prims, universe, has, nt) {
    let byUniverse = OPERATOR_CACHE.get(prims);
    if (!byUniverse) {
        byUniverse = new Map();
        OPERATOR_CACHE.set(prims, byUniverse);
    }
    const key = universe.map(types_typeKey).join(",");
    let out = byUniverse.get(key);
    if (!out) {
        const drafts = [];
        const prim = [];
        prims.forEach((p, k) => {
            for (const inst of instantiate(p, universe, has)) {
                const ret = nt(inst.ret);
                const args = inst.args.map(nt);
                drafts.push(p.hof ? { kind: "hof", lhs: ret, prim: p, source: nt(inst.args[0] ?? STR), bodies: inst.lambdas.map(nt), key: p.name } : { kind: "op", lhs: ret, prim: p, args, key: p.name });
                prim.push(k);
            }
        });
        out = { id: operatorsMade++, drafts, prim: Int32Array.from(prim), lhs: Int32Array.from(drafts, (d) => d.lhs) };
        if (byUniverse.size >= OPERATOR_CACHE_SIZE)
            byUniverse.clear();
        byUniverse.set(key, out);
    }
    return out;
}
const TABLE_PRIORS = new WeakMap();
/** The value kept under `key` in `map`, made and kept on first use. */
function kept(map, key, make) {
    let v = map.get(key);
    if (v === undefined) {
        v = make();
        map.set(key, v);
    }
    return v;
}
function tablePriors(prims, base) {
    return kept(kept(TABLE_PRIORS, prims, () => new Map()), base, () => {
        const hinted = new Map();
        prims.forEach((p, k) => {
            for (const h of new Set(p.hints ?? []))
                hinted.set(h, [...(hinted.get(h) ?? []), k]);
        });
        return { prior: Float64Array.from(prims, (p) => priorWeight(p.cost, false, HINT_BOOST_BITS, base)), hinted };
    });
}
/** Per learned per-primitive weights, table and base: prior plus learned weight per primitive of the table. */
const LEARNED_WEIGHTS = new WeakMap();
function learnedWeights(prims, learnedPrim, base, prior) {
    const byTable = kept(LEARNED_WEIGHTS, learnedPrim, () => new WeakMap());
    return kept(kept(byTable, prims, () => new Map()), base, () => Float64Array.from(prims, (p, k) => prior[k] + (learnedPrim.get(p.name) ?? 0)));
}
/**
 * Per primitive of the table: its prior weight with the spec's description hints ("hand" base), and that plus the
 * learned weight and the description model's boost. The spec-independent part is computed once per weights and
 * table (a search's set-up reads two small arrays rather than every primitive and a map per primitive: that set-up
 * runs with cold caches after the previous search, where each object read costs a memory access).
 */
function primWeights(prims, learnedPrim, base, tokens, boosts) {
    const table = tablePriors(prims, base);
    const dense = learnedWeights(prims, learnedPrim, base, table.prior);
    let hints;
    if (base === "hand") {
        for (const t of tokens)
            for (const k of table.hinted.get(t) ?? [])
                (hints ??= new Set()).add(k);
    }
    if (!hints && !boosts)
        return { prior: table.prior, learned: dense };
    const prior = hints ? Float64Array.from(table.prior) : table.prior;
    const learned = Float64Array.from(dense);
    for (const k of hints ?? []) {
        prior[k] = priorWeight(prims[k]?.cost ?? 0, true, HINT_BOOST_BITS, base);
        learned[k] = prior[k] + (learnedPrim.get(prims[k]?.name ?? "") ?? 0);
    }
    if (boosts)
        for (let k = 0; k < learned.length; k++)
            learned[k] = learned[k] + boosts[k];
    return { prior, learned };
}
const PRIM_NAMES = new WeakMap();
function primNames(prims) {
    let names = PRIM_NAMES.get(prims);
    if (!names) {
        names = prims.map((p) => p.name);
        PRIM_NAMES.set(prims, names);
    }
    return names;
}
/**
 * Integer costs (normalizeCosts' rounding) of the leaves (log2-weights `leafW`, productions `leaves`) followed by the
 * operators of `ops`, normalized per nonterminal.
 *
 * Learned weights redistribute probability among a nonterminal's operators; they do not move it between operators
 * and leaves (variables, constants, seeds). Without this, a model that raises most operators it has seen would make
 * every leaf, and so every program, costlier. So each nonterminal's operator weights are shifted by one amount,
 * log2(base / now), so that their total mass equals what it is without learned evidence (`prior` per primitive:
 * base) rather than with it (`learned`: now); uniform weights are left exactly as they are. The nonterminal's total
 * mass is then its leaves' mass plus its operators' base mass, and an operator's cost needs no power or logarithm
 * of its own: a grammar has a few hundred operator productions over a hundred or so primitives and a dozen
 * nonterminals, and this is set-up time of every search.
 */
function operatorCosts(leafW, leaves, ops, prior, learned, nNts) {
    const massBase = new Float64Array(nNts);
    const massNow = new Float64Array(nNts);
    const powPrior = new Float64Array(prior.length);
    const powLearned = new Float64Array(learned.length);
    for (let k = 0; k < prior.length; k++) {
        powPrior[k] = grammar_pow2(prior[k]);
        powLearned[k] = grammar_pow2(learned[k]);
    }
    for (let i = 0; i < ops.prim.length; i++) {
        const k = ops.prim[i];
        const l = ops.lhs[i];
        massBase[l] = massBase[l] + powPrior[k];
        massNow[l] = massNow[l] + powLearned[k];
    }
    const total = new Float64Array(nNts);
    for (let i = 0; i < leaves.length; i++) {
        const l = leaves[i].lhs;
        total[l] = total[l] + grammar_pow2(leafW[i]);
    }
    // Per nonterminal: log2 of its total mass, and the shift of its operators' weights.
    const logTotal = new Float64Array(nNts);
    const shift = new Float64Array(nNts);
    for (let l = 0; l < nNts; l++) {
        const b = massBase[l];
        const m = massNow[l];
        const moved = m > 0 && b !== m;
        if (moved)
            shift[l] = Math.log2(b / m);
        logTotal[l] = Math.log2(total[l] + (moved ? b : m));
    }
    const out = new Int32Array(leaves.length + ops.prim.length);
    for (let i = 0; i < leaves.length; i++)
        out[i] = costOf(logTotal[leaves[i].lhs] - leafW[i]);
    for (let i = 0; i < ops.prim.length; i++) {
        const l = ops.lhs[i];
        out[leaves.length + i] = costOf(logTotal[l] - (learned[ops.prim[i]] + shift[l]));
    }
    return out;
}
/**
 * Per nonterminal, the type prior's extra cost in cost units (see TypePrior): every production of a type that
 * solutions of this signature class rarely compute costs that much more, so its values are built later. The
 * signature's own types cost nothing extra.
 */
function typeOffsets(problem, nts, weights) {
    const prior = weights.types;
    if (!prior || prior.n === 0)
        return nts.map(() => 0);
    const own = new Set([types_typeKey(problem.returns), ...problem.params.map((p) => types_typeKey(p.type))]);
    const sig = signatureClass(problem);
    return nts.map((nt) => (own.has(nt.name) ? 0 : Math.round(typeOffsetBits(prior, sig, nt.name) * COST_SCALE)));
}
/**
 * The types the search may build values of: the signature's types and their components, plus the everyday
 * intermediates (int, bool, str, list[str] for split/join), sets when the description talks about them, float
 * when division or averages are likely.
 */
function typeUniverse(problem, tokens) {
    const out = [];
    const seen = new Set();
    const add = (t) => {
        if (t.kind === "unknown" || t.kind === "none" || seen.has(types_typeKey(t)))
            return;
        if (t.kind === "optional")
            return add(t.el);
        seen.add(types_typeKey(t));
        out.push(t);
        for (const c of components(t))
            add(c);
    };
    for (const p of problem.params)
        add(p.type);
    add(problem.returns);
    [types_INT, BOOL, STR].forEach(add);
    if (tokens.some((w) => FLOAT_WORDS.has(w)) || seen.has("float"))
        add(FLOAT);
    add(list(STR));
    const wantsSets = tokens.some((w) => SET_WORDS.has(w)) || out.some((t) => t.kind === "set");
    for (const t of [...out]) {
        const el = iterElement(t);
        if (el && t.kind !== "str") {
            add(list(el));
            if (wantsSets && el.kind !== "list" && el.kind !== "dict" && el.kind !== "set")
                add(set(el));
        }
    }
    if (out.some((t) => t.kind === "list" || t.kind === "vtuple"))
        add(list(types_INT));
    return out;
}
function components(t) {
    switch (t.kind) {
        case "list":
        case "set":
        case "vtuple":
        case "optional":
            return [t.el];
        case "tuple":
            return [...t.els];
        case "dict":
            return [t.key, t.val, list(t.key), list(t.val)];
        default:
            return [];
    }
}
/** Constants offered to the search: mined from the spec first, then small defaults. Deduplicated, in a fixed order. */
function constants(problem, tokens, extra) {
    const out = [];
    const seen = new Set();
    const push = (value, type, weight) => {
        const k = types_typeKey(type) + "|" + hashKey(value);
        if (seen.has(k))
            return;
        seen.add(k);
        out.push({ value, type, weight });
    };
    for (const [v, t] of extra)
        push(v, t, MINED_CONST_WEIGHT);
    for (const s of descriptionStrings(problem.description))
        push(s, STR, MINED_CONST_WEIGHT);
    for (const n of descriptionInts(problem.description))
        push(n, types_INT, MINED_CONST_WEIGHT);
    for (const [v, t] of lexiconConstants(tokens))
        push(v, t, MINED_CONST_WEIGHT);
    for (const ch of outputOnlyChars(problem))
        push(ch, STR, MINED_CONST_WEIGHT);
    // 0 and 1 are as common in real code as any mined constant.
    for (const n of [0, 1])
        push(n, types_INT, MINED_CONST_WEIGHT);
    for (const n of [2, -1])
        push(n, types_INT, DEFAULT_CONST_WEIGHT);
    for (const n of [0, 1, 2])
        push(n, FLOAT, DEFAULT_CONST_WEIGHT - 1);
    push(" ", STR, DEFAULT_CONST_WEIGHT);
    push("", STR, DEFAULT_CONST_WEIGHT);
    push(true, BOOL, DEFAULT_CONST_WEIGHT - 1);
    push(false, BOOL, DEFAULT_CONST_WEIGHT - 1);
    return out;
}
/** Characters that appear in a str output but in none of that example's str inputs ("-" in "2024-01-02"). */
function outputOnlyChars(problem) {
    if (problem.returns.kind !== "str")
        return [];
    const counts = new Map();
    for (const ex of problem.examples) {
        if (typeof ex.output !== "string" || hasAstral(ex.output))
            continue;
        const inputText = ex.inputs.map((v) => (typeof v === "string" ? v : JSON.stringify(v) ?? "")).join("");
        for (const ch of new Set(ex.output))
            if (!inputText.includes(ch))
                counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    return [...counts.keys()].sort().slice(0, 8);
}

;// CONCATENATED MODULE: ./build/action/src/search/sygrammar.js




/** log2 prior weights of terminals relative to primitives (whose weight is -cost). */
const sygrammar_VAR_WEIGHT = 0;
/** A grammar's literals are chosen for the task (like constants mined from a description). */
const CONST_WEIGHT = -0.5;
const SORT_TYPES = { String: STR, Int: types_INT, Bool: BOOL };
/**
 * Builds the search grammar of a problem that has SyGuS data (`problem.sygus`). Throws when it has none: callers
 * choose this builder only for SyGuS problems.
 */
function buildSygusGrammar(problem, weights, base = "hand") {
    const data = problem.sygus;
    if (!data)
        throw new Error(`problem ${problem.name} has no SyGuS grammar`);
    return new SygusGrammarBuilder(data, weights, base).build();
}
class SygusGrammarBuilder {
    data;
    weights;
    base;
    byName;
    /** Grammar nonterminal name -> index of the search nonterminal it became (aliases share their target's). */
    index = new Map();
    nts = [];
    draft = [];
    /** Nonterminals made for nested argument terms, by the term's key (shared when the same term recurs). */
    nested = new Map();
    constructor(data, weights, base) {
        this.data = data;
        this.weights = weights;
        this.base = base;
        this.byName = new Map(data.grammar.nonterminals.map((n) => [n.name, n]));
    }
    build() {
        for (const n of this.data.grammar.nonterminals)
            this.nonterminal(n.name);
        for (const n of this.data.grammar.nonterminals) {
            if (this.aliasTarget(n) !== n.name)
                continue;
            for (const rule of this.rulesOf(n))
                this.production(this.index.get(n.name) ?? 0, rule);
        }
        const costs = normalizeCosts(this.draft.map((d) => d.w), this.draft.map((d) => d.p.lhs));
        const prods = this.draft.map((d, i) => makeProduction(d.p, costs[i] ?? 1));
        const ntIndex = new Map(this.nts.map((n, i) => [n.name, i]));
        return { nts: this.nts, prods, start: this.index.get(this.data.grammar.start) ?? -1, ntIndex };
    }
    /** The index of a grammar nonterminal's search nonterminal (its alias target's, for a pure alias). */
    nonterminal(name) {
        const known = this.index.get(name);
        if (known !== undefined)
            return known;
        const n = this.byName.get(name);
        if (!n)
            throw new Error(`grammar nonterminal ${name} is not defined`);
        const target = this.aliasTarget(n);
        const i = target === name ? this.nts.push({ name, type: SORT_TYPES[n.sort] }) - 1 : this.nonterminal(target);
        this.index.set(name, i);
        return i;
    }
    /** Follows pure aliases (a nonterminal whose only rule is another nonterminal of its sort), cycles excepted. */
    aliasTarget(n) {
        const seen = new Set([n.name]);
        let cur = n;
        for (;;) {
            const only = cur.rules.length === 1 ? cur.rules[0] : undefined;
            const next = only?.kind === "nt" ? this.byName.get(only.name) : undefined;
            if (!next || next.sort !== cur.sort || seen.has(next.name))
                return cur.name;
            seen.add(next.name);
            cur = next;
        }
    }
    /** The rules of a nonterminal with alias rules replaced by the rules of their targets (transitively). */
    rulesOf(n) {
        const out = [];
        const keys = new Set();
        const visited = new Set();
        const visit = (x) => {
            if (visited.has(x.name))
                return;
            visited.add(x.name);
            for (const r of x.rules) {
                const target = r.kind === "nt" ? this.byName.get(r.name) : undefined;
                if (target)
                    visit(target);
                else if (!keys.has(ruleKey(r))) {
                    keys.add(ruleKey(r));
                    out.push(r);
                }
            }
        };
        visit(n);
        return out;
    }
    production(lhs, rule) {
        const w = this.weights.prim;
        switch (rule.kind) {
            case "nt":
                return;
            case "var":
                this.draft.push({ p: { kind: "var", lhs, name: rule.name, key: "var" }, w: sygrammar_VAR_WEIGHT + (w.get("var") ?? 0) });
                return;
            case "const":
                this.draft.push({ p: { kind: "const", lhs, value: rule.value, key: "const" }, w: CONST_WEIGHT + (w.get("const") ?? 0) });
                return;
            case "op": {
                const prim = primByName(rule.prim);
                if (!prim)
                    throw new Error(`grammar operator ${rule.prim} is not a registered primitive`);
                const args = rule.args.map((a) => this.argument(a));
                this.draft.push({ p: { kind: "op", lhs, prim, args, key: prim.name }, w: priorWeight(prim.cost, false, 0, this.base) + (w.get(prim.name) ?? 0) });
                return;
            }
        }
    }
    /** The nonterminal of an operator's argument: a grammar nonterminal, or one made for a nested term. */
    argument(rule) {
        if (rule.kind === "nt")
            return this.nonterminal(rule.name);
        const key = ruleKey(rule);
        const known = this.nested.get(key);
        if (known !== undefined)
            return known;
        const i = this.nts.push({ name: key, type: SORT_TYPES[rule.sort] }) - 1;
        this.nested.set(key, i);
        this.production(i, rule);
        return i;
    }
}
/** A rule as SyGuS-like text, canonical enough to deduplicate rules and name nested terms (`(str.++ ntString "!")`). */
function ruleKey(r) {
    switch (r.kind) {
        case "nt":
        case "var":
            return r.name;
        case "const":
            return typeof r.value === "string" ? JSON.stringify(r.value) : String(r.value);
        case "op":
            return `(${primByName(r.prim)?.smt ?? r.prim} ${r.args.map(ruleKey).join(" ")})`;
    }
}

;// CONCATENATED MODULE: ./build/action/src/search/synthesize.js










/** The share of the budget the first phase gets before just-in-time learning restarts the search. */
const JIT_FIRST_PHASE = 0.3;
/** Bits a primitive of a partial solution right on every example but one gains (scaled by its fit). */
const JIT_BITS = 2;
/** Primitive boosts from partial solutions: each primitive gets its best partial's fit times JIT_BITS. */
function partialBoosts(partials) {
    const boost = new Map();
    for (const p of partials) {
        const fit = p.passed / p.total;
        for (const op of opsOf(p.expr()))
            boost.set(op, Math.max(boost.get(op) ?? 0, fit * JIT_BITS));
    }
    return boost;
}
function addBoosts(base, boosts) {
    const out = new Map(base);
    for (const [k, v] of boosts)
        out.set(k, (out.get(k) ?? 0) + v);
    return out;
}
const DEFAULT_MAX_BYTES = 2 * 2 ** 30;
/**
 * Searches for a program consistent with every example of the problem (HOUSE-STYLE habit 4: returns data).
 *
 * With many examples the search runs on a subset; a program found there is checked on all examples and the
 * first counterexample joins the subset for the next attempt (counterexample-guided, as EUSolver and cvc5 do).
 * Deterministic for the same problem and options unless a time limit cuts it short.
 */
function synthesize(problem, options) {
    const now = options.now ?? (() => performance.now());
    const t0 = now();
    const weights = options.weights ?? UNIFORM_WEIGHTS;
    const stats = { candidates: 0, kept: 0, level: 0, contexts: 0, elapsedMs: 0, bytes: 0 };
    const reused = (options.tryFirst ?? []).filter((p) => fitsAll(problem, p));
    if (reused[0]) {
        stats.elapsedMs = now() - t0;
        return { stop: { kind: "solved" }, program: reused[0], cost: 0, alternatives: reused.slice(1), stats };
    }
    const base = options.base ?? "hand";
    const build = (w) => problem.sygus ? buildSygusGrammar(problem, w, base) : buildPythonGrammar(problem, w, { extraConstants: options.extraConstants ?? [], seeds: options.seeds ?? [], base });
    const grammar = options.grammar ?? build(weights);
    if (grammar.start < 0) {
        return { stop: { kind: "unsupported", reason: `return type ${types_typeKey(problem.returns)} is outside the DSL` }, alternatives: [], stats };
    }
    const deadline = t0 + options.timeoutMs;
    let subset = initialSubset(problem.examples, options.subsetSize ?? 6);
    for (;;) {
        const phased = !(options.grammar || options.jit === false);
        let s = new Search({ ...problem, examples: subset }, grammar, options, phased ? t0 + JIT_FIRST_PHASE * options.timeoutMs : deadline);
        let stop = s.run(!phased);
        accumulate(stats, s);
        // With a deduced program pending, the first search continues rather than restarting with boosts.
        const boosts = phased && s.solutions.length === 0 && !s.hasPending && now() < deadline ? partialBoosts(s.partials) : undefined;
        if (boosts && boosts.size > 0) {
            // Just-in-time learning (Probe): productions of partial solutions become likelier; search again.
            s.en.release();
            s = new Search({ ...problem, examples: subset }, build({ ...weights, prim: addBoosts(weights.prim, boosts), source: `${weights.source}+jit` }), options, deadline);
            stop = s.run();
            accumulate(stats, s);
        }
        else if (s.solutions.length === 0 && now() < deadline && stop.kind === "timeLimit") {
            const before = s.en.candidates;
            s.extend(deadline);
            stop = s.run();
            stats.candidates += s.en.candidates - before;
            stats.level = s.level;
        }
        s.settle();
        const verified = s.solutions.filter((x) => fitsAll(problem, x.expr));
        const counter = verified.length === 0 && s.solutions[0] ? firstFailure(problem, s.solutions[0].expr, subset) : undefined;
        if (counter && now() < deadline) {
            s.en.release();
            subset = [...subset, counter];
            continue;
        }
        stats.elapsedMs = now() - t0;
        const out = result(s, stop, verified, subset.length === problem.examples.length, stats);
        s.en.release();
        // The result holds `stats`: its time includes the release.
        stats.elapsedMs = now() - t0;
        return out;
    }
}
function result(s, stop, verified, complete, stats) {
    const best = verified[0];
    const partial = !best && s.partial ? { program: s.partial.expr(), passed: s.partial.passed } : undefined;
    void complete;
    return {
        stop: best ? { kind: "solved" } : stop.kind === "solved" ? { kind: "timeLimit", ms: stats.elapsedMs } : stop,
        ...(best ? { program: best.expr, cost: best.cost } : {}),
        alternatives: verified.slice(1).map((x) => x.expr),
        ...(partial ? { partial } : {}),
        stats,
    };
}
function accumulate(stats, s) {
    const en = s.en;
    stats.candidates += en.candidates;
    stats.kept += en.contexts.reduce((n, c) => n + c.bank.size, 0);
    stats.level = s.level;
    stats.contexts = Math.max(stats.contexts, en.contexts.length - 1);
    stats.bytes = Math.max(stats.bytes, en.peakBytes, en.bytes);
}
/**
 * The first examples to search on: all of them when there are few; otherwise a spread of distinct inputs,
 * preferring outputs of different lengths (different shapes of the answer), in the file's order.
 */
function initialSubset(examples, size) {
    if (examples.length <= size)
        return [...examples];
    const seen = new Set();
    const distinct = examples.filter((e) => {
        const k = JSON.stringify(e.inputs, (_k, v) => (typeof v === "bigint" ? String(v) : v));
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
    const out = [];
    const shapes = new Set();
    for (const e of distinct) {
        const shape = typeof e.output === "string" ? `${e.output.length}` : String(e.output);
        if (!shapes.has(shape)) {
            shapes.add(shape);
            out.push(e);
        }
        if (out.length >= size)
            return out;
    }
    for (const e of distinct) {
        if (out.length >= size)
            break;
        if (!out.includes(e))
            out.push(e);
    }
    return out;
}
/** The program gives the example's output (a program that throws, for example ill-typed reuse, does not fit). */
function fits(problem, program, ex) {
    try {
        const got = run(program, problem.params.map((p) => p.name), ex.inputs);
        return !isError(got) && pyEq(got, ex.output);
    }
    catch {
        return false;
    }
}
function fitsAll(problem, program) {
    return problem.examples.every((ex) => fits(problem, program, ex));
}
function firstFailure(problem, program, subset) {
    return problem.examples.find((ex) => !subset.includes(ex) && !fits(problem, program, ex));
}
/** The concatenation production of the start nonterminal (`str.++` / `+` on str), if the grammar has one. */
function concatOf(g) {
    for (const p of g.prods) {
        if (p.kind !== "op" || p.lhs !== g.start || (p.prim.name !== "smt.str.++" && p.prim.name !== "seq.concat"))
            continue;
        if (p.args.length === 2 && p.args.every((a) => a === g.start) && g.nts[g.start]?.type.kind === "str")
            return p;
    }
    return undefined;
}
/**
 * A deduced program is accepted once enumeration is within this many cost units of it (3 bits: a smaller
 * program found by enumeration in that range would be at most 8x less likely a priori).
 */
const PENDING_SLACK = 6;
const MAX_PARTIALS = 24;
/**
 * How long (ms) a search waits at most for enumeration to reach a deduced program's cost when the grammar is a
 * problem's own (SyGuS): beyond that, the deduced program is accepted (see Search.tryDeduction).
 */
const MAX_WAIT_MS = 2000;
/** ... and for at least this long (ms) in any case. */
const MIN_WAIT_MS = 30;
/** One search over a fixed set of examples. */
class Search {
    problem;
    grammar;
    options;
    deadline;
    en;
    solutions = [];
    partial;
    /** The cheapest kept program per set of examples it gets right (partial solutions), at most MAX_PARTIALS. */
    partials = [];
    partialMasks = new Set();
    level = 0;
    target;
    cond;
    concat;
    /** Programs built by deduction (conditionals, concatenations), accepted once enumeration nears their cost. */
    pending;
    /** Time each completed level took (ms). */
    levelMs = [];
    started = performance.now();
    /** The level at which the first solution arrived (deduced ones can cost more than the level they came at). */
    firstSolvedAt = Infinity;
    constructor(problem, grammar, options, deadline) {
        this.problem = problem;
        this.grammar = grammar;
        this.options = options;
        this.deadline = deadline;
        const maxCost = options.maxCost ?? 400;
        const conditional = problem.examples.length >= 2 ? conditionalOf(grammar) : undefined;
        this.en = new Enumerator(grammar, problem.params.map((p) => p.name), problem.examples.map((e) => e.inputs), {
            deadline,
            maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
            maxCost,
            samples: problem.examples.map((e) => e.output),
            bigram: (options.weights ?? UNIFORM_WEIGHTS).bigram,
            skipInMain: (p) => p.kind === "op" && p.prim.name === "if",
        });
        this.target = Float64Array.from(problem.examples, (e) => this.en.encodeFor(grammar.start, e.output));
        this.en.setTarget(this.target);
        this.en.onSolution = (prod, cost, kids) => this.solution(prod, cost, kids);
        this.en.onMainEntry((entry, vec) => {
            if (this.en.main.bank.nt.data[entry] === grammar.start)
                this.observePartial(entry, vec);
        });
        const cat = concatOf(grammar);
        if (cat && problem.examples.every((e) => typeof e.output === "string")) {
            const inputs = problem.examples.map((e) => e.inputs.filter((v) => typeof v === "string"));
            this.concat = new ConcatSolver(this.en, problem.examples.map((e) => e.output), grammar.start, { concatPrim: cat.prim.name, concatCost: cat.cost, type: problem.returns, inputs });
        }
        if (conditional) {
            const { prod, boolNt } = conditional;
            const concat = this.concat;
            const leafSynth = concat ? (on, max) => concat.solveFor(on, max, this.deadline) : undefined;
            // Few examples support few cases: at most one leaf per three examples outside SyGuS grammars.
            const maxLeaves = problem.format === "sygus" ? undefined : Math.max(2, Math.floor(problem.examples.length / 3));
            this.cond = new CondSolver(this.en, this.target, grammar.start, { ifCost: prod.cost, ifOp: prod.prim.name, boolNt, ...(leafSynth ? { leafSynth } : {}), ...(maxLeaves ? { maxLeaves } : {}) });
        }
    }
    /**
     * Enumerates level by level from where it stopped (a search cut short by a phase deadline continues with
     * `extend`; an interrupted level is enumerated again, its finished part rejected by equivalence).
     */
    run(final = true) {
        const maxCost = this.options.maxCost ?? 400;
        const window = this.options.ambiguityWindow ?? 2;
        try {
            for (let level = this.level + 1; level <= maxCost; level++) {
                const t = performance.now();
                this.en.step(level);
                this.levelMs.push(performance.now() - t);
                this.level = level;
                const first = this.solutions[0];
                if (first && level >= Math.min(first.cost, this.firstSolvedAt) + window)
                    return { kind: "solved" };
                if (!first)
                    this.tryDeduction(level);
            }
        }
        catch (e) {
            if (!(e instanceof StopSearch))
                throw e;
            // A phase that is not the last keeps its deduced program pending: the search may continue (extend).
            if (final || e.kind !== "timeLimit")
                this.acceptPending();
            return e.kind === "memoryLimit" ? { kind: "memoryLimit", bytes: this.en.bytes } : { kind: "timeLimit", ms: this.options.timeoutMs };
        }
        this.acceptPending();
        return { kind: "exhausted", maxCost };
    }
    /** Gives the search more time (used after a first phase found nothing to learn from). */
    extend(deadline) {
        this.deadline = deadline;
        this.en.deadline = deadline;
    }
    /** Whether a deduced program waits for enumeration to reach its cost. */
    get hasPending() {
        return this.pending !== undefined;
    }
    /** Accepts a still-pending deduced program when nothing else was found (the search is over). */
    settle() {
        this.acceptPending();
    }
    acceptPending() {
        if (this.solutions.length === 0 && this.pending)
            this.accept(this.pending.expr, this.pending.cost);
    }
    /**
     * Conditionals (divide and conquer) and concatenations (top-down deduction) over the bank: the cheapest found
     * is kept pending and accepted once enumeration has (nearly) reached its cost, so smaller programs still win.
     */
    tryDeduction(level) {
        for (const found of [this.cond?.solve(level + 200), this.concat?.solve(level + 400, this.deadline)]) {
            if (found && (!this.pending || found.cost < this.pending.cost))
                this.pending = found;
        }
        const gap = this.pending ? this.pending.cost - level : 0;
        // Early acceptance only within a problem's own small grammar (SyGuS), and only when enumeration would take long
        // to reach the deduced program's cost: in the broad Python DSL a deduced program far above the enumerated level
        // is too often a coincidence of a few examples, and where enumeration is fast a smaller program may yet come.
        // A concatenation that splits a stretch of an input into pieces (ConcatResult.natural) fits its examples by
        // coincidence: it waits for enumeration like any other, and is taken only if nothing better comes.
        const early = this.problem.format === "sygus" && this.pending !== undefined && this.pending.natural !== false && !this.reachable(this.pending.cost - PENDING_SLACK);
        if (this.pending && (gap <= PENDING_SLACK || early)) {
            this.accept(this.pending.expr, this.pending.cost);
            this.pending = undefined;
        }
    }
    /**
     * Whether enumeration can plausibly reach cost level `target` within the remaining time, extrapolating the
     * geometric growth of the recent levels' times, in at most MAX_WAIT_MS. When it cannot, waiting for a smaller
     * program is not worth the time.
     */
    reachable(target) {
        // Level times of a young search are too small and noisy to extrapolate from; it goes on meanwhile.
        if (performance.now() - this.started < MIN_WAIT_MS)
            return true;
        const recent = this.levelMs.slice(-6).filter((ms) => ms > 0.5);
        if (recent.length < 2)
            return true;
        const last = recent[recent.length - 1];
        const growth = Math.min(3, Math.max(1.05, (last / recent[0]) ** (1 / (recent.length - 1))));
        const n = target - this.level;
        const estimate = (last * growth * (growth ** Math.min(n, 60) - 1)) / (growth - 1);
        return estimate < Math.min(MAX_WAIT_MS, (this.deadline - performance.now()) / 2);
    }
    solution(prod, cost, kids) {
        if (this.solutions.length >= 1 + (this.options.maxAlternatives ?? 4))
            return;
        const type = this.grammar.nts[this.grammar.start]?.type ?? this.problem.returns;
        this.accept(this.en.prodExpr(prod, [...kids], 0, type), cost);
    }
    /** The kept program of the start nonterminal that is right on the most examples (reported when unsolved). */
    observePartial(entry, vec) {
        let passed = 0;
        let mask = "";
        for (let e = 0; e < vec.length; e++) {
            const ok = vec[e] === this.target[e];
            if (ok)
                passed++;
            mask += ok ? "1" : "0";
        }
        if (passed > 0 && passed < vec.length && this.partials.length < MAX_PARTIALS && !this.partialMasks.has(mask)) {
            this.partialMasks.add(mask);
            this.partials.push({ passed, total: vec.length, expr: () => this.en.toExpr(0, entry) });
        }
        if (passed === vec.length || (this.partial && passed <= this.partial.passed))
            return;
        this.partial = { passed, cost: this.en.main.bank.cost.data[entry], expr: () => this.en.toExpr(0, entry) };
    }
    accept(expr, cost) {
        if (this.solutions.length === 0)
            this.firstSolvedAt = this.level;
        const key = JSON.stringify(expr, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
        if (this.solutions.some((s) => s.key === key))
            return;
        this.solutions.push({ expr, cost, key });
        this.solutions.sort((a, b) => a.cost - b.cost);
    }
}

;// CONCATENATED MODULE: ./build/action/src/learn/logistic.js
/**
 * The description model as per-primitive logistic regression (DeepCoder's "which primitives does this spec call
 * for", with a linear model small enough for a few hundred training specs).
 *
 * Naive Bayes (learnDescription) adds up each feature's evidence as if the features were independent; a spec's
 * description words, name words, signature and example relations are not, so a rare primitive that shares a few
 * common features with a spec collects a large boost from them together. Logistic regression fits the weights of
 * all features jointly: correlated features share their evidence, a feature that is common everywhere gets no
 * credit, and the fitted probabilities are calibrated, so primitives the spec's features do not call for fall
 * below their base rate instead of staying at it.
 *
 * Fitting: weighted cross-entropy (soft labels: a primitive's weight in a spec over the spec's weight, see
 * specsOf) plus an L2 penalty on the feature weights, minimised by mini-batch Adam from a fixed start in a fixed
 * pseudo-random order (deterministic). Each step touches only the feature rows its batch has (features are sparse),
 * and the number of passes shrinks as the data grows, so a corpus of thousands of specs refits in seconds.
 *
 * The fitted model is stored in the DescriptionModel shape that naive Bayes uses: `presence` holds each
 * primitive's base rate, the always-present BIAS_FEATURE row holds the intercept relative to that base rate, the
 * other rows the feature weights, all in bits, with temperature 1.
 */

/** L2 penalty (per unit of spec weight) on each feature weight, in nats (on the MBPP validation quarter 0.1 beat 1, 0.3, 0.03 and 0.01). */
const DEFAULT_L2 = 0.1;
/** Specs per Adam step. */
const logistic_BATCH = 32;
const RATE = 0.05;
/** Passes over the data: as many as about WORK multiply-adds allow, within [MIN_EPOCHS, MAX_EPOCHS]. */
const MIN_EPOCHS = 4;
const MAX_EPOCHS = 40;
const WORK = 3e8;
function logistic_fitDescriptionLogistic(specs, opts = {}) {
    const minSpecs = opts.minFeatureSpecs ?? 2;
    const minBits = opts.minBits ?? 0.1;
    const l2 = opts.l2 ?? DEFAULT_L2;
    const clamp = opts.clamp ?? 3;
    const N = specs.reduce((s, x) => s + x.weight, 0);
    // Features of at least minSpecs (weighted) specs; primitives used by at least one spec.
    const nF = new Map();
    const nP = new Map();
    for (const s of specs) {
        for (const f of new Set(s.features))
            nF.set(f, (nF.get(f) ?? 0) + s.weight);
        for (const [p, w] of s.prims)
            nP.set(p, (nP.get(p) ?? 0) + w);
    }
    const feats = [...nF].filter(([, n]) => n >= minSpecs).map(([f]) => f).sort();
    const prims = [...nP.keys()].sort();
    const presence = new Map(prims.map((p) => [p, ((nP.get(p) ?? 0) + 0.5) / (N + 1)]));
    const F = feats.length;
    const P = prims.length;
    const fIndex = new Map(feats.map((f, i) => [f, i]));
    const pIndex = new Map(prims.map((p, i) => [p, i]));
    const S = specs.length;
    const rows = specs.map((s) => Int32Array.from(new Set(s.features.flatMap((f) => fIndex.get(f) ?? []))));
    const sw = Float64Array.from(specs, (s) => s.weight);
    // Labels, sparse (a spec uses a few primitives): per spec, the primitives' indices and soft labels.
    const labelIdx = specs.map((s) => Int32Array.from(s.prims.keys(), (p) => pIndex.get(p)));
    const labelVal = specs.map((s) => Float64Array.from(s.prims.values(), (w) => (s.weight > 0 ? Math.min(1, w / s.weight) : 0)));
    // Parameters: F rows of feature weights, then the intercepts; Adam moments alongside.
    const theta = new Float64Array((F + 1) * P);
    const b0 = F * P;
    for (let j = 0; j < P; j++) {
        const m = presence.get(prims[j]);
        theta[b0 + j] = Math.log(m / (1 - m));
    }
    const grad = new Float64Array(theta.length);
    const m1 = new Float64Array(theta.length);
    const m2 = new Float64Array(theta.length);
    const z = new Float64Array(P);
    const scale = N > 0 ? 1 / N : 1;
    const order = Array.from({ length: S }, (_, i) => i);
    const featsPerSpec = rows.reduce((a, r) => a + r.length + 1, 0) / Math.max(1, S);
    const epochs = Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, Math.floor(WORK / Math.max(1, S * P * featsPerSpec))));
    let step = 0;
    let seed = 0x9e3779b9;
    const touched = new Uint8Array(F);
    const rowsOf = [];
    for (let epoch = 0; epoch < epochs; epoch++) {
        // A fixed pseudo-random order per epoch (deterministic).
        for (let i = S - 1; i > 0; i--) {
            seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
            const k = seed % (i + 1);
            [order[i], order[k]] = [order[k], order[i]];
        }
        for (let start = 0; start < S; start += logistic_BATCH) {
            const batch = order.slice(start, start + logistic_BATCH);
            rowsOf.length = 0;
            let bw = 0;
            for (const i of batch) {
                const row = rows[i];
                const wi = sw[i] * scale;
                bw += wi;
                if (wi === 0)
                    continue;
                z.set(theta.subarray(b0, b0 + P));
                for (const f of row)
                    for (let j = 0, o = f * P; j < P; j++)
                        z[j] = z[j] + theta[o + j];
                for (let j = 0; j < P; j++)
                    z[j] = wi / (1 + Math.exp(-z[j]));
                const li = labelIdx[i];
                const lv = labelVal[i];
                for (let k = 0; k < li.length; k++)
                    z[li[k]] = z[li[k]] - wi * lv[k];
                for (const f of row) {
                    if (!touched[f]) {
                        touched[f] = 1;
                        rowsOf.push(f);
                    }
                    for (let j = 0, o = f * P; j < P; j++)
                        grad[o + j] = grad[o + j] + z[j];
                }
                for (let j = 0; j < P; j++)
                    grad[b0 + j] = grad[b0 + j] + z[j];
            }
            // Batches are weighted shares of the data: rescale to the whole, with the penalty on the rows this batch moves.
            const share = bw > 0 ? 1 / bw : 0;
            step++;
            const c1 = 1 - 0.9 ** step;
            const c2 = 1 - 0.999 ** step;
            const update = (k, g) => {
                m1[k] = 0.9 * m1[k] + 0.1 * g;
                m2[k] = 0.999 * m2[k] + 0.001 * g * g;
                theta[k] = theta[k] - (RATE * (m1[k] / c1)) / (Math.sqrt(m2[k] / c2) + 1e-8);
                grad[k] = 0;
            };
            for (const f of rowsOf) {
                touched[f] = 0;
                for (let j = 0, o = f * P; j < P; j++)
                    update(o + j, grad[o + j] * share + l2 * scale * theta[o + j]);
            }
            for (let j = 0; j < P; j++)
                update(b0 + j, grad[b0 + j] * share);
        }
    }
    const bits = (x) => x / Math.LN2;
    const evidence = new Map();
    const bias = new Map();
    prims.forEach((p, j) => {
        const m = presence.get(p);
        bias.set(p, bits(theta[b0 + j] - Math.log(m / (1 - m))));
    });
    evidence.set(BIAS_FEATURE, bias);
    feats.forEach((f, i) => {
        const row = new Map();
        prims.forEach((p, j) => {
            const w = bits(theta[i * P + j]);
            if (Math.abs(w) >= minBits)
                row.set(p, w);
        });
        if (row.size > 0)
            evidence.set(f, row);
    });
    return { presence, evidence, temperature: 1, floor: -clamp, ceil: 2 * clamp, n: Math.round(N) };
}

;// CONCATENATED MODULE: ./build/action/src/learn/weights.js


/** The op tree of a DSL program (lambdas contribute their bodies). */
function treeOfExpr(e) {
    switch (e.t) {
        case "var":
            return { op: "var", kids: [] };
        case "const":
            return { op: "const", kids: [] };
        case "lambda":
            return treeOfExpr(e.body);
        case "call":
            return { op: e.op, kids: e.args.map(treeOfExpr) };
    }
}
function* nodes(t) {
    yield t;
    for (const k of t.kids)
        yield* nodes(k);
}
/** Learns unigram, bigram and description weights from solved programs. */
function learnWeights(items, opts = {}) {
    const desc = (opts.description ?? "logistic") === "logistic" ? fitDescriptionLogistic(specsOf(items), opts) : learnDescription(items, opts);
    const types = learnTypePrior(items);
    return {
        prim: learnUnigram(items, opts),
        bigram: learnBigram(items, opts),
        ...(desc.evidence.size > 0 ? { desc } : {}),
        ...(types.n > 0 ? { types } : {}),
        source: opts.source ?? `learned:${items.length}`,
    };
}
const isLeaf = (op) => op === "var" || op === "const";
function weights_count(m, k, w) {
    m.set(k, (m.get(k) ?? 0) + w);
}
/** log2 of each primitive's smoothed frequency relative to a uniform choice among the primitives seen. */
function learnUnigram(items, opts = {}) {
    const alpha = opts.alpha ?? 1;
    const clamp = opts.clamp ?? 3;
    const counts = new Map();
    for (const op of opts.universe ?? [])
        counts.set(op, 0);
    for (const it of items)
        if (!it.fragment)
            for (const n of nodes(it.tree))
                if (!isLeaf(n.op))
                    weights_count(counts, n.op, it.weight ?? 1);
    const K = counts.size;
    const N = [...counts.values()].reduce((a, b) => a + b, 0);
    const out = new Map();
    // Without whole programs there is no evidence about frequencies (fragments teach the description model only).
    if (N === 0)
        return out;
    for (const [op, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const f = (c + alpha) / (N + alpha * K);
        out.set(op, Math.max(-clamp, Math.min(clamp, Math.log2(f * K))));
    }
    return out;
}
/**
 * Parent-conditioned weights: key `${parent}/${argIndex}` -> child -> log2( P(child | parent, i) / P(child) ),
 * smoothed, kept only with enough support and strength. Children are operators only unless `leafChildren` (see
 * LearnOptions): the trees carry no types, and in a grammar with many types whether a variable or a constant fills a
 * slot is mostly decided by the slot's type, which the typed grammar already knows.
 */
function learnBigram(items, opts = {}) {
    const alpha = opts.alpha ?? 1;
    const minSupport = opts.minSupport ?? 2;
    const minBits = opts.minBits ?? 0.5;
    const clamp = opts.clamp ?? 3;
    const leafChildren = opts.leafChildren ?? false;
    const pair = new Map();
    const ctxTotal = new Map();
    const child = new Map();
    let total = 0;
    for (const it of items) {
        if (it.fragment)
            continue;
        const w = it.weight ?? 1;
        for (const n of nodes(it.tree)) {
            n.kids.forEach((k, i) => {
                if (!leafChildren && isLeaf(k.op))
                    return;
                const key = `${n.op}/${i}`;
                const m = pair.get(key) ?? new Map();
                pair.set(key, m);
                weights_count(m, k.op, w);
                weights_count(ctxTotal, key, w);
                weights_count(child, k.op, w);
                total += w;
            });
        }
    }
    const V = child.size;
    const out = new Map();
    for (const [key, m] of [...pair].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const ct = ctxTotal.get(key) ?? 0;
        for (const [op, c] of [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
            if (c < minSupport)
                continue;
            const pCond = (c + alpha) / (ct + alpha * V);
            const pChild = ((child.get(op) ?? 0) + alpha) / (total + alpha * V);
            const bits = Math.max(-clamp, Math.min(clamp, Math.log2(pCond / pChild)));
            if (Math.abs(bits) < minBits)
                continue;
            const row = out.get(key) ?? new Map();
            out.set(key, row);
            row.set(op, bits);
        }
    }
    return out;
}
/**
 * Items pooled per group (see TrainingProgram.group): features, the primitives used, each with the largest weight
 * of the group's items that use it (a coincidental solution's primitives keep its small weight even when a
 * reference fragment of the same task counts fully), and the group's weight (its largest item weight).
 */
function specsOf(items) {
    const byGroup = new Map();
    const out = [];
    for (const it of items) {
        const w = it.weight ?? 1;
        const prims = [...nodes(it.tree)].map((n) => n.op).filter((op) => !isLeaf(op));
        const g = it.group !== undefined ? byGroup.get(it.group) : undefined;
        if (g) {
            for (const p of prims)
                g.prims.set(p, Math.max(g.prims.get(p) ?? 0, w));
            g.weight = Math.max(g.weight, w);
            continue;
        }
        const spec = { features: it.features ?? tokenize(it.description), prims: new Map(prims.map((p) => [p, w])), weight: w };
        if (it.group !== undefined)
            byGroup.set(it.group, spec);
        out.push(spec);
    }
    return out;
}
/**
 * The description model (see DescriptionModel): per (feature, primitive) seen together in at least one spec, the
 * log2 likelihood ratio P(f | p used) / P(f | p not used), with add-half smoothing, for features of at least
 * minFeatureSpecs specs and ratios of at least minBits (in either direction). Pairs never seen together carry no
 * evidence: with a few hundred training specs, absence says little.
 */
function learnDescription(items, opts = {}) {
    const minSpecs = opts.minFeatureSpecs ?? 2;
    const minBits = opts.minBits ?? 0.3;
    const a = 0.5;
    const specs = specsOf(items);
    const nP = new Map();
    const nF = new Map();
    const nFP = new Map();
    let N = 0;
    for (const s of specs) {
        N += s.weight;
        for (const [p, w] of s.prims)
            weights_count(nP, p, w);
        for (const f of new Set(s.features)) {
            weights_count(nF, f, s.weight);
            const row = nFP.get(f) ?? new Map();
            nFP.set(f, row);
            for (const [p, w] of s.prims)
                weights_count(row, p, w);
        }
    }
    const evidence = new Map();
    for (const [f, nf] of [...nF].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
        if (nf < minSpecs)
            continue;
        for (const [p, nfp] of [...(nFP.get(f) ?? new Map())].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
            const np = nP.get(p) ?? 0;
            const bits = Math.log2((nfp + a) / (np + 2 * a) / ((nf - nfp + a) / (N - np + 2 * a)));
            if (Math.abs(bits) < minBits)
                continue;
            const row = evidence.get(f) ?? new Map();
            evidence.set(f, row);
            row.set(p, bits);
        }
    }
    const presence = new Map([...nP].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([p, n]) => [p, (n + 0.5) / (N + 1)]));
    return { presence, evidence, temperature: opts.temperature ?? 0.3, floor: -(opts.clamp ?? 3), ceil: 2 * (opts.clamp ?? 3), n: Math.round(N) };
}
/** The type prior (see TypePrior) from whole solutions that say which types they computed (one per group). */
function learnTypePrior(items) {
    const used = new Map();
    const bySignature = new Map();
    const seen = new Set();
    let n = 0;
    for (const it of items) {
        if (it.fragment || !it.types)
            continue;
        if (it.group !== undefined) {
            if (seen.has(it.group))
                continue;
            seen.add(it.group);
        }
        const w = it.weight ?? 1;
        n += w;
        const row = bySignature.get(it.types.signature) ?? { n: 0, used: new Map() };
        bySignature.set(it.types.signature, row);
        row.n += w;
        for (const t of new Set(it.types.used)) {
            weights_count(used, t, w);
            weights_count(row.used, t, w);
        }
    }
    return { n, used, bySignature };
}
const round3 = (x) => Math.round(x * 1000) / 1000;
const byKey = (a, b) => (a[0] < b[0] ? -1 : 1);
function mapToObj(m, round = round3) {
    return Object.fromEntries([...m].sort(byKey).map(([k, v]) => [k, round(v)]));
}
function nestedToObj(m) {
    return Object.fromEntries([...m].sort(byKey).map(([k, v]) => [k, mapToObj(v)]));
}
const objToMap = (o) => new Map(Object.entries(o));
const objToNested = (o) => new Map(Object.entries(o).map(([k, v]) => [k, objToMap(v)]));
function weightsToJson(w) {
    const d = w.desc;
    const t = w.types;
    const exact = (x) => x;
    return {
        source: w.source,
        prim: mapToObj(w.prim),
        bigram: nestedToObj(w.bigram),
        ...(d ? { desc: { presence: mapToObj(d.presence, (x) => Math.round(x * 1e6) / 1e6), evidence: nestedToObj(d.evidence), temperature: d.temperature, floor: d.floor, ceil: d.ceil, n: d.n } } : {}),
        ...(t ? { types: { n: t.n, used: mapToObj(t.used, exact), bySignature: Object.fromEntries([...t.bySignature].sort(byKey).map(([k, v]) => [k, { n: v.n, used: mapToObj(v.used, exact) }])) } } : {}),
    };
}
/** Weights from their JSON form. Fields of older stored weights that no longer exist (the word PMI table) are ignored. */
function weightsFromJson(j) {
    const d = j.desc;
    const t = j.types;
    return {
        source: j.source,
        prim: objToMap(j.prim),
        bigram: objToNested(j.bigram ?? {}),
        ...(d ? { desc: { presence: objToMap(d.presence), evidence: objToNested(d.evidence), temperature: d.temperature, floor: d.floor, ceil: d.ceil, n: d.n } } : {}),
        ...(t ? { types: { n: t.n, used: objToMap(t.used), bySignature: new Map(Object.entries(t.bySignature).map(([k, v]) => [k, { n: v.n, used: objToMap(v.used) }])) } } : {}),
    };
}
/**
 * Combines weights (for example the shipped prior and what the corpus taught, or the Python DSL's and the SyGuS
 * grammars' models): unigram and bigram weights add up, type counts add up, and the description models are joined
 * primitive by primitive, each primitive's whole column of evidence from the model that saw more specs using it
 * (evidence fitted on different data does not add; each primitive's boost depends only on its own presence and
 * evidence).
 */
function combineWeights(a, b) {
    const add = addMaps;
    const addNested = (x, y) => {
        const m = new Map([...x].map(([k, v]) => [k, new Map(v)]));
        for (const [k, v] of y)
            m.set(k, add(m.get(k) ?? new Map(), v));
        return m;
    };
    const desc = a.desc && b.desc ? joinDescriptions(a.desc, b.desc) : (b.desc ?? a.desc);
    const types = a.types && b.types ? addTypes(a.types, b.types) : (b.types ?? a.types);
    return { prim: add(a.prim, b.prim), bigram: addNested(a.bigram, b.bigram), ...(desc ? { desc } : {}), ...(types ? { types } : {}), source: `${a.source}+${b.source}` };
}
function joinDescriptions(a, b) {
    // A primitive's boost depends only on its presence and its own column of evidence, so the join takes whole
    // columns, each from the model that saw more specs using the primitive (b on ties), scaled to temperature 1.
    const support = (m, p) => {
        const r = m.presence.get(p);
        return r === undefined ? -1 : r * (m.n + 1) - 0.5;
    };
    const prims = new Set([...a.presence.keys(), ...b.presence.keys()]);
    const from = new Map([...prims].map((p) => [p, support(b, p) >= support(a, p) ? b : a]));
    const evidence = new Map();
    for (const m of [a, b]) {
        for (const [f, row] of m.evidence) {
            for (const [p, w] of row) {
                if ((from.get(p) ?? b) !== m)
                    continue;
                const mine = evidence.get(f) ?? new Map();
                evidence.set(f, mine);
                mine.set(p, w * m.temperature);
            }
        }
    }
    const presence = new Map([...prims].map((p) => [p, from.get(p).presence.get(p)]));
    return { ...b, temperature: 1, presence, evidence, n: Math.max(a.n, b.n) };
}
function addMaps(x, y) {
    const m = new Map(x);
    for (const [k, v] of y)
        m.set(k, (m.get(k) ?? 0) + v);
    return m;
}
function addTypes(a, b) {
    const add = addMaps;
    const bySignature = new Map(a.bySignature);
    for (const [k, v] of b.bySignature) {
        const mine = bySignature.get(k);
        bySignature.set(k, mine ? { n: mine.n + v.n, used: add(mine.used, v.used) } : v);
    }
    return { n: a.n + b.n, used: add(a.used, b.used), bySignature };
}

;// CONCATENATED MODULE: ./build/action/src/app/pool.js






/** Runs one job in this thread (`parsed`: the job's weights already in their Map form). */
function runJob(problem, options, parsed) {
    const { weights, tryFirst, seeds, constants, ...rest } = options;
    const exprs = (xs) => (xs ?? []).flatMap((j) => serialize_exprFromJson(j) ?? []);
    const w = parsed ?? (weights ? weightsFromJson(weights) : undefined);
    const extraConstants = exprs(constants).flatMap((e) => (e.t === "const" ? [[e.value, e.type]] : []));
    return synthesize(problem, { ...rest, ...(w ? { weights: w } : {}), tryFirst: exprs(tryFirst), seeds: exprs(seeds), ...(extraConstants.length > 0 ? { extraConstants } : {}) });
}
/** How many weights objects a worker keeps parsed (SearchPool mirrors each worker's cache). */
const WEIGHTS_PER_WORKER = 4;
/**
 * Weights by identity, parsed once: a run passes one weights object to all its searches, and parsing it (or, for a
 * worker, receiving a copy) per search made garbage that the next searches paid for in collection time.
 */
class WeightsCache {
    size;
    parsed = new Map();
    constructor(size = WEIGHTS_PER_WORKER) {
        this.size = size;
    }
    get(id) {
        return this.parsed.get(id);
    }
    put(id, json) {
        const w = weightsFromJson(json);
        if (this.parsed.size >= this.size)
            this.parsed.delete(this.parsed.keys().next().value);
        this.parsed.set(id, w);
        return w;
    }
}
function encodeResult(r) {
    return {
        stop: r.stop,
        ...(r.program ? { program: exprToJson(r.program), cost: r.cost ?? 0 } : {}),
        alternatives: r.alternatives.map(exprToJson),
        ...(r.partial ? { partial: { program: exprToJson(r.partial.program), passed: r.partial.passed } } : {}),
        stats: r.stats,
    };
}
function decodeResult(r) {
    const dec = (j) => exprFromJson(j) ?? { t: "const", value: null, type: { kind: "none" } };
    return {
        stop: r.stop,
        ...(r.program ? { program: dec(r.program), cost: r.cost ?? 0 } : {}),
        alternatives: r.alternatives.map(dec),
        ...(r.partial ? { partial: { program: dec(r.partial.program), passed: r.partial.passed } } : {}),
        stats: r.stats,
    };
}
/**
 * Runs searches on `jobs` threads (1 = in this thread). Results come back in submission order through the
 * returned promises; each search owns one thread for its whole budget.
 */
class SearchPool {
    jobs;
    workers = [];
    idle = [];
    queue = [];
    pending = new Map();
    nextId = 0;
    /** Ids of the weights objects jobs were given, and which ids each worker holds (its cache keeps the last few). */
    weightIds = new WeakMap();
    nextWeightsId = 1;
    holds = new WeakMap();
    inThread = new WeightsCache();
    constructor(jobs) {
        this.jobs = jobs;
        const n = Math.max(1, Math.min(jobs, availableParallelism() * 2));
        if (n <= 1)
            return;
        for (let i = 0; i < n; i++)
            this.spawn();
    }
    /** Runs one search (in a worker thread when the pool has any). */
    run(job) {
        const w = job.options.weights;
        const weightsId = w ? this.weightsIdOf(w) : undefined;
        if (this.workers.length === 0) {
            const parsed = w && weightsId !== undefined ? (this.inThread.get(weightsId) ?? this.inThread.put(weightsId, w)) : undefined;
            return Promise.resolve(runJob(job.problem, job.options, parsed));
        }
        return new Promise((resolve, reject) => {
            this.queue.push({ req: { id: this.nextId++, problem: encodeProblem(job.problem), options: job.options, ...(weightsId !== undefined ? { weightsId } : {}) }, resolve, reject });
            this.dispatch();
        });
    }
    async close() {
        await Promise.all(this.workers.map((w) => w.terminate()));
        this.workers.length = 0;
    }
    spawn() {
        const w = new Worker(__nccwpck_require__.ab + "search-worker1.js", { resourceLimits: { maxOldGenerationSizeMb: 4096 } });
        w.on("message", (msg) => {
            const p = this.pending.get(msg.id);
            if (!p)
                return;
            this.pending.delete(msg.id);
            w.unref();
            this.idle.push(w);
            if (msg.result)
                p.resolve(decodeResult(msg.result));
            else
                p.reject(new Error(msg.error ?? "search worker failed"));
            this.dispatch();
        });
        w.on("error", (e) => this.failWorker(w, e));
        w.unref();
        this.workers.push(w);
        this.idle.push(w);
    }
    /** A worker that died fails its search only; a fresh worker takes its place. */
    failWorker(w, e) {
        for (const [id, p] of this.pending) {
            if (p.worker !== w)
                continue;
            this.pending.delete(id);
            p.reject(new Error(`search worker crashed: ${e.message}`));
        }
        this.workers.splice(this.workers.indexOf(w), 1);
        const i = this.idle.indexOf(w);
        if (i >= 0)
            this.idle.splice(i, 1);
        this.spawn();
        this.dispatch();
    }
    weightsIdOf(w) {
        let id = this.weightIds.get(w);
        if (id === undefined) {
            id = this.nextWeightsId++;
            this.weightIds.set(w, id);
        }
        return id;
    }
    /** The request as this worker needs it: without the weights when it already holds them. */
    forWorker(w, req) {
        if (req.weightsId === undefined)
            return req;
        const held = this.holds.get(w) ?? [];
        if (held.includes(req.weightsId)) {
            const { weights: _, ...options } = req.options;
            return { ...req, options };
        }
        // Mirrors the worker's cache (WeightsCache, same size and eviction order).
        if (held.length >= WEIGHTS_PER_WORKER)
            held.shift();
        held.push(req.weightsId);
        this.holds.set(w, held);
        return req;
    }
    dispatch() {
        while (this.idle.length > 0 && this.queue.length > 0) {
            const w = this.idle.pop();
            const job = this.queue.shift();
            this.pending.set(job.req.id, { resolve: job.resolve, reject: job.reject, worker: w });
            // A busy worker keeps the process alive; an idle one does not.
            w.ref();
            w.postMessage(this.forWorker(w, job.req));
        }
    }
}


;// CONCATENATED MODULE: ./build/action/src/app/search-worker.js
/** Worker-thread entry of SearchPool: runs one search per message. */



const cache = new WeightsCache();
external_node_worker_threads_namespaceObject.parentPort?.on("message", (req) => {
    try {
        let parsed = req.weightsId !== undefined ? cache.get(req.weightsId) : undefined;
        if (req.weightsId !== undefined && !parsed) {
            if (!req.options.weights)
                throw new Error(`search worker: weights ${req.weightsId} were never sent to this worker`);
            parsed = cache.put(req.weightsId, req.options.weights);
        }
        const result = runJob(decodeProblem(req.problem), req.options, parsed);
        external_node_worker_threads_namespaceObject.parentPort?.postMessage({ id: req.id, result: encodeResult(result) });
    }
    catch (e) {
        external_node_worker_threads_namespaceObject.parentPort?.postMessage({ id: req.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
});

