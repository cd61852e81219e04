import { checkNumberOption, checkOptionsObject } from "@fourports/network";
import { MIN_PER_DAY, type Scenario } from "@fourports/network";
import { MODE_COUNT, ROAD, STATE_COUNT, type RoutingNetwork } from "@fourports/routing";

/**
 * What an arc of the time-expanded network stands for: board (cargo ready at a hub onto a
 * departure), ride (one connection), stay-aboard (on the same trip from one leg to the next),
 * transfer (from an arrival or origin to a later departure, by a trucking link if any), wait (at
 * a hub to its next time node) and arrive (cargo leaves the network at a hub). "depart-origin"
 * is part of the type but the builder makes no arc of that kind today.
 */
export type TenArcKind = "board" | "ride" | "stay-aboard" | "transfer" | "wait" | "arrive" | "depart-origin";

/** A time-expanded network: every arc with its capacity (t), cost (CNY/t) and duration (min). */
export interface TimeExpandedNetwork {
  /** Number of nodes; arcs refer to nodes 0..nodeCount-1. */
  nodeCount: number;
  /** Tail node of each arc. */
  from: Int32Array;
  /** Head node of each arc. */
  to: Int32Array;
  /** Capacity of each arc, tonnes (Infinity for uncapacitated arcs). */
  capacityT: Float64Array;
  /** Cost of each arc per tonne, CNY. */
  costCny: Float64Array;
  /** Duration of each arc, minutes. */
  durationMin: Int32Array;
  /** What each arc stands for. */
  kind: TenArcKind[];
  /** Ride arcs: the timetable connection each carries (-1 for other arcs). */
  connection: Int32Array;
  /**
   * Per hub, nodes where cargo can start (origin nodes, by time) and end (arrival nodes, by time),
   * as [time, node] pairs sorted by time.
   */
  originNodes: [number, number][][];
  /** Per hub, the nodes where cargo can end, as [time, node] pairs sorted by time (see originNodes). */
  arrivalNodes: [number, number][][];
  /**
   * Each hub's daily handling: the board and arrive… arcs loading or unloading there that day,
   * whose flows together may not exceed capacityT. A side constraint (a bundle), not an arc
   * capacity: a minimum-cost flow solver ignores it, an LP solver can add it.
   */
  handling: {
    /** Hub index. */
    hub: number;
    /** Day number from the epoch. */
    day: number;
    /** The hub's daily handling capacity, tonnes. */
    capacityT: number;
    /** Loading and unloading arcs at the hub that day. */
    arcs: number[];
  }[];
}

/** Which modes, origin times and horizon a time-expanded network covers. */
export interface TenOptions {
  /** Bit m set: mode m may be boarded (default: all). */
  modeMask?: number;
  /** Extra origin times per hub (e.g. the daily release of a flow), added as origin nodes. */
  originTimes?: Map<number, number[]>;
}

/**
 * Expands a routing network over time. Nodes: for each departure a boarding node and for each
 * connection an on-board node at each end; for each hub and departure mode a chain of "ready
 * to board" nodes at that mode's departure times (waiting arcs between them, unbounded: the
 * model gives no storage limits); origin and arrival nodes at each hub. Arcs: ride (capacity of
 * the trip per leg), stay aboard to the trip's next leg, board, and transfer arcs from each
 * arrival to the first departure of every mode the hub's minimum transfer time (arriving mode →
 * departing mode) allows — directly or after one transfer link by truck, as the Connection Scan
 * allows. Hub daily handling is returned as bundles over the loading and unloading arcs.
 */
