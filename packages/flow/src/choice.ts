import { MODES, type Commodity, type DemandFlow, type Mode } from "@fourports/network";
import type { Journey } from "@fourports/routing";

/**
 * The value of time a flow is weighed with, CNY per tonne-hour: its own where it is fixed (a
 * what-if's update-demand set it), else the per-commodity value given (a fitted choice), else its own.
 */
export function flowValueOfTime(d: DemandFlow, byCommodity: Partial<Record<Commodity, number>> | undefined): number {
  return d.valueOfTimeFixed ? d.valueOfTimeCnyPerTHour : (byCommodity?.[d.commodity] ?? d.valueOfTimeCnyPerTHour);
}

/** The parameters of the shipper's choice; every field optional, defaults as documented. */
export interface ChoiceParameters {
  /** Logit sensitivity to relative generalised cost (default 10, ASSUMPTION: a route 10% dearer gets e^-1 of the weight). */
  logitScale?: number;
  /**
   * Values of time by commodity, CNY per tonne-hour, replacing the flows' own
   * valueOfTimeCnyPerTHour for that commodity (fitted by @fourports/targets fitChoice), except
   * where a flow's `valueOfTimeFixed` says its own value stands (see flowValueOfTime).
   */
  valueOfTimeCnyPerTHour?: Partial<Record<Commodity, number>>;
  /**
   * Mode constants, CNY per tonne added to the generalised cost of a journey by its main mode in
   * the shipper's (logit) view: what shippers weigh beyond tariff and time (reliability,
   * handling, habit). 0 where not given.
   */
  modeConstantCnyPerT?: Partial<Record<Mode, number>>;
}

/**
 * The main mode of a journey: its highest-ranked service mode, road counting only when nothing
 * else is used (road legs at the ends are the first and last mile).
 */
const RANK: readonly Mode[] = ["air", "hsr", "rail", "sea", "river", "road"];
/**
 * The main mode of a journey: its highest-ranked service mode (air, hsr, rail, sea, river, road), road
 * counting only when nothing else is used, since road legs at the ends are the first and last mile.
 * Null for a journey with no service leg. `connMode` is the routing network's mode index per
 * connection.
 */
export function mainModeOf(j: Journey, connMode: Uint8Array): Mode | null {
  let best = RANK.length;
  for (const leg of j.legs) {
    if (leg.kind !== "service") continue;
    const r = RANK.indexOf(MODES[connMode[leg.connections[0]]!]!);
    if (r < best) best = r;
  }
  return best < RANK.length ? RANK[best]! : null;
}

export interface Priced {
  j: Journey;
  /** Generalised cost per tonne: tariffs and trucking + value of time × hours from release. */
  g: number;
}

/**
 * Shares of a batch over priced journeys. "earliest": the first (earliest) journey; "cost": the
 * least generalised cost; "logit": the k cheapest, share ∝ exp(−scale × (u / u_min − 1)) where
 * u = g + the main mode's constant — the shipper's view.
 */
export function shares(
  priced: Priced[],
  choice: "earliest" | "cost" | "logit",
  k: number,
  logitScale: number,
  constantOf: (j: Journey) => number,
): { j: Journey; share: number }[] {
  if (choice === "earliest") return [{ j: priced[0]!.j, share: 1 }];
  if (choice === "cost") {
    const best = [...priced].sort((x, y) => x.g - y.g || x.j.arriveMin - y.j.arriveMin)[0]!;
    return [{ j: best.j, share: 1 }];
  }
  const util = priced.map((p) => ({ j: p.j, u: p.g + constantOf(p.j) })).sort((x, y) => x.u - y.u || x.j.arriveMin - y.j.arriveMin);
  const best = util.slice(0, k);
  const w = logitWeights(best.map((x) => x.u), logitScale);
  return best.map((x, i) => ({ j: x.j, share: w[i]! }));
}

/**
 * Logit shares over utilities (costs) sorted ascending: share ∝ exp(−scale × (u / u_min − 1)).
 * Relative to the cheapest, so one scale serves a 300 CNY truck and a 30,000 CNY flight alike.
 */
export function logitWeights(sortedCosts: number[], logitScale: number): number[] {
  const uMin = Math.max(sortedCosts[0]!, 1e-9);
  const w = sortedCosts.map((u) => Math.exp(-logitScale * (u / uMin - 1)));
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / sum);
}
