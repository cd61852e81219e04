import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandTimetable, loadScenarioValue, type Hub, type ScenarioFile, type Service } from "@fourports/network";
import { ConnectionScan, NO_TRANSFER_MIN, prepareRouting, UNREACHED } from "@fourports/routing";

const P = { source: "t", label: "ASSUMPTION" } as const;

function hub(id: string, kind: Hub["kind"], transferMin: Record<string, number> = { default: 60 }): Hub {
  const border = kind === "border-crossing" ? { gaugeChangeMin: 0, handling: { trainsPerDay: 10 } } : {};
  return { id, name: id, kind, portGroup: null, city: id, country: "CN", lon: 0, lat: 0, transferMin, ...border, ...P };
}

/** Two China-Europe trains through one border crossing B: A→B→X and C→B→Y, both on day 1. */
function twoLines(border: Record<string, number>, dwellMin = 480): ScenarioFile {
  const train = (id: string, from: string, to: string, dep: string): Service => ({
    id, line: id, mode: "rail", from, to, distanceKm: 8000, durationMin: 10000, capacityT: 1000, tariffCnyPerT: 2500,
    international: true, schedule: { type: "departures", at: [dep] }, ...P,
    via: [{ hub: "B", arriveMin: 3000, departMin: 3000 + dwellMin }],
  });
  return {
    id: "b", name: "b", epoch: "2025-01-01", horizonDays: 30, homeCity: "A", sources: { t: { title: "t" } },
    hubs: [hub("A", "rail-terminal"), hub("C", "rail-terminal"), hub("B", "border-crossing", border), hub("X", "rail-terminal"), hub("Y", "rail-terminal")],
    // C's train reaches B a day after A's, so a switch at B would be possible in time.
    services: [train("AX", "A", "X", "2025-01-01T08:00"), train("CY", "C", "Y", "2025-01-02T08:00")],
    transfers: [],
    demand: [],
  };
}

describe("border crossings", () => {
  it("let cargo stay on its train but not switch to another line's train, whatever the hub's default", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (def) => {
        const sc = loadScenarioValue(twoLines({ default: def }));
        const net = prepareRouting(sc, expandTimetable(sc));
        const scan = new ConnectionScan(net);
        scan.run(0, 0);
        const i = (id: string): number => sc.hubs.findIndex((h) => h.id === id);
        expect(scan.arrival[i("X")]).not.toBe(UNREACHED);
        expect(scan.arrival[i("Y")]).toBe(UNREACHED);
      }),
      { numRuns: 20 },
    );
  });

  it("allow the switch where the hub lists the pair explicitly (a modelled transshipment)", () => {
    const sc = loadScenarioValue(twoLines({ default: 480, "rail>rail": 600 }));
    const net = prepareRouting(sc, expandTimetable(sc));
    const scan = new ConnectionScan(net);
    scan.run(0, 0);
    expect(scan.arrival[sc.hubs.findIndex((h) => h.id === "Y")]).not.toBe(UNREACHED);
    const b = sc.hubs.findIndex((h) => h.id === "B");
    // rail>road is not listed, so it stays forbidden.
    expect(net.transferMin[(b * 7 + 1) * 6 + 3]).toBe(NO_TRANSFER_MIN);
  });

  it("charge the dwell at a via stop: the legs' tariffs add up to the whole tariff", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (dwell) => {
        const sc = loadScenarioValue(twoLines({ default: 480 }, dwell));
        const net = prepareRouting(sc, expandTimetable(sc));
        const t = net.timetable;
        let sum = 0;
        for (let c = 0; c < t.length; c++) if (t.service[c] === 0) sum += net.connCostCny[c]!;
        expect(sum).toBeCloseTo(2500, 6);
        // The leg after the border carries the dwell: (10000 − 3000) of 10000 minutes.
        const after = [...Array(t.length).keys()].find((c) => t.service[c] === 0 && t.depHub[c] === 2)!;
        expect(net.connCostCny[after]).toBeCloseTo(2500 * 0.7, 6);
      }),
      { numRuns: 20 },
    );
  });
});
