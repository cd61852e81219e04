import { MIN_PER_DAY, MODES, type ModeVariability } from "@fourports/network";
import { ConnectionScan, MODE_COUNT, ORIGIN_STATE, ROAD, STATE_COUNT, UNREACHED } from "@fourports/routing";
import { EventCalendar, type EventHandler } from "./calendar.js";
import { CapacityBook } from "./capacity.js";
import { ABOARD, AT_GATE, ConnectionLists, Consignments, DELIVERED, NEW, ON_LINK, UNSERVED, WAITING, type Leg } from "./consignments.js";
import { lognormal, lognormalOf, standardNormal } from "./distributions.js";
import { Closures, placeDisruptions } from "./disruptions.js";
import { FluidServer } from "./fluid-server.js";
import type { SimLogEvent } from "./log.js";
import type { SimModel } from "./model.js";
import { Recorder } from "./recorder.js";
import { Resource } from "./resource.js";
import type { UnservedReason } from "./result.js";
import { replicationRng, type Rng } from "./rng.js";
import { Store } from "./store.js";

const RELEASE = 0;
const TRIP_DEP = 1;
const TRIP_ARR = 2;
const LINK_ARR = 3;
const BORDER_DONE = 4;
const BG_ARRIVE = 5;
const CUT_START = 6;
const CUT_END = 7;
const SAMPLE = 8;
/** The tag of a background train at a crossing (a connection index is >= 0; -1 means "nobody"). */
const BACKGROUND = -2;
const EPS = 1e-9;

export interface ReplicationOptions {
  seed: string | number;
  replication: number;
  /** Every event of the run, as it happens (for a JSON Lines file or an audit). */
  onEvent?: (e: SimLogEvent) => void;
  signal?: AbortSignal;
}

/**
 * One simulated horizon of freight. Vehicles run the timetable with drawn delays, running-time
 * variation and cancellations; rail trains queue for gauge change at border crossings with the
 * crossings' background traffic; on-demand services run a slot only when cargo is consolidated
 * and a vehicle is at hand. Each flow releases its day's consignments at the release time and
 * books each on the earliest journey with room (the routing core with the capacity mask), as the
 * assignment does; a consignment that misses a ride is rebooked as a whole from where it stands.
 * Hubs load and unload through their handling rate as a queue, and hold arrivals at the gate
 * when their yard is full.
 */
export class Replication {
  readonly cal: EventCalendar = new EventCalendar();
  readonly cons: Consignments = new Consignments();
  readonly book: CapacityBook;
  readonly rec: Recorder;
  private readonly scan: ConnectionScan;
  private readonly boarders: ConnectionLists;
  private readonly alighters: ConnectionLists;
  private readonly handling: FluidServer[];
  private readonly yardT: Float64Array;
  private readonly gate: number[][];
  private readonly crossings: Map<number, Resource> = new Map();
  private readonly arrivedAtCrossing: Float64Array;
  private readonly closures: Closures;
  private readonly cuts: { hub: number; factor: number }[] = [];
  /** Per on-demand service: recent departure minutes (vehicles in rotation) and its consolidation store. */
  private readonly poolDepartures: Map<number, number[]> = new Map();
  readonly stores: Map<number, Store> = new Map();
  private readonly tripDelay: Float64Array;
  private readonly tripRunFactor: Float64Array;
  private readonly tripCancelled: Uint8Array;
  private readonly demandRng: Rng;
  private readonly borderRng: Rng;
  private readonly hubIndex: Map<string, number>;
  private readonly handlers: EventHandler[];
  private readonly bufK: number[] = [];
  private readonly bufV: number[] = [];

