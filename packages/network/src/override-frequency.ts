import { BOUNDS } from "./limits.js";
import type { FrequencySchedule, Service } from "./types.js";

/**
 * The schedule of a service after "scale-frequency", or why it cannot be scaled.
 *
 * The rule, so a planner can predict every result:
 * - departures per week N are `perWeek`, or 7 × `perDay`;
 * - the new count is N' = floor(N × factor + 0.5): rounded to whole departures, halves up
 *   (3 a week × 1.5 = 4.5 → 5);
 * - a daily schedule stays daily when N' is a multiple of 7 (perDay = N' / 7), otherwise it
 *   becomes N' a week, evenly spaced from Monday `firstTime`. Both put departures
 *   1440 / perDay minutes apart, so a daily schedule written weekly is the same timetable;
 * - N' = 0 is an error (the service would vanish: remove it with "remove-services"), and so
 *   is N' past the schema's bound, so the result is always a timetable a file may contain;
 * - weekly and departure-list schedules are refused: they have no single rate to scale
 *   without inventing days and times (give them a new schedule with "update-services").
 */
export function scaledFrequency(s: Service, factor: number): { schedule: FrequencySchedule } | { problem: string } {
  const sch = s.schedule;
  if (sch.type !== "frequency") {
    return { problem: `service "${s.id}" has a ${sch.type === "weekly" ? "weekly" : "departure-list"} schedule; scale-frequency scales "frequency" schedules only (give it a new schedule with update-services)` };
  }
  const perWeek = sch.perDay !== undefined ? sch.perDay * 7 : (sch.perWeek ?? 0);
  const next = Math.floor(perWeek * factor + 0.5);
  if (next < 1) {
    return { problem: `service "${s.id}": ${perWeek} departures a week × ${factor} = ${perWeek * factor}, which rounds to 0; to drop the service use remove-services` };
  }
  if (next > BOUNDS.perWeek) {
    return { problem: `service "${s.id}": ${perWeek} departures a week × ${factor} gives ${next}, above the limit of ${BOUNDS.perWeek} a week` };
  }
  const time = sch.firstTime !== undefined ? { firstTime: sch.firstTime } : {};
  if (sch.perDay !== undefined && next % 7 === 0) return { schedule: { type: "frequency", perDay: next / 7, ...time } };
  return { schedule: { type: "frequency", perWeek: next, ...time } };
}
