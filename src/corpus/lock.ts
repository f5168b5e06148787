/**
 * An inter-process lock file with its owner inside, so a lock left by a killed process is recognised at once.
 *
 * - Taking it is atomic: the owner record is written to a private temp file which is then hard-linked to the lock
 *   path (`link` fails if the path exists), so the lock never exists without its owner.
 * - It is stale when its owner is gone: same host and the pid is not running (or runs a different process: the
 *   start time recorded from /proc differs), or another host's lock older than `staleMs`, or an unreadable lock
 *   older than 10 s. A stale lock is moved aside, checked to be the one inspected, and deleted, with a notice.
 * - Waiting backs off from 5 ms to 200 ms until `timeoutMs`, then fails with a CorpusBusyError naming the owner.
 *
 * proper-lockfile (used by the tracker) detects staleness only by age (at least 5 s), which would stall every
 * restart after a kill; see ADR 0007.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CorpusBusyError } from "./errors.js";

/** Who holds a lock. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** The holder's command line (shortened), for messages. */
  readonly command: string;
  /** The process start time from /proc (Linux), to tell a reused pid from the owner. */
  readonly procStart?: string;
}

/** How long to wait and when a foreign lock counts as stale. */
export interface LockOptions {
  /** How long to wait for a live holder. @default 10000 */
  readonly timeoutMs?: number;
  /** A lock from another host counts as stale after this age. @default 600000 */
  readonly staleMs?: number;
  /** Receives one line per recovered stale lock. */
  readonly onNotice?: (message: string) => void;
}

/** What taking the lock found. */
export interface Acquired {
  /** A stale lock of a killed process was removed first: its work may be half done. */
  readonly brokeStale: boolean;
}

const UNREADABLE_STALE_MS = 10_000;

/** A lock at a path; one instance holds it at most once. */
export class FileLock {
  private held: LockOwner | undefined;

  constructor(readonly path: string) {}

  /** Takes the lock, waiting for a live holder and breaking a stale one. @throws CorpusBusyError */
  async acquire(options: LockOptions = {}): Promise<Acquired> {
    const deadline = Date.now() + (options.timeoutMs ?? 10_000);
    let brokeStale = false;
    let delay = 5;
    for (;;) {
      const owner = newOwner();
      if (await tryCreate(this.path, owner)) {
        this.held = owner;
        return { brokeStale };
      }
      const holder = await readOwner(this.path);
      if (holder !== "missing" && (await isStale(this.path, holder, options.staleMs ?? 600_000))) {
        if (await breakLock(this.path, holder)) {
          brokeStale = true;
          options.onNotice?.(`removed the stale lock ${this.path} ${describeOwner(holder)}: that process no longer runs`);
        }
        continue;
      }
      if (Date.now() >= deadline) throw new CorpusBusyError(this.path, busyMessage(this.path, holder, options.timeoutMs ?? 10_000));
      await sleep(Math.min(delay, Math.max(1, deadline - Date.now())));
      delay = Math.min(delay * 2, 200);
    }
  }

  /** Releases the lock if this instance still owns it (a lock broken by another process is left alone). */
  async release(): Promise<void> {
    const mine = this.held;
    this.held = undefined;
    if (!mine) return;
    const holder = await readOwner(this.path);
    if (holder !== "missing" && holder !== undefined && holder.token === mine.token) await unlink(this.path).catch(ignoreMissing);
  }

  get isHeld(): boolean {
    return this.held !== undefined;
  }
}

function newOwner(): LockOwner {
  const procStart = processStart(process.pid);
  return {
    pid: process.pid,
    host: os.hostname(),
    token: randomBytes(8).toString("hex"),
    since: new Date().toISOString(),
    command: process.argv.slice(1).map((a) => a.split("/").pop() ?? a).join(" ").slice(0, 120),
    ...(procStart ? { procStart } : {}),
  };
}

/** Creates the lock with its owner in one step; false when it exists. */
async function tryCreate(file: string, owner: LockOwner): Promise<boolean> {
  const temp = `${file}.${owner.token}.tmp`;
  await writeFile(temp, JSON.stringify(owner), { flag: "wx" });
  try {
    await link(temp, file);
    return true;
  } catch (e) {
    if (code(e) === "EEXIST") return false;
    throw e;
  } finally {
    await unlink(temp).catch(ignoreMissing);
  }
}

/** The owner, undefined when unreadable, "missing" when there is no lock. */
async function readOwner(file: string): Promise<LockOwner | undefined | "missing"> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if (code(e) === "ENOENT") return "missing";
    throw e;
  }
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    return typeof o.pid === "number" && typeof o.token === "string" && typeof o.host === "string" ? (o as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

async function isStale(file: string, holder: LockOwner | undefined, staleMs: number): Promise<boolean> {
  const age = await ageMs(file);
  if (age === undefined) return false;
  if (!holder) return age > UNREADABLE_STALE_MS;
  if (holder.host !== os.hostname()) return age > staleMs;
  return !isRunning(holder);
}

/** True when the owner's process still runs (and is the same process, when its start time is known). */
export function isRunning(owner: Pick<LockOwner, "pid" | "procStart">): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if (code(e) !== "EPERM") return false;
  }
  if (!owner.procStart) return true;
  const now = processStart(owner.pid);
  return now === undefined || now === owner.procStart;
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); undefined off Linux. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** Moves a stale lock aside and deletes it; true when the lock inspected is gone. */
async function breakLock(file: string, holder: LockOwner | undefined): Promise<boolean> {
  const grave = `${file}.stale-${randomBytes(6).toString("hex")}`;
  try {
    await rename(file, grave);
  } catch (e) {
    if (code(e) === "ENOENT") return false;
    throw e;
  }
  const moved = await readOwner(grave);
  const same = holder === undefined ? moved === undefined : moved !== "missing" && moved?.token === holder.token;
  // A live lock taken between our look and the move: put it back (link fails only if yet another took the path).
  if (!same) await link(grave, file).catch(() => undefined);
  await unlink(grave).catch(ignoreMissing);
  return same;
}

/** Deletes temp and moved-aside files of `lockFile` left by killed processes (older than a minute). */
export async function cleanLockLeftovers(lockFile: string): Promise<void> {
  const dir = path.dirname(lockFile);
  const base = path.basename(lockFile);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(`${base}.`) || !/\.(tmp|stale-[0-9a-f]+)$/.test(name)) continue;
    const age = await ageMs(path.join(dir, name));
    if (age !== undefined && age > 60_000) await unlink(path.join(dir, name)).catch(() => undefined);
  }
}

function describeOwner(o: LockOwner | undefined): string {
  return o ? `(pid ${o.pid} on ${o.host}, ${o.command || "?"}, since ${o.since})` : "(no readable owner)";
}

function busyMessage(file: string, holder: LockOwner | undefined | "missing", timeoutMs: number): string {
  const who = holder === "missing" ? "another process" : `process ${describeOwner(holder)}`;
  return `the corpus is in use by ${who} and stayed locked for ${(timeoutMs / 1000).toFixed(1)} s: wait for it to finish and retry; if that process is gone and the lock stays, delete ${file}`;
}

async function ageMs(file: string): Promise<number | undefined> {
  try {
    return Date.now() - (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

function ignoreMissing(e: unknown): void {
  if (code(e) !== "ENOENT") throw e;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
