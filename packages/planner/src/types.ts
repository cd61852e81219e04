import type { HubKind, Label, Mode, PortGroup } from "@fourports/network";
import type { AssignmentTotals } from "@fourports/flow";
import type { SimulationSummary } from "@fourports/sim";
import type { CeilingStatus, ChoiceFit, ReachResult, Target } from "@fourports/targets";

/** A scenario as the results name it. */
export interface ScenarioInfo {
  /** Scenario id. */
  id: string;
  /** Scenario name. */
  name: string;
  /** The file it was loaded from, as given (null when passed as an object). */
  file: string | null;
  /** Date of minute 0 ("YYYY-MM-DD"). */
  epoch: string;
  /** Days in the horizon. */
  horizonDays: number;
  /** The city whose ports the targets count. */
  homeCity: string;
  /** The scenarios it extends, nearest first. */
  lineage: string[];
  /** Hubs in the scenario. */
  hubCount: number;
  /** Services in the scenario. */
  serviceCount: number;
  /** Trips that run in the horizon. */
  tripCount: number;
  /** Demand flows in the scenario. */
  demandFlows: number;
}

/** Lower, middle and upper figure of a spread (P5, P50, P95). */
export interface Band {
  /** 5th percentile. */
  p5: number;
  /** Median. */
  p50: number;
  /** 95th percentile. */
  p95: number;
}

/** One target: its goal beside what each view of the network gives. */
export interface TargetRow {
  /** Target id. */
  id: string;
  /** Short title of the target. */
  title: string;
  /** The metric the target measures. */
  metric: string;
  /** Unit of the goal and the figures. */
  unit: string;
  /** How a figure is compared with the goal. */
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
  /** How the ceiling compares with the goal. */
  status: CeilingStatus;
  /** What sets the ceiling, e.g. "timetable" or "hub handling at CGO". */
  limitedBy: string;
  /** Labels of the figures the ceiling rests on. */
  basis: Label[];
  /** Hubs or lines the target names that the network lacks. */
  missing: string[];
  /** How the ceiling was reached, in words, for reports. */
  detail: string;
}

/** Loaded plus unloaded tonnes at the home city's hubs of one port group in one calendar month. */
export interface MonthlyThroughput {
  /** The port group of the hubs. */
  portGroup: PortGroup;
  /** "YYYY-MM". */
  month: string;
  /** Loaded plus unloaded tonnes in the month. */
  throughputT: number;
}

/** Tonnes loaded and unloaded at the home city's hubs of one port group by one mode over the horizon. */
export interface PortRow {
  /** The port group of the hubs. */
  portGroup: PortGroup;
  /** The mode of the services. */
  mode: Mode;
  /** Tonnes loaded onto departures. */
  loadedT: number;
  /** Tonnes unloaded from arrivals. */
  unloadedT: number;
}

/** A service line over the year: what it offered and what was loaded on it. */
export interface LineUtilisation {
  /** The services' line (their `line` field, or the service id). */
  line: string;
  /** Mode of the line's services. */
  mode: Mode;
  /** Origin hub id of this direction of the line. */
  from: string;
  /** Destination hub id of this direction of the line. */
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
  /** Hub id the tonnes leave. */
  from: string;
  /** Hub id they arrive at. */
  to: string;
  /** Mode of the services. */
  mode: Mode;
  /** Tonnes carried over the year. */
  tonnes: number;
}

/** One view of the year's assignment, in plain numbers. */
export interface AssignmentView extends AssignmentTotals {
  /** The choice the assignment made: "cost" (least generalised cost) or "logit" (shipper choice). */
  choice: "cost" | "logit";
  /** Throughput at the home city's ports by port group and mode. */
  ports: PortRow[];
  /** Throughput at the home city's ports by port group and calendar month. */
  monthly: MonthlyThroughput[];
  /** Every line direction with a trip that ran, most utilised first. */
  lines: LineUtilisation[];
  /** Tonnes per pair of hubs and mode, largest first, for the flow map. */
  legs: LegFlow[];
  /** Loaded plus unloaded tonnes at every hub that handled any. */
  hubs: HubThroughput[];
}

