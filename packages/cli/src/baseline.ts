import { statSync } from "node:fs";
import { baseline as runBaseline, type BaselineOptions, type BaselineProgress, type BaselineResult, type AssignmentView, type TargetRow } from "@fourports/planner";
import { STATUS_TEXT as STATUS, targetsTable } from "@fourports/report";
import { printChoiceFit } from "./backtest.js";
import { dateArg, parseArgs, UsageError } from "./args.js";
import { shown, type Io } from "./commands.js";
import { emit, OUTPUT_FLAGS, OUTPUT_OPTIONS, outputOptions, type CsvTable, type OutputOptions } from "./emit.js";
import { userPath } from "./paths.js";
import { pct, simArgs } from "./simulate.js";
import { fmtNumber, table } from "./table.js";

function show(v: number | string | null, unit: string): string {
  if (v === null) return "-";
  if (typeof v === "string") return v;
  if (unit === "share") return `${(v * 100).toFixed(0)}%`;
  return `${fmtNumber(v)} ${unit}`;
}

function targetText(r: TargetRow): string {
  if (r.comparator === "report") return "(report)";
  if (r.comparator === "all") return "all open";
  return `${r.comparator} ${show(r.goal, r.unit)}`;
}

/** An input file named by an option must exist before minutes of work are spent. */
function inputFile(option: string, path: string): string {
  let isFile: boolean | undefined;
  try {
    isFile = statSync(path).isFile();
  } catch {
    // reported below
  }
  if (isFile) return path;
  throw new UsageError(`${option}: ${isFile === undefined ? "no such file" : "not a regular file"}: ${path}`);
}

/** Turns the library's progress into status lines, and a line with the time of each finished stage. */
function progressOf(io: Io): (p: BaselineProgress) => void {
  const started = new Map<string, number>();
  return (p) => {
    const key = `${p.stage}/${p.scenarioId}/${p.choice ?? ""}`;
    if (!started.has(key)) started.set(key, performance.now());
    const what = p.stage === "simulate" ? `simulating ${p.scenarioId}: replication` : `assigning ${p.scenarioId} (${p.choice}): day`;
    if (p.stage === "simulate" || p.done % 30 === 0 || p.done === p.total) io.progress(`${what} ${p.done}/${p.total}`);
    if (p.done === p.total) {
      io.progress("");
      const s = ((performance.now() - started.get(key)!) / 1000).toFixed(1);
      io.err(p.stage === "simulate" ? `simulated ${p.scenarioId}: ${p.total} replication${p.total === 1 ? "" : "s"} in ${s} s` : `assigned ${p.scenarioId} (${p.choice}) in ${s} s`);
    }
  };
}

/** The options baseline() reads besides --compare and the output ones; `fourports report` takes them too. */
export const BASELINE_INPUT_OPTIONS: readonly string[] = ["--targets", "--history", "--forecast", "--rural", "--fit-cutoff", "--forecast-cutoff", "--runs", "--seed", "--workers"];

/** Reads the options into baseline()'s; every file and date is checked before minutes of work. */
function baselineOptions(args: string[]): { options: BaselineOptions; out: OutputOptions } {
  const { positional, opts } = parseArgs(args, [...BASELINE_INPUT_OPTIONS.slice(0, 1), "--compare", ...BASELINE_INPUT_OPTIONS.slice(1), ...OUTPUT_OPTIONS], [...OUTPUT_FLAGS], 1);
  const options = baselineInputs(positional[0], opts);
  if (opts.has("--compare")) options.baseYear = shown(inputFile("--compare", userPath(opts.get("--compare")!)));
  return { options, out: outputOptions(opts) };
}

