import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import {
  busLineCandidates,
  countyCoverage,
  EXAMPLE_COUNTY_PARAMS,
  generateCounty,
  haversineKm,
  loadCountyFile,
  loadCountyValue,
  loadProvinceFile,
  loadRuralTargets,
  provinceRollup,
  readGeoJsonRoads,
} from "../src/index.js";

const seeds = (f: string): string => fileURLToPath(new URL(`../../../seeds/rural/${f}`, import.meta.url));

function issuesOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    return ((e as { issues?: { file: string; path: string; message: string }[] }).issues ?? []).map((i) => `${i.file}: ${i.path}: ${i.message}`);
  }
  throw new Error("expected an error");
}

const roads = {
  type: "FeatureCollection",
  features: [
    { type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: [[114, 34], [114.01, 34], [114.02, 34]] } },
    { type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: [[114.01, 34], [114.01, 34.01]] } },
  ],
};

function geoCounty(): Record<string, unknown> {
  return {
    kind: "county",
    id: "geo",
    name: "GeoJSON county",
    provenance: { label: "ASSUMPTION", note: "test", sources: [{ label: "ASSUMPTION", source: "test" }] },
    parcelReadyClock: "07:00",
    stopServiceMin: 5,
    maxSnapKm: 0.5,
    roads: { format: "geojson", file: "roads.geojson" },
    centres: [{ id: "C", name: "Centre", lon: 114, lat: 34 }],
    townships: [{ id: "T", name: "Town", lon: 114.01, lat: 34, status: "open" }],
    villages: [
      { id: "V1", name: "East", lon: 114.02, lat: 34, downParcelsPerDay: 5, upParcelsPerDay: 1, stationOpen: true },
      { id: "V2", name: "North", lon: 114.01, lat: 34.01, downParcelsPerDay: 3, upParcelsPerDay: 2, stationOpen: false },
    ],
    busLines: [{ id: "B1", name: "Centre–East", stops: ["C", "T", "V1"], runMin: [5, 5], departures: ["08:00"], parcelCapacityPerTrip: 10, bothWays: true }],
    freightLines: [],
    vans: [{ id: "VAN", depot: "T", count: 1, capacityParcels: 20, shiftStart: "09:00", shiftMin: 240, costCnyPerKm: 2, speedKmh: 30 }],
  };
}
const readRoads = (rel: string) => ({ text: JSON.stringify(roads), file: rel });

