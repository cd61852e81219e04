import { throughputValue, type Assignment } from "@fourports/flow";
import type { Year } from "./ceilings.js";

/** A throughput figure as the targets count it, from an assignment (see throughputValue). */
export function assignedValue(metric: string, hubs: string[] | undefined, year: Year, a: Assignment): number | null {
  return throughputValue(metric, hubs, year.scenario, year.timetable, a);
}
