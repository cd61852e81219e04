import { dayNumber, findHub, formatMinute, FourportsInputError, MIN_PER_DAY, weekdayIndex, type Mode, type Scenario } from "@fourports/network";
import { ConnectionScan, type JourneyLeg } from "./csa.js";
import { paretoJourneys } from "./mcsa.js";
import type { RoutingNetwork } from "./network.js";

/** What a route query minimises: arrival time, cost per tonne, CO2 per tonne. */
export type RouteCriterion = "time" | "cost" | "co2";

/** The criteria a route query accepts, in the order results list them. */
export const ROUTE_CRITERIA: readonly RouteCriterion[] = ["time", "cost", "co2"];

/** One leg of a route answer, with its times as local date-times for reading. */
export interface RouteLeg {
  /** The service id, or null for a truck transfer between hubs. */
  serviceId: string | null;
  /** The service's mode; "road" for a truck transfer. */
  mode: Mode | "road";
  /** Hub id where the leg starts. */
  fromHub: string;
  /** Hub id where it ends. */
  toHub: string;
  /** Departure, minutes since the epoch. */
  departMin: number;
  /** Arrival, minutes since the epoch. */
  arriveMin: number;
  /** "YYYY-MM-DD HH:MM", Asia/Shanghai. */
  departs: string;
  /** Arrival as "YYYY-MM-DD HH:MM", Asia/Shanghai. */
  arrives: string;
}

/** One journey of a route answer. */
export interface RouteJourney {
  /** Arrival at the destination, minutes since the epoch. */
  arriveMin: number;
  /** Arrival as "YYYY-MM-DD HH:MM", Asia/Shanghai. */
  arrives: string;
  /** From the ready time to the arrival. */
  durationMin: number;
  /** Per tonne; null for the earliest-arrival query, which does not count cost. */
  costCny: number | null;
  /** Per tonne; null for the earliest-arrival query. */
  co2Kg: number | null;
  /** The legs in order. */
  legs: RouteLeg[];
}

/** The answer of `routeQuery`: plain JSON. */
export interface RouteAnswer {
  /** Id of the scenario routed on. */
  scenarioId: string;
  /** Hub id of the origin, as resolved from the query. */
  fromHub: string;
  /** Hub id of the destination, as resolved from the query. */
  toHub: string;
  /** The cargo's ready time at the origin. */
  departMin: number;
  /** The ready time as "YYYY-MM-DD HH:MM", Asia/Shanghai. */
  departs: string;
  /** The criteria the journeys were chosen by. */
  criteria: RouteCriterion[];
  /** The earliest journey (criteria time), or the journeys no other beats on every criterion; empty when none. */
  journeys: RouteJourney[];
  /** The Pareto label sets were capped: the list may miss journeys. */
  truncated: boolean;
  /** How far past the ready time the Pareto search looked (30 days); null for the earliest-arrival query, which searches the horizon. */
  windowMin: number | null;
}

/** What to ask `routeQuery`. */
export interface RouteQuery {
  /** Hub ids, English or Chinese names or cities, as `findHub` takes them. */
  from: string;
  /** The destination, in any form `from` takes. */
  to: string;
  /** Minutes since the epoch; default: Monday 08:00 two weeks before the horizon ends, when every measure of the year is in place. */
  departMin?: number;
  /** Default ["time"]: the earliest arrival. */
  criteria?: RouteCriterion[];
}

const PARETO_WINDOW_MIN = 30 * MIN_PER_DAY;

/** Monday 08:00 two weeks before the horizon ends. */
function defaultDeparture(sc: Scenario): number {
  const d = sc.horizonDays - 14;
  return (d - weekdayIndex(dayNumber(sc.epoch) + d)) * MIN_PER_DAY + 8 * 60;
}

