// Entry of dist/post.js (runs.post): saves the corpus cache. Nothing else happens here.
import { runPost } from "./post-run.js";

await runPost();
