import type { UnservedReason } from "@fourports/flow";
import type { Mode, PortGroup } from "@fourports/network";

/** A distribution summarised: mean and quantiles over the samples of one replication. */
export interface Spread {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

export interface PortMonthly {
  portGroup: PortGroup;
  mode: Mode;
  loadedT: number;
  unloadedT: number;
  /** Loaded plus unloaded tonnes per month of the horizon's first year, January first. */
  monthlyT: number[];
}

export interface LineResult {
  line: string;
  mode: Mode;
  /** Departures the timetable offers (path slots for on-demand services). */
  slots: number;
  /** Departures that ran. */
  ran: number;
  cancelled: number;
  /** On-demand slots left unused: not enough cargo consolidated or no vehicle at hand. */
  notRun: number;
  carriedT: number;
  /** carriedT over the capacity of the departures that ran (first leg). */
  utilisation: number;
  /** On-demand lines: mean tonnes consolidating at the origin for the line. */
  meanConsolidatingT?: number;
}

export interface CorridorResult {
  /** The demand flow. */
  flow: string;
  from: string;
  to: string;
  deliveredT: number;
  /** Share of delivered tonnes that arrived no later than first booked (+ 60 min). */
  onTimeShare: number;
  /** Door-to-door hours of delivered consignments. */
  doorToDoorH: Spread;
}

export interface HubQueueResult {
  hub: string;
  /** Handling queue (tonnes waiting or in handling), sampled daily. */
  meanBacklogT: number;
  maxBacklogT: number;
  monthlyBacklogT: number[];
  /** Work handled over what the handling rate allowed in the horizon. */
  utilisation: number;
  /** Arrivals held at the gate because the yard was full, and the hours they waited. */
  blockedArrivals: number;
  blockedHours: number;
}

export interface CrossingResult {
  hub: string;
  tracks: number;
  /** This network's trains and the background trains that passed. */
  trains: number;
  backgroundTrains: number;
  /** Dwell of this network's trains: waiting for a track plus the gauge change, minutes. */
  dwellMin: Spread;
  meanQueue: number;
  maxQueue: number;
  monthlyQueue: number[];
  utilisation: number;
}

/** What one replication returns: plain, JSON-safe data. */
export interface ReplicationResult {
  scenarioId: string;
  replication: number;
  /** Target id → the value as the targets count it (null: not a throughput metric). */
  targets: Record<string, number | null>;
  ports: PortMonthly[];
  lines: LineResult[];
  corridors: CorridorResult[];
  hubs: HubQueueResult[];
  crossings: CrossingResult[];
  releasedT: number;
  deliveredT: number;
  /** Released but neither delivered nor unserved at the end of the horizon. */
  inTransitAtHorizonT: number;
  unservedT: Record<UnservedReason, number>;
  consignments: number;
  missedConnections: number;
  rebookings: number;
  /** Hours later than first booked, summed over rebooked consignments' tonnes-weighted… per consignment. */
  rebookingDelayH: number;
  /** Consignments moved off an on-demand slot that did not run. */
  consolidationHolds: number;
  tonneKm: number;
  costCny: number;
  co2Kg: number;
  events: number;
}

/** Mean, median, 95th percentile and maximum of a sample (sorted in place). */
export function spread(samples: number[] | Float64Array): Spread {
  const n = samples.length;
  if (n === 0) return { count: 0, mean: 0, p50: 0, p95: 0, max: 0 };
  const s = Float64Array.from(samples).sort();
  let sum = 0;
  for (const x of s) sum += x;
  return { count: n, mean: sum / n, p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[n - 1]! };
}

/** Linear interpolation between order statistics (type 7, as R and numpy default). */
export function quantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
