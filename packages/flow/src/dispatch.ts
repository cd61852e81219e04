import type { Scenario, Timetable } from "@fourports/network";

/**
 * The vehicle pools of a scenario's on-demand services: which departures (path slots) hold a
 * vehicle. A vehicle leaving at minute d is back at the origin at d + rotationMin, so a pool of
 * V vehicles allows at most V departures in any window of rotationMin minutes, i.e. for every
 * t: #{d : t − rotationMin < d ≤ t} ≤ V. The pools start the horizon with every vehicle at the
 * origin (no trips from before the epoch are out).
 */
export class VehiclePools {
  /** Per service: departure minutes holding a vehicle, ascending. */
  private readonly held: number[][];
  private readonly vehicles: Float64Array;
  private readonly rotationMin: Float64Array;

  constructor(scenario: Scenario) {
    const n = scenario.services.length;
    this.held = Array.from({ length: n }, () => []);
    this.vehicles = new Float64Array(n).fill(Infinity);
    this.rotationMin = new Float64Array(n);
    scenario.services.forEach((s, i) => {
      if (s.dispatch !== "on-demand" || !s.onDemand) return;
      this.vehicles[i] = s.onDemand.vehicles;
      this.rotationMin[i] = s.onDemand.rotationMin;
    });
  }

  /** Whether a departure of the service at depMin finds a vehicle at the origin. */
  canDepart(service: number, depMin: number): boolean {
    const v = this.vehicles[service]!;
    if (v === Infinity) return true;
    const list = this.held[service]!;
    const r = this.rotationMin[service]!;
    // The count of (t − r, t] only rises when t passes a departure, so the windows containing
    // depMin peak at t = depMin or at a later departure within r.
    if (countIn(list, depMin - r, depMin) + 1 > v) return false;
    for (let i = lowerBound(list, depMin); i < list.length && list[i]! < depMin + r; i++) {
      if (countIn(list, list[i]! - r, list[i]!) + 1 > v) return false;
    }
    return true;
  }

  /** Takes a vehicle for a departure (call canDepart first). */
  depart(service: number, depMin: number): void {
    const list = this.held[service]!;
    list.splice(upperBound(list, depMin), 0, depMin);
  }

  /** Gives back the vehicle of a departure that does not run. */
  release(service: number, depMin: number): void {
    const list = this.held[service]!;
    const i = lowerBound(list, depMin);
    if (list[i] !== depMin) throw new Error(`service ${service} holds no vehicle for a departure at minute ${depMin}`);
    list.splice(i, 1);
  }
}

/** Count of values in (lo, hi] of a sorted list. */
function countIn(list: number[], lo: number, hi: number): number {
  return upperBound(list, hi) - upperBound(list, lo);
}

function lowerBound(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per trip of a timetable: its service and first departure minute (connections are sorted by departure). */
export function tripOrigins(t: Timetable): {
  /** Per trip: its service index. */
  service: Int32Array;
  /** Per trip: its first departure, minutes since the epoch. */
  depMin: Int32Array;
} {
  const service = new Int32Array(t.tripCount);
  const depMin = new Int32Array(t.tripCount).fill(2 ** 31 - 1);
  for (let c = 0; c < t.length; c++) {
    const trip = t.trip[c]!;
    if (t.depMin[c]! < depMin[trip]!) {
      depMin[trip] = t.depMin[c]!;
      service[trip] = t.service[c]!;
    }
  }
  return { service, depMin };
}

/**
 * The most trips the timetable could run: every scheduled trip, and of each on-demand service
 * the largest set of path slots its vehicle pool can serve. Taking slots earliest first whenever
 * a vehicle is at hand is optimal for a window limit like the pool's (a later slot never frees
 * more vehicles than an earlier one), so this is the ceiling's count of trips. 1 = may run.
 */
export function dispatchableTrips(scenario: Scenario, t: Timetable): Uint8Array {
  const out = new Uint8Array(t.tripCount).fill(1);
  if (!t.serviceOnDemand.some((x) => x === 1)) return out;
  const { service, depMin } = tripOrigins(t);
  const pools = new VehiclePools(scenario);
  const order = Array.from({ length: t.tripCount }, (_, i) => i).filter((i) => t.serviceOnDemand[service[i]!] === 1);
  order.sort((a, b) => depMin[a]! - depMin[b]! || a - b);
  for (const trip of order) {
    if (pools.canDepart(service[trip]!, depMin[trip]!)) pools.depart(service[trip]!, depMin[trip]!);
    else out[trip] = 0;
  }
  return out;
}
