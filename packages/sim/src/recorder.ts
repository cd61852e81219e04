import { dateOfDayNumber, dayNumber, MIN_PER_DAY, MODES, type Mode } from "@fourports/network";
import type { FluidServer } from "./fluid-server.js";
import { PORT_GROUPS, type SimModel } from "./model.js";
import type { Resource } from "./resource.js";
import type { Store } from "./store.js";
import type { UnservedReason } from "@fourports/flow";

/**
 * The monitors of one replication: what the vehicles carried on every connection, throughput
 * by port group, mode and month, trips per service, door-to-door times per flow, queues at
 * hubs and crossings sampled daily. Plain counters and typed arrays; turned into a
 * ReplicationResult by summarise().
 */
export class Recorder {
  readonly connectionT: Float64Array;
  readonly connectionTeu: Float64Array;
  /** [(portGroup × MODES + mode) × 12 + month] loaded, and unloaded. */
  readonly loadedT: Float64Array = new Float64Array(PORT_GROUPS.length * MODES.length * 12);
  readonly unloadedT: Float64Array = new Float64Array(PORT_GROUPS.length * MODES.length * 12);
  readonly serviceSlots: Int32Array;
  readonly serviceRan: Int32Array;
  readonly serviceCancelled: Int32Array;
  readonly serviceNotRun: Int32Array;
  readonly tripRan: Uint8Array;
  readonly releasedByFlow: Float64Array;
  readonly deliveredByFlow: Float64Array;
  readonly onTimeByFlow: Float64Array;
  readonly doorMinByFlow: number[][];
  unservedT: Record<UnservedReason, number> = { "no route": 0, capacity: 0, "too late": 0, "not dispatched": 0 };
  missedConnections = 0;
  rebookings = 0;
  rebookingDelayMin = 0;
  consolidationHolds = 0;
  tonneKm = 0;
  costCny = 0;
  co2Kg = 0;
  readonly blockedArrivals: Int32Array;
  readonly blockedMin: Float64Array;
  /** Daily samples: handling backlog per hub, queue per crossing, summed by month. */
  readonly backlogByMonth: Float64Array;
  readonly backlogMax: Float64Array;
  readonly queueByMonth: Float64Array;
  readonly daysByMonth: Float64Array = new Float64Array(12);
  readonly dwellMin: Map<number, number[]> = new Map();
  readonly backgroundTrains: Map<number, number> = new Map();
  storeMeanT: Map<number, number> = new Map();
  private readonly monthOfDay: Int8Array;

  constructor(private readonly m: SimModel) {
    const t = m.timetable;
    const S = m.scenario.services.length;
    const H = m.net.hubCount;
    const F = m.scenario.demand.length;
    this.connectionT = new Float64Array(t.length);
    this.connectionTeu = new Float64Array(t.length);
    this.serviceSlots = new Int32Array(S);
    this.serviceRan = new Int32Array(S);
    this.serviceCancelled = new Int32Array(S);
    this.serviceNotRun = new Int32Array(S);
    this.tripRan = new Uint8Array(t.tripCount);
    this.releasedByFlow = new Float64Array(F);
    this.deliveredByFlow = new Float64Array(F);
    this.onTimeByFlow = new Float64Array(F);
    this.doorMinByFlow = Array.from({ length: F }, () => []);
    this.blockedArrivals = new Int32Array(H);
    this.blockedMin = new Float64Array(H);
    this.backlogByMonth = new Float64Array(H * 12);
    this.backlogMax = new Float64Array(H);
    this.queueByMonth = new Float64Array(H * 12);
    const epochDay = dayNumber(m.scenario.epoch);
    // Days past the horizon (late arrivals) count in the horizon's last month.
    this.monthOfDay = Int8Array.from({ length: m.scenario.horizonDays + 1 }, (_, d) =>
      Number(dateOfDayNumber(epochDay + Math.min(d, m.scenario.horizonDays - 1)).slice(5, 7)) - 1,
    );
  }

  month(now: number): number {
    const day = Math.min(this.m.scenario.horizonDays, Math.max(0, Math.floor(now / MIN_PER_DAY)));
    return this.monthOfDay[day]!;
  }

  released(flow: number, tonnes: number): void {
    this.releasedByFlow[flow]! += tonnes;
  }

  delivered(flow: number, tonnes: number, doorMin: number, onTime: boolean): void {
    this.deliveredByFlow[flow]! += tonnes;
    if (onTime) this.onTimeByFlow[flow]! += tonnes;
    this.doorMinByFlow[flow]!.push(doorMin);
  }

  unserved(reason: UnservedReason, tonnes: number): void {
    this.unservedT[reason] += tonnes;
  }

  rebooked(extraMin: number): void {
    this.rebookingDelayMin += Math.max(0, extraMin);
  }

  blocked(h: number): void {
    this.blockedArrivals[h]!++;
  }

  unblocked(h: number, waitedMin: number): void {
    this.blockedMin[h]! += waitedMin;
  }

  slot(service: number): void {
    this.serviceSlots[service]!++;
  }

  ran(service: number, trip: number): void {
    this.serviceRan[service]!++;
    this.tripRan[trip] = 1;
  }

  notRun(service: number, cancelled: boolean): void {
    if (cancelled) this.serviceCancelled[service]!++;
    else this.serviceNotRun[service]!++;
  }

  /** Tonnes boarding at connection b and riding to the end of connection a of the same trip. */
  board(b: number, a: number, tonnes: number, teuPerT: number, now: number): void {
    const m = this.m;
    const net = m.net;
    for (let c = b; ; c = m.connNext[c]!) {
      this.connectionT[c]! += tonnes;
      this.connectionTeu[c]! += tonnes * teuPerT;
      this.tonneKm += tonnes * m.connKm[c]!;
      this.costCny += tonnes * net.connCostCny[c]!;
      this.co2Kg += tonnes * net.connCo2Kg[c]!;
      if (c === a) break;
    }
    const g = m.hubPortGroup[m.timetable.depHub[b]!]!;
    if (g >= 0) this.loadedT[(g * MODES.length + net.connMode[b]!) * 12 + this.month(now)]! += tonnes;
  }

  alight(a: number, tonnes: number, now: number): void {
    const g = this.m.hubPortGroup[this.m.timetable.arrHub[a]!]!;
    if (g >= 0) this.unloadedT[(g * MODES.length + this.m.net.connMode[a]!) * 12 + this.month(now)]! += tonnes;
  }

  crossed(h: number, dwellMin: number): void {
    let list = this.dwellMin.get(h);
    if (!list) this.dwellMin.set(h, (list = []));
    list.push(dwellMin);
  }

  backgroundCrossed(h: number): void {
    this.backgroundTrains.set(h, (this.backgroundTrains.get(h) ?? 0) + 1);
  }

  sampleDay(day: number, now: number, handling: readonly FluidServer[], crossings: ReadonlyMap<number, Resource>): void {
    const mo = this.monthOfDay[day]!;
    this.daysByMonth[mo]!++;
    handling.forEach((s, h) => {
      if (s.ratePerMin === Infinity) return;
      const b = s.backlog(now);
      this.backlogByMonth[h * 12 + mo]! += b;
      if (b > this.backlogMax[h]!) this.backlogMax[h] = b;
    });
    for (const [h, r] of crossings) this.queueByMonth[h * 12 + mo]! += r.queued;
  }

  snapshotStores(now: number, stores: ReadonlyMap<number, Store>): void {
    for (const [s, store] of stores) this.storeMeanT.set(s, store.levelOverTime.mean(now));
  }

  modeOf(c: number): Mode {
    return MODES[this.m.net.connMode[c]!]!;
  }
}
