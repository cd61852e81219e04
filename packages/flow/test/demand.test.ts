import { describe, expect, it } from "vitest";
import { expandTimetable, formatIssue, loadScenarioValue, ScenarioError, type ScenarioFile } from "@fourports/network";
import { prepareRouting } from "@fourports/routing";
import { assignDemand, dailyTonnes } from "@fourports/flow";

const P = { source: "t", label: "ASSUMPTION" } as const;

function file(demand: ScenarioFile["demand"]): ScenarioFile {
  return {
    id: "d", name: "d", epoch: "2025-01-01", horizonDays: 365, homeCity: "A", sources: { t: { title: "t" } },
    hubs: ["A", "B"].map((id, i) => ({ id, name: id, kind: "city" as const, portGroup: null, city: id, country: "CN", lon: i, lat: 0, transferMin: { default: 30 }, ...P })),
    services: [
      { id: "AIR", line: "AIR", mode: "air", from: "A", to: "B", distanceKm: 1000, durationMin: 120, capacityT: 1000, tariffCnyPerT: 5000, international: false, schedule: { type: "frequency", perDay: 2, firstTime: "10:00" }, ...P },
    ],
    transfers: [],
    demand,
  };
}

describe("release periods", () => {
  it("releases a flow's tonnes only within its period, all of them", () => {
    const sc = loadScenarioValue(file([{ id: "D", from: "A", to: "B", commodity: "general", tPerYear: 1000, valueOfTimeCnyPerTHour: 10, releaseFrom: "2025-07-01", ...P }]));
    const daily = dailyTonnes(sc, sc.demand[0]!);
    const july1 = 181; // 2025-07-01 is day 181 of the year
    expect(daily.slice(0, july1).every((x) => x === 0)).toBe(true);
    expect(daily.slice(july1).every((x) => x > 0)).toBe(true);
    expect(daily.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 9);
  });

  it("rejects a period that ends before it starts, naming the JSON path", () => {
    try {
      loadScenarioValue(file([{ id: "D", from: "A", to: "B", commodity: "general", tPerYear: 1, valueOfTimeCnyPerTHour: 1, releaseFrom: "2025-07-01", releaseTo: "2025-06-01", ...P }]), { file: "x.json" });
      expect.unreachable();
    } catch (err) {
      expect((err as ScenarioError).issues.map(formatIssue).join("\n")).toContain("x.json: $.demand[0].releaseTo: before releaseFrom (2025-07-01)");
    }
  });
});

describe("commodity limits", () => {
  it("bulk never flies: with only a flight between the two ends it has no route", () => {
    const sc = loadScenarioValue(file([
      { id: "BULK", from: "A", to: "B", commodity: "bulk", tPerYear: 365, valueOfTimeCnyPerTHour: 1, ...P },
      { id: "GEN", from: "A", to: "B", commodity: "general", tPerYear: 365, valueOfTimeCnyPerTHour: 1, ...P },
    ]));
    const a = assignDemand(sc, prepareRouting(sc, expandTimetable(sc)), { choice: "cost" });
    const bulk = a.demand.find((o) => o.demandId === "BULK")!;
    expect(bulk.servedT).toBe(0);
    expect(bulk.unservedT["no route"]).toBeCloseTo(365, 6);
    expect(a.demand.find((o) => o.demandId === "GEN")!.servedT).toBeCloseTo(365, 6);
  });

  it("rejects an explicit mode the commodity cannot use", () => {
    try {
      loadScenarioValue(file([{ id: "D", from: "A", to: "B", commodity: "bulk", tPerYear: 1, valueOfTimeCnyPerTHour: 1, modes: ["road", "air"], ...P }]), { file: "x.json" });
      expect.unreachable();
    } catch (err) {
      expect((err as ScenarioError).issues.map(formatIssue).join("\n")).toContain("x.json: $.demand[0].modes[1]: bulk cannot travel by air");
    }
  });

  it("cold chain arrives within its limit or is too late", () => {
    const raw = file([{ id: "COLD", from: "A", to: "B", commodity: "cold-chain", tPerYear: 365, valueOfTimeCnyPerTHour: 1, ...P }]);
    raw.services = [{ ...raw.services![0]!, id: "SLOW", mode: "rail", durationMin: 25 * 1440, distanceKm: 10000 }];
    const sc = loadScenarioValue(raw);
    const a = assignDemand(sc, prepareRouting(sc, expandTimetable(sc)), { choice: "cost" });
    expect(a.servedT).toBe(0);
    expect(a.unservedT["too late"]).toBeCloseTo(365, 6);
  });
});
