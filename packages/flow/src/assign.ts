import { allowedModes, clockMinutes, COMMODITY_LIMITS, MIN_PER_DAY, MODES, type Scenario } from "@fourports/network";
import { ConnectionScan, UNREACHED, type Journey, type JourneyLeg, type RoutingNetwork } from "@fourports/routing";
import { flowValueOfTime, mainModeOf, shares, type Priced } from "./choice.js";
import { dailyTonnes } from "./demand.js";
import { indexTimetable } from "./assign-index.js";
import { checkAssignOptions } from "./assign-options.js";
import type { AssignOptions, Assignment, Booking, DemandOutcome, PortThroughput } from "./assign-types.js";
import { UNSERVED_REASONS, type UnservedReason } from "./assign-types.js";
import { DROPPED, FREE, OPEN, RAN, SlotLedger } from "./slots.js";
import { choiceMasks } from "./skims.js";

export { UNSERVED_REASONS, type AssignOptions, type Assignment, type Booking, type DemandOutcome, type DispatchSummary, type PortThroughput, type UnservedReason } from "./assign-types.js";

/** A booking while the assignment runs; an on-demand trip that does not run takes its bookings back. */
interface Rec {
  flow: number;
  amount: number;
  ready: number;
  j: Journey;
  alive: boolean;
}

/**
 * Assigns a year of demand to the timetable by priority on residual capacities: each day every
 * flow releases its tonnes (dailyTonnes), highest value of time first; a batch takes a journey
 * in the modes it may use whose departures and hubs still have room, as much as fits, then the
 * next, until it is placed or nothing fits. Every departure's capacity (a trip's capacityT over
 * its whole run) and every hub's daily handling (handling.tPerDay, counted on loading and
 * unloading) is respected, and flow is conserved: each booked tonne travels a whole journey.
 *
 * On-demand services: their trips are path slots. Booking a free slot takes a vehicle of the
 * service's pool (at most `vehicles` departures in any rotationMin); a slot without a vehicle is
 * closed. Once the day's release passes a slot's departure, its load is final: at or above
 * minLoadFactor × capacityT it runs; below, it does not run, and its bookings go back and are
 * placed again from their release with that slot closed — so freight consolidates on later
 * slots, or goes another way if waiting costs too much. Only trips that run carry cargo.
 */
