import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { dayNumber, MIN_PER_DAY, readJsonFile, type Scenario } from "@fourports/network";
import { assignDemand, type Assignment } from "@fourports/flow";
import { prepareRouting } from "@fourports/routing";
import {
  assignedValue,
  capacityCeilings,
  choiceOptions,
  fitChoice,
  forecastSeries,
  loadForecastSpec,
  NoForecastData,
  loadObserved,
  loadTargetRegistry,
  type CeilingResult,
  type ChoiceFit,
  type ObservedSet,
  type SeriesForecast,
  type Target,
  type Year,
} from "@fourports/targets";
import { printChoiceFit } from "./backtest.js";
import { dateArg, parseArgs, UsageError } from "./args.js";
import { loadYear, shown, type Io } from "./commands.js";
import { writeFileAtomic } from "./out.js";
import { ruralRollupFor } from "./rural.js";
import { seedsDir, userPath } from "./paths.js";
import { pct, runSimulation, simArgs } from "./simulate.js";
import { fmtNumber, table } from "./table.js";

/** Assigns a year's demand, showing progress on stderr (it takes a few seconds). */
function assignYear(y: Year, io: Io, choice: "cost" | "logit", fit?: ChoiceFit): Assignment {
  const t0 = performance.now();
  const a = assignDemand(y.scenario, prepareRouting(y.scenario, y.timetable), {
    choice,
    ...(fit ? choiceOptions(fit.fitted) : {}),
    onProgress: (day, days) => {
      if (day % 30 === 0 || day === days) io.progress(`assigning ${y.scenario.id} (${choice}): day ${day}/${days}`);
    },
  });
  io.progress("");
  io.err(`assigned ${y.scenario.id} (${choice}) in ${((performance.now() - t0) / 1000).toFixed(1)} s (${a.bookings.toLocaleString("en-US")} bookings)`);
  return a;
}


const STATUS: Record<CeilingResult["status"], string> = {
  "within-ceiling": "reachable at ≤100% load",
  "beyond-ceiling": "CANNOT REACH even at 100% load",
  met: "met by the network",
  assumed: "met only by ASSUMPTION",
  "not-met": "NOT MET by the network",
  reported: "reported (no threshold)",
  "not-computed": "not computed",
};

function show(v: number | string | null, unit: string): string {
  if (v === null) return "-";
  if (typeof v === "string") return v;
  if (unit === "share") return `${(v * 100).toFixed(0)}%`;
  return `${fmtNumber(v)} ${unit}`;
}

function targetText(r: CeilingResult): string {
  if (r.comparator === "report") return "(report)";
  if (r.comparator === "all") return "all open";
  return `${r.comparator} ${show(r.target, r.unit)}`;
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

/** Where --out will write: its folder must exist, and it must not be a folder itself. */
function outputFile(path: string): string {
  let dirOk = false;
  try {
    dirOk = statSync(dirname(path)).isDirectory();
  } catch {
    // reported below
  }
  if (!dirOk) throw new UsageError(`--out: no such folder: ${dirname(path)}`);
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`--out: ${path} is a folder; name a file`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
  }
  return path;
}

const BASELINE_FILES = ["--targets", "--compare", "--history", "--forecast", "--rural"];

