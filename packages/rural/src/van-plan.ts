import { clockMinutes } from "@fourports/network";
import type { VanFleet } from "./county-types.js";
import { solveVrp } from "./sisr.js";
import type { VrpInstance } from "./vrp-instance.js";

/** One van trip: depot → villages → depot. */
export interface VanRoute {
  fleetId: string;
  depot: string;
  /** Which van of the fleet (0-based) and its trip of the day (0-based). */
  van: number;
  tripOfDay: number;
  villageIds: string[];
  distanceKm: number;
  durationMin: number;
  /** Down plus up parcels: the load bound the route was planned with. */
  loadParcels: number;
  /** Minutes from day 0, 00:00. */
  startMin: number;
  endMin: number;
  /** Arrival minute at each village, in route order. */
  arriveMin: number[];
  costCny: number;
}

export type VanMissReason = "van-shift-too-short" | "van-capacity" | "too-far";

export interface FleetPlan {
  routes: VanRoute[];
  missed: { villageId: string; reason: VanMissReason }[];
}

export interface FleetInput {
  fleet: VanFleet;
  /** Village ids assigned to this fleet's depot. */
  villageIds: string[];
  /** Parcels down + up per village. */
  parcels: number[];
  /** (k+1)×(k+1) road km, index 0 the depot, 1..k the villages in order. */
  distanceKm: Float64Array;
  stopServiceMin: number;
  /** When the day's down parcels are at the depot (minutes from day 0, 00:00). */
  depotReadyMin: number;
  rng: () => number;
  vrpIterations: number;
}

/**
 * Plans one fleet's day: drops villages no van can serve (too heavy, shift too short, no road),
 * routes the rest with capacity and shift limits, then gives routes to vans back to back
 * (longest first, to the van free earliest) while the shift lasts.
 */
export function planFleet(input: FleetInput): FleetPlan {
  const { fleet, villageIds, parcels, distanceKm, stopServiceMin } = input;
  const k = villageIds.length;
  const k1 = k + 1;
  const minPerKm = 60 / fleet.speedKmh;
  const missed: FleetPlan["missed"] = [];
  const keep: number[] = [];
  for (let i = 1; i <= k; i++) {
    const out = distanceKm[i]!;
    const back = distanceKm[i * k1]!;
    if (!Number.isFinite(out) || !Number.isFinite(back)) missed.push({ villageId: villageIds[i - 1]!, reason: "too-far" });
    else if (parcels[i - 1]! > fleet.capacityParcels) missed.push({ villageId: villageIds[i - 1]!, reason: "van-capacity" });
    else if ((out + back) * minPerKm + stopServiceMin > fleet.shiftMin) missed.push({ villageId: villageIds[i - 1]!, reason: "van-shift-too-short" });
    else keep.push(i);
  }
  if (keep.length === 0) return { routes: [], missed };
  const inst = subInstance(input, keep, minPerKm);
  const sol = solveVrp(inst, { rng: input.rng, maxIterations: input.vrpIterations });
  const routes = sol.routes.map((r) => r.map((c) => keep[c - 1]!));
  const timed = routes
    .map((r) => ({ r, ...routeTimes(r, distanceKm, k1, minPerKm, stopServiceMin) }))
    .sort((a, b) => b.durationMin - a.durationMin || a.r[0]! - b.r[0]!);
  const shiftStart = clockMinutes(fleet.shiftStart);
  // Parcels sorted after the shift starts wait for the next day's shift.
  const dayStart = input.depotReadyMin <= shiftStart ? shiftStart : input.depotReadyMin;
  const dayEnd = shiftStart + fleet.shiftMin;
  const busy = new Array<number>(fleet.count).fill(0);
  const trips = new Array<number>(fleet.count).fill(0);
  const out: VanRoute[] = [];
  for (const t of timed) {
    let van = 0;
    for (let v = 1; v < fleet.count; v++) if (busy[v]! < busy[van]!) van = v;
    let start = dayStart + busy[van]!;
    if (start + t.durationMin > dayEnd) {
      if (busy[van]! + t.durationMin > fleet.shiftMin) {
        for (const i of t.r) missed.push({ villageId: villageIds[i - 1]!, reason: "van-shift-too-short" });
        continue;
      }
      start = shiftStart + 1440 + busy[van]!;
    }
    busy[van] = busy[van]! + t.durationMin;
    out.push({
      fleetId: fleet.id,
      depot: fleet.depot,
      van,
      tripOfDay: trips[van]!++,
      villageIds: t.r.map((i) => villageIds[i - 1]!),
      distanceKm: t.distanceKm,
      durationMin: t.durationMin,
      loadParcels: t.r.reduce((a, i) => a + parcels[i - 1]!, 0),
      startMin: start,
      endMin: start + t.durationMin,
      arriveMin: t.offsetMin.map((o) => start + o),
      costCny: t.distanceKm * fleet.costCnyPerKm,
    });
  }
  return { routes: out, missed };
}

function subInstance(input: FleetInput, keep: number[], minPerKm: number): VrpInstance {
  const k1 = input.villageIds.length + 1;
  const m1 = keep.length + 1;
  const idx = [0, ...keep];
  const cost = new Float64Array(m1 * m1);
  const durationMin = new Float64Array(m1 * m1);
  for (let a = 0; a < m1; a++) {
    for (let b = 0; b < m1; b++) {
      const d = input.distanceKm[idx[a]! * k1 + idx[b]!]!;
      cost[a * m1 + b] = d;
      durationMin[a * m1 + b] = d * minPerKm;
    }
  }
  const demand = Float64Array.from(idx, (i) => (i === 0 ? 0 : input.parcels[i - 1]!));
  const serviceMin = Float64Array.from(idx, (i) => (i === 0 ? 0 : input.stopServiceMin));
  return {
    name: input.fleet.id,
    customerCount: keep.length,
    capacity: input.fleet.capacityParcels,
    demand,
    cost,
    shift: { durationMin, serviceMin, maxRouteMin: input.fleet.shiftMin },
  };
}

/** Distance, duration and the arrival offset at each stop of a route (indices into the fleet matrix). */
export function routeTimes(
  route: readonly number[],
  distanceKm: Float64Array,
  k1: number,
  minPerKm: number,
  stopServiceMin: number,
): { distanceKm: number; durationMin: number; offsetMin: number[] } {
  let prev = 0;
  let km = 0;
  let t = 0;
  const offsetMin: number[] = [];
  for (const i of route) {
    const d = distanceKm[prev * k1 + i]!;
    km += d;
    t += d * minPerKm;
    offsetMin.push(t);
    t += stopServiceMin;
    prev = i;
  }
  const back = distanceKm[prev * k1]!;
  return { distanceKm: km + back, durationMin: t + back * minPerKm, offsetMin };
}
