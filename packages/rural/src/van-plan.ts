import { clockMinutes } from "@fourports/network";
import type { VanFleet } from "./county-types.js";
import { solveVrp } from "./sisr.js";
import type { VrpInstance } from "./vrp-instance.js";

/** One van trip: depot → villages → depot. */
export interface VanRoute {
  /** Id of the fleet. */
  fleetId: string;
  /** Depot the route starts and ends at. */
  depot: string;
  /** Which van of the fleet (0-based) and its trip of the day (0-based). */
  van: number;
  /** Which trip of its van's day this is (0-based). */
  tripOfDay: number;
  /** Villages in visiting order. */
  villageIds: string[];
  /** Road distance, km. */
  distanceKm: number;
  /** Duration depot to depot, minutes (driving, stops and waiting for windows). */
  durationMin: number;
  /** Down plus up parcels: the load bound the route was planned with. */
  loadParcels: number;
  /** Minutes from day 0, 00:00. */
  startMin: number;
  /** Back at the depot, minutes from day 0, 00:00. */
  endMin: number;
  /** Arrival minute at each village, in route order. */
  arriveMin: number[];
  /** Running cost, CNY (distanceKm × the fleet's costCnyPerKm). */
  costCny: number;
}

/**
 * Why a van does not serve a village: the shift is too short even for the village alone, its parcels
 * exceed a van, a window cannot be met, or no road reaches it (or the route takes more than 24 h).
 */
export type VanMissReason = "van-shift-too-short" | "van-capacity" | "outside-window" | "too-far";

/** One fleet's planned day: the routes and the villages left out. */
export interface FleetPlan {
  /** The routes, by van and trip. */
  routes: VanRoute[];
  /** Villages no van serves, with the reason. */
  missed: {
    /** Id of the village. */
    villageId: string;
    /** Why no van serves it. */
    reason: VanMissReason;
  }[];
}

/** A village's delivery window, minutes of the day (waiting allowed, no arrival after close). */
export interface DayWindow {
  /** Opening minute of the day. */
  openMin: number;
  /** Closing minute of the day (no arrival after it). */
  closeMin: number;
}

/** Input of {@link planFleet}: one fleet, its villages and their road distances. */
export interface FleetInput {
  /** The fleet (its capacity as planned, e.g. scaled by a load factor). */
  fleet: VanFleet;
  /** Village ids assigned to this fleet's depot. */
  villageIds: string[];
  /** Parcels down + up per village. */
  parcels: number[];
  /** Per village: its delivery window, or null. */
  windows?: (DayWindow | null)[];
  /** (k+1)×(k+1) road km, index 0 the depot, 1..k the villages in order. */
  distanceKm: Float64Array;
  /** Minutes a van spends at each village. */
  stopServiceMin: number;
  /** When the day's down parcels are at the depot (minutes from day 0, 00:00). */
  depotReadyMin: number;
  /** Seeded generator for the route search. */
  rng: () => number;
  /** Ruin-and-recreate iterations of the route search. */
  vrpIterations: number;
}

/** What timing a fleet's route needs: road km, speed, service time and windows per village. */
export interface FleetLegs {
  /** The (k+1)×(k+1) road km matrix, index 0 the depot. */
  distanceKm: Float64Array;
  /** Matrix side, k + 1. */
  k1: number;
  /** Minutes per km at the fleet's speed. */
  minPerKm: number;
  /** Minutes a van spends at each village. */
  stopServiceMin: number;
  /** Delivery window per village in route-index order, null for none; undefined when none were given. */
  windows: (DayWindow | null)[] | undefined;
}

/**
 * Plans one fleet's day: drops villages no van can serve (too heavy, shift too short, window
 * unreachable, no road), routes the rest with capacity, shift and windows, then gives routes to
 * vans back to back (longest first, to the van free earliest) while the shift lasts; a later
 * trip that would miss a window loses those villages ("outside-window").
 */