export function assignDemand(scenario: Scenario, net: RoutingNetwork, options: AssignOptions = {}): Assignment {
  checkAssignOptions(options);
  const t = net.timetable;
  const days = scenario.horizonDays;
  const nHubs = net.hubCount;
  const C = t.length;
  const hubIndex = new Map(scenario.hubs.map((h, i) => [h.id, i]));
  const release = clockMinutes(options.releaseTime ?? "08:00");
  const maxTransitAll = (options.maxTransitDays ?? 30) * MIN_PER_DAY;
  const choice = options.choice ?? "earliest";
  const k = options.k ?? 3;
  const logitScale = options.logitScale ?? 10;

  const { tripStart, tripConns, tripCapT: tripCap, hdStart, hdConns, depHD, arrHD, connKm } = indexTimetable(scenario, t);
  const tripResidual = tripCap.slice();
  const hubDayResidual = new Float64Array(nHubs * days);
  scenario.hubs.forEach((h, i) => hubDayResidual.fill(h.handling?.tPerDay ?? Infinity, i * days, (i + 1) * days));
  // On-demand slots: who may run; the bookings on each, to take back from a slot that does not run.
  const slots = new SlotLedger(scenario, t, tripCap);
  const { onDemand, minLoadT } = slots;
  const tripRecs = new Map<number, Rec[]>();

  const skip = new Uint8Array(C);
  const connectionT = new Float64Array(C);
  const connectionTeu = new Float64Array(C);
  const hubDayT = new Float64Array(nHubs * days);
  const loadedT = new Float64Array(nHubs * MODES.length);
  const unloadedT = new Float64Array(nHubs * MODES.length);

  const votOf = options.valueOfTimeCnyPerTHour ?? {};
  const flows = scenario.demand
    .map((d) => {
      let mask = 0;
      for (const m of allowedModes(d)) mask |= 1 << MODES.indexOf(m);
      const teuPerT = d.teuPerYear !== undefined && d.tPerYear > 0 ? d.teuPerYear / d.tPerYear : 0;
      const limitDays = d.maxTransitDays ?? COMMODITY_LIMITS[d.commodity].maxTransitDays;
      const maxTransit = Math.min(maxTransitAll, limitDays === undefined ? Infinity : limitDays * MIN_PER_DAY);
      const vot = flowValueOfTime(d, votOf);
      return { d, vot, daily: dailyTonnes(scenario, d), mask, teuPerT, maxTransit, from: hubIndex.get(d.from)!, to: hubIndex.get(d.to)!, routable: true };
    })
    .sort((a, b) => b.vot - a.vot || (a.d.id < b.d.id ? -1 : 1));
  const outcome = flows.map((f): DemandOutcome => ({ demandId: f.d.id, demandT: 0, servedT: 0, unservedT: { "no route": 0, capacity: 0, "too late": 0, "not dispatched": 0 } }));

  const scan = new ConnectionScan(net);
  // A flow with no journey at all in its modes, even with every departure empty, has no route.
  const masksOf = flows.map((f) => {
    scan.run(f.from, release, { target: f.to, modeMask: f.mask });
    f.routable = scan.arrival[f.to] !== UNREACHED;
    return f.routable && choice !== "earliest" ? choiceMasks(scan, f.from, f.to, f.mask, release) : [f.mask];
  });

  /** Whether the capacity mask closes a connection: trip full or not running, or a hub-day full. */
  const closed = (c: number): number => {
    const trip = t.trip[c]!;
    return tripResidual[trip]! <= 0 || slots.closed(trip) || hubDayResidual[depHD(c)]! <= 0 || hubDayResidual[arrHD(c)]! <= 0 ? 1 : 0;
  };
  const refreshTrip = (trip: number): void => {
    for (let i = tripStart[trip]!; i < tripStart[trip + 1]!; i++) skip[tripConns[i]!] = closed(tripConns[i]!);
  };
  const refreshHubDay = (hd: number): void => {
    for (let i = hdStart[hd]!; i < hdStart[hd + 1]!; i++) skip[hdConns[i]!] = closed(hdConns[i]!);
  };
  const serviceTrips = (j: Journey): number[] => j.legs.flatMap((l) => (l.kind === "service" ? [t.trip[l.connections[0]]!] : []));
  /**
   * Tonnes a journey can still take: its trips' room and its hub-days' room (a hub-day used
   * twice gives each use half). 0 when it would open an on-demand slot whose pool has no
   * vehicle then; that slot is closed so the next search avoids it.
   */
  const room = (j: Journey): number => {
    for (const trip of serviceTrips(j)) {
      // A journey priced before its slot closed (the candidates are cached) must not book it.
      if (slots.mayBook(trip)) continue;
      refreshTrip(trip);
      return 0;
    }
    let amount = Infinity;
    const uses = new Map<number, number>();
    for (const leg of j.legs) {
      if (leg.kind !== "service") continue;
      const [b, a] = leg.connections;
      amount = Math.min(amount, tripResidual[t.trip[b]!]!);
      for (const hd of [depHD(b), arrHD(a)]) uses.set(hd, (uses.get(hd) ?? 0) + 1);
    }
    for (const [hd, n] of uses) amount = Math.min(amount, hubDayResidual[hd]! / n);
    return amount;
  };
  const legConnections = (b: number, a: number): number[] => {
    const trip = t.trip[b]!;
    const out: number[] = [];
    for (let i = tripStart[trip]!; i < tripStart[trip + 1]!; i++) {
      const c = tripConns[i]!;
      if (t.depMin[c]! >= t.depMin[b]! && t.depMin[c]! <= t.depMin[a]!) out.push(c);
    }
    return out;
  };
  /** Tariffs and trucking of a journey, CNY per tonne. */
  const journeyCny = (j: Journey): number => {
    let cny = 0;
    for (const leg of j.legs) {
      if (leg.kind === "transfer") cny += net.linkCostCny[linkSlot(net, hubIndex.get(leg.fromHub)!, hubIndex.get(leg.toHub)!)]!;
      else for (const c of legConnections(leg.connections[0], leg.connections[1])) cny += net.connCostCny[c]!;
    }
    return cny;
  };
  /**
   * Journeys with room that arrive within the transit limit: the earliest overall and, for the
   * choice views, the earliest by each allowed main mode (choiceMasks).
   */
  const candidates = (fi: number, ready: number, cache: Map<number, Journey | null>): Journey[] => {
    const f = flows[fi]!;
    const out: Journey[] = [];
    const seen = new Set<string>();
    for (const mask of masksOf[fi]!) {
      // Within one placement capacity only shrinks: a mask that found nothing finds nothing
      // again, and a journey that still has room is still the earliest of its mask.
      let j = cache.get(mask);
      if (j === undefined || (j !== null && !(room(j) > 1e-12))) {
        scan.run(f.from, ready, { target: f.to, modeMask: mask, skip, windowMin: f.maxTransit + 1 });
        j = scan.journey(f.to);
        if (j && j.arriveMin - ready > f.maxTransit) j = null;
        cache.set(mask, j);
      }
      if (!j) continue;
      const key = j.legs.map((l) => (l.kind === "service" ? `${l.trip}:${l.connections[0]}-${l.connections[1]}` : `${l.fromHub}>${l.toHub}@${l.departMin}`)).join("|");
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(j);
    }
    return out;
  };
  const constants = options.modeConstantCnyPerT ?? {};
  const constantOf = (j: Journey): number => {
    const m = mainModeOf(j, net.connMode);
    return m === null ? 0 : (constants[m] ?? 0);
  };

  let tonneKm = 0;
  let costCny = 0;
  let co2Kg = 0;
  let bookings = 0;
  const recs: Rec[] | undefined = options.recordBookings ? [] : undefined;

  /** Adds (sign 1) or takes back (sign −1) a booking's tonnes everywhere they count. */
  const apply = (r: Rec, sign: 1 | -1): void => {
    const amount = sign * r.amount;
    const teuPerT = flows[r.flow]!.teuPerT;
    for (const leg of r.j.legs) {
      if (leg.kind === "transfer") {
        const slot = linkSlot(net, hubIndex.get(leg.fromHub)!, hubIndex.get(leg.toHub)!);
        costCny += amount * net.linkCostCny[slot]!;
        tonneKm += amount * net.linkKm[slot]!;
        co2Kg += amount * net.linkCo2Kg[slot]!;
        continue;
      }
      const [b, a] = leg.connections;
      const trip = t.trip[b]!;
      for (const c of legConnections(b, a)) {
        connectionT[c]! += amount;
        connectionTeu[c]! += amount * teuPerT;
        tonneKm += amount * connKm[c]!;
        costCny += amount * net.connCostCny[c]!;
        co2Kg += amount * net.connCo2Kg[c]!;
      }
      loadedT[t.depHub[b]! * MODES.length + net.connMode[b]!]! += amount;
      unloadedT[t.arrHub[a]! * MODES.length + net.connMode[a]!]! += amount;
      const wasFull = tripResidual[trip]! <= 0;
      tripResidual[trip]! -= amount;
      if (tripResidual[trip]! <= 1e-9) tripResidual[trip] = 0;
      if (wasFull !== tripResidual[trip]! <= 0) refreshTrip(trip);
      for (const hd of [depHD(b), arrHD(a)]) {
        const hdFull = hubDayResidual[hd]! <= 0;
        hubDayT[hd]! += amount;
        hubDayResidual[hd]! -= amount;
        if (hubDayResidual[hd]! <= 1e-9) hubDayResidual[hd] = 0;
        if (hdFull !== hubDayResidual[hd]! <= 0) refreshHubDay(hd);
      }
    }
    outcome[r.flow]!.servedT += amount;
    bookings += sign;
  };
  const book = (r: Rec): void => {
    apply(r, 1);
    recs?.push(r);
    for (const trip of serviceTrips(r.j)) {
      if (!onDemand[trip]) continue;
      slots.booked(trip);
      let list = tripRecs.get(trip);
      if (!list) tripRecs.set(trip, (list = []));
      list.push(r);
    }
  };
  const unbook = (r: Rec): void => {
    r.alive = false;
    apply(r, -1);
    // A trip that ran may fall below its minimum without these tonnes: judge it again.
    for (const trip of serviceTrips(r.j)) {
      if (!onDemand[trip]) continue;
      const load = tripCap[trip]! - tripResidual[trip]!;
      if (slots.state[trip] === RAN && load < minLoadT[trip]! - 1e-9) slots.reopen(trip);
      if (slots.state[trip] === OPEN && load <= 1e-9) giveBack(trip, FREE);
    }
  };

  /** Places `amount` tonnes of a flow released at `ready`, as much as fits. */
  const place = (fi: number, amount: number, ready: number, rebooking: boolean): void => {
    const f = flows[fi]!;
    const o = outcome[fi]!;
    let left = amount;
    if (!f.routable) {
      o.unservedT["no route"] += left;
      return;
    }
    const cache = new Map<number, Journey | null>();
    while (left > 1e-9) {
      const found = candidates(fi, ready, cache);
      if (found.length === 0) {
        if (rebooking) {
          o.unservedT["not dispatched"] += left;
          return;
        }
        // Without the capacity mask it would have gone: the departures or hubs were full.
        scan.run(f.from, ready, { target: f.to, modeMask: f.mask, windowMin: f.maxTransit + 1 });
        const a = scan.arrival[f.to]!;
        o.unservedT[a === UNREACHED || a - ready > f.maxTransit ? "too late" : "capacity"] += left;
        return;
      }
      const priced: Priced[] = found.map((j) => ({ j, g: journeyCny(j) + (f.vot * (j.arriveMin - ready)) / 60 }));
      const round = left;
      for (const { j, share } of shares(priced, choice, k, logitScale, constantOf)) {
        const amt = Math.min(round * share, left, room(j));
        if (!(amt > 1e-12)) continue;
        book({ flow: fi, amount: amt, ready, j, alive: true });
        left -= amt;
      }
    }
  };

  /** An open slot gives its vehicle back (emptied, or dropped); slots waiting for one may open again. */
  const giveBack = (trip: number, to: typeof FREE | typeof DROPPED): void => {
    for (const b of slots.release(trip, to)) refreshTrip(b);
    refreshTrip(trip);
  };
  /** A trip whose load stayed below its minimum does not run; its cargo is placed again. */
  const drop = (trip: number): void => {
    giveBack(trip, DROPPED);
    const back = [...new Set(tripRecs.get(trip) ?? [])].filter((r) => r.alive);
    tripRecs.delete(trip);
    for (const r of back) unbook(r);
    for (const r of back) if (!waitForNextSlot(r, trip)) place(r.flow, r.amount, r.ready, true);
  };
  /** The connection of a trip leaving `hub` (from) or reaching it (to); -1 when it does not call there. */
  const callAt = (trip: number, hub: number, end: "from" | "to"): number => {
    for (let i = tripStart[trip]!; i < tripStart[trip + 1]!; i++) {
      const c = tripConns[i]!;
      if ((end === "from" ? t.depHub[c] : t.arrHub[c]) === hub) return c;
    }
    return -1;
  };
  /**
   * Consolidation: the cargo of a slot that did not run waits at the origin for a later slot of
   * the same service with room and a vehicle, within the transit limit — when the slot's leg is
   * the journey's last ride (what follows is trucking, shifted in time). Else it is placed anew.
   */
  const waitForNextSlot = (r: Rec, dropped: number): boolean => {
    const legs = r.j.legs;
    const at = legs.findIndex((l) => l.kind === "service" && t.trip[l.connections[0]] === dropped);
    if (at < 0 || legs.slice(at + 1).some((l) => l.kind === "service")) return false;
    const leg = legs[at]! as Extract<JourneyLeg, { kind: "service" }>;
    const f = flows[r.flow]!;
    const fromHub = t.depHub[leg.connections[0]]!;
    const toHub = t.arrHub[leg.connections[1]]!;
    for (const next of slots.later(dropped)) {
      if (slots.closed(next)) continue;
      const b = callAt(next, fromHub, "from");
      const a = callAt(next, toHub, "to");
      if (b < 0 || a < 0) continue;
      const shift = t.arrMin[a]! - leg.arriveMin;
      if (r.j.arriveMin + shift - r.ready > f.maxTransit) return false;
      const moved: Journey = {
        ...r.j,
        arriveMin: r.j.arriveMin + shift,
        legs: legs.map((l, i) =>
          i < at ? l : i === at ? { ...leg, trip: t.trip[b]!, departMin: t.depMin[b]!, arriveMin: t.arrMin[a]!, connections: [b, a] } : { ...l, departMin: l.departMin + shift, arriveMin: l.arriveMin + shift },
        ),
      };
      if (room(moved) < r.amount - 1e-9) continue;
      book({ flow: r.flow, amount: r.amount, ready: r.ready, j: moved, alive: true });
      return true;
    }
    return false;
  };
  /** Decides every open slot departing before `frontier`, earliest first, until none is left. */
  const settle = (frontier: number): void => {
    for (;;) {
      const due = slots.due(frontier);
      if (due.length === 0) return;
      for (const trip of due) {
        if (slots.state[trip] !== OPEN) continue;
        if (tripCap[trip]! - tripResidual[trip]! >= minLoadT[trip]! - 1e-9) slots.ran(trip);
        else drop(trip);
      }
    }
  };

  for (let day = 0; day < days; day++) {
    options.signal?.throwIfAborted();
    const ready = day * MIN_PER_DAY + release;
    if (slots.hasOpen()) settle(ready);
    flows.forEach((f, fi) => {
      const x = f.daily[day]!;
      outcome[fi]!.demandT += x;
      if (x > 0) place(fi, x, ready, false);
    });
    options.onProgress?.(day + 1, days);
  }
  settle(Infinity);

  const { tripRan, ...dispatch } = slots.outcome();
  const demand = outcome.slice().sort((a, b) => (a.demandId < b.demandId ? -1 : a.demandId > b.demandId ? 1 : 0));
  const unservedT: Record<UnservedReason, number> = { "no route": 0, capacity: 0, "too late": 0, "not dispatched": 0 };
  let servedT = 0;
  for (const o of demand) {
    servedT += o.servedT;
    for (const r of UNSERVED_REASONS) unservedT[r] += o.unservedT[r];
  }
  const bookingList = recs?.filter((r) => r.alive).map((r): Booking => ({ demandId: flows[r.flow]!.d.id, tonnes: r.amount, releaseMin: r.ready, legs: r.j.legs }));
  return {
    scenarioId: scenario.id,
    connectionT,
    connectionTeu,
    tripRan,
    dispatch,
    hubDayT,
    ports: portThroughput(scenario, loadedT, unloadedT),
    demand,
    servedT,
    unservedT,
    tonneKm,
    costCny,
    co2Kg,
    bookings,
    ...(bookingList ? { bookingList } : {}),
  };
}

