import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOverrides, expandTimetable, loadScenarioFile, type Scenario } from "@fourports/network";
import { prepareRouting } from "@fourports/routing";
import { capacityCeilings, greatCircleKm, loadTargetRegistry, parseTargetRegistry, quickFreightCircle, ROAD_FACTOR, type ReachSpec, type Target } from "@fourports/targets";

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const mini = (): Scenario => loadScenarioFile(here("../../network/test/fixtures/mini.json"));
const year = (scenario: Scenario) => ({ scenario, timetable: expandTimetable(scenario) });
const T = (t: Partial<Target>): Target => ({ id: "t", title: "t", metric: "air-cargo-t", comparator: ">=", value: 1000, unit: "t", year: 2025, source: "s", reference: "r", label: "TARGET", ...t });

describe("capacityCeilings", () => {
  it("counts air capacity loaded plus unloaded at the airport over the horizon", () => {
    // 28 days from Wednesday 2025-01-01: 8 departures (Mon, Thu) and 8 arrivals (every 3.5 days), 100 t each.
    const [r] = capacityCeilings([T({ hubs: ["CGO"], value: 1500 })], year(mini()));
    expect(r).toMatchObject({ ceiling: 1600, status: "within-ceiling", limitedBy: "timetable" });
  });

  it("caps the ceiling by the hub's daily handling when that is lower", () => {
    const sc = applyOverrides(mini(), [{ op: "update-hub", hub: "CGO", set: { handling: { tPerDay: 50 } }, source: "test", label: "ASSUMPTION" }]);
    const [r] = capacityCeilings([T({ hubs: ["CGO"], value: 1500 })], year(sc));
    expect(r).toMatchObject({ ceiling: 1400, status: "beyond-ceiling", limitedBy: "hub handling at CGO" });
  });

  it("counts China-Europe trains and lines at the home land ports", () => {
    const [trains, lines] = capacityCeilings(
      [T({ metric: "cre-trains", value: 5, unit: "trains" }), T({ metric: "cre-lines", comparator: ">", value: 0, unit: "lines" })],
      year(mini()),
    );
    expect(trains).toMatchObject({ ceiling: 4, status: "beyond-ceiling" });
    expect(lines).toMatchObject({ ceiling: 1, status: "met" });
  });

  it("says 'assumed', not 'met', when only an ASSUMPTION meets an access-time target", () => {
    const access = (label: "ASSUMPTION" | "EST", min: number): Scenario => {
      const sc = mini();
      return { ...sc, hubs: sc.hubs.map((h) => (h.id === "CGO" ? { ...h, expresswayAccessMin: min, figures: { expresswayAccessMin: { source: "s", label } } } : h)) };
    };
    const t = T({ metric: "expressway-access-min", comparator: "<=", value: 10, unit: "min", hubs: ["CGO"] });
    expect(capacityCeilings([t], year(access("ASSUMPTION", 10)))[0]).toMatchObject({ ceiling: 10, status: "assumed", basis: ["ASSUMPTION"] });
    expect(capacityCeilings([t], year(access("EST", 10)))[0]).toMatchObject({ ceiling: 10, status: "met", basis: ["EST"] });
    // An assumption that misses the goal is still a miss: "assumed" is only ever a soft "met".
    expect(capacityCeilings([t], year(access("ASSUMPTION", 25)))[0]).toMatchObject({ ceiling: 25, status: "not-met" });
  });

  it("caps China-Europe trains by what the border crossing leaves after other origins' trains", () => {
    const t = T({ metric: "cre-trains", value: 5, unit: "trains" });
    // 4 trips through ALA in 28 days; the crossing has 2 trains a day, 1.9 of them from elsewhere.
    const busy = applyOverrides(mini(), [{ op: "update-hub", hub: "ALA", set: { handling: { trainsPerDay: 2 }, backgroundTrainsPerDay: 1.9 }, source: "test", label: "ASSUMPTION" }]);
    const [r] = capacityCeilings([t], year(busy));
    expect(r).toMatchObject({ limitedBy: "border crossing ALA", status: "beyond-ceiling", basis: expect.arrayContaining(["ASSUMPTION"]) });
    expect(r!.ceiling as number).toBeCloseTo(0.1 * 28, 9);
    const quiet = applyOverrides(mini(), [{ op: "update-hub", hub: "ALA", set: { handling: { trainsPerDay: 2 }, backgroundTrainsPerDay: 0 }, source: "test", label: "ASSUMPTION" }]);
    expect(capacityCeilings([t], year(quiet))[0]).toMatchObject({ ceiling: 4, limitedBy: "timetable" });
  });

  it("needs the previous year for growth targets and says so", () => {
    const [r] = capacityCeilings([T({ metric: "road-intl-growth", value: 0.5, unit: "share" })], year(mini()));
    expect(r!.status).toBe("not-computed");
  });
});

