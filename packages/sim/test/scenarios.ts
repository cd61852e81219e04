// The random scenarios moved to @fourports/network/testing so users' property tests can use
// them too; the names the sim tests use stay.
import type fc from "fast-check";
import type { Scenario } from "@fourports/network";
import { scenarioArb as shared, TEST_VARIABILITY, type ScenarioArbOptions } from "@fourports/network/testing";

export type Knobs = Required<Pick<ScenarioArbOptions, "variability" | "storage" | "onDemand">>;

/** Random small networks for the simulation (see scenarioArb in @fourports/network/testing). */
export function scenarioArb(knobs: Knobs): fc.Arbitrary<Scenario> {
  return shared(knobs);
}

export const VARIABILITY = TEST_VARIABILITY;
