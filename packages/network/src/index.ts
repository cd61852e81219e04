export * from "./types.js";
export { type Issue, formatIssue, jsonPath, ScenarioError } from "./issues.js";
export { loadScenarioFile, loadScenarioValue, validateScenarioFile, type LoadOptions } from "./load.js";
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
