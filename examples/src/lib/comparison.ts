import type { ComparisonResult, Delta } from "@fourports/planner";
import { fmt, pct, printTable, signed, type Table } from "./print.js";

const arrow = (d: Delta, digits = 0): string => `${fmt(d.a, digits)} → ${fmt(d.b, digits)}`;

/** What to show of a comparison: the lines of interest first, then the biggest other changes. */
export interface ComparisonView {
  /** Lines always listed (when they changed), e.g. the ones the what-if touched. */
  lines?: (line: string) => boolean;
  /** How many other lines, biggest change in tonnes first (default 8). */
  topLines?: number;
}

/** The tables of a comparison: totals, targets, line legs and ports, as text cells. */
export function comparisonTables(cmp: ComparisonResult, view: ComparisonView = {}): Table[] {
  const t = cmp.totals;
  const totals: Table = {
    title: `Year totals (least-cost assignment): ${cmp.a.id} → ${cmp.b.id}`,
    headers: ["", cmp.a.id, cmp.b.id, "change"],
    rows: [
      ["served t", fmt(t.servedT.a), fmt(t.servedT.b), signed(t.servedT.change)],
      ["unserved t", fmt(t.unservedT.a), fmt(t.unservedT.b), signed(t.unservedT.change)],
      ["cost CNY", fmt(t.costCny.a), fmt(t.costCny.b), signed(t.costCny.change)],
      ["CO2 kg", fmt(t.co2Kg.a), fmt(t.co2Kg.b), signed(t.co2Kg.change)],
      ["tonne-km", fmt(t.tonneKm.a), fmt(t.tonneKm.b), signed(t.tonneKm.change)],
    ],
  };
  const targets: Table = {
    title: "Targets: least cost and shippers' choice, a → b",
    headers: ["target", "goal", "least cost", "shippers' choice", "status"],
    rows: cmp.targets.map((x) => [
      x.id,
      typeof x.goal === "number" ? `${fmt(x.goal)} ${x.unit}` : (x.goal ?? "report"),
      arrow(x.leastCost),
      arrow(x.shipperLogit),
      x.statusA === x.statusB ? (x.statusA ?? "–") : `${x.statusA ?? "–"} → ${x.statusB ?? "–"}`,
    ]),
  };
  // cmp.lines is sorted biggest move in tonnes first.
  const chosen = cmp.lines.filter((l) => view.lines?.(l.line));
  const others = cmp.lines.filter((l) => !view.lines?.(l.line)).slice(0, view.topLines ?? 8);
  const lines: Table = {
    title: `Line legs whose load moved (${chosen.length ? "the what-if's lines, then " : ""}the biggest changes in tonnes)`,
    headers: ["line", "mode", "leg", "change", "departures", "loaded t", "Δ t", "utilisation"],
    rows: [...chosen, ...others].map((l) => [
      l.line,
      l.mode,
      `${l.from} → ${l.to}`,
      l.change,
      arrow(l.departures),
      arrow(l.loadedT),
      signed(l.loadedT.change),
      `${l.change === "added" ? "new" : pct(l.utilisation.a)} → ${l.change === "removed" ? "gone" : pct(l.utilisation.b)}`,
    ]),
  };
  const ports: Table = {
    title: "Home-city ports: tonnes loaded and unloaded, by port and mode",
    headers: ["port", "mode", cmp.a.id, cmp.b.id, "change"],
    rows: cmp.ports.filter((p) => (p.throughputT.change ?? 1) !== 0).map((p) => [p.portGroup, p.mode, fmt(p.throughputT.a), fmt(p.throughputT.b), signed(p.throughputT.change)]),
  };
  return [totals, targets, lines, ports];
}

/** Prints the tables of a comparison. */
export function printComparison(cmp: ComparisonResult, view: ComparisonView = {}): Table[] {
  const tables = comparisonTables(cmp, view);
  for (const t of tables) printTable(t);
  return tables;
}
