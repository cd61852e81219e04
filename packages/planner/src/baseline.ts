import { checkDateOption, checkNumberOption, checkOptionsObject, describeValue, didYouMean, FourportsInputError, type Label, type Scenario } from "@fourports/network";
import { assignDemand, type Assignment } from "@fourports/flow";
import { prepareRouting } from "@fourports/routing";
import { simulate, SIMULATE_LIMITS, type SimulationResult } from "@fourports/sim";
import {
  assignedValue,
  capacityCeilings,
  choiceOptions,
  fitChoice,
  forecastSeries,
  loadForecastSpec,
  loadObserved,
  loadTargetRegistry,
  NoForecastData,
  simulatedTargets,
  type CeilingResult,
  type ChoiceFit,
  type ForecastSpec,
  type ObservedSet,
  type Target,
} from "@fourports/targets";
import { calibrationView } from "./calibration.js";
import { baseYearOfLineage, defaultSeedPath, findBaseYearFile, loadYear, ruralRollupFromFile, type LoadedYear } from "./inputs.js";
import type { Band, BaselineResult, ProvenanceCount, TargetRow } from "./types.js";
import { assignmentView, hubPoints, scenarioInfo } from "./views.js";

/** What `baseline()` is working on, for a progress line. */
export interface BaselineProgress {
  /** Assigning the scenario's year, simulating it, or assigning the base year for the calibration. */
  stage: "assign" | "simulate" | "calibrate";
  /** Id of the scenario being worked on. */
  scenarioId: string;
  /** The assignment's choice view, in the assign and calibrate stages. */
  choice?: "cost" | "logit";
  /** Days assigned or replications run so far, of `total`. */
  done: number;
  /** Days to assign or replications to run in this stage. */
  total: number;
}

/** Options of {@link baseline}: every input file, the cutoffs and the simulation's size; all optional. */
export interface BaselineOptions {
  /** A scenario file or a loaded scenario (default: the seeds' zhengzhou-2025.json). */
  scenario?: string | Scenario;
  /**
   * The year the growth targets are measured against and the choice model is fitted on: a file,
   * a scenario, or null for none. Default: the nearest scenario up the `extends` chain whose
   * epoch is in an earlier year (a what-if of 2025 is compared with 2024).
   */
  baseYear?: string | Scenario | null;
  /** Target registry file (default: the seeds' targets-2025.json). */
  targets?: string;
  /** Observed figures for the fit and the forecast (default: the seeds' observed-history.json). */
  history?: string;
  /** Forecast parameters (default: the seeds' forecast.json). */
  forecast?: string;
  /** Rural county or province file for the rural-delivery target (default: the seeds' henan-province.json). */
  rural?: string;
  /** Figures up to this date fit the choice model (default: 31 August of the base year). */
  fitCutoff?: string;
  /** Figures up to this date feed the forecast (default: 31 January of the scenario's year). */
  forecastCutoff?: string;
  /** Simulated replications (default 6; 0 skips the simulation). */
  replications?: number;
  /** Simulation seed (default "1"). */
  seed?: string;
  /** Worker threads for the simulation (default 2). */
  workers?: number;
  /** Called as the assignments and the simulation advance. */
  onProgress?: (p: BaselineProgress) => void;
  /** Aborts the assignments and the simulation. */
  signal?: AbortSignal;
}

const OPTION_KEYS: ReadonlySet<string> = new Set([
  "scenario", "baseYear", "targets", "history", "forecast", "rural", "fitCutoff", "forecastCutoff", "replications", "seed", "workers", "onProgress", "signal",
]);

