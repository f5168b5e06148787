// Lint: typescript-eslint's type-aware rules on the TypeScript sources. Layer boundaries and import cycles are
// checked by dependency-cruiser (.dependency-cruiser.cjs), which sees the whole import graph.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["node_modules/", "build/", "build-bench/", "dist/", "site/", "out/", "runs/", "coverage/", "bench-out/", "test-results/", "**/*.cjs", "bin/", "eslint.config.js", "vitest.config.ts", "vitest.setup.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-constant-condition": ["error", { checkLoops: false }],
      eqeqeq: ["error", "always"],
    },
  },
  {
    files: ["src/dsl/**", "src/spec/**", "src/eval/**", "src/search/**", "src/learn/**", "src/emit/**", "src/report/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:fs", "node:fs/*", "fs", "node:child_process", "node-sqlite3-wasm", "@actions/*"], message: "Pure layers do no I/O: move this to app/, corpus/, tracker/ or an edge." },
          ],
        },
      ],
    },
  },
);