describe("county files", () => {
  it("ship the example county exactly as the generator makes it from the stored params and seed", () => {
    const g = generateCounty(EXAMPLE_COUNTY_PARAMS, seedrandom(EXAMPLE_COUNTY_PARAMS.seed), { gr: "example-county.gr", co: "example-county.co" });
    expect(`${JSON.stringify(g.county, null, 2)}\n`).toBe(readFileSync(seeds("example-county.json"), "utf8"));
    expect(g.gr).toBe(readFileSync(seeds("example-county.gr"), "utf8"));
    expect(g.co).toBe(readFileSync(seeds("example-county.co"), "utf8"));
    const loaded = loadCountyFile(seeds("example-county.json"));
    expect(loaded.county.provenance.generator).toMatchObject({ seed: EXAMPLE_COUNTY_PARAMS.seed, townships: 15, villages: 290 });
  });

  it("load a real county from GeoJSON roads and points", () => {
    const c = loadCountyValue(geoCounty(), "geo.json", readRoads);
    expect(c.road.nodeCount).toBe(4);
    const cov = countyCoverage(c, { rng: seedrandom("1") });
    const byId = new Map(cov.villages.map((v) => [v.villageId, v]));
    expect(byId.get("V1")!.down).toMatchObject({ mode: "bus", durationMin: 70, lineIds: ["B1"] });
    expect(byId.get("V2")!.down.mode).toBe("van");
    // Township T → V2 → T along the north road, 0.01° of latitude each way.
    expect(cov.routes.map((r) => r.villageIds)).toEqual([["V2"]]);
    expect(cov.routes[0]!.distanceKm).toBeCloseTo(2 * haversineKm(114.01, 34, 114.01, 34.01), 9);
  });

  it("deliver inside a village's window, and name a window no van can keep", () => {
    const value = geoCounty() as { villages: Record<string, unknown>[]; busLines: { parcelCapacityPerTrip: number }[] };
    value.villages[1]!["deliveryWindow"] = { open: "11:00", close: "11:30" };
    const c = loadCountyValue(value, "geo.json", readRoads);
    const v2 = countyCoverage(c, { rng: seedrandom("1") }).routes.find((r) => r.villageIds.includes("V2"))!;
    // The van leaves T at 09:00, is at V2 minutes later and waits for 11:00.
    expect(v2.arriveMin).toEqual([660]);
    expect(v2.startMin).toBe(540);
    value.villages[1]!["deliveryWindow"] = { open: "06:00", close: "07:00" };
    const early = countyCoverage(loadCountyValue(value, "geo.json", readRoads), { rng: seedrandom("1") });
    expect(early.misses.filter((m) => m.villageId === "V2").map((m) => m.reason)).toEqual(["outside-window", "outside-window"]);
    value.villages[1]!["deliveryWindow"] = { open: "12:00", close: "11:00" };
    expect(issuesOf(() => loadCountyValue(value, "geo.json", readRoads))).toEqual(["geo.json: $.villages[1].deliveryWindow.close: expected a time after open (12:00), got 11:00"]);
  });

  it("tell which bus line would bring villages within 24 h if it carried parcels", () => {
    const value = geoCounty() as { busLines: { parcelCapacityPerTrip: number }[]; vans: unknown[] };
    value.busLines[0]!.parcelCapacityPerTrip = 0;
    value.vans = [];
    const c = loadCountyValue(value, "geo.json", readRoads);
    const r = busLineCandidates(c, { rng: seedrandom("1"), capacityPerTrip: 10 });
    expect(r.today.villagesWithin24h).toBe(0);
    // B1 reaches V1 (C → T → V1) but not V2: one village gained.
    expect(r.candidates).toEqual([expect.objectContaining({ lineId: "B1", villagesWithin24h: 1, gainVillages: 1, savedVanKm: 0 })]);
  });

  it("report every problem at once with file, JSON path and what was expected", () => {
    const bad = geoCounty() as { busLines: Record<string, unknown>[]; vans: Record<string, unknown>[]; villages: Record<string, unknown>[] };
    bad.busLines[0]!["stops"] = ["C", "T", "V11"];
    bad.busLines[0]!["runMin"] = [5];
    bad.vans[0]!["depot"] = "V1";
    bad.villages[1]!["id"] = "V1";
    expect(issuesOf(() => loadCountyValue(bad, "geo.json", readRoads))).toEqual(
      expect.arrayContaining([
        'geo.json: $.villages[1].id: duplicate station id "V1" (also villages[0]); expected ids unique across centres, townships and villages',
        'geo.json: $.busLines[0].stops[2]: unknown station "V11" (did you mean "V1"?)',
        "geo.json: $.busLines[0].runMin: expected 2 run times (one per pair of consecutive stops), got 1",
        'geo.json: $.vans[0].depot: unknown depot "V1"; expected a centre or township id',
      ]),
    );
    const shape = geoCounty() as Record<string, unknown> & { villages: Record<string, unknown>[] };
    shape.villages[0]!["downParcelsPerDay"] = -3;
    shape["parcelReadyClock"] = "7am";
    const shapeIssues = issuesOf(() => loadCountyValue(shape, "geo.json", readRoads));
    expect(shapeIssues.some((l) => l.startsWith("geo.json: $.villages[0].downParcelsPerDay: "))).toBe(true);
    expect(shapeIssues.some((l) => l.startsWith("geo.json: $.parcelReadyClock: ") && l.includes("HH:MM"))).toBe(true);
  });

  it("refuse a station far from every road instead of snapping it silently", () => {
    const far = geoCounty() as { villages: Record<string, unknown>[] };
    far.villages[1]!["lat"] = 34.2;
    expect(issuesOf(() => loadCountyValue(far, "geo.json", readRoads))).toEqual([
      expect.stringMatching(/^geo\.json: \$\.villages\[1\]: "V2" is 2[0-9.]+ km from the nearest road node; expected ≤ maxSnapKm \(0\.5\)$/),
    ]);
  });

  it("read GeoJSON roads with errors naming the feature", () => {
    const text = JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Point", coordinates: [1, 2] } }, { type: "Feature", geometry: { type: "LineString", coordinates: [[1, 2], [500, 2]] } }] });
    expect(issuesOf(() => readGeoJsonRoads(text, "r.geojson"))).toEqual([
      'r.geojson: $.features[0].geometry.type: expected LineString or MultiLineString, got "Point"',
      "r.geojson: $.features[1].geometry.coordinates[1]: expected a position [lon, lat] in degrees",
    ]);
  });
});

describe("province roll-up", () => {
  it("sums the modelled counties and sets them against each year's targets", () => {
    const p = loadProvinceFile(seeds("henan-province.json"));
    const targets = loadRuralTargets(seeds("targets-rural.json"));
    expect(targets.years.map((y) => [y.year, y.counts.countyCentres, y.counts.townshipStations, y.counts.villageStations, y.counts.passengerFreightMailLines])).toEqual([
      [2024, 10, 50, 1000, 230],
      [2025, 15, 70, 2000, 260],
      [2026, 50, 200, 5000, 300],
    ]);
    const r = provinceRollup(p, targets, { rng: seedrandom("1") });
    const c = p.counties[0]!.county;
    const row = (w: string) => r.rows.find((x) => x.what === w)!;
    expect(row("countyCentres").modelled).toBe(c.centres.length);
    expect(row("townshipStations").modelled).toBe(c.townships.filter((t) => t.status === "open").length);
    expect(row("villageStations").modelled).toBe(c.villages.filter((v) => v.stationOpen).length);
    const busIds = new Set(c.busLines.map((b) => b.id));
    expect(row("passengerFreightMailLines").modelled).toBe(r.coverage[0]!.lines.filter((l) => busIds.has(l.lineId) && l.parcelsPerDay > 0).length);
    expect(row("share24h").modelled).toBe(r.coverage[0]!.share24h.both);
    for (const x of r.rows) for (const y of x.years) expect(y.met).toBe(x.modelled >= y.target);
    expect(r.labels).toEqual(["ASSUMPTION"]);
  });
});
