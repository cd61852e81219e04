import { MultiDirectedGraph } from "graphology";
import { MIN_PER_WEEK } from "./dates.js";
import type { Hub, Mode, Scenario, Schedule } from "./types.js";

/** Node attributes of the scenario graph: the hub itself. */
export type HubAttributes = Hub;

/** Edge attributes of a service: one edge per service from its origin to its destination. */
export interface ServiceEdgeAttributes {
  /** Discriminant: a scheduled or on-demand service. */
  kind: "service";
  /** Id of the service. */
  serviceId: string;
  /** Line id the service belongs to. */
  line: string;
  /** Transport mode. */
  mode: Mode;
  /** Intermediate calls, in order. */
  via: string[];
  /** Distance origin to destination, km. */
  distanceKm: number;
  /** Running time origin to destination, minutes. */
  durationMin: number;
  /** Tonnes one trip can carry. */
  capacityT: number;
  /** TEU one trip can carry (0 where the service states none). */
  capacityTeu: number;
  /** Price to carry one tonne origin to destination, CNY. */
  tariffCnyPerT: number;
  /** True when the service crosses a border. */
  international: boolean;
  /** Departures in a full week as written in the schedule, before dates and closures. */
  nominalPerWeek: number;
}

/** Edge attributes of a road transfer link between hubs (one edge per direction it can be used). */
export interface TransferEdgeAttributes {
  /** Discriminant: a transfer link. */
  kind: "transfer";
  /** Transfer links are driven by truck. */
  mode: "road";
  /** Road distance, km. */
  distanceKm: number;
  /** Driving time, minutes. */
  durationMin: number;
}

/** Attributes of an edge of the scenario graph: a service or a transfer link. */
export type EdgeAttributes = ServiceEdgeAttributes | TransferEdgeAttributes;

/** A scenario as a graphology multigraph: hubs are nodes, services and transfer links are directed edges. */
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