  constructor(
    readonly m: SimModel,
    private readonly options: ReplicationOptions,
  ) {
    const t = m.timetable;
    const sc = m.scenario;
    const rng = (s: string): Rng => replicationRng(options.seed, options.replication, s);
    this.demandRng = rng("demand");
    this.borderRng = rng("border");
    this.book = new CapacityBook(m);
    this.rec = new Recorder(m);
    this.scan = new ConnectionScan(m.net);
    this.boarders = new ConnectionLists(t.length);
    this.alighters = new ConnectionLists(t.length);
    this.handling = Array.from(m.hubRatePerMin, (r) => new FluidServer(r));
    this.yardT = new Float64Array(m.net.hubCount);
    this.gate = Array.from({ length: m.net.hubCount }, () => []);
    this.arrivedAtCrossing = new Float64Array(t.length);
    this.hubIndex = new Map(t.hubIds.map((id, i) => [id, i]));
    m.hubTracks.forEach((tracks, h) => {
      if (tracks > 0) this.crossings.set(h, new Resource(tracks));
    });
    const placed = placeDisruptions(sc, rng("disruptions"));
    this.closures = new Closures(placed);
    [this.tripDelay, this.tripRunFactor, this.tripCancelled] = drawTrips(m, rng("vehicles"));
    this.handlers = [
      (day) => this.release(day),
      (c) => this.tripDepart(c),
      (c) => this.tripArrive(c),
      (k, v) => this.linkArrive(k, v),
      (tag, hub) => this.borderDone(tag, hub),
      (hub) => this.backgroundArrive(hub),
      (i) => this.cutStart(i),
      (i) => this.cutEnd(i),
      (day) => this.sample(day),
    ];
    for (const p of placed) {
      if (p.kind !== "capacity-cut" || !this.crossings.has(p.hub)) continue;
      const i = this.cuts.push({ hub: p.hub, factor: p.capacityFactor }) - 1;
      this.cal.schedule(Math.max(0, p.startMin), CUT_START, i);
      this.cal.schedule(Math.max(0, p.endMin), CUT_END, i);
    }
    // Releases first: a consignment released at a minute can still board a departure of that
    // minute (ties fire in scheduling order), as the assignment lets it.
    for (let day = 0; day < sc.horizonDays; day++) {
      this.cal.schedule(day * MIN_PER_DAY + m.releaseMin, RELEASE, day);
      this.cal.schedule(day * MIN_PER_DAY + MIN_PER_DAY - 1, SAMPLE, day);
    }
    for (let i = 0; i < t.tripCount; i++) {
      const c = m.tripConns[m.tripStart[i]!]!;
      this.cal.schedule(t.depMin[c]! + this.tripDelay[i]!, TRIP_DEP, c);
    }
    for (const [h] of this.crossings) if (m.hubBackgroundPerDay[h]! > 0) this.scheduleBackground(h, 0);
    sc.services.forEach((s, i) => {
      if (s.dispatch === "on-demand") {
        this.poolDepartures.set(i, []);
        this.stores.set(i, new Store());
      }
    });
  }

  /** Runs to the end: every release, trip and consignment done. Returns events fired. */
  run(): number {
    const horizon = this.m.timetable.horizonMin;
    // In steps of a week, so an abort is noticed without a check per event.
    for (let until = 7 * MIN_PER_DAY; this.cal.pending > 0; until += 7 * MIN_PER_DAY) {
      this.options.signal?.throwIfAborted();
      this.cal.run(this.handlers, until);
      if (until > horizon + this.m.maxTransitMin + 60 * MIN_PER_DAY) break;
    }
    return this.cal.fired;
  }

  /** Tonnes handled at hub h so far, loading and unloading counted apart. */
  handledT(h: number): number {
    return this.handling[h]!.work;
  }

  /** The gauge-change tracks of border crossing h, if it is one. */
  crossing(h: number): Resource | undefined {
    return this.crossings.get(h);
  }

  private log(e: SimLogEvent): void {
    this.options.onEvent?.(e);
  }

  // ---- demand -------------------------------------------------------------------------------

  private release(day: number): void {
    const now = this.cal.now;
    const v = this.m.scenario.variability;
    const cv = v?.consignmentCv ?? 0;
    for (const f of this.m.flows) {
      // One draw per flow and day whatever the size, so flows keep their own draws.
      const factor = lognormal(this.demandRng, 1, cv);
      const tonnes = f.daily[day]! * factor;
      if (!(tonnes > EPS)) continue;
      const k = this.cons.add(f.index, tonnes, now, f.from, ORIGIN_STATE);
      this.rec.released(f.index, tonnes);
      this.log({ t: now, kind: "release", k, flow: f.id, tonnes });
      this.bookFrom(k, now, false);
    }
  }

