import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { compareScenarios } from "@fourports/planner";
import { baselineHtml, comparisonHtml, type BaselineResult } from "@fourports/report";
import { fixtureBaseline, fixtureComparison, realBaseline } from "./fixture.js";

// The HTML report in a real browser: Debian's chromium, driven by playwright-core (browser
// downloads are not possible here, so the browser comes from apt, not from playwright).
const CHROMIUM = process.env.FOURPORTS_CHROMIUM ?? "/usr/bin/chromium";
const HAVE = existsSync(CHROMIUM);
const REQUIRE = process.env.FOURPORTS_REQUIRE_BROWSER === "1";
const OUT = join(dirname(fileURLToPath(import.meta.url)), "out");
const HOSTILE = `<script>window.__pwned = 1</script>"'&`;

/** What a page did while loading: every request, console error and page error. */
interface Load {
  page: Page;
  requests: string[];
  errors: string[];
  url: string;
}

async function load(browser: Browser, name: string, html: string): Promise<Load> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, name);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url, { waitUntil: "load" });
  return { page, requests, errors, url };
}

const count = (page: Page, selector: string): Promise<number> => page.locator(selector).count();

/** The figures a baseline page must draw, counted against the result it was made from. */
async function checkBaselinePage(page: Page, r: BaselineResult): Promise<void> {
  // Target dashboard: where the goal is a number compared with >=, > or <=, a bar per numeric goal,
  // assignment and ceiling and a band per simulated or forecast spread; otherwise text only.
  const numeric = (v: unknown): number => (typeof v === "number" ? 1 : 0);
  for (const t of r.targets) {
    const scaled = typeof t.goal === "number" && [">=", ">", "<="].includes(t.comparator);
    const bars = numeric(t.goal) + numeric(t.leastCost) + numeric(t.shipperLogit) + numeric(t.ceiling);
    expect(await count(page, `rect.target-bar[data-target="${t.id}"]`), t.id).toBe(scaled ? bars : 0);
    expect(await count(page, `rect.target-band[data-target="${t.id}"]`), t.id).toBe(scaled ? (t.simulated ? 1 : 0) + (t.forecast ? 1 : 0) : 0);
  }
  // Every line label starts inside the chart (none cut off at the left edge).
  const left = await page.locator("svg.utilisation text.line-label").evaluateAll((els) => els.map((e) => (e as SVGTextElement).getBBox().x));
  expect(left.length).toBeGreaterThan(0);
  for (const x of left) expect(x).toBeGreaterThanOrEqual(0);
  // The inset labels every hub it counts.
  expect(await count(page, "g.home-inset text.hub-label")).toBe(r.hubs.filter((h) => h.home).length);
  const v = r.views.leastCost;
  expect(await count(page, "rect.monthly-bar")).toBe(v.monthly.length);
  expect(await count(page, "rect.line-bar")).toBe(Math.min(40, v.lines.length));
  expect(await count(page, "table.table-lines tbody tr")).toBe(v.lines.length);
  // Flow map: a dot per hub, a path per leg that carried cargo (on the world map or the home inset).
  expect(await count(page, "circle.hub")).toBe(r.hubs.length);
  const carried = v.legs.filter((l) => l.tonnes > 0);
  expect(await count(page, "path.flow")).toBe(carried.length);
  const drawn = await page.locator("path.flow").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-from")} ${e.getAttribute("data-to")} ${e.getAttribute("data-mode")}`));
  expect(drawn.sort()).toEqual(carried.map((l) => `${l.from} ${l.to} ${l.mode}`).sort());
  expect(await count(page, "circle.reach-ring")).toBe(r.reach?.groups.length ?? 0);
  expect(await count(page, "table.table-provenance tbody tr")).toBe(r.targets.length);
}

