import { MODES, type Mode } from "@fourports/network";
import { throughputValue } from "@fourports/flow";
import { DELIVERED, UNSERVED } from "./consignments.js";
import { JsonLinesWriter } from "./event-log.js";
import type { SimLogEvent } from "./log.js";
import { PORT_GROUPS, type SimModel } from "./model.js";
import { Replication } from "./replication.js";
import { spread, type CorridorResult, type CrossingResult, type HubQueueResult, type LineResult, type PortMonthly, type ReplicationResult } from "./result.js";

/** A target as the simulation checks it: plain data, so it can travel to a worker. */
export interface TargetSpec {
  /** Target id. */
  id: string;
  /** A throughput metric the targets count (see throughputValue); others give null. */
  metric: string;
  /**
   * Hubs the metric counts at, for metrics that name hubs; other metrics use the home city's hubs of
   * their kind.
   */
  hubs?: string[];
  /** How the value is compared with the goal. */
  comparator: ">=" | ">" | "<=";
  /** The goal, in the metric's unit. */
  value: number;
}

/** Options of {@link runReplication}. */
export interface RunOptions {
  /** Master seed; with the replication number it fixes every random draw. */
  seed: string | number;
  /** Replication number, 0-based. */
  replication: number;
  /** Targets to count in the result (default none). */
  targets?: readonly TargetSpec[];
  /** Receives every event of the log as it happens. */
  onEvent?: (e: SimLogEvent) => void;
  /** Aborts the replication; checked after each simulated week. */
  signal?: AbortSignal;
}

/** Runs one replication, streaming its event log to a JSON Lines file when one is named. */
export function runLogged(m: SimModel, seed: string | number, replication: number, targets: readonly TargetSpec[], eventLogFile?: string, signal?: AbortSignal): ReplicationResult {
  const writer = eventLogFile === undefined ? null : new JsonLinesWriter(eventLogFile);
  try {
    return runReplication(m, { seed, replication, targets, ...(writer ? { onEvent: writer.write } : {}), ...(signal ? { signal } : {}) });
  } finally {
    writer?.close();
  }
}

/** Runs one replication of a prepared model and returns what it measured. */
export function runReplication(m: SimModel, options: RunOptions): ReplicationResult {
  const r = new Replication(m, options);
  const events = r.run();
  return summarise(r, options.targets ?? [], events, options.replication);
}

