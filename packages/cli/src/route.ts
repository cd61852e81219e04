import { join } from "node:path";
import { dayNumber, didYouMean, expandTimetable, formatMinute, loadScenarioFile, MIN_PER_DAY, minuteOfDateTime, weekdayIndex, type Scenario } from "@fourports/network";
import { ConnectionScan, paretoJourneys, prepareRouting, type JourneyLeg, type RoutingNetwork } from "@fourports/routing";
import { loadTargetRegistry, quickFreightCircle } from "@fourports/targets";
import { dateArg, dateTimeArg, parseArgs, UsageError } from "./args.js";
import type { Io } from "./commands.js";
import { seedsDir, userPath } from "./paths.js";
import { fmtNumber, table } from "./table.js";

function load(file: string | undefined): { sc: Scenario; net: RoutingNetwork } {
  const sc = loadScenarioFile(file ? userPath(file) : join(seedsDir(), "zhengzhou-2025.json"));
  return { sc, net: prepareRouting(sc, expandTimetable(sc)) };
}

function hubIndex(sc: Scenario, id: string): number {
  const i = sc.hubs.findIndex((h) => h.id === id);
  if (i < 0) throw new UsageError(`unknown hub "${id}"${didYouMean(id, sc.hubs.map((h) => h.id))}`);
  return i;
}

/** Monday 08:00 two weeks before the horizon ends: every measure of the year is in place. */
function defaultDeparture(sc: Scenario): number {
  const d = sc.horizonDays - 14;
  return (d - weekdayIndex(dayNumber(sc.epoch) + d)) * MIN_PER_DAY + 8 * 60;
}

const hours = (min: number): string => `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, "0")}`;

function legRows(sc: Scenario, legs: JourneyLeg[]): string[][] {
  return legs.map((l) => [
    l.kind === "service" ? l.serviceId : "truck transfer",
    l.kind === "service" ? l.mode : "road",
    l.fromHub,
    formatMinute(sc.epoch, l.departMin),
    l.toHub,
    formatMinute(sc.epoch, l.arriveMin),
  ]);
}

export function route(args: string[], io: Io): number {
  const { positional, opts } = parseArgs(args, ["--depart", "--criteria", "--scenario"], [], 2);
  const departArg = opts.has("--depart") ? dateTimeArg("--depart", opts.get("--depart")!) : undefined;
  const criteria = (opts.get("--criteria") ?? "time").split(",");
  for (const c of criteria) if (!["time", "cost", "co2"].includes(c)) throw new UsageError(`--criteria: unknown criterion "${c}"; expected time, cost, co2`);
  if (positional.length !== 2) throw new UsageError("usage: fourports route FROM TO [--depart YYYY-MM-DDTHH:MM] [--criteria time,cost,co2] [--scenario FILE]");
  const { sc, net } = load(opts.get("--scenario"));
  const from = hubIndex(sc, positional[0]!);
  const to = hubIndex(sc, positional[1]!);
  const depart = departArg ? minuteOfDateTime(sc.epoch, departArg) : defaultDeparture(sc);
  if (depart < 0 || depart >= sc.horizonDays * MIN_PER_DAY) {
    throw new UsageError(`--depart: ${departArg ?? "the default departure"} lies outside the scenario's horizon (${sc.epoch} + ${sc.horizonDays} days)`);
  }
  io.out(`${sc.hubs[from]!.name} → ${sc.hubs[to]!.name}, ready ${formatMinute(sc.epoch, depart)} (Asia/Shanghai), ${sc.id}`);
  if (criteria.length === 1 && criteria[0] === "time") {
    const scan = new ConnectionScan(net);
    scan.run(from, depart, { target: to });
    const j = scan.journey(to);
    if (!j) {
      io.out("no journey in the scenario's horizon");
      return 1;
    }
    io.out(`earliest arrival ${formatMinute(sc.epoch, j.arriveMin)}, ${hours(j.arriveMin - depart)} door to door`);
    io.out(table(["service", "mode", "from", "departs", "to", "arrives"], legRows(sc, j.legs)));
    return 0;
  }
  const res = paretoJourneys(net, from, to, depart);
  const keep = res.journeys.filter(
    (j) =>
      !res.journeys.some(
        (k) =>
          k !== j &&
          (!criteria.includes("time") || k.arriveMin <= j.arriveMin) &&
          (!criteria.includes("cost") || k.costCny <= j.costCny) &&
          (!criteria.includes("co2") || k.co2Kg <= j.co2Kg) &&
          ((criteria.includes("time") && k.arriveMin < j.arriveMin) || (criteria.includes("cost") && k.costCny < j.costCny) || (criteria.includes("co2") && k.co2Kg < j.co2Kg)),
      ),
  );
  if (keep.length === 0) {
    io.out("no journey in the search window (30 days)");
    return 1;
  }
  io.out(`${keep.length} Pareto-optimal journey(s) over ${criteria.join(", ")}; cost and CO2 per tonne${res.truncated ? " (label sets were capped: the list may be incomplete)" : ""}`);
  keep.forEach((j, i) => {
    io.out("");
    io.out(`#${i + 1}  arrives ${formatMinute(sc.epoch, j.arriveMin)} (${hours(j.arriveMin - depart)}), ${fmtNumber(j.costCny)} CNY/t, ${fmtNumber(j.co2Kg)} kg CO2e/t`);
    io.out(table(["service", "mode", "from", "departs", "to", "arrives"], legRows(sc, j.legs)));
  });
  return 0;
}

export function reach(args: string[], io: Io): number {
  const { opts } = parseArgs(args, ["--scenario", "--origin", "--week", "--targets"], [], 0);
  const week = opts.has("--week") ? dateArg("--week", opts.get("--week")!) : undefined;
  const { sc, net } = load(opts.get("--scenario"));
  if (week !== undefined) {
    const day = dayNumber(week) - dayNumber(sc.epoch);
    if (day < 0 || day + 7 > sc.horizonDays) throw new UsageError(`--week: the week from ${week} does not lie inside the scenario's horizon (${sc.epoch} + ${sc.horizonDays} days)`);
  }
  const registry = loadTargetRegistry(opts.get("--targets") ? userPath(opts.get("--targets")!) : join(seedsDir(), "targets-2025.json"));
  const spec = registry.targets.find((t) => t.reach)?.reach;
  if (!spec) throw new UsageError("the target registry has no reach spec");
  const origin = opts.get("--origin") ?? spec.origin;
  hubIndex(sc, origin);
  const r = quickFreightCircle(sc, net, { ...spec, origin }, week ? { weekStart: week } : {});
  io.out(`123 quick-freight circle from ${origin}, ${sc.id}: ${r.samples} departures from ${formatMinute(sc.epoch, r.fromMin)}, one an hour for a week`);
  io.out(table(["circle", "limit", "destinations", "share reached"], r.groups.map((g) => [g.group, `${g.limitDays} d`, g.destinationCount, `${Math.round(g.share * 100)}%`])));
  for (const g of r.groups) {
    if (g.misses.length === 0) continue;
    io.out("");
    io.out(`${g.group}: missing the ${g.limitDays}-day limit`);
    io.out(
      table(
        ["destination", "name", "country", "weight", "share", "fastest", "via hub", "why"],
        g.misses.map((m) => [m.destination, m.name, m.country, m.weight, `${Math.round(m.share * 100)}%`, m.fastestHours === null ? "-" : `${m.fastestHours.toFixed(1)} h`, m.via ?? "-", m.reason]),
      ),
    );
  }
  return 0;
}
