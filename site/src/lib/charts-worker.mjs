// Renders function history charts off the main thread during the build (two cores: about half the chart time).
// Runs the compiled views module of the repository (build/report/site/views.js, made by `npm run build`).
import { parentPort, workerData } from "node:worker_threads";

const { functionCharts } = await import(workerData.views);
parentPort.on("message", (jobs) => {
  parentPort.postMessage(jobs.map(([slug, trend]) => [slug, functionCharts(trend)]));
});
