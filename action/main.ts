// Entry of dist/index.js (runs.main): the __dirname shim first, then run(). Nothing else happens here.
import "./shim.js";
import { run } from "./run.js";

await run();