/** The scenario and the BASELINE_INPUT_OPTIONS as baseline()'s options, each file and date checked. */
export function baselineInputs(scenario: string | undefined, opts: Map<string, string>): BaselineOptions {
  const sim = simArgs(opts, 6);
  const file = (name: string): string | undefined => (opts.has(name) ? inputFile(name, userPath(opts.get(name)!)) : undefined);
  const date = (name: string): string | undefined => (opts.has(name) ? dateArg(name, opts.get(name)!) : undefined);
  const options: BaselineOptions = { replications: sim.runs, seed: sim.seed, workers: sim.workers };
  if (scenario) options.scenario = shown(inputFile("scenario", userPath(scenario)));
  const set = <K extends keyof BaselineOptions>(k: K, v: BaselineOptions[K] | undefined): void => {
    if (v !== undefined) options[k] = v;
  };
  set("targets", file("--targets") && shown(file("--targets")!));
  set("history", file("--history") && shown(file("--history")!));
  set("forecast", file("--forecast") && shown(file("--forecast")!));
  set("rural", file("--rural") && shown(file("--rural")!));
  set("fitCutoff", date("--fit-cutoff"));
  set("forecastCutoff", date("--forecast-cutoff"));
  return options;
}

export async function baseline(args: string[], io: Io): Promise<number> {
  const { options, out } = baselineOptions(args);
  const r = await runBaseline({ ...options, onProgress: progressOf(io) });
  emit(io, out, {
    json: () => r,
    csv: () => targetsCsv(r),
    text: () => {
      const lines: string[] = [];
      printBaseline(r, { ...io, out: (l) => void lines.push(l) });
      return lines;
    },
  });
  return 0;
}

/** --csv: the target table with numbers unrounded, one row per target, in the layout of the report's targets.csv. */
function targetsCsv(r: BaselineResult): CsvTable {
  const { header, rows } = targetsTable(r);
  return { header, rows };
}

const scenarioName = (file: string | null, id: string): string => (file ? shown(userPath(file)) : id);

function printMethod(r: BaselineResult, io: Io): void {
  const sc = r.scenario;
  const year = sc.epoch.slice(0, 4);
  io.out(`fourports baseline — ${sc.name}`);
  io.out(`scenario ${scenarioName(sc.file, sc.id)} (${sc.epoch} + ${sc.horizonDays} days, ${sc.hubCount} hubs, ${sc.serviceCount} services, ${fmtNumber(sc.tripCount)} trips)`);
  if (r.baseYear) io.out(`base year ${scenarioName(r.baseYear.file, r.baseYear.id)} (${r.baseYear.epoch.slice(0, 4)}): growth targets are measured against it and the choice model is fitted on it`);
  else io.out("no base year (no earlier scenario up the extends chain; --compare names one): growth targets not computed, choice not fitted");
  io.out(`targets ${shown(userPath(r.inputs.targets))}; observed ${shown(userPath(r.inputs.history))}; forecast ${shown(userPath(r.inputs.forecast))}`);
  io.out("");
  io.out("assigned: the year's demand placed on the timetable by priority on residual capacities, every departure and hub limit respected;");
  io.out("  modes open: each flow may use every mode its commodity allows; on-demand services count only the trips that run;");
  io.out("  least cost: each batch takes its least generalised-cost journey (tariffs + trucking + fitted value of time × hours);");
  io.out(`  shipper logit: each batch splits over its 3 cheapest journeys by a multinomial logit with the parameters fitted below${r.calibration ? "" : " (not fitted: no base year, or no observed figure of it before the fit cutoff; seeds' values)"}.`);
  io.out(
    r.simulation
      ? `simulated: ${r.simulation.replications} seeded replications (seed ${r.simulation.seed}) of the year with delays, cancellations, hub queues, border queues with background trains and disruptions (seeds' variability, ASSUMPTION); each consignment takes the earliest journey with room and is rebooked when it misses one; on-demand slots run when consolidated; P50 and P(met) across the replications (fourports simulate for more).`
      : "simulated: skipped (--runs 0).",
  );
  io.out("ceiling: the most the timetable and hubs could carry in the year at 100% load (on-demand: the slots the vehicle pools can run).");
  io.out(`forecast: ${year} P50 (P5–P95) from the figures known by ${r.forecastCutoff} (${shown(userPath(r.inputs.forecast))}; \`fourports backtest\` tests it).`);
  io.out("");
}

