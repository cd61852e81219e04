import { relative } from "node:path";
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
import { userPath } from "./paths.js";
import { fmtNumber, table } from "./table.js";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** A transient status line (overwritten by the next); "" clears it. */
  progress: (line: string) => void;
}

/** Shows a path the way the user would type it. */
export function shown(abs: string): string {
  const rel = relative(process.env["INIT_CWD"] ?? process.cwd(), abs);
  return rel.startsWith("..") ? abs : rel;
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

export function summary(args: string[], io: Io): number {
  const files = parseArgs(args, [], [], 1).positional;
  if (files.length !== 1) {
    io.err("usage: fourports summary FILE");
    return 2;
  }
  const { scenario, timetable } = loadYear(userPath(files[0]!));
  const s = summarizeScenario(scenario, timetable);
  io.out(`${scenario.name} (${s.id}), ${s.epoch} + ${s.horizonDays} days${scenario.lineage.length ? `, extends ${scenario.lineage.join(" ← ")}` : ""}`);
  io.out("");
  io.out(`hubs ${s.hubCount}: ${Object.entries(s.hubsByKind).map(([k, n]) => `${k} ${n}`).join(", ")}`);
  io.out(`home hubs (${scenario.homeCity}): ${s.homeHubs.join(", ")}`);
  io.out(`services ${s.serviceCount} on ${s.lineCount} lines: ${Object.entries(s.servicesByMode).map(([k, n]) => `${k} ${n}`).join(", ")}`);
  io.out(`trips in the horizon ${fmtNumber(s.tripCount)} (${fmtNumber(s.cancelledTrips)} cancelled by closures), connections ${fmtNumber(timetable.length)}`);
  io.out(`demand ${fmtNumber(s.demandTPerYear)} t a year in ${scenario.demand.length} flows; overrides applied ${scenario.applied.length}`);
  io.out("");
  io.out(`Average week at ${scenario.homeCity}'s ports, by port group and mode:`);
  io.out(
    table(
      ["port group", "mode", "departures/wk", "arrivals/wk", "capacity t/wk", "capacity TEU/wk"],
      s.weekly.map((r) => [r.portGroup, r.mode, r.departuresPerWeek, r.arrivalsPerWeek, r.capacityTPerWeek, r.capacityTeuPerWeek]),
    ),
  );
  return 0;
}

export function loadYear(file: string): Year & { file: string } {
  const scenario = loadScenarioFile(shown(file));
  return { file, scenario, timetable: expandTimetable(scenario) };
}
