/**
 * The results artifact through @actions/artifact (v2 service): upload this step's results, download another run's
 * (the baseline, or a fork's results in `mode: comment`), list and download this run's shard artifacts.
 */
import { ArtifactNotFoundError, DefaultArtifactClient } from "@actions/artifact";
import { cp, mkdir, mkdtemp, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { ActionConfig } from "./config.js";
import type { Shard } from "./inputs.js";

/** A file to put in the artifact: where it is, and its path inside the artifact. */
export interface ArtifactFile {
  readonly from: string;
  readonly to: string;
}

/** `aurora-results-shard-2-of-4`. */
export function shardArtifactName(base: string, shard: Shard): string {
  return `${base}-shard-${shard.index}-of-${shard.count}`;
}

/** The shard of a shard artifact's name, or undefined for any other name. */
export function shardOfArtifact(base: string, name: string): Shard | undefined {
  if (!name.startsWith(`${base}-shard-`)) return undefined;
  const m = /^(\d+)-of-(\d+)$/.exec(name.slice(base.length + "-shard-".length));
  if (!m) return undefined;
  const shard = { index: Number(m[1]), count: Number(m[2]) };
  return shard.index >= 1 && shard.index <= shard.count ? shard : undefined;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** Uploads the files (those that exist) as artifact `name` of this run. Returns its id. */
export async function uploadResults(cfg: Pick<ActionConfig, "github">, name: string, files: readonly ArtifactFile[]): Promise<number | undefined> {
  const staging = await mkdtemp(path.join(cfg.github.runnerTemp, "aurora-upload-"));
  for (const f of files) {
    if (!(await stat(f.from).catch(() => undefined))) continue;
    await mkdir(path.dirname(path.join(staging, f.to)), { recursive: true });
    await cp(f.from, path.join(staging, f.to), { recursive: true, dereference: true });
  }
  const client = new DefaultArtifactClient();
  // A re-run attempt replaces the artifact of the attempt before (names are unique per run, like upload-artifact's
  // overwrite); a first attempt never deletes: the name may belong to another job of this run.
  if (cfg.github.runAttempt > 1) {
    await client.deleteArtifact(name).catch((e: unknown) => {
      if (!(e instanceof ArtifactNotFoundError)) throw e;
    });
  }
  const { id } = await client.uploadArtifact(name, await listFiles(staging), staging, {});
  return id;
}

/** Where another run's artifacts are found: its id and a token that may read the repository's Actions data. */
export interface OtherRun {
  readonly runId: number;
  readonly token: string;
  readonly owner: string;
  readonly repo: string;
}

/** Downloads artifact `name` of another run into a fresh folder under `parent`; undefined when it has none. */
export async function downloadFromRun(run: OtherRun, name: string, parent: string): Promise<string | undefined> {
  const findBy = { token: run.token, workflowRunId: run.runId, repositoryOwner: run.owner, repositoryName: run.repo };
  const client = new DefaultArtifactClient();
  let id: number;
  try {
    id = (await client.getArtifact(name, { findBy })).artifact.id;
  } catch (e) {
    if (e instanceof ArtifactNotFoundError) return undefined;
    throw e;
  }
  const dest = await mkdtemp(path.join(parent, "aurora-download-"));
  await client.downloadArtifact(id, { path: dest, findBy });
  return dest;
}

/** This run's artifacts (name and id), the latest of each name. */
export async function listOwnArtifacts(): Promise<{ name: string; id: number }[]> {
  const { artifacts } = await new DefaultArtifactClient().listArtifacts({ latest: true });
  return artifacts.map((a) => ({ name: a.name, id: a.id }));
}

/** Downloads one of this run's artifacts into a fresh folder under `parent`. */
export async function downloadOwn(id: number, parent: string): Promise<string> {
  const dest = await mkdtemp(path.join(parent, "aurora-download-"));
  await new DefaultArtifactClient().downloadArtifact(id, { path: dest });
  return dest;
}
