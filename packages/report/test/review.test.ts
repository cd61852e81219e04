import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type { ComparisonResult, TargetChange } from "@fourports/planner";
import { baselineCsv, baselineHtml, baselineSvgDashboard, comparisonHtml, fitText, STATUS_TEXT, targetsTable, textWidthPx, utilisationSvg } from "@fourports/report";
import { fixtureBaseline, fixtureComparison, realBaseline } from "./fixture.js";

// The defects a reviewer found in the HTML report, each checked on the page's text or elements.

/** The rows of the HTML table with this class, each as its cells' text (tags stripped). */
function tableRows(html: string, cls: string): string[][] {
  const m = html.match(new RegExp(`<table class="${cls}">[\\s\\S]*?</table>`));
  if (!m) throw new Error(`no table.${cls}`);
  const body = m[0].split("<tbody>")[1]!;
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, "")));
}

const header = (html: string, cls: string): string[] => {
  const m = html.match(new RegExp(`<table class="${cls}"><thead><tr>([\\s\\S]*?)</tr>`))!;
  return [...m[1]!.matchAll(/<th>([\s\S]*?)<\/th>/g)].map((c) => c[1]!);
};

describe("calibration (real zhengzhou-2025)", () => {
  const r = realBaseline();
  const html = baselineHtml(r);
  const c = r.calibration!;

  it("shows the choice fit and the capacity-respecting assignment, and says which the RMS comes from", () => {
    expect(tableRows(html, "table-choice-fit")).toHaveLength(c.fit.rows.length);
    expect(tableRows(html, "table-calibration")).toHaveLength(c.rows.length);
    expect(header(html, "table-choice-fit")).toEqual(["figure", "period", "role", "observed", "prior model", "fitted model", "error", "contested", "unit"]);
    expect(html).toContain(`These errors are the fitted model&#39;s (the &quot;fitted model&quot; column`);
    expect(html).toContain(`hold-out RMS ${c.fit.holdOutRmsPct!.toFixed(1)}% on 1 (never seen by the fit, nor sized from)`);
    // The only unsized hold-out, in the assignment with capacities.
    expect(html).toContain("Hold-outs not sized from: cgo-2024 -18.4%.");
  });

  it("keeps the (sized) mark on both tables and rounds assigned to whole tonnes", () => {
    const fit = tableRows(html, "table-choice-fit");
    expect(fit.find((x) => x[0] === "hsr-2024")![2]).toBe("hold-out (sized)");
    expect(fit.find((x) => x[0] === "cgo-2024")![2]).toBe("hold-out");
    const asg = tableRows(html, "table-calibration");
    expect(asg.find((x) => x[0] === "zhoukou-2024-jan-sep")![2]).toBe("hold-out (sized)");
    const cgo = asg.find((x) => x[0] === "cgo-2024")!;
    expect(cgo[2]).toBe("hold-out");
    expect(cgo[5]).toBe("672,986");
    for (const row of asg) expect(row[5]).toMatch(/^[\d,]+$/);
  });
});

describe("statuses in words", () => {
  it("uses the CLI's wording in the dashboard and the target table, never the raw value", () => {
    const r = realBaseline();
    const html = baselineHtml(r);
    const rows = tableRows(html, "table-target-summary");
    expect(rows.map((x) => x[7])).toEqual(r.targets.map((t) => STATUS_TEXT[t.status]));
    expect(html).toContain(">reachable at ≤100% load</text>");
    expect(html).toContain("NOT MET by the network");
    expect(html).not.toMatch(/>(within-ceiling|not-met|assumed)</);
  });
});

