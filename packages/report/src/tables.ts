import type { AssignmentView, BaselineResult, ComparisonResult, Delta } from "@fourports/planner";

/** One cell of a report table: plain JSON values only. */
export type Cell = string | number | boolean | null;

/** A table of a report, as the CSV and Markdown renderers both draw it. */
export interface ReportTable {
  /** File-name-safe name ("targets", "ports", …). */
  name: string;
  /** Heading shown above the table. */
  title: string;
  /** Column names. */
  header: string[];
  /** The rows, each with one cell per column of `header`. */
  rows: Cell[][];
}

type ViewKey = keyof BaselineResult["views"];
const VIEWS: readonly ViewKey[] = ["leastCost", "shipperLogit"];

/** Rows of every view of the assignment, each prefixed with the view's name. */
function perView(r: BaselineResult, rows: (v: AssignmentView) => Cell[][]): Cell[][] {
  return VIEWS.flatMap((k) => rows(r.views[k]).map((row) => [k, ...row]));
}

/**
 * The target table as data: one row per target with its figures unrounded, null where a figure is
 * missing, lists joined with ";". The one layout of the targets everywhere: `targets.csv` of
 * `fourports report --format csv` and `fourports baseline --csv` both write it.
 */
export function targetsTable(r: BaselineResult): ReportTable {
  return {
    name: "targets",
    title: "Targets",
    header: ["id", "title", "metric", "unit", "comparator", "goal", "leastCost", "shipperLogit", "simulatedP5", "simulatedP50", "simulatedP95", "pMet", "forecastP5", "forecastP50", "forecastP95", "ceiling", "status", "limitedBy", "basis", "missing", "detail"],
    rows: r.targets.map((t) => [
      t.id, t.title, t.metric, t.unit, t.comparator, t.goal, t.leastCost, t.shipperLogit,
      t.simulated?.p5 ?? null, t.simulated?.p50 ?? null, t.simulated?.p95 ?? null, t.pMet,
      t.forecast?.p5 ?? null, t.forecast?.p50 ?? null, t.forecast?.p95 ?? null,
      t.ceiling, t.status, t.limitedBy, t.basis.join(";"), t.missing.join(";"), t.detail,
    ]),
  };
}

/** The tables of a baseline: targets, ports, monthly, lines, legs and hubs (both assignment views). */
export function baselineTables(r: BaselineResult): ReportTable[] {
  const throughput = new Map<string, Record<ViewKey, number>>();
  for (const k of VIEWS) {
    for (const h of r.views[k].hubs) {
      const e = throughput.get(h.hub) ?? { leastCost: 0, shipperLogit: 0 };
      e[k] = h.throughputT;
      throughput.set(h.hub, e);
    }
  }
  return [
    targetsTable(r),
    {
      name: "ports",
      title: "Port throughput",
      header: ["view", "portGroup", "mode", "loadedT", "unloadedT"],
      rows: perView(r, (v) => v.ports.map((p) => [p.portGroup, p.mode, p.loadedT, p.unloadedT])),
    },
    {
      name: "monthly",
      title: "Monthly throughput per port group",
      header: ["view", "month", "portGroup", "throughputT"],
      rows: perView(r, (v) => v.monthly.map((m) => [m.month, m.portGroup, m.throughputT])),
    },
    {
      name: "lines",
      title: "Line utilisation",
      header: ["view", "line", "mode", "from", "to", "departures", "capacityT", "loadedT", "utilisation"],
      rows: perView(r, (v) => v.lines.map((l) => [l.line, l.mode, l.from, l.to, l.departures, l.capacityT, l.loadedT, l.utilisation])),
    },
    {
      name: "legs",
      title: "Tonnes between hubs",
      header: ["view", "from", "to", "mode", "tonnes"],
      rows: perView(r, (v) => v.legs.map((l) => [l.from, l.to, l.mode, l.tonnes])),
    },
    {
      name: "hubs",
      title: "Hubs",
      header: ["id", "name", "nameZh", "kind", "portGroup", "city", "country", "lon", "lat", "home", "throughputLeastCostT", "throughputShipperLogitT"],
      rows: r.hubs.map((h) => {
        const t = throughput.get(h.id);
        return [h.id, h.name, h.nameZh, h.kind, h.portGroup, h.city, h.country, h.lon, h.lat, h.home, t?.leastCost ?? 0, t?.shipperLogit ?? 0];
      }),
    },
  ];
}

const delta = (d: Delta): Cell[] => [d.a, d.b, d.change];
const dh = (name: string): string[] => [`${name}A`, `${name}B`, `${name}Change`];

/** The tables of a comparison: targets, ports, lines and hubs, each figure as a, b and b − a (a target's ceilings as given: a number, a date or a text). */
export function comparisonTables(c: ComparisonResult): ReportTable[] {
  return [
    {
      name: "totals",
      title: "Totals (least-cost view)",
      header: ["figure", "a", "b", "change"],
      rows: (Object.keys(c.totals) as (keyof ComparisonResult["totals"])[]).map((k) => [k, ...delta(c.totals[k])]),
    },
    {
      name: "targets",
      title: "Targets",
      header: ["id", "title", "unit", "goal", ...dh("leastCost"), ...dh("shipperLogit"), ...dh("simulatedP50"), ...dh("pMet"), ...dh("ceiling"), "statusA", "statusB"],
      rows: c.targets.map((t) => [t.id, t.title, t.unit, t.goal, ...delta(t.leastCost), ...delta(t.shipperLogit), ...delta(t.simulatedP50), ...delta(t.pMet), t.ceilingA, t.ceilingB, t.ceiling.change, t.statusA, t.statusB]),
    },
    {
      name: "ports",
      title: "Port throughput",
      header: ["portGroup", "mode", ...dh("throughputT")],
      rows: c.ports.map((p) => [p.portGroup, p.mode, ...delta(p.throughputT)]),
    },
    {
      name: "lines",
      title: "Changed lines",
      header: ["line", "mode", "from", "to", "change", ...dh("departures"), ...dh("loadedT"), ...dh("utilisation")],
      rows: c.lines.map((l) => [l.line, l.mode, l.from, l.to, l.change, ...delta(l.departures), ...delta(l.loadedT), ...delta(l.utilisation)]),
    },
    {
      name: "hubs",
      title: "Hub throughput",
      header: ["hub", "name", ...dh("throughputT")],
      rows: c.hubs.map((h) => [h.hub, h.name, ...delta(h.throughputT)]),
    },
  ];
}
