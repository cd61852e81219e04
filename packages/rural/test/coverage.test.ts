import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { BusBooker, buildBusNetwork, countyCoverage, type County, type LoadedCounty } from "../src/index.js";
import { floydKm, smallCounty } from "./helpers.js";

const TRANSFER = 15;
const clock = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * Earliest arrival by enumerating every journey on the county's parcel-carrying lines: each
 * trip boarded at any stop, left at any later stop, up to four trips, transfers taking 15 min
 * (paths already later than the best found are cut).
 */
function bruteEarliest(county: County, from: string, to: string, readyMin: number): number | null {
  const trips: { stops: string[]; times: number[] }[] = [];
  for (const l of [...county.busLines.filter((b) => b.parcelCapacityPerTrip > 0), ...county.freightLines]) {
    for (const [stops, run] of l.bothWays ? [[l.stops, l.runMin], [[...l.stops].reverse(), [...l.runMin].reverse()]] : [[l.stops, l.runMin]]) {
      for (let day = 0; day < 3; day++) {
        for (const dep of l.departures) {
          const times = [day * 1440 + clock(dep)];
          for (const r of run as number[]) times.push(times[times.length - 1]! + r);
          trips.push({ stops: stops as string[], times });
        }
      }
    }
  }
  let best = Infinity;
  const walk = (at: string, t: number, legs: number): void => {
    // Branch and bound: a path already later than the best arrival cannot improve it.
    if (t >= best) return;
    if (at === to) {
      best = Math.min(best, t);
      return;
    }
    if (legs === 4) return;
    const ready = legs === 0 ? t : t + TRANSFER;
    for (const trip of trips) {
      trip.stops.forEach((s, k) => {
        if (s !== at || trip.times[k]! < ready) return;
        for (let m = k + 1; m < trip.stops.length; m++) walk(trip.stops[m]!, trip.times[m]!, legs + 1);
      });
    }
  };
  walk(from, readyMin, 0);
  return best === Infinity ? null : best;
}

