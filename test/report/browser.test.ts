/**
 * report.html as a person opens it, in real Chromium from a file: hostile names, descriptions and programs run
 * nothing and inject nothing; no request leaves the page; the HUD expands; filter works; phone and print layouts.
 * Skipped, with the reason in the title, when /usr/bin/chromium is absent (CI installs it).
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReport } from "../../src/app/report.js";
import { defaultRules } from "../../src/report/rules.js";
import { serializeProgress } from "../../src/tracker/parse.js";
import { seedTemplate } from "../../src/tracker/templates.js";
import { browserTitle, haveChromium, INJECTED, LAUNCH_HOOK_TIMEOUT_MS, launch, OVERFLOWING, shot, watchedPage } from "./browser-helpers.js";
import { spec } from "./fixtures.js";
import { HOSTILE, tempRoot, writeRuns } from "./runs-fixture.js";

let browser: Browser | undefined;
let file = "";

async function hostileReport(): Promise<string> {
  const root = await tempRoot();
  const evil = (over = {}) => [
    spec(HOSTILE.name, { file: HOSTILE.file, program: HOSTILE.program, warnings: [HOSTILE.url] }),
    spec("fine", { program: HOSTILE.url, dsl: ["add", "int", ["$", HOSTILE.name, "int"], ["#", "</script>", "str"]] }),
    spec(HOSTILE.url, { status: "ambiguous", dsl: ["add", "int", ["$", HOSTILE.name, "int"], ["#", "</script>", "str"]] }),
    ...Array.from({ length: 30 }, (_, i) => spec(`f${i}`, { time_ms: 5 + i, ...over })),
  ];
  const ids = await writeRuns(root, [evil(), evil({ time_ms: 2000, status: "unsolved", score: 0.4 })], (i) => ({ branch: HOSTILE.branch, options: { note: HOSTILE.name, i } }));
  const p = seedTemplate();
  p.title = `<script>alert("title")</script>`;
  p.phases[0]!.name = HOSTILE.name;
  await writeFile(path.join(root, "progress.json"), serializeProgress(p));
  await writeFile(path.join(root, "aurora-acknowledged.yaml"), `acknowledged:\n  - function: f1\n    reason: '${HOSTILE.name.replace(/'/g, "''")}'\n`);
  return writeReport({ runDir: path.join(root, "runs", ids[1]!), runsDir: path.join(root, "runs"), root, rules: defaultRules() });
}

describe.skipIf(!haveChromium)(browserTitle("report.html in a real browser"), () => {
  beforeAll(async () => {
    [browser, file] = await Promise.all([launch(), hostileReport()]);
  }, LAUNCH_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
  });

  it("runs nothing hostile, injects nothing, requests nothing but itself", async () => {
    const url = `file://${file}`;
    const w = await watchedPage(browser!, (u) => u === url);
    await w.page.goto(url);
    expect(await w.page.locator("#badge").textContent()).toMatch(/^REGRESSIONS ⚠ \d+$/);
    expect(await w.page.locator("#badge").evaluate((el: { ownerDocument: { defaultView: { getComputedStyle(e: unknown): { backgroundColor: string } } } }) => el.ownerDocument.defaultView.getComputedStyle(el).backgroundColor)).toBe("rgb(185, 28, 28)");
    const injected = await w.page.evaluate(INJECTED);
    expect(injected).toMatchObject({ imgs: 0, scripts: 2, handlers: 0, jsLinks: 0 });
    expect(await w.page.getByText(HOSTILE.name, { exact: true }).first().isVisible()).toBe(true);
    await w.page.mouse.wheel(0, 400);
    await w.page.waitForTimeout(200);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
    expect(w.requests).toEqual([url]);
    await shot(w.page, "report-desktop.png", true);
  });

  it("filters the table, expands the HUD, and reads on a phone and in print", async () => {
    const url = `file://${file}`;
    const w = await watchedPage(browser!, (u) => u === url, { width: 390, height: 844 });
    await w.page.goto(url);
    await w.page.locator("#fn-filter").fill("f1");
    await expect.poll(() => w.page.locator("#fn-count").textContent()).toBe("11 of 33");
    await w.page.locator("#fn-status").selectOption("ambiguous");
    expect(await w.page.locator("table.fns tbody tr:not([hidden])").count()).toBe(0);
    await w.page.locator("#fn-filter").fill("");
    expect(await w.page.locator("table.fns tbody tr:not([hidden])").count()).toBe(1);
    expect(await w.page.locator("#aurora-hud .ahud-box").getAttribute("open")).toBeNull();
    await w.page.locator("#aurora-hud .ahud-summary").click();
    expect(await w.page.locator("#aurora-hud .ahud-box").getAttribute("open")).toBe("");
    await shot(w.page, "report-phone-hud.png");
    const overflow = await w.page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    const wide = await w.page.evaluate(OVERFLOWING);
    expect(wide).toEqual([]);
    expect(overflow).toBeLessThanOrEqual(1);
    await w.page.emulateMedia({ media: "print" });
    expect(await w.page.locator("#aurora-hud").isHidden()).toBe(true);
    expect(await w.page.locator(".filters").isHidden()).toBe(true);
    await shot(w.page, "report-print.png");
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
  });
});
