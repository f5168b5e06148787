// The Aurora-X dashboard. `aurora site build --data <dir> --out <dir> [--base /repo]` sets these variables;
// a plain `npm run build` here builds from the repository root's runs/, history/ and progress.json.
import { defineConfig } from "astro/config";

const env = process.env;

export default defineConfig({
  base: env.AURORA_SITE_BASE || "/",
  outDir: env.AURORA_SITE_OUT || "./dist",
  cacheDir: env.AURORA_SITE_CACHE || "./node_modules/.astro",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
  telemetry: false,
  vite: {
    // The pages import the shared TypeScript modules of ../src (schemas, rules, charts) directly.
    server: { fs: { allow: [".."] } },
    ssr: { noExternal: [] },
  },
});