if (!HAVE && REQUIRE) {
  describe("HTML report in chromium", () => {
    it("needs chromium", () => {
      expect.fail(`FOURPORTS_REQUIRE_BROWSER=1 but no chromium at ${CHROMIUM}: apt-get install -y chromium (or set FOURPORTS_CHROMIUM to its path)`);
    });
  });
} else if (!HAVE) {
  const reason = `browser test skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set FOURPORTS_CHROMIUM; FOURPORTS_REQUIRE_BROWSER=1 makes this a failure)`;
  // The default reporter folds a skipped file to a count; the reason goes to stderr so it is seen.
  console.warn(reason);
  describe("HTML report in chromium", () => {
    it.skip(reason, () => {});
  });
} else {
  describe("HTML report in chromium", () => {
    let browser: Browser;
    beforeAll(async () => {
      const { chromium } = await import("playwright-core");
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("draws the baseline offline: one bar per figure, one line per leg that carried cargo", async () => {
      const r: BaselineResult = fixtureBaseline({ hubName: HOSTILE });
      const { page, requests, errors, url } = await load(browser, "report.html", baselineHtml(r));
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);

      await checkBaselinePage(page, r);
      // Three targets with a numeric goal, both assignments and a numeric ceiling; the date and the report have none.
      expect(await count(page, "rect.target-bar")).toBe(12);
      // Sorted highest first.
      const shownUtil = await page.locator("rect.line-bar").evaluateAll((els) => els.map((e) => Number(e.getAttribute("width"))));
      expect(shownUtil).toEqual([...shownUtil].sort((a, b) => b - a));
      const widthOf = (from: string, to: string): Promise<number> => page.locator(`path.flow[data-from="${from}"][data-to="${to}"]`).evaluate((e) => Number(e.getAttribute("stroke-width")));
      expect((await widthOf("CGO", "LUX")) / (await widthOf("ZZ-PUTIAN", "ALA"))).toBeCloseTo(410_000 / 380_000, 1);

      // The hostile hub name is shown as text, never run.
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await count(page, "script")).toBe(0);
      expect(await page.locator('circle.hub[data-hub="LUX"] title').textContent()).toContain(HOSTILE);
      // CJK names reach the page.
      expect(await page.locator("body").textContent()).toContain("郑州新郑国际机场");

      await page.screenshot({ path: join(OUT, "report.png"), fullPage: true });
      // Closer looks at the two densest figures, for a person checking the drawing.
      await page.locator("svg.dashboard").screenshot({ path: join(OUT, "dashboard.png") });
      await page.locator("svg.flowmap").screenshot({ path: join(OUT, "flowmap.png") });
      await page.close();
    });

    it("draws a real baseline of zhengzhou-2025 offline", async () => {
      const r = realBaseline();
      const { page, requests, errors, url } = await load(browser, "real.html", baselineHtml(r, { flowWidth: "sqrt" }));
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      await checkBaselinePage(page, r);
      await page.locator("svg.flowmap").screenshot({ path: join(OUT, "real-flowmap.png") });
      await page.locator("svg.dashboard").screenshot({ path: join(OUT, "real-dashboard.png") });
      await page.locator("svg.utilisation").screenshot({ path: join(OUT, "real-utilisation.png") });
      await page.locator("section#calibration").screenshot({ path: join(OUT, "real-calibration.png") });
      await page.screenshot({ path: join(OUT, "real.png"), fullPage: true });
      await page.close();
    });

    it("draws the comparison offline", async () => {
      const c = fixtureComparison();
      const { page, requests, errors, url } = await load(browser, "compare.html", comparisonHtml(c));
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await count(page, "svg.port-deltas rect.delta-bar")).toBe(c.ports.filter((p) => p.throughputT.change !== null).length);
      expect(await count(page, "svg.hub-deltas rect.delta-bar")).toBe(c.hubs.filter((h) => h.throughputT.change).length);
      expect(await count(page, "table.table-lines tbody tr")).toBe(c.lines.length);
      // At 1200 px every table fits its column: nothing to scroll sideways.
      await page.setViewportSize({ width: 1200, height: 900 });
      const overflow = await page.locator(".table-wrap").evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth));
      expect(overflow.every((x) => x <= 0), `tables wider than the page: ${overflow.join(", ")}`).toBe(true);
      await page.screenshot({ path: join(OUT, "compare.png"), fullPage: true });
      await page.close();
    });

    it("fits a comparison of real results at 1200 px, long line names and all", async () => {
      const a = realBaseline();
      const b = realBaseline();
      // Every third line carries half as much in b: many changed lines with the seeds' real names.
      b.views.leastCost.lines = b.views.leastCost.lines.map((l, i) => (i % 3 === 0 ? { ...l, loadedT: l.loadedT / 2, utilisation: l.utilisation / 2 } : l));
      const c = compareScenarios(a, b);
      expect(c.lines.length).toBeGreaterThan(50);
      const { page, errors } = await load(browser, "compare-real.html", comparisonHtml(c, { comparators: a.targets }));
      expect(errors).toEqual([]);
      await page.setViewportSize({ width: 1200, height: 900 });
      const overflow = await page.locator(".table-wrap").evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth));
      expect(overflow.every((x) => x <= 0), `tables wider than the page: ${overflow.join(", ")}`).toBe(true);
      await page.screenshot({ path: join(OUT, "compare-real.png"), fullPage: false });
      await page.locator("table.table-lines").screenshot({ path: join(OUT, "compare-real-lines.png") });
      await page.close();
    });
  });
}