export function timeExpandedNetwork(scenario: Scenario, net: RoutingNetwork, options: TenOptions = {}): TimeExpandedNetwork {
  const t = net.timetable;
  checkOptionsObject("timeExpandedNetwork", options);
  checkNumberOption("timeExpandedNetwork: modeMask", options.modeMask, { integer: true, min: 0, max: 0xff });
  const mask = options.modeMask ?? 0xff;
  const days = scenario.horizonDays;
  const from: number[] = [];
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const dur: number[] = [];
  const kind: TenArcKind[] = [];
  const conn: number[] = [];
  let nodeCount = 0;
  const arc = (a: number, b: number, k: TenArcKind, capacityT: number, costCny: number, durationMin: number, c = -1): number => {
    from.push(a);
    to.push(b);
    cap.push(capacityT);
    cost.push(costCny);
    dur.push(durationMin);
    kind.push(k);
    conn.push(c);
    return from.length - 1;
  };
  const usable = (c: number): boolean => ((mask >> net.connMode[c]!) & 1) === 1;

  // Ready chains: per (hub, mode), the departure times of that mode, each a node.
  const readyTimes = new Map<number, number[]>();
  for (let c = 0; c < t.length; c++) {
    if (!usable(c)) continue;
    const key = t.depHub[c]! * MODE_COUNT + net.connMode[c]!;
    let list = readyTimes.get(key);
    if (!list) readyTimes.set(key, (list = []));
    list.push(t.depMin[c]!);
  }
  const readyNode = new Map<number, { times: number[]; nodes: number[] }>();
  for (const [key, list] of readyTimes) {
    const times = [...new Set(list)].sort((a, b) => a - b);
    const nodes = times.map(() => nodeCount++);
    readyNode.set(key, { times, nodes });
    for (let i = 0; i + 1 < nodes.length; i++) arc(nodes[i]!, nodes[i + 1]!, "wait", Infinity, 0, times[i + 1]! - times[i]!);
  }
  /** The ready node of the first mode-m departure at hub h at or after time x, with its time. */
  const readyAt = (h: number, m: number, x: number): [number, number] | null => {
    const r = readyNode.get(h * MODE_COUNT + m);
    if (!r) return null;
    let lo = 0;
    let hi = r.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (r.times[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo < r.times.length ? [r.nodes[lo]!, r.times[lo]!] : null;
  };

  // Ride arcs: on-board nodes at each end of each connection; staying aboard joins a trip's legs.
  const onIn = new Int32Array(t.length).fill(-1);
  const onOut = new Int32Array(t.length).fill(-1);
  const lastLegOfTrip = new Int32Array(t.tripCount).fill(-1);
  const handling = new Map<number, number[]>();
  const handle = (h: number, minute: number, a: number): void => {
    const key = h * days + Math.min(days - 1, Math.max(0, Math.floor(minute / MIN_PER_DAY)));
    let list = handling.get(key);
    if (!list) handling.set(key, (list = []));
    list.push(a);
  };
  for (let c = 0; c < t.length; c++) {
    if (!usable(c)) continue;
    onIn[c] = nodeCount++;
    onOut[c] = nodeCount++;
    arc(onIn[c]!, onOut[c]!, "ride", t.capacityT[c]!, net.connCostCny[c]!, t.arrMin[c]! - t.depMin[c]!, c);
    const ready = readyAt(t.depHub[c]!, net.connMode[c]!, t.depMin[c]!)!;
    handle(t.depHub[c]!, t.depMin[c]!, arc(ready[0], onIn[c]!, "board", Infinity, 0, 0));
    const prev = lastLegOfTrip[t.trip[c]!]!;
    if (prev >= 0) arc(onOut[prev]!, onIn[c]!, "stay-aboard", Infinity, 0, t.depMin[c]! - t.arrMin[prev]!);
    lastLegOfTrip[t.trip[c]!] = c;
  }

  // Arrival nodes per hub and time; origin nodes per hub and time.
  const arrivalNode = new Map<string, number>();
  const arrivalAt = (h: number, x: number): number => {
    const key = `${h}@${x}`;
    let n = arrivalNode.get(key);
    if (n === undefined) arrivalNode.set(key, (n = nodeCount++));
    return n;
  };
  /** Arcs from cargo at hub h at time x in `state` to every mode's next departure, and on by link. */
  const fanOut = (src: number, h: number, x: number, state: number, viaLinks: boolean): void => {
    for (let m = 0; m < MODE_COUNT; m++) {
      if (((mask >> m) & 1) === 0) continue;
      const r = readyAt(h, m, x + net.transferMin[(h * STATE_COUNT + state) * MODE_COUNT + m]!);
      if (r) arc(src, r[0], "transfer", Infinity, 0, r[1] - x);
    }
    arc(src, arrivalAt(h, x), "arrive", Infinity, 0, 0);
    if (!viaLinks) return;
    const leave = x + net.transferMin[(h * STATE_COUNT + state) * MODE_COUNT + ROAD]!;
    for (let k = net.linkOffsets[h]!; k < net.linkOffsets[h + 1]!; k++) {
      const w = net.linkTo[k]!;
      const there = leave + net.linkMin[k]!;
      for (let m = 0; m < MODE_COUNT; m++) {
        if (((mask >> m) & 1) === 0) continue;
        const r = readyAt(w, m, there + net.transferMin[(w * STATE_COUNT + ROAD) * MODE_COUNT + m]!);
        if (r) arc(src, r[0], "transfer", Infinity, net.linkCostCny[k]!, r[1] - x);
      }
      arc(src, arrivalAt(w, there), "arrive", Infinity, net.linkCostCny[k]!, there - x);
    }
  };
  for (let c = 0; c < t.length; c++) {
    if (onOut[c]! < 0) continue;
    const v = t.arrHub[c]!;
    // Unloading counts where cargo leaves the trip: every arc fanOut adds out of the on-board node.
    const first = from.length;
    fanOut(onOut[c]!, v, t.arrMin[c]!, net.connMode[c]!, true);
    for (let a = first; a < from.length; a++) handle(v, t.arrMin[c]!, a);
  }
  const originNodes: [number, number][][] = Array.from({ length: net.hubCount }, () => []);
  const originTimes = options.originTimes ?? new Map<number, number[]>();
  for (const [h, times] of originTimes) {
    for (const x of [...new Set(times)].sort((a, b) => a - b)) {
      const n = nodeCount++;
      originNodes[h]!.push([x, n]);
      fanOut(n, h, x, STATE_COUNT - 1, true);
    }
  }
  const arrivalNodes: [number, number][][] = Array.from({ length: net.hubCount }, () => []);
  for (const [key, n] of arrivalNode) {
    const [h, x] = key.split("@").map(Number) as [number, number];
    arrivalNodes[h]!.push([x, n]);
  }
  for (const list of arrivalNodes) list.sort((a, b) => a[0] - b[0]);
  const bundles: TimeExpandedNetwork["handling"] = [];
  for (const [key, arcs] of handling) {
    const hub = Math.floor(key / days);
    const capacityT = scenario.hubs[hub]!.handling?.tPerDay;
    if (capacityT !== undefined) bundles.push({ hub, day: key % days, capacityT, arcs });
  }
  bundles.sort((a, b) => a.hub - b.hub || a.day - b.day);
  return {
    nodeCount,
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    capacityT: Float64Array.from(cap),
    costCny: Float64Array.from(cost),
    durationMin: Int32Array.from(dur),
    kind,
    connection: Int32Array.from(conn),
    originNodes,
    arrivalNodes,
    handling: bundles,
  };
}