describe("dashboard bars only on a numeric goal's scale", () => {
  const r = realBaseline();
  const svg = baselineSvgDashboard(r);
  const bars = (id: string): number => (svg.match(new RegExp(`<rect class="target-bar" data-target="${id}"`, "g")) ?? []).length;

  it("draws no bar for a date, a route count without a numeric goal, or the rural and circle texts", () => {
    for (const id of ["land-port-open", "new-air-routes", "rural-delivery", "quick-freight-circle"]) expect(bars(id), id).toBe(0);
    // Their figures are still shown, as text.
    expect(svg).toContain("by 2025-05-31");
    expect(svg).toContain("all open");
    expect(svg).toContain("county centres 1/15");
  });

  it("draws numeric goals as bars and marks a <= goal as less-is-better", () => {
    expect(bars("air-cargo-province")).toBe(4);
    expect(bars("land-port-highway")).toBe(2);
    expect(svg).toContain("≤ 10 min (less is better)");
    expect(svg).toContain(">goal (at most)</text>");
    // A time to stay under has no "ceiling at 100% load"; nor has a date or a text.
    const block = (id: string): string => svg.match(new RegExp(`<g class="target" data-target="${id}">[\\s\\S]*?</g>`))![0];
    expect(block("land-port-highway")).toContain(">as modelled</text>");
    expect(block("land-port-highway")).not.toContain("100% load");
    expect(block("rural-delivery")).not.toContain("100% load");
    expect(block("air-cargo-city")).toContain(">ceiling (100% load)</text>");
  });
});

describe("line labels fit their column", () => {
  it("cuts a long label at a whole character with an ellipsis, the full name in a tooltip", () => {
    const v = fixtureBaseline().views.leastCost;
    v.lines[0] = { ...v.lines[0]!, line: "R-ST-PETERSBURG-SHUSHARY-ZHENGZHOU-PUTIAN-EXPRESS", from: "RU-ST-PETERSBURG-SHUSHARY", to: "ZZ-PUTIAN" };
    const svg = utilisationSvg(v, 40);
    const label = svg.match(/<text[^>]*class="axis line-label"[^>]*>(R-ST[^<]*)<title>([^<]*)<\/title>/)!;
    expect(label[1]!.endsWith("…")).toBe(true);
    expect(textWidthPx(label[1]!)).toBeLessThanOrEqual(288);
    expect(label[2]).toBe("R-ST-PETERSBURG-SHUSHARY-ZHENGZHOU-PUTIAN-EXPRESS RU-ST-PETERSBURG-SHUSHARY → ZZ-PUTIAN");
    expect(fitText("short", 100)).toBe("short");
    expect(fitText("郑州国际陆港郑州国际陆港", 60)).toBe("郑州国际…");
  });
});

describe("reach misses", () => {
  it("shows shares as percentages", () => {
    const r = realBaseline();
    const rows = tableRows(baselineHtml(r), "table-reach-misses");
    const misses = r.reach!.groups.flatMap((g) => g.misses);
    expect(rows).toHaveLength(misses.length);
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((row, i) => expect(row[4]).toBe(`${(misses[i]!.share * 100).toFixed(1)}%`));
  });
});