export async function baseline(args: string[], realIo: Io): Promise<number> {
  const { positional, opts } = parseArgs(args, [...BASELINE_FILES, "--out", "--fit-cutoff", "--forecast-cutoff", "--runs", "--seed", "--workers"], [], 1);
  const sim = simArgs(opts, 6);
  // Every argument is checked before the work: input files exist, dates are real, --out can be written.
  const file = positional[0] ? inputFile("scenario", userPath(positional[0])) : join(seedsDir(), "zhengzhou-2025.json");
  const opt = (name: string): string | undefined => {
    const v = opts.get(name);
    if (v === undefined) return undefined;
    return BASELINE_FILES.includes(name) ? inputFile(name, userPath(v)) : name.endsWith("-cutoff") ? dateArg(name, v) : v;
  };
  const targetsFile = opt("--targets") ?? join(seedsDir(), "targets-2025.json");
  const historyFile = opt("--history") ?? join(seedsDir(), "observed-history.json");
  const forecastFile = opt("--forecast") ?? join(seedsDir(), "forecast.json");
  let compare = opt("--compare");
  const fitCutoffArg = opt("--fit-cutoff");
  const forecastCutoffArg = opt("--forecast-cutoff");
  const outFile = opts.has("--out") ? outputFile(userPath(opts.get("--out")!)) : undefined;
  // With --out the report is collected and written at the end in one atomic step.
  const report: string[] = [];
  const io: Io = outFile ? { ...realIo, out: (l) => void report.push(l) } : realIo;

  const year = loadYear(file);
  // The growth targets compare with the year before: the file this one extends, unless named.
  if (!compare) {
    const raw = readJsonFile(shown(file)) as { extends?: unknown };
    if (typeof raw.extends === "string") compare = join(dirname(file), raw.extends);
  }
  const previous = compare ? loadYear(compare) : undefined;
  const registry = loadTargetRegistry(shown(targetsFile));
  const history = loadObserved(shown(historyFile));
  const spec = loadForecastSpec(shown(forecastFile));
  const rural = registry.targets.some((t) => t.metric === "rural-counts") ? ruralRollupFor(opt("--rural")) : undefined;
  const results = capacityCeilings(registry.targets, year, previous, rural ? { rural } : {});
  const scenarioYear = Number(year.scenario.epoch.slice(0, 4));

  // The shipper choice is fitted on the year before, on its figures to the end of August; the rest is held out.
  const fitCutoff = fitCutoffArg ?? (previous ? `${previous.scenario.epoch.slice(0, 4)}-08-31` : undefined);
  const fit = previous && fitCutoff ? fitChoice(previous, history, { cutoff: fitCutoff }) : undefined;
  const assigned = assignYear(year, io, "cost", fit);
  const shipper = assignYear(year, io, "logit", fit);
  const simulated = sim.runs > 0 ? await runSimulation(file, registry.targets, sim, io) : null;
  const simOf = new Map((simulated?.targets ?? []).map((t) => [t.id, t]));
  const targetOf = new Map(registry.targets.map((t) => [t.id, t]));
  const assignedOf = (r: CeilingResult, a: Assignment): number | null => assignedValue(targetOf.get(r.targetId)!.metric, targetOf.get(r.targetId)!.hubs, year, a);
  // The forecast of the scenario's year from what was known a month into it (the HSR figure runs to January).
  const forecastCutoff = forecastCutoffArg ?? `${scenarioYear}-01-31`;
  const forecastOf = (t: Target): SeriesForecast | null => {
    const series = spec.series.find((x) => x.metric === t.metric && (x.hubs ?? []).join(",") === (t.hubs ?? []).join(","));
    if (!series) return null;
    try {
      return forecastSeries(series, history, scenarioYear, forecastCutoff);
    } catch (err) {
      // No figure before the cutoff: the column shows "-"; anything else is a real error.
      if (!(err instanceof NoForecastData)) throw err;
      return null;
    }
  };

  const sc: Scenario = year.scenario;
  io.out(`fourports baseline — ${sc.name}`);
  io.out(`scenario ${shown(file)} (${sc.epoch} + ${sc.horizonDays} days, ${sc.hubs.length} hubs, ${sc.services.length} services, ${fmtNumber(year.timetable.tripCount)} trips)`);
  if (previous) io.out(`compared with ${shown(previous.file)} for growth targets`);
  io.out(`targets ${shown(targetsFile)}; observed ${shown(historyFile)}; forecast ${shown(forecastFile)}`);
  io.out("");
  io.out("assigned: the year's demand placed on the timetable by priority on residual capacities, every departure and hub limit respected;");
  io.out("  modes open: each flow may use every mode its commodity allows; on-demand services count only the trips that run;");
  io.out("  least cost: each batch takes its least generalised-cost journey (tariffs + trucking + fitted value of time × hours);");
  io.out(`  shipper logit: each batch splits over its 3 cheapest journeys by a multinomial logit with the parameters fitted below${fit ? "" : " (not fitted: no previous year; seeds' values)"}.`);
  io.out(
    simulated
      ? `simulated: ${simulated.replications} seeded replications (seed ${simulated.seed}) of the year with delays, cancellations, hub queues, border queues with background trains and disruptions (seeds' variability, ASSUMPTION); each consignment takes the earliest journey with room and is rebooked when it misses one; on-demand slots run when consolidated; P50 and P(met) across the replications (fourports simulate for more).`
      : "simulated: skipped (--runs 0).",
  );
  io.out("ceiling: the most the timetable and hubs could carry in the year at 100% load (on-demand: the slots the vehicle pools can run).");
  io.out(`forecast: ${scenarioYear} P50 (P5–P95) from the figures known by ${forecastCutoff} (seeds/forecast.json; \`fourports backtest\` tests it).`);
  io.out("");
  io.out(
    table(
      ["target", "goal", "least cost", "shipper logit", "simulated P50", "P(met)", "forecast", "ceiling", "status", "limited by", "rests on"],
      results.map((r) => {
        const v = assignedOf(r, assigned);
        const w = assignedOf(r, shipper);
        const s = simOf.get(r.targetId);
        const f = forecastOf(targetOf.get(r.targetId)!);
        const fc = f ? `${show(f.p50, r.unit)} (${fmtNumber(f.p5)}–${fmtNumber(f.p95)})` : "-";
        return [
          r.targetId,
          targetText(r),
          v === null ? "-" : show(v, r.unit),
          w === null ? "-" : show(w, r.unit),
          s?.value ? show(Math.round(s.value.p50), r.unit) : "-",
          s ? pct(s.pMet) : "-",
          fc,
          show(r.ceiling, r.unit),
          STATUS[r.status],
          r.limitedBy,
          r.basis.join(", ") || "-",
        ];
      }),
    ),
  );
  io.out("");
  for (const [label, a] of [["least cost", assigned], ["shipper logit", shipper]] as const) {
    const total = a.servedT + a.unservedT["no route"] + a.unservedT.capacity + a.unservedT["too late"] + a.unservedT["not dispatched"];
    io.out(
      `${label}: demand ${fmtNumber(total)} t; served ${fmtNumber(a.servedT)} t; unserved ${fmtNumber(a.unservedT.capacity)} t for capacity, ${fmtNumber(a.unservedT["too late"])} t too late, ${fmtNumber(a.unservedT["no route"])} t with no route, ${fmtNumber(a.unservedT["not dispatched"])} t whose on-demand trip did not run; ${fmtNumber(a.tonneKm / 1e6)} million t-km, ${fmtNumber(a.costCny / 1e6)} million CNY, ${fmtNumber(a.co2Kg / 1e6)} kt CO2e`,
    );
    if (a.dispatch.slots > 0) {
      io.out(`  on-demand services: ${fmtNumber(a.dispatch.ran)} of ${fmtNumber(a.dispatch.slots)} path slots ran; ${fmtNumber(a.dispatch.belowMinimumLoad)} got cargo below their minimum load and did not run`);
    }
  }
  io.out("(emission factors: @fourports/routing DEFAULT_EMISSION_FACTORS, cited there)");
  io.out("");
  const shipperPort = new Map(shipper.ports.map((p) => [`${p.portGroup}/${p.mode}`, p]));
  io.out(
    table(
      ["port group", "mode", "least cost loaded t", "unloaded t", "shipper logit loaded t", "unloaded t"],
      assigned.ports.map((p) => {
        const q = shipperPort.get(`${p.portGroup}/${p.mode}`);
        return [p.portGroup, p.mode, p.loadedT, p.unloadedT, q?.loadedT ?? 0, q?.unloadedT ?? 0];
      }),
    ),
  );
  if (previous && fit) calibration(previous, fit, history, io);
  io.out("");
  for (const r of results) io.out(`${r.targetId}: ${r.detail}`);
  const cannot = results.filter((r) => r.status === "beyond-ceiling" || r.status === "not-met");
  io.out("");
  io.out(
    cannot.length === 0
      ? "Every computed target is within the network's ceiling."
      : `${cannot.length} target(s) the network cannot reach as modelled: ${cannot.map((r) => r.targetId).join(", ")}`,
  );
  if (outFile) {
    writeFileAtomic(outFile, `${report.join("\n")}\n`);
    realIo.err(`wrote ${shown(outFile)}`);
  }
  return 0;
}

