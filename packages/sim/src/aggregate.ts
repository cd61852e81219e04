import type { Mode, PortGroup } from "@fourports/network";
import type { ReplicationResult } from "./result.js";
import type { TargetSpec } from "./run.js";
import { stat, type Stat } from "./stats.js";

/** One target as the simulation measures it across replications. */
export interface TargetOutcome {
  /** Target id. */
  id: string;
  /** The metric the target counts. */
  metric: string;
  /** How the value is compared with the goal. */
  comparator: TargetSpec["comparator"];
  /** The goal, in the metric's unit. */
  goal: number;
  /** The metric over the replications; null when the simulation does not count this metric. */
  value: Stat | null;
  /** Share of replications in which the target was met; null as above. */
  pMet: number | null;
}

/**
 * Replications of one scenario summarised: each figure of {@link ReplicationResult} as a spread across
 * replications.
 */
export interface SimulationSummary {
  /** One outcome per target spec given. */
  targets: TargetOutcome[];
  /** Year totals: releasedT, deliveredT, inTransitAtHorizonT, unserved by reason, missed connections, … */
  totals: Record<string, Stat>;
  /** Throughput at the home city's ports by port group and mode, across replications. */
  ports: {
    /** The port group of the hubs. */
    portGroup: PortGroup;
    /** The mode of the services. */
    mode: Mode;
    /** Loaded plus unloaded tonnes over the horizon. */
    throughputT: Stat;
    /** Mean loaded plus unloaded tonnes per month of the first year, January first. */
    monthlyMeanT: number[];
  }[];
  /** How each line's departures were used, across replications. */
  lines: {
    /** Line id. */
    line: string;
    /** Mode of the line's services. */
    mode: Mode;
    /** Departures the timetable offers (path slots for on-demand services). */
    slots: number;
    /** Departures that ran. */
    ran: Stat;
    /** On-demand slots left unused (too little cargo or no vehicle). */
    notRun: Stat;
    /** Departures cancelled. */
    cancelled: Stat;
    /** Tonnes carried over the capacity of the departures that ran (first leg). */
    utilisation: Stat;
  }[];
  /** The gauge-change queue of each border crossing, across replications. */
  crossings: {
    /** Hub id of the crossing. */
    hub: string;
    /** Gauge-change tracks: trains changed at once. */
    tracks: number;
    /** This network's trains that passed. */
    trains: Stat;
    /** Background trains (other cities' China-Europe trains) that passed. */
    backgroundTrains: Stat;
    /** Mean dwell of this network's trains (waiting for a track plus the gauge change), minutes. */
    meanDwellMin: Stat;
    /** 95th percentile of that dwell, minutes. */
    p95DwellMin: Stat;
    /** Time-weighted mean of trains waiting for a track. */
    meanQueue: Stat;
    /** Most trains waiting for a track at once. */
    maxQueue: Stat;
    /** Time-weighted mean share of the tracks busy. */
    utilisation: Stat;
  }[];
  /** The handling queue of each hub with a handling limit, across replications. */
  hubs: {
    /** Hub id. */
    hub: string;
    /** Mean handling queue of the daily samples, tonnes. */
    meanBacklogT: Stat;
    /** Largest handling queue of the daily samples, tonnes. */
    maxBacklogT: Stat;
    /** Work handled over what the handling rate allowed in the horizon. */
    utilisation: Stat;
    /** Arrivals held at the gate because the yard was full. */
    blockedArrivals: Stat;
  }[];
  /** How each demand flow's consignments fared, across replications. */
  corridors: {
    /** Demand flow id. */
    flow: string;
    /** Origin hub id. */
    from: string;
    /** Destination hub id. */
    to: string;
    /** Share of delivered tonnes that arrived no later than first booked (+ 60 min). */
    onTimeShare: Stat;
    /** Median door-to-door hours of delivered consignments. */
    p50DoorToDoorH: Stat;
    /** 95th percentile door-to-door hours of delivered consignments. */
    p95DoorToDoorH: Stat;
  }[];
  /** The places that bind most, by mean utilisation (crossings, hubs, lines), highest first. */
  bottlenecks: {
    /** What binds: a border crossing, a hub's handling or a line's departures. */
    kind: "crossing" | "hub" | "line";
    /** Hub id (crossing, hub) or line id. */
    id: string;
    /** Mean utilisation across replications. */
    utilisation: number;
    /** A one-line explanation for reports, e.g. the mean queue and P95 dwell at a crossing. */
    detail: string;
  }[];
}

const met = (v: number, s: TargetSpec): boolean => (s.comparator === ">=" ? v >= s.value : s.comparator === ">" ? v > s.value : v <= s.value);

/** Collects one number per replication for each key of a keyed list (0 where a replication lacks the key). */
function byKey<T>(runs: readonly ReplicationResult[], list: (r: ReplicationResult) => readonly T[], key: (x: T) => string): Map<string, (T | undefined)[]> {
  const out = new Map<string, (T | undefined)[]>();
  runs.forEach((r, i) => {
    for (const x of list(r)) {
      const k = key(x);
      let col = out.get(k);
      if (!col) out.set(k, (col = new Array<T | undefined>(runs.length).fill(undefined)));
      col[i] = x;
    }
  });
  return out;
}