describe("the 2025 targets on the seed scenarios", () => {
  const registry = loadTargetRegistry(here("../../../seeds/targets-2025.json"));
  const y24 = year(loadScenarioFile(here("../../../seeds/zhengzhou-2024.json")));
  const y25 = year(loadScenarioFile(here("../../../seeds/zhengzhou-2025.json")));
  const byId = (rs: ReturnType<typeof capacityCeilings>) => Object.fromEntries(rs.map((r) => [r.targetId, r]));

  it("holds every target of FACTS.md", () => {
    expect(registry.targets.map((t) => t.id)).toEqual(expect.arrayContaining([
      "air-cargo-province", "air-cargo-city", "cr-express-trains", "cr-express-lines", "hsr-freight-lines", "hsr-freight-tonnes",
      "air-hub-coverage", "new-air-routes", "road-intl-routes", "land-port-highway", "land-port-open", "quick-freight-circle", "rural-delivery",
    ]));
  });

  it("sees the land port open, the new air routes and three HSR lines in 2025 but not in 2024", () => {
    const r25 = byId(capacityCeilings(registry.targets, y25, y24));
    const r24 = byId(capacityCeilings(registry.targets, y24));
    expect(r25["land-port-open"]).toMatchObject({ status: "met", ceiling: "2025-05-31" });
    expect(r24["land-port-open"]!.status).toBe("not-met");
    expect(r25["new-air-routes"]!.status).toBe("met");
    expect(r24["new-air-routes"]!.missing).toEqual(["MAD", "BLL", "AUH"]);
    expect(r25["hsr-freight-lines"]).toMatchObject({ ceiling: 3, status: "met" });
    expect(r24["hsr-freight-lines"]).toMatchObject({ ceiling: 1, status: "not-met" });
    expect(r25["road-intl-routes"]).toMatchObject({ ceiling: 2, status: "met" });
  });

  it("gives the 2024 air ceiling above the 825,000 t observed that year", () => {
    const r24 = byId(capacityCeilings(registry.targets, y24));
    expect(r24["air-cargo-city"]!.ceiling as number).toBeGreaterThan(825_000);
  });
});

describe("parseTargetRegistry", () => {
  it("names the JSON path of a target whose value does not fit its comparator", () => {
    const bad = { id: "x", name: "x", sources: { s: { title: "s" } }, targets: [T({ value: null, source: "s" }), T({ id: "u", source: "nope" })] };
    expect(() => parseTargetRegistry(bad, "targets.json")).toThrowError(
      /targets\.json: \$\.targets\[0\]\.value: comparator ">=" needs a number[\s\S]*targets\.json: \$\.targets\[1\]\.source: unknown source "nope"/,
    );
  });
});

describe("parseTargetRegistry on reach destinations", () => {
  it("names a duplicate destination and an unknown source by JSON path", () => {
    const d = { id: "X", name: "X", country: "DE", group: "worldwide", lon: 0, lat: 0, weight: 1, source: "s", label: "EST" };
    const reach = { origin: "O", days: { domestic: 1, neighbouring: 2, worldwide: 3 }, neighbouringCountries: [], source: "s", label: "ASSUMPTION", destinations: [d, { ...d, source: "nope" }] };
    const bad = { id: "x", name: "x", sources: { s: { title: "s" } }, targets: [T({ metric: "reach-share", comparator: "report", value: null, source: "s", reach })] };
    expect(() => parseTargetRegistry(bad, "targets.json")).toThrowError(
      /\$\.targets\[0\]\.reach\.destinations\[1\]\.id: duplicate destination id "X"[\s\S]*\$\.targets\[0\]\.reach\.destinations\[1\]\.source: unknown source "nope"/,
    );
  });
});