  /**
   * Books consignment k from where it stands at time `at` on the earliest journey with room,
   * splitting it where one journey cannot take it all; what finds no journey is unserved.
   * After booking, the parts go through the hub (arrive) unless they are already there waiting.
   */
  private bookFrom(k: number, at: number, rebooking: boolean): void {
    const cons = this.cons;
    const f = this.m.flowByIndex[cons.flow[k]!]!;
    let part = k;
    for (;;) {
      const release = cons.releaseMin[part]!;
      const window = this.m.maxTransitMin - (at - release);
      const hub = cons.hub[part]!;
      let legs: Leg[] | null = null;
      let room = 0;
      let arrive = 0;
      if (window >= 0) {
        this.scan.run(hub, at, { target: f.to, modeMask: f.modeMask, skip: this.book.skip, windowMin: window + 1 });
        const j = this.scan.journey(f.to);
        if (j && j.arriveMin - release <= this.m.maxTransitMin) {
          legs = this.toLegs(j.legs);
          arrive = j.arriveMin;
          room = Infinity;
          for (const l of legs) if (l.ride) room = Math.min(room, this.book.residualT[l.trip]!);
        }
      }
      if (!legs || !(room > EPS)) {
        this.unserve(part, f.routable ? this.whyUnserved(hub, f.to, f.modeMask, at, release) : "no route");
        return;
      }
      const tonnes = cons.tonnes[part]!;
      if (room < tonnes - EPS) {
        const rest = cons.add(cons.flow[part]!, tonnes - room, release, hub, cons.state[part]!);
        cons.tonnes[part] = room;
        cons.readyAt[rest] = cons.readyAt[part]!;
        cons.promisedMin[rest] = cons.promisedMin[part]!;
        cons.status[rest] = cons.status[part]!;
        if (cons.status[rest] === AT_GATE) this.gate[hub]!.push(rest);
        this.log({ t: this.cal.now, kind: "split", k: part, into: rest, tonnes: tonnes - room });
        this.assign(part, legs, arrive, rebooking);
        part = rest;
        continue;
      }
      this.assign(part, legs, arrive, rebooking);
      return;
    }
  }

  private assign(k: number, legs: Leg[], arrive: number, rebooking: boolean): void {
    const cons = this.cons;
    const tonnes = cons.tonnes[k]!;
    cons.version[k]!++;
    cons.legs[k] = legs;
    cons.legIndex[k] = 0;
    if (Number.isNaN(cons.promisedMin[k]!)) cons.promisedMin[k] = arrive;
    else if (rebooking) this.rec.rebooked(arrive - cons.promisedMin[k]!);
    for (const l of legs) {
      if (!l.ride) continue;
      this.book.take(l.trip, tonnes);
      this.boarders.push(l.b, k, cons.version[k]!);
    }
    const status = cons.status[k];
    if (status === NEW) this.arrive(k, cons.hub[k]!, cons.state[k]!);
    else if (status === WAITING) {
      // Rebooked where it stands: handled already, so it keeps its readiness for a ride.
      const first = legs[0]!;
      if (first.ride) this.putInStore(k, first.b);
      else this.proceed(k, false);
    }
    // AT_GATE: it goes on when the yard admits it.
  }

  private unbook(k: number): void {
    const cons = this.cons;
    const legs = cons.legs[k]!;
    for (let i = cons.legIndex[k]!; i < legs.length; i++) {
      const l = legs[i]!;
      if (l.ride) this.book.give(l.trip, cons.tonnes[k]!);
    }
    this.takeFromStore(k);
    cons.version[k]!++;
  }

  private rebook(k: number, at: number): void {
    this.unbook(k);
    this.rec.rebookings++;
    this.bookFrom(k, Math.max(at, this.cal.now), true);
  }

  /** Why a routable flow's consignment found no journey: the departures were full, or none arrives in time. */
  private whyUnserved(from: number, to: number, mask: number, at: number, release: number): UnservedReason {
    this.scan.run(from, at, { target: to, modeMask: mask, windowMin: this.m.maxTransitMin + 1 });
    const a = this.scan.arrival[to]!;
    return a === UNREACHED || a - release > this.m.maxTransitMin ? "too late" : "capacity";
  }

