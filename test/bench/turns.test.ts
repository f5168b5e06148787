import { describe, expect, it } from "vitest";
import { runInTurn } from "../../bench/learning.js";

describe("learning bench: runInTurn", () => {
  it("submits from row turn % n, returns results in row order", async () => {
    const submitted: number[] = [];
    const out = await runInTurn(3, 4, (k) => {
      submitted.push(k);
      return Promise.resolve(`row${k}`);
    });
    expect(submitted).toEqual([1, 2, 0]);
    expect(out).toEqual(["row0", "row1", "row2"]);
  });

  it("over n consecutive turns every row goes first once", async () => {
    const firsts: number[] = [];
    for (let turn = 7; turn < 7 + 4; turn++) {
      let first: number | undefined;
      await runInTurn(4, turn, (k) => {
        first ??= k;
        return Promise.resolve(k);
      });
      firsts.push(first as number);
    }
    expect([...firsts].sort()).toEqual([0, 1, 2, 3]);
  });
});
