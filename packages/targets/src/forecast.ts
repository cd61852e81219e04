import { checkAgainst, dateOfDayNumber, dayNumber, LABELS, parseJsonText, readTextFile, ScenarioError, type Label, type SourceRef } from "@fourports/network";
import { z } from "zod";
import type { ObservedFigure, ObservedSet } from "./observed.js";
import { sourcesSchema } from "./registry.js";

/** A series has no observed figure to forecast from before the cutoff: a gap in the data, not a bug. */
export class NoForecastData extends Error {
  /** Always "NoForecastData", to tell it from other errors. */
  override readonly name = "NoForecastData";
}

/** How one observed series is forecast: its seasonality and the prior on its yearly growth. */
export interface ForecastSeries {
  /** Unique id of the series. */
  id: string;
  /** The metric it forecasts, as the targets name metrics. */
  metric: string;
  /** Hubs it counts at, for metrics that name hubs. */
  hubs?: string[];
  /** Unit of the series. */
  unit: string;
  /** Twelve monthly weights, January first (as a demand flow's seasonality). */
  seasonality: number[];
  /** Prior yearly growth (0.26 = +26%) and its log standard deviation. */
  priorGrowth: number;
  /** Log standard deviation of the prior growth. */
  priorSigma: number;
  /** Figure ids of the history not to use, with the reason in the note. */
  exclude?: string[];
  /** Id prefixes of the demand flows whose market this series measures ("AIR-"): they grow with it. */
  flows?: string[];
  /** Key of the spec's `sources` table the prior comes from. */
  source: string;
  /** What kind of figure the prior is. */
  label: Label;
  /** Free-text remark, e.g. why figures are excluded. */
  note?: string;
}

/** How each observed series is forecast (seeds/forecast): the series and the documents their priors cite. */
export interface ForecastSpec {
  /** Unique id of the spec. */
  id: string;
  /** Human-readable name. */
  name: string;
  /** Documents the priors cite, by key. */
  sources: Record<string, SourceRef>;
  /** The series. */
  series: ForecastSeries[];
}

/** A forecast of one series for one year: median, band and how it was made. Plain data. */
export interface SeriesForecast {
  /** Id of the series forecast. */
  seriesId: string;
  /** The metric. */
  metric: string;
  /** Unit of the values. */
  unit: string;
  /** The calendar year forecast. */
  year: number;
  /** Figures whose period ends by this date were used. */
  cutoff: string;
  /** Median. */
  p50: number;
  /** 5th percentile (p50 × exp(−1.645 σ)). */
  p5: number;
  /** 95th percentile (p50 × exp(1.645 σ)). */
  p95: number;
  /** Log standard deviation: the simulation draws value = p50 × exp(sigmaLog × z), z ~ N(0, 1). */
  sigmaLog: number;
  /** The estimates combined, each with its own figure ids. */
  estimates: {
    /** How the estimate was made, e.g. "2024 run rate 2024-01-01–2024-08-31 / seasonal share 0.667". */
    method: string;
    /** The estimate for the forecast year, in the series' unit. */
    value: number;
    /** Its log standard deviation. */
    sigmaLog: number;
    /** Ids of the observed figures it rests on. */
    figures: string[];
  }[];
}

const Z95 = 1.6448536269514722;
/** Run-rate uncertainty: the share of the year still to come, scaled (ASSUMPTION, see seeds/README.md). */
const RUN_RATE_SIGMA = 0.15;
/** Floor on any estimate's log standard deviation: the sources round, seasonality is assumed. */
const SIGMA_FLOOR = 0.03;

const seriesSchema: z.ZodType<ForecastSpec> = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  sources: sourcesSchema,
  series: z.array(
    z.strictObject({
      id: z.string().min(1),
      metric: z.string().min(1),
      hubs: z.array(z.string().min(1)).optional(),
      unit: z.string().min(1),
      seasonality: z.array(z.number().positive()).length(12),
      priorGrowth: z.number().gt(-1),
      priorSigma: z.number().positive(),
      exclude: z.array(z.string().min(1)).optional(),
      flows: z.array(z.string().min(1)).optional(),
      source: z.string().min(1),
      label: z.enum(LABELS),
      note: z.string().optional(),
    }),
  ),
});

