import type { BaselineResult, ComparisonResult, Delta } from "@fourports/planner";
import { baselineSvgDashboard } from "@fourports/report";
import type { MimeBundle } from "./display.js";
import { num, pct, signed, tablesBundle, type DisplayTable } from "./tables.js";

/** A target's figure in its unit: shares as percentages, dates and reported text as they are. */
const figure = (v: number | string | null, unit: string): string => (v === null ? "-" : typeof v === "string" ? v : unit === "share" ? `${num(v * 100, 1)}%` : num(v, 2));
const goalText = (g: number | string | null, unit: string): string => (g === null ? "(report)" : figure(g, unit));

/**
 * A baseline in a notebook: @fourports/report's target dashboard (SVG) above compact tables of
 * each target and the assigned year; the full report is `baselineHtml(r)`, written to a file.
 */
export function baselineBundle(r: BaselineResult): MimeBundle {
  const svg = baselineSvgDashboard(r);
  const tables = baselineTables(r);
  return { "text/plain": tables["text/plain"], "text/html": `${svg}\n${tables["text/html"]!}`, "image/svg+xml": svg };
}

/** A baseline as tables: each target beside what each view of the network gives. */
function baselineTables(r: BaselineResult): MimeBundle {
  const targets: DisplayTable = {
    caption: "Targets",
    headers: ["target", "unit", "goal", "least cost", "shipper logit", "simulated P50 (P5–P95)", "P(met)", "ceiling", "status"],
    numeric: [2, 3, 4, 5, 6, 7],
    rows: r.targets.map((t) => [
      t.id,
      t.unit,
      `${t.comparator} ${goalText(t.goal, t.unit)}`,
      figure(t.leastCost, t.unit),
      figure(t.shipperLogit, t.unit),
      t.simulated ? `${figure(t.simulated.p50, t.unit)} (${figure(t.simulated.p5, t.unit)}–${figure(t.simulated.p95, t.unit)})` : "-",
      pct(t.pMet),
      figure(t.ceiling, t.unit),
      t.status,
    ]),
  };
  const views: DisplayTable = {
    caption: "The year assigned",
    headers: ["view", "demand t", "served t", "tonne-km", "cost CNY", "CO2 kg"],
    numeric: [1, 2, 3, 4, 5],
    rows: [r.views.leastCost, r.views.shipperLogit].map((v) => [v.choice, num(v.demandT), num(v.servedT), num(v.tonneKm), num(v.costCny), num(v.co2Kg)]),
  };
  const sim = r.simulation ? `${r.simulation.replications} replications, seed ${r.simulation.seed}` : "not simulated";
  const notes = r.cannotReach.length > 0 ? [`Cannot reach as modelled: ${r.cannotReach.join(", ")}`] : [];
  return tablesBundle(`Baseline of ${r.scenario.id} (${r.scenario.name}); ${sim}`, [targets, views], notes);
}

/** a, b and the change; the change without decimals when a or b has none (−49 t, not −48.86 t). */
const delta = (d: Delta, digits = 0): string[] => [num(d.a, digits), num(d.b, digits), signed(d.change, Math.max(Math.abs(d.a ?? 0), Math.abs(d.b ?? 0)) >= 100 ? 0 : digits)];
const deltaPct = (d: Delta): string[] => [pct(d.a), pct(d.b), d.change === null ? "-" : `${d.change > 0 ? "+" : ""}${Math.round(d.change * 100)} pts`];

/**
 * A comparison in a notebook: targets with figures, totals, and the lines and hubs that changed
 * most (the full tables are `comparisonHtml(c)` or `comparisonCsv(c)`).
 */
export function comparisonBundle(r: ComparisonResult): MimeBundle {
  const none = (d: Delta): boolean => d.a === null && d.b === null;
  const figured = r.targets.filter((t) => !(none(t.leastCost) && none(t.simulatedP50) && none(t.pMet)));
  const targets: DisplayTable = {
    caption: "Targets (least cost; simulated P50; P(met))",
    headers: ["target", "unit", "least cost a", "b", "change", "sim P50 a", "b", "change", "P(met) a", "b", "change"],
    numeric: [2, 3, 4, 5, 6, 7, 8, 9, 10],
    rows: figured.map((t) => [t.id, t.unit, ...delta(t.leastCost, 2), ...delta(t.simulatedP50, 2), ...deltaPct(t.pMet)]),
  };
  const unfigured = r.targets.length - figured.length;
  const totals: DisplayTable = {
    caption: "Totals (least cost)",
    headers: ["total", "a", "b", "change"],
    numeric: [1, 2, 3],
    rows: Object.entries(r.totals).map(([k, d]) => [k, ...delta(d)]),
  };
  const byChange = <T extends { loadedT?: Delta; throughputT?: Delta }>(xs: T[], d: (x: T) => Delta): T[] =>
    [...xs].sort((x, y) => Math.abs(d(y).change ?? d(y).a ?? d(y).b ?? 0) - Math.abs(d(x).change ?? d(x).a ?? d(x).b ?? 0)).slice(0, 10);
  const lines: DisplayTable = {
    caption: "Lines that changed most (loaded t)",
    headers: ["line", "leg", "mode", "change", "a", "b", "difference"],
    numeric: [4, 5, 6],
    rows: byChange(r.lines, (l) => l.loadedT).map((l) => [l.line, `${l.from} → ${l.to}`, l.mode, l.change, ...delta(l.loadedT)]),
  };
  const hubs: DisplayTable = {
    caption: "Hubs that changed most (throughput t)",
    headers: ["hub", "name", "a", "b", "difference"],
    numeric: [2, 3, 4],
    rows: byChange(r.hubs, (h) => h.throughputT).map((h) => [h.hub, h.name, ...delta(h.throughputT)]),
  };
  const notes = unfigured > 0 ? [`${unfigured} targets have no assigned or simulated figure in either result (reported, counted or dated targets); their ceilings and statuses are in each baseline.`] : [];
  return tablesBundle(`${r.b.id} against ${r.a.id}`, [targets, totals, lines, hubs], notes);
}
