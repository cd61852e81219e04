import { allowedModes, checkClockOption, clockMinutes, FourportsInputError, MIN_PER_DAY, MODES, type Scenario } from "@fourports/network";
import type { RoutingNetwork } from "@fourports/routing";
import type { Assignment } from "./assign.js";
import { dailyTonnes } from "./demand.js";
import { minCostFlow, type FlowArc } from "./min-cost-flow.js";
import { timeExpandedNetwork } from "./ten.js";

/** Generalised cost of an assignment: per booking, tonnes × (tariffs + trucking + value of time × hours from release to arrival). */
export function generalisedCost(scenario: Scenario, net: RoutingNetwork, a: Assignment): number {
  if (!a.bookingList) throw new FourportsInputError("invalid-option", "generalisedCost needs an assignment made with recordBookings: true");
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
 * A lower bound on the generalised cost of serving all demand: each flow alone on the
 * time-expanded network of its modes (timeExpandedNetwork: departures with their capacities,
 * minimum transfer times, transfer links), solved exactly by the network simplex. Dropping the
 * capacity shared between flows, trip-level capacity (each leg keeps its own) and hub handling
 * only relaxes the problem, and arc costs (non-negative) and tonnes are rounded down to 0.001,
 * so the sum over flows is a valid bound. Null when some flow cannot be served even so. For
 * small instances: the network grows with departures × modes.
 */
export function relaxedLowerBound(scenario: Scenario, net: RoutingNetwork, releaseTime = "08:00"): number | null {
  checkClockOption("relaxedLowerBound: releaseTime", releaseTime);
  const release = clockMinutes(releaseTime);
  const hubOf = new Map(scenario.hubs.map((h, i) => [h.id, i]));
  const floor3 = (x: number): number => Math.floor(x * 1e3) / 1e3;
  let total = 0;
  for (const d of scenario.demand) {
    const daily = dailyTonnes(scenario, d);
    if (daily.every((x) => x === 0)) continue;
    let modeMask = 0;
    for (const m of allowedModes(d)) modeMask |= 1 << MODES.indexOf(m);
    const vot = d.valueOfTimeCnyPerTHour / 60;
    const origin = hubOf.get(d.from)!;
    const dest = hubOf.get(d.to)!;
    const releases = [...daily].flatMap((x, day) => (x > 0 ? [day * MIN_PER_DAY + release] : []));
    const ten = timeExpandedNetwork(scenario, net, { modeMask, originTimes: new Map([[origin, releases]]) });
    const sink = ten.nodeCount;
    const arcs: FlowArc[] = [];
    for (let a = 0; a < ten.from.length; a++) {
      arcs.push({ from: ten.from[a]!, to: ten.to[a]!, capacity: ten.capacityT[a]!, cost: floor3(ten.costCny[a]! + vot * ten.durationMin[a]!) });
    }
    for (const [, node] of ten.arrivalNodes[dest]!) arcs.push({ from: node, to: sink, capacity: Infinity, cost: 0 });
    // Tonnes rounded down to the kilogram: with non-negative costs, less supply never costs
    // more, so the bound stays a bound.
    const supply = new Array<number>(ten.nodeCount + 1).fill(0);
    const originNode = new Map(ten.originNodes[origin]!.map(([x, n]) => [x, n]));
    let kg = 0;
    daily.forEach((x, day) => {
      const q = Math.floor(x * 1e3);
      if (q <= 0) return;
      supply[originNode.get(day * MIN_PER_DAY + release)!]! += q / 1e3;
      kg += q;
    });
    supply[sink] = -kg / 1e3;
    const r = minCostFlow({ nodeCount: ten.nodeCount + 1, arcs, supply });
    if (r.status !== "optimal") return null;
    total += r.cost;
  }
  return total;
}
