import type { Assignment, DemandOutcome, DispatchSummary, PortThroughput, UnservedReason } from "./assign-types.js";

/** A year's assignment in totals: what every plain view of it (summary, planner's view) starts from. */
export interface AssignmentTotals {
  /** Tonnes the demand flows released over the year. */
  demandT: number;
  /** Tonnes delivered. */
  servedT: number;
  /** Tonnes not delivered, by reason. */
  unservedT: Record<UnservedReason, number>;
  /** Tonne-kilometres carried (trucking transfers included). */
  tonneKm: number;
  /** Tariffs and trucking paid, CNY. */
  costCny: number;
  /** Emissions, kg CO2e. */
  co2Kg: number;
  /** Bookings in the final assignment (one per journey a batch was split over). */
  bookings: number;
  /** On-demand path slots, those that ran, and those below their minimum load. */
  dispatch: DispatchSummary;
}

/** The totals of an assignment (copies; the assignment is not changed). */
export function assignmentTotals(a: Assignment): AssignmentTotals {
  return {
    demandT: a.demand.reduce((s, d) => s + d.demandT, 0),
    servedT: a.servedT,
    unservedT: { ...a.unservedT },
    tonneKm: a.tonneKm,
    costCny: a.costCny,
    co2Kg: a.co2Kg,
    bookings: a.bookings,
    dispatch: { ...a.dispatch },
  };
}

/**
 * An {@link Assignment} as plain numbers, without its per-connection and per-hub-day typed
 * arrays: what a notebook shows, a log keeps or `JSON.stringify` writes. (`JSON.stringify` of
 * an Assignment itself writes every typed array as an object keyed "0", "1", … — megabytes for a
 * year; the arrays stay typed in the Assignment because the simulation and targets index them.)
 */
export interface AssignmentSummary extends AssignmentTotals {
  /** The scenario assigned. */
  scenarioId: string;
  /** Connections of the timetable, and how many carried any tonnes. */
  connections: number;
  /** Connections that carried any tonnes. */
  connectionsUsed: number;
  /** Trips of the timetable, and how many ran. */
  trips: number;
  /** Trips that ran (every scheduled trip; the on-demand slots that were dispatched). */
  tripsRan: number;
  /** Loaded and unloaded tonnes at the home city's hubs, by port group and mode. */
  ports: PortThroughput[];
  /** Demand flows with some tonnes unserved, most unserved first. */
  shortfalls: DemandOutcome[];
}

/** The plain view of an assignment (copies; the assignment is not changed). */
export function assignmentSummary(a: Assignment): AssignmentSummary {
  let used = 0;
  for (const t of a.connectionT) if (t > 0) used++;
  let ran = 0;
  for (const r of a.tripRan) ran += r;
  const unserved = (d: DemandOutcome): number => d.demandT - d.servedT;
  return {
    scenarioId: a.scenarioId,
    ...assignmentTotals(a),
    connections: a.connectionT.length,
    connectionsUsed: used,
    trips: a.tripRan.length,
    tripsRan: ran,
    ports: a.ports.map((p) => ({ ...p })),
    shortfalls: a.demand
      .filter((d) => unserved(d) > 0)
      .sort((x, y) => unserved(y) - unserved(x) || (x.demandId < y.demandId ? -1 : x.demandId > y.demandId ? 1 : 0))
      .map((d) => ({ ...d, unservedT: { ...d.unservedT } })),
  };
}