  private unserve(k: number, reason: UnservedReason): void {
    const cons = this.cons;
    if (cons.status[k] === WAITING) this.leaveYard(cons.hub[k]!, k);
    cons.status[k] = UNSERVED;
    cons.readyAt[k] = this.cal.now;
    this.rec.unserved(reason, cons.tonnes[k]!);
    this.log({ t: this.cal.now, kind: "unserved", k, tonnes: cons.tonnes[k]!, reason });
  }

  private toLegs(legs: ReturnType<ConnectionScan["journey"]> extends infer J ? (J extends { legs: infer L } ? L : never) : never): Leg[] {
    const net = this.m.net;
    return legs.map((l): Leg => {
      if (l.kind === "service") return { ride: true, b: l.connections[0], a: l.connections[1], trip: l.trip };
      const from = this.hubIndex.get(l.fromHub)!;
      const to = this.hubIndex.get(l.toHub)!;
      let slot = net.linkOffsets[from]!;
      while (net.linkTo[slot] !== to) slot++;
      return { ride: false, from, to, slot };
    });
  }

  // ---- consignments at hubs -----------------------------------------------------------------

  /**
   * Consignment k comes to hub h now, in `state` (a ride's mode, the origin, or a link). A full
   * yard holds it at the gate; otherwise it enters the yard and goes on with its next leg.
   */
  private arrive(k: number, h: number, state: number): void {
    const cons = this.cons;
    const now = this.cal.now;
    const tonnes = cons.tonnes[k]!;
    cons.hub[k] = h;
    cons.state[k] = state;
    const rodeIn = state < MODE_COUNT;
    if (cons.legIndex[k]! >= cons.legs[k]!.length) {
      const done = rodeIn ? this.handling[h]!.submit(now, tonnes) : now;
      cons.status[k] = DELIVERED;
      cons.readyAt[k] = done;
      this.rec.delivered(cons.flow[k]!, tonnes, done - cons.releaseMin[k]!, done <= cons.promisedMin[k]! + 60);
      this.log({ t: done, kind: "deliver", k, tonnes });
      return;
    }
    // Arrivals queue at the gate in order: none passes another that waits there already.
    if (cons.status[k] !== AT_GATE && (this.gateWaiting(h) || !this.fitsYard(h, tonnes))) {
      cons.status[k] = AT_GATE;
      cons.readyAt[k] = now;
      this.gate[h]!.push(k);
      this.rec.blocked(h);
      return;
    }
    if (cons.status[k] === AT_GATE) this.rec.unblocked(h, now - cons.readyAt[k]!);
    cons.status[k] = WAITING;
    this.yardT[h]! += tonnes;
    this.proceed(k, rodeIn);
  }

  /**
   * Consignment k waits in its hub's yard and starts its next leg: a link leaves once it is
   * unloaded and the road transfer time has passed; for a ride it is unloaded (after a ride)
   * and loaded through the handling queue, ready no earlier than the minimum transfer time.
   * A ride that has left or will not run is a missed connection.
   */
  private proceed(k: number, rodeIn: boolean): void {
    const cons = this.cons;
    const now = this.cal.now;
    const h = cons.hub[k]!;
    const tonnes = cons.tonnes[k]!;
    const next = cons.legs[k]![cons.legIndex[k]!]!;
    const state = cons.state[k]!;
    const row = (h * STATE_COUNT + (state === ROAD_LINK ? ROAD : state)) * MODE_COUNT;
    if (!next.ride) {
      const unloaded = rodeIn ? this.handling[h]!.submit(now, tonnes) : now;
      const depart = Math.max(now + this.m.net.transferMin[row + ROAD]!, unloaded);
      this.leaveYard(h, k);
      cons.status[k] = ON_LINK;
      cons.legIndex[k]!++;
      this.cal.schedule(depart + this.m.net.linkMin[next.slot]!, LINK_ARR, k, cons.version[k]!);
      return;
    }
    if (this.book.departed[next.b] || this.book.tripClosed[next.trip]) {
      this.rec.missedConnections++;
      this.log({ t: now, kind: "missed", k, conn: next.b });
      this.rebook(k, now);
      return;
    }
    const handled = this.handling[h]!.submit(now, rodeIn ? 2 * tonnes : tonnes);
    cons.readyAt[k] = Math.max(now + this.m.net.transferMin[row + this.m.net.connMode[next.b]!]!, handled);
    this.putInStore(k, next.b);
  }