describe("countyCoverage", () => {
  const counties: LoadedCounty[] = ["a", "b", "c"].map((s) => smallCounty(`cov-${s}`));

  it("finds the same earliest line arrival as every journey enumerated, both ways", () => {
    for (const c of counties) {
      const cov = countyCoverage(c, { rng: seedrandom("1"), transferMin: TRANSFER });
      for (const v of cov.villages) {
        expect(v.down.lineOnlyArriveMin, `${v.villageId} down`).toBe(bruteEarliest(c.county, v.centre, v.villageId, cov.readyMin));
        expect(v.up.lineOnlyArriveMin, `${v.villageId} up`).toBe(bruteEarliest(c.county, v.villageId, v.centre, cov.readyMin));
      }
    }
  });

  it("serves every village once: by bus, by one van visit, or as a miss with its reason", () => {
    for (const c of counties) {
      const cov = countyCoverage(c, { rng: seedrandom("1") });
      const visits = cov.routes.flatMap((r) => r.villageIds);
      expect(new Set(visits).size).toBe(visits.length);
      for (const v of cov.villages) {
        const kinds = [v.down.mode === "bus", visits.includes(v.villageId), v.down.mode === null].filter(Boolean);
        expect(kinds, v.villageId).toHaveLength(1);
        if (v.down.mode === null) expect(v.down.reason).not.toBeNull();
        if (v.down.within24h) expect(v.down.durationMin!).toBeLessThanOrEqual(1440);
      }
      const share = cov.villages.filter((v) => v.down.within24h && v.up.within24h).length / cov.villages.length;
      expect(cov.share24h.both).toBe(share);
    }
  });

  it("plans van routes within capacity and shift, costed from the road network", () => {
    for (const c of counties) {
      const cov = countyCoverage(c, { rng: seedrandom("1"), planLoadFactor: 1 });
      const km = floydKm(c);
      const node = (id: string): number => c.roadNode[id]!;
      const byId = new Map(c.county.villages.map((v) => [v.id, v]));
      for (const r of cov.routes) {
        const fleet = c.county.vans.find((f) => f.id === r.fleetId)!;
        const load = r.villageIds.reduce((a, id) => a + byId.get(id)!.downParcelsPerDay + byId.get(id)!.upParcelsPerDay, 0);
        expect(load).toBe(r.loadParcels);
        expect(load).toBeLessThanOrEqual(fleet.capacityParcels);
        const stops = [fleet.depot, ...r.villageIds, fleet.depot];
        let dist = 0;
        for (let i = 1; i < stops.length; i++) dist += km(node(stops[i - 1]!), node(stops[i]!));
        expect(r.distanceKm).toBeCloseTo(dist, 9);
        expect(r.costCny).toBeCloseTo(dist * fleet.costCnyPerKm, 9);
        expect(r.durationMin).toBeCloseTo((dist / fleet.speedKmh) * 60 + r.villageIds.length * c.county.stopServiceMin, 9);
        expect(r.durationMin).toBeLessThanOrEqual(fleet.shiftMin + 1e-9);
      }
      // A van's trips of one day fit its shift together.
      const perVan = new Map<string, number>();
      for (const r of cov.routes) perVan.set(`${r.fleetId}/${r.van}`, (perVan.get(`${r.fleetId}/${r.van}`) ?? 0) + r.durationMin);
      for (const [k, total] of perVan) expect(total, k).toBeLessThanOrEqual(c.county.vans.find((f) => k.startsWith(`${f.id}/`))!.shiftMin + 1e-9);
    }
  });

  it("names the reason of a miss: no bus and no van, bus full, van shift too short", () => {
    const noVans = smallCounty("cov-a", (c) => {
      c.vans = [];
      c.busLines.forEach((l) => (l.parcelCapacityPerTrip = 0));
      c.freightLines = [];
    });
    const cov = countyCoverage(noVans, { rng: seedrandom("1") });
    expect(cov.misses.length).toBe(2 * cov.villages.length);
    expect(new Set(cov.misses.map((m) => m.reason))).toEqual(new Set(["no-bus"]));

    const tinyBuses = smallCounty("cov-a", (c) => {
      c.vans = [];
      c.busLines.forEach((l) => (l.parcelCapacityPerTrip = l.parcelCapacityPerTrip > 0 ? 1 : 0));
      c.freightLines = [];
    });
    const full = countyCoverage(tinyBuses, { rng: seedrandom("1") });
    const reached = full.villages.filter((v) => v.down.lineOnlyArriveMin !== null && v.down.lineOnlyArriveMin - full.readyMin <= 1440 && v.up.lineOnlyArriveMin !== null && v.up.lineOnlyArriveMin - full.readyMin <= 1440);
    expect(reached.length).toBeGreaterThan(0);
    for (const v of reached) if (v.down.mode === null) expect(v.down.reason).toBe("bus-full");

    const shortShift = smallCounty("cov-a", (c) => {
      c.busLines.forEach((l) => (l.parcelCapacityPerTrip = 0));
      c.freightLines = [];
      c.vans.forEach((f) => (f.shiftMin = 12));
    });
    const short = countyCoverage(shortShift, { rng: seedrandom("1") });
    expect(short.misses.some((m) => m.reason === "van-shift-too-short")).toBe(true);
  });

  it("gives the same result for the same seed", () => {
    const a = countyCoverage(counties[0]!, { rng: seedrandom("9") });
    const b = countyCoverage(counties[0]!, { rng: seedrandom("9") });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe("BusBooker", () => {
  it("never books a hop past its trip's parcel capacity", () => {
    const c = smallCounty("cov-b");
    const bus = buildBusNetwork(c.county, { transferMin: TRANSFER, days: 3 });
    const booker = new BusBooker(bus);
    const centre = bus.hubIndex.get(c.county.centres[0]!.id)!;
    let booked = 0;
    for (const v of c.county.villages) {
      for (let k = 0; k < 20; k++) if (booker.book(centre, bus.hubIndex.get(v.id)!, 420, 7)) booked++;
    }
    expect(booked).toBeGreaterThan(0);
    const t = bus.net.timetable;
    for (let i = 0; i < t.length; i++) expect(booker.load[i]!).toBeLessThanOrEqual(t.capacityT[i]!);
  });
});
