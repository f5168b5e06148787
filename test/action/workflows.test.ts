/**
 * The YAML around the bundle: action.yml declares exactly the inputs the config reads and the outputs the step
 * sets; every workflow (this repository's and the examples for users) is well formed, pins its actions, and the
 * fork pattern's comment workflow never touches pull request code; the site sub-action's build step builds the
 * dashboard of an Action run under a base path.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ROOT, runJob, workspace } from "./runner.js";
import { diag, sha } from "./sim.js";
import { ARITH } from "./specs.js";

const exec = promisify(execFile);

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly with?: Record<string, unknown>;
  readonly id?: string;
  readonly env?: Record<string, string>;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, { "runs-on"?: string; steps: Step[]; permissions?: Record<string, string> }>;
}

const yamlOf = async <T>(file: string): Promise<T> => parseYaml(await readFile(path.join(ROOT, file), "utf8")) as T;
const source = (file: string): Promise<string> => readFile(path.join(ROOT, file), "utf8");

async function workflowFiles(): Promise<string[]> {
  const own = (await readdir(path.join(ROOT, ".github/workflows"))).map((f) => `.github/workflows/${f}`);
  const examples = (await readdir(path.join(ROOT, "docs/examples"))).map((f) => `docs/examples/${f}`);
  return [...own, ...examples].filter((f) => f.endsWith(".yml"));
}

describe("action.yml", () => {
  it("declares every input the config reads (described, with a default) and every output the step sets", async () => {
    const action = await yamlOf<{ inputs: Record<string, { description: string; default?: string }>; outputs: Record<string, { description: string }>; runs: Record<string, string> }>("action.yml");
    const config = (await source("action/config.ts")) + (await source("action/inputs.ts"));
    const read = new Set([...config.matchAll(/get\("([a-z-]+)"\)/g)].map((m) => m[1]!));
    expect(new Set(Object.keys(action.inputs))).toEqual(read);
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description.length, name).toBeGreaterThan(20);
      expect(input.default, name).toBeTypeOf("string");
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    const set = new Set([...(await source("action/report.ts")).matchAll(/core\.setOutput\("([a-z-]+)"/g)].map((m) => m[1]!));
    expect(new Set(Object.keys(action.outputs))).toEqual(set);
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js", post: "dist/post.js" });
    for (const f of ["index.js", "post.js", "node-sqlite3-wasm.wasm", "search-worker.js"]) expect(existsSync(path.join(ROOT, "dist", f)), f).toBe(true);
  });
});

describe("workflows", () => {
  it("are well formed and pin every action to a major version", async () => {
    const files = await workflowFiles();
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const wf = await yamlOf<Workflow>(file);
      expect(wf.on, file).toBeDefined();
      for (const [name, job] of Object.entries(wf.jobs)) {
        expect(job["runs-on"], `${file} ${name}`).toBeDefined();
        for (const step of job.steps) {
          if (step.uses !== undefined) expect(step.uses, file).toMatch(/^(\.\/|\.\/site|[\w.-]+\/[\w.-]+(\/[\w.-]+)?@v\d+)$/);
          else expect(step.run, file).toBeTypeOf("string");
        }
      }
    }
  });

  it("run mode: comment only on workflow_run, with the default branch's code and never the pull request's", async () => {
    for (const file of await workflowFiles()) {
      const text = await source(file);
      const wf = await yamlOf<Workflow>(file);
      const commenting = Object.values(wf.jobs).some((j) => j.steps.some((s) => s.with?.["mode"] === "comment"));
      if (!commenting) continue;
      expect(Object.keys(wf.on), file).toEqual(["workflow_run"]);
      expect(text, file).not.toMatch(/head_sha|head_branch|pull_request\.head|refs\/pull/);
      expect(wf.permissions, file).toEqual({ actions: "read", "pull-requests": "write" });
    }
  });
});

describe("site/action.yml", () => {
  it("is a composite action whose steps name their shell and pin their actions", async () => {
    const site = await yamlOf<{ runs: { using: string; steps: Step[] }; inputs: Record<string, { description: string; default: string }> }>("site/action.yml");
    expect(site.runs.using).toBe("composite");
    for (const step of site.runs.steps) {
      if (step.run !== undefined) expect(step.shell).toBe("bash");
      else expect(step.uses).toMatch(/^actions\/[\w-]+@v\d+$/);
    }
    expect(site.runs.steps.map((s) => s.uses).filter(Boolean)).toEqual(["actions/setup-node@v4", "actions/cache@v4", "actions/upload-pages-artifact@v3"]);
  });

  const hasAstro = existsSync(path.join(ROOT, "site", "node_modules", "astro"));
  if (!hasAstro) it.skip("its build step: skipped, the site's dependencies are not installed (npm ci --prefix site)", () => {});
  it.runIf(hasAstro)("its build step builds the dashboard of an Action run under /<repository name>", async () => {
    const ws = await workspace({ "specs/arith.py": ARITH });
    const { main } = await runJob({ workspace: ws, inputs: { specs: "specs", "timeout-per-spec": "5" }, event: { name: "push", payload: {} }, run: { id: 950, sha: sha(95), ref: "refs/heads/main" }, token: "", services: { kind: "none" } });
    expect(main.code, diag(main)).toBe(0);
    const site = await yamlOf<{ runs: { steps: Step[] } }>("site/action.yml");
    const build = site.runs.steps.find((s) => s.id === "build")!;
    const output = path.join(await mkdtemp(path.join(tmpdir(), "aurora-site-step-")), "output");
    await writeFile(output, "");
    const env = { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", GITHUB_ACTION_PATH: path.join(ROOT, "site"), GITHUB_WORKSPACE: ws, GITHUB_REPOSITORY: "octo/demo", GITHUB_OUTPUT: output, AURORA_DATA: ".", AURORA_OUT: "_site", AURORA_BASE: "" };
    await exec("bash", ["-euo", "pipefail", "-c", build.run!], { env, cwd: ws, maxBuffer: 16 * 1024 * 1024, timeout: 240_000 });
    expect(await readFile(output, "utf8")).toBe(`path=${path.join(ws, "_site")}\nbase=/demo\n`);
    const index = await readFile(path.join(ws, "_site", "index.html"), "utf8");
    expect(index).toContain('href="/demo/');
  }, 300_000);
});
