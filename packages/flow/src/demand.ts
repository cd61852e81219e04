import { dateOfDayNumber, dayNumber, type DemandFlow, type Scenario } from "@fourports/network";

/**
 * A flow's tonnes released on each day of the horizon: tPerYear spread over the days of its
 * release period (releaseFrom–releaseTo, default the whole horizon) in proportion to its
 * monthly seasonality weights (flat when it has none). A flow whose period lies outside the
 * horizon releases nothing.
 */
export function dailyTonnes(scenario: Scenario, d: DemandFlow): Float64Array {
  const days = scenario.horizonDays;
  const epochDay = dayNumber(scenario.epoch);
  const first = d.releaseFrom === undefined ? -Infinity : dayNumber(d.releaseFrom) - epochDay;
  const last = d.releaseTo === undefined ? Infinity : dayNumber(d.releaseTo) - epochDay;
  const w = d.seasonality ?? new Array<number>(12).fill(1);
  const weight = Float64Array.from({ length: days }, (_, day) =>
    day < first || day > last ? 0 : w[Number(dateOfDayNumber(epochDay + day).slice(5, 7)) - 1]!,
  );
  let sum = 0;
  for (const x of weight) sum += x;
  return sum === 0 ? weight : weight.map((x) => (d.tPerYear * x) / sum);
}
