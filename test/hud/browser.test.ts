/**
 * The HUD in a real browser (Debian's chromium driven by playwright-core): two pages on the tracker server, a change
 * made through the HUD of one shows up in the other without a reload; a change from the CLI side shows up in both;
 * a page opened from a file stays a static view. Screenshots go to test-results/ (which ignores itself).
 * Skipped, with the reason in the test name, when /usr/bin/chromium is absent (CI installs it).
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHud } from "../../src/report/hud/index.js";
import { summarize } from "../../src/tracker/compute.js";
import { updateTasks } from "../../src/tracker/ops.js";
import { parseAssignments } from "../../src/tracker/update.js";
import { seedTemplate } from "../../src/tracker/templates.js";
import { KEY, seededServer } from "../server/helpers.js";
import { tempDir } from "../tracker/helpers.js";
import { LAUNCH_HOOK_TIMEOUT_MS, RESULTS, browserTitle, haveChromium, launch } from "../report/browser-helpers.js";

const title = browserTitle("HUD in a real browser");

let browser: Browser | undefined;

/** A page that records console errors and failed page scripts. */
async function openPage(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser!.newPage({ viewport: { width: 1100, height: 760 } });
  const errors: string[] = [];
  page.on("console", (m) => void (m.type() === "error" ? errors.push(m.text()) : undefined));
  page.on("pageerror", (e) => void errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

const percentOf = (page: Page, id: string): Promise<string | null> => page.locator(`#aurora-hud [data-task="${id}"]`).getAttribute("data-percent");
const waitForPercent = (page: Page, id: string, value: string): Promise<unknown> => expect.poll(() => percentOf(page, id), { timeout: 10_000 }).toBe(value);
const status = (page: Page) => page.locator("#aurora-hud .ahud-status");

describe.skipIf(!haveChromium)(title, () => {
  beforeAll(async () => {
    browser = await launch();
  }, LAUNCH_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
  });

  it("a change made through the HUD of one page appears in a second page, live", async () => {
    const { server, t } = await seededServer();
    const a = await openPage(`${server.url}/tracker`);
    const b = await openPage(`${server.url}/tracker`);
    for (const p of [a.page, b.page]) await expect.poll(() => status(p).getAttribute("data-state"), { timeout: 10_000 }).toBe("live");

    await a.page.locator("#aurora-hud .ahud-phase").nth(1).locator("summary").click();
    await a.page.screenshot({ path: join(RESULTS, "hud-expanded.png") });
    await a.page.locator("#aurora-hud .ahud-summary").click();
    await expect.poll(() => a.page.locator("#aurora-hud .ahud-box").getAttribute("open")).toBeNull();
    await a.page.screenshot({ path: join(RESULTS, "hud-collapsed.png") });
    await a.page.locator("#aurora-hud .ahud-summary").click();

    await a.page.locator('#aurora-hud [data-task="T02f"]').click();
    await a.page.locator('#aurora-hud input[name="value"]').fill("80");
    await a.page.locator('#aurora-hud input[name="key"]').fill(KEY);
    await a.page.locator("#aurora-hud .ahud-form button").click();
    await expect.poll(() => a.page.locator("#aurora-hud .ahud-msg").textContent()).toBe("T02f: 50% -> 80%");

    await waitForPercent(b.page, "T02f", "80");
    expect(await b.page.locator("#aurora-hud .ahud-overall").textContent()).toBe("65.6%");
    expect(await b.page.evaluate("performance.getEntriesByType('navigation').length")).toBe(1);

    await updateTasks(t, parseAssignments(["T03a=40"]));
    await Promise.all([waitForPercent(a.page, "T03a", "40"), waitForPercent(b.page, "T03a", "40")]);
    expect(await percentOf(a.page, "T02f")).toBe("80");
    await a.page.screenshot({ path: join(RESULTS, "hud-after-updates.png") });

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it("without the key the form explains; the picker follows a phase kept open across updates", async () => {
    const { server, t } = await seededServer();
    const { page, errors } = await openPage(`${server.url}/tracker`);
    await expect.poll(() => status(page).getAttribute("data-state"), { timeout: 10_000 }).toBe("live");
    await page.locator('#aurora-hud input[name="value"]').fill("10");
    await page.locator("#aurora-hud .ahud-form button").click();
    expect(await page.locator("#aurora-hud .ahud-msg").textContent()).toBe("enter the API key first");
    await page.locator("#aurora-hud .ahud-phase").nth(2).locator("summary").click();
    await updateTasks(t, parseAssignments(["T03b=30"]));
    await waitForPercent(page, "T03b", "30");
    expect(await page.locator("#aurora-hud .ahud-phase").nth(2).getAttribute("open")).toBe("");
    expect(errors).toEqual([]);
  });

  it("a read-only server shows the HUD live without the form", async () => {
    const { server } = await seededServer({ apiKey: undefined });
    const { page, errors } = await openPage(`${server.url}/tracker`);
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe("live, read-only");
    expect(await page.locator("#aurora-hud .ahud-form").isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });

  it("opened from a file it is a static view: no requests, no form, still collapsible", async () => {
    const dir = await tempDir();
    const file = join(dir, "report.html");
    await writeFile(file, `<!doctype html><html><head><meta charset="utf-8"><title>report</title></head><body><h1>Run report</h1>${renderHud(summarize(seedTemplate()), [], {})}</body></html>`);
    const requests: string[] = [];
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on("console", (m) => void (m.type() === "error" ? errors.push(m.text()) : undefined));
    page.on("pageerror", (e) => void errors.push(e.message));
    page.on("request", (r) => void requests.push(r.url()));
    await page.goto(`file://${file}`);
    expect(await status(page).getAttribute("data-state")).toBe("static");
    expect(await page.locator("#aurora-hud .ahud-form").isHidden()).toBe(true);
    await page.locator("#aurora-hud .ahud-summary").click();
    expect(await page.locator("#aurora-hud .ahud-box").getAttribute("open")).toBeNull();
    await page.screenshot({ path: join(RESULTS, "hud-static-collapsed.png") });
    expect(requests).toEqual([`file://${file}`]);
    expect(errors).toEqual([]);
  });
});
