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
export { capacityCeilings, type CeilingResult, type CeilingStatus, type Year } from "./ceilings.js";
export { greatCircleKm, quickFreightCircle, reachGroupOf, ROAD_FACTOR, type ReachGroup, type ReachGroupResult, type ReachMiss, type ReachOptions, type ReachResult } from "./reach.js";
export type { ReachDestination, ReachSpec } from "./registry.js";
export { assignedValue } from "./assigned.js";
export { loadObserved, type ObservedFigure, type ObservedSet } from "./observed.js";
export { simulatedTargets } from "./simulated.js";