  private putInStore(k: number, c: number): void {
    const store = this.stores.get(this.m.timetable.service[c]!);
    if (!store || this.cons.stored[k]) return;
    store.put(this.cal.now, this.cons.tonnes[k]!);
    this.cons.stored[k] = 1;
  }

  private takeFromStore(k: number): void {
    const cons = this.cons;
    if (!cons.stored[k]) return;
    const leg = cons.legs[k]![cons.legIndex[k]!];
    if (!leg?.ride) throw new Error("internal: a stored consignment without a ride ahead");
    this.stores.get(this.m.timetable.service[leg.b]!)!.take(this.cal.now, cons.tonnes[k]!);
    cons.stored[k] = 0;
  }

  private linkArrive(k: number, version: number): void {
    const cons = this.cons;
    if (cons.version[k] !== version || cons.status[k] !== ON_LINK) return;
    const legs = cons.legs[k]!;
    const link = legs[cons.legIndex[k]! - 1]!;
    if (link.ride) throw new Error("internal: link arrival after a ride");
    this.arrive(k, link.to, ROAD_LINK);
  }

  /** Whether `tonnes` more fit the yard; a consignment larger than the whole yard enters an empty one. */
  private fitsYard(h: number, tonnes: number): boolean {
    return this.yardT[h]! + tonnes <= this.m.hubStorageT[h]! + EPS || this.yardT[h]! <= EPS;
  }

  private gateWaiting(h: number): boolean {
    const gate = this.gate[h]!;
    while (gate.length > 0 && this.cons.status[gate[0]!] !== AT_GATE) gate.shift();
    return gate.length > 0;
  }

  private leaveYard(h: number, k: number): void {
    this.yardT[h] = Math.max(0, this.yardT[h]! - this.cons.tonnes[k]!);
    const gate = this.gate[h]!;
    while (gate.length > 0) {
      const g = gate[0]!;
      if (this.cons.status[g] !== AT_GATE) {
        gate.shift();
        continue;
      }
      if (!this.fitsYard(h, this.cons.tonnes[g]!)) break;
      gate.shift();
      this.arrive(g, h, this.cons.state[g]!);
    }
  }

  // ---- vehicles ----------------------------------------------------------------------------

