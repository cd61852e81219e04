import type { JourneyLeg } from "@fourports/routing";
import type { Mode, PortGroup } from "@fourports/network";
import type { ChoiceParameters } from "./choice.js";

/**
 * Why tonnes were not carried: no journey in the allowed modes at all; journeys exist but were
 * full; none arrives within the transit limit; or the on-demand trip they were booked on did
 * not run (below its minimum load or no vehicle) and nothing else had room in time.
 */
export type UnservedReason = "no route" | "capacity" | "too late" | "not dispatched";
/** Every {@link UnservedReason}, in the order reports list them. */
export const UNSERVED_REASONS: readonly UnservedReason[] = ["no route", "capacity", "too late", "not dispatched"];

/** What became of one demand flow's tonnes. */
export interface DemandOutcome {
  /** Id of the demand flow. */
  demandId: string;
  /** Tonnes the flow released over the horizon. */
  demandT: number;
  /** Tonnes delivered. */
  servedT: number;
  /** Tonnes not delivered, by reason; served plus unserved equals demandT. */
  unservedT: Record<UnservedReason, number>;
}

/** Tonnes loaded and unloaded at the home city's hubs of one port group by one mode over the horizon. */
export interface PortThroughput {
  /** The port group of the hubs (air, rail, road, water). */
  portGroup: PortGroup;
  /** The mode of the services that loaded or unloaded. */
  mode: Mode;
  /** Tonnes loaded onto departing services. */
  loadedT: number;
  /** Tonnes unloaded from arriving services. */
  unloadedT: number;
}

/** On-demand services over the year: path slots, trips that ran, trips that got cargo but not enough. */
export interface DispatchSummary {
  /** Path slots of on-demand services: the most trips that could have run. */
  slots: number;
  /** On-demand trips that ran. */
  ran: number;
  /** Trips that had cargo booked but stayed below minLoadFactor: they did not run, their cargo was rebooked. */
  belowMinimumLoad: number;
}

/** A year of demand assigned to the timetable: where every tonne went, what it cost and what it emitted. */
export interface Assignment {
  /** Id of the scenario assigned. */
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
  /** How the on-demand services were used. */
  dispatch: DispatchSummary;
  /** Tonnes loaded plus unloaded at each hub on each day: [hub × horizonDays + day]. */
  hubDayT: Float64Array;
  /** Loaded and unloaded tonnes at the home city's hubs, by the hub's port group and the mode. */
  ports: PortThroughput[];
  /** One outcome per demand flow, in scenario order. */
  demand: DemandOutcome[];
  /** Tonnes delivered, all flows. */
  servedT: number;
  /** Tonnes not delivered, all flows, by reason. */
  unservedT: Record<UnservedReason, number>;
  /** Tonne-kilometres carried, services plus trucking links. */
  tonneKm: number;
  /** Tariffs plus trucking paid for the tonnes carried, CNY. */
  costCny: number;
  /** CO2 emitted by the tonnes carried, kg. */
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
  /** Called after each day of releases is assigned, with the days done and the days in total. */
  onProgress?: (day: number, days: number) => void;
  /** Aborts the assignment; checked once a day of the horizon. */
  signal?: AbortSignal;
}

/** One batch of a flow booked on one journey. */
export interface Booking {
  /** Id of the demand flow. */
  demandId: string;
  /** Tonnes booked on the journey. */
  tonnes: number;
  /** Minute since the epoch the batch was ready at its origin. */
  releaseMin: number;
  /** The journey's legs: services (with their connections) and trucking links. */
  legs: JourneyLeg[];
}
