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
