import type { UnservedReason } from "@fourports/flow";
import { ConnectionScan, MODE_COUNT, ORIGIN_STATE, ROAD, STATE_COUNT, UNREACHED, type JourneyLeg } from "@fourports/routing";
import type { EventCalendar } from "./calendar.js";
import { CapacityBook } from "./capacity.js";
import { ABOARD, AT_GATE, ConnectionLists, Consignments, DELIVERED, NEW, ON_LINK, UNSERVED, WAITING, type Leg } from "./consignments.js";
import { lognormal } from "./distributions.js";
import { LINK_ARR, ROAD_LINK } from "./events.js";
import { FluidServer } from "./fluid-server.js";
import type { SimLogEvent } from "./log.js";
import type { SimFlow, SimModel } from "./model.js";
import type { Recorder } from "./recorder.js";
import type { Rng } from "./rng.js";
import { Store } from "./store.js";

const EPS = 1e-9;

/**
 * The freight side of a replication: consignments (through-bills) released, booked on the
 * earliest journey with room, handled through hub queues and yards, boarded and unloaded as the
 * vehicles (vehicles.ts) come and go, and rebooked as a whole when they miss a ride.
 */
export class Freight {
  readonly cons: Consignments = new Consignments();
  readonly book: CapacityBook;
  readonly handling: FluidServer[];
  /** Per on-demand service: the tonnes consolidating for it at its origin. */
  readonly stores: Map<number, Store> = new Map();
  private readonly scan: ConnectionScan;
  private readonly boarders: ConnectionLists;
  private readonly alighters: ConnectionLists;
  private readonly yardT: Float64Array;
  private readonly gate: number[][];
  private readonly hubIndex: Map<string, number>;
  private readonly bufK: number[] = [];
  private readonly bufV: number[] = [];

  constructor(
    private readonly m: SimModel,
    private readonly cal: EventCalendar,
    private readonly rec: Recorder,
    private readonly demandRng: Rng,
    private readonly log: (e: SimLogEvent) => void,
  ) {
    const t = m.timetable;
    this.book = new CapacityBook(m);
    this.scan = new ConnectionScan(m.net);
    this.boarders = new ConnectionLists(t.length);
    this.alighters = new ConnectionLists(t.length);
    this.handling = Array.from(m.hubRatePerMin, (r) => new FluidServer(r));
    this.yardT = new Float64Array(m.net.hubCount);
    this.gate = Array.from({ length: m.net.hubCount }, () => []);
    this.hubIndex = new Map(t.hubIds.map((id, i) => [id, i]));
    m.scenario.services.forEach((s, i) => {
      if (s.dispatch === "on-demand") this.stores.set(i, new Store());
    });
  }

  /**
   * A vehicle leaves connection c's hub now: who is booked here and ready boards; who is booked
   * but not ready (still in handling, at the gate) has missed it and is rebooked. Those still on
   * an earlier ride or a link find out when they get here.
   */
  departAt(c: number): void {
    const now = this.cal.now;
    this.book.markDeparted(c);
    this.eachBooked(c, (k, status) => {
      if (status === WAITING && this.cons.readyAt[k]! <= now) this.board(k, c);
      else {
        this.rec.missedConnections++;
        this.log({ t: now, kind: "missed", k, conn: c });
        this.rebook(k, status === WAITING ? this.cons.readyAt[k]! : now);
      }
    });
  }

  /** Tonnes at the hub and ready for connection c now, and since when the earliest of them has been ready. */
  readyFor(c: number): { tonnes: number; sinceMin: number } {
    const now = this.cal.now;
    this.boarders.peek(c, this.bufK, this.bufV);
    let tonnes = 0;
    let sinceMin = Infinity;
    for (let i = 0; i < this.bufK.length; i++) {
      const k = this.bufK[i]!;
      if (!this.bookedOn(k, this.bufV[i]!, c) || this.cons.status[k] !== WAITING || this.cons.readyAt[k]! > now) continue;
      tonnes += this.cons.tonnes[k]!;
      sinceMin = Math.min(sinceMin, this.cons.readyAt[k]!);
    }
    return { tonnes, sinceMin };
  }

  /** A trip will not run: everyone booked on it who is at a hub is rebooked; `held` counts them as consolidation holds. */
  displace(trip: number, held: boolean): void {
    const m = this.m;
    const now = this.cal.now;
    this.book.close(trip);
    for (let i = m.tripStart[trip]!; i < m.tripStart[trip + 1]!; i++) {
      this.eachBooked(m.tripConns[i]!, (k, status) => {
        if (held) this.rec.consolidationHolds++;
        if (held && this.holdForNextSlot(k, trip)) return;
        this.rebook(k, status === WAITING ? Math.max(now, this.cons.readyAt[k]!) : now);
      });
    }
  }

