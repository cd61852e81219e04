import { checkDateOption, checkNumberOption, checkOptionsObject, dayNumber, FourportsInputError, LIMITS, MIN_PER_DAY, weekdayIndex, type Hub, type Scenario } from "@fourports/network";
import { ConnectionScan, UNREACHED, type RoutingNetwork } from "@fourports/routing";
import type { ReachDestination, ReachSpec } from "./registry.js";

/**
 * The circles of the 1/2/3-day reach target: domestic cities, neighbouring countries, the rest of the
 * world.
 */
export type ReachGroup = "domestic" | "neighbouring" | "worldwide";

/** A destination not reached within the limit from every sampled departure, and why. */
export interface ReachMiss {
  /** Destination id (a city of the spec's list, or a hub id when the spec lists none). */
  destination: string;
  /** Name of the destination. */
  name: string;
  /** Its ISO 3166-1 alpha-2 country. */
  country: string;
  /** The destination's weight in its group. */
  weight: number;
  /** Share of the sampled departures that arrive, door to door, within the limit. */
  share: number;
  /** Fastest door-to-door time over the samples, hours; null when never reached. */
  fastestHours: number | null;
  /** The hub the fastest journey reaches before the onward truck; null when never reached. */
  via: string | null;
  /**
   * Why: no hub within trucking distance; none of its hubs has a service; no journey at all; journeys
   * exist but none within the limit; only some departures make it.
   */
  reason: "no hub nearby" | "no service" | "not connected" | "too slow" | "too few departures";
}

/** The reach of one circle: the weighted share of its destinations reached within its limit. */
export interface ReachGroupResult {
  /** Which circle. */
  group: ReachGroup;
  /** Door-to-door limit of the circle, days. */
  limitDays: number;
  /** Destinations in the circle. */
  destinationCount: number;
  /** Weighted mean over the group's destinations of their share of departures within the limit. */
  share: number;
  /** Destinations reached from fewer than all sampled departures, with the reason. */
  misses: ReachMiss[];
}

/**
 * The quick-freight-circle result: from one origin, how much of each circle is reached within its
 * limit (see {@link quickFreightCircle}).
 */
export interface ReachResult {
  /** Hub the freight leaves from. */
  origin: string;
  /** First sampled departure, minutes since the epoch, and how many were sampled. */
  fromMin: number;
  /** Departures sampled over the week. */
  samples: number;
  /** One result per circle. */
  groups: ReachGroupResult[];
}

/** Options of {@link quickFreightCircle}. */
export interface ReachOptions {
  /** First day of the sampled week (default: the Monday two weeks before the horizon ends). */
  weekStart?: string;
  /** Minutes between sampled departures (default 60: 168 a week). */
  stepMin?: number;
  /** Called after each sampled departure with the departures done and in total. */
  onProgress?: (done: number, total: number) => void;
  /** Aborts the measurement between sampled departures. */
  signal?: AbortSignal;
}

/** Road distance over great-circle distance, as for the seeds' road estimates. */
export const ROAD_FACTOR = 1.25;

/** Which circle a hub belongs to when a spec lists no destinations; border crossings and home hubs are none. */
export function reachGroupOf(hub: Hub, homeCity: string, homeCountry: string, neighbours: ReadonlySet<string>): ReachGroup | null {
  if (hub.city === homeCity || hub.kind === "border-crossing") return null;
  if (hub.country === homeCountry) return "domestic";
  return neighbours.has(hub.country) ? "neighbouring" : "worldwide";
}

/** Great-circle distance between two points given in decimal degrees, km (sphere of radius 6371 km). */
export function greatCircleKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const c = Math.sin(lat1 * r) * Math.sin(lat2 * r) + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lon2 - lon1) * r);
  return 6371 * Math.acos(Math.min(1, Math.max(-1, c)));
}

/** A destination with the hubs cargo can reach it from: hub index and minutes from the hub's arrival to the door. */
interface Target {
  d: ReachDestination;
  access: { hub: number; min: number }[];
}

/**
 * Door-to-door access of each destination: every hub (not a border crossing) within the spec's
 * trucking range, or the destination's own `accessHubs` where trucking cannot cross, with the onward truck at its speed over 1.25 × the great-circle distance,
 * plus import customs where the destination lies outside the origin's country (Hong Kong and
 * Taiwan are separate customs territories).
 */
function targetsOf(scenario: Scenario, spec: ReachSpec, home: Hub): Target[] {
  const neighbours = new Set(spec.neighbouringCountries);
  if (!spec.destinations) {
    // No list: every hub outside the home city is a destination, reached at the hub itself.
    return scenario.hubs.flatMap((h, i) => {
      const group = reachGroupOf(h, scenario.homeCity, home.country, neighbours);
      if (group === null) return [];
      const d: ReachDestination = { id: h.id, name: h.name, country: h.country, group, lon: h.lon, lat: h.lat, weight: 1, source: h.source, label: h.label };
      return [{ d, access: [{ hub: i, min: 0 }] }];
    });
  }
  const maxKm = spec.truckMaxKm ?? 0;
  const kmh = spec.truckKmPerHour ?? 60;
  return spec.destinations.map((d) => {
    const customs = d.country === home.country ? 0 : (spec.customsMin ?? 0);
    const access: { hub: number; min: number }[] = [];
    const only = d.accessHubs === undefined ? null : new Set(d.accessHubs);
    scenario.hubs.forEach((h, i) => {
      if (h.kind === "border-crossing" || h.city === scenario.homeCity) return;
      if (only !== null && !only.has(h.id)) return;
      const roadKm = ROAD_FACTOR * greatCircleKm(h.lon, h.lat, d.lon, d.lat);
      if (only !== null || roadKm <= maxKm) access.push({ hub: i, min: Math.round((roadKm / kmh) * 60) + customs });
    });
    return { d, access };
  });
}

