export { checkVrpSolution, routeCost, routeDurationMin, type VrpInstance, type VrpShift, type VrpSolution, type VrpViolation } from "./vrp-instance.js";
export { clarkeWright } from "./savings.js";
export { solveVrp, type SolveVrpOptions, type SolveVrpResult } from "./sisr.js";
export { formatCvrplibSolution, parseCvrplib, parseCvrplibSolutionCost } from "./cvrplib.js";