describe("home inset", () => {
  it("labels every hub it counts (real zhengzhou-2025: 7)", () => {
    const r = realBaseline();
    const inset = baselineHtml(r).match(/<g class="home-inset">[\s\S]*?<\/g>(?=<)/)![0];
    const home = r.hubs.filter((h) => h.home).map((h) => h.id).sort();
    expect(inset).toContain(`: ${home.length} hubs`);
    expect([...inset.matchAll(/class="hub-label" data-hub="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(home);
  });
});

describe("comparison page", () => {
  const c = fixtureComparison();

  it("names the year totals with units, rounded, coloured better or worse", () => {
    const html = comparisonHtml(c);
    const rows = tableRows(html, "table-totals");
    expect(rows.map((x) => [x[0], x[1]])).toEqual([["freight served", "kt"], ["freight not served", "kt"], ["generalised cost", "million CNY"], ["emissions", "kt CO2e"], ["transport work", "million t-km"]]);
    expect(html).not.toMatch(/>(servedT|co2Kg|costCny)</);
    for (const row of rows) for (const cell of row.slice(2)) expect(cell).toMatch(/^[−+]?[\d,]+(\.\d)?$|^–$/);
    // Unserved fell from 47 kt to 40 kt: better, so green although the change is negative.
    expect(html).toContain(`<tr data-total="unservedT"><td>freight not served</td><td>kt</td><td class="num">47.0</td><td class="num">40.0</td><td class="num better">−7.0</td></tr>`);
    // More CO2e is worse although the change is positive.
    expect(html).toMatch(/<tr data-total="co2Kg">.*<td class="num worse">\+/);
  });

  it("colours a target's change by the goal, respecting <=", () => {
    const t = (goal: number, a: number, b: number, comparator: TargetChange["comparator"]): TargetChange => ({ id: "x", title: "x", unit: "min", comparator, goal, leastCost: { a, b, change: b - a }, shipperLogit: { a: null, b: null, change: null }, simulatedP50: { a: null, b: null, change: null }, pMet: { a: null, b: null, change: null }, ceiling: { a: null, b: null, change: null }, ceilingA: null, ceilingB: null, statusA: "within-ceiling", statusB: "within-ceiling" });
    const cls = (x: TargetChange): string => {
      const one: ComparisonResult = { ...c, targets: [x] };
      return comparisonHtml(one).match(/<table class="table-target-changes">[\s\S]*?<td class="num ?([a-z]*)">/)![1]!;
    };
    // The comparator comes with each change (TargetChange.comparator).
    expect(cls(t(10, 14, 12, "<="))).toBe("better");
    expect(cls(t(10, 12, 14, "<="))).toBe("worse");
    expect(cls(t(10, 12, 14, ">="))).toBe("better");
    expect(cls(t(10, 14, 12, ">="))).toBe("worse");
    // The option still overrides it.
    expect(comparisonHtml({ ...c, targets: [t(10, 14, 12, ">=")] }, { comparators: [{ id: "x", comparator: "<=" }] })).toMatch(/<table class="table-target-changes">[\s\S]*?<td class="num better">/);
    // A reported figure (no threshold) is not judged.
    expect(comparisonHtml({ ...c, targets: [t(10, 14, 12, "report")] })).toMatch(/<table class="table-target-changes">[\s\S]*?<td class="num ">/);
  });

  it("keeps the lines table narrow: a → b per figure, short headers", () => {
    const html = comparisonHtml(c);
    expect(header(html, "table-lines")).toEqual(["line", "mode", "leg", "change", "departures a → b", "loaded t a → b", "Δ loaded t", "utilisation a → b"]);
    expect(tableRows(html, "table-lines")[2]).toEqual(["L01", "air", "CGO → LUX", "changed", "50 → 50", "40,000 → 44,000", "+4,000", "70.0% → 77.0%"]);
  });

  it("shows a non-numeric ceiling (a date, a text) instead of a dash", () => {
    const rows = tableRows(comparisonHtml(c), "table-target-changes");
    const i = c.targets.findIndex((t) => t.id === "sea-rail-open");
    expect(rows[i]![7]).toBe("2025-03-01");
  });

  it("heads the port table in words, not field names", () => {
    expect(header(comparisonHtml(c), "table-ports")).toEqual(["port group", "mode", "a t", "b t", "change"]);
  });

  it("shows statuses in words", () => {
    expect(comparisonHtml(c)).toContain(`${STATUS_TEXT["within-ceiling"]} → ${STATUS_TEXT.met}`);
  });
});

describe("one targets table", () => {
  it("is the targets.csv of the report", () => {
    const r = fixtureBaseline();
    const t = targetsTable(r);
    const rows = parse(baselineCsv(r).targets!) as string[][];
    expect(rows[0]).toEqual(t.header);
    expect(rows).toHaveLength(t.rows.length + 1);
  });
});
