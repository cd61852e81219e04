import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { applyOverrides, expandTimetable, loadScenarioFile, type Scenario } from "@fourports/network";
import { prepareRouting } from "@fourports/routing";
import { capacityCeilings, loadTargetRegistry, parseTargetRegistry, quickFreightCircle, type Target } from "@fourports/targets";

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

describe("quickFreightCircle", () => {
  const registry = loadTargetRegistry(here("../../../seeds/targets-2025.json"));
  const spec = registry.targets.find((t) => t.id === "quick-freight-circle")!.reach!;
  const y24 = year(loadScenarioFile(here("../../../seeds/zhengzhou-2024.json")));

  it("groups every destination outside Zhengzhou except border crossings, and says why each miss misses", () => {
    const r = quickFreightCircle(y24.scenario, prepareRouting(y24.scenario, y24.timetable), spec, { stepMin: 180 });
    const expected = y24.scenario.hubs.filter((h) => h.city !== "Zhengzhou" && h.kind !== "border-crossing").length;
    expect(r.groups.reduce((a, g) => a + g.hubCount, 0)).toBe(expected);
    expect(r.samples).toBe(56);
    const all = r.groups.flatMap((g) => g.misses);
    // Billund is in the 2024 hub list but its route opens in 2025.
    expect(all.find((m) => m.hub === "BLL")).toMatchObject({ reason: "no service", share: 0, fastestHours: null });
    for (const g of r.groups) {
      expect(g.share).toBeGreaterThanOrEqual(0);
      expect(g.share).toBeLessThanOrEqual(1);
      for (const m of g.misses) {
        if (m.reason === "too slow") expect(m.fastestHours!).toBeGreaterThan(g.limitDays * 24);
        if (m.reason === "too few departures") expect(m.share).toBeGreaterThan(0);
      }
    }
  });
});
