export { FlowInputError, minCostFlow, type FlowArc, type MinCostFlowProblem, type MinCostFlowResult, type SolveOptions } from "./min-cost-flow.js";
export { maxFlow, type CapacityArc, type MaxFlowResult } from "./max-flow.js";
export { parseDimacsMin, writeDimacsMin } from "./dimacs-min.js";
export { MAX_DECIMALS } from "./scale.js";
export { assignDemand, type AssignOptions, type Assignment, type Booking, type DemandOutcome, type PortThroughput, type UnservedReason } from "./assign.js";
export { dailyTonnes } from "./assign.js";
export { generalisedCost, relaxedLowerBound } from "./bound.js";
export { timeExpandedNetwork, type TenArcKind, type TenOptions, type TimeExpandedNetwork } from "./ten.js";
export { throughputValue, type ConnectionLoads } from "./throughput.js";
