import type { HubKind, Label, Mode, PortGroup } from "@fourports/network";
import type { DispatchSummary, UnservedReason } from "@fourports/flow";
import type { SimulationSummary } from "@fourports/sim";
import type { CeilingStatus, ChoiceFit, ReachResult, Target } from "@fourports/targets";

/** A scenario as the results name it. */
export interface ScenarioInfo {
  id: string;
  name: string;
  /** The file it was loaded from, as given (null when passed as an object). */
  file: string | null;
  epoch: string;
  horizonDays: number;
  homeCity: string;
  /** The scenarios it extends, nearest first. */
  lineage: string[];
  hubCount: number;
  serviceCount: number;
  tripCount: number;
  demandFlows: number;
}

/** Lower, middle and upper figure of a spread (P5, P50, P95). */
export interface Band {
  p5: number;
  p50: number;
  p95: number;
}

/** One target: its goal beside what each view of the network gives. */
export interface TargetRow {
  id: string;
  title: string;
  metric: string;
  unit: string;
  comparator: Target["comparator"];
  /** The goal: a number, a date, or null for a reported figure. */
  goal: number | string | null;
  /** Assigned, least generalised cost (null where the metric is not a flow figure). */
  leastCost: number | null;
  /** Assigned, shipper logit choice. */
  shipperLogit: number | null;
  /** Simulated spread across replications (null when not simulated or not a simulated metric). */
  simulated: Band | null;
  /** Share of replications that met the goal. */
  pMet: number | null;
  /** Forecast of the scenario's year from the observed figures known at the cutoff. */
  forecast: Band | null;
  /** The most the network could do at 100% load. */
  ceiling: number | string | null;
  status: CeilingStatus;
  limitedBy: string;
  /** Labels of the figures the ceiling rests on. */
  basis: Label[];
  /** Hubs or lines the target names that the network lacks. */
  missing: string[];
  detail: string;
}

/** Loaded plus unloaded tonnes at the home city's hubs of one port group in one calendar month. */
export interface MonthlyThroughput {
  portGroup: PortGroup;
  /** "YYYY-MM". */
  month: string;
  throughputT: number;
}

export interface PortRow {
  portGroup: PortGroup;
  mode: Mode;
  loadedT: number;
  unloadedT: number;
}

/** A service line over the year: what it offered and what was loaded on it. */
export interface LineUtilisation {
  /** The services' line (their `line` field, or the service id). */
  line: string;
  mode: Mode;
  from: string;
  to: string;
  /** Trips that ran. */
  departures: number;
  /** Capacity of the trips that ran, on their first leg. */
  capacityT: number;
  /** Tonnes on the first leg. */
  loadedT: number;
  /** loadedT / capacityT (0 when nothing ran). */
  utilisation: number;
}

/** Tonnes carried between two hubs (summed over the year's connections), for the flow map. */
export interface LegFlow {
  from: string;
  to: string;
  mode: Mode;
  tonnes: number;
}

/** One view of the year's assignment, in plain numbers. */
export interface AssignmentView {
  choice: "cost" | "logit";
  demandT: number;
  servedT: number;
  unservedT: Record<UnservedReason, number>;
  tonneKm: number;
  costCny: number;
  co2Kg: number;
  bookings: number;
  dispatch: DispatchSummary;
  ports: PortRow[];
  monthly: MonthlyThroughput[];
  lines: LineUtilisation[];
  legs: LegFlow[];
  /** Loaded plus unloaded tonnes at every hub that handled any. */
  hubs: HubThroughput[];
}

export interface HubThroughput {
  hub: string;
  throughputT: number;
}

/** A hub where the map draws it. */
export interface HubPoint {
  id: string;
  name: string;
  nameZh: string | null;
  kind: HubKind;
  portGroup: PortGroup | null;
  city: string;
  country: string;
  lon: number;
  lat: number;
  /** In the scenario's home city. */
  home: boolean;
}

/** One observed figure of the year before beside the calibrated assignment over its period. */
export interface CalibrationRow {
  figureId: string;
  from: string;
  to: string;
  /** The period ran past the scenario's horizon and was cut there. */
  clipped: boolean;
  role: "fit" | "hold-out";
  observed: number;
  unit: string;
  label: Label;
  assigned: number;
  /** (assigned − observed) / observed. */
  error: number;
}

export interface CalibrationView {
  scenarioId: string;
  fit: ChoiceFit;
  rows: CalibrationRow[];
}

/** How many figures behind the results carry each provenance label. */
export interface ProvenanceCount {
  label: Label;
  /** Targets whose ceiling rests on a figure with this label. */
  targets: string[];
}

/** `baseline()`'s result: plain, JSON-safe data (no typed arrays, no class instances). */
export interface BaselineResult {
  kind: "fourports/baseline";
  scenario: ScenarioInfo;
  /** The base year the growth targets are measured against (null when there is none). */
  baseYear: ScenarioInfo | null;
  /** Files the result rests on, as given. */
  inputs: { targets: string; history: string; forecast: string; rural: string | null };
  targets: TargetRow[];
  views: { leastCost: AssignmentView; shipperLogit: AssignmentView };
  /** The Monte Carlo aggregate (null with `replications: 0`). */
  simulation: (SimulationSummary & { replications: number; seed: string }) | null;
  /** The shipper choice fitted on the base year, and that year's figures beside the fitted assignment. */
  calibration: CalibrationView | null;
  /** The quick-freight circle, when a target asks for it. */
  reach: ReachResult | null;
  hubs: HubPoint[];
  provenance: ProvenanceCount[];
  /** The cutoff of the forecast column. */
  forecastCutoff: string;
  /** Targets the network cannot reach as modelled ("beyond-ceiling" or "not-met"). */
  cannotReach: string[];
}

/** One number in two results. */
export interface Delta {
  a: number | null;
  b: number | null;
  /** b − a, when both are numbers. */
  change: number | null;
}

export interface TargetChange {
  id: string;
  title: string;
  unit: string;
  goal: number | string | null;
  leastCost: Delta;
  shipperLogit: Delta;
  simulatedP50: Delta;
  pMet: Delta;
  ceiling: Delta;
  /** Null where the target is only in the other result. */
  statusA: CeilingStatus | null;
  statusB: CeilingStatus | null;
}

export interface PortChange {
  portGroup: PortGroup;
  mode: Mode;
  throughputT: Delta;
}

export interface LineChange {
  line: string;
  mode: Mode;
  /** Only in a, only in b, or in both with a different load or departures. */
  change: "removed" | "added" | "changed";
  departures: Delta;
  loadedT: Delta;
  utilisation: Delta;
}

export interface HubChange {
  hub: string;
  name: string;
  /** Tonnes loaded plus unloaded at the hub over the year (least-cost view). */
  throughputT: Delta;
}

/**
 * `compareScenarios(a, b)`'s result: what changed from a to b. Ports, lines, hubs and totals
 * compare the least-cost views; lines and hubs list only those whose figures moved by at least
 * `COMPARE_EPSILON_T` tonnes or a departure.
 */
export interface ComparisonResult {
  kind: "fourports/comparison";
  a: ScenarioInfo;
  b: ScenarioInfo;
  targets: TargetChange[];
  ports: PortChange[];
  lines: LineChange[];
  hubs: HubChange[];
  totals: { servedT: Delta; unservedT: Delta; costCny: Delta; co2Kg: Delta; tonneKm: Delta };
}
