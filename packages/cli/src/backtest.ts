import { join } from "node:path";
import { expandTimetable, loadScenarioFile } from "@fourports/network";
import { holdOutReport, loadForecastSpec, loadObserved, type ChoiceFit, type HoldOutReport } from "@fourports/targets";
import { dateArg, parseArgs, UsageError } from "./args.js";
import type { Io } from "./commands.js";
import { seedsDir, shown, userPath } from "./paths.js";
import { emit, OUTPUT_FLAGS, OUTPUT_OPTIONS, outputOptions } from "./emit.js";
import { fmtNumber, table } from "./table.js";

const pct = (x: number): string => `${x >= 0 ? "+" : ""}${x.toFixed(1)}%`;

const BACKTEST_USAGE = "usage: fourports backtest --cutoff YYYY-MM-DD [--history FILE] [--forecast FILE] [--scenario FILE] [--json|--csv] [--out FILE]";

/** `fourports backtest --cutoff DATE`: forecast and choice fit from the figures up to DATE, against what followed. */
export function backtestCommand(args: string[], io: Io): number {
  const { positional, opts } = parseArgs(args, ["--cutoff", "--history", "--forecast", "--scenario", ...OUTPUT_OPTIONS], OUTPUT_FLAGS);
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"; ${BACKTEST_USAGE}`);
  const out = outputOptions(opts);
  const cutoff = opts.get("--cutoff");
  if (!cutoff) throw new UsageError(BACKTEST_USAGE);
  dateArg("--cutoff", cutoff);
  const history = loadObserved(opts.has("--history") ? userPath(opts.get("--history")!) : join(seedsDir(), "observed-history.json"));
  const specFile = opts.has("--forecast") ? userPath(opts.get("--forecast")!) : join(seedsDir(), "forecast.json");
  const spec = loadForecastSpec(specFile);
  const scenario = loadScenarioFile(opts.has("--scenario") ? userPath(opts.get("--scenario")!) : join(seedsDir(), "zhengzhou-2024.json"));
  const r = holdOutReport(spec, history, cutoff, { scenario, timetable: expandTimetable(scenario) });
  emit(io, out, {
    json: () => ({ scenarioId: scenario.id, ...r }),
    csv: () => ({
      header: ["series", "figure", "period", "unit", "observed", "forecast", "p5", "p95", "errorPct", "inBand", "method"],
      rows: r.forecast.rows.map((x) => [x.seriesId, x.figureId, x.period, x.unit, x.observed, x.forecast, x.p5, x.p95, x.errorPct, x.inBand, x.method]),
    }),
    text: () => backtestText(r, cutoff, shown(specFile)),
  });
  return 0;
}

function backtestText(r: HoldOutReport, cutoff: string, specFile: string): string[] {
  const lines = [
    `fourports backtest — fitted on the figures whose periods end by ${cutoff}; compared with the figures after it`,
    "",
    `Demand forecast (${specFile}): run rate over the seasonal share, last year × growth blended with the prior, P5–P95 from a lognormal`,
  ];
  if (r.forecast.rows.length === 0) lines.push("  nothing observed after the cutoff to compare with");
  else {
    lines.push(
      table(
        ["series", "figure", "period", "observed", "forecast", "P5–P95", "error", "in band", "how"],
        r.forecast.rows.map((x) => [x.seriesId, x.figureId, x.period, `${fmtNumber(x.observed)} ${x.unit}`, `${fmtNumber(x.forecast)} ${x.unit}`, `${fmtNumber(x.p5)}–${fmtNumber(x.p95)}`, pct(x.errorPct), x.inBand ? "yes" : "NO", x.method]),
      ),
    );
    lines.push(`mean absolute error ${r.forecast.meanAbsErrorPct!.toFixed(1)}% over ${r.forecast.rows.length} held-out figure(s)`);
  }
  if (r.forecast.untested.length > 0) lines.push(`not tested (no figure after the cutoff in our sources): ${r.forecast.untested.join(", ")}`);
  lines.push("");
  if (r.choice) lines.push(...choiceFitLines(r.choice));
  else lines.push(`Choice fit: the scenario's year does not contain ${cutoff}; not run.`);
  return lines;
}

/** The choice fit: parameters, then every figure as fit or hold-out with its error. */
export function printChoiceFit(fit: ChoiceFit, io: Io): void {
  for (const l of choiceFitLines(fit)) io.out(l);
}

/** The choice fit as lines: parameters, then every figure as fit or hold-out with its error. */
export function choiceFitLines(fit: ChoiceFit): string[] {
  const lines: string[] = [];
  const io = { out: (l: string): void => void lines.push(l) };
  const p = fit.fitted;
  const vot = Object.entries(p.valueOfTimeCnyPerTHour).map(([c, v]) => `${c} ${fmtNumber(v!)}`).join(", ");
  const asc = Object.entries(p.modeConstantCnyPerT).map(([m, v]) => `${m} ${fmtNumber(v!)}`).join(", ");
  io.out(`Choice model fitted on figures ending by ${fit.cutoff} (${fit.evaluations} evaluations, prior = seeds' values, ridge 0.01): logit scale ${fmtNumber(p.logitScale)}; values of time CNY/t·h ${vot}; mode constants CNY/t ${asc || "none"}`);
  io.out(
    table(
      ["figure", "period", "role", "observed", "prior model", "fitted model", "error", "contested"],
      fit.rows.map((r) => [r.figureId, `${r.from}–${r.to}`, `${r.role}${r.sizesDemand ? " (sized)" : ""}`, `${fmtNumber(r.observed)} ${r.unit}`, fmtNumber(r.priorPrediction), fmtNumber(r.prediction), pct(r.errorPct), `${Math.round(r.contestedShare * 100)}%`]),
    ),
  );
  const n = (keep: (r: ChoiceFit["rows"][number]) => boolean): number => fit.rows.filter(keep).length;
  const rms = (x: number | null): string => (x === null ? "-" : `${x.toFixed(1)}%`);
  io.out(
    `fit error (RMS of log errors, in sample): ${fit.fitRmsPct.toFixed(1)}% on ${n((r) => r.role === "fit")} figures; hold-out error (never seen by the fit, nor sized from): ${rms(fit.holdOutRmsPct)} on ${n((r) => r.role === "hold-out" && !r.sizesDemand)}; held out but the demand was sized from them: ${rms(fit.holdOutSizedRmsPct)} on ${n((r) => r.role === "hold-out" && r.sizesDemand)}`,
  );
  io.out("  contested: share of the figure carried by flows with more than one way to go; at 0% the figure is the demand as sized, not a test of the choice.");
  io.out("  The demand levels are sized from the Jan–Aug figures, so the fit rows test the split between modes; the unsized hold-out rows test the Sep–Dec months as well.");
  return lines;
}
