import type { Hub, Scenario, Service, Timetable } from "@fourports/network";
import type { JourneyLeg } from "@fourports/routing";

/** What vehicles carried on a timetable: an assignment's loads, or a simulated year's. */
export interface ConnectionLoads {
  /** Tonnes carried on each connection of the timetable. */
  connectionT: Float64Array;
  /** TEU carried on each connection of the timetable. */
  connectionTeu: Float64Array;
  /** Per trip: 1 when it ran (an on-demand slot that did not run, or a cancelled trip, is 0). */
  tripRan: Uint8Array;
}

/** A part of the horizon, minutes since the epoch, [fromMin, toMin). */
export interface ThroughputPeriod {
  /** First minute included. */
  fromMin: number;
  /** First minute after the period (exclusive end). */
  toMin: number;
}

/**
 * A throughput figure as the targets count it, from the loads on a timetable: tonnes loaded
 * plus unloaded at the hubs (transit cargo at an airport counts twice, arriving and leaving, as
 * airport statistics do), trains and lines that ran with cargo, departures plus arrivals. Null
 * for metrics that are not throughput (lines open, dates, access times). The assignment and the
 * simulation count with this one function, so their figures mean the same.
 */
export function throughputValue(
  metric: string,
  hubs: readonly string[] | undefined,
  scenario: Scenario,
  t: Timetable,
  a: ConnectionLoads,
  period?: ThroughputPeriod,
): number | null {
  // A departure counts in the period it leaves in, an arrival in the period it arrives in.
  const lo = period?.fromMin ?? -Infinity;
  const hi = period?.toMin ?? t.horizonMin;
  const inDep = (c: number): boolean => t.depMin[c]! >= lo && t.depMin[c]! < hi;
  const inArr = (c: number): boolean => t.arrMin[c]! >= lo && t.arrMin[c]! < hi;
  const home = (h: Hub): boolean => h.city === scenario.homeCity;
  const kind = (kinds: Hub["kind"][]): Set<number> => {
    const s = new Set<number>();
    scenario.hubs.forEach((h, i) => {
      if (home(h) && kinds.includes(h.kind)) s.add(i);
    });
    return s;
  };
  const named = (): Set<number> => new Set(scenario.hubs.flatMap((h, i) => (hubs?.includes(h.id) ? [i] : [])));
  const tonnes = (at: Set<number>, keep: (s: Service) => boolean, per: Float64Array = a.connectionT): number => {
    let sum = 0;
    for (let c = 0; c < t.length; c++) {
      const load = per[c]!;
      if (load === 0 || !keep(scenario.services[t.service[c]!]!)) continue;
      if (at.has(t.depHub[c]!) && inDep(c)) sum += load;
      if (at.has(t.arrHub[c]!) && inArr(c)) sum += load;
    }
    return sum;
  };
  /**
   * Trips that ran and carried cargo, counted once per departure from and arrival at the hubs:
   * an on-demand path slot counts only if its trip ran (Assignment.tripRan), never as a slot.
   */
  const trips = (at: Set<number>, keep: (s: Service) => boolean): { moves: number; lines: Set<string> } => {
    const loaded = new Uint8Array(t.tripCount);
    for (let c = 0; c < t.length; c++) if (a.connectionT[c]! > 0 && a.tripRan[t.trip[c]!]) loaded[t.trip[c]!] = 1;
    let moves = 0;
    const lines = new Set<string>();
    for (let c = 0; c < t.length; c++) {
      if (!loaded[t.trip[c]!]) continue;
      const s = scenario.services[t.service[c]!]!;
      if (!keep(s)) continue;
      const hit = (at.has(t.depHub[c]!) && inDep(c) ? 1 : 0) + (at.has(t.arrHub[c]!) && inArr(c) ? 1 : 0);
      if (hit > 0) lines.add(s.line);
      moves += hit;
    }
    return { moves, lines };
  };
  const cre = (s: Service): boolean => s.mode === "rail" && s.international;
  switch (metric) {
    case "air-cargo-t":
      return tonnes(named(), (s) => s.mode === "air");
    case "air-cargo-intl-t":
      return tonnes(named(), (s) => s.mode === "air" && s.international);
    case "air-cargo-dom-t":
      return tonnes(named(), (s) => s.mode === "air" && !s.international);
    case "cre-trains":
      return trips(kind(["rail-terminal"]), cre).moves;
    case "cre-lines":
      return trips(kind(["rail-terminal"]), cre).lines.size;
    case "cre-t":
      return tonnes(kind(["rail-terminal"]), cre);
    case "hsr-t":
      return tonnes(kind(["hsr-station"]), (s) => s.mode === "hsr");
    case "hsr-lines":
      return trips(kind(["hsr-station"]), (s) => s.mode === "hsr").lines.size;
    case "river-port-t":
      return tonnes(named(), (s) => s.mode === "river");
    case "river-port-teu":
      return tonnes(named(), (s) => s.mode === "river", a.connectionTeu);
    case "rail-sea-teu": {
      // Domestic rail between the home rail terminals and a seaport.
      const seaport = new Set(scenario.hubs.flatMap((h, i) => (h.kind === "seaport" ? [i] : [])));
      const seaIds = new Set([...seaport].map((i) => scenario.hubs[i]!.id));
      return tonnes(kind(["rail-terminal"]), (s) => s.mode === "rail" && !s.international && (seaIds.has(s.from) || seaIds.has(s.to)), a.connectionTeu);
    }
    default:
      return null;
  }
}

