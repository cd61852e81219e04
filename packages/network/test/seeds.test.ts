import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenarioFile, type Service } from "@fourports/network";

// The seed network against the counts its sources give (file 002, Aug 2024; tir-press), and the
// pricing rules seeds/README.md states. These guard the data, not the code.
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const y24 = loadScenarioFile(here("../../../seeds/zhengzhou-2024.json"));
const y25 = loadScenarioFile(here("../../../seeds/zhengzhou-2025.json"));
const hub = new Map(y24.hubs.map((h) => [h.id, h]));
const home = (id: string): boolean => hub.get(id)?.city === y24.homeCity;
const cre = y24.services.filter((s) => s.mode === "rail" && s.international);
const tir = y24.services.filter((s) => s.mode === "road" && s.international);
const border = (s: Service): string[] => (s.via ?? []).map((v) => v.hub).filter((h) => hub.get(h)?.kind === "border-crossing");

describe("the 2024 seed network", () => {
  it("has 27 China-Europe direct lines (one per overseas station) through 8 border crossings", () => {
    const stations = new Set(cre.map((s) => (home(s.from) ? s.to : s.from)));
    expect(new Set(cre.map((s) => s.line)).size).toBe(27);
    expect(stations.size).toBe(27);
    for (const s of cre) expect(border(s)).toHaveLength(1);
    expect(new Set(cre.flatMap(border)).size).toBe(8);
  });

  it("has 18 international road routes to 9 countries", () => {
    expect(new Set(tir.map((s) => s.line)).size).toBe(18);
    expect(new Set(tir.map((s) => hub.get(home(s.from) ? s.to : s.from)!.country)).size).toBe(9);
  });

  it("has 50 all-cargo air routes from CGO", () => {
    expect(new Set(y24.services.filter((s) => s.mode === "air").map((s) => s.line)).size).toBe(50);
  });

  it("runs China-Europe trains and international trucks on demand", () => {
    for (const s of [...cre, ...tir]) expect(s).toMatchObject({ dispatch: "on-demand" });
  });

  it("never prices international road below rail through the same border crossing", () => {
    for (const r of tir) {
      for (const c of cre.filter((c) => border(c)[0] === border(r)[0])) {
        expect(r.tariffCnyPerT / r.distanceKm).toBeGreaterThan(c.tariffCnyPerT / c.distanceKm);
        const sameDest = (home(c.from) ? c.to : c.from) === (home(r.from) ? r.to : r.from);
        if (sameDest) expect(r.tariffCnyPerT).toBeGreaterThan(c.tariffCnyPerT);
      }
    }
  });

  it("prices China-Europe rail by distance and corridor", () => {
    const hamburg = cre.find((s) => s.id === "CRE-HAMBURG-OUT")!;
    expect(hamburg).toMatchObject({ distanceKm: 10214, via: [{ hub: "ALASHANKOU" }] });
    expect(cre.find((s) => s.id === "CRE-MOSCOW-OUT")).toMatchObject({ via: [{ hub: "MANZHOULI" }] });
    const moscow = cre.find((s) => s.id === "CRE-MOSCOW-OUT")!;
    expect(moscow.distanceKm).toBeGreaterThanOrEqual(9000);
    expect(moscow.distanceKm).toBeLessThanOrEqual(9500);
    expect(new Set(cre.map((s) => s.tariffCnyPerT)).size).toBeGreaterThan(10);
  });

  it("stops the North American freighters at Anchorage", () => {
    for (const far of ["ORD", "JFK", "ATL", "DFW", "MEX"]) {
      for (const s of y24.services.filter((s) => s.line === `AIR-CGO-${far}`)) expect(s.via?.map((v) => v.hub)).toEqual(["ANC"]);
    }
  });

  it("puts every border crossing's background trains inside its capacity", () => {
    for (const h of y24.hubs.filter((h) => h.kind === "border-crossing" && h.backgroundTrainsPerDay !== undefined)) {
      expect(h.backgroundTrainsPerDay!).toBeLessThan(h.handling!.trainsPerDay!);
    }
  });
});

describe("the 2025 seed network", () => {
  it("adds two new international road routes and the trans-Caspian line to the 2024 network", () => {
    const lines = (sc: typeof y24, mode: Service["mode"]): Set<string> =>
      new Set(sc.services.filter((s) => s.mode === mode && s.international).map((s) => s.line));
    const newRoad = [...lines(y25, "road")].filter((l) => !lines(y24, "road").has(l));
    expect(newRoad.sort()).toEqual(["TIR-ISTANBUL", "TIR-MINSK"]);
    expect([...lines(y25, "rail")].filter((l) => !lines(y24, "rail").has(l))).toEqual(["CRE-ISTANBUL"]);
  });
});
