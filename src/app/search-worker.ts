/** Worker-thread entry of SearchPool: runs one search per message. */
import { parentPort } from "node:worker_threads";
import { synthesize } from "../search/synthesize.js";
import { decodeProblem } from "./codec.js";
import { encodeResult, type WorkerRequest } from "./pool.js";

parentPort?.on("message", (req: WorkerRequest) => {
  try {
    const result = synthesize(decodeProblem(req.problem), req.options);
    parentPort?.postMessage({ id: req.id, result: encodeResult(result) });
  } catch (e) {
    parentPort?.postMessage({ id: req.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
