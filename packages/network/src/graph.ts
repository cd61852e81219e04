import { MultiDirectedGraph } from "graphology";
import { MIN_PER_WEEK } from "./dates.js";
import type { Hub, Mode, Scenario, Schedule } from "./types.js";

export type HubAttributes = Hub;

export interface ServiceEdgeAttributes {
  kind: "service";
  serviceId: string;
  line: string;
  mode: Mode;
  /** Intermediate calls, in order. */
  via: string[];
  distanceKm: number;
  durationMin: number;
  capacityT: number;
  capacityTeu: number;
  tariffCnyPerT: number;
  international: boolean;
  /** Departures in a full week as written in the schedule, before dates and closures. */
  nominalPerWeek: number;
}

export interface TransferEdgeAttributes {
  kind: "transfer";
  mode: "road";
  distanceKm: number;
  durationMin: number;
}

export type EdgeAttributes = ServiceEdgeAttributes | TransferEdgeAttributes;

export type ScenarioGraph = MultiDirectedGraph<HubAttributes, EdgeAttributes>;

/** Departures per week a schedule promises; a departure list is averaged over the horizon. */
export function nominalPerWeek(schedule: Schedule, horizonDays: number): number {
  switch (schedule.type) {
    case "weekly":
      return schedule.days.length * schedule.times.length;
    case "frequency":
      return schedule.perWeek ?? (schedule.perDay ?? 0) * 7;
    case "departures":
      return (schedule.at.length * MIN_PER_WEEK) / (horizonDays * 1440);
  }
}

/**
 * The scenario as a graphology multigraph: hubs are nodes keyed by id, each service one edge
 * keyed by its id (origin to destination; `via` lists the calls between), each transfer link
 * one edge per usable direction keyed "transfer:FROM>TO".
 */
export function toGraph(scenario: Scenario): ScenarioGraph {
  const g: ScenarioGraph = new MultiDirectedGraph<HubAttributes, EdgeAttributes>();
  for (const h of scenario.hubs) g.addNode(h.id, { ...h });
  for (const s of scenario.services) {
    g.addDirectedEdgeWithKey(s.id, s.from, s.to, {
      kind: "service",
      serviceId: s.id,
      line: s.line,
      mode: s.mode,
      via: (s.via ?? []).map((v) => v.hub),
      distanceKm: s.distanceKm,
      durationMin: s.durationMin,
      capacityT: s.capacityT,
      capacityTeu: s.capacityTeu ?? 0,
      tariffCnyPerT: s.tariffCnyPerT,
      international: s.international,
      nominalPerWeek: nominalPerWeek(s.schedule, scenario.horizonDays),
    });
  }
  for (const t of scenario.transfers) {
    const attrs: TransferEdgeAttributes = { kind: "transfer", mode: "road", distanceKm: t.distanceKm, durationMin: t.durationMin };
    g.addDirectedEdgeWithKey(`transfer:${t.from}>${t.to}`, t.from, t.to, attrs);
    if (t.bidirectional && !g.hasEdge(`transfer:${t.to}>${t.from}`)) {
      g.addDirectedEdgeWithKey(`transfer:${t.to}>${t.from}`, t.to, t.from, { ...attrs });
    }
  }
  return g;
}
