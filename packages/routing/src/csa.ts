import { checkNumberOption, checkOptionsObject, FourportsInputError, LIMITS, MIN_PER_DAY, MODES, type Mode } from "@fourports/network";
import { firstConnectionAtOrAfter, MODE_COUNT, ORIGIN_STATE, ROAD, STATE_COUNT, type RoutingNetwork } from "./network.js";

/** Arrival minute of a hub the last query did not reach (the largest int32). */
export const UNREACHED = 0x7fffffff;
/** Per hub: one arrival slot per state, plus one for arrivals by transfer link. */
const SLOTS = STATE_COUNT + 1;

/**
 * One leg of a journey: a ride on one trip of a service (possibly over several connections of that
 * trip), or a drive on a transfer link between hubs.
 */
export type JourneyLeg =
  | {
      /** A ride on a service. */
      kind: "service";
      /** Id of the service. */
      serviceId: string;
      /** Its mode. */
      mode: Mode;
      /** Trip number in the timetable. */
      trip: number;
      /** Hub id where the cargo boards. */
      fromHub: string;
      /** Hub id where it alights. */
      toHub: string;
      /** Departure from fromHub, minutes since the epoch. */
      departMin: number;
      /** Arrival at toHub, minutes since the epoch. */
      arriveMin: number;
      /** First and last connection index of the leg in the timetable. */
      connections: [number, number];
    }
  | {
      /** A drive on a transfer link. */
      kind: "transfer";
      /** Hub id where the truck leaves. */
      fromHub: string;
      /** Hub id where it arrives. */
      toHub: string;
      /** Departure, minutes since the epoch. */
      departMin: number;
      /** Arrival, minutes since the epoch. */
      arriveMin: number;
    };

/**
 * A journey from one hub to another over the timetable: its legs in order, with departure and arrival
 * in minutes since the epoch.
 */
export interface Journey {
  /** Id of the hub where the journey starts. */
  fromHub: string;
  /** Id of the hub where it ends. */
  toHub: string;
  /** Departure of the first leg, minutes since the epoch. */
  departMin: number;
  /** Arrival of the last leg, minutes since the epoch. */
  arriveMin: number;
  /** The legs in order. */
  legs: JourneyLeg[];
}

/** Options of an earliest-arrival scan. */
export interface ScanOptions {
  /** Stop once this hub's earliest arrival is final (one-to-one query). */
  target?: number;
  /** Connections (1) that may not be boarded, e.g. full departures. */
  skip?: Uint8Array;
  /** Only scan departures before departMin + windowMin (default: the whole timetable). */
  windowMin?: number;
  /** Bit m set: mode m (index into MODES) may be boarded; transfer links stay usable. Default: all. */
  modeMask?: number;
}

/** Minutes a query may name: two horizon limits either side of the epoch, far inside int32. */
export const QUERY_SPAN_MIN: number = 2 * LIMITS.horizonDays * MIN_PER_DAY;

/** Checks the arguments every scan shares: a hub index, a departure minute, a window, a skip mask. */
export function checkQuery(
  where: string,
  net: RoutingNetwork,
  source: number,
  departMin: number,
  options: { windowMin?: number; skip?: Uint8Array },
): void {
  checkNumberOption(`${where}: source`, source, { integer: true, required: true, min: 0, max: net.hubCount - 1 });
  // Finite and in range, not necessarily whole: the simulation asks from fractional clock times.
  checkNumberOption(`${where}: departMin`, departMin, { required: true, min: -QUERY_SPAN_MIN, max: QUERY_SPAN_MIN });
  checkOptionsObject(where, options);
  checkNumberOption(`${where}: windowMin`, options.windowMin, { min: 0, max: QUERY_SPAN_MIN });
  if (options.skip !== undefined && (!(options.skip instanceof Uint8Array) || options.skip.length < net.timetable.length)) {
    throw new FourportsInputError("invalid-option", `${where}: skip: expected a Uint8Array with one entry per connection (${net.timetable.length})`);
  }
}

/**
 * The Connection Scan Algorithm (Dibbelt, Pajor, Strasser, Wagner) for earliest arrival,
 * honouring minimum transfer times per hub and (arriving mode, departing mode), staying aboard
 * a trip through its intermediate stops, and one-hop transfer links between hubs of a city.
 *
 * Keeps its work arrays between queries (reset in O(touched)), so a query allocates nothing
 * until a journey is extracted. One instance per thread.
 */
