import { expandTimetable, loadScenarioValue, type ScenarioFile } from "@fourports/network";
import { prepareRouting } from "@fourports/routing";
import { assignDemand, generalisedCost, relaxedLowerBound } from "@fourports/flow";
import seedrandom from "seedrandom";

const P = { source: "t", label: "ASSUMPTION" } as const;

/**
 * Seeded small instances (rings of 4–6 hubs, hourly services of 5–40 t both ways, an express
 * shortcut, 2–4 flows over a week) on which the priority assignment serves all demand; for each,
 * its generalised cost against the relaxed time-expanded lower bound.
 */
export function optimalityGaps(count: number, seed: string, choice: "earliest" | "cost" | "logit"): { instances: number; gaps: number[] } {
  const rng = seedrandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
  const gaps: number[] = [];
  let tried = 0;
  while (gaps.length < count && tried < count * 5) {
    tried++;
    const n = int(4, 6);
    const services: ScenarioFile["services"] = [];
    const modes = ["air", "rail", "road"] as const;
    for (let i = 0; i < n; i++) {
      for (const [dir, from, to] of [["F", i, (i + 1) % n], ["B", (i + 1) % n, i]] as const) {
        services.push({ id: `S${i}${dir}`, line: `L${i}`, mode: modes[int(0, 2)]!, from: `H${from}`, to: `H${to}`, distanceKm: 50, durationMin: int(20, 120), capacityT: int(5, 40), tariffCnyPerT: int(0, 300), international: false, schedule: { type: "frequency", perDay: 24, firstTime: "00:10" }, ...P });
      }
    }
    services.push({ id: "X", line: "X", mode: "air", from: "H0", to: `H${n - 1}`, distanceKm: 80, durationMin: int(20, 200), capacityT: 3, tariffCnyPerT: int(0, 900), international: false, schedule: { type: "frequency", perDay: 6, firstTime: "01:00" }, ...P });
    const flows = int(2, 4);
    const file: ScenarioFile = {
      id: `gap-${tried}`, name: "gap", epoch: "2025-03-03", horizonDays: 7, homeCity: "H0", sources: { t: { title: "t" } },
      hubs: Array.from({ length: n }, (_, i) => ({ id: `H${i}`, name: `H${i}`, kind: "city" as const, portGroup: null, city: `H${i}`, country: "CN", lon: i, lat: 0, transferMin: { default: 15 }, ...P })),
      services,
      transfers: [],
      demand: Array.from({ length: flows }, (_, k) => {
        const i = int(0, n - 1);
        const j = (i + int(1, n - 1)) % n;
        return { id: `D${k}`, from: `H${i}`, to: `H${j}`, commodity: "general" as const, tPerYear: int(50, 600), valueOfTimeCnyPerTHour: int(1, 300), modes: ["air", "rail", "road"], ...P };
      }),
    };
    const sc = loadScenarioValue(file);
    const net = prepareRouting(sc, expandTimetable(sc));
    const a = assignDemand(sc, net, { recordBookings: true, maxTransitDays: 60, choice });
    if (a.unservedT.capacity + a.unservedT["no route"] + a.unservedT["too late"] > 1e-9) continue;
    const lb = relaxedLowerBound(sc, net);
    if (lb === null || lb <= 0) continue;
    gaps.push(generalisedCost(sc, net, a) / lb - 1);
  }
  return { instances: tried, gaps };
}
