/**
 * The dashboard built for real (`aurora site build`, Astro) from generated history with hostile names, then
 * opened in real Chromium under a GitHub Pages base path: click through to a function, filter, expand the HUD,
 * read without JavaScript; no console errors, no dialogs, no request outside the site. The site's dependencies
 * are installed on first use (npm ci in site/), as in CI. Browser parts skip when /usr/bin/chromium is absent.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSiteData } from "../../bench/site-data.js";
import { readSiteRunData } from "../../src/app/site-data.js";
import { aurora } from "../cli/helpers.js";
import { browserTitle, haveChromium, INJECTED, LAUNCH_HOOK_TIMEOUT_MS, launch, OVERFLOWING, shot, watchedPage } from "../report/browser-helpers.js";
import { HOSTILE, tempRoot } from "../report/runs-fixture.js";
import { serveStatic } from "./static-server.js";

const BASE = "/repo/";
let root = "";
let out = "";
let built: { code: number; out: string; err: string } | undefined;

beforeAll(async () => {
  root = await tempRoot("aurora-site-");
  await generateSiteData(root, { functions: 40, runs: 12, extraNames: [HOSTILE.name, HOSTILE.url] });
  out = path.join(root, "dist");
  built = await aurora(["site", "build", "--data", ".", "--out", "dist", "--base", "/repo"], root);
}, 300_000);

describe("aurora site build", () => {
  it("builds every page under the base path and prints the page weights", async () => {
    expect(built?.err ?? "").toBe("");
    expect(built?.code).toBe(0);
    expect(built?.out).toMatch(/site: 59 pages in [\d.]+ s/);
    expect(built?.out).toMatch(/largest \S+ \d+ kB/);
    const index = await readFile(path.join(out, "index.html"), "utf8");
    expect(index).toContain('href="/repo/functions/"');
    expect(index).not.toMatch(/(src|href)="https?:/);
    expect(index).toContain("<svg");
  });

  it("refuses a data folder without runs, and invalid run data names the file", async () => {
    const empty = await tempRoot("aurora-site-empty-");
    const r = await aurora(["site", "build", "--data", empty, "--out", path.join(empty, "dist")], empty);
    expect(r.code).toBe(2);
    expect(r.err).toContain("no runs in");
    const bad = await tempRoot("aurora-site-bad-");
    await generateSiteData(bad, { functions: 2, runs: 1 });
    const runDir = path.join(bad, "runs", (await import("node:fs")).readdirSync(path.join(bad, "runs")).find((d) => d !== "latest")!);
    await (await import("node:fs/promises")).writeFile(path.join(runDir, "scores.json"), JSON.stringify({ specs: [{ name: 1 }], errors: [], summary: {} }));
    await expect(readSiteRunData(bad)).rejects.toThrow(new RegExp(`${runDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/scores.json: specs\\.0\\.name: Expected string`));
  });
});

let browser: Browser | undefined;
let server: Awaited<ReturnType<typeof serveStatic>> | undefined;

describe.skipIf(!haveChromium)(browserTitle("the dashboard in a real browser"), () => {
  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), serveStatic(out, BASE)]);
  }, LAUNCH_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("click through overview -> functions -> a function -> its run; tracker HUD expands", async () => {
    const origin = server!.origin;
    const w = await watchedPage(browser!, (u) => u.startsWith(`${origin}${BASE}`));
    await w.page.goto(`${origin}${BASE}`);
    expect(await w.page.locator("h1").textContent()).toBe("Overview");
    expect(await w.page.locator("#badge").textContent()).toMatch(/REGRESSIONS ⚠ \d+|No regressions ✓/);
    await shot(w.page, "site-overview.png", true);
    await w.page.getByRole("link", { name: "Functions" }).click();
    await w.page.locator("[data-filter-text]").fill("fn_0003");
    await expect.poll(() => w.page.locator("[data-filter-count]").textContent()).toBe("1 of 42");
    await w.page.getByRole("link", { name: "fn_0003" }).click();
    await expect.poll(() => w.page.url()).toBe(`${origin}${BASE}functions/fn_0003/`);
    expect(await w.page.locator("h1").textContent()).toBe("fn_0003");
    expect(await w.page.locator(".chart svg").count()).toBe(3);
    await shot(w.page, "site-function.png", true);
    await w.page.locator("table a").first().click();
    expect(w.page.url()).toMatch(new RegExp(`${BASE}runs/\\d{8}T\\d{6}Z-[0-9a-f]{4}/$`));
    await w.page.getByRole("link", { name: "Tracker" }).click();
    await w.page.locator("#aurora-hud .ahud-summary").click();
    expect(await w.page.locator("#aurora-hud .ahud-box").getAttribute("open")).toBe("");
    expect(await w.page.locator("#aurora-hud .ahud-status").getAttribute("data-state")).toBe("static");
    await shot(w.page, "site-tracker-hud.png");
    expect(w.errors).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(w.outside).toEqual([]);
  });

  it("hostile function names run nothing on any page; a phone gets no sideways scrolling", async () => {
    const origin = server!.origin;
    const w = await watchedPage(browser!, (u) => u.startsWith(`${origin}${BASE}`), { width: 390, height: 844 });
    await w.page.goto(`${origin}${BASE}functions/`);
    const links = await w.page.locator("table.fns a").evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href));
    const hostile = links.filter((h) => !/fn_\d{4}\/$/.test(h));
    expect(hostile).toHaveLength(2);
    for (const url of [...hostile, `${origin}${BASE}regressions/`, `${origin}${BASE}runs/`]) {
      await w.page.goto(url);
      expect(await w.page.evaluate(INJECTED)).toMatchObject({ imgs: 0, handlers: 0, jsLinks: 0 });
      expect(await w.page.evaluate(OVERFLOWING)).toEqual([]);
      expect(await w.page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth")).toBeLessThanOrEqual(1);
    }
    await shot(w.page, "site-phone-runs.png");
    expect(w.errors).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(w.outside).toEqual([]);
  });

  it("pages work without JavaScript: charts are SVG already", async () => {
    const ctx = await browser!.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server!.origin}${BASE}`);
    expect(await page.locator(".chart svg").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator("[data-filter]").count()).toBe(0);
    await page.goto(`${server!.origin}${BASE}functions/`);
    expect(await page.locator("table.fns tbody tr:not([hidden])").count()).toBe(42);
    await ctx.close();
  });
});
