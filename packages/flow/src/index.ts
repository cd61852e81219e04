export { FlowInputError, minCostFlow, type FlowArc, type MinCostFlowProblem, type MinCostFlowResult, type SolveOptions } from "./min-cost-flow.js";
export { maxFlow, type CapacityArc, type MaxFlowResult } from "./max-flow.js";
export { parseDimacsMin, writeDimacsMin } from "./dimacs-min.js";
export { MAX_DECIMALS } from "./scale.js";
export {
  assignDemand,
  UNSERVED_REASONS,
  type AssignOptions,
  type Assignment,
  type Booking,
  type DemandOutcome,
  type DispatchSummary,
  type PortThroughput,
  type UnservedReason,
} from "./assign.js";
export { dailyTonnes } from "./demand.js";
export { flowValueOfTime, mainModeOf, type ChoiceParameters } from "./choice.js";
export { dispatchableTrips, tripOrigins, VehiclePools } from "./dispatch.js";
export { generalisedCost, relaxedLowerBound } from "./bound.js";
export { timeExpandedNetwork, type TenArcKind, type TenOptions, type TimeExpandedNetwork } from "./ten.js";
export { metricPerTonne, throughputValue, type ConnectionLoads, type ThroughputPeriod } from "./throughput.js";
export { choiceSkims, skimShares, type FlowSkim, type SkimOption } from "./skims.js";
export { logitWeights } from "./choice.js";
export { assignmentSummary, assignmentTotals, type AssignmentSummary, type AssignmentTotals } from "./assignment-summary.js";
