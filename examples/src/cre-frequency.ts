// How much China-Europe demand does it take for 3,600 trains in 2025?
// China-Europe trains run on demand: a path slot runs only when its minimum load is consolidated
// and a train set is back, so the trains counted are an output of demand, not of the timetable.
// This scales the China-Europe flows (ids CRE-…) step by step, assigns the year (least cost),
// and reads the trains that ran and the ceiling (the slots the train pools could run).
//
//   pnpm example:cre-frequency
import { fileURLToPath } from "node:url";
import {
  applyOverrides,
  assignDemand,
  assignedValue,
  capacityCeilings,
  expandTimetable,
  loadScenarioFile,
  loadTargetRegistry,
  prepareRouting,
  type Scenario,
} from "fourports";

const seeds = (f: string): string => fileURLToPath(new URL(`../../seeds/${f}`, import.meta.url));
const base = loadScenarioFile(seeds("zhengzhou-2025.json"));
const target = loadTargetRegistry(seeds("targets-2025.json")).targets.find((t) => t.id === "cr-express-trains")!;
const creFlows = base.demand.filter((d) => d.id.startsWith("CRE-")).map((d) => d.id);

function withFactor(sc: Scenario, factor: number): Scenario {
  if (factor === 1) return sc;
  return applyOverrides(sc, [{ op: "scale-demand", select: { ids: creFlows }, factor, source: "fourports", label: "ASSUMPTION", note: `what-if: China-Europe demand × ${factor}` }]);
}

console.log(`target: ${target.title} ${target.comparator} ${target.value} ${target.unit}; ${creFlows.length} China-Europe flows scaled`);
for (const factor of [1, 1.25, 1.5, 1.75, 2]) {
  const t0 = performance.now();
  const sc = withFactor(base, factor);
  const timetable = expandTimetable(sc);
  const year = { scenario: sc, timetable };
  const a = assignDemand(sc, prepareRouting(sc, timetable), { choice: "cost" });
  const ran = assignedValue(target.metric, target.hubs, year, a)!;
  const [ceiling] = capacityCeilings([target], year);
  const tonnes = sc.demand.filter((d) => creFlows.includes(d.id)).reduce((s, d) => s + d.tPerYear, 0);
  console.log(
    `demand × ${factor.toFixed(2)} (${Math.round(tonnes).toLocaleString("en-US")} t) → ${Math.round(ran).toLocaleString("en-US")} trains ran ` +
      `(${ran >= (target.value as number) ? "meets" : "below"} ${target.value}); ceiling ${ceiling!.ceiling} trains, limited by ${ceiling!.limitedBy} ` +
      `[${((performance.now() - t0) / 1000).toFixed(1)} s]`,
  );
}
