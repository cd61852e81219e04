// How many more China-Europe departures does it take for 3,600 trains in 2025?
// China-Europe trains run on demand: a path slot (a departure of the timetable) runs only when
// its minimum load is consolidated and a train set is back, so trains run are an output of
// slots, train sets and demand together. This scales the China-Europe path slots (the
// scale-frequency override on the CRE- services) and, separately, the China-Europe demand,
// assigns each year (least cost) and prints slots, trains run and the target's ceiling.
//
//   pnpm example:cre-frequency [--out DIR]
import { applyOverrides, assignedValue, capacityCeilings, loadScenarioFile, loadTargetRegistry, type Scenario } from "fourports";
import { exampleArgs, writeReport } from "./lib/args.js";
import { tablesPage } from "./lib/html.js";
import { fmt, printTable, type Table } from "./lib/print.js";
import { creDemand, creSlots, seed } from "./lib/what-ifs.js";
import { assignYear, fittedChoice, type AssignedYear } from "./lib/year.js";

const args = exampleArgs();
const fitted = await fittedChoice();
const base = loadScenarioFile(seed("zhengzhou-2025.json"));
const target = loadTargetRegistry(seed("targets-2025.json")).targets.find((t) => t.id === "cr-express-trains")!;
const goal = target.value as number;
const creFlows = base.demand.filter((d) => d.id.startsWith("CRE-")).map((d) => d.id);

/** Path slots of the China-Europe services in the year's timetable (trips, run or not). */
function slots(y: AssignedYear): number {
  const cre = new Set(y.scenario.services.flatMap((s, i) => (s.id.startsWith("CRE-") && s.mode === "rail" ? [i] : [])));
  const trips = new Set<number>();
  for (let c = 0; c < y.timetable.length; c++) if (cre.has(y.timetable.service[c]!)) trips.add(y.timetable.trip[c]!);
  return trips.size;
}

const grid: { slotFactor: number; demandFactor: number }[] = [
  { slotFactor: 1, demandFactor: 1 },
  { slotFactor: 1.5, demandFactor: 1 },
  { slotFactor: 2, demandFactor: 1 },
  { slotFactor: 1, demandFactor: 1.5 },
  { slotFactor: 1.5, demandFactor: 1.5 },
  { slotFactor: 2, demandFactor: 1.5 },
];
console.log(`target: ${target.title} ${target.comparator} ${fmt(goal)} ${target.unit}; ${creFlows.length} China-Europe flows`);
const rows: string[][] = [];
const results: { slotFactor: number; demandFactor: number; ran: number }[] = [];
for (const { slotFactor, demandFactor } of grid) {
  let sc: Scenario = base;
  if (slotFactor !== 1) sc = applyOverrides(sc, creSlots(slotFactor));
  if (demandFactor !== 1) sc = applyOverrides(sc, creDemand(demandFactor, creFlows));
  const y = await assignYear(`slots × ${slotFactor}, demand × ${demandFactor}`, sc, "cost", fitted);
  const ran = assignedValue(target.metric, target.hubs, y, y.assignment) ?? 0;
  const [ceiling] = capacityCeilings([target], y);
  results.push({ slotFactor, demandFactor, ran });
  const tonnes = sc.demand.filter((d) => creFlows.includes(d.id)).reduce((s, d) => s + d.tPerYear, 0);
  rows.push([
    `× ${slotFactor}`,
    `× ${demandFactor}`,
    fmt(slots(y)),
    fmt(tonnes),
    fmt(ran),
    ran >= goal ? "yes" : `no (${fmt(goal - ran)} short)`,
    String(ceiling?.ceiling ?? "–"),
    ceiling?.limitedBy ?? "–",
  ]);
}
const table: Table = {
  title: "China-Europe trains run by path slots and demand (least-cost assignment of the 2025 seed)",
  headers: ["slots", "demand", "slots/year", "CRE demand t", "trains run", `≥ ${fmt(goal)}?`, "ceiling", "limited by"],
  rows,
};
printTable(table);
// The answer in one line: the fewest extra slots that reach the goal at each demand level.
for (const demandFactor of [...new Set(grid.map((g) => g.demandFactor))]) {
  const atDemand = results.filter((r) => r.demandFactor === demandFactor);
  const first = atDemand.find((r) => r.ran >= goal);
  const best = atDemand.reduce((x, y) => (y.ran > x.ran ? y : x));
  console.log(
    first
      ? `demand × ${demandFactor}: slots × ${first.slotFactor} reach ${fmt(goal)} trains (${fmt(first.ran)})`
      : `demand × ${demandFactor}: no slot factor up to × ${Math.max(...atDemand.map((r) => r.slotFactor))} reaches ${fmt(goal)}; the most is ${fmt(best.ran)} at slots × ${best.slotFactor}: more departures add few trains, demand (with each train's minimum load) limits them`,
  );
}
writeReport(
  args,
  "cre-frequency.html",
  tablesPage("China-Europe departures for 3,600 trains", [
    "Path slots of the China-Europe services scaled with scale-frequency (departures per week × factor, rounded to whole departures); China-Europe demand scaled with scale-demand.",
    "Trains run on demand: a slot runs only with its minimum load consolidated and a train set at hand, so more slots alone add trains only where demand and train sets allow.",
  ], [table]),
);
