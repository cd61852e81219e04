// What weekly China-Europe frequency would the 2025 timetable need to carry 3,600 trains?
// Scales every international line's departures a week from the new land port, re-expands the
// timetable and reads the ceiling, without touching the scenario files.
//
//   pnpm example:cre-frequency
import { fileURLToPath } from "node:url";
import {
  applyOverrides,
  capacityCeilings,
  expandTimetable,
  loadScenarioFile,
  loadTargetRegistry,
  type Override,
  type Scenario,
} from "fourports";

const seeds = (f: string): string => fileURLToPath(new URL(`../../seeds/${f}`, import.meta.url));
const base = loadScenarioFile(seeds("zhengzhou-2025.json"));
const target = loadTargetRegistry(seeds("targets-2025.json")).targets.find((t) => t.id === "cr-express-trains")!;

function withFactor(sc: Scenario, factor: number): Scenario {
  const overrides: Override[] = sc.services
    .filter((s) => s.mode === "rail" && s.international && s.schedule.type === "frequency" && s.schedule.perWeek)
    .map((s) => ({
      op: "update-services",
      select: { ids: [s.id] },
      set: { schedule: { ...s.schedule, type: "frequency", perWeek: Math.round((s.schedule as { perWeek: number }).perWeek * factor) } },
      source: "fourports",
      label: "ASSUMPTION",
      note: `what-if: × ${factor} departures a week`,
    }));
  return applyOverrides(sc, overrides);
}

console.log(`target: ${target.title} ${target.comparator} ${target.value} ${target.unit}`);
for (const factor of [1, 1.25, 1.5, 1.75, 2]) {
  const sc = withFactor(base, factor);
  const [r] = capacityCeilings([target], { scenario: sc, timetable: expandTimetable(sc) });
  console.log(`× ${factor.toFixed(2)} departures a week → ceiling ${r!.ceiling} trains (${r!.status}, limited by ${r!.limitedBy})`);
}
