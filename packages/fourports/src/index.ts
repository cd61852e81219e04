export * from "@fourports/network";
export * from "@fourports/routing";
export * from "@fourports/targets";
export * from "@fourports/flow";
export * from "@fourports/sim";
export * from "@fourports/rural";
export * from "@fourports/planner";
export * from "@fourports/seeds";
export * from "@fourports/report";
// Local exports take precedence over the `export *` names above: a notebook importing from
// "fourports" gets the versions whose results display as tables and charts in Jupyter.
export { assignDemand, baseline, compareScenarios, displayable, routeQuery, simulate, summarizeScenario } from "./notebook.js";
export { JUPYTER_DISPLAY, mimeBundle, withDisplay, type Displayable, type MimeBundle } from "./display.js";
