export * from "./types.js";
export { type Issue, type PathKey, escapeControl, formatIssue, jsonPath, ScenarioError } from "./issues.js";
export {
  checkChoiceOption,
  checkClockOption,
  checkDateOption,
  checkNumberOption,
  checkOptionsObject,
  describeValue,
  FourportsInputError,
  type InputErrorCode,
  type NumberRule,
} from "./input-error.js";
export { BOUNDS, LIMITS, SUGGEST_LIMITS, type Bounds, type Limits } from "./limits.js";
export { SEEDS_DIR } from "./files.js";
export { loadScenarioFile, loadScenarioValue, readJsonFile, readTextFile, validateScenarioFile, type LoadOptions } from "./load.js";
export { applyOverrides } from "./what-if.js";
export { scenarioJsonSchema } from "./schema.js";
export { parseJsonText } from "./json.js";
export { checkAgainst } from "./structure.js";
export { IssueList } from "./issues.js";
export { closest, didYouMean } from "./suggest.js";
export {
  clockMinutes,
  dateOfDayNumber,
  dayNumber,
  formatMinute,
  MIN_PER_DAY,
  MIN_PER_WEEK,
  minuteOfDateTime,
  weekdayIndex,
} from "./dates.js";
export { expandTimetable, hubOpenOn, scheduleDepartures, type Timetable, type TimetableOptions } from "./timetable.js";
export {
  nominalPerWeek,
  toGraph,
  type EdgeAttributes,
  type HubAttributes,
  type ScenarioGraph,
  type ServiceEdgeAttributes,
  type TransferEdgeAttributes,
} from "./graph.js";
export { summarizeScenario, type CapacityRow, type ScenarioSummary } from "./summary.js";
export { serializeScenario, toScenarioFile } from "./serialize.js";
export { findHub, listHubs, type HubFilter, type HubRow } from "./hub-lookup.js";
