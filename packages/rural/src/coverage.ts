import { clockMinutes } from "@fourports/network";
import { UNREACHED } from "@fourports/routing";
import { BusBooker, type LineBooking } from "./bus-booking.js";
import { buildBusNetwork } from "./bus-network.js";
import type { LoadedCounty, VanFleet, Village } from "./county-types.js";
import { roadDistanceMatrix, roadDistanceRows } from "./road-matrix.js";
import { planFleet, type VanMissReason, type VanRoute } from "./van-plan.js";

/**
 * Why a village is not served within 24 h one way: no line gets there and back within 24 h ("no-bus"),
 * the lines had no room left ("bus-full"), or a reason of the van planning.
 */
export type MissReason = "no-bus" | "bus-full" | VanMissReason;

/** How one direction of a village (goods down or produce up) is served. */
export interface DirectionCoverage {
  /** What carries the parcels: a line ("bus"), a van, or nothing (null). */
  mode: "bus" | "van" | null;
  /** Minutes from the parcel being ready to its delivery; null when it is never delivered. */
  durationMin: number | null;
  /** Whether the parcels arrive within 24 h of being ready. */
  within24h: boolean;
  /** Why not within 24 h; null when they are. */
  reason: MissReason | null;
  /** Earliest arrival by the parcel-carrying lines alone, capacity ignored (minutes from day 0). */
  lineOnlyArriveMin: number | null;
  /** Ids of the lines the parcels ride (empty unless mode is "bus"). */
  lineIds: string[];
}

/** How one village is served, both ways. */
export interface VillageCoverage {
  /** Id of the village. */
  villageId: string;
  /** Name of the village. */
  name: string;
  /** Longitude, decimal degrees. */
  lon: number;
  /** Latitude, decimal degrees. */
  lat: number;
  /** County centre the village's parcels come from and go to (nearest by road). */
  centre: string;
  /** Goods from the centre to the village. */
  down: DirectionCoverage;
  /** Produce from the village to the centre. */
  up: DirectionCoverage;
}

/** How much one parcel-carrying line is used. */
export interface LineUse {
  /** Id of the line. */
  lineId: string;
  /** A bus line with parcel room, or a freight line. */
  kind: "bus" | "freight";
  /** Parcels a day: each trip's most loaded hop, summed over the line's trips. */
  parcelsPerDay: number;
}

/**
 * A county's 24-hour parcel coverage (see {@link countyCoverage}): every village both ways, the van
 * routes and the line use.
 */
export interface CoverageResult {
  /** Id of the county. */
  countyId: string;
  /** Minute of the day the day's parcels are ready (the county's parcelReadyClock). */
  readyMin: number;
  /** One entry per village, in county order. */
  villages: VillageCoverage[];
  /** Share of villages served within 24 h: goods down, produce up, and both ways. */
  share24h: {
    /** Share of villages whose goods arrive within 24 h. */
    down: number;
    /** Share of villages whose produce reaches the centre within 24 h. */
    up: number;
    /** Share of villages served within 24 h both ways. */
    both: number;
  };
  /** Every village and direction not served within 24 h, with the reason. */
  misses: {
    /** Id of the village. */
    villageId: string;
    /** Which way missed: goods down or produce up. */
    direction: "down" | "up";
    /** Why. */
    reason: MissReason;
  }[];
  /** The planned van routes of a day. */
  routes: VanRoute[];
  /** One entry per parcel-carrying line. */
  lines: LineUse[];
  /** Van-kilometres a day, all routes. */
  vanKmPerDay: number;
  /** Van running cost a day, CNY, all routes. */
  vanCostCnyPerDay: number;
}

/** Options of {@link countyCoverage}. */
export interface CoverageOptions {
  /** Seeded generator for the van routing. */
  rng: () => number;
  /** Minutes to move parcels between two lines at a station (default 15, ASSUMPTION). */
  transferMin?: number;
  /** Plan van routes to this share of capacity, leaving room for busy days (default 0.85, ASSUMPTION). */
  planLoadFactor?: number;
  /** Ruin-and-recreate iterations per fleet (default 3000). */
  vrpIterations?: number;
  /** Aborts the coverage between villages and van fleets. */
  signal?: AbortSignal;
}

