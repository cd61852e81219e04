import { loadYear } from "@fourports/planner";
import { assignDemand, choiceOptions, expandTimetable, fitChoice, loadObserved, prepareRouting, type Assignment, type ChoiceParameters, type Scenario, type Timetable } from "fourports";
import { timed } from "./print.js";
import { seed } from "./what-ifs.js";

/**
 * The shipper choice fitted on the 2024 seed's figures to the end of August, as baseline()
 * fits it, so the sweeps' assignments agree with the baselines of the other examples.
 */
export async function fittedChoice(): Promise<ChoiceParameters> {
  return timed("fitting the shipper choice on 2024", () => {
    const fit = fitChoice(loadYear(seed("zhengzhou-2024.json")), loadObserved(seed("observed-history.json")), { cutoff: "2024-08-31" });
    return choiceOptions(fit.fitted);
  });
}

/** A scenario's year assigned once: what the targets' functions take, plus the assignment. */
export interface AssignedYear {
  scenario: Scenario;
  timetable: Timetable;
  assignment: Assignment;
}

/**
 * Expands the timetable and assigns the year's demand ("cost": least generalised cost, the
 * system's view; "logit": the shipper's choice) with the fitted choice parameters, with
 * progress on stderr. About 15 s for the 2025 seed.
 */
export async function assignYear(label: string, scenario: Scenario, choice: "cost" | "logit", fitted: ChoiceParameters): Promise<AssignedYear> {
  return timed(label, (progress) => {
    const timetable = expandTimetable(scenario);
    const assignment = assignDemand(scenario, prepareRouting(scenario, timetable), { choice, ...fitted, onProgress: progress });
    return { scenario, timetable, assignment };
  });
}

/** One line over the year: first-leg tonnes, trips that ran and their capacity. */
export interface LineLoad {
  mode: string;
  loadedT: number;
  trips: number;
  capacityT: number;
}

/** Tonnes loaded on the first leg of each line's trips, the trips that ran and their capacity, by line. */
export function lineLoads(y: AssignedYear): Map<string, LineLoad> {
  const { scenario, timetable: tt, assignment: a } = y;
  const out = new Map<string, LineLoad>();
  const origin = scenario.services.map((s) => tt.hubIds.indexOf(s.from));
  const counted = new Set<number>();
  for (let c = 0; c < tt.length; c++) {
    const si = tt.service[c]!;
    if (tt.depHub[c] !== origin[si]) continue;
    const s = scenario.services[si]!;
    const row = out.get(s.line) ?? { mode: s.mode, loadedT: 0, trips: 0, capacityT: 0 };
    row.loadedT += a.connectionT[c]!;
    if (!counted.has(tt.trip[c]!) && a.tripRan[tt.trip[c]!]) {
      counted.add(tt.trip[c]!);
      row.trips += 1;
      row.capacityT += tt.capacityT[c]!;
    }
    out.set(s.line, row);
  }
  return out;
}
