import { execFileSync } from "node:child_process";
import { readFile, writeFile, readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { aurora, tempDir } from "./helpers.js";

const GOOD = `from typing import List

def double_all(xs: List[int]) -> List[int]:
    """Double every number.

    >>> double_all([1, 2, 3])
    [2, 4, 6]
    >>> double_all([])
    []
    >>> double_all([-5, 10])
    [-10, 20]
    """


def shout(s: str) -> str:
    """Uppercase the text and add an exclamation mark.

    >>> shout("hi")
    'HI!'
    >>> shout("ok go")
    'OK GO!'
    """
`;

const BAD = `def broken(x: int) -> int:
    """Has an example with the wrong number of arguments.

    >>> broken(1, 2)
    3
    """
`;

describe("aurora synth", () => {
  let dir: string;
  let result: { code: number; out: string; err: string };

  beforeAll(async () => {
    dir = await tempDir();
    await writeFile(path.join(dir, "good.py"), GOOD);
    await writeFile(path.join(dir, "bad.py"), BAD);
    result = await aurora(["synth", ".", "--out", "out", "--timeout", "20"], dir);
  }, 120_000);

  it("fails alone on a bad spec, naming file and line, and still solves the others (exit 1)", () => {
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/bad\.py:4: broken: .*argument/);
    expect(result.out).toMatch(/✓ double_all/);
    expect(result.out).toMatch(/✓ shout/);
  });

  it("writes Python that compiles, TypeScript, tests and scores.json", async () => {
    const files = (await readdir(path.join(dir, "out"))).sort();
    expect(files).toEqual(["double_all.py", "double_all.ts", "scores.json", "shout.py", "shout.ts", "test_double_all.py", "test_shout.py"]);
    execFileSync("python3", ["-m", "py_compile", "double_all.py", "shout.py", "test_shout.py"], { cwd: path.join(dir, "out") });
    const scores = JSON.parse(await readFile(path.join(dir, "out", "scores.json"), "utf8")) as { specs: { name: string; status: string; score: number; program: string }[]; summary: { solved: number; total: number } };
    expect(scores.summary).toMatchObject({ solved: 2, total: 3 });
    expect(scores.specs.map((s) => [s.name, s.status, s.score])).toEqual([["double_all", "solved", 1], ["shout", "solved", 1]]);
  });

  it("writes tests that pass in real Python", () => {
    const script = "import test_shout, test_double_all\nfor m in (test_shout, test_double_all):\n    for n in dir(m):\n        if n.startswith('test_'): getattr(m, n)()\nprint('ok')";
    const out = execFileSync("python3", ["-c", script], { cwd: path.join(dir, "out") }).toString();
    expect(out.trim()).toBe("ok");
  });

  it("exits 0 when every spec is solved", async () => {
    const r = await aurora(["synth", "good.py", "--out", "out2", "--timeout", "20"], dir);
    expect(r.code).toBe(0);
  }, 120_000);

  it("exits 2 on usage errors", async () => {
    expect((await aurora(["synth", "good.py", "--timeout", "soon"], dir)).code).toBe(2);
    expect((await aurora(["synth"], dir)).code).toBe(2);
  });

  it("reports a missing path as an error of that input", async () => {
    const r = await aurora(["synth", "nope.py", "--out", "out3"], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nope\.py:1: cannot read/);
  });
});

describe("the aurora binary", () => {
  it("runs to the end as a separate process and prints the summary (nothing leaves the event loop waiting)", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "good.py"), GOOD);
    const { execFile } = await import("node:child_process");
    const out = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [path.resolve("bin/aurora.js"), "synth", "good.py", "--out", "out", "--timeout", "20"], { cwd: dir }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    });
    expect(out).toMatch(/2\/2 solved/);
  }, 120_000);
});