/**
 * The calibration block: the choice fit (fit and hold-out errors), then the year before assigned
 * in the shipper view with the fitted parameters, over each observed figure's period.
 */
function calibration(previous: Year & { file: string }, fit: ChoiceFit, history: ObservedSet, io: Io): void {
  io.out("");
  io.out(`Calibration of ${previous.scenario.id}: the choice model fitted and held out`);
  printChoiceFit(fit, io);
  const a = assignYear(previous, io, "logit", fit);
  const epoch = dayNumber(previous.scenario.epoch);
  const rows = history.figures.filter((f) => f.from !== undefined && f.to !== undefined && dayNumber(f.from) >= epoch && dayNumber(f.from) < epoch + previous.scenario.horizonDays);
  io.out("");
  io.out(`${previous.scenario.id} assigned (shipper logit, fitted parameters, every capacity respected) over each figure's period, beside the observed figure:`);
  io.out(
    table(
      ["figure", "period", "role", "observed", "label", "assigned", "error"],
      rows.flatMap((f) => {
        const fromMin = (dayNumber(f.from!) - epoch) * MIN_PER_DAY;
        const toMin = Math.min(dayNumber(f.to!) - epoch + 1, previous.scenario.horizonDays) * MIN_PER_DAY;
        const v = assignedValue(f.metric, f.hubs, previous, a, { fromMin, toMin });
        if (v === null) return [];
        const role = f.to! <= fit.cutoff ? "fit" : "hold-out";
        const clipped = dayNumber(f.to!) - epoch >= previous.scenario.horizonDays ? " (to the horizon's end)" : "";
        return [[f.id, `${f.from}–${f.to}${clipped}`, role, `${fmtNumber(f.value)} ${f.unit}`, f.label, `${fmtNumber(v)} ${f.unit}`, `${(((v - f.value) / f.value) * 100).toFixed(1)}%`]];
      }),
    ),
  );
}
