import { join } from "node:path";
import { expandTimetable, findHub, formatMinute, loadScenarioFile, type Scenario } from "@fourports/network";
import { prepareRouting, ROUTE_CRITERIA, routeQuery, type RouteCriterion, type RouteJourney, type RoutingNetwork } from "@fourports/routing";
import { loadTargetRegistry, quickFreightCircle } from "@fourports/targets";
import { departureArg, parseArgs, UsageError, weekArg } from "./args.js";
import { scenarioPath, type Io } from "./commands.js";
import { emit, OUTPUT_FLAGS, OUTPUT_OPTIONS, outputOptions } from "./emit.js";
import { seedsDir, userPath } from "./paths.js";
import { fmtNumber, table } from "./table.js";

function load(file: string | undefined): { sc: Scenario; net: RoutingNetwork } {
  const sc = loadScenarioFile(scenarioPath(file));
  return { sc, net: prepareRouting(sc, expandTimetable(sc)) };
}

const hours = (min: number): string => `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, "0")}`;

function criteriaArg(value: string | undefined): RouteCriterion[] {
  const criteria = (value ?? "time").split(",");
  for (const c of criteria) if (!(ROUTE_CRITERIA as readonly string[]).includes(c)) throw new UsageError(`--criteria: unknown criterion "${c}"; expected ${ROUTE_CRITERIA.join(", ")}`);
  if (new Set(criteria).size !== criteria.length) throw new UsageError(`--criteria: a criterion is given twice in "${value}"`);
  return criteria as RouteCriterion[];
}

const legTable = (j: RouteJourney): string =>
  table(
    ["service", "mode", "from", "departs", "to", "arrives"],
    j.legs.map((l) => [l.serviceId ?? "truck transfer", l.mode, l.fromHub, l.departs, l.toHub, l.arrives]),
  );

/** `fourports route FROM TO`: the earliest journey, or the Pareto-optimal ones over --criteria. */
export function route(args: string[], io: Io): number {
  const { positional, opts } = parseArgs(args, ["--depart", "--criteria", "--scenario", ...OUTPUT_OPTIONS], OUTPUT_FLAGS, 2);
  const out = outputOptions(opts);
  const criteria = criteriaArg(opts.get("--criteria"));
  if (positional.length !== 2) throw new UsageError("usage: fourports route FROM TO [--depart YYYY-MM-DDTHH:MM] [--criteria time,cost,co2] [--scenario FILE] [--json|--csv] [--out FILE]");
  const { sc, net } = load(opts.get("--scenario"));
  const depart = opts.get("--depart");
  const r = routeQuery(sc, net, {
    from: positional[0]!,
    to: positional[1]!,
    criteria,
    ...(depart !== undefined ? { departMin: departureArg("--depart", depart, sc) } : {}),
  });
  const name = (id: string): string => sc.hubs.find((h) => h.id === id)!.name;
  const pareto = r.windowMin !== null;
  emit(io, out, {
    json: () => r,
    csv: () => ({
      header: ["journey", "arrives", "durationMin", "costCny", "co2Kg", "leg", "service", "mode", "from", "departs", "to", "legArrives"],
      rows: r.journeys.flatMap((j, i) => j.legs.map((l, k) => [i + 1, j.arrives, j.durationMin, j.costCny, j.co2Kg, k + 1, l.serviceId ?? "truck transfer", l.mode, l.fromHub, l.departs, l.toHub, l.arrives])),
    }),
    text: () => {
      const lines = [`${name(r.fromHub)} → ${name(r.toHub)}, ready ${r.departs} (Asia/Shanghai), ${r.scenarioId}`];
      if (r.journeys.length === 0) return [...lines, pareto ? "no journey in the search window (30 days)" : "no journey in the scenario's horizon"];
      if (!pareto) {
        const j = r.journeys[0]!;
        return [...lines, `earliest arrival ${j.arrives}, ${hours(j.durationMin)} door to door`, legTable(j)];
      }
      lines.push(`${r.journeys.length} Pareto-optimal journey(s) over ${r.criteria.join(", ")}; cost and CO2 per tonne${r.truncated ? " (label sets were capped: the list may be incomplete)" : ""}`);
      r.journeys.forEach((j, i) => lines.push("", `#${i + 1}  arrives ${j.arrives} (${hours(j.durationMin)}), ${fmtNumber(j.costCny!)} CNY/t, ${fmtNumber(j.co2Kg!)} kg CO2e/t`, legTable(j)));
      return lines;
    },
  });
  return r.journeys.length === 0 ? 1 : 0;
}

/** `fourports reach`: the 1/2/3-day quick-freight circle from an origin hub, with every miss and why. */
export function reach(args: string[], io: Io): number {
  const { opts } = parseArgs(args, ["--scenario", "--origin", "--week", "--targets", ...OUTPUT_OPTIONS], OUTPUT_FLAGS, 0);
  const out = outputOptions(opts);
  const { sc, net } = load(opts.get("--scenario"));
  const weekStart = opts.has("--week") ? weekArg("--week", opts.get("--week")!, sc) : undefined;
  const registry = loadTargetRegistry(opts.get("--targets") ? userPath(opts.get("--targets")!) : join(seedsDir(), "targets-2025.json"));
  const spec = registry.targets.find((t) => t.reach)?.reach;
  if (!spec) throw new UsageError("the target registry has no reach spec");
  const origin = opts.has("--origin") ? findHub(sc, opts.get("--origin")!).id : spec.origin;
  const r = quickFreightCircle(sc, net, { ...spec, origin }, {
    ...(weekStart ? { weekStart } : {}),
    onProgress: (done, total) => io.progress(`reach from ${origin}: departure ${done}/${total}`),
  });
  io.progress("");
  const misses = r.groups.flatMap((g) => g.misses.map((m) => ({ group: g.group, limitDays: g.limitDays, ...m })));
  emit(io, out, {
    json: () => ({ scenarioId: sc.id, from: formatMinute(sc.epoch, r.fromMin), ...r }),
    csv: () => ({
      header: ["group", "limitDays", "destination", "name", "country", "weight", "share", "fastestHours", "via", "reason"],
      rows: misses.map((m) => [m.group, m.limitDays, m.destination, m.name, m.country, m.weight, m.share, m.fastestHours, m.via, m.reason]),
    }),
    text: () => {
      const lines = [
        `123 quick-freight circle from ${origin}, ${sc.id}: ${r.samples} departures from ${formatMinute(sc.epoch, r.fromMin)}, one an hour for a week`,
        table(["circle", "limit", "destinations", "share reached"], r.groups.map((g) => [g.group, `${g.limitDays} d`, g.destinationCount, `${Math.round(g.share * 100)}%`])),
      ];
      for (const g of r.groups) {
        if (g.misses.length === 0) continue;
        lines.push("", `${g.group}: missing the ${g.limitDays}-day limit`);
        lines.push(
          table(
            ["destination", "name", "country", "weight", "share", "fastest", "via hub", "why"],
            g.misses.map((m) => [m.destination, m.name, m.country, m.weight, `${Math.round(m.share * 100)}%`, m.fastestHours === null ? "-" : `${m.fastestHours.toFixed(1)} h`, m.via ?? "-", m.reason]),
          ),
        );
      }
      return lines;
    },
  });
  return 0;
}