/** Throughput at the home city's hubs by port group and mode. */
function portThroughput(scenario: Scenario, loadedT: Float64Array, unloadedT: Float64Array): PortThroughput[] {
  const ports = new Map<string, PortThroughput>();
  scenario.hubs.forEach((h, i) => {
    const g = h.city === scenario.homeCity ? h.portGroup : null;
    if (!g) return;
    for (let m = 0; m < MODES.length; m++) {
      const l = loadedT[i * MODES.length + m]!;
      const u = unloadedT[i * MODES.length + m]!;
      if (l === 0 && u === 0) continue;
      const key = `${g}/${MODES[m]}`;
      let e = ports.get(key);
      if (!e) ports.set(key, (e = { portGroup: g, mode: MODES[m]!, loadedT: 0, unloadedT: 0 }));
      e.loadedT += l;
      e.unloadedT += u;
    }
  });
  return [...ports.values()].sort((a, b) => (a.portGroup + a.mode < b.portGroup + b.mode ? -1 : 1));
}

function linkSlot(net: RoutingNetwork, from: number, to: number): number {
  for (let k = net.linkOffsets[from]!; k < net.linkOffsets[from + 1]!; k++) if (net.linkTo[k] === to) return k;
  throw new Error(`no transfer link ${from} → ${to}`);
}
