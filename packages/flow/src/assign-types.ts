import type { JourneyLeg } from "@fourports/routing";
import type { Mode, PortGroup } from "@fourports/network";
import type { ChoiceParameters } from "./choice.js";

/**
 * Why tonnes were not carried: no journey in the allowed modes at all; journeys exist but were
 * full; none arrives within the transit limit; or the on-demand trip they were booked on did
 * not run (below its minimum load or no vehicle) and nothing else had room in time.
 */
export type UnservedReason = "no route" | "capacity" | "too late" | "not dispatched";
export const UNSERVED_REASONS: readonly UnservedReason[] = ["no route", "capacity", "too late", "not dispatched"];

export interface DemandOutcome {
  demandId: string;
  demandT: number;
  servedT: number;
  unservedT: Record<UnservedReason, number>;
}

export interface PortThroughput {
  portGroup: PortGroup;
  mode: Mode;
  loadedT: number;
  unloadedT: number;
}

/** On-demand services over the year: path slots, trips that ran, trips that got cargo but not enough. */
export interface DispatchSummary {
  slots: number;
  ran: number;
  /** Trips that had cargo booked but stayed below minLoadFactor: they did not run, their cargo was rebooked. */
  belowMinimumLoad: number;
}

export interface Assignment {
  scenarioId: string;
  /** Tonnes on each connection of the timetable. */
  connectionT: Float64Array;
  /** TEU on each connection (tonnes of flows that give teuPerYear, at their TEU per tonne). */
  connectionTeu: Float64Array;
  /**
   * Per trip: 1 if it ran. Every scheduled trip runs; an on-demand trip (a path slot) runs only
   * with at least minLoadFactor × capacityT loaded and a vehicle of its pool at the origin.
   */
  tripRan: Uint8Array;
  dispatch: DispatchSummary;
  /** Tonnes loaded plus unloaded at each hub on each day: [hub × horizonDays + day]. */
  hubDayT: Float64Array;
  /** Loaded and unloaded tonnes at the home city's hubs, by the hub's port group and the mode. */
  ports: PortThroughput[];
  demand: DemandOutcome[];
  servedT: number;
  unservedT: Record<UnservedReason, number>;
  tonneKm: number;
  costCny: number;
  co2Kg: number;
  /** Bookings in the final assignment (one per journey a batch was split over). */
  bookings: number;
  /** Every booking, when recordBookings was set. */
  bookingList?: Booking[];
}

export interface AssignOptions extends ChoiceParameters {
  /** Local time each day's batch of a flow is ready (default "08:00"). */
  releaseTime?: string;
  /** A batch must arrive within this many days of its release (default 30); later is "too late". */
  maxTransitDays?: number;
  /**
   * How a batch picks its journey among those with room: "earliest" arrival (default);
   * "cost", the least generalised cost (tariffs + trucking + value of time × hours) among the
   * earliest journey and the earliest by each allowed main mode — the system's view; or
   * "logit", the shipper's view: the batch splits over the k cheapest of those by a multinomial
   * logit, share ∝ exp(−logitScale × (u / u_min − 1)), u = generalised cost + mode constant.
   */
  choice?: "earliest" | "cost" | "logit";
  /** Routes in the logit choice set (default 3). */
  k?: number;
  /** Keep every booking (demand id, tonnes, journey legs) in the result, for audits and maps. */
  recordBookings?: boolean;
  onProgress?: (day: number, days: number) => void;
  signal?: AbortSignal;
}

export interface Booking {
  demandId: string;
  tonnes: number;
  releaseMin: number;
  legs: JourneyLeg[];
}
