import type { Hub, Scenario, Service, Timetable } from "@fourports/network";

/** Tonnes and TEU carried on each connection of a timetable: an assignment's, or a simulated year's. */
export interface ConnectionLoads {
  connectionT: Float64Array;
  connectionTeu: Float64Array;
}

/**
 * A throughput figure as the targets count it, from the loads on a timetable: tonnes loaded
 * plus unloaded at the hubs (transit cargo at an airport counts twice, arriving and leaving, as
 * airport statistics do), trains and lines that carry cargo, departures plus arrivals. Null for
 * metrics that are not throughput (lines open, dates, access times). The assignment and the
 * simulation count with this one function, so their figures mean the same.
 */
export function throughputValue(metric: string, hubs: readonly string[] | undefined, scenario: Scenario, t: Timetable, a: ConnectionLoads): number | null {
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
      if (at.has(t.depHub[c]!)) sum += load;
      if (at.has(t.arrHub[c]!)) sum += load;
    }
    return sum;
  };
  /** Trips that carry cargo, counted once per departure from and arrival at the hubs. */
  const trips = (at: Set<number>, keep: (s: Service) => boolean): { moves: number; lines: Set<string> } => {
    const loaded = new Uint8Array(t.tripCount);
    for (let c = 0; c < t.length; c++) if (a.connectionT[c]! > 0) loaded[t.trip[c]!] = 1;
    let moves = 0;
    const lines = new Set<string>();
    for (let c = 0; c < t.length; c++) {
      if (!loaded[t.trip[c]!]) continue;
      const s = scenario.services[t.service[c]!]!;
      if (!keep(s)) continue;
      const hit = (at.has(t.depHub[c]!) ? 1 : 0) + (at.has(t.arrHub[c]!) && t.arrMin[c]! < t.horizonMin ? 1 : 0);
      if (hit > 0) lines.add(s.line);
      moves += hit;
    }
    return { moves, lines };
  };
  const cre = (s: Service): boolean => s.mode === "rail" && s.international;
  switch (metric) {
    case "air-cargo-t":
      return tonnes(named(), (s) => s.mode === "air");
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
