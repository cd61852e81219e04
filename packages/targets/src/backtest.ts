import type { Year } from "./ceilings.js";
import { fitChoice, type ChoiceFit } from "./fit.js";
import { backtest, type Backtest, type ForecastSpec } from "./forecast.js";
import type { ObservedSet } from "./observed.js";

/**
 * A hold-out back-test: forecasts and the choice fit made from the figures known at a cutoff, scored
 * against the figures that came after.
 */
export interface HoldOutReport {
  /** The last date whose figures the forecasts and fit may use, "YYYY-MM-DD". */
  cutoff: string;
  /** Each series forecast from the figures up to the cutoff, beside what was observed after it. */
  forecast: Backtest;
  /** The choice model fitted on the figures up to the cutoff, with the later ones held out; null without a scenario of the cutoff's year. */
  choice: ChoiceFit | null;
}

/**
 * Everything `fourports backtest` prints, as plain data: the demand forecast and the choice
 * fit, each using only the figures whose periods end by the cutoff, against the figures after it.
 */
export function holdOutReport(spec: ForecastSpec, history: ObservedSet, cutoff: string, year?: Year, signal?: AbortSignal): HoldOutReport {
  const inYear = year !== undefined && year.scenario.epoch.slice(0, 4) === cutoff.slice(0, 4);
  return {
    cutoff,
    forecast: backtest(spec, history, cutoff),
    choice: inYear ? fitChoice(year, history, { cutoff, ...(signal ? { signal } : {}) }) : null,
  };
}
