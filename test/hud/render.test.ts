import { describe, expect, it } from "vitest";
import { HUD_SCRIPT } from "../../src/report/hud/client.js";
import { colorBand, escapeHtml, renderHud, renderHudParts, sparklinePoints, type HudProgress } from "../../src/report/hud/index.js";
import { HUD_CSS } from "../../src/report/hud/style.js";
import { summarize } from "../../src/tracker/compute.js";
import { seedTemplate } from "../../src/tracker/templates.js";

const seed = (): HudProgress => summarize({ ...seedTemplate(), updated: "2025-01-01T12:00:00Z" });
const history = [
  { name: "20250101_120000", at: "2025-01-01T12:00:00.000Z", overall: 40 },
  { name: "20250102_120000", at: "2025-01-02T12:00:00.000Z", overall: 55.5 },
];

describe("renderHud", () => {
  it("takes the tracker's summary as is and matches the golden fragment", async () => {
    const html = renderHud(seed(), history, {});
    await expect(html.replace(HUD_CSS, "/* css */").replace(HUD_SCRIPT, "/* js */")).toMatchFileSnapshot("golden/seed-hud.html");
  });

  it("escapes every user string", () => {
    const evil = '<img src=x onerror="alert(1)">';
    const p: HudProgress = {
      version: '1.0.0"><script>',
      title: evil,
      overall: 10,
      phases: [{ name: evil, percent: 10, tasks: [{ id: 'T01"><b>', title: evil, percent: 10, depth: 0, header: false }] }],
    };
    const html = renderHud(p, [{ name: evil, at: "x", overall: 1 }], { id: 'x" onclick="y', apiBase: '"><script>' });
    const withoutOwnCode = html.replace(HUD_SCRIPT, "").replace(HUD_CSS, "");
    expect(withoutOwnCode).not.toContain("<img");
    expect(withoutOwnCode.match(/<script/g)).toHaveLength(1);
    expect(withoutOwnCode).not.toContain("<b>");
    expect(withoutOwnCode).not.toMatch(/" onclick=/);
    expect(withoutOwnCode).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("makes no external requests", () => {
    const html = renderHud(seed(), history, {});
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\bsrc=|@import|url\(/);
  });

  it("starts open, or collapsed to the icon when asked", () => {
    expect(renderHud(seed(), [], {})).toContain('<details class="ahud-box" open>');
    expect(renderHud(seed(), [], { collapsed: true })).toContain('<details class="ahud-box">');
  });

  it("carries the live options as data attributes", () => {
    expect(renderHud(seed(), [], { apiBase: "http://127.0.0.1:8888", live: false, id: "hud2" })).toContain('id="hud2" class="ahud" data-api="http://127.0.0.1:8888" data-live="off"');
  });

  it("lists every task in the quick-action picker", () => {
    const { options } = renderHudParts(seed(), []);
    expect(options.match(/<option /g)).toHaveLength(15);
    expect(options).toContain('<option value="T02f">T02f Import/merge capability (50%)</option>');
  });

  it("has a script that parses and cannot close its own script element", () => {
    expect(() => new Function(HUD_SCRIPT)).not.toThrow();
    expect(HUD_SCRIPT).not.toMatch(/<\/script/i);
    expect(HUD_CSS).not.toMatch(/<\/style/i);
  });
});

describe("pieces", () => {
  it.each([
    [0, 0],
    [33.9, 0],
    [34, 1],
    [66.9, 1],
    [67, 2],
    [99.9, 2],
    [100, 3],
  ])("colorBand(%d) = %d", (p, band) => {
    expect(colorBand(p)).toBe(band);
  });

  it("draws sparkline points across the box, 0 at the bottom and 100 at the top", () => {
    expect(sparklinePoints([0, 100], 120, 24)).toBe("0.0,23.0 120.0,1.0");
    expect(sparklinePoints([50], 120, 24)).toBe("0.0,12.0 120.0,12.0");
    expect(sparklinePoints([0, 50, 100], 100, 12)).toBe("0.0,11.0 50.0,6.0 100.0,1.0");
  });

  it("escapeHtml", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  });
});
