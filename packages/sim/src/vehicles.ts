import { MIN_PER_DAY, MODES, type ModeVariability } from "@fourports/network";
import type { EventCalendar } from "./calendar.js";
import { lognormal, lognormalOf, standardNormal } from "./distributions.js";
import { Closures, type Placed } from "./disruptions.js";
import { BG_ARRIVE, BORDER_DONE, CUT_END, CUT_START, TRIP_ARR, TRIP_DEP } from "./events.js";
import type { Freight } from "./freight.js";
import type { SimLogEvent } from "./log.js";
import type { SimModel } from "./model.js";
import type { Recorder } from "./recorder.js";
import { Resource } from "./resource.js";
import type { Rng } from "./rng.js";

/** The tag of a background train at a crossing (a connection index is >= 0; -1 means "nobody"). */
const BACKGROUND = -2;
const EPS = 1e-9;

/**
 * The vehicle side of a replication: trips run the timetable with drawn delays, running-time
 * variation and cancellations, wait out hub closures, queue for gauge-change tracks at border
 * crossings with the crossings' background trains, and on-demand slots run only when cargo is
 * consolidated and a vehicle of the pool is back. Freight boards and leaves through `freight`.
 */
export class Vehicles {
  /** Gauge-change tracks per border crossing. */
  readonly crossings: Map<number, Resource> = new Map();
  private readonly arrivedAtCrossing: Float64Array;
  private readonly closures: Closures;
  private readonly cuts: { hub: number; factor: number }[] = [];
  /** Per on-demand service: departure minutes of vehicles still in rotation. */
  private readonly poolDepartures: Map<number, number[]> = new Map();
  private readonly tripDelay: Float64Array;
  private readonly tripRunFactor: Float64Array;
  private readonly tripCancelled: Uint8Array;

  constructor(
    private readonly m: SimModel,
    private readonly cal: EventCalendar,
    private readonly rec: Recorder,
    private readonly freight: Freight,
    placed: readonly Placed[],
    vehiclesRng: Rng,
    private readonly borderRng: Rng,
    private readonly log: (e: SimLogEvent) => void,
  ) {
    this.arrivedAtCrossing = new Float64Array(m.timetable.length);
    m.hubTracks.forEach((tracks, h) => {
      if (tracks > 0) this.crossings.set(h, new Resource(tracks));
    });
    this.closures = new Closures(placed);
    [this.tripDelay, this.tripRunFactor, this.tripCancelled] = drawTrips(m, vehiclesRng);
    m.scenario.services.forEach((s, i) => {
      if (s.dispatch === "on-demand") this.poolDepartures.set(i, []);
    });
    for (const p of placed) {
      if (p.kind !== "capacity-cut" || !this.crossings.has(p.hub)) continue;
      const i = this.cuts.push({ hub: p.hub, factor: p.capacityFactor }) - 1;
      cal.schedule(Math.max(0, p.startMin), CUT_START, i);
      cal.schedule(Math.max(0, p.endMin), CUT_END, i);
    }
  }

  /** Schedules every trip's first departure and the background trains' first arrivals. */
  start(): void {
    const m = this.m;
    const t = m.timetable;
    for (let i = 0; i < t.tripCount; i++) {
      const c = m.tripConns[m.tripStart[i]!]!;
      this.cal.schedule(t.depMin[c]! + this.tripDelay[i]!, TRIP_DEP, c);
    }
    for (const [h] of this.crossings) if (m.hubBackgroundPerDay[h]! > 0) this.scheduleBackground(h, 0);
  }

  tripDepart(c: number): void {
    const m = this.m;
    const t = m.timetable;
    const now = this.cal.now;
    if (this.waitForOpening(t.depHub[c]!, TRIP_DEP, c)) return;
    const trip = t.trip[c]!;
    const first = m.tripConns[m.tripStart[trip]!] === c;
    if (first && !this.startTrip(c, trip)) return;
    this.freight.departAt(c);
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
      const ready = this.freight.readyFor(c);
      if (pool.length >= od.vehicles) why = "no vehicle";
      else if (!(ready.tonnes > EPS) || (ready.tonnes < od.minLoadFactor * service.capacityT - EPS && now - ready.sinceMin < od.maxWaitMin)) why = "not enough cargo";
      else pool.push(now);
    }
    if (why === null) {
      this.rec.ran(si, trip);
      this.log({ t: now, kind: "depart", trip, service: service.id, capacityT: m.timetable.capacityT[c]! });
      return true;
    }
    this.rec.notRun(si, why === "random");
    this.log({ t: now, kind: "cancel", trip, service: service.id, why });
    this.freight.displace(trip, why !== "random");
    return false;
  }

  tripArrive(c: number): void {
    const m = this.m;
    const t = m.timetable;
    const now = this.cal.now;
    const h = t.arrHub[c]!;
    if (this.waitForOpening(h, TRIP_ARR, c)) return;
    this.freight.alightAt(c);
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

  /** A vehicle at a closed hub tries again when it reopens: true when the event was put off. */
  private waitForOpening(h: number, kind: number, c: number): boolean {
    const now = this.cal.now;
    const open = this.closures.openAt(h, now);
    if (open <= now) return false;
    this.cal.schedule(open, kind, c);
    return true;
  }

  private gaugeChangeMin(h: number): number {
    return lognormal(this.borderRng, this.m.hubGaugeMin[h]!, this.m.scenario.variability?.gaugeChangeCv ?? 0);
  }

  borderDone(tag: number, h: number): void {
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

  backgroundArrive(h: number): void {
    const now = this.cal.now;
    if (this.crossings.get(h)!.request(now, BACKGROUND)) this.cal.schedule(now + this.gaugeChangeMin(h), BORDER_DONE, BACKGROUND, h);
    this.scheduleBackground(h, now);
  }

  cutStart(i: number): void {
    const { hub, factor } = this.cuts[i]!;
    const r = this.crossings.get(hub)!;
    r.setCapacity(Math.round(this.m.hubTracks[hub]! * factor));
  }

  cutEnd(i: number): void {
    const { hub } = this.cuts[i]!;
    const r = this.crossings.get(hub)!;
    r.setCapacity(this.m.hubTracks[hub]!);
    const now = this.cal.now;
    for (let tag = r.grantNext(now); tag !== -1; tag = r.grantNext(now)) this.cal.schedule(now + this.gaugeChangeMin(hub), BORDER_DONE, tag, hub);
  }

}

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
