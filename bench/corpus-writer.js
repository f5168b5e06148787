/* global process */
// The writing process of the corpus kill test (bench/corpus-killtest.ts): appends records as fast as it can and
// prints "ack <spec hash>..." after each append resolves (after fsync), until it is killed. Plain JavaScript so
// the test (TypeScript sources) and the benchmark (compiled) can both start it with their own store module.
//   node bench/corpus-writer.js <store module path> <corpus dir> <writer id> <seed>
import { pathToFileURL } from "node:url";

const [storeModule, dir, writer, seedText] = process.argv.slice(2);
const { CorpusStore } = await import(pathToFileURL(storeModule).href);
let seed = Number(seedText) >>> 0;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
const WORDS = ["sum", "list", "reverse", "string", "count", "vowel", "even", "number", "sort", "unique"];

function record(i, j, score) {
  return {
    v: 1, spec_hash: `${writer}-${i}-${j}`, name: `f_${writer}_${i}_${j}`,
    description: Array.from({ length: 5 }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" "),
    signature: "(xs: list[int]) -> int", params: [{ name: "xs", type: "list[int]" }], returns: "int",
    examples: [[["[1, 2]"], "3"]], program: ["$", "xs", "list[int]"], python: "xs",
    status: score === 1 ? "solved" : "unsolved", score, time_ms: Math.round(rand() * 100), size: 1,
    engine_version: "0.1.0", run_id: `killtest-${writer}`, timestamp: new Date().toISOString(),
  };
}

// Half the writers keep their session open between appends (long WAL sessions), half reopen for each.
const lingerMs = rand() < 0.5 ? 0 : 200;
const store = await CorpusStore.open({ dir, lingerMs, lockTimeoutMs: 60_000, onNotice: (m) => process.stderr.write(`${m}\n`) });
process.stdout.write("ready\n");
for (let i = 0; ; i++) {
  // mostly single records, sometimes batches, rarely a large one (a multi-megabyte write, a long transaction)
  const roll = rand();
  const size = roll < 0.01 ? 500 + Math.floor(rand() * 1000) : roll < 0.16 ? 1 + Math.floor(rand() * 40) : 1;
  const batch = Array.from({ length: size }, (_, j) => record(i, j, rand() < 0.7 ? 1 : 0.5));
  // now and then a better record for an earlier key: it must supersede, never lose the earlier one's data
  if (i > 0 && rand() < 0.2) batch.push(record(i - 1, 0, 1));
  await store.append(batch);
  process.stdout.write(`ack ${batch.map((r) => `${r.spec_hash}:${r.score}`).join(" ")}\n`);
  if (rand() < 0.1) await store.retrieve({ description: "sum list", params: ["list[int]"], returns: "int" }, 3);
  if (rand() < 0.05) await store.saveWeights("killtest", { i });
}
