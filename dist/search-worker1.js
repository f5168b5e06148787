/** Worker-thread entry of SearchPool: runs one search per message. */
import { parentPort } from "node:worker_threads";
import { decodeProblem } from "./codec.js";
import { encodeResult, runJob } from "./pool.js";
parentPort?.on("message", (req) => {
    try {
        const result = runJob(decodeProblem(req.problem), req.options);
        parentPort?.postMessage({ id: req.id, result: encodeResult(result) });
    }
    catch (e) {
        parentPort?.postMessage({ id: req.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
});
