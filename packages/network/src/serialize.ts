import type { Scenario, ScenarioFile } from "./types.js";

/**
 * A resolved scenario as a standalone scenario file (no extends, no overrides) that loads back
 * to the same hubs, services, transfers, demand and variability. Lineage and the list of applied overrides
 * are not part of the file format and are dropped.
 */
export function toScenarioFile(scenario: Scenario): ScenarioFile {
  return {
    id: scenario.id,
    name: scenario.name,
    ...(scenario.description !== undefined ? { description: scenario.description } : {}),
    epoch: scenario.epoch,
    horizonDays: scenario.horizonDays,
    homeCity: scenario.homeCity,
    sources: scenario.sources,
    hubs: scenario.hubs,
    services: scenario.services,
    transfers: scenario.transfers,
    demand: scenario.demand,
    ...(scenario.variability !== undefined ? { variability: scenario.variability } : {}),
  };
}

/** A resolved scenario as the pretty-printed JSON text of {@link toScenarioFile}, ending in a newline. */
export function serializeScenario(scenario: Scenario): string {
  return `${JSON.stringify(toScenarioFile(scenario), null, 2)}\n`;
}