function legsOf(sc: Scenario, legs: JourneyLeg[]): RouteLeg[] {
  return legs.map((l) => ({
    serviceId: l.kind === "service" ? l.serviceId : null,
    mode: l.kind === "service" ? l.mode : "road",
    fromHub: l.fromHub,
    toHub: l.toHub,
    departMin: l.departMin,
    arriveMin: l.arriveMin,
    departs: formatMinute(sc.epoch, l.departMin),
    arrives: formatMinute(sc.epoch, l.arriveMin),
  }));
}

function checkCriteria(criteria: unknown): RouteCriterion[] {
  const ok = Array.isArray(criteria) && criteria.length > 0 && criteria.every((c) => (ROUTE_CRITERIA as readonly unknown[]).includes(c));
  if (!ok || new Set(criteria).size !== criteria.length) {
    throw new FourportsInputError("invalid-option", `routeQuery: criteria: expected distinct values of ${ROUTE_CRITERIA.join(", ")}, got ${JSON.stringify(criteria)}`);
  }
  return ROUTE_CRITERIA.filter((c) => (criteria as unknown[]).includes(c));
}

/**
 * The journeys from one hub to another for cargo ready at a time: with the criterion time
 * alone, the earliest arrival; otherwise the Pareto-optimal journeys over the criteria chosen
 * (from the full time/cost/CO2 Pareto set, those no other beats on every chosen criterion).
 * @throws FourportsInputError for an unknown hub, bad criteria or a ready time outside the horizon.
 */
export function routeQuery(scenario: Scenario, net: RoutingNetwork, query: RouteQuery): RouteAnswer {
  const criteria = checkCriteria(query.criteria ?? ["time"]);
  const from = findHub(scenario, query.from);
  const to = findHub(scenario, query.to);
  const departMin = query.departMin ?? defaultDeparture(scenario);
  if (!Number.isInteger(departMin) || departMin < 0 || departMin >= scenario.horizonDays * MIN_PER_DAY) {
    throw new FourportsInputError("invalid-option", `routeQuery: departMin: ${departMin} lies outside the scenario's horizon (${scenario.epoch} + ${scenario.horizonDays} days)`);
  }
  const fromIndex = net.hubIds.indexOf(from.id);
  const toIndex = net.hubIds.indexOf(to.id);
  const base = { scenarioId: scenario.id, fromHub: from.id, toHub: to.id, departMin, departs: formatMinute(scenario.epoch, departMin), criteria };
  if (criteria.length === 1 && criteria[0] === "time") {
    const scan = new ConnectionScan(net);
    scan.run(fromIndex, departMin, { target: toIndex });
    const j = scan.journey(toIndex);
    const journeys = j ? [{ arriveMin: j.arriveMin, arrives: formatMinute(scenario.epoch, j.arriveMin), durationMin: j.arriveMin - departMin, costCny: null, co2Kg: null, legs: legsOf(scenario, j.legs) }] : [];
    return { ...base, journeys, truncated: false, windowMin: null };
  }
  const res = paretoJourneys(net, fromIndex, toIndex, departMin, { windowMin: PARETO_WINDOW_MIN });
  const value = (j: { arriveMin: number; costCny: number; co2Kg: number }, c: RouteCriterion): number => (c === "time" ? j.arriveMin : c === "cost" ? j.costCny : j.co2Kg);
  const beats = (k: (typeof res.journeys)[number], j: (typeof res.journeys)[number]): boolean =>
    criteria.every((c) => value(k, c) <= value(j, c)) && criteria.some((c) => value(k, c) < value(j, c));
  const keep = res.journeys.filter((j) => !res.journeys.some((k) => k !== j && beats(k, j)));
  return {
    ...base,
    journeys: keep.map((j) => ({ arriveMin: j.arriveMin, arrives: formatMinute(scenario.epoch, j.arriveMin), durationMin: j.arriveMin - departMin, costCny: j.costCny, co2Kg: j.co2Kg, legs: legsOf(scenario, j.legs) })),
    truncated: res.truncated,
    windowMin: PARETO_WINDOW_MIN,
  };
}
