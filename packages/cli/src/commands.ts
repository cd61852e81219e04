import { join } from "node:path";
import {
  expandTimetable,
  formatIssue,
  loadScenarioFile,
  readJsonFile,
  ScenarioError,
  summarizeScenario,
  validateScenarioFile,
} from "@fourports/network";
import { loadForecastSpec, loadObserved, loadTargetRegistry, type Year } from "@fourports/targets";
import { parseArgs } from "./args.js";
import { seedsDir, shown, userPath } from "./paths.js";
import { emit, OUTPUT_FLAGS, OUTPUT_OPTIONS, outputOptions } from "./emit.js";
import { fmtNumber, table } from "./table.js";

export { shown };

/** How a command prints: results on out, messages on err, a transient status on progress. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** A transient status line (overwritten by the next); "" clears it. */
  progress: (line: string) => void;
}

/**
 * What a seeds file holds: a target registry (top-level "targets"), a set of observed figures
 * (top-level "figures" array), forecast parameters (top-level "series" array), or else a scenario.
 */
function fileKind(file: string): "targets" | "observed" | "forecast" | "scenario" {
  try {
    const v = readJsonFile(file) as Record<string, unknown>;
    if (v === null || typeof v !== "object" || Object.hasOwn(v, "hubs") || Object.hasOwn(v, "extends")) return "scenario";
    if (Object.hasOwn(v, "targets")) return "targets";
    if (Array.isArray(v["figures"])) return "observed";
    if (Array.isArray(v["series"])) return "forecast";
    return "scenario";
  } catch {
    return "scenario"; // unreadable or not JSON: the scenario validator reports it with line and column
  }
}

/** `fourports validate FILE...`: checks scenario, target, observed and forecast files. */
export function validate(args: string[], io: Io): number {
  const files = parseArgs(args, []).positional;
  if (files.length === 0) {
    io.err("usage: fourports validate FILE...");
    return 2;
  }
  let bad = 0;
  for (const f of files) {
    const kind = fileKind(userPath(f));
    if (kind !== "scenario") {
      try {
        if (kind === "targets") io.out(`${f}: valid target registry (${loadTargetRegistry(shown(userPath(f))).targets.length} targets)`);
        else if (kind === "forecast") io.out(`${f}: valid forecast parameters (${loadForecastSpec(shown(userPath(f))).series.length} series)`);
        else io.out(`${f}: valid observed figures (${loadObserved(shown(userPath(f))).figures.length} figures)`);
      } catch (err) {
        if (!(err instanceof ScenarioError)) throw err;
        bad++;
        for (const i of err.issues) io.err(formatIssue(i));
      }
      continue;
    }
    const issues = validateScenarioFile(shown(userPath(f)));
    if (issues.length === 0) {
      const sc = loadScenarioFile(shown(userPath(f)));
      io.out(`${f}: valid (${sc.hubs.length} hubs, ${sc.services.length} services, ${sc.demand.length} demand flows)`);
    } else {
      bad++;
      for (const i of issues) io.err(formatIssue(i));
    }
  }
  return bad > 0 ? 1 : 0;
}

/** `fourports summary [FILE]`: hubs, services and weekly capacity by port group and mode. */
export function summary(args: string[], io: Io): number {
  const { positional, opts } = parseArgs(args, OUTPUT_OPTIONS, OUTPUT_FLAGS, 1);
  const out = outputOptions(opts);
  const { scenario, timetable } = loadYear(scenarioPath(positional[0]));
  const s = summarizeScenario(scenario, timetable);
  const result = {
    name: scenario.name,
    homeCity: scenario.homeCity,
    lineage: scenario.lineage,
    ...s,
    demandFlowCount: scenario.demand.length,
    overridesApplied: scenario.applied.length,
    connectionCount: timetable.length,
  };
  emit(io, out, {
    json: () => result,
    csv: () => ({
      header: ["portGroup", "mode", "departuresPerWeek", "arrivalsPerWeek", "capacityTPerWeek", "capacityTeuPerWeek"],
      rows: s.weekly.map((r) => [r.portGroup, r.mode, r.departuresPerWeek, r.arrivalsPerWeek, r.capacityTPerWeek, r.capacityTeuPerWeek]),
    }),
    text: () => [
      `${scenario.name} (${s.id}), ${s.epoch} + ${s.horizonDays} days${scenario.lineage.length ? `, extends ${scenario.lineage.join(" ← ")}` : ""}`,
      "",
      `hubs ${s.hubCount}: ${Object.entries(s.hubsByKind).map(([k, n]) => `${k} ${n}`).join(", ")}`,
      `home hubs (${scenario.homeCity}): ${s.homeHubs.join(", ")}`,
      `services ${s.serviceCount} on ${s.lineCount} lines: ${Object.entries(s.servicesByMode).map(([k, n]) => `${k} ${n}`).join(", ")}`,
      `trips in the horizon ${fmtNumber(s.tripCount)} (${fmtNumber(s.cancelledTrips)} cancelled by closures), connections ${fmtNumber(timetable.length)}`,
      `demand ${fmtNumber(s.demandTPerYear)} t a year in ${scenario.demand.length} flows; overrides applied ${scenario.applied.length}`,
      "",
      `Average week at ${scenario.homeCity}'s ports, by port group and mode:`,
      table(
        ["port group", "mode", "departures/wk", "arrivals/wk", "capacity t/wk", "capacity TEU/wk"],
        s.weekly.map((r) => [r.portGroup, r.mode, r.departuresPerWeek, r.arrivalsPerWeek, r.capacityTPerWeek, r.capacityTeuPerWeek]),
      ),
    ],
  });
  return 0;
}

/** A scenario file argument resolved from the user's directory, or the seeds' 2025 scenario. */
export function scenarioPath(file: string | undefined): string {
  return file === undefined ? join(seedsDir(), "zhengzhou-2025.json") : userPath(file);
}

/** A scenario file and its expanded timetable. */
export function loadYear(file: string): Year & { file: string } {
  const scenario = loadScenarioFile(shown(file));
  return { file, scenario, timetable: expandTimetable(scenario) };
}
