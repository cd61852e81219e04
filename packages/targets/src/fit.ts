import { choiceSkims, dailyTonnes, flowValueOfTime, skimShares, type ChoiceParameters } from "@fourports/flow";
import { dayNumber, type Commodity, type Mode } from "@fourports/network";
import { prepareRouting } from "@fourports/routing";
import { metricPerTonne } from "./assigned.js";
import type { Year } from "./ceilings.js";
import { nelderMead } from "./nelder-mead.js";
import type { ObservedFigure, ObservedSet } from "./observed.js";

/** The shipper-choice parameters the fit estimates, in the form the assignment takes them. */
export interface FittedChoice {
  /**
   * Scale of the logit: share ∝ exp(−logitScale × (u / u_min − 1)); larger is a sharper choice of the
   * cheapest.
   */
  logitScale: number;
  /** Value of time by commodity, CNY per tonne-hour. */
  valueOfTimeCnyPerTHour: Partial<Record<Commodity, number>>;
  /** Mode constants, CNY per tonne: what shippers weigh beyond tariff and time. */
  modeConstantCnyPerT: Partial<Record<Mode, number>>;
}

/** One observed figure beside what the aggregate choice model predicts for it. */
export interface FitRow {
  /** Id of the observed figure. */
  figureId: string;
  /** The metric it measures. */
  metric: string;
  /** First day of its period. */
  from: string;
  /** Last day of its period (inclusive). */
  to: string;
  /** The observed value. */
  observed: number;
  /** Unit of the value. */
  unit: string;
  /** "fit": used to estimate the parameters; "hold-out": ends after the cutoff, never seen by the fit. */
  role: "fit" | "hold-out";
  /** The demand was sized from this figure (ObservedFigure.sizesDemand): not a test of the level. */
  sizesDemand: boolean;
  /** The aggregate model at the prior and at the fitted parameters. */
  priorPrediction: number;
  /** The aggregate model at the fitted parameters. */
  prediction: number;
  /** (prediction − observed) / observed × 100. */
  errorPct: number;
  /**
   * Share of the predicted figure carried by flows with more than one way to go. Where it is 0
   * the figure is the demand as sized, whatever the parameters: no test of the choice model.
   */
  contestedShare: number;
}

/**
 * The shipper-choice parameters fitted to the observed figures up to a cutoff, with the fit's error on
 * the figures before and after it.
 */
export interface ChoiceFit {
  /** Figures whose period ends by this date were used for the fit. */
  cutoff: string;
  /** The parameters the fit started from and was pulled towards. */
  prior: FittedChoice;
  /** The fitted parameters. */
  fitted: FittedChoice;
  /** One row per observed figure the model can predict. */
  rows: FitRow[];
  /**
   * Root mean square of the log errors (as %) over the fit rows, over the hold-out rows the
   * demand was not sized from (the honest test), and over the held-out rows it was sized from.
   */
  fitRmsPct: number;
  /** See fitRmsPct; null when there is no such row. */
  holdOutRmsPct: number | null;
  /** See fitRmsPct; null when there is no such row. */
  holdOutSizedRmsPct: number | null;
  /** Objective evaluations the Nelder–Mead search spent (0 when there was nothing to fit). */
  evaluations: number;
  /** The sample days (from the epoch) whose releases priced the options. */
  sampleDays: number[];
}

/** Options of {@link fitChoice}. */
export interface FitOptions {
  /** Figures whose period ends on or before this date fit the parameters; later ones are held out. */
  cutoff: string;
  /** The starting point and the prior's centre (default {@link PRIOR_CHOICE}). */
  prior?: FittedChoice;
  /** Weight of the prior (per squared standard deviation) against the squared log errors (default 0.01). */
  priorWeight?: number;
  /** Aborts the search between objective evaluations. */
  signal?: AbortSignal;
}

