import type { Timetable } from "./timetable.js";
import { MODES, type HubKind, type Mode, type PortGroup, type Scenario } from "./types.js";

/** Weekly trips and capacity at the home city's hubs of one port group by one mode. */
export interface CapacityRow {
  /** The port group of the hubs. */
  portGroup: PortGroup;
  /** The mode of the services. */
  mode: Mode;
  /** Trips leaving a home-city hub of this port group, per week. */
  departuresPerWeek: number;
  /** Trips arriving at one, per week. */
  arrivalsPerWeek: number;
  /** Capacity of those departures and arrivals together. */
  capacityTPerWeek: number;
  /** TEU capacity of those departures and arrivals together (0 where services state none). */
  capacityTeuPerWeek: number;
}

/** What a scenario contains and what its timetable offers, counted (see {@link summarizeScenario}). */
export interface ScenarioSummary {
  /** Id of the scenario. */
  id: string;
  /** Date of minute 0. */
  epoch: string;
  /** Days in the horizon. */
  horizonDays: number;
  /** Hubs in the scenario. */
  hubCount: number;
  /** Hubs by kind. */
  hubsByKind: Partial<Record<HubKind, number>>;
  /** Ids of the hubs in the home city, in scenario order. */
  homeHubs: string[];
  /** Services in the scenario. */
  serviceCount: number;
  /** Services by mode. */
  servicesByMode: Partial<Record<Mode, number>>;
  /** Distinct line ids. */
  lineCount: number;
  /** Trips that run in the horizon, from the timetable. */
  tripCount: number;
  /** Departures in the horizon that did not run because a hub or the service was closed. */
  cancelledTrips: number;
  /** Demand of all flows, tonnes over the horizon's year. */
  demandTPerYear: number;
  /** Average week over the horizon, at the home city's hubs, by the hub's port group and mode. */
  weekly: CapacityRow[];
}

/** Counts and weekly capacity at the home city's ports, from a scenario and its timetable. */
export function summarizeScenario(scenario: Scenario, timetable: Timetable): ScenarioSummary {
  const count = <K extends string>(keys: K[]): Partial<Record<K, number>> => {
    const out: Partial<Record<K, number>> = {};
    for (const k of keys) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const groupOfHub = scenario.hubs.map((h) => (h.city === scenario.homeCity ? h.portGroup : null));
  const weeks = timetable.horizonMin / 10080;
  const rows = new Map<string, CapacityRow>();
  const row = (g: PortGroup, m: Mode): CapacityRow => {
    const key = `${g}/${m}`;
    let r = rows.get(key);
    if (!r) {
      r = { portGroup: g, mode: m, departuresPerWeek: 0, arrivalsPerWeek: 0, capacityTPerWeek: 0, capacityTeuPerWeek: 0 };
      rows.set(key, r);
    }
    return r;
  };
  for (let i = 0; i < timetable.length; i++) {
    const mode = MODES[timetable.serviceMode[timetable.service[i]!]!]!;
    const gd = groupOfHub[timetable.depHub[i]!];
    const ga = groupOfHub[timetable.arrHub[i]!];
    for (const [g, dir] of [[gd, "d"], [ga, "a"]] as const) {
      if (!g) continue;
      const r = row(g, mode);
      if (dir === "d") r.departuresPerWeek += 1 / weeks;
      else r.arrivalsPerWeek += 1 / weeks;
      r.capacityTPerWeek += timetable.capacityT[i]! / weeks;
      r.capacityTeuPerWeek += timetable.capacityTeu[i]! / weeks;
    }
  }
  const weekly = [...rows.values()].sort((a, b) =>
    a.portGroup === b.portGroup ? MODES.indexOf(a.mode) - MODES.indexOf(b.mode) : a.portGroup < b.portGroup ? -1 : 1,
  );
  return {
    id: scenario.id,
    epoch: scenario.epoch,
    horizonDays: scenario.horizonDays,
    hubCount: scenario.hubs.length,
    hubsByKind: count(scenario.hubs.map((h) => h.kind)),
    homeHubs: scenario.hubs.filter((h) => h.city === scenario.homeCity).map((h) => h.id),
    serviceCount: scenario.services.length,
    servicesByMode: count(scenario.services.map((s) => s.mode)),
    lineCount: new Set(scenario.services.map((s) => s.line)).size,
    tripCount: timetable.tripCount,
    cancelledTrips: timetable.cancelledTrips,
    demandTPerYear: scenario.demand.reduce((a, d) => a + d.tPerYear, 0),
    weekly,
  };
}