const DAY = 1440;

/**
 * 24-hour coverage of every village, both ways: parcels ride the parcel-carrying lines when a
 * journey with room gets there (and back) within 24 h, booked earliest first; otherwise the
 * nearest depot's vans serve the village on a planned route. Each miss keeps its reason.
 */
export function countyCoverage(loaded: LoadedCounty, options: CoverageOptions): CoverageResult {
  const { county } = loaded;
  const readyMin = clockMinutes(county.parcelReadyClock);
  const bus = buildBusNetwork(county, { transferMin: options.transferMin ?? 15, days: 3 });
  const booker = new BusBooker(bus);
  const hub = (id: string): number => bus.hubIndex.get(id)!;
  const sites = [...county.centres, ...county.townships].map((p) => p.id);
  const allIds = [...sites, ...county.villages.map((v) => v.id)];
  // Rows: centres and townships; columns: every station.
  const siteRows = roadRows(loaded, sites, allIds);
  const km = (from: string, to: string): number => siteRows.get(from)!.get(to)!;
  const centreOf = new Map(county.villages.map((v) => [v.id, nearest(county.centres.map((c) => c.id), (c) => km(c, v.id))]));

  const { lineOnly, byBus, busReason } = bookLines(county, booker, hub, centreOf, readyMin, options.signal);

  const vanVillages = county.villages.filter((v) => !byBus.has(v.id));
  const { routes, vanMissed } = planVans(loaded, vanVillages, km, readyMin, options);
  const visit = new Map<string, { route: VanRoute; arriveMin: number }>();
  for (const r of routes) r.villageIds.forEach((id, k) => visit.set(id, { route: r, arriveMin: r.arriveMin[k]! }));

  const ctx: VillageContext = { county, readyMin, lineOnly, byBus, busReason, vanMissed, visit, centreOf, km };
  const villages = county.villages.map((v) => villageCoverage(v, ctx));
  return summarise(county.id, readyMin, villages, routes, booker, bus);
}

interface LineBookings {
  /** Earliest arrival by the lines alone, capacity ignored (UNREACHED when none). */
  lineOnly: Map<string, { down: number; up: number }>;
  byBus: Map<string, { down: LineBooking; up: LineBooking }>;
  busReason: Map<string, MissReason>;
}

/** Books every village on the lines, earliest first; a village goes by bus only if both ways fit in 24 h. */
function bookLines(
  county: LoadedCounty["county"],
  booker: BusBooker,
  hub: (id: string) => number,
  centreOf: Map<string, string>,
  readyMin: number,
  signal: AbortSignal | undefined,
): LineBookings {
  const lineOnly = new Map<string, { down: number; up: number }>();
  for (const v of county.villages) {
    const c = hub(centreOf.get(v.id)!);
    lineOnly.set(v.id, { down: booker.earliest(c, hub(v.id), readyMin), up: booker.earliest(hub(v.id), c, readyMin) });
  }
  const order = county.villages.map((v, i) => i).sort((a, b) => lineOnly.get(county.villages[a]!.id)!.down - lineOnly.get(county.villages[b]!.id)!.down || a - b);
  const byBus = new Map<string, { down: LineBooking; up: LineBooking }>();
  const busReason = new Map<string, MissReason>();
  for (const i of order) {
    signal?.throwIfAborted();
    const v = county.villages[i]!;
    const lo = lineOnly.get(v.id)!;
    if (lo.down - readyMin > DAY || lo.up - readyMin > DAY) {
      busReason.set(v.id, "no-bus");
      continue;
    }
    const c = hub(centreOf.get(v.id)!);
    const down = booker.book(c, hub(v.id), readyMin, v.downParcelsPerDay);
    const up = down && booker.book(hub(v.id), c, readyMin, v.upParcelsPerDay);
    if (down && up && down.arriveMin - readyMin <= DAY && up.arriveMin - readyMin <= DAY) byBus.set(v.id, { down, up });
    else {
      if (down) booker.release(down);
      if (up) booker.release(up);
      busReason.set(v.id, "bus-full");
    }
  }

  return { lineOnly, byBus, busReason };
}

