import { describe, expect, it } from "vitest";
import { expandTimetable, loadScenarioValue, type ScenarioFile } from "@fourports/network";
import { fitChoice, PRIOR_CHOICE, type ObservedSet } from "@fourports/targets";

const P = { source: "t", label: "ASSUMPTION" } as const;

/** Zhengzhou-like toy: express from the city to B either flies from CGO (dear, fast) or goes by truck (cheap, slow). */
function toy(): ScenarioFile {
  const hub = (id: string, kind: "city" | "airport" | "road-hub", city: string, portGroup: "air" | "road" | null, lon: number) => ({ id, name: id, kind, portGroup, city, country: "CN", lon, lat: 0, transferMin: { default: 60 }, ...P });
  return {
    id: "toy", name: "toy", epoch: "2024-01-01", horizonDays: 366, homeCity: "Z", sources: { t: { title: "t" } },
    hubs: [hub("ZC", "city", "Z", null, 0), hub("ZA", "airport", "Z", "air", 0.1), hub("ZR", "road-hub", "Z", "road", 0.2), hub("B", "city", "B", null, 5)],
    services: [
      { id: "AIR", line: "AIR", mode: "air", from: "ZA", to: "B", distanceKm: 1000, durationMin: 120, capacityT: 100, tariffCnyPerT: 8000, international: false, schedule: { type: "frequency", perDay: 4, firstTime: "10:00" }, ...P },
      { id: "ROAD", line: "ROAD", mode: "road", from: "ZR", to: "B", distanceKm: 1000, durationMin: 900, capacityT: 100, tariffCnyPerT: 300, international: false, schedule: { type: "frequency", perDay: 4, firstTime: "10:00" }, ...P },
    ],
    transfers: [
      { from: "ZC", to: "ZA", durationMin: 30, distanceKm: 20, bidirectional: true, ...P },
      { from: "ZC", to: "ZR", durationMin: 30, distanceKm: 20, bidirectional: true, ...P },
    ],
    demand: [{ id: "X", from: "ZC", to: "B", commodity: "express", tPerYear: 36_600, valueOfTimeCnyPerTHour: 200, ...P }],
  };
}

const history = (janAug: number, year: number): ObservedSet => ({
  id: "h", name: "h", sources: { t: { title: "t" } },
  figures: [
    { id: "air-jan-aug", metric: "air-cargo-t", hubs: ["ZA"], value: janAug, unit: "t", from: "2024-01-01", to: "2024-08-31", source: "t", label: "OFF" },
    { id: "air-year", metric: "air-cargo-t", hubs: ["ZA"], value: year, unit: "t", from: "2024-01-01", to: "2024-12-31", source: "t", label: "OFF" },
  ],
});

describe("fitChoice", () => {
  const sc = loadScenarioValue(toy());
  const year = { scenario: sc, timetable: expandTimetable(sc) };

  it("moves the air share toward the observed one, and predicts the held-out year from the same parameters", () => {
    // At the prior (express 200 CNY/t·h) the truck wins nearly everything; the observation says half flies.
    const observedJanAug = 0.5 * 36_600 * (244 / 366);
    const fit = fitChoice(year, history(observedJanAug, 0.5 * 36_600), { cutoff: "2024-08-31" });
    const row = fit.rows.find((r) => r.figureId === "air-jan-aug")!;
    expect(row.role).toBe("fit");
    expect(row.priorPrediction).toBeLessThan(0.2 * observedJanAug);
    expect(Math.abs(row.errorPct)).toBeLessThan(5);
    expect(row.contestedShare).toBe(1);
    // Half of the tonnes flying needs more value of time or a road penalty than the prior has.
    const moved = fit.fitted.valueOfTimeCnyPerTHour.express! > PRIOR_CHOICE.valueOfTimeCnyPerTHour.express! || (fit.fitted.modeConstantCnyPerT.road ?? 0) > 100;
    expect(moved).toBe(true);
    // The full year is held out: predicted, not fitted, and with flat demand it is Jan–Aug × 366/244.
    const held = fit.rows.find((r) => r.figureId === "air-year")!;
    expect(held.role).toBe("hold-out");
    expect(held.prediction).toBeCloseTo((row.prediction * 366) / 244, 0);
    expect(fit.holdOutRmsPct).not.toBeNull();
  });

  it("never looks at a figure that ends after the cutoff", () => {
    const a = fitChoice(year, history(6000, 1), { cutoff: "2024-08-31" });
    const b = fitChoice(year, history(6000, 1e9), { cutoff: "2024-08-31" });
    expect(b.fitted).toEqual(a.fitted);
    expect(b.rows.find((r) => r.figureId === "air-year")!.prediction).toBe(a.rows.find((r) => r.figureId === "air-year")!.prediction);
  });
});