/** The forecast parameters (seeds/forecast.json). */
export function loadForecastSpec(path: string): ForecastSpec {
  const parsed = parseJsonText(readTextFile(path), path);
  if (!parsed.ok) throw new ScenarioError(parsed.issues);
  const r = checkAgainst(seriesSchema, parsed.value, path);
  if (!r.ok) throw new ScenarioError(r.list.issues);
  return r.data;
}

/** Share of a calendar year's volume in [from, to] (inclusive dates of that year), by day-weighted monthly weights. */
export function seasonalShare(weights: number[], from: string, to: string): number {
  const year = Number(from.slice(0, 4));
  const first = dayNumber(`${year}-01-01`);
  const days = dayNumber(`${year + 1}-01-01`) - first;
  const a = dayNumber(from) - first;
  const b = Math.min(dayNumber(to) - first, days - 1);
  let part = 0;
  let total = 0;
  for (let d = 0; d < days; d++) {
    const w = weights[Number(dateOfDayNumber(first + d).slice(5, 7)) - 1]!;
    total += w;
    if (d >= a && d <= b) part += w;
  }
  return part / total;
}

type Period = ObservedFigure & { from: string; to: string };
const yearOf = (d: string): number => Number(d.slice(0, 4));
const isFullYear = (f: Period): boolean => f.from.endsWith("-01-01") && f.to === `${yearOf(f.from)}-12-31`;

/**
 * Forecasts a series' total for `year` from the figures whose periods end by `cutoff`:
 * - run rate: the latest partial figure of that year over its seasonal share of the year;
 * - trend: the last full year × (1 + growth), growth from the same period a year apart when both
 *   are known, else from the last two full years, blended half and half with the prior growth
 *   (a published trajectory, e.g. clause 1's three-year doubling);
 * combined by inverse variance in logs. A full year before `year` known only by a partial figure
 * is first run-rated itself. Throws when nothing usable is known.
 */
export function forecastSeries(series: ForecastSeries, history: ObservedSet, year: number, cutoff: string): SeriesForecast {
  const figs = history.figures.filter(
    (f): f is Period =>
      f.from !== undefined && f.to !== undefined && f.metric === series.metric && sameHubs(f.hubs, series.hubs) && f.to <= cutoff && !(series.exclude ?? []).includes(f.id),
  );
  const estimates: SeriesForecast["estimates"] = [];
  const annual = (y: number): { value: number; sigmaLog: number; figures: string[]; method: string } | null => {
    const full = figs.find((f) => isFullYear(f) && yearOf(f.from) === y);
    if (full) return { value: full.value, sigmaLog: SIGMA_FLOOR, figures: [full.id], method: `${y} observed` };
    const partial = figs.filter((f) => yearOf(f.from) === y && f.from.endsWith("-01-01") && yearOf(f.to) === y).sort((a, b) => (a.to < b.to ? 1 : -1))[0];
    if (!partial) {
      // A figure over a 12-month span not aligned to the year (HSR from its first train): its annual rate.
      const span = figs.find((f) => yearOf(f.from) === y && dayNumber(f.to) - dayNumber(f.from) >= 360);
      if (!span) return null;
      const days = dayNumber(span.to) - dayNumber(span.from) + 1;
      return { value: (span.value * 365) / days, sigmaLog: 0.1, figures: [span.id], method: `${y} annual rate of ${span.from}–${span.to}` };
    }
    const s = seasonalShare(series.seasonality, partial.from, partial.to);
    return { value: partial.value / s, sigmaLog: Math.max(SIGMA_FLOOR, RUN_RATE_SIGMA * Math.sqrt(1 - s)), figures: [partial.id], method: `${y} run rate ${partial.from}–${partial.to} / seasonal share ${s.toFixed(3)}` };
  };
  const thisYear = annual(year);
  if (thisYear) estimates.push(thisYear);
  const last = annual(year - 1);
  if (last) {
    const observed = observedGrowth(figs, year);
    const gPrior = Math.log(1 + series.priorGrowth);
    const gLog = observed ? 0.5 * observed.logGrowth + 0.5 * gPrior : gPrior;
    // A year ahead is never surer than half the prior's spread, however close the two growths.
    const spread = observed ? Math.max(Math.abs(observed.logGrowth - gPrior) / 2, series.priorSigma / 2) : series.priorSigma;
    const sigmaLog = Math.sqrt(last.sigmaLog ** 2 + Math.max(spread, SIGMA_FLOOR) ** 2);
    estimates.push({
      method: `${last.method} × growth ${((Math.exp(gLog) - 1) * 100).toFixed(1)}% (${observed ? `observed ${((Math.exp(observed.logGrowth) - 1) * 100).toFixed(1)}%, ` : ""}prior ${(series.priorGrowth * 100).toFixed(1)}%)`,
      value: last.value * Math.exp(gLog),
      sigmaLog,
      figures: [...last.figures, ...(observed?.figures ?? [])],
    });
  }
  if (estimates.length === 0) throw new NoForecastData(`forecast ${series.id}: no figure of ${series.metric} up to ${cutoff} for ${year} or ${year - 1}`);
  let wSum = 0;
  let mean = 0;
  for (const e of estimates) {
    const w = 1 / e.sigmaLog ** 2;
    wSum += w;
    mean += w * Math.log(e.value);
  }
  mean /= wSum;
  const sigmaLog = Math.sqrt(1 / wSum);
  return {
    seriesId: series.id,
    metric: series.metric,
    unit: series.unit,
    year,
    cutoff,
    p50: Math.exp(mean),
    p5: Math.exp(mean - Z95 * sigmaLog),
    p95: Math.exp(mean + Z95 * sigmaLog),
    sigmaLog,
    estimates,
  };
}

