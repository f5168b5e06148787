import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { specHash } from "../../src/corpus/run-records.js";
import { CorpusRecordSchema, type CorpusRecord } from "../../src/learn/record.js";
import { aurora } from "../cli/helpers.js";
import { record, removeDir, tempDir } from "./helpers.js";

const SPEC = `def reverse_words(sentence: str) -> str:
    """Reverse the order of the words in a sentence.

    >>> reverse_words("hello big world")
    'world big hello'
    >>> reverse_words("a b")
    'b a'
    """


def count_vowels(text: str) -> int:
    """Count the vowels in a lowercase text.

    >>> count_vowels("banana")
    3
    >>> count_vowels("rhythm")
    0
    """
`;

const readLog = async (file: string): Promise<CorpusRecord[]> =>
  (await readFile(file, "utf8"))
    .split("\n")
    .filter(Boolean)
    .map((l) => CorpusRecordSchema.parse(JSON.parse(l)));

describe("aurora run records its attempts", () => {
  let cwd = "";
  const received: { auth: string | undefined; records: { spec_hash: string }[] }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ auth: req.headers.authorization, records: (JSON.parse(body) as { records: { spec_hash: string }[] }).records });
      res.writeHead(201).end();
    });
  });
  beforeAll(async () => {
    cwd = await tempDir("aurora-run-corpus-");
    await writeFile(path.join(cwd, "spec.py"), SPEC);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    server.close();
    await removeDir(cwd);
  });

  test("a fresh folder: .aurora/corpus.jsonl gets one record per spec, and export POSTs them", async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ingest`;
    const r = await aurora(["run", "spec.py", "--timeout", "5"], cwd, { AURORA_EXPORT_ENABLED: "true", AURORA_POST_URL: url, AURORA_API_KEY: "k-123" });
    expect(r.err).not.toMatch(/internal error/);
    expect(r.out).toMatch(/corpus: 2 records -> \.aurora\/corpus\.jsonl \(2 entries\); export: sent 2 records in 1 batches/);
    expect(r.out + r.err).not.toContain("k-123");
    const log = await readLog(path.join(cwd, ".aurora", "corpus.jsonl"));
    expect(log.map((x) => x.name)).toEqual(["reverse_words", "count_vowels"]);
    const rw = log[0]!;
    expect(rw).toMatchObject({ signature: "(sentence: str) -> str", params: [{ name: "sentence", type: "str" }], returns: "str", status: "solved", score: 1, format: "python" });
    expect(rw.examples).toEqual([[["'hello big world'"], "'world big hello'"], [["'a b'"], "'b a'"]]);
    expect(rw.spec_hash).toBe(specHash(rw.signature, rw.examples));
    expect(rw.program).not.toBeNull();
    expect(rw.python).toMatch(/sentence/);
    expect(received).toHaveLength(1);
    expect(received[0]?.auth).toBe("Bearer k-123");
    expect(received[0]?.records.map((x) => x.spec_hash)).toEqual(log.map((x) => x.spec_hash));
  }, 120_000);

  test("--no-corpus records nothing; corpus.dir in aurora.config.yaml moves the corpus", async () => {
    const r = await aurora(["run", "spec.py", "--timeout", "5", "--no-corpus", "--runs-dir", "runs2"], cwd);
    expect(r.out).not.toMatch(/corpus:/);
    expect((await readLog(path.join(cwd, ".aurora", "corpus.jsonl"))).length).toBe(2);
    await writeFile(path.join(cwd, "aurora.config.yaml"), "corpus:\n  dir: memory\n");
    const r2 = await aurora(["run", "spec.py", "--timeout", "5"], cwd);
    expect(r2.out).toMatch(/corpus: 2 records -> memory\/corpus\.jsonl/);
    expect(existsSync(path.join(cwd, "memory", "corpus.db"))).toBe(true);
  }, 120_000);
});

describe("aurora corpus", () => {
  let cwd = "";
  beforeAll(async () => {
    cwd = await tempDir("aurora-corpus-cli-");
    const records = [record(1), record(2, { description: "Count the vowels in a text", params: [{ name: "t", type: "str" }], returns: "int", signature: "(t: str) -> int" }), record(3, { status: "unsolved", score: 0.5 })];
    await writeFile(path.join(cwd, "in.jsonl"), records.map((r) => JSON.stringify(r)).join("\n") + "\n{broken\n");
  });
  afterAll(async () => removeDir(cwd));

  test("import, stats, query, export", async () => {
    const imp = await aurora(["corpus", "import", "in.jsonl"], cwd);
    expect(imp.out).toMatch(/imported in\.jsonl \(jsonl\): read 4, added 3, superseded 0, duplicates 0, invalid 1\n {2}line 4: not JSON/);
    expect(imp.code).toBe(1);

    const stats = await aurora(["corpus", "stats", "--check"], cwd);
    expect(stats.code).toBe(0);
    expect(stats.out).toMatch(/entries +3 distinct \(spec, program\): 2 solved, 0 ambiguous, 1 unsolved, 0 error; 2 perfect/);
    expect(stats.out).toMatch(/check +integrity ok; .*consistent/);

    const q = await aurora(["corpus", "query", "count", "vowels", "--signature", "(s: str) -> int", "--limit", "1"], cwd);
    expect(q.out).toMatch(/^1 entries match "count vowels" \(showing 1-1\):\n {3}1\. 0\.967 {2}f2 {2}\(t: str\) -> int {2}solved/);
    const page2 = await aurora(["corpus", "query", "words", "--offset", "1", "--json"], cwd);
    expect(JSON.parse(page2.out)).toMatchObject({ total: 2, offset: 1, items: [{ record: { spec_hash: "spec-3" } }] });

    const exp = await aurora(["corpus", "export", "--format", "csv", "--out", "out.csv"], cwd);
    expect(exp.out).toMatch(/exported 3 entries to out\.csv/);
    expect((await readFile(path.join(cwd, "out.csv"), "utf8")).split("\r\n")).toHaveLength(5);
    const jsonl = await aurora(["corpus", "export"], cwd);
    expect(jsonl.out.trim().split("\n")).toHaveLength(3);
  });

  test("usage errors say what to do", async () => {
    expect(await aurora(["corpus", "flush"], cwd)).toMatchObject({ code: 2, err: expect.stringMatching(/export is not enabled: set AURORA_EXPORT_ENABLED=true and AURORA_POST_URL/) as unknown as string });
    expect(await aurora(["corpus", "flush"], cwd, { AURORA_EXPORT_ENABLED: "true" })).toMatchObject({ code: 2, err: expect.stringMatching(/needs AURORA_POST_URL/) as unknown as string });
    expect(await aurora(["corpus", "export", "--format", "xml"], cwd)).toMatchObject({ code: 2, err: expect.stringMatching(/--format must be jsonl or csv/) as unknown as string });
    expect(await aurora(["corpus", "query", "x", "--signature", "nope"], cwd)).toMatchObject({ code: 2 });
    expect(await aurora(["corpus", "import", "missing.jsonl"], cwd)).toMatchObject({ code: 2, err: expect.stringMatching(/cannot read .*missing\.jsonl \(ENOENT\)/) as unknown as string });
  });
});
