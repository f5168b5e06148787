/**
 * Real Chromium for the report and site tests (Debian's /usr/bin/chromium driven by playwright-core, launch flags
 * from FACTS.md). Pages record console errors, page errors, dialogs and every request; requests outside the
 * allowed origin are aborted and listed.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const haveChromium = existsSync(CHROMIUM);
export const RESULTS = path.join(import.meta.dirname, "..", "..", "test-results");

/** A describe title that says why it was skipped. */
export function browserTitle(what: string): string {
  return haveChromium ? what : `${what} (SKIPPED: ${CHROMIUM} not found; install it with apt-get install -y chromium)`;
}

/**
 * How long a test waits for Chromium to start, how often it tries, and the hook timeout to give a beforeAll that
 * launches it. On a shared machine with a cold page cache and a contended disk a launch took over a minute, and
 * once a launch never connected within 150 s while the next one was quick; the default 60 s hook timeout failed the
 * suite before any page was opened.
 */
export const LAUNCH_TIMEOUT_MS = 90_000;
export const LAUNCH_ATTEMPTS = 3;
export const LAUNCH_HOOK_TIMEOUT_MS = LAUNCH_ATTEMPTS * LAUNCH_TIMEOUT_MS + 30_000;

/** Launches headless Chromium with the project's flags (again after a launch timeout); creates test-results/. */
export async function launch(): Promise<Browser> {
  await mkdir(RESULTS, { recursive: true });
  await writeFile(path.join(RESULTS, ".gitignore"), "*\n");
  for (let attempt = 1; ; attempt++) {
    try {
      return await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        timeout: LAUNCH_TIMEOUT_MS,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
      });
    } catch (e) {
      if (attempt >= LAUNCH_ATTEMPTS || !(e instanceof Error && e.name === "TimeoutError")) throw e;
    }
  }
}

/** What a page did that a test asserts on. */
export interface Watched {
  readonly page: Page;
  readonly errors: string[];
  readonly dialogs: string[];
  /** Requests outside `allowed` (aborted). */
  readonly outside: string[];
  readonly requests: string[];
}

/** A new page that watches everything; `allowed(url)` decides which requests may proceed. */
export async function watchedPage(browser: Browser, allowed: (url: string) => boolean, viewport = { width: 1200, height: 900 }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const w: Watched = { page, errors: [], dialogs: [], outside: [], requests: [] };
  page.on("console", (m) => void (m.type() === "error" ? w.errors.push(m.text()) : undefined));
  page.on("pageerror", (e) => void w.errors.push(e.message));
  page.on("dialog", (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    w.requests.push(url);
    if (allowed(url)) await route.continue();
    else {
      w.outside.push(url);
      await route.abort();
    }
  });
  return w;
}

/** Saves a screenshot under test-results/. */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, name), fullPage });
}

/** Counts of what an injection would leave in the page: images, scripts, on* handlers, javascript: links. */
export const INJECTED = `({
  imgs: document.querySelectorAll("img").length,
  scripts: document.querySelectorAll("script").length,
  handlers: [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => a.name.startsWith("on"))).length,
  jsLinks: [...document.querySelectorAll("[href]")].filter((el) => /^\\s*javascript:/i.test(el.getAttribute("href") || "")).length,
})`;

/** Elements wider than the viewport, outside sideways-scrolling boxes (`.scroll`); a phone layout must have none. */
export const OVERFLOWING = `[...document.querySelectorAll("body *")].filter((el) => !el.closest(".scroll") && el.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map((el) => el.tagName + "." + el.className + " " + el.getBoundingClientRect().right)`;
