import { FourportsInputError, summarizeScenario as summarizePlain, type Scenario, type ScenarioSummary, type Timetable } from "@fourports/network";
import { routeQuery as routePlain, type RouteAnswer, type RouteQuery, type RoutingNetwork } from "@fourports/routing";
import { assignDemand as assignPlain, assignmentSummary, type AssignOptions, type Assignment } from "@fourports/flow";
import { simulate as simulatePlain, type SimulateOptions, type SimulationResult } from "@fourports/sim";
import { baseline as baselinePlain, compareScenarios as comparePlain, type BaselineOptions, type BaselineResult, type ComparisonResult } from "@fourports/planner";
import { withDisplay, type Displayable, type MimeBundle } from "./display.js";
import { baselineBundle, comparisonBundle } from "./render-planner.js";
import { assignmentBundle, routeBundle, simulationBundle, summaryBundle } from "./render.js";

// The functions a notebook calls, as the packages define them, but returning results that
// display as tables and charts in Jupyter (see display.ts). The results are the same plain
// objects: the display method is non-enumerable and symbol-keyed, so JSON and structuredClone
// see exactly what the underlying package returned.

/**
 * Under Deno (its Jupyter kernel), `node:worker_threads` never finishes loading a worker module
 * that imports anything (seen with Deno 2.9.6), so a simulation over worker threads would wait
 * forever. There the thread count defaults to 1 (results do not depend on it) and more is
 * refused with the reason, rather than left to hang.
 */
function threadsFor<O extends { workers?: number }>(fn: string, options: O): O {
  // Not an options object: left for the function's own check to name.
  if (!("Deno" in globalThis) || typeof options !== "object" || options === null) return options;
  const workers: unknown = options.workers;
  if (workers === undefined) return { ...options, workers: 1 };
  if (workers === 1) return options;
  throw new FourportsInputError(
    "invalid-option",
    `${fn}: workers: ${String(workers)} worker threads do not start under Deno (its node:worker_threads hangs loading the simulation's worker module); pass workers: 1 (the results are the same for any worker count)`,
  );
}

/** The renderer of each planner result kind. */
const PLANNER_RENDERERS: { [K in (BaselineResult | ComparisonResult)["kind"]]: (r: Extract<BaselineResult | ComparisonResult, { kind: K }>) => MimeBundle } = {
  "fourports/baseline": baselineBundle,
  "fourports/comparison": comparisonBundle,
};

/**
 * A planner result (baseline or comparison) made to display in Jupyter, by its `kind`.
 * Returns the same object.
 */
export function displayable<T extends BaselineResult | ComparisonResult>(result: T): Displayable<T> {
  const render = PLANNER_RENDERERS[result.kind] as ((r: T) => MimeBundle) | undefined;
  if (render === undefined) throw new TypeError(`displayable(): kind: expected "fourports/baseline" or "fourports/comparison", got ${JSON.stringify(result.kind)}`);
  return withDisplay(result, render);
}

/** {@link summarizeScenario | @fourports/network's summarizeScenario}, displaying as tables in Jupyter. */
export function summarizeScenario(scenario: Scenario, timetable: Timetable): Displayable<ScenarioSummary> {
  return withDisplay(summarizePlain(scenario, timetable), summaryBundle);
}

/** @fourports/sim's `simulate`, its result displaying as tables in Jupyter (one worker thread by default under Deno). */
export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<Displayable<SimulationResult>> {
  return withDisplay(await simulatePlain(scenario, threadsFor("simulate()", options)), simulationBundle);
}

/**
 * @fourports/flow's `assignDemand`, displaying as its {@link assignmentSummary} in Jupyter
 * (rather than as its typed arrays). For JSON, write `assignmentSummary(a)`, not the assignment.
 */
export function assignDemand(scenario: Scenario, net: RoutingNetwork, options: AssignOptions = {}): Displayable<Assignment> {
  return withDisplay(assignPlain(scenario, net, options), (a) => assignmentBundle(assignmentSummary(a)));
}

/** @fourports/planner's `baseline`, its result displaying as tables in Jupyter (one worker thread by default under Deno, where more hang). */
export async function baseline(options: BaselineOptions = {}): Promise<Displayable<BaselineResult>> {
  return displayable(await baselinePlain(threadsFor("baseline()", options)));
}

/** @fourports/planner's `compareScenarios`, its result displaying as tables in Jupyter. */
export function compareScenarios(a: BaselineResult, b: BaselineResult): Displayable<ComparisonResult> {
  return displayable(comparePlain(a, b));
}

/** @fourports/routing's `routeQuery`, its journeys displaying as tables of legs in Jupyter. */
export function routeQuery(scenario: Scenario, net: RoutingNetwork, query: RouteQuery): Displayable<RouteAnswer> {
  return withDisplay(routePlain(scenario, net, query), routeBundle);
}
