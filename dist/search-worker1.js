/** Worker-thread entry of SearchPool: runs one search per message. */
import { parentPort } from "node:worker_threads";
import { decodeProblem } from "./codec.js";
import { encodeResult, runJob, WeightsCache } from "./pool.js";
const cache = new WeightsCache();
parentPort?.on("message", (req) => {
    try {
        let parsed = req.weightsId !== undefined ? cache.get(req.weightsId) : undefined;
        if (req.weightsId !== undefined && !parsed) {
            if (!req.options.weights)
                throw new Error(`search worker: weights ${req.weightsId} were never sent to this worker`);
            parsed = cache.put(req.weightsId, req.options.weights);
        }
        const result = runJob(decodeProblem(req.problem), req.options, parsed);
        parentPort?.postMessage({ id: req.id, result: encodeResult(result) });
    }
    catch (e) {
        parentPort?.postMessage({ id: req.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
});