interface VillageContext {
  county: LoadedCounty["county"];
  readyMin: number;
  lineOnly: LineBookings["lineOnly"];
  byBus: LineBookings["byBus"];
  busReason: LineBookings["busReason"];
  vanMissed: Map<string, MissReason>;
  visit: Map<string, { route: VanRoute; arriveMin: number }>;
  centreOf: Map<string, string>;
  km: (from: string, to: string) => number;
}

function villageCoverage(v: Village, ctx: VillageContext): VillageCoverage {
  const { county, readyMin, lineOnly, byBus, busReason, vanMissed, visit, centreOf, km } = ctx;
  const lo = lineOnly.get(v.id)!;
  const los = { down: lo.down === UNREACHED ? null : lo.down, up: lo.up === UNREACHED ? null : lo.up };
  const base = { villageId: v.id, name: v.name, lon: v.lon, lat: v.lat, centre: centreOf.get(v.id)! };
  const b = byBus.get(v.id);
  if (b) {
    const dir = (bk: LineBooking, lineOnlyArriveMin: number | null): DirectionCoverage => ({
      mode: "bus", durationMin: bk.arriveMin - readyMin, within24h: true, reason: null, lineOnlyArriveMin, lineIds: bk.lineIds,
    });
    return { ...base, down: dir(b.down, los.down), up: dir(b.up, los.up) };
  }
  const vis = visit.get(v.id);
  if (!vis) {
    // No van serves it: the van's reason when a fleet tried, else why the lines did not.
    const reason: MissReason = vanMissed.get(v.id) ?? busReason.get(v.id)!;
    const miss = (lineOnlyArriveMin: number | null): DirectionCoverage => ({ mode: null, durationMin: null, within24h: false, reason, lineOnlyArriveMin, lineIds: [] });
    return { ...base, down: miss(los.down), up: miss(los.up) };
  }
  const fleet = county.vans.find((f) => f.id === vis.route.fleetId)!;
  const downMin = vis.arriveMin - readyMin;
  // Up: picked up on the visit (the next day's visit if before the parcels are ready), then the trunk.
  const pickDelay = vis.arriveMin >= readyMin ? 0 : DAY;
  const trunkBack = fleet.depot === base.centre ? 0 : (km(fleet.depot, base.centre) / fleet.speedKmh) * 60;
  const upMin = vis.route.endMin + pickDelay + trunkBack - readyMin;
  const dir = (durationMin: number, lineOnlyArriveMin: number | null): DirectionCoverage => ({
    mode: "van", durationMin, within24h: durationMin <= DAY, reason: durationMin <= DAY ? null : "too-far", lineOnlyArriveMin, lineIds: [],
  });
  return { ...base, down: dir(downMin, los.down), up: dir(upMin, los.up) };
}

function roadRows(loaded: LoadedCounty, rows: string[], cols: string[]): Map<string, Map<string, number>> {
  const node = (id: string): number => loaded.roadNode[id]!;
  const m = roadDistanceRows(loaded.road, rows.map(node), cols.map(node));
  const out = new Map<string, Map<string, number>>();
  rows.forEach((r, i) => out.set(r, new Map(cols.map((c, j) => [c, m[i * cols.length + j]!]))));
  return out;
}

function nearest(ids: string[], dist: (id: string) => number): string {
  let best = ids[0]!;
  for (const id of ids) if (dist(id) < dist(best)) best = id;
  return best;
}

