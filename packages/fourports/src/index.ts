export * from "@fourports/network";
export * from "@fourports/routing";
export * from "@fourports/targets";
export * from "@fourports/flow";
export * from "@fourports/sim";
export * from "@fourports/rural";
// @fourports/rural has its own LineUse (a bus line's parcel use); the planner's is PlannerLineUse here.
export type {
  AssignmentView,
  Band,
  BaselineResult,
  CalibrationRow,
  CalibrationView,
  ComparisonResult,
  Delta,
  HubChange,
  HubPoint,
  HubThroughput,
  LegFlow,
  LineChange,
  LineUse as PlannerLineUse,
  MonthlyThroughput,
  PortChange,
  PortRow,
  ProvenanceCount,
  ScenarioInfo,
  TargetChange,
  TargetRow,
} from "@fourports/planner";
// Local exports take precedence over the `export *` names above: a notebook importing from
// "fourports" gets the versions whose results display as tables and charts in Jupyter.
export { assignDemand, displayable, simulate, summarizeScenario } from "./notebook.js";
export { JUPYTER_DISPLAY, mimeBundle, withDisplay, type Displayable, type MimeBundle } from "./display.js";
