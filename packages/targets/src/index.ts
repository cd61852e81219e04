export {
  COMPARATORS,
  loadTargetRegistry,
  METRICS,
  parseTargetRegistry,
  type Comparator,
  type Metric,
  type Target,
  type TargetRegistry,
} from "./registry.js";
export { capacityCeilings, type CeilingInputs, type CeilingResult, type CeilingStatus, type Year } from "./ceilings.js";
export { greatCircleKm, quickFreightCircle, reachGroupOf, ROAD_FACTOR, type ReachGroup, type ReachGroupResult, type ReachMiss, type ReachOptions, type ReachResult } from "./reach.js";
export type { ReachDestination, ReachSpec } from "./registry.js";
export { assignedValue, metricPerTonne, type AssignedPeriod } from "./assigned.js";
export { loadObserved, type ObservedFigure, type ObservedSet } from "./observed.js";
export { simulatedTargets } from "./simulated.js";
export { choiceOptions, fitChoice, PRIOR_CHOICE, type ChoiceFit, type FitOptions, type FitRow, type FittedChoice } from "./fit.js";
export { nelderMead } from "./nelder-mead.js";
export {
  backtest,
  forecastFlows,
  forecastSeries,
  loadForecastSpec,
  seasonalShare,
  type Backtest,
  type BacktestRow,
  type ForecastSeries,
  type FlowForecast,
  type ForecastSpec,
  type SeriesForecast,
} from "./forecast.js";
export { holdOutReport, type HoldOutReport } from "./backtest.js";
