import { applyOverrides, formatIssue, ScenarioError, type Override, type Scenario } from "@fourports/network";
import { fileURLToPath } from "node:url";

export const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const seed = (name: string): string => fileURLToPath(new URL(`../../../seeds/${name}`, import.meta.url));

/** The problems applying `overrides` to `sc` reports, as the user reads them (none: []). */
export function overrideProblems(sc: Scenario, overrides: Override[]): string[] {
  try {
    applyOverrides(sc, overrides, { file: "what-if.json" });
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues.map(formatIssue);
    throw err;
  }
  return [];
}