function summarise(r: Replication, targets: readonly TargetSpec[], events: number, replication: number): ReplicationResult {
  const m = r.m;
  const rec = r.rec;
  const sc = m.scenario;
  const t = m.timetable;
  const loads = { connectionT: rec.connectionT, connectionTeu: rec.connectionTeu, tripRan: rec.tripRan };
  const targetValues: Record<string, number | null> = {};
  for (const spec of targets) targetValues[spec.id] = throughputValue(spec.metric, spec.hubs, sc, t, loads);

  const ports: PortMonthly[] = [];
  PORT_GROUPS.forEach((portGroup, g) =>
    MODES.forEach((mode, mi) => {
      const base = (g * MODES.length + mi) * 12;
      const monthlyT = Array.from({ length: 12 }, (_, mo) => rec.loadedT[base + mo]! + rec.unloadedT[base + mo]!);
      let loadedT = 0;
      let unloadedT = 0;
      for (let mo = 0; mo < 12; mo++) {
        loadedT += rec.loadedT[base + mo]!;
        unloadedT += rec.unloadedT[base + mo]!;
      }
      if (loadedT > 0 || unloadedT > 0) ports.push({ portGroup, mode, loadedT, unloadedT, monthlyT });
    }),
  );

  // Lines: the first connection of each trip that ran carries the line's capacity once.
  const byLine = new Map<string, LineResult & { capT: number; store: number[] }>();
  sc.services.forEach((s, si) => {
    let e = byLine.get(s.line);
    if (!e) byLine.set(s.line, (e = { line: s.line, mode: s.mode as Mode, slots: 0, ran: 0, cancelled: 0, notRun: 0, carriedT: 0, utilisation: 0, capT: 0, store: [] }));
    e.slots += rec.serviceSlots[si]!;
    e.ran += rec.serviceRan[si]!;
    e.cancelled += rec.serviceCancelled[si]!;
    e.notRun += rec.serviceNotRun[si]!;
    const mean = rec.storeMeanT.get(si);
    if (mean !== undefined) e.store.push(mean);
  });
  for (let trip = 0; trip < t.tripCount; trip++) {
    if (!rec.tripRan[trip]) continue;
    const c = m.tripConns[m.tripStart[trip]!]!;
    const e = byLine.get(sc.services[t.service[c]!]!.line)!;
    e.capT += t.capacityT[c]!;
    let most = 0;
    for (let i = m.tripStart[trip]!; i < m.tripStart[trip + 1]!; i++) most = Math.max(most, rec.connectionT[m.tripConns[i]!]!);
    e.carriedT += most;
  }
  const lines = [...byLine.values()]
    .filter((e) => e.slots > 0)
    .map(({ capT, store, ...e }): LineResult => ({
      ...e,
      utilisation: capT > 0 ? e.carriedT / capT : 0,
      ...(store.length > 0 ? { meanConsolidatingT: store.reduce((a, b) => a + b, 0) } : {}),
    }))
    .sort((a, b) => (a.line < b.line ? -1 : 1));

  const corridors: CorridorResult[] = sc.demand.map((d, f) => ({
    flow: d.id,
    from: d.from,
    to: d.to,
    deliveredT: rec.deliveredByFlow[f]!,
    onTimeShare: rec.deliveredByFlow[f]! > 0 ? rec.onTimeByFlow[f]! / rec.deliveredByFlow[f]! : 0,
    doorToDoorH: spread(rec.doorMinByFlow[f]!.map((x) => x / 60)),
  }));

  const hubs: HubQueueResult[] = [];
  const crossings: CrossingResult[] = [];
  const horizonMin = t.horizonMin;
  const days = sc.horizonDays;
  const monthly = (arr: Float64Array, h: number): number[] =>
    Array.from({ length: 12 }, (_, mo) => (rec.daysByMonth[mo]! > 0 ? arr[h * 12 + mo]! / rec.daysByMonth[mo]! : 0));
  const meanOf = (arr: Float64Array, h: number): number => {
    let s = 0;
    for (let mo = 0; mo < 12; mo++) s += arr[h * 12 + mo]!;
    return s / days;
  };
  sc.hubs.forEach((hub, h) => {
    const rate = m.hubRatePerMin[h]!;
    if (rate !== Infinity || m.hubStorageT[h] !== Infinity) {
      hubs.push({
        hub: hub.id,
        meanBacklogT: meanOf(rec.backlogByMonth, h),
        maxBacklogT: rec.backlogMax[h]!,
        monthlyBacklogT: monthly(rec.backlogByMonth, h),
        utilisation: rate === Infinity ? 0 : r.freight.handling[h]!.work / (rate * horizonMin),
        blockedArrivals: rec.blockedArrivals[h]!,
        blockedHours: rec.blockedMin[h]! / 60,
      });
    }
    const res = r.vehicles.crossings.get(h);
    if (res) {
      const ours = rec.dwellMin.get(h) ?? [];
      crossings.push({
        hub: hub.id,
        tracks: m.hubTracks[h]!,
        trains: ours.length,
        backgroundTrains: rec.backgroundTrains.get(h) ?? 0,
        dwellMin: spread(ours),
        meanQueue: res.queueLength.mean(horizonMin),
        maxQueue: res.queueLength.max,
        monthlyQueue: monthly(rec.queueByMonth, h),
        utilisation: res.busyServers.mean(horizonMin) / m.hubTracks[h]!,
      });
    }
  });

  const cons = r.freight.cons;
  let releasedT = 0;
  let deliveredT = 0;
  let inTransit = 0;
  for (let k = 0; k < cons.count; k++) {
    // Splits share a release: count each part once, as released.
    const tonnes = cons.tonnes[k]!;
    releasedT += tonnes;
    const done = (cons.status[k] === DELIVERED || cons.status[k] === UNSERVED) && cons.readyAt[k]! <= horizonMin;
    if (cons.status[k] === DELIVERED) deliveredT += tonnes;
    if (!done && cons.releaseMin[k]! < horizonMin) inTransit += tonnes;
  }
  return {
    scenarioId: sc.id,
    replication,
    targets: targetValues,
    ports,
    lines,
    corridors,
    hubs,
    crossings,
    releasedT,
    deliveredT,
    inTransitAtHorizonT: inTransit,
    unservedT: { ...rec.unservedT },
    consignments: cons.count,
    missedConnections: rec.missedConnections,
    rebookings: rec.rebookings,
    rebookingDelayH: rec.rebookingDelayMin / 60,
    consolidationHolds: rec.consolidationHolds,
    tonneKm: rec.tonneKm,
    costCny: rec.costCny,
    co2Kg: rec.co2Kg,
    events,
  };
}
