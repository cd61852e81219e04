import type { BaselineResult, ComparisonResult, Delta, LineUtilisation } from "@fourports/planner";
import { fmt, pct, printTable, signed, type Table } from "./print.js";

const arrow = (d: Delta, digits = 0): string => `${fmt(d.a, digits)} → ${fmt(d.b, digits)}`;

/** What to show of a comparison: the lines of interest first, then the biggest other changes. */
export interface ComparisonView {
  /** Lines always listed (when they changed), e.g. the ones the what-if touched. */
  lines?: (line: string) => boolean;
  /** How many other lines, biggest change in tonnes first (default 8). */
  topLines?: number;
}

/** One leg of a line (line, from, to) in both baselines: null where it does not run. */
interface LegChange {
  line: string;
  mode: string;
  from: string;
  to: string;
  a: LineUtilisation | null;
  b: LineUtilisation | null;
}

/**
 * The legs whose load or departures moved, biggest move in tonnes first. Built from the two
 * baselines' line views rather than cmp.lines, whose rows do not say which leg (direction,
 * via stop) they are, so one line's legs would print as look-alike rows.
 */
function legChanges(a: BaselineResult, b: BaselineResult): LegChange[] {
  const key = (l: LineUtilisation): string => `${l.line}\u0000${l.from}\u0000${l.to}`;
  const of = (r: BaselineResult): Map<string, LineUtilisation> => new Map(r.views.leastCost.lines.map((l) => [key(l), l]));
  const [ma, mb] = [of(a), of(b)];
  const out: LegChange[] = [];
  for (const k of new Set([...ma.keys(), ...mb.keys()])) {
    const x = ma.get(k) ?? null;
    const y = mb.get(k) ?? null;
    const l = (x ?? y)!;
    if (x && y && x.departures === y.departures && Math.abs(x.loadedT - y.loadedT) < 0.5) continue;
    out.push({ line: l.line, mode: l.mode, from: l.from, to: l.to, a: x, b: y });
  }
  const moved = (l: LegChange): number => Math.abs((l.b?.loadedT ?? 0) - (l.a?.loadedT ?? 0));
  return out.sort((p, q) => moved(q) - moved(p) || p.line.localeCompare(q.line) || p.from.localeCompare(q.from));
}

/** The tables of a comparison of baselines a and b: totals, targets, line legs and ports, as text cells. */
export function comparisonTables(cmp: ComparisonResult, a: BaselineResult, b: BaselineResult, view: ComparisonView = {}): Table[] {
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
  const changes = legChanges(a, b);
  const chosen = changes.filter((l) => view.lines?.(l.line));
  const others = changes.filter((l) => !view.lines?.(l.line)).slice(0, view.topLines ?? 8);
  const lines: Table = {
    title: `Line legs whose load moved (${chosen.length ? "the what-if's lines, then " : ""}the biggest changes in tonnes)`,
    headers: ["line", "mode", "leg", "departures", "loaded t", "Δ t", "utilisation"],
    rows: [...chosen, ...others].map((l) => [
      l.line,
      l.mode,
      `${l.from} → ${l.to}`,
      `${fmt(l.a?.departures ?? 0)} → ${fmt(l.b?.departures ?? 0)}`,
      `${fmt(l.a?.loadedT ?? 0)} → ${fmt(l.b?.loadedT ?? 0)}`,
      signed((l.b?.loadedT ?? 0) - (l.a?.loadedT ?? 0)),
      `${l.a ? pct(l.a.utilisation) : "new"} → ${l.b ? pct(l.b.utilisation) : "gone"}`,
    ]),
  };
  const ports: Table = {
    title: "Home-city ports: tonnes loaded and unloaded, by port and mode",
    headers: ["port", "mode", cmp.a.id, cmp.b.id, "change"],
    rows: cmp.ports.filter((p) => (p.throughputT.change ?? 1) !== 0).map((p) => [p.portGroup, p.mode, fmt(p.throughputT.a), fmt(p.throughputT.b), signed(p.throughputT.change)]),
  };
  return [totals, targets, lines, ports];
}

/** Prints the tables of the comparison `cmp` of baselines a and b. */
export function printComparison(cmp: ComparisonResult, a: BaselineResult, b: BaselineResult, view: ComparisonView = {}): Table[] {
  const tables = comparisonTables(cmp, a, b, view);
  for (const t of tables) printTable(t);
  return tables;
}