/** Loaded plus unloaded tonnes at one hub over the horizon. */
export interface HubThroughput {
  /** Hub id. */
  hub: string;
  /** Loaded plus unloaded tonnes. */
  throughputT: number;
}

/** A hub where the map draws it. */
export interface HubPoint {
  /** Hub id. */
  id: string;
  /** Name of the hub. */
  name: string;
  /** Chinese name, or null. */
  nameZh: string | null;
  /** What kind of hub it is. */
  kind: HubKind;
  /** The port group it counts for, or null. */
  portGroup: PortGroup | null;
  /** City the hub belongs to. */
  city: string;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  /** Longitude, decimal degrees. */
  lon: number;
  /** Latitude, decimal degrees. */
  lat: number;
  /** In the scenario's home city. */
  home: boolean;
}

/** One observed figure of the year before beside the calibrated assignment over its period. */
export interface CalibrationRow {
  /** Id of the observed figure. */
  figureId: string;
  /** First day of its period. */
  from: string;
  /** Last day of its period (inclusive). */
  to: string;
  /** The period ran past the scenario's horizon and was cut there. */
  clipped: boolean;
  /** "fit" when the period ends by the fit's cutoff, else "hold-out". */
  role: "fit" | "hold-out";
  /** The observed value. */
  observed: number;
  /** Unit of the value. */
  unit: string;
  /** What kind of figure it is (official, press, estimate…). */
  label: Label;
  /** The same metric from the base year's assignment with the fitted choice, over the figure's period. */
  assigned: number;
  /** (assigned − observed) / observed. */
  error: number;
}

/**
 * The shipper choice fitted on the base year, and the base year's observed figures beside the fitted
 * assignment.
 */
export interface CalibrationView {
  /** Id of the base-year scenario. */
  scenarioId: string;
  /** The fit: prior, fitted parameters and its errors. */
  fit: ChoiceFit;
  /**
   * One row per observed figure whose period starts inside the base year's horizon and whose metric
   * the assignment counts.
   */
  rows: CalibrationRow[];
}

/** How many figures behind the results carry each provenance label. */
export interface ProvenanceCount {
  /** The provenance label. */
  label: Label;
  /** Targets whose ceiling rests on a figure with this label. */
  targets: string[];
}

/** `baseline()`'s result: plain, JSON-safe data (no typed arrays, no class instances). */
export interface BaselineResult {
  /** Marks the object as a baseline() result (compareScenarios checks it). */
  kind: "fourports/baseline";
  /** The scenario assessed. */
  scenario: ScenarioInfo;
  /** The base year the growth targets are measured against (null when there is none). */
  baseYear: ScenarioInfo | null;
  /** Files the result rests on, as given. */
  inputs: {
    /** Target registry file. */
    targets: string;
    /** Observed figures file (fit and forecast). */
    history: string;
    /** Forecast parameters file. */
    forecast: string;
    /** Rural county or province file; null when no target needs it. */
    rural: string | null;
  };
  /** One row per target of the registry. */
  targets: TargetRow[];
  /** The year's demand assigned in two views. */
  views: {
    /** Least generalised cost: the system's view. */
    leastCost: AssignmentView;
    /** Shipper logit choice with the fitted parameters (the prior's without a base year). */
    shipperLogit: AssignmentView;
  };
  /** The Monte Carlo aggregate (null with `replications: 0`). */
  simulation:
    | (SimulationSummary & {
        /** Replications run. */
        replications: number;
        /** The simulation seed. */
        seed: string;
      })
    | null;
  /** The shipper choice fitted on the base year, and that year's figures beside the fitted assignment. */
  calibration: CalibrationView | null;
  /** The quick-freight circle, when a target asks for it. */
  reach: ReachResult | null;
  /** Every hub, for maps. */
  hubs: HubPoint[];
  /** Per provenance label, the targets whose ceiling rests on a figure with it; sorted by label. */
  provenance: ProvenanceCount[];
  /** The cutoff of the forecast column. */
  forecastCutoff: string;
  /** Targets the network cannot reach as modelled ("beyond-ceiling" or "not-met"). */
  cannotReach: string[];
}