/**
 * The "123 quick-freight circle": for the domestic, neighbouring and worldwide destinations of
 * the spec, the weighted share reachable door to door from the origin within 1 / 2 / 3 days (or
 * as the spec says), averaged over a week of departure times. Door to door: the timetable to
 * any hub within trucking range, import customs, and the onward truck. A destination the
 * network does not reach is a miss with its reason, never left out.
 */
export function quickFreightCircle(scenario: Scenario, net: RoutingNetwork, spec: ReachSpec, options: ReachOptions = {}): ReachResult {
  checkOptionsObject("quickFreightCircle", options);
  checkDateOption("quickFreightCircle: weekStart", options.weekStart);
  // At least a minute between samples: a step of 0 never advanced and looped for ever.
  checkNumberOption("quickFreightCircle: stepMin", options.stepMin, { integer: true, min: 1, max: 7 * MIN_PER_DAY });
  const origin = scenario.hubs.findIndex((h) => h.id === spec.origin);
  if (origin < 0) throw new FourportsInputError("invalid-option", `quickFreightCircle: reach origin "${spec.origin}" is not a hub of scenario ${scenario.id}`);
  const home = scenario.hubs[origin]!;
  const epochDay = dayNumber(scenario.epoch);
  let startDay: number;
  if (options.weekStart !== undefined) {
    startDay = dayNumber(options.weekStart) - epochDay;
    if (Math.abs(startDay) > LIMITS.horizonDays) {
      throw new FourportsInputError("invalid-option", `quickFreightCircle: weekStart: ${options.weekStart} lies more than ${LIMITS.horizonDays} days from the epoch ${scenario.epoch}`);
    }
  } else {
    const d = scenario.horizonDays - 14;
    startDay = d - weekdayIndex(epochDay + d);
  }
  const fromMin = Math.max(0, startDay * MIN_PER_DAY);
  const step = options.stepMin ?? 60;
  const samples = Math.floor((7 * MIN_PER_DAY) / step);
  const maxDays = Math.max(spec.days.domestic, spec.days.neighbouring, spec.days.worldwide);

  const targets = targetsOf(scenario, spec, home);
  const served = new Uint8Array(scenario.hubs.length);
  for (let c = 0; c < net.timetable.length; c++) served[net.timetable.arrHub[c]!] = 1;
  served[origin] = 1;
  const hits = new Float64Array(targets.length);
  const fastest = new Float64Array(targets.length).fill(Infinity);
  const fastestVia = new Int32Array(targets.length).fill(-1);

  const scan = new ConnectionScan(net);
  for (let k = 0; k < samples; k++) {
    options.signal?.throwIfAborted();
    const t = fromMin + k * step;
    // Looking ten times past the longest limit tells "too slow" from "not connected".
    scan.run(origin, t, { windowMin: 10 * maxDays * MIN_PER_DAY });
    targets.forEach((x, j) => {
      let best = Infinity;
      let via = -1;
      for (const a of x.access) {
        const arr = scan.arrival[a.hub]!;
        if (arr === UNREACHED) continue;
        if (arr + a.min < best) {
          best = arr + a.min;
          via = a.hub;
        }
      }
      if (via < 0) return;
      if (best - t < fastest[j]!) {
        fastest[j] = best - t;
        fastestVia[j] = via;
      }
      if (best - t <= spec.days[x.d.group] * MIN_PER_DAY) hits[j]!++;
    });
    options.onProgress?.(k + 1, samples);
  }

  const groups: ReachGroupResult[] = (["domestic", "neighbouring", "worldwide"] as const).map((g) => {
    const members = targets.map((x, j) => ({ x, j })).filter(({ x }) => x.d.group === g);
    const misses: ReachMiss[] = [];
    let sum = 0;
    let weights = 0;
    for (const { x, j } of members) {
      const share = hits[j]! / samples;
      sum += x.d.weight * share;
      weights += x.d.weight;
      if (share === 1) continue;
      const f = fastest[j]!;
      const reason: ReachMiss["reason"] =
        x.access.length === 0 ? "no hub nearby"
        : !x.access.some((a) => served[a.hub]) ? "no service"
        : !Number.isFinite(f) ? "not connected"
        : share === 0 ? "too slow"
        : "too few departures";
      misses.push({
        destination: x.d.id,
        name: x.d.name,
        country: x.d.country,
        weight: x.d.weight,
        share,
        fastestHours: Number.isFinite(f) ? f / 60 : null,
        via: fastestVia[j]! >= 0 ? scenario.hubs[fastestVia[j]!]!.id : null,
        reason,
      });
    }
    misses.sort((a, b) => a.share - b.share || b.weight - a.weight || a.destination.localeCompare(b.destination));
    return { group: g, limitDays: spec.days[g], destinationCount: members.length, share: weights > 0 ? sum / weights : 0, misses };
  });
  return { origin: spec.origin, fromMin, samples, groups };
}