  private tripDepart(c: number): void {
    const m = this.m;
    const t = m.timetable;
    const now = this.cal.now;
    const h = t.depHub[c]!;
    const open = this.closures.openAt(h, now);
    if (open > now) {
      this.cal.schedule(open, TRIP_DEP, c);
      return;
    }
    const trip = t.trip[c]!;
    const first = m.tripConns[m.tripStart[trip]!] === c;
    if (first && !this.startTrip(c, trip)) return;
    this.book.markDeparted(c);
    this.boarders.drain(c, this.bufK, this.bufV);
    const ks = this.bufK.slice();
    const vs = this.bufV.slice();
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i]!;
      // Consignments still on an earlier ride or a link find out when they get here.
      const status = this.cons.status[k];
      if (!this.bookedOn(k, vs[i]!, c) || (status !== WAITING && status !== AT_GATE)) continue;
      if (status === WAITING && this.cons.readyAt[k]! <= now) this.board(k, c);
      else {
        this.rec.missedConnections++;
        this.log({ t: now, kind: "missed", k, conn: c });
        this.rebook(k, status === WAITING ? this.cons.readyAt[k]! : now);
      }
    }
    const run = (t.arrMin[c]! - t.depMin[c]!) * this.tripRunFactor[trip]!;
    this.cal.schedule(now + run, TRIP_ARR, c);
  }

  /** The first departure of a trip: cancellation, and an on-demand slot's go/no-go. */
  private startTrip(c: number, trip: number): boolean {
    const m = this.m;
    const now = this.cal.now;
    const si = m.tripService[trip]!;
    const service = m.scenario.services[si]!;
    this.rec.slot(si);
    let why: "random" | "not enough cargo" | "no vehicle" | null = this.tripCancelled[trip] ? "random" : null;
    const pool = this.poolDepartures.get(si);
    if (why === null && pool && service.onDemand) {
      const od = service.onDemand;
      while (pool.length > 0 && pool[0]! <= now - od.rotationMin) pool.shift();
      this.boarders.peek(c, this.bufK, this.bufV);
      let readyT = 0;
      let oldest = Infinity;
      for (let i = 0; i < this.bufK.length; i++) {
        const k = this.bufK[i]!;
        if (!this.bookedOn(k, this.bufV[i]!, c) || this.cons.status[k] !== WAITING || this.cons.readyAt[k]! > now) continue;
        readyT += this.cons.tonnes[k]!;
        oldest = Math.min(oldest, this.cons.readyAt[k]!);
      }
      if (pool.length >= od.vehicles) why = "no vehicle";
      else if (!(readyT > EPS) || (readyT < od.minLoadFactor * service.capacityT - EPS && now - oldest < od.maxWaitMin)) why = "not enough cargo";
      else pool.push(now);
    }
    if (why === null) {
      this.rec.ran(si, trip);
      this.log({ t: now, kind: "depart", trip, service: service.id, capacityT: m.timetable.capacityT[c]! });
      return true;
    }
    this.rec.notRun(si, why === "random");
    this.log({ t: now, kind: "cancel", trip, service: service.id, why });
    this.book.close(trip);
    for (let i = m.tripStart[trip]!; i < m.tripStart[trip + 1]!; i++) {
      const cc = m.tripConns[i]!;
      this.boarders.drain(cc, this.bufK, this.bufV);
      const ks = this.bufK.slice();
      const vs = this.bufV.slice();
      for (let j = 0; j < ks.length; j++) {
        const k = ks[j]!;
        const status = this.cons.status[k];
        if (!this.bookedOn(k, vs[j]!, cc) || (status !== WAITING && status !== AT_GATE)) continue;
        if (why !== "random") this.rec.consolidationHolds++;
        this.rebook(k, status === WAITING ? Math.max(now, this.cons.readyAt[k]!) : now);
      }
    }
    return false;
  }

  private bookedOn(k: number, version: number, c: number): boolean {
    const cons = this.cons;
    if (cons.version[k] !== version) return false;
    const leg = cons.legs[k]![cons.legIndex[k]!];
    return leg !== undefined && leg.ride && leg.b === c;
  }

  private board(k: number, c: number): void {
    const cons = this.cons;
    const leg = cons.legs[k]![cons.legIndex[k]!]!;
    if (!leg.ride) throw new Error("internal: boarding a link");
    const tonnes = cons.tonnes[k]!;
    this.takeFromStore(k);
    this.leaveYard(cons.hub[k]!, k);
    cons.status[k] = ABOARD;
    this.alighters.push(leg.a, k, cons.version[k]!);
    this.rec.board(c, leg.a, tonnes, this.m.flowByIndex[cons.flow[k]!]!.teuPerT, this.cal.now);
    this.log({ t: this.cal.now, kind: "board", k, trip: leg.trip, conn: c, tonnes });
  }

  private tripArrive(c: number): void {
    const m = this.m;
    const t = m.timetable;
    const now = this.cal.now;
    const h = t.arrHub[c]!;
    const open = this.closures.openAt(h, now);
    if (open > now) {
      this.cal.schedule(open, TRIP_ARR, c);
      return;
    }
    this.alighters.drain(c, this.bufK, this.bufV);
    const ks = this.bufK.slice();
    const vs = this.bufV.slice();
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i]!;
      if (this.cons.version[k] !== vs[i] || this.cons.status[k] !== ABOARD) continue;
      const tonnes = this.cons.tonnes[k]!;
      this.cons.legIndex[k]!++;
      this.rec.alight(c, tonnes, now);
      this.log({ t: now, kind: "alight", k, trip: t.trip[c]!, conn: c, tonnes });
      this.arrive(k, h, m.net.connMode[c]!);
    }
    const next = m.connNext[c]!;
    if (next < 0) return;
    const crossing = this.crossings.get(h);
    if (crossing && m.net.connMode[c] === MODES.indexOf("rail")) {
      this.arrivedAtCrossing[next] = now;
      if (crossing.request(now, next)) this.cal.schedule(now + this.gaugeChangeMin(h), BORDER_DONE, next, h);
      return;
    }
    const dwell = t.depMin[next]! - t.arrMin[c]!;
    this.cal.schedule(Math.max(t.depMin[next]!, now + dwell), TRIP_DEP, next);
  }

  private gaugeChangeMin(h: number): number {
    return lognormal(this.borderRng, this.m.hubGaugeMin[h]!, this.m.scenario.variability?.gaugeChangeCv ?? 0);
  }

  private borderDone(tag: number, h: number): void {
    const now = this.cal.now;
    const crossing = this.crossings.get(h)!;
    if (tag !== BACKGROUND) {
      const t = this.m.timetable;
      const dwell = now - this.arrivedAtCrossing[tag]!;
      this.rec.crossed(h, dwell);
      // Customs and the rest of the scheduled stop follow the gauge change.
      const rest = Math.max(0, t.depMin[tag]! - t.arrMin[this.prevConn(tag)]! - this.m.hubGaugeMin[h]!);
      this.cal.schedule(Math.max(t.depMin[tag]!, now + rest), TRIP_DEP, tag);
    } else this.rec.backgroundCrossed(h);
    const nextTag = crossing.release(now);
    if (nextTag !== -1) this.cal.schedule(now + this.gaugeChangeMin(h), BORDER_DONE, nextTag, h);
  }

  private prevConn(c: number): number {
    const m = this.m;
    const trip = m.timetable.trip[c]!;
    for (let i = m.tripStart[trip]!; i < m.tripStart[trip + 1]!; i++) if (m.connNext[m.tripConns[i]!] === c) return m.tripConns[i]!;
    throw new Error("internal: no previous connection");
  }

  private scheduleBackground(h: number, from: number): void {
    const gap = (-MIN_PER_DAY / this.m.hubBackgroundPerDay[h]!) * Math.log(1 - this.borderRng());
    const at = from + gap;
    if (at < this.m.timetable.horizonMin) this.cal.schedule(at, BG_ARRIVE, h);
  }

  private backgroundArrive(h: number): void {
    const now = this.cal.now;
    if (this.crossings.get(h)!.request(now, BACKGROUND)) this.cal.schedule(now + this.gaugeChangeMin(h), BORDER_DONE, BACKGROUND, h);
    this.scheduleBackground(h, now);
  }

  private cutStart(i: number): void {
    const { hub, factor } = this.cuts[i]!;
    const r = this.crossings.get(hub)!;
    r.setCapacity(Math.round(this.m.hubTracks[hub]! * factor));
  }

  private cutEnd(i: number): void {
    const { hub } = this.cuts[i]!;
    const r = this.crossings.get(hub)!;
    r.setCapacity(this.m.hubTracks[hub]!);
    const now = this.cal.now;
    for (let tag = r.grantNext(now); tag !== -1; tag = r.grantNext(now)) this.cal.schedule(now + this.gaugeChangeMin(hub), BORDER_DONE, tag, hub);
  }

  private sample(day: number): void {
    const now = this.cal.now;
    this.rec.sampleDay(day, now, this.handling, this.crossings);
    if (day === this.m.scenario.horizonDays - 1) this.rec.snapshotStores(now, this.stores);
  }
}

