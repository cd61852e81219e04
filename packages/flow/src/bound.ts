import { clockMinutes, MIN_PER_DAY, MODES, type Scenario } from "@fourports/network";
import type { RoutingNetwork } from "@fourports/routing";
import { dailyTonnes, type Assignment } from "./assign.js";
import { minCostFlow, type FlowArc } from "./min-cost-flow.js";

/** Generalised cost of an assignment: per booking, tonnes × (tariffs + trucking + value of time × hours from release to arrival). */
export function generalisedCost(scenario: Scenario, net: RoutingNetwork, a: Assignment): number {
  if (!a.bookingList) throw new Error("generalisedCost needs an assignment made with recordBookings: true");
  const vot = new Map(scenario.demand.map((d) => [d.id, d.valueOfTimeCnyPerTHour]));
  const hub = new Map(net.hubIds.map((id, i) => [id, i]));
  let total = 0;
  for (const b of a.bookingList) {
    let cny = 0;
    for (const leg of b.legs) {
      if (leg.kind === "service") {
        for (let c = leg.connections[0]; c <= leg.connections[1]; c++) if (net.timetable.trip[c] === leg.trip) cny += net.connCostCny[c]!;
      } else {
        const from = hub.get(leg.fromHub)!;
        for (let k = net.linkOffsets[from]!; k < net.linkOffsets[from + 1]!; k++) if (net.hubIds[net.linkTo[k]!] === leg.toHub) cny += net.linkCostCny[k]!;
      }
    }
    const last = b.legs[b.legs.length - 1]!;
    total += b.tonnes * (cny + (vot.get(b.demandId)! * (last.arriveMin - b.releaseMin)) / 60);
  }
  return total;
}

/**
 * A lower bound on the generalised cost of serving all demand: each flow alone on a
 * time-expanded network (hub × event-time nodes, one arc per connection with its capacity,
 * waiting arcs, transfer-link arcs), solved exactly by the network simplex. Dropping the
 * capacity shared between flows, trip-level capacity, hub handling and minimum transfer times
 * only relaxes the problem, and arc costs (non-negative) and tonnes are rounded down to 0.001,
 * so the sum over flows is a valid bound. Null when some flow cannot be served even so. For
 * small instances: the network grows with hubs × events.
 */
export function relaxedLowerBound(scenario: Scenario, net: RoutingNetwork, releaseTime = "08:00"): number | null {
  const t = net.timetable;
  const release = clockMinutes(releaseTime);
  const hubOf = new Map(scenario.hubs.map((h, i) => [h.id, i]));
  const floor3 = (x: number): number => Math.floor(x * 1e3) / 1e3;
  let total = 0;
  for (const d of scenario.demand) {
    const daily = dailyTonnes(scenario, d);
    if (daily.every((x) => x === 0)) continue;
    let mask = 0;
    for (const m of d.modes) mask |= 1 << MODES.indexOf(m);
    const vot = d.valueOfTimeCnyPerTHour / 60;
    // Event times per hub.
    const times = Array.from({ length: net.hubCount }, () => new Set<number>());
    const origin = hubOf.get(d.from)!;
    const dest = hubOf.get(d.to)!;
    daily.forEach((x, day) => x > 0 && times[origin]!.add(day * MIN_PER_DAY + release));
    for (let c = 0; c < t.length; c++) {
      if (((mask >> net.connMode[c]!) & 1) === 0) continue;
      times[t.depHub[c]!]!.add(t.depMin[c]!);
      times[t.arrHub[c]!]!.add(t.arrMin[c]!);
    }
    // Links may start from any event; their arrivals become events too.
    const base = times.map((s) => [...s]);
    base.forEach((list, u) => {
      for (let k = net.linkOffsets[u]!; k < net.linkOffsets[u + 1]!; k++) for (const x of list) times[net.linkTo[k]!]!.add(x + net.linkMin[k]!);
    });
    const sorted = times.map((s) => [...s].sort((a, b) => a - b));
    const nodeOf = new Map<string, number>();
    let n = 0;
    sorted.forEach((list, u) => list.forEach((x) => nodeOf.set(`${u}@${x}`, n++)));
    const sink = n++;
    const arcs: FlowArc[] = [];
    sorted.forEach((list, u) => {
      for (let i = 0; i + 1 < list.length; i++) {
        arcs.push({ from: nodeOf.get(`${u}@${list[i]}`)!, to: nodeOf.get(`${u}@${list[i + 1]}`)!, capacity: Infinity, cost: floor3(vot * (list[i + 1]! - list[i]!)) });
      }
      if (u === dest) for (const x of list) arcs.push({ from: nodeOf.get(`${u}@${x}`)!, to: sink, capacity: Infinity, cost: 0 });
    });
    for (let c = 0; c < t.length; c++) {
      if (((mask >> net.connMode[c]!) & 1) === 0) continue;
      arcs.push({
        from: nodeOf.get(`${t.depHub[c]}@${t.depMin[c]}`)!,
        to: nodeOf.get(`${t.arrHub[c]}@${t.arrMin[c]}`)!,
        capacity: t.capacityT[c]!,
        cost: floor3(net.connCostCny[c]! + vot * (t.arrMin[c]! - t.depMin[c]!)),
      });
    }
    base.forEach((list, u) => {
      for (let k = net.linkOffsets[u]!; k < net.linkOffsets[u + 1]!; k++) {
        for (const x of list) {
          arcs.push({ from: nodeOf.get(`${u}@${x}`)!, to: nodeOf.get(`${net.linkTo[k]}@${x + net.linkMin[k]!}`)!, capacity: Infinity, cost: floor3(net.linkCostCny[k]! + vot * net.linkMin[k]!) });
        }
      }
    });
    // Tonnes rounded down to the kilogram: with non-negative costs, less supply never costs
    // more, so the bound stays a bound.
    const supply = new Array<number>(n).fill(0);
    let kg = 0;
    daily.forEach((x, day) => {
      const q = Math.floor(x * 1e3);
      if (q <= 0) return;
      supply[nodeOf.get(`${origin}@${day * MIN_PER_DAY + release}`)!]! += q / 1e3;
      kg += q;
    });
    supply[sink] = -kg / 1e3;
    const r = minCostFlow({ nodeCount: n, arcs, supply });
    if (r.status !== "optimal") return null;
    total += r.cost;
  }
  return total;
}