  /**
   * Consolidation: cargo whose last ride is a slot that did not run waits where it stands for
   * the next slot of the same service with room that still arrives in time, as it would in the
   * line's consolidation yard; other cargo (more rides after this one) is rebooked as a whole.
   */
  private holdForNextSlot(k: number, trip: number): boolean {
    const m = this.m;
    const cons = this.cons;
    const legs = cons.legs[k]!;
    const leg = legs[cons.legIndex[k]!]!;
    if (!leg.ride || cons.legIndex[k] !== legs.length - 1) return false;
    const t = m.timetable;
    const tonnes = cons.tonnes[k]!;
    const f = m.flowByIndex[cons.flow[k]!]!;
    const offB = this.offsetInTrip(trip, leg.b);
    const offA = this.offsetInTrip(trip, leg.a);
    const s = m.tripService[trip]!;
    for (let i = m.serviceTripStart[s]!; i < m.serviceTripStart[s + 1]!; i++) {
      const next = m.serviceTrips[i]!;
      const b = m.tripConns[m.tripStart[next]! + offB]!;
      if (t.depMin[b]! <= t.depMin[leg.b]! || this.book.tripClosed[next] || this.book.departed[b]) continue;
      const a = m.tripConns[m.tripStart[next]! + offA]!;
      if (t.arrMin[a]! - cons.releaseMin[k]! > f.maxTransitMin) return false;
      if (this.book.residualT[next]! < tonnes - EPS) continue;
      // The old slot is closed and its room given back; the cargo stays in the line's store.
      this.book.give(trip, tonnes);
      this.book.take(next, tonnes);
      legs[cons.legIndex[k]!] = { ride: true, b, a, trip: next };
      this.boarders.push(b, k, cons.version[k]!);
      return true;
    }
    return false;
  }

  private offsetInTrip(trip: number, c: number): number {
    const m = this.m;
    for (let i = m.tripStart[trip]!; i < m.tripStart[trip + 1]!; i++) if (m.tripConns[i] === c) return i - m.tripStart[trip]!;
    throw new Error("internal: connection not in its trip");
  }

  /** A vehicle arrives at the end of connection c: who rides to here gets off and goes through the hub. */
  alightAt(c: number): void {
    const now = this.cal.now;
    const t = this.m.timetable;
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
      this.arrive(k, t.arrHub[c]!, this.m.net.connMode[c]!);
    }
  }

  /** Calls f for each consignment booked to board at c and standing at a hub (waiting or at the gate); empties c's list. */
  private eachBooked(c: number, f: (k: number, status: number) => void): void {
    this.boarders.drain(c, this.bufK, this.bufV);
    // Copies: f may book again, which reuses the buffers.
    const ks = this.bufK.slice();
    const vs = this.bufV.slice();
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i]!;
      const status = this.cons.status[k]!;
      if (this.bookedOn(k, vs[i]!, c) && (status === WAITING || status === AT_GATE)) f(k, status);
    }
  }

  release(day: number): void {
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
      const window = f.maxTransitMin - (at - release);
      const hub = cons.hub[part]!;
      let legs: Leg[] | null = null;
      let room = 0;
      let arrive = 0;
      if (window >= 0) {
        this.scan.run(hub, at, { target: f.to, modeMask: f.modeMask, skip: this.book.skip, windowMin: window + 1 });
        const j = this.scan.journey(f.to);
        if (j && j.arriveMin - release <= f.maxTransitMin) {
          legs = this.toLegs(j.legs);
          arrive = j.arriveMin;
          room = Infinity;
          for (const l of legs) if (l.ride) room = Math.min(room, this.book.residualT[l.trip]!);
        }
      }
      if (!legs || !(room > EPS)) {
        this.unserve(part, f.routable ? this.whyUnserved(hub, f, at, release) : "no route");
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
  private whyUnserved(from: number, f: SimFlow, at: number, release: number): UnservedReason {
    this.scan.run(from, at, { target: f.to, modeMask: f.modeMask, windowMin: f.maxTransitMin + 1 });
    const a = this.scan.arrival[f.to]!;
    return a === UNREACHED || a - release > f.maxTransitMin ? "too late" : "capacity";
  }

  private unserve(k: number, reason: UnservedReason): void {
    const cons = this.cons;
    if (cons.status[k] === WAITING) this.leaveYard(cons.hub[k]!, k);
    cons.status[k] = UNSERVED;
    cons.readyAt[k] = this.cal.now;
    this.rec.unserved(reason, cons.tonnes[k]!);
    this.log({ t: this.cal.now, kind: "unserved", k, tonnes: cons.tonnes[k]!, reason });
  }

  private toLegs(legs: readonly JourneyLeg[]): Leg[] {
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

  linkArrive(k: number, version: number): void {
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
}
