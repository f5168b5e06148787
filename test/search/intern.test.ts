import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ERR_ID, Interner, plainHash } from "../../src/search/intern.js";
import { PySet, hashKey, type Value } from "../../src/dsl/values.js";

/** Plain values: what plainHash accepts (lists nested up to 3 deep of strings, finite numbers, bools, None). */
const leaf = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(-0, 0.5, 1e300, 2 ** 40), fc.constantFrom("", "a", "b", "ab"), fc.boolean(), fc.constant(null));
const plain: fc.Arbitrary<Value[]> = fc.letrec<{ list: Value[]; item: Value }>((tie) => ({
  list: fc.array(tie("item"), { maxLength: 4 }),
  item: fc.oneof({ depthSize: "small", maxDepth: 2 }, leaf, tie("list")),
})).list;

/** The equality the interner must implement for plain lists: JSON's (so -0 is 0, and true is not 1). */
const sameJson = (a: Value, b: Value): boolean => JSON.stringify(a) === JSON.stringify(b);

describe("Interner", () => {
  it("gives plain lists the same id exactly when they are equal (JSON equality, as the old string keys did)", () => {
    fc.assert(
      fc.property(fc.array(plain, { minLength: 1, maxLength: 30 }), (lists) => {
        const interner = new Interner();
        const ids = lists.map((l) => interner.id(l));
        for (let i = 0; i < lists.length; i++) {
          for (let j = 0; j < lists.length; j++) expect(ids[i] === ids[j]).toBe(sameJson(lists[i] as Value, lists[j] as Value));
          // A fresh copy finds the same id.
          expect(interner.id(JSON.parse(JSON.stringify(lists[i])) as Value)).toBe(ids[i]);
        }
      }),
    );
  });

  it("keeps lists whose hashes collide apart", () => {
    // Find two different lists with the same 32-bit hash (deterministic: the hash has no seed).
    const seen = new Map<number, Value[]>();
    let pair: [Value[], Value[]] | undefined;
    for (let i = 0; !pair && i < 1_000_000; i++) {
      const l: Value[] = [i % 1000, Math.floor(i / 1000), "x"];
      const h = plainHash(l) as number;
      const other = seen.get(h);
      if (other) pair = [other, l];
      else seen.set(h, l);
    }
    expect(pair).toBeDefined();
    const [a, b] = pair as [Value[], Value[]];
    const interner = new Interner();
    const ia = interner.id(a);
    const ib = interner.id(b);
    expect(ia).not.toBe(ib);
    expect(interner.id([...a])).toBe(ia);
    expect(interner.id([...b])).toBe(ib);
    expect(interner.get(ib)).toEqual(b);
  });

  it("keys other containers by Python equality (sets, bigints, floats inf and nan) and refuses over-long lists", () => {
    const interner = new Interner({ maxStr: 10, maxList: 3, maxIntAbs: 2n ** 80n });
    expect(plainHash([1n])).toBeUndefined();
    expect(plainHash([Infinity])).toBeUndefined();
    expect(plainHash([["a", NaN]])).toBeUndefined();
    expect(plainHash([[[[[1]]]]])).toBeUndefined();
    const big = interner.id([2n ** 60n]);
    expect(interner.id([2n ** 60n])).toBe(big);
    expect(interner.id([2n ** 60n + 1n])).not.toBe(big);
    const s = interner.id(PySet.from([1, 2]));
    expect(interner.id(PySet.from([2, 1]))).toBe(s);
    expect(hashKey(PySet.from([2, 1]))).toBe(hashKey(PySet.from([1, 2])));
    expect(interner.id([1, 2, 3, 4])).toBe(ERR_ID);
    expect(interner.id("a".repeat(11))).toBe(ERR_ID);
    // A deep list that plainHash refuses is still interned, by its Python key.
    const deep = interner.id([[[[[1]]]]]);
    expect(interner.id([[[[[1]]]]])).toBe(deep);
    expect(interner.id([[[[[2]]]]])).not.toBe(deep);
  });
});