function check(o: BaselineOptions): void {
  checkOptionsObject("baseline() options", o);
  // A misspelt option (replication: 0) would otherwise run with the default without a word.
  for (const k of Object.keys(o)) {
    if (!OPTION_KEYS.has(k)) throw new FourportsInputError("invalid-option", `baseline(): unknown option "${k}"${didYouMean(k, [...OPTION_KEYS])}`);
  }
  checkNumberOption("baseline(): replications", o.replications, { integer: true, min: 0, max: SIMULATE_LIMITS.replications });
  checkNumberOption("baseline(): workers", o.workers, { integer: true, min: 1, max: SIMULATE_LIMITS.workers });
  checkDateOption("baseline(): fitCutoff", o.fitCutoff);
  checkDateOption("baseline(): forecastCutoff", o.forecastCutoff);
  for (const k of ["targets", "history", "forecast", "rural", "seed"] as const) {
    if (o[k] !== undefined && typeof o[k] !== "string") throw new FourportsInputError("invalid-option", `baseline(): ${k}: expected a string, got ${describeValue(o[k])}`);
  }
}

interface Inputs {
  year: LoadedYear;
  base: LoadedYear | null;
  registry: { targets: Target[] };
  history: ObservedSet;
  spec: ForecastSpec;
  files: BaselineResult["inputs"];
}

function readInputs(o: BaselineOptions): Inputs {
  const scenario = o.scenario ?? defaultSeedPath("zhengzhou-2025.json");
  const year = loadYear(scenario);
  let baseInput: string | Scenario | null = null;
  if (o.baseYear !== undefined) baseInput = o.baseYear;
  else if (typeof scenario === "string") baseInput = findBaseYearFile(scenario);
  else baseInput = baseYearOfLineage(scenario);
  const targets = o.targets ?? defaultSeedPath("targets-2025.json");
  const history = o.history ?? defaultSeedPath("observed-history.json");
  const forecast = o.forecast ?? defaultSeedPath("forecast.json");
  const registry = loadTargetRegistry(targets);
  const needsRural = registry.targets.some((t) => t.metric === "rural-counts");
  const rural = needsRural ? (o.rural ?? defaultSeedPath("rural/henan-province.json")) : null;
  const base = baseInput === null ? null : loadYear(baseInput);
  if (base && base.scenario.epoch.slice(0, 4) >= year.scenario.epoch.slice(0, 4)) {
    throw new FourportsInputError(
      "invalid-option",
      `baseline(): baseYear: "${base.scenario.id}" starts ${base.scenario.epoch}, not in a year before "${year.scenario.id}" (${year.scenario.epoch}); growth is measured against an earlier year`,
    );
  }
  return {
    year,
    base,
    registry,
    history: loadObserved(history),
    spec: loadForecastSpec(forecast),
    files: { targets, history, forecast, rural },
  };
}

