import { checkNumberOption, MODES } from "@fourports/network";
import { checkQuery, type JourneyLeg } from "./csa.js";
import { firstConnectionAtOrAfter, MODE_COUNT, ORIGIN_STATE, ROAD, STATE_COUNT, type RoutingNetwork } from "./network.js";

/**
 * A journey on the Pareto front of (arrival, cost, CO2): no other journey is at least as good on all
 * three and better on one.
 */
export interface ParetoJourney {
  /** Departure of the first leg, minutes since the epoch. */
  departMin: number;
  /** Arrival of the last leg, minutes since the epoch. */
  arriveMin: number;
  /** Per tonne. */
  costCny: number;
  /** CO2 per tonne carried, kg. */
  co2Kg: number;
  /** The legs in order. */
  legs: JourneyLeg[];
}

/** Options of {@link paretoJourneys}. */
export interface ParetoOptions {
  /** At most this many labels per bag (default 64); past it new labels are dropped and `truncated` is set. */
  maxLabels?: number;
  /** Scan departures up to departMin + windowMin (default 30 days). */
  windowMin?: number;
  /** Connections (1) that may not be boarded, e.g. full departures; one entry per connection. */
  skip?: Uint8Array;
}

/** The Pareto-optimal journeys of a query. */
export interface ParetoResult {
  /** The journeys, one per non-dominated (arrival, cost, CO2) triple. */
  journeys: ParetoJourney[];
  /** True when a bag overflowed: the set may then miss Pareto-optimal journeys. */
  truncated: boolean;
  /** Connections scanned, a measure of the work done. */
  scanned: number;
}

/** Cargo at a hub: arrived at t in `state`, with cost and CO2 so far, and how it got there. */
interface Arrival {
  t: number;
  state: number;
  cost: number;
  co2: number;
  parent: Arrival | null;
  /** Connection legs: first and last connection; links: the link slot and departure. */
  board: number;
  alight: number;
  link: number;
  linkDep: number;
}

interface Ready {
  r: number;
  a: Arrival;
}

interface OnTrip {
  cost: number;
  co2: number;
  from: Arrival;
  board: number;
}

const dominatesOrEqual = (t1: number, c1: number, e1: number, t2: number, c2: number, e2: number): boolean =>
  t1 <= t2 && c1 <= c2 && e1 <= e2;

/**
 * Pareto-optimal journeys over (arrival time, cost, CO2) from source to target: a
 * multi-criteria Connection Scan with one bag of labels per hub and departure mode, one per
 * trip, and target pruning. Costs and CO2 are per tonne; transfer rules are those of
 * ConnectionScan.
 */