export function planFleet(input: FleetInput): FleetPlan {
  const { fleet, villageIds, parcels, distanceKm, stopServiceMin } = input;
  const k = villageIds.length;
  const leg: FleetLegs = { distanceKm, k1: k + 1, minPerKm: 60 / fleet.speedKmh, stopServiceMin, windows: input.windows };
  const shiftStart = clockMinutes(fleet.shiftStart);
  // Parcels sorted after the shift starts wait for the later start.
  const dayStart = Math.max(shiftStart, input.depotReadyMin);
  const dayEnd = shiftStart + fleet.shiftMin;
  const missed: FleetPlan["missed"] = [];
  const keep: number[] = [];
  for (let i = 1; i <= k; i++) {
    const alone = routeTimes([i], leg, dayStart);
    if (!Number.isFinite(distanceKm[i]!) || !Number.isFinite(distanceKm[i * leg.k1]!)) missed.push({ villageId: villageIds[i - 1]!, reason: "too-far" });
    else if (parcels[i - 1]! > fleet.capacityParcels) missed.push({ villageId: villageIds[i - 1]!, reason: "van-capacity" });
    else if (alone.late) missed.push({ villageId: villageIds[i - 1]!, reason: "outside-window" });
    else if (dayStart + alone.durationMin > dayEnd) missed.push({ villageId: villageIds[i - 1]!, reason: "van-shift-too-short" });
    else keep.push(i);
  }
  if (keep.length === 0) return { routes: [], missed };
  const inst = subInstance(input, keep, leg, dayStart, dayEnd - dayStart);
  const sol = solveVrp(inst, { rng: input.rng, maxIterations: input.vrpIterations });
  const timed = sol.routes
    .map((r) => r.map((c) => keep[c - 1]!))
    .map((r) => ({ r, ...routeTimes(r, leg, dayStart) }))
    .sort((a, b) => b.durationMin - a.durationMin || a.r[0]! - b.r[0]!);
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
    // Later starts shift every arrival: retime, windows included.
    const at = routeTimes(t.r, leg, start);
    if (at.late) {
      for (const i of t.r) missed.push({ villageId: villageIds[i - 1]!, reason: "outside-window" });
      continue;
    }
    busy[van] = busy[van]! + at.durationMin;
    out.push({
      fleetId: fleet.id,
      depot: fleet.depot,
      van,
      tripOfDay: trips[van]!++,
      villageIds: t.r.map((i) => villageIds[i - 1]!),
      distanceKm: at.distanceKm,
      durationMin: at.durationMin,
      loadParcels: t.r.reduce((a, i) => a + parcels[i - 1]!, 0),
      startMin: start,
      endMin: start + at.durationMin,
      arriveMin: at.offsetMin.map((o) => start + o),
      costCny: at.distanceKm * fleet.costCnyPerKm,
    });
  }
  return { routes: out, missed };
}

function subInstance(input: FleetInput, keep: number[], leg: FleetLegs, dayStart: number, maxRouteMin: number): VrpInstance {
  const k1 = leg.k1;
  const m1 = keep.length + 1;
  const idx = [0, ...keep];
  const cost = new Float64Array(m1 * m1);
  const durationMin = new Float64Array(m1 * m1);
  for (let a = 0; a < m1; a++) {
    for (let b = 0; b < m1; b++) {
      const d = input.distanceKm[idx[a]! * k1 + idx[b]!]!;
      cost[a * m1 + b] = d;
      durationMin[a * m1 + b] = d * leg.minPerKm;
    }
  }
  const demand = Float64Array.from(idx, (i) => (i === 0 ? 0 : input.parcels[i - 1]!));
  const serviceMin = Float64Array.from(idx, (i) => (i === 0 ? 0 : input.stopServiceMin));
  const w = input.windows;
  // The solver times routes from their start; routes are planned as if leaving at dayStart.
  const windows = w?.some((x) => x !== null)
    ? {
        windowOpenMin: Float64Array.from(idx, (i) => (i === 0 || !w[i - 1] ? -Infinity : w[i - 1]!.openMin - dayStart)),
        windowCloseMin: Float64Array.from(idx, (i) => (i === 0 || !w[i - 1] ? Infinity : w[i - 1]!.closeMin - dayStart)),
      }
    : {};
  return {
    name: input.fleet.id,
    customerCount: keep.length,
    capacity: input.fleet.capacityParcels,
    demand,
    cost,
    shift: { durationMin, serviceMin, maxRouteMin, ...windows },
  };
}

/**
 * Distance, duration and arrival offset at each stop of a route (indices into the fleet
 * matrix) leaving at `startMin`; early arrivals wait for the window, `late` when one closes first.
 */
export function routeTimes(route: readonly number[], leg: FleetLegs, startMin: number): {
  /** Road distance depot to depot, km. */
  distanceKm: number;
  /** Duration depot to depot, minutes (driving, stops and waiting for windows). */
  durationMin: number;
  /** Arrival at each stop, minutes after leaving the depot. */
  offsetMin: number[];
  /** True when the van reaches a stop after its window closed. */
  late: boolean;
} {
  const { distanceKm, k1, minPerKm, stopServiceMin, windows } = leg;
  const day = Math.floor(startMin / 1440) * 1440;
  let prev = 0;
  let km = 0;
  let t = 0;
  let late = false;
  const offsetMin: number[] = [];
  for (const i of route) {
    const d = distanceKm[prev * k1 + i]!;
    km += d;
    t += d * minPerKm;
    const w = windows?.[i - 1];
    if (w) {
      const clock = startMin - day + t;
      if (clock < w.openMin) t += w.openMin - clock;
      else if (clock > w.closeMin) late = true;
    }
    offsetMin.push(t);
    t += stopServiceMin;
    prev = i;
  }
  const back = distanceKm[prev * k1]!;
  return { distanceKm: km + back, durationMin: t + back * minPerKm, offsetMin, late };
}
