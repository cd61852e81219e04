import type { TargetSpec } from "@fourports/sim";
import type { Target } from "./registry.js";

/**
 * The registry's numeric targets as the simulation checks them (plain data for the worker
 * threads). Targets that are not a year's throughput (dates, access times, growth against
 * another year) come back from the simulation with no value, and say so.
 */
export function simulatedTargets(targets: readonly Target[]): TargetSpec[] {
  return targets.flatMap((t): TargetSpec[] =>
    (t.comparator === ">=" || t.comparator === ">" || t.comparator === "<=") && typeof t.value === "number"
      ? [{ id: t.id, metric: t.metric, ...(t.hubs ? { hubs: [...t.hubs] } : {}), comparator: t.comparator, value: t.value }]
      : [],
  );
}