export function paretoJourneys(net: RoutingNetwork, source: number, target: number, departMin: number, options: ParetoOptions = {}): ParetoResult {
  checkQuery("paretoJourneys", net, source, departMin, options);
  checkNumberOption("paretoJourneys: target", target, { integer: true, required: true, min: 0, max: net.hubCount - 1 });
  checkNumberOption("paretoJourneys: maxLabels", options.maxLabels, { integer: true, min: 1, max: 100_000 });
  const maxLabels = options.maxLabels ?? 64;
  const windowEnd = departMin + (options.windowMin ?? 30 * 1440);
  const t = net.timetable;
  const readyBags = new Map<number, Ready[]>();
  const tripBags = new Map<number, OnTrip[]>();
  const targetBag: Arrival[] = [];
  let truncated = false;

  const prunedByTarget = (time: number, cost: number, co2: number): boolean =>
    targetBag.some((x) => dominatesOrEqual(x.t, x.cost, x.co2, time, cost, co2));

  const arrive = (a: Arrival, v: number, followLinks: boolean): void => {
    if (prunedByTarget(a.t, a.cost, a.co2)) return;
    if (v === target) {
      for (let i = targetBag.length - 1; i >= 0; i--) {
        const x = targetBag[i]!;
        if (dominatesOrEqual(a.t, a.cost, a.co2, x.t, x.cost, x.co2)) targetBag.splice(i, 1);
      }
      targetBag.push(a);
      return; // journeys end at the target
    }
    const row = (v * STATE_COUNT + a.state) * MODE_COUNT;
    for (let m = 0; m < MODE_COUNT; m++) {
      const r = a.t + net.transferMin[row + m]!;
      const key = v * MODE_COUNT + m;
      let bag = readyBags.get(key);
      if (!bag) readyBags.set(key, (bag = []));
      if (bag.some((x) => dominatesOrEqual(x.r, x.a.cost, x.a.co2, r, a.cost, a.co2))) continue;
      for (let i = bag.length - 1; i >= 0; i--) {
        const x = bag[i]!;
        if (dominatesOrEqual(r, a.cost, a.co2, x.r, x.a.cost, x.a.co2)) bag.splice(i, 1);
      }
      if (bag.length >= maxLabels) {
        truncated = true;
        continue;
      }
      bag.push({ r, a });
    }
    if (!followLinks) return;
    const dep = a.t + net.transferMin[row + ROAD]!;
    for (let k = net.linkOffsets[v]!; k < net.linkOffsets[v + 1]!; k++) {
      arrive(
        { t: dep + net.linkMin[k]!, state: ROAD, cost: a.cost + net.linkCostCny[k]!, co2: a.co2 + net.linkCo2Kg[k]!, parent: a, board: -1, alight: -1, link: k, linkDep: dep },
        net.linkTo[k]!,
        false,
      );
    }
  };

  arrive({ t: departMin, state: ORIGIN_STATE, cost: 0, co2: 0, parent: null, board: -1, alight: -1, link: -1, linkDep: 0 }, source, true);

  let c = firstConnectionAtOrAfter(t, departMin);
  const first = c;
  for (; c < t.length; c++) {
    const d = t.depMin[c]!;
    if (d >= windowEnd) break;
    if (options.skip?.[c] === 1) continue;
    const tr = t.trip[c]!;
    const m = net.connMode[c]!;
    let onTrip = tripBags.get(tr);
    const ready = readyBags.get(t.depHub[c]! * MODE_COUNT + m);
    if (ready) {
      for (const x of ready) {
        if (x.r > d) continue;
        onTrip ??= [];
        if (onTrip.some((y) => y.cost <= x.a.cost && y.co2 <= x.a.co2)) continue;
        for (let i = onTrip.length - 1; i >= 0; i--) {
          const y = onTrip[i]!;
          if (x.a.cost <= y.cost && x.a.co2 <= y.co2) onTrip.splice(i, 1);
        }
        onTrip.push({ cost: x.a.cost, co2: x.a.co2, from: x.a, board: c });
      }
      if (onTrip) tripBags.set(tr, onTrip);
    }
    if (!onTrip) continue;
    for (const y of onTrip) {
      y.cost += net.connCostCny[c]!;
      y.co2 += net.connCo2Kg[c]!;
      arrive(
        { t: t.arrMin[c]!, state: m, cost: y.cost, co2: y.co2, parent: y.from, board: y.board, alight: c, link: -1, linkDep: 0 },
        t.arrHub[c]!,
        true,
      );
    }
  }

  const journeys = targetBag
    .map((a) => toJourney(net, a))
    .sort((x, y) => x.arriveMin - y.arriveMin || x.costCny - y.costCny || x.co2Kg - y.co2Kg);
  return { journeys, truncated, scanned: c - first };
}

function toJourney(net: RoutingNetwork, last: Arrival): ParetoJourney {
  const t = net.timetable;
  const ids = net.hubIds;
  const legs: JourneyLeg[] = [];
  let a: Arrival | null = last;
  for (; a && a.parent; a = a.parent) {
    if (a.link >= 0) {
      const k = a.link;
      let from = 0;
      while (net.linkOffsets[from + 1]! <= k) from++;
      legs.push({ kind: "transfer", fromHub: ids[from]!, toHub: ids[net.linkTo[k]!]!, departMin: a.linkDep, arriveMin: a.t });
    } else {
      legs.push({
        kind: "service",
        serviceId: t.serviceIds[t.service[a.alight]!]!,
        mode: MODES[net.connMode[a.board]!]!,
        trip: t.trip[a.board]!,
        fromHub: ids[t.depHub[a.board]!]!,
        toHub: ids[t.arrHub[a.alight]!]!,
        departMin: t.depMin[a.board]!,
        arriveMin: t.arrMin[a.alight]!,
        connections: [a.board, a.alight],
      });
    }
  }
  legs.reverse();
  return { departMin: legs[0]?.departMin ?? last.t, arriveMin: last.t, costCny: last.cost, co2Kg: last.co2, legs };
}