function planVans(
  loaded: LoadedCounty,
  villages: Village[],
  km: (from: string, to: string) => number,
  readyMin: number,
  options: CoverageOptions,
): { routes: VanRoute[]; vanMissed: Map<string, MissReason> } {
  const { county } = loaded;
  const routes: VanRoute[] = [];
  const vanMissed = new Map<string, MissReason>();
  if (county.vans.length === 0) return { routes, vanMissed };
  const groups = new Map<VanFleet, Village[]>(county.vans.map((f) => [f, []]));
  for (const v of villages) {
    const f = county.vans.reduce((a, b) => (km(b.depot, v.id) < km(a.depot, v.id) ? b : a));
    if (!Number.isFinite(km(f.depot, v.id))) vanMissed.set(v.id, "too-far");
    else groups.get(f)!.push(v);
  }
  for (const [fleet, vs] of groups) {
    if (vs.length === 0) continue;
    options.signal?.throwIfAborted();
    const ids = vs.map((v) => v.id);
    const distanceKm = roadDistanceMatrix(loaded.road, [fleet.depot, ...ids].map((id) => loaded.roadNode[id]!));
    const centre = nearest(county.centres.map((c) => c.id), (c) => km(c, fleet.depot));
    // Township depots get the day's parcels by the county trunk run leaving when they are sorted (ASSUMPTION).
    const depotReadyMin = readyMin + (fleet.depot === centre ? 0 : (km(centre, fleet.depot) / fleet.speedKmh) * 60);
    const plan = planFleet({
      fleet: { ...fleet, capacityParcels: fleet.capacityParcels * (options.planLoadFactor ?? 0.85) },
      villageIds: ids,
      parcels: vs.map((v) => v.downParcelsPerDay + v.upParcelsPerDay),
      windows: vs.map((v) => (v.deliveryWindow ? { openMin: clockMinutes(v.deliveryWindow.open), closeMin: clockMinutes(v.deliveryWindow.close) } : null)),
      distanceKm,
      stopServiceMin: county.stopServiceMin,
      depotReadyMin,
      rng: options.rng,
      vrpIterations: options.vrpIterations ?? 3000,
    });
    routes.push(...plan.routes);
    for (const m of plan.missed) vanMissed.set(m.villageId, m.reason);
  }
  return { routes, vanMissed };
}

function summarise(
  countyId: string,
  readyMin: number,
  villages: VillageCoverage[],
  routes: VanRoute[],
  booker: BusBooker,
  bus: ReturnType<typeof buildBusNetwork>,
): CoverageResult {
  const n = Math.max(1, villages.length);
  const misses: CoverageResult["misses"] = [];
  for (const v of villages) {
    if (v.down.reason) misses.push({ villageId: v.villageId, direction: "down", reason: v.down.reason });
    if (v.up.reason) misses.push({ villageId: v.villageId, direction: "up", reason: v.up.reason });
  }
  const perLine = new Map<string, LineUse>();
  const t = bus.net.timetable;
  for (const trip of bus.trips) if (!perLine.has(trip.lineId)) perLine.set(trip.lineId, { lineId: trip.lineId, kind: trip.kind, parcelsPerDay: 0 });
  // A line's parcels per day: the most it carried on any hop of one trip, summed over trips.
  const tripMax = new Float64Array(t.tripCount);
  for (let c = 0; c < t.length; c++) tripMax[t.trip[c]!] = Math.max(tripMax[t.trip[c]!]!, booker.load[c]!);
  bus.trips.forEach((trip, i) => (perLine.get(trip.lineId)!.parcelsPerDay += tripMax[i]!));
  return {
    countyId,
    readyMin,
    villages,
    share24h: {
      down: villages.filter((v) => v.down.within24h).length / n,
      up: villages.filter((v) => v.up.within24h).length / n,
      both: villages.filter((v) => v.down.within24h && v.up.within24h).length / n,
    },
    misses,
    routes,
    lines: [...perLine.values()],
    vanKmPerDay: routes.reduce((a, r) => a + r.distanceKm, 0),
    vanCostCnyPerDay: routes.reduce((a, r) => a + r.costCny, 0),
  };
}
