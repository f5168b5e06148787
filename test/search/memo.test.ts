import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMPTY, IdMemo } from "../../src/search/memo.js";

/** Keys as the enumerator makes them: production indices and argument keys (ids or small ints, never EMPTY). */
const key = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -5, max: 60 }), fc.integer({ min: -5, max: 60 }));

describe("IdMemo (one table for every memoized production)", () => {
  it("returns what was set for each (production, a, b), and nothing for keys never set, through growth", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.double({ noNaN: true })), { maxLength: 400 }), fc.array(key, { maxLength: 50 }), (sets, probes) => {
        const memo = new IdMemo(1 << 20, 4);
        const ref = new Map<string, number>();
        for (const [[p, a, b], v] of sets) {
          const k = `${p},${a},${b}`;
          // The enumerator sets a key only after a miss.
          if (ref.has(k)) continue;
          memo.set(p, a, b, v);
          ref.set(k, v);
        }
        for (const [k, v] of ref) {
          const [p, a, b] = k.split(",").map(Number) as [number, number, number];
          expect(memo.get(p, a, b)).toBe(v);
        }
        for (const [p, a, b] of probes) expect(memo.get(p, a, b)).toBe(ref.get(`${p},${a},${b}`));
        expect(memo.size).toBe(ref.size);
      }),
    );
  });

  it("keeps productions apart when their arguments are equal", () => {
    const memo = new IdMemo();
    memo.set(3, 7, 0, 1.5);
    memo.set(4, 7, 0, 2.5);
    expect(memo.get(3, 7, 0)).toBe(1.5);
    expect(memo.get(4, 7, 0)).toBe(2.5);
    expect(memo.get(5, 7, 0)).toBeUndefined();
    expect(memo.get(3, 7, 1)).toBeUndefined();
  });

  it("allocates nothing before the first entry, and clears itself when full at its limit", () => {
    const memo = new IdMemo(8, 8);
    expect(memo.bytes).toBe(0);
    for (let i = 0; i < 4; i++) memo.set(0, i, 0, i);
    expect(memo.size).toBe(4);
    memo.set(0, 99, 0, 99);
    // Full at the limit: cleared, then the new entry is placed.
    expect(memo.size).toBe(1);
    expect(memo.get(0, 99, 0)).toBe(99);
    expect(memo.get(0, 1, 0)).toBeUndefined();
    expect(memo.bytes).toBe(8 * 3 * 4 + 8 * 8);
    expect(EMPTY).toBe(-(2 ** 31));
  });
});