/** Aggregates replications (in replication order, so the result does not depend on who ran them). */
export function aggregate(runs: readonly ReplicationResult[], targets: readonly TargetSpec[]): SimulationSummary {
  const col = <T>(xs: readonly (T | undefined)[], f: (x: T) => number): Stat => stat(xs.map((x) => (x === undefined ? 0 : f(x))));
  const targetOut = targets.map((s): TargetOutcome => {
    const values = runs.map((r) => r.targets[s.id]);
    if (values.some((v) => v === null || v === undefined)) return { id: s.id, metric: s.metric, comparator: s.comparator, goal: s.value, value: null, pMet: null };
    const vs = values as number[];
    return { id: s.id, metric: s.metric, comparator: s.comparator, goal: s.value, value: stat(vs), pMet: vs.filter((v) => met(v, s)).length / vs.length };
  });
  const totals: Record<string, Stat> = {};
  const total = (name: string, f: (r: ReplicationResult) => number): void => {
    totals[name] = stat(runs.map(f));
  };
  total("releasedT", (r) => r.releasedT);
  total("deliveredT", (r) => r.deliveredT);
  total("inTransitAtHorizonT", (r) => r.inTransitAtHorizonT);
  total("unservedCapacityT", (r) => r.unservedT.capacity);
  total("unservedTooLateT", (r) => r.unservedT["too late"]);
  total("unservedNoRouteT", (r) => r.unservedT["no route"]);
  total("missedConnections", (r) => r.missedConnections);
  total("rebookings", (r) => r.rebookings);
  total("rebookingDelayH", (r) => r.rebookingDelayH);
  total("consolidationHolds", (r) => r.consolidationHolds);
  total("tonneKm", (r) => r.tonneKm);
  total("costCny", (r) => r.costCny);
  total("co2Kg", (r) => r.co2Kg);
  total("events", (r) => r.events);

  const ports = [...byKey(runs, (r) => r.ports, (p) => `${p.portGroup}/${p.mode}`)].map(([k, xs]) => {
    const [portGroup, mode] = k.split("/") as [PortGroup, Mode];
    const monthlyMeanT = Array.from({ length: 12 }, (_, mo) => xs.reduce((s, x) => s + (x?.monthlyT[mo] ?? 0), 0) / runs.length);
    return { portGroup, mode, throughputT: col(xs, (x) => x.loadedT + x.unloadedT), monthlyMeanT };
  });
  const lines = [...byKey(runs, (r) => r.lines, (l) => l.line)].map(([line, xs]) => {
    const any = xs.find((x) => x !== undefined)!;
    return { line, mode: any.mode, slots: any.slots, ran: col(xs, (x) => x.ran), notRun: col(xs, (x) => x.notRun), cancelled: col(xs, (x) => x.cancelled), utilisation: col(xs, (x) => x.utilisation) };
  });
  const crossings = [...byKey(runs, (r) => r.crossings, (c) => c.hub)].map(([hub, xs]) => ({
    hub,
    tracks: xs.find((x) => x !== undefined)!.tracks,
    trains: col(xs, (x) => x.trains),
    backgroundTrains: col(xs, (x) => x.backgroundTrains),
    meanDwellMin: col(xs, (x) => x.dwellMin.mean),
    p95DwellMin: col(xs, (x) => x.dwellMin.p95),
    meanQueue: col(xs, (x) => x.meanQueue),
    maxQueue: col(xs, (x) => x.maxQueue),
    utilisation: col(xs, (x) => x.utilisation),
  }));
  const hubs = [...byKey(runs, (r) => r.hubs, (h) => h.hub)].map(([hub, xs]) => ({
    hub,
    meanBacklogT: col(xs, (x) => x.meanBacklogT),
    maxBacklogT: col(xs, (x) => x.maxBacklogT),
    utilisation: col(xs, (x) => x.utilisation),
    blockedArrivals: col(xs, (x) => x.blockedArrivals),
  }));
  const corridors = [...byKey(runs, (r) => r.corridors, (c) => c.flow)].map(([flow, xs]) => {
    const any = xs.find((x) => x !== undefined)!;
    return {
      flow,
      from: any.from,
      to: any.to,
      onTimeShare: col(xs, (x) => x.onTimeShare),
      p50DoorToDoorH: col(xs, (x) => x.doorToDoorH.p50),
      p95DoorToDoorH: col(xs, (x) => x.doorToDoorH.p95),
    };
  });
  const bottlenecks = [
    ...crossings.map((c) => ({ kind: "crossing" as const, id: c.hub, utilisation: c.utilisation.mean, detail: `mean queue ${c.meanQueue.mean.toFixed(1)} trains, P95 dwell ${(c.p95DwellMin.mean / 60).toFixed(1)} h` })),
    ...hubs.map((h) => ({ kind: "hub" as const, id: h.hub, utilisation: h.utilisation.mean, detail: `mean backlog ${Math.round(h.meanBacklogT.mean)} t, max ${Math.round(h.maxBacklogT.mean)} t` })),
    ...lines.map((l) => ({ kind: "line" as const, id: l.line, utilisation: l.utilisation.mean, detail: `${Math.round(l.ran.mean)} of ${l.slots} departures ran` })),
  ]
    .sort((a, b) => b.utilisation - a.utilisation || (a.id < b.id ? -1 : 1))
    .slice(0, 10);
  return { targets: targetOut, totals, ports, lines, crossings, hubs, corridors, bottlenecks };
}
