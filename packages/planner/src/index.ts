export type * from "./types.js";
export { baseline, type BaselineOptions, type BaselineProgress } from "./baseline.js";
export { compareScenarios, COMPARE_EPSILON_T } from "./compare.js";
export { assignmentView, hubPoints, scenarioInfo } from "./views.js";
export { baseYearOfLineage, defaultSeedPath, findBaseYearFile, loadYear, ruralRollupFromFile, type LoadedYear } from "./inputs.js";
export { calibrationView } from "./calibration.js";