/** Growth into `year − 1` from the same period a year apart, or the two full years before it. */
function observedGrowth(figs: Period[], year: number): { logGrowth: number; figures: string[] } | null {
  const prev = year - 1;
  // Same period a year apart, the latest such pair ending in year − 1 or year.
  for (const y of [year, prev]) {
    const pairs = figs
      .filter((f) => yearOf(f.from) === y && yearOf(f.to) === y)
      .map((f) => ({ f, g: figs.find((x) => x.from === `${y - 1}${f.from.slice(4)}` && x.to === `${y - 1}${f.to.slice(4)}`) }))
      .filter((p): p is { f: Period; g: Period } => p.g !== undefined)
      .sort((a, b) => (a.f.to < b.f.to ? 1 : -1));
    if (pairs[0]) return { logGrowth: Math.log(pairs[0].f.value / pairs[0].g.value), figures: [pairs[0].f.id, pairs[0].g.id] };
  }
  return null;
}

function sameHubs(a: string[] | undefined, b: string[] | undefined): boolean {
  return (a ?? []).join(",") === (b ?? []).join(",");
}

/** One observed figure after the cutoff beside its forecast from the figures before. */
export interface BacktestRow {
  /** Id of the series. */
  seriesId: string;
  /** Id of the observed figure. */
  figureId: string;
  /** The figure's period, "from–to". */
  period: string;
  /** The observed value. */
  observed: number;
  /** The forecast for that period (P50). */
  forecast: number;
  /** Forecast 5th percentile. */
  p5: number;
  /** Forecast 95th percentile. */
  p95: number;
  /** (forecast − observed) / observed × 100. */
  errorPct: number;
  /** Whether the observed value lies in the P5–P95 band. */
  inBand: boolean;
  /** Unit of the values. */
  unit: string;
  /** How the forecast was made (the estimates' methods, joined). */
  method: string;
}

/** A hold-out back-test of the forecasts: every figure after the cutoff against its forecast. */
export interface Backtest {
  /** Forecasts used the figures whose period ends by this date. */
  cutoff: string;
  /** One row per figure after the cutoff. */
  rows: BacktestRow[];
  /** Series with nothing observed after the cutoff to compare with. */
  untested: string[];
  /** Mean of the absolute errorPct over the rows; null without rows. */
  meanAbsErrorPct: number | null;
}

/**
 * Hold-out backtest: forecast with the figures up to `cutoff` only, and compare with every
 * figure that ends after it and lies within one calendar year (the year total scaled by the
 * period's seasonal share).
 */