export class ConnectionScan {
  /** Earliest arrival per hub, UNREACHED when not reached. */
  readonly arrival: Int32Array;
  private readonly arrEvent: Int32Array;
  /** Earliest departure on a transfer link per hub (from arrivals that did not come by link). */
  private readonly linkReady: Int32Array;
  /** Earliest arrival per (hub, arrival state). */
  private readonly arrState: Int32Array;
  /** Earliest time cargo at the hub is ready to board each mode. */
  private readonly ready: Int32Array;
  private readonly readyEvent: Int32Array;
  private readonly tripBoard: Int32Array;
  private readonly touchedHubs: Int32Array;
  private touchedHubCount = 0;
  private readonly hubTouched: Uint8Array;
  private touchedTrips: Int32Array;
  private touchedTripCount = 0;
  // Link events: which link, from which event, when.
  private linkEvLink: Int32Array<ArrayBuffer> = new Int32Array(64);
  private linkEvPrev: Int32Array<ArrayBuffer> = new Int32Array(64);
  private linkEvDep: Int32Array<ArrayBuffer> = new Int32Array(64);
  private linkEvCount = 0;
  private source = -1;
  private departMin = 0;
  /** Connections looked at by the last query. */
  scanned = 0;

  /** @param net The routing network to scan; the instance keeps work arrays sized to it. */
  constructor(readonly net: RoutingNetwork) {
    const n = net.hubCount;
    this.arrival = new Int32Array(n).fill(UNREACHED);
    this.arrEvent = new Int32Array(n);
    this.linkReady = new Int32Array(n).fill(UNREACHED);
    this.arrState = new Int32Array(n * SLOTS).fill(UNREACHED);
    this.ready = new Int32Array(n * MODE_COUNT).fill(UNREACHED);
    this.readyEvent = new Int32Array(n * MODE_COUNT);
    this.tripBoard = new Int32Array(net.timetable.tripCount).fill(-1);
    this.touchedHubs = new Int32Array(n);
    this.hubTouched = new Uint8Array(n);
    this.touchedTrips = new Int32Array(1024);
  }

  private reset(): void {
    for (let i = 0; i < this.touchedHubCount; i++) {
      const h = this.touchedHubs[i]!;
      this.arrival[h] = UNREACHED;
      this.linkReady[h] = UNREACHED;
      this.ready.fill(UNREACHED, h * MODE_COUNT, h * MODE_COUNT + MODE_COUNT);
      this.arrState.fill(UNREACHED, h * SLOTS, h * SLOTS + SLOTS);
      this.hubTouched[h] = 0;
    }
    this.touchedHubCount = 0;
    for (let i = 0; i < this.touchedTripCount; i++) this.tripBoard[this.touchedTrips[i]!] = -1;
    this.touchedTripCount = 0;
    this.linkEvCount = 0;
  }

  /** Records that cargo is at hub v at time t, having arrived in `state`, through event ev. */
  private reach(v: number, state: number, t: number, ev: number, followLinks: boolean): void {
    const net = this.net;
    if (!this.hubTouched[v]) {
      this.hubTouched[v] = 1;
      this.touchedHubs[this.touchedHubCount++] = v;
    }
    // Arrivals by link get their own slot: unlike a road service's, they may not take a link on.
    const slot = v * SLOTS + (followLinks ? state : STATE_COUNT);
    if (t >= this.arrState[slot]!) return;
    this.arrState[slot] = t;
    if (t < this.arrival[v]!) {
      this.arrival[v] = t;
      this.arrEvent[v] = ev;
    }
    const row = (v * STATE_COUNT + state) * MODE_COUNT;
    const ready = this.ready;
    for (let m = 0; m < MODE_COUNT; m++) {
      const r = t + net.transferMin[row + m]!;
      if (r < ready[v * MODE_COUNT + m]!) {
        ready[v * MODE_COUNT + m] = r;
        this.readyEvent[v * MODE_COUNT + m] = ev;
      }
    }
    // Links are one hop: their departures are tracked apart from arrivals that came by link.
    if (!followLinks) return;
    const depart = t + net.transferMin[row + ROAD]!;
    if (depart >= this.linkReady[v]!) return;
    this.linkReady[v] = depart;
    for (let k = net.linkOffsets[v]!, end = net.linkOffsets[v + 1]!; k < end; k++) {
      const e = this.linkEvCount++;
      if (e >= this.linkEvLink.length) this.growLinkEvents();
      this.linkEvLink[e] = k;
      this.linkEvPrev[e] = ev;
      this.linkEvDep[e] = depart;
      this.reach(net.linkTo[k]!, ROAD, depart + net.linkMin[k]!, -(e + 2), false);
    }
  }

  private growLinkEvents(): void {
    const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.linkEvLink = grow(this.linkEvLink);
    this.linkEvPrev = grow(this.linkEvPrev);
    this.linkEvDep = grow(this.linkEvDep);
  }

