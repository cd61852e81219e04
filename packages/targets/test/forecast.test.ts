import fc from "fast-check";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "@fourports/network";
import { backtest, forecastFlows, forecastSeries, loadForecastSpec, loadObserved, seasonalShare, type ForecastSeries, type ObservedSet } from "@fourports/targets";

const seed = (f: string): string => fileURLToPath(new URL(`../../../seeds/${f}`, import.meta.url));
const FLAT = new Array<number>(12).fill(1);
const series = (over: Partial<ForecastSeries> = {}): ForecastSeries => ({ id: "s", metric: "air-cargo-t", unit: "t", seasonality: FLAT, priorGrowth: 0.2, priorSigma: 0.15, source: "x", label: "ASSUMPTION", ...over });
const set = (figures: ObservedSet["figures"]): ObservedSet => ({ id: "h", name: "h", sources: { x: { title: "x" } }, figures });
const fig = (id: string, from: string, to: string, value: number) => ({ id, metric: "air-cargo-t", value, unit: "t", from, to, source: "x", label: "OFF" as const });

describe("seasonalShare", () => {
  it("weights days by their month", () => {
    expect(seasonalShare(FLAT, "2024-01-01", "2024-08-31")).toBeCloseTo(244 / 366, 12);
    expect(seasonalShare(FLAT, "2025-01-01", "2025-12-31")).toBe(1);
    // Only January weighs: January's share is 1.
    const jan = [1, ...new Array<number>(11).fill(1e-12)];
    expect(seasonalShare(jan, "2025-01-01", "2025-01-31")).toBeCloseTo(1, 9);
  });
});

describe("forecastSeries", () => {
  it("recovers a year from its partial figure when that is all it knows (run rate over the seasonal share)", () => {
    const w = [0.9, 0.8, 1.0, 0.95, 0.95, 0.95, 0.95, 1.0, 1.0, 1.05, 1.2, 1.25];
    const year = 800_000;
    const partial = year * seasonalShare(w, "2024-01-01", "2024-08-31");
    const f = forecastSeries(series({ seasonality: w }), set([fig("p", "2024-01-01", "2024-08-31", partial)]), 2024, "2024-08-31");
    expect(f.p50).toBeCloseTo(year, 3);
    expect(f.p5).toBeLessThan(f.p50);
    expect(f.p95).toBeGreaterThan(f.p50);
    // The band is the lognormal's: p5 × p95 = p50².
    expect(f.p5 * f.p95).toBeCloseTo(f.p50 ** 2, -3);
  });

  it("never uses a figure that ends after the cutoff", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (a, b) => {
        const known = [fig("y23", "2023-01-01", "2023-12-31", 600_000), fig("p24", "2024-01-01", "2024-08-31", 500_000)];
        const fA = forecastSeries(series(), set([...known, fig("y24", "2024-01-01", "2024-12-31", a)]), 2024, "2024-08-31");
        const fB = forecastSeries(series(), set([...known, fig("y24", "2024-01-01", "2024-12-31", b), fig("p24b", "2024-01-01", "2024-09-30", b)]), 2024, "2024-08-31");
        expect(fB).toEqual(fA);
      }),
      { numRuns: 50 },
    );
  });

  it("blends the observed growth with the prior half and half in logs", () => {
    const h = set([fig("y22", "2022-01-01", "2022-12-31", 100), fig("y23", "2023-01-01", "2023-12-31", 144)]);
    const f = forecastSeries(series({ priorGrowth: 0 }), h, 2024, "2023-12-31");
    // Observed +44%, prior 0%: growth √1.44 − 1 = 20%.
    expect(f.p50).toBeCloseTo(144 * 1.2, 6);
  });

  it("says what is missing instead of guessing", () => {
    expect(() => forecastSeries(series(), set([]), 2024, "2024-08-31")).toThrow(/no figure of air-cargo-t up to 2024-08-31/);
  });
});

describe("backtest on the seeds", () => {
  const history = loadObserved(seed("observed-history.json"));
  const spec = loadForecastSpec(seed("forecast.json"));

  it("forecasts the full year 2024 from Jan–Aug only and reports the error against the observed figure", () => {
    const b = backtest(spec, history, "2024-08-31");
    const row = b.rows.find((r) => r.figureId === "cgo-2024")!;
    expect(row.observed).toBe(825_000);
    const own = forecastSeries(spec.series.find((s) => s.id === "air")!, history, 2024, "2024-08-31");
    expect(row.forecast).toBeCloseTo(own.p50, 6);
    expect(row.errorPct).toBeCloseTo(((own.p50 - 825_000) / 825_000) * 100, 9);
    // Held out: changing the full-year figure changes the error, not the forecast.
    const moved = { ...history, figures: history.figures.map((f) => (f.id === "cgo-2024" ? { ...f, value: 1 } : f)) };
    expect(backtest(spec, moved, "2024-08-31").rows.find((r) => r.figureId === "cgo-2024")!.forecast).toBe(row.forecast);
  });

  it("gives the 2025 scenario the demand factors the forecast gives (no hand-set growth)", () => {
    const sc24 = JSON.parse(readFileSync(seed("zhengzhou-2024.json"), "utf8")) as { demand: { id: string; tPerYear: number; teuPerYear?: number }[] };
    const raw25 = JSON.parse(readFileSync(seed("zhengzhou-2025.json"), "utf8")) as { overrides: { op: string; select?: { ids?: string[] }; factor?: number; label: string }[] };
    const scale = raw25.overrides.filter((o) => o.op === "scale-demand");
    const flows = forecastFlows(spec, history, sc24, 2025, "2025-01-31");
    const series = spec.series.filter((s) => s.flows);
    expect(series.map((s) => s.id)).toEqual(["air", "cre-t", "rail-sea", "hsr", "zhoukou"]);
    for (const s of series) {
      const mine = flows.filter((f) => f.seriesId === s.id);
      const o = scale.find((x) => x.select?.ids?.[0] === mine[0]!.demandId)!;
      // The file's factor is the forecast's, and it scales exactly the series' flows.
      expect(o.factor!).toBeCloseTo(mine[0]!.factor, 3);
      expect(o.label).toBe("EST");
      expect(new Set(o.select!.ids)).toEqual(new Set(mine.map((f) => f.demandId)));
      // The flows' P50s add up to the series' P50 (in its unit), each with the series' band.
      const f = forecastSeries(s, history, 2025, "2025-01-31");
      const size = (id: string): number => { const d = sc24.demand.find((x) => x.id === id)!; return s.unit === "TEU" ? d.teuPerYear! : d.tPerYear; };
      expect(mine.reduce((a, x) => a + size(x.demandId) * x.factor, 0)).toBeCloseTo(f.p50, 0);
      for (const x of mine) expect(x.sigmaLog).toBe(f.sigmaLog);
    }
    expect(loadScenarioFile(seed("zhengzhou-2025.json")).demand.length).toBeGreaterThan(sc24.demand.length);
  });
});