/**
 * What one tonne on a journey adds to a tonnage metric, counted as assignedValue counts it
 * (loaded plus unloaded at the metric's hubs; TEU at the flow's TEU per tonne). Null for
 * metrics that are not tonnages (trains, lines, dates). The aggregate choice model and its fit
 * use it, so the fit and the assignment count alike.
 */
export function metricPerTonne(metric: string, hubs: string[] | undefined, scenario: Scenario, legs: JourneyLeg[], teuPerT: number): number | null {
  const hubOf = new Map(scenario.hubs.map((h) => [h.id, h]));
  const serviceOf = new Map(scenario.services.map((s) => [s.id, s]));
  const homeKind = (kinds: Hub["kind"][]) => (id: string): boolean => {
    const h = hubOf.get(id)!;
    return h.city === scenario.homeCity && kinds.includes(h.kind);
  };
  const named = (id: string): boolean => hubs?.includes(id) ?? false;
  const count = (at: (id: string) => boolean, keep: (s: Service) => boolean): number => {
    let n = 0;
    for (const l of legs) {
      if (l.kind !== "service" || !keep(serviceOf.get(l.serviceId)!)) continue;
      if (at(l.fromHub)) n++;
      if (at(l.toHub)) n++;
    }
    return n;
  };
  switch (metric) {
    case "air-cargo-t":
      return count(named, (s) => s.mode === "air");
    case "air-cargo-intl-t":
      return count(named, (s) => s.mode === "air" && s.international);
    case "air-cargo-dom-t":
      return count(named, (s) => s.mode === "air" && !s.international);
    case "cre-t":
      return count(homeKind(["rail-terminal"]), (s) => s.mode === "rail" && s.international);
    case "hsr-t":
      return count(homeKind(["hsr-station"]), (s) => s.mode === "hsr");
    case "river-port-t":
      return count(named, (s) => s.mode === "river");
    case "river-port-teu":
      return count(named, (s) => s.mode === "river") * teuPerT;
    case "rail-sea-teu": {
      const sea = (id: string): boolean => hubOf.get(id)!.kind === "seaport";
      return count(homeKind(["rail-terminal"]), (s) => s.mode === "rail" && !s.international && (sea(s.from) || sea(s.to))) * teuPerT;
    }
    default:
      return null;
  }
}