function printTargets(r: BaselineResult, io: Io): void {
  io.out(
    table(
      ["target", "goal", "least cost", "shipper logit", "simulated P50", "P(met)", "forecast", "ceiling", "status", "limited by", "rests on"],
      r.targets.map((t) => [
        t.id,
        targetText(t),
        show(t.leastCost, t.unit),
        show(t.shipperLogit, t.unit),
        t.simulated ? show(Math.round(t.simulated.p50), t.unit) : "-",
        pct(t.pMet),
        t.forecast ? `${show(t.forecast.p50, t.unit)} (${fmtNumber(t.forecast.p5)}–${fmtNumber(t.forecast.p95)})` : "-",
        show(t.ceiling, t.unit),
        STATUS[t.status],
        t.limitedBy,
        t.basis.join(", ") || "-",
      ]),
    ),
  );
  io.out("");
}

function printViews(r: BaselineResult, io: Io): void {
  for (const [label, a] of [["least cost", r.views.leastCost], ["shipper logit", r.views.shipperLogit]] as const) {
    const u = a.unservedT;
    io.out(
      `${label}: demand ${fmtNumber(a.demandT)} t; served ${fmtNumber(a.servedT)} t; unserved ${fmtNumber(u.capacity)} t for capacity, ${fmtNumber(u["too late"])} t too late, ${fmtNumber(u["no route"])} t with no route, ${fmtNumber(u["not dispatched"])} t whose on-demand trip did not run; ${fmtNumber(a.tonneKm / 1e6)} million t-km, ${fmtNumber(a.costCny / 1e6)} million CNY, ${fmtNumber(a.co2Kg / 1e6)} kt CO2e`,
    );
    if (a.dispatch.slots > 0) {
      io.out(`  on-demand services: ${fmtNumber(a.dispatch.ran)} of ${fmtNumber(a.dispatch.slots)} path slots ran; ${fmtNumber(a.dispatch.belowMinimumLoad)} got cargo below their minimum load and did not run`);
    }
  }
  io.out("(emission factors: @fourports/routing DEFAULT_EMISSION_FACTORS, cited there)");
  io.out("");
  const key = (p: AssignmentView["ports"][number]): string => `${p.portGroup}/${p.mode}`;
  const shipperPort = new Map(r.views.shipperLogit.ports.map((p) => [key(p), p]));
  io.out(
    table(
      ["port group", "mode", "least cost loaded t", "unloaded t", "shipper logit loaded t", "unloaded t"],
      r.views.leastCost.ports.map((p) => {
        const q = shipperPort.get(key(p));
        return [p.portGroup, p.mode, p.loadedT, p.unloadedT, q?.loadedT ?? 0, q?.unloadedT ?? 0];
      }),
    ),
  );
}

function printCalibration(r: BaselineResult, io: Io): void {
  const c = r.calibration;
  if (!c) return;
  io.out("");
  io.out(`Calibration of ${c.scenarioId}: the choice model fitted and held out`);
  printChoiceFit(c.fit, io);
  io.out("");
  io.out(`${c.scenarioId} assigned (shipper logit, fitted parameters, every capacity respected) over each figure's period, beside the observed figure:`);
  io.out(
    table(
      ["figure", "period", "role", "observed", "label", "assigned", "error"],
      c.rows.map((f) => [f.figureId, `${f.from}–${f.to}${f.clipped ? " (to the horizon's end)" : ""}`, f.role, `${fmtNumber(f.observed)} ${f.unit}`, f.label, `${fmtNumber(f.assigned)} ${f.unit}`, `${(f.error * 100).toFixed(1)}%`]),
    ),
  );
}

/** The baseline as the terminal shows it: method, target table, views, ports, calibration, verdict. */
export function printBaseline(r: BaselineResult, io: Io): void {
  printMethod(r, io);
  printTargets(r, io);
  printViews(r, io);
  printCalibration(r, io);
  io.out("");
  for (const t of r.targets) io.out(`${t.id}: ${t.detail}`);
  io.out("");
  io.out(
    r.cannotReach.length === 0
      ? "Every computed target is within the network's ceiling."
      : `${r.cannotReach.length} target(s) the network cannot reach as modelled: ${r.cannotReach.join(", ")}`,
  );
}