/** Arrived by a trucking link: transfer times as road, but no unloading (the link is not a ride). */
const ROAD_LINK = STATE_COUNT;

function drawTrips(m: SimModel, rng: Rng): [Float64Array, Float64Array, Uint8Array] {
  const t = m.timetable;
  const delay = new Float64Array(t.tripCount);
  const run = new Float64Array(t.tripCount).fill(1);
  const cancelled = new Uint8Array(t.tripCount);
  const modes = m.scenario.variability?.modes ?? {};
  const byMode: (ModeVariability | undefined)[] = MODES.map((mode) => modes[mode]);
  for (let i = 0; i < t.tripCount; i++) {
    const v = byMode[t.serviceMode[m.tripService[i]!]!];
    if (!v) continue;
    // The same five uniforms per trip of a varying mode whatever the parameters, so trips
    // keep their draws across what-ifs that change them.
    const u = rng();
    const zDelay = standardNormal(rng);
    const zRun = standardNormal(rng);
    delay[i] = v.departureDelayMeanMin > 0 ? lognormalOf(zDelay, v.departureDelayMeanMin, v.departureDelayCv) : 0;
    run[i] = lognormalOf(zRun, 1, v.runTimeCv);
    cancelled[i] = u < v.cancelProbability ? 1 : 0;
  }
  return [delay, run, cancelled];
}