export function backtest(spec: ForecastSpec, history: ObservedSet, cutoff: string): Backtest {
  const rows: BacktestRow[] = [];
  const untested: string[] = [];
  for (const s of spec.series) {
    const later = history.figures.filter(
      (f): f is Period => f.from !== undefined && f.to !== undefined && f.metric === s.metric && sameHubs(f.hubs, s.hubs) && f.to > cutoff && yearOf(f.from) === yearOf(f.to) && !(s.exclude ?? []).includes(f.id),
    );
    if (later.length === 0) {
      untested.push(s.id);
      continue;
    }
    for (const f of later) {
      let fc: SeriesForecast;
      try {
        fc = forecastSeries(s, history, yearOf(f.from), cutoff);
      } catch (err) {
        if (!(err instanceof NoForecastData)) throw err;
        untested.push(s.id);
        continue;
      }
      const share = seasonalShare(s.seasonality, f.from, f.to);
      const forecast = fc.p50 * share;
      rows.push({
        seriesId: s.id,
        figureId: f.id,
        period: `${f.from}–${f.to}`,
        observed: f.value,
        forecast,
        p5: fc.p5 * share,
        p95: fc.p95 * share,
        errorPct: ((forecast - f.value) / f.value) * 100,
        inBand: fc.p5 * share <= f.value && f.value <= fc.p95 * share,
        unit: s.unit,
        method: fc.estimates.map((e) => e.method).join("; "),
      });
    }
  }
  return {
    cutoff,
    rows,
    untested: [...new Set(untested)],
    meanAbsErrorPct: rows.length === 0 ? null : rows.reduce((a, r) => a + Math.abs(r.errorPct), 0) / rows.length,
  };
}

/** One flow's demand for the forecast year: median and band, for the scenario and the simulation. */
export interface FlowForecast {
  /** Id of the demand flow. */
  demandId: string;
  /** Id of the series it grows with. */
  seriesId: string;
  /** The flow's tonnes in the base scenario and the forecast year's P50, P5, P95. */
  baseTPerYear: number;
  /** Forecast year's median tonnes. */
  p50TPerYear: number;
  /** Forecast year's 5th percentile tonnes. */
  p5TPerYear: number;
  /** Forecast year's 95th percentile tonnes. */
  p95TPerYear: number;
  /** Log standard deviation: draw tPerYear = p50TPerYear × exp(sigmaLog × z), z ~ N(0, 1), one z per series. */
  sigmaLog: number;
  /** p50TPerYear / baseTPerYear, the same for every flow of a series. */
  factor: number;
}

/**
 * Each flow's demand in `year`: the flows a series names (by id prefix) share its forecast in
 * proportion to their size in the base scenario (tonnes, or TEU for a series in TEU), so their
 * total is the series' P50 and each keeps the series' log sigma. Flows no series names are not forecast (absent). Plain data.
 */
export function forecastFlows(
  spec: ForecastSpec,
  history: ObservedSet,
  base: { demand: { id: string; tPerYear: number; teuPerYear?: number }[] },
  year: number,
  cutoff: string,
): FlowForecast[] {
  const out: FlowForecast[] = [];
  for (const s of spec.series) {
    if (!s.flows || s.flows.length === 0) continue;
    // A series counted in TEU shares out by the flows' TEU; in tonnes, by their tonnes.
    const teu = s.unit === "TEU";
    const size = (d: { tPerYear: number; teuPerYear?: number }): number => (teu ? (d.teuPerYear ?? 0) : d.tPerYear);
    const flows = base.demand.filter((d) => s.flows!.some((p) => d.id.startsWith(p)) && size(d) > 0);
    const total = flows.reduce((a, d) => a + size(d), 0);
    if (flows.length === 0 || total === 0) continue;
    const f = forecastSeries(s, history, year, cutoff);
    const factor = f.p50 / total;
    for (const d of flows) {
      out.push({
        demandId: d.id,
        seriesId: s.id,
        baseTPerYear: d.tPerYear,
        p50TPerYear: d.tPerYear * factor,
        p5TPerYear: (d.tPerYear * f.p5) / f.p50 * factor,
        p95TPerYear: (d.tPerYear * f.p95) / f.p50 * factor,
        sigmaLog: f.sigmaLog,
        factor,
      });
    }
  }
  return out;
}
