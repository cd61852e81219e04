import { checkDateOption, checkNumberOption, checkOptionsObject, dayNumber, FourportsInputError, LIMITS, MIN_PER_DAY, weekdayIndex, type Hub, type Scenario } from "@fourports/network";
import { ConnectionScan, UNREACHED, type RoutingNetwork } from "@fourports/routing";
import type { ReachSpec } from "./registry.js";

export type ReachGroup = "domestic" | "neighbouring" | "worldwide";

export interface ReachMiss {
  hub: string;
  name: string;
  country: string;
  /** Share of the sampled departures that arrive within the limit. */
  share: number;
  /** Fastest door-to-door time over the samples, hours; null when never reached. */
  fastestHours: number | null;
  reason: "no service" | "not connected" | "too slow" | "too few departures";
}

export interface ReachGroupResult {
  group: ReachGroup;
  limitDays: number;
  hubCount: number;
  /** Mean over the group's hubs of their share of departures arriving within the limit. */
  share: number;
  misses: ReachMiss[];
}

export interface ReachResult {
  origin: string;
  /** First sampled departure, minutes since the epoch, and how many were sampled. */
  fromMin: number;
  samples: number;
  groups: ReachGroupResult[];
}

export interface ReachOptions {
  /** First day of the sampled week (default: the Monday two weeks before the horizon ends). */
  weekStart?: string;
  /** Minutes between sampled departures (default 60: 168 a week). */
  stepMin?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Which circle a destination belongs to; border crossings and home hubs are not destinations. */
export function reachGroupOf(hub: Hub, homeCity: string, homeCountry: string, neighbours: ReadonlySet<string>): ReachGroup | null {
  if (hub.city === homeCity || hub.kind === "border-crossing") return null;
  if (hub.country === homeCountry) return "domestic";
  return neighbours.has(hub.country) ? "neighbouring" : "worldwide";
}

/**
 * The "123 quick-freight circle": for domestic, neighbouring and worldwide destinations, the
 * share reachable from the origin within 1 / 2 / 3 days (or as the spec says), averaged over a
 * week of departure times, with every destination that misses and why.
 */
export function quickFreightCircle(scenario: Scenario, net: RoutingNetwork, spec: ReachSpec, options: ReachOptions = {}): ReachResult {
  checkOptionsObject("quickFreightCircle", options);
  checkDateOption("quickFreightCircle: weekStart", options.weekStart);
  // At least a minute between samples: a step of 0 never advanced and looped for ever.
  checkNumberOption("quickFreightCircle: stepMin", options.stepMin, { integer: true, min: 1, max: 7 * MIN_PER_DAY });
  const origin = scenario.hubs.findIndex((h) => h.id === spec.origin);
  if (origin < 0) throw new FourportsInputError("bad-option", `quickFreightCircle: reach origin "${spec.origin}" is not a hub of scenario ${scenario.id}`);
  const home = scenario.hubs[origin]!;
  const neighbours = new Set(spec.neighbouringCountries);
  const epochDay = dayNumber(scenario.epoch);
  let startDay: number;
  if (options.weekStart !== undefined) {
    startDay = dayNumber(options.weekStart) - epochDay;
    if (Math.abs(startDay) > LIMITS.horizonDays) {
      throw new FourportsInputError("bad-option", `quickFreightCircle: weekStart: ${options.weekStart} lies more than ${LIMITS.horizonDays} days from the epoch ${scenario.epoch}`);
    }
  } else {
    const d = scenario.horizonDays - 14;
    startDay = d - weekdayIndex(epochDay + d);
  }
  const fromMin = Math.max(0, startDay * MIN_PER_DAY);
  const step = options.stepMin ?? 60;
  const samples = Math.floor((7 * MIN_PER_DAY) / step);
  const maxDays = Math.max(spec.days.domestic, spec.days.neighbouring, spec.days.worldwide);

  const dests = scenario.hubs
    .map((h, i) => ({ h, i, g: reachGroupOf(h, scenario.homeCity, home.country, neighbours) }))
    .filter((d): d is { h: Hub; i: number; g: ReachGroup } => d.g !== null);
  const served = new Uint8Array(scenario.hubs.length);
  for (let c = 0; c < net.timetable.length; c++) served[net.timetable.arrHub[c]!] = 1;
  const hits = new Float64Array(scenario.hubs.length);
  const fastest = new Float64Array(scenario.hubs.length).fill(Infinity);
  const limit = (g: ReachGroup): number => spec.days[g] * MIN_PER_DAY;

  const scan = new ConnectionScan(net);
  for (let k = 0; k < samples; k++) {
    options.signal?.throwIfAborted();
    const t = fromMin + k * step;
    // Looking ten times past the longest limit tells "too slow" from "not connected".
    scan.run(origin, t, { windowMin: 10 * maxDays * MIN_PER_DAY });
    for (const d of dests) {
      const a = scan.arrival[d.i]!;
      if (a === UNREACHED) continue;
      fastest[d.i] = Math.min(fastest[d.i]!, a - t);
      if (a - t <= limit(d.g)) hits[d.i]!++;
    }
    options.onProgress?.(k + 1, samples);
  }

  const groups: ReachGroupResult[] = (["domestic", "neighbouring", "worldwide"] as const).map((g) => {
    const members = dests.filter((d) => d.g === g);
    const misses: ReachMiss[] = [];
    let sum = 0;
    for (const d of members) {
      const share = hits[d.i]! / samples;
      sum += share;
      if (share === 1) continue;
      const f = fastest[d.i]!;
      misses.push({
        hub: d.h.id,
        name: d.h.name,
        country: d.h.country,
        share,
        fastestHours: Number.isFinite(f) ? f / 60 : null,
        reason: !served[d.i] ? "no service" : !Number.isFinite(f) ? "not connected" : share === 0 ? "too slow" : "too few departures",
      });
    }
    misses.sort((a, b) => a.share - b.share || a.hub.localeCompare(b.hub));
    return { group: g, limitDays: spec.days[g], hubCount: members.length, share: members.length ? sum / members.length : 0, misses };
  });
  return { origin: spec.origin, fromMin, samples, groups };
}
