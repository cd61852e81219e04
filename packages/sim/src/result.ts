import type { UnservedReason } from "@fourports/flow";
import type { Mode, PortGroup } from "@fourports/network";

/** A distribution summarised: mean and quantiles over the samples of one replication. */
export interface Spread {
  /** Number of samples. */
  count: number;
  /** Arithmetic mean. */
  mean: number;
  /** Median (type-7 quantile). */
  p50: number;
  /** 95th percentile (type-7 quantile). */
  p95: number;
  /** Largest sample. */
  max: number;
}

/** Tonnes loaded and unloaded at the home city's hubs of one port group by one mode in one replication. */
export interface PortMonthly {
  /** The port group of the hubs. */
  portGroup: PortGroup;
  /** The mode of the services. */
  mode: Mode;
  /** Tonnes loaded onto departures over the horizon. */
  loadedT: number;
  /** Tonnes unloaded from arrivals over the horizon. */
  unloadedT: number;
  /** Loaded plus unloaded tonnes per month of the horizon's first year, January first. */
  monthlyT: number[];
}

/** How one line's departures were used in one replication. */
export interface LineResult {
  /** Line id. */
  line: string;
  /** Mode of the line's services. */
  mode: Mode;
  /** Departures the timetable offers (path slots for on-demand services). */
  slots: number;
  /** Departures that ran. */
  ran: number;
  /** Departures cancelled (random cancellations and closures). */
  cancelled: number;
  /** On-demand slots left unused: not enough cargo consolidated or no vehicle at hand. */
  notRun: number;
  /** Tonnes carried on the first leg of the departures that ran. */
  carriedT: number;
  /** carriedT over the capacity of the departures that ran (first leg). */
  utilisation: number;
  /** On-demand lines: mean tonnes consolidating at the origin for the line. */
  meanConsolidatingT?: number;
}

/** How one demand flow's consignments fared in one replication. */
export interface CorridorResult {
  /** The demand flow. */
  flow: string;
  /** Origin hub id. */
  from: string;
  /** Destination hub id. */
  to: string;
  /** Tonnes delivered. */
  deliveredT: number;
  /** Share of delivered tonnes that arrived no later than first booked (+ 60 min). */
  onTimeShare: number;
  /** Door-to-door hours of delivered consignments. */
  doorToDoorH: Spread;
}

/** The handling queue of one hub with a handling limit, in one replication. */
export interface HubQueueResult {
  /** Hub id. */
  hub: string;
  /** Handling queue (tonnes waiting or in handling), sampled daily. */
  meanBacklogT: number;
  /** Largest handling queue of the daily samples, tonnes. */
  maxBacklogT: number;
  /** Mean handling queue per month of the first year (daily samples), tonnes, January first. */
  monthlyBacklogT: number[];
  /** Work handled over what the handling rate allowed in the horizon. */
  utilisation: number;
  /** Arrivals held at the gate because the yard was full, and the hours they waited. */
  blockedArrivals: number;
  /** Hours the held arrivals waited at the gate, summed. */
  blockedHours: number;
}

/** The gauge-change queue of one border crossing, in one replication. */
export interface CrossingResult {
  /** Hub id of the crossing. */
  hub: string;
  /** Gauge-change tracks: trains changed at once. */
  tracks: number;
  /** This network's trains that passed. */
  trains: number;
  /** Background trains (other cities' China-Europe trains) that passed. */
  backgroundTrains: number;
  /** Dwell of this network's trains: waiting for a track plus the gauge change, minutes. */
  dwellMin: Spread;
  /** Time-weighted mean of trains waiting for a track. */
  meanQueue: number;
  /** Most trains waiting for a track at once. */
  maxQueue: number;
  /** Mean trains waiting per month of the first year (daily samples), January first. */
  monthlyQueue: number[];
  /** Time-weighted mean share of the tracks busy. */
  utilisation: number;
}

/** What one replication returns: plain, JSON-safe data. */
export interface ReplicationResult {
  /** Id of the scenario simulated. */
  scenarioId: string;
  /** Replication number; with the seed it fixes every random draw. */
  replication: number;
  /** Target id → the value as the targets count it (null: not a throughput metric). */
  targets: Record<string, number | null>;
  /** Throughput at the home city's ports by port group and mode. */
  ports: PortMonthly[];
  /** One entry per line. */
  lines: LineResult[];
  /** One entry per demand flow. */
  corridors: CorridorResult[];
  /** One entry per hub with a handling limit. */
  hubs: HubQueueResult[];
  /** One entry per border crossing with gauge-change tracks. */
  crossings: CrossingResult[];
  /** Tonnes released by the demand flows in the horizon. */
  releasedT: number;
  /** Tonnes delivered. */
  deliveredT: number;
  /** Released but neither delivered nor unserved at the end of the horizon. */
  inTransitAtHorizonT: number;
  /** Tonnes not served, by reason. */
  unservedT: Record<UnservedReason, number>;
  /** Consignments (through-bills) created, splits included. */
  consignments: number;
  /**
   * Booked departures consignments missed: not ready when the departure left, or it had left or
   * its trip was closed when they got there.
   */
  missedConnections: number;
  /** Times a consignment was booked again on another journey. */
  rebookings: number;
  /** Hours later than first booked, summed over every rebooking (not weighted by tonnes). */
  rebookingDelayH: number;
  /** Consignments moved off an on-demand slot that did not run. */
  consolidationHolds: number;
  /** Tonne-kilometres carried. */
  tonneKm: number;
  /** Tariffs plus trucking paid, CNY. */
  costCny: number;
  /** CO2 emitted, kg. */
  co2Kg: number;
  /** Events the calendar fired, a measure of the work done. */
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
