import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import {
  baselineCsv,
  baselineHtml,
  baselineMarkdown,
  baselineSvgDashboard,
  comparisonCsv,
  comparisonHtml,
  comparisonMarkdown,
  escapeHtml,
  flowMapSvg,
  fmtNumber,
  toJson,
} from "@fourports/report";
import { fixtureBaseline, fixtureComparison, realBaseline } from "./fixture.js";

const HOSTILE = `<script>alert("x")</script>`;

describe("CSV", () => {
  const r = fixtureBaseline();
  const csv = baselineCsv(r);

  it("gives one table per section", () => {
    expect(Object.keys(csv)).toEqual(["targets", "ports", "monthly", "lines", "legs", "hubs"]);
  });

  it("writes the targets' figures as they are, empty where a figure is null", () => {
    const rows = parse(csv.targets!, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(r.targets.length);
    const air = rows.find((x) => x.id === "air-cargo-t")!;
    expect(air).toMatchObject({ goal: "1000000", leastCost: "930000", simulatedP5: "880000", simulatedP95: "948000", ceiling: "1240000", status: "within-ceiling", basis: "OFF;EST" });
    const date = rows.find((x) => x.id === "sea-rail-open")!;
    expect(date).toMatchObject({ goal: "2025-06-30", leastCost: "", simulatedP50: "", ceiling: "2025-03-01", missing: "ZZ-QDG-SEA-RAIL" });
    // CJK text survives.
    expect(rows.find((x) => x.id === "cre-trains")!.title).toBe("中欧班列 trains a year");
  });

  it("keeps both assignment views apart in the flow tables", () => {
    const legs = parse(csv.legs!, { columns: true }) as Record<string, string>[];
    expect(legs).toHaveLength(r.views.leastCost.legs.length + r.views.shipperLogit.legs.length);
    expect(legs.filter((l) => l.view === "leastCost").map((l) => Number(l.tonnes))).toEqual(r.views.leastCost.legs.map((l) => l.tonnes));
    const monthly = parse(csv.monthly!, { columns: true }) as Record<string, string>[];
    expect(monthly.filter((m) => m.view === "shipperLogit")).toHaveLength(48);
    const hubs = parse(csv.hubs!, { columns: true }) as Record<string, string>[];
    expect(hubs[0]).toMatchObject({ id: "CGO", nameZh: "郑州新郑国际机场", home: "true", throughputLeastCostT: "200000" });
  });

  it("quotes fields with commas, quotes and line breaks", () => {
    const x = fixtureBaseline({ hubName: 'Lux, "Findel"\nairport' });
    const hubs = parse(baselineCsv(x).hubs!, { columns: true }) as Record<string, string>[];
    expect(hubs.find((h) => h.id === "LUX")!.name).toBe('Lux, "Findel"\nairport');
  });

  it("writes a comparison's a, b and change", () => {
    const c = fixtureComparison();
    const lines = parse(comparisonCsv(c).lines!, { columns: true }) as Record<string, string>[];
    expect(lines.map((l) => [l.line, l.change, l.loadedTChange])).toEqual([["L03", "removed", ""], ["L15", "added", ""], ["L01", "changed", "4000"]]);
  });
});

describe("Markdown", () => {
  it("tabulates the targets, ports, months and provenance", () => {
    const md = baselineMarkdown(fixtureBaseline());
    expect(md).toContain("# Baseline: Zhengzhou four ports 2025");
    expect(md).toContain("| air-cargo-t | Air cargo throughput | portThroughputT:air | t | >= | 1,000,000 | 930,000 | 905,000 | 880,000 | 915,000 | 948,000 | 0.05 |");
    expect(md).toMatch(/\| month \| air \| rail \| road \| water \|\n\| --- \| ---: \| ---: \| ---: \| ---: \|\n\| 2025-01 \|/);
    expect(md).toContain("- Cannot reach as modelled: cre-trains");
    expect(md).toContain("| ASSUMPTION | cre-trains, sea-rail-open |");
  });

  it("escapes pipes and line breaks inside cells", () => {
    const md = baselineMarkdown(fixtureBaseline({ hubName: "A | B\nC" }));
    expect(md).toContain("| LUX | A \\| B C |");
  });

  it("writes HTML in names as text, so a Markdown renderer does not run it", () => {
    const md = baselineMarkdown(fixtureBaseline({ hubName: HOSTILE }));
    expect(md).not.toContain("<script");
    expect(md).toContain(`| LUX | &lt;script>alert("x")&lt;/script> |`);
  });

  it("shows a comparison's changes", () => {
    const md = comparisonMarkdown(fixtureComparison());
    expect(md).toContain("# Comparison: Zhengzhou four ports 2025 → Zhengzhou 2025, more air slots");
    expect(md).toContain("| L01 | air | CGO | LUX | changed | 50 | 50 | 0 | 40,000 | 44,000 | 4,000 |");
  });
});

describe("HTML and SVG", () => {
  it("escapes a hub named <script> everywhere it is shown", () => {
    const html = baselineHtml(fixtureBaseline({ hubName: HOSTILE }));
    expect(html).not.toContain("<script");
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(escapeHtml(HOSTILE)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    const cmp = fixtureComparison();
    cmp.hubs[0]!.name = HOSTILE;
    cmp.a.name = `"><img src=x onerror=alert(1)>`;
    const c = comparisonHtml(cmp);
    expect(c).not.toContain("<script");
    expect(c).not.toContain("<img");
  });

  it("escapes ids in attributes", () => {
    const r = fixtureBaseline();
    r.targets[0]!.id = `x" onmouseover="alert(1)`;
    const svg = baselineSvgDashboard(r);
    expect(svg).not.toContain(`onmouseover="alert`);
    expect(svg).toContain(`data-target="x&quot; onmouseover=&quot;alert(1)"`);
  });

  it("fetches nothing: no script, no external URL, a CSP that forbids fetching", () => {
    const html = baselineHtml(fixtureBaseline());
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|src="http|href="http|@import|url\(/);
  });

  it("gives identical output for identical input", () => {
    expect(baselineHtml(fixtureBaseline())).toBe(baselineHtml(fixtureBaseline()));
    expect(comparisonHtml(fixtureComparison())).toBe(comparisonHtml(fixtureComparison()));
    expect(baselineMarkdown(fixtureBaseline())).toBe(baselineMarkdown(fixtureBaseline()));
    expect(baselineCsv(fixtureBaseline())).toEqual(baselineCsv(fixtureBaseline()));
  });

  it("draws a bar per numeric figure in the dashboard SVG, which stands alone as image/svg+xml", () => {
    const r = fixtureBaseline();
    const svg = baselineSvgDashboard(r);
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg"`)).toBe(true);
    expect(svg.match(/<rect class="target-bar" data-target="air-cargo-t"/g)).toHaveLength(4);
    expect(svg.match(/<rect class="target-band" data-target="air-cargo-t"/g)).toHaveLength(2);
    expect(svg).not.toContain(`data-target="sea-rail-open" data-measure`);
  });

  it("refuses a leg whose hub the result lacks, naming where", () => {
    const r = fixtureBaseline();
    r.views.leastCost.legs.push({ from: "CGO", to: "NOWHERE", mode: "air", tonnes: 5 });
    expect(() => flowMapSvg(r.hubs, r.views.leastCost)).toThrow(`views.leastCost.legs[9].to: hub "NOWHERE" is not in the result's hubs`);
  });

  it("refuses bad options, naming the option", () => {
    expect(() => baselineHtml(fixtureBaseline(), { maxLines: 0 })).toThrow("baselineHtml options.maxLines: expected a whole number ≥ 1, got 0");
    expect(() => baselineHtml(fixtureBaseline(), { view: "best" as "leastCost" })).toThrow(`options.view: expected "leastCost" or "shipperLogit", got "best"`);
  });

  it("limits the utilisation chart and says how many lines it left out", () => {
    const html = baselineHtml(fixtureBaseline(), { maxLines: 5 });
    expect(html.match(/<rect class="line-bar"/g)).toHaveLength(5);
    expect(html).toContain("9 more lines with lower utilisation are in the lines table and CSV");
  });
});

describe("JSON", () => {
  it("is pretty, with sorted keys, and reads back to the same result", () => {
    const r = fixtureBaseline();
    const json = toJson(r);
    expect(JSON.parse(json)).toEqual(r);
    expect(json.startsWith(`{\n  "baseYear": {`)).toBe(true);
    expect(toJson({ b: 1, a: { d: 2, c: 3 } })).toBe(`{\n  "a": {\n    "c": 3,\n    "d": 2\n  },\n  "b": 1\n}\n`);
  });

  it("refuses non-finite numbers instead of writing null", () => {
    expect(() => toJson({ x: [1, Number.NaN] })).toThrow("toJson: 1 is NaN");
  });
});

describe("number format", () => {
  it("groups thousands and keeps the sign", () => {
    expect(fmtNumber(1234567.891, 1)).toBe("1,234,567.9");
    expect(fmtNumber(-1234)).toBe("-1,234");
    expect(fmtNumber(-0.004, 2)).toBe("0.00");
  });
});

describe("a real baseline (zhengzhou-2025)", () => {
  const r = realBaseline();

  it("has a CSV row for every target, line, leg and hub of both views", () => {
    const csv = baselineCsv(r);
    const rows = (name: string): Record<string, string>[] => parse(csv[name]!, { columns: true }) as Record<string, string>[];
    expect(rows("targets").map((t) => t.id)).toEqual(r.targets.map((t) => t.id));
    expect(rows("lines")).toHaveLength(r.views.leastCost.lines.length + r.views.shipperLogit.lines.length);
    expect(rows("legs")).toHaveLength(r.views.leastCost.legs.length + r.views.shipperLogit.legs.length);
    expect(rows("hubs").map((h) => h.id)).toEqual(r.hubs.map((h) => h.id));
    const air = rows("targets").find((t) => t.id === "air-cargo-province")!;
    expect(Number(air.leastCost)).toBe(r.targets.find((t) => t.id === "air-cargo-province")!.leastCost);
  });

  it("renders every target in Markdown and the same HTML twice", () => {
    const md = baselineMarkdown(r);
    for (const t of r.targets) expect(md).toContain(`| ${t.id} |`);
    expect(baselineHtml(r)).toBe(baselineHtml(realBaseline()));
  });
});
