export { checkVrpSolution, routeCost, routeDurationMin, type VrpInstance, type VrpShift, type VrpSolution, type VrpViolation } from "./vrp-instance.js";
export { clarkeWright } from "./savings.js";
export { solveVrp, VRP_LIMITS, type SolveVrpOptions, type SolveVrpResult } from "./sisr.js";
export { formatCvrplibSolution, parseCvrplib, parseCvrplibSolutionCost } from "./cvrplib.js";
export type { ClockTime, County, LoadedCounty, Point, RoadSource, RuralLabel, RuralLine, RuralSource, Township, TownshipStatus, VanFleet, Village } from "./county-types.js";
export { countySchema, provinceSchema, type ProvinceCounty, type ProvinceFile } from "./county-schema.js";
export { loadCountyFile, loadCountyValue, type ReadRelative } from "./load-county.js";
export { haversineKm, nearestRoadNode, readDimacsRoads, readGeoJsonRoads } from "./roads.js";
export { roadDistanceMatrix, roadDistanceRows } from "./road-matrix.js";
export { buildBusNetwork, type BusNetwork, type LineTrip } from "./bus-network.js";
export { BusBooker, type LineBooking } from "./bus-booking.js";
export { planFleet, routeTimes, type DayWindow, type FleetInput, type FleetLegs, type FleetPlan, type VanMissReason, type VanRoute } from "./van-plan.js";
export { countyCoverage, type CoverageOptions, type CoverageResult, type DirectionCoverage, type LineUse, type MissReason, type VillageCoverage } from "./coverage.js";
export { sitingCoverage, siteExact, siteGreedy, sitingLp, type SitingInstance, type SitingSolution } from "./siting.js";
export { countySitingInstance, randomSitingInstance, type CountySitingOptions } from "./county-siting.js";
export { MAX_SIM_DAYS, simulateDays, type DaySimOptions, type DaySimResult, type SimDay } from "./day-sim.js";
export { generateCounty, poissonish, type CountyGeneratorParams, type GeneratedCounty } from "./generate.js";
export { EXAMPLE_COUNTY_PARAMS } from "./example-params.js";
export {
  countyCounts,
  loadProvinceFile,
  loadRuralTargets,
  provinceRollup,
  RURAL_COUNTS,
  ruralFileKind,
  type CountyCounts,
  type LoadedProvince,
  type ProvinceRollup,
  type RollupRow,
  type RuralCount,
  type RuralTargets,
  type RuralYearTargets,
} from "./rollup.js";
export { analyseRural, provinceOfOne, type CountyAnalysis, type RuralAnalysis, type RuralAnalysisOptions } from "./analyse.js";
export { busLineCandidates, type LineCandidate, type LineCandidates } from "./line-candidates.js";
export { mulberry32 } from "./rng.js";