  /** Earliest arrival from `source` leaving at `departMin`; read results from `arrival` or journey(). */
  run(source: number, departMin: number, options: ScanOptions = {}): void {
    checkQuery("ConnectionScan.run", this.net, source, departMin, options);
    if (options.target !== undefined) checkNumberOption("ConnectionScan.run: target", options.target, { integer: true, min: 0, max: this.net.hubCount - 1 });
    checkNumberOption("ConnectionScan.run: modeMask", options.modeMask, { integer: true, min: 0, max: 0xff });
    this.reset();
    this.source = source;
    this.departMin = departMin;
    this.reach(source, ORIGIN_STATE, departMin, -1, true);
    const t = this.net.timetable;
    const { depMin, arrMin, depHub, arrHub, trip } = t;
    const mode = this.net.connMode;
    const target = options.target ?? -1;
    const skip = options.skip;
    const modeMask = options.modeMask ?? 0xff;
    const windowEnd = options.windowMin === undefined ? UNREACHED : departMin + options.windowMin;
    const ready = this.ready;
    const tripBoard = this.tripBoard;
    const arrival = this.arrival;
    const arrState = this.arrState;
    const n = t.length;
    let c = firstConnectionAtOrAfter(t, departMin);
    const first = c;
    let rescanned = 0;
    for (; c < n; c++) {
      const d = depMin[c]!;
      if (d >= windowEnd || (target >= 0 && d >= arrival[target]!)) break;
      if (skip !== undefined && skip[c] === 1) continue;
      const tr = trip[c]!;
      const boarded = tripBoard[tr]!;
      // Boarded at a later connection of the trip (found on a rescan, below): not aboard here yet.
      if (boarded < 0 || boarded > c) {
        if (((modeMask >> mode[c]!) & 1) === 0) continue;
        if (ready[depHub[c]! * MODE_COUNT + mode[c]!]! > d) continue;
        tripBoard[tr] = c;
        if (boarded < 0) {
          if (this.touchedTripCount === this.touchedTrips.length) {
            const b = new Int32Array(this.touchedTrips.length * 2);
            b.set(this.touchedTrips);
            this.touchedTrips = b;
          }
          this.touchedTrips[this.touchedTripCount++] = tr;
        }
      }
      const v = arrHub[c]!;
      // Transfer times depend only on the arrival state, so a later arrival in the same state
      // improves nothing: one read filters most connections.
      const a = arrMin[c]!;
      if (a < arrState[v * SLOTS + mode[c]!]!) {
        this.reach(v, mode[c]!, a, c, true);
        // A zero-length connection (arriving in the minute it leaves) may make connections of
        // its minute listed before it boardable: scan the minute again from its start, so the
        // answer does not depend on how same-minute connections are listed. Each rescan
        // follows a strict improvement, so it ends; it is rare, and costs nothing otherwise.
        if (a === d) {
          const restart = firstConnectionAtOrAfter(t, d);
          rescanned += c + 1 - restart;
          c = restart - 1;
        }
      }
    }
    this.scanned = c - first + rescanned;
  }

  /** The journey to hub `to` found by the last run, or null when it was not reached. */
  journey(to: number): Journey | null {
    if (this.arrival[to] === UNREACHED) return null;
    const net = this.net;
    const t = net.timetable;
    const ids = net.hubIds;
    const legs: JourneyLeg[] = [];
    let ev = this.arrEvent[to]!;
    while (ev !== -1) {
      if (ev >= 0) {
        const b = this.tripBoard[t.trip[ev]!]!;
        const m = net.connMode[b]!;
        legs.push({
          kind: "service",
          serviceId: t.serviceIds[t.service[ev]!]!,
          mode: MODES[m]!,
          trip: t.trip[ev]!,
          fromHub: ids[t.depHub[b]!]!,
          toHub: ids[t.arrHub[ev]!]!,
          departMin: t.depMin[b]!,
          arriveMin: t.arrMin[ev]!,
          connections: [b, ev],
        });
        ev = this.readyEvent[t.depHub[b]! * MODE_COUNT + m]!;
      } else {
        const e = -ev - 2;
        const k = this.linkEvLink[e]!;
        const from = this.linkFrom(k);
        const dep = this.linkEvDep[e]!;
        legs.push({ kind: "transfer", fromHub: ids[from]!, toHub: ids[net.linkTo[k]!]!, departMin: dep, arriveMin: dep + net.linkMin[k]! });
        ev = this.linkEvPrev[e]!;
      }
    }
    legs.reverse();
    return { fromHub: ids[this.source]!, toHub: ids[to]!, departMin: this.departMin, arriveMin: this.arrival[to]!, legs };
  }

  private linkFrom(k: number): number {
    const off = this.net.linkOffsets;
    let lo = 0;
    let hi = this.net.hubCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (off[mid]! <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
