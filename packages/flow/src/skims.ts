import { allowedModes, clockMinutes, COMMODITY_LIMITS, dayNumber, MIN_PER_DAY, MODES, type Mode, type Scenario } from "@fourports/network";
import { ConnectionScan, UNREACHED, type Journey, type RoutingNetwork } from "@fourports/routing";
import { logitWeights, mainModeOf, type ChoiceParameters } from "./choice.js";

/** One way a flow can go, on an empty network: its main mode, tariffs and trucking, and transit. */
export interface SkimOption {
  /** The journey's main mode (see {@link mainModeOf}). */
  mode: Mode;
  /** Tariffs plus trucking per tonne, CNY, averaged over the sample days' journeys of this mode. */
  costCnyPerT: number;
  /** Hours from release to arrival, averaged over the sample days' journeys of this mode. */
  transitHours: number;
  /** A representative journey (the first sample day's), for counting where its tonnes show up. */
  journey: Journey;
}

/** The level of service one demand flow has by each main mode open to it. */
export interface FlowSkim {
  /** Id of the demand flow. */
  demandId: string;
  /** One option per main mode that reaches the destination; a mode without a journey is absent. */
  options: SkimOption[];
}

/**
 * Level of service per flow and main mode on the empty timetable (no capacity used): the
 * earliest journey overall and the earliest by each allowed main mode (with road for the first
 * and last mile) — the assignment's choice set — averaged over releases on those of `sampleDays`
 * (day numbers from the epoch) that lie in the flow's release period. What the aggregate choice model (and its fit) prices.
 */
export function choiceSkims(scenario: Scenario, net: RoutingNetwork, sampleDays: number[], releaseTime = "08:00", maxTransitDays = 30): FlowSkim[] {
  const scan = new ConnectionScan(net);
  const hubIndex = new Map(scenario.hubs.map((h, i) => [h.id, i]));
  const linkCost = (from: string, to: string): number => {
    const a = hubIndex.get(from)!;
    const b = hubIndex.get(to)!;
    for (let k = net.linkOffsets[a]!; k < net.linkOffsets[a + 1]!; k++) if (net.linkTo[k] === b) return net.linkCostCny[k]!;
    return 0;
  };
  const cny = (j: Journey): number => {
    let sum = 0;
    for (const leg of j.legs) {
      if (leg.kind === "transfer") sum += linkCost(leg.fromHub, leg.toHub);
      else for (let c = leg.connections[0]; c <= leg.connections[1]; c++) if (net.timetable.trip[c] === leg.trip) sum += net.connCostCny[c]!;
    }
    return sum;
  };
  return scenario.demand.map((d) => {
    let mask = 0;
    for (const m of allowedModes(d)) mask |= 1 << MODES.indexOf(m);
    const limit = Math.min(maxTransitDays, d.maxTransitDays ?? COMMODITY_LIMITS[d.commodity].maxTransitDays ?? Infinity) * MIN_PER_DAY;
    const masks = choiceMasks(scan, hubIndex.get(d.from)!, hubIndex.get(d.to)!, mask, 0);
    // Price only releases the flow makes: a flow released from mid-year is not priced on January's waits.
    const epoch = dayNumber(scenario.epoch);
    const first = d.releaseFrom === undefined ? 0 : dayNumber(d.releaseFrom) - epoch;
    const last = d.releaseTo === undefined ? Infinity : dayNumber(d.releaseTo) - epoch;
    const inPeriod = sampleDays.filter((x) => x >= first && x <= last);
    const acc = new Map<Mode, { cny: number; hours: number; n: number; journey: Journey }>();
    for (const day of inPeriod.length > 0 ? inPeriod : [Math.max(0, first)]) {
      const ready = day * MIN_PER_DAY + clockMinutes(releaseTime);
      const seen = new Set<Mode>();
      for (const m of masks) {
        scan.run(hubIndex.get(d.from)!, ready, { target: hubIndex.get(d.to)!, modeMask: m, windowMin: limit + 1 });
        const j = scan.journey(hubIndex.get(d.to)!);
        if (!j || j.arriveMin - ready > limit) continue;
        const mode = mainModeOf(j, net.connMode);
        if (mode === null || seen.has(mode)) continue;
        seen.add(mode);
        const a = acc.get(mode) ?? { cny: 0, hours: 0, n: 0, journey: j };
        a.cny += cny(j);
        a.hours += (j.arriveMin - ready) / 60;
        a.n++;
        acc.set(mode, a);
      }
    }
    const options = [...acc].map(([mode, a]) => ({ mode, costCnyPerT: a.cny / a.n, transitHours: a.hours / a.n, journey: a.journey }));
    options.sort((x, y) => MODES.indexOf(x.mode) - MODES.indexOf(y.mode));
    return { demandId: d.id, options };
  });
}

/**
 * Shares of a flow's tonnes over its skim options under the shipper's logit (the assignment's
 * "logit" view without capacity): the k cheapest by generalised cost + mode constant.
 */
export function skimShares(skim: FlowSkim, valueOfTimeCnyPerTHour: number, p: ChoiceParameters, k = 3): number[] {
  const u = skim.options.map((o) => o.costCnyPerT + valueOfTimeCnyPerTHour * o.transitHours + (p.modeConstantCnyPerT?.[o.mode] ?? 0));
  const order = u.map((_, i) => i).sort((a, b) => u[a]! - u[b]! || a - b);
  const best = order.slice(0, k);
  const w = logitWeights(best.map((i) => u[i]!), p.logitScale ?? 10);
  const out = new Array<number>(u.length).fill(0);
  best.forEach((i, r) => (out[i] = w[r]!));
  return out;
}

/**
 * The mode masks of a flow's choice set: per allowed main mode m, m alone — or m with road
 * services when trucks are needed to reach it (Zhoukou's barges from Zhengzhou) and the journey
 * then really uses m. Allowing road with every main mode would let the earliest journey be a
 * truck and hide the slower mode, so road is added only where m alone cannot reach. Journeys
 * mixing two main modes besides road (rail then river) are not in the set. Probed once on the
 * empty timetable from `fromMin`, so a mode that runs only part of the year still counts. The
 * flow's full mask when nothing else reaches.
 */
export function choiceMasks(scan: ConnectionScan, from: number, to: number, mask: number, fromMin: number): number[] {
  const road = 1 << MODES.indexOf("road");
  const out: number[] = [];
  for (let m = 0; m < MODES.length; m++) {
    const bit = 1 << m;
    if (!(mask & bit)) continue;
    scan.run(from, fromMin, { target: to, modeMask: bit });
    if (scan.arrival[to] !== UNREACHED) {
      out.push(bit);
      continue;
    }
    if (bit === road || !(mask & road)) continue;
    scan.run(from, fromMin, { target: to, modeMask: bit | road });
    if (scan.arrival[to] === UNREACHED) continue;
    if (scan.journey(to)!.legs.some((l) => l.kind === "service" && l.mode === MODES[m])) out.push(bit | road);
  }
  return out.length > 0 ? out : [mask];
}