/** One number in two results. */
export interface Delta {
  /** The figure in result a (null when a lacks it). */
  a: number | null;
  /** The figure in result b (null when b lacks it). */
  b: number | null;
  /** b − a, when both are numbers. */
  change: number | null;
}

/** One target's figures in two baselines. */
export interface TargetChange {
  /** Target id. */
  id: string;
  /** Short title of the target. */
  title: string;
  /** Unit of the goal and the figures. */
  unit: string;
  /** How the goal reads (">=" more is better, "<=" less is better, …), so a change can be judged. */
  comparator: Target["comparator"];
  /** The goal. */
  goal: number | string | null;
  /** Assigned figure, least generalised cost view. */
  leastCost: Delta;
  /** Assigned figure, shipper logit view. */
  shipperLogit: Delta;
  /** Median of the simulated spread. */
  simulatedP50: Delta;
  /** Share of replications that met the goal. */
  pMet: Delta;
  /** The ceiling, where it is a number. */
  ceiling: Delta;
  /** The ceiling in a as the result gives it: a number, a date or a text (the reach circle, the rural counts). */
  ceilingA: number | string | null;
  /** The ceiling in b, in the same form. */
  ceilingB: number | string | null;
  /** Status in a; null where the target is only in b. */
  statusA: CeilingStatus | null;
  /** Status in b; null where the target is only in a. */
  statusB: CeilingStatus | null;
}

/** Throughput at the home city's hubs of one port group by one mode in two baselines. */
export interface PortChange {
  /** The port group of the hubs. */
  portGroup: PortGroup;
  /** The mode of the services. */
  mode: Mode;
  /** Loaded plus unloaded tonnes (least-cost view). */
  throughputT: Delta;
}

/** One line direction whose load or departures changed between two baselines. */
export interface LineChange {
  /** Line id. */
  line: string;
  /** Mode of the line's services. */
  mode: Mode;
  /** The leg's direction, as in LineUtilisation: origin hub id. */
  from: string;
  /** Destination hub id of the leg. */
  to: string;
  /** Only in a, only in b, or in both with a different load or departures. */
  change: "removed" | "added" | "changed";
  /** Trips that ran. */
  departures: Delta;
  /** Tonnes on the first leg. */
  loadedT: Delta;
  /** loadedT over the capacity of the trips that ran. */
  utilisation: Delta;
}

/** One hub whose throughput changed between two baselines by at least COMPARE_EPSILON_T tonnes. */
export interface HubChange {
  /** Hub id. */
  hub: string;
  /** Name of the hub. */
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
  /** Marks the object as a comparison result. */
  kind: "fourports/comparison";
  /** The scenario of result a. */
  a: ScenarioInfo;
  /** The scenario of result b. */
  b: ScenarioInfo;
  /** Every target of either result, a's order first. */
  targets: TargetChange[];
  /** Every port group and mode of either result. */
  ports: PortChange[];
  /** Line directions that changed, largest change in tonnes first. */
  lines: LineChange[];
  /** Hubs whose throughput changed, largest change first. */
  hubs: HubChange[];
  /** The year's totals (least-cost view). */
  totals: {
    /** Tonnes delivered. */
    servedT: Delta;
    /** Tonnes not delivered. */
    unservedT: Delta;
    /** Tariffs plus trucking paid, CNY. */
    costCny: Delta;
    /** CO2 emitted, kg. */
    co2Kg: Delta;
    /** Tonne-kilometres carried. */
    tonneKm: Delta;
  };
}
