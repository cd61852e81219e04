import { throughputValue, type Assignment, type ThroughputPeriod } from "@fourports/flow";
import type { Year } from "./ceilings.js";

export { metricPerTonne } from "@fourports/flow";

/** A part of the horizon, minutes since the epoch, [fromMin, toMin). */
export type AssignedPeriod = ThroughputPeriod;

/** A throughput figure as the targets count it, from an assignment (see throughputValue). */
export function assignedValue(metric: string, hubs: string[] | undefined, year: Year, a: Assignment, period?: AssignedPeriod): number | null {
  return throughputValue(metric, hubs, year.scenario, year.timetable, a, period);
}