/** README "Values of time" (ASSUMPTION) and the assignment's default logit scale; no mode constants. */
export const PRIOR_CHOICE: FittedChoice = {
  logitScale: 10,
  valueOfTimeCnyPerTHour: { express: 200, general: 15, "cold-chain": 100, vehicles: 15, bulk: 1 },
  modeConstantCnyPerT: {},
};

/** Metrics the aggregate model can predict (tonnages on journeys); trains and lines need the assignment. */
const TONNAGE = new Set(["air-cargo-t", "air-cargo-intl-t", "air-cargo-dom-t", "cre-t", "hsr-t", "rail-sea-teu", "river-port-t", "river-port-teu"]);
const FITTED_MODES: Mode[] = ["air", "hsr", "road"];

/** θ = [ln VOT express, ln VOT general, ln logit scale, c_air, c_hsr, c_road]; constant = 1000 c² ≥ 0 CNY/t. */
function decode(theta: number[], prior: FittedChoice): FittedChoice {
  const modeConstantCnyPerT: Partial<Record<Mode, number>> = {};
  FITTED_MODES.forEach((m, i) => (modeConstantCnyPerT[m] = 1000 * theta[3 + i]! ** 2));
  return {
    logitScale: Math.exp(theta[2]!),
    valueOfTimeCnyPerTHour: { ...prior.valueOfTimeCnyPerTHour, express: Math.exp(theta[0]!), general: Math.exp(theta[1]!), vehicles: Math.exp(theta[1]!) },
    modeConstantCnyPerT,
  };
}

function encode(p: FittedChoice): number[] {
  return [
    Math.log(p.valueOfTimeCnyPerTHour.express ?? 200),
    Math.log(p.valueOfTimeCnyPerTHour.general ?? 15),
    Math.log(p.logitScale),
    ...FITTED_MODES.map((m) => Math.sqrt((p.modeConstantCnyPerT[m] ?? 0) / 1000)),
  ];
}

/**
 * Fits the shipper-choice parameters (values of time of express and general cargo, the logit
 * scale, constants for air, HSR and road against rail and water) to the observed figures of the
 * scenario's year whose periods end by the cutoff, and predicts the later ones as a hold-out.
 *
 * The model is the assignment's logit without capacity: each flow's tonnes of a period
 * (dailyTonnes over its days) split over its options on the empty timetable (choiceSkims) and
 * counted as the targets count them (metricPerTonne). Objective: squared log errors of the fit
 * figures plus a ridge toward the prior (the seeds' values), since the figures are fewer than
 * the parameters in some directions. Deterministic (Nelder–Mead from the prior).
 */