describe("quickFreightCircle", () => {
  const registry = loadTargetRegistry(here("../../../seeds/targets-2025.json"));
  const spec = registry.targets.find((t) => t.id === "quick-freight-circle")!.reach!;
  const y24 = year(loadScenarioFile(here("../../../seeds/zhengzhou-2024.json")));

  it("measures every listed destination, door to door, and counts the ones it cannot reach as misses", () => {
    const r = quickFreightCircle(y24.scenario, prepareRouting(y24.scenario, y24.timetable), spec, { stepMin: 180 });
    expect(r.groups.reduce((a, g) => a + g.destinationCount, 0)).toBe(spec.destinations!.length);
    expect(r.samples).toBe(56);
    const all = r.groups.flatMap((g) => g.misses);
    // No route serves Miami (ACI's no. 7) and no hub is within trucking range: a miss, not left out.
    expect(all.find((m) => m.destination === "MIAMI")).toMatchObject({ reason: "no hub nearby", share: 0, fastestHours: null, via: null });
    for (const g of r.groups) {
      expect(g.share).toBeGreaterThanOrEqual(0);
      expect(g.share).toBeLessThanOrEqual(1);
      for (const m of g.misses) {
        if (m.reason === "too slow") expect(m.fastestHours!).toBeGreaterThan(g.limitDays * 24);
        if (m.reason === "too few departures") expect(m.share).toBeGreaterThan(0);
      }
    }
  });

  describe("on a small network (CGO–Luxembourg Mon and Thu 23:00, 660 min)", () => {
    const sc = mini();
    const net = prepareRouting(sc, expandTimetable(sc));
    const base: ReachSpec = {
      origin: "CGO", days: { domestic: 1, neighbouring: 2, worldwide: 3 }, neighbouringCountries: [], source: "s", label: "ASSUMPTION",
      truckMaxKm: 800, truckKmPerHour: 60, customsMin: 240,
      destinations: [
        { id: "FRANKFURT", name: "Frankfurt", country: "DE", group: "worldwide", lon: 8.68, lat: 50.11, weight: 2, source: "s", label: "EST" },
        { id: "MIAMI", name: "Miami", country: "US", group: "worldwide", lon: -80.19, lat: 25.76, weight: 1, source: "s", label: "EST" },
      ],
    };
    const opts = { weekStart: "2025-01-06" };
    const truckMin = Math.round(((ROAD_FACTOR * greatCircleKm(6.21, 49.63, 8.68, 50.11)) / 60) * 60);

    it("adds customs and the onward truck from Luxembourg to Frankfurt, and weights the group share", () => {
      const [, , ww] = quickFreightCircle(sc, net, base, opts).groups;
      const fra = ww!.misses.find((m) => m.destination === "FRANKFURT")!;
      // Boarding the Monday 23:00 flight at once: 660 min flying, 240 customs, the truck.
      expect(fra.fastestHours! * 60).toBeCloseTo(660 + 240 + truckMin, 6);
      expect(fra.via).toBe("LUX");
      // Hourly departures whose next flight leaves within 72 h − the door-to-door time.
      const ok = Array.from({ length: 168 }, (_, k) => k).filter((k) => {
        const next = [23, 95, 191].find((f) => f >= k)!;
        return (next - k) * 60 + 660 + 240 + truckMin <= 3 * 1440;
      }).length;
      expect(fra.share).toBeCloseTo(ok / 168, 9);
      expect(ww!.share).toBeCloseTo((2 * (ok / 168) + 1 * 0) / 3, 9);
    });

    it("delays every international arrival by exactly the customs time", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 3000 }), (customsMin) => {
          const fra = (c: number) => quickFreightCircle(sc, net, { ...base, customsMin: c }, { ...opts, stepMin: 720 }).groups[2]!.misses.find((m) => m.destination === "FRANKFURT");
          const a = fra(0)!;
          const b = fra(customsMin);
          expect(b!.fastestHours! * 60).toBeCloseTo(a.fastestHours! * 60 + customsMin, 6);
          expect(b!.share).toBeLessThanOrEqual(a.share);
        }),
        { numRuns: 15 },
      );
    });

    it("serves a city only from its listed hubs when trucking cannot reach it", () => {
      const island = { ...base.destinations![0]!, id: "ISLAND", accessHubs: [] };
      const r = quickFreightCircle(sc, net, { ...base, destinations: [island] }, opts);
      expect(r.groups[2]!.misses[0]).toMatchObject({ destination: "ISLAND", reason: "no hub nearby", share: 0 });
    });
  });
});