function assign(year: LoadedYear, choice: "cost" | "logit", fit: ChoiceFit | undefined, o: BaselineOptions, stage: "assign" | "calibrate"): Assignment {
  return assignDemand(year.scenario, prepareRouting(year.scenario, year.timetable), {
    choice,
    ...(fit ? choiceOptions(fit.fitted) : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    onProgress: (done, total) => o.onProgress?.({ stage, scenarioId: year.scenario.id, choice, done, total }),
  });
}

const band = (x: { p5: number; p50: number; p95: number }): Band => ({ p5: x.p5, p50: x.p50, p95: x.p95 });

function forecastBand(t: Target, inputs: Inputs, scenarioYear: number, cutoff: string): Band | null {
  const series = inputs.spec.series.find((x) => x.metric === t.metric && (x.hubs ?? []).join(",") === (t.hubs ?? []).join(","));
  if (!series) return null;
  try {
    return band(forecastSeries(series, inputs.history, scenarioYear, cutoff));
  } catch (err) {
    // No figure before the cutoff: there is no forecast; anything else is a real error.
    if (err instanceof NoForecastData) return null;
    throw err;
  }
}

function provenance(results: CeilingResult[]): ProvenanceCount[] {
  const byLabel = new Map<Label, string[]>();
  for (const r of results) for (const l of new Set(r.basis)) byLabel.set(l, [...(byLabel.get(l) ?? []), r.targetId]);
  return [...byLabel].map(([label, targets]) => ({ label, targets })).sort((a, b) => a.label.localeCompare(b.label));
}

function simulationView(r: SimulationResult): NonNullable<BaselineResult["simulation"]> {
  const { targets, totals, ports, lines, crossings, hubs, corridors, bottlenecks } = r;
  return { targets, totals, ports, lines, crossings, hubs, corridors, bottlenecks, replications: r.replications, seed: String(r.seed) };
}

/**
 * A scenario's year against its targets: the demand assigned in the least-cost and the shipper
 * logit views, the simulated spread and P(met), the forecast from observed figures, and the
 * network's ceiling per target; with the choice model fitted on the base year and that year's
 * figures beside the fitted assignment. Plain JSON-safe data, the same the CLI prints.
 */
export async function baseline(options: BaselineOptions = {}): Promise<BaselineResult> {
  check(options);
  const inputs = readInputs(options);
  const { year, base, registry } = inputs;
  const rural = inputs.files.rural ? ruralRollupFromFile(inputs.files.rural, defaultSeedPath("rural/targets-rural.json")) : undefined;
  const results = capacityCeilings(registry.targets, year, base ?? undefined, rural ? { rural } : {});
  const scenarioYear = Number(year.scenario.epoch.slice(0, 4));

  // The shipper choice is fitted on the base year, on its figures to the end of August; the rest is held out.
  const fitCutoff = options.fitCutoff ?? (base ? `${base.scenario.epoch.slice(0, 4)}-08-31` : undefined);
  const tried = base && fitCutoff ? fitChoice(base, inputs.history, { cutoff: fitCutoff }) : undefined;
  // With no figure of the base year to fit on, the "fit" is the prior: say so (no calibration), never call it fitted.
  const fit = tried && tried.rows.some((r) => r.role === "fit") ? tried : undefined;
  const leastCost = assign(year, "cost", fit, options, "assign");
  const shipper = assign(year, "logit", fit, options, "assign");
  const replications = options.replications ?? 6;
  const simulated =
    replications > 0
      ? await simulate(year.scenario, {
          replications,
          seed: options.seed ?? "1",
          workers: options.workers ?? 2,
          targets: simulatedTargets(registry.targets),
          ...(options.signal ? { signal: options.signal } : {}),
          onProgress: (done, total) => options.onProgress?.({ stage: "simulate", scenarioId: year.scenario.id, done, total }),
        })
      : null;
  const calibration = base && fit ? calibrationView(base, fit, inputs.history, assign(base, "logit", fit, options, "calibrate")) : null;

  const forecastCutoff = options.forecastCutoff ?? `${scenarioYear}-01-31`;
  const simOf = new Map((simulated?.targets ?? []).map((t) => [t.id, t]));
  const targetOf = new Map(registry.targets.map((t) => [t.id, t]));
  const rows = results.map((r): TargetRow => {
    const t = targetOf.get(r.targetId)!;
    const s = simOf.get(r.targetId);
    return {
      id: r.targetId,
      title: r.title,
      metric: t.metric,
      unit: r.unit,
      comparator: r.comparator,
      goal: r.target,
      leastCost: assignedValue(t.metric, t.hubs, year, leastCost),
      shipperLogit: assignedValue(t.metric, t.hubs, year, shipper),
      simulated: s?.value ? band(s.value) : null,
      pMet: s?.pMet ?? null,
      forecast: forecastBand(t, inputs, scenarioYear, forecastCutoff),
      ceiling: r.ceiling,
      status: r.status,
      limitedBy: r.limitedBy,
      basis: [...r.basis],
      missing: [...r.missing],
      detail: r.detail,
    };
  });
  return {
    kind: "fourports/baseline",
    scenario: scenarioInfo(year, year.file),
    baseYear: base ? scenarioInfo(base, base.file) : null,
    inputs: inputs.files,
    targets: rows,
    views: { leastCost: assignmentView(year, leastCost, "cost"), shipperLogit: assignmentView(year, shipper, "logit") },
    simulation: simulated ? simulationView(simulated) : null,
    calibration,
    reach: results.find((r) => r.reach)?.reach ?? null,
    hubs: hubPoints(year),
    provenance: provenance(results),
    forecastCutoff,
    cannotReach: results.filter((r) => r.status === "beyond-ceiling" || r.status === "not-met").map((r) => r.targetId),
  };
}