export function fitChoice(year: Year, history: ObservedSet, options: FitOptions): ChoiceFit {
  const { scenario } = year;
  const prior = options.prior ?? PRIOR_CHOICE;
  const lambda = options.priorWeight ?? 0.01;
  const epoch = dayNumber(scenario.epoch);
  const horizonEnd = epoch + scenario.horizonDays - 1;
  const cutoff = dayNumber(options.cutoff);
  const figures = history.figures.filter(
    (f): f is ObservedFigure & { from: string; to: string } => f.from !== undefined && f.to !== undefined && TONNAGE.has(f.metric) && dayNumber(f.from) >= epoch && dayNumber(f.from) <= horizonEnd,
  );
  // Price the options on releases every 28 days up to the cutoff (the fit may not look beyond).
  const sampleDays: number[] = [];
  for (let d = 3; epoch + d <= Math.min(cutoff, horizonEnd); d += 28) sampleDays.push(d);
  const skims = choiceSkims(scenario, prepareRouting(scenario, year.timetable), sampleDays);
  const flows = scenario.demand.map((d, i) => {
    const daily = dailyTonnes(scenario, d);
    const teuPerT = d.teuPerYear !== undefined && d.tPerYear > 0 ? d.teuPerYear / d.tPerYear : 0;
    // Per figure: the flow's tonnes in the figure's period (pro rata beyond the horizon), and per option what a tonne adds.
    const perFigure = figures.map((f) => {
      const a = dayNumber(f.from) - epoch;
      const b = dayNumber(f.to) - epoch;
      let t = 0;
      for (let day = Math.max(0, a); day <= Math.min(b, scenario.horizonDays - 1); day++) t += daily[day]!;
      const covered = Math.min(b, scenario.horizonDays - 1) - Math.max(0, a) + 1;
      t *= (b - a + 1) / covered;
      return { t, per: skims[i]!.options.map((o) => metricPerTonne(f.metric, f.hubs, scenario, o.journey.legs, teuPerT) ?? 0) };
    });
    return { d, skim: skims[i]!, perFigure };
  });

  const predict = (p: FittedChoice): { value: number[]; contested: number[] } => {
    const value = new Array<number>(figures.length).fill(0);
    const contested = new Array<number>(figures.length).fill(0);
    for (const f of flows) {
      if (f.skim.options.length === 0) continue;
      const vot = flowValueOfTime(f.d, p.valueOfTimeCnyPerTHour);
      const share = skimShares(f.skim, vot, p);
      f.perFigure.forEach((pf, k) => {
        let x = 0;
        pf.per.forEach((per, o) => (x += share[o]! * per));
        value[k]! += pf.t * x;
        if (f.skim.options.length > 1) contested[k]! += pf.t * x;
      });
    }
    return { value, contested };
  };
  const fitIdx = figures.flatMap((f, k) => (dayNumber(f.to) <= cutoff ? [k] : []));
  const theta0 = encode(prior);
  const objective = (theta: number[]): number => {
    const { value } = predict(decode(theta, prior));
    let sse = 0;
    for (const k of fitIdx) sse += Math.log(Math.max(value[k]!, 1e-9) / figures[k]!.value) ** 2;
    let reg = 0;
    theta.forEach((x, i) => (reg += (x - theta0[i]!) ** 2));
    return sse + lambda * reg;
  };
  const best = fitIdx.length === 0 ? { x: theta0, evaluations: 0 } : nelderMead(objective, theta0, [0.5, 0.5, 0.5, 0.3, 0.3, 0.3], { maxEvaluations: 3000, signal: options.signal });
  const fitted = decode(best.x, prior);
  const atPrior = predict(prior).value;
  const at = predict(fitted);
  const rows: FitRow[] = figures.map((f, k) => ({
    figureId: f.id,
    metric: f.metric,
    from: f.from,
    to: f.to,
    observed: f.value,
    unit: f.unit,
    role: dayNumber(f.to) <= cutoff ? "fit" : "hold-out",
    sizesDemand: f.sizesDemand === true,
    priorPrediction: atPrior[k]!,
    prediction: at.value[k]!,
    errorPct: ((at.value[k]! - f.value) / f.value) * 100,
    contestedShare: at.value[k]! > 0 ? at.contested[k]! / at.value[k]! : 0,
  }));
  const rms = (rs: FitRow[]): number | null =>
    rs.length === 0 ? null : Math.sqrt(rs.reduce((s, r) => s + Math.log(Math.max(r.prediction, 1e-9) / r.observed) ** 2, 0) / rs.length) * 100;
  return {
    cutoff: options.cutoff,
    prior,
    fitted,
    rows,
    fitRmsPct: rms(rows.filter((r) => r.role === "fit")) ?? 0,
    holdOutRmsPct: rms(rows.filter((r) => r.role === "hold-out" && !r.sizesDemand)),
    holdOutSizedRmsPct: rms(rows.filter((r) => r.role === "hold-out" && r.sizesDemand)),
    evaluations: best.evaluations,
    sampleDays,
  };
}

/** The fitted parameters as assignment options. */
export function choiceOptions(p: FittedChoice): ChoiceParameters {
  return { logitScale: p.logitScale, valueOfTimeCnyPerTHour: p.valueOfTimeCnyPerTHour, modeConstantCnyPerT: p.modeConstantCnyPerT };
}
