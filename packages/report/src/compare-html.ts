import { scaleBand, scaleLinear } from "d3-scale";
import type { ComparisonResult, Delta } from "@fourports/planner";
import { scenarioFacts } from "./baseline-html.js";
import { escapeHtml } from "./escape.js";
import { fmtChange, fmtTonnes, fmtValue, shorten } from "./format.js";
import { htmlTable, page, section } from "./html-base.js";
import { el, svgRoot, text, tip } from "./svg.js";
import { comparisonTables, type Cell, type ReportTable } from "./tables.js";

/** Options of {@link comparisonHtml}. */
export interface ComparisonHtmlOptions {
  /** Page title (default: "fourports comparison: a → b"). */
  title?: string;
  /** At most this many hubs in the hub chart, largest change first (default 30). */
  maxHubs?: number;
  /** A line for the footer; the renderer reads no clock. */
  footer?: string;
}

/** One bar of a diverging chart. */
interface DeltaBar {
  key: string;
  label: string;
  change: number;
  attrs: Record<string, string>;
}

/**
 * Changes as diverging horizontal bars around zero: gains green to the right, losses red to the
 * left. Elements: `rect.delta-bar` with the given data attributes.
 */
function deltaSvg(cls: string, bars: readonly DeltaBar[], unit: string): string {
  const W = 920;
  const ROW = 18;
  const m = { l: 220, r: 120, t: 8, b: 8 };
  const H = m.t + bars.length * ROW + m.b;
  const max = Math.max(1, ...bars.map((b) => Math.abs(b.change)));
  // Room for a loss's value label between the row labels and the longest bar to the left.
  const x = scaleLinear().domain([-max, max]).range([m.l + 70, W - m.r]);
  const y = scaleBand<string>().domain(bars.map((b) => b.key)).range([m.t, H - m.b]).padding(0.2);
  const rows = bars.map((b) => {
    const y0 = y(b.key)!;
    const x1 = x(b.change);
    return el(
      "g",
      { class: "delta-row" },
      el("text", { x: m.l - 6, y: y0 + y.bandwidth() / 2 + 4, "text-anchor": "end", class: "axis" }, escapeHtml(shorten(b.label, 34)), tip(b.label)),
      el("rect", { class: "delta-bar", ...b.attrs, x: Math.min(x(0), x1), y: y0, width: Math.max(1, Math.abs(x1 - x(0))), height: y.bandwidth(), fill: b.change >= 0 ? "#1a7f37" : "#b42318" }, tip(`${b.label}: ${fmtChange(b.change, unit)}`)),
      text({ x: b.change >= 0 ? x1 + 4 : x1 - 4, y: y0 + y.bandwidth() / 2 + 4, "text-anchor": b.change >= 0 ? "start" : "end", class: "axis" }, unit === "t" ? `${b.change >= 0 ? "+" : "−"}${fmtTonnes(Math.abs(b.change))}` : fmtChange(b.change, unit)),
    );
  });
  return svgRoot(cls, W, H, "Changes from a to b", el("line", { x1: x(0), x2: x(0), y1: m.t, y2: H - m.b, stroke: "#57606a" }), ...rows);
}

const deltaCell = (unit: string) => (c: Cell): string => {
  if (typeof c !== "number") return "<td>–</td>";
  return `<td class="num ${c > 0 ? "up" : c < 0 ? "down" : ""}">${escapeHtml(fmtChange(c, unit))}</td>`;
};

const ab = (d: Delta, unit: string): string => (d.a === null && d.b === null ? "–" : `${fmtValue(d.a, unit)} → ${fmtValue(d.b, unit)}`);

/** Targets a against b, in their units. */
function targetTable(c: ComparisonResult): string {
  const t: ReportTable = {
    name: "target-changes",
    title: "Targets",
    header: ["target", "goal", "least cost a → b", "change", "shipper logit a → b", "simulated P50 a → b", "P(met) a → b", "ceiling a → b", "status a → b"],
    rows: c.targets.map((x): Cell[] => [x.title, fmtValue(x.goal, x.unit), ab(x.leastCost, x.unit), x.leastCost.change, ab(x.shipperLogit, x.unit), ab(x.simulatedP50, x.unit), ab(x.pMet, "share"), ab(x.ceiling, x.unit), x.statusA === x.statusB ? x.statusA : `${x.statusA ?? "(not in a)"} → ${x.statusB ?? "(not in b)"}`]),
  };
  // The change column is in each target's own unit.
  return htmlTable(t, { change: (cell, row) => deltaCell(c.targets[row]!.unit)(cell) });
}

/**
 * A comparison as one self-contained HTML page: the two scenarios, year totals, targets a against
 * b, port throughput changes and the hubs that changed most as diverging bars
 * (`rect.delta-bar[data-port-group][data-mode]`, `rect.delta-bar[data-hub]`), and the lines that
 * were added, removed or changed. Every string from the result is escaped.
 */
export function comparisonHtml(c: ComparisonResult, options: ComparisonHtmlOptions = {}): string {
  const maxHubs = options.maxHubs ?? 30;
  if (!Number.isInteger(maxHubs) || maxHubs < 1) throw new Error(`comparisonHtml options.maxHubs: expected a whole number ≥ 1, got ${String(maxHubs)}`);
  const title = options.title ?? `fourports comparison: ${c.a.name} → ${c.b.name}`;
  const tables = comparisonTables(c);
  const get = (n: string): ReportTable => tables.find((t) => t.name === n)!;
  const ports = c.ports.filter((p) => p.throughputT.change !== null).map((p): DeltaBar => ({ key: `${p.portGroup}/${p.mode}`, label: `${p.portGroup} (${p.mode})`, change: p.throughputT.change!, attrs: { "data-port-group": p.portGroup, "data-mode": p.mode } }));
  const hubs = c.hubs
    .filter((h) => h.throughputT.change !== null && h.throughputT.change !== 0)
    .sort((p, q) => Math.abs(q.throughputT.change!) - Math.abs(p.throughputT.change!) || (p.hub < q.hub ? -1 : 1))
    .slice(0, maxHubs)
    .map((h): DeltaBar => ({ key: h.hub, label: h.name, change: h.throughputT.change!, attrs: { "data-hub": h.hub } }));
  const t = (unit: string): Record<string, (x: Cell) => string> => ({ change: deltaCell(unit) });
  const body = [
    `<header><h1>${escapeHtml(title)}</h1><p class="lede">What changes from scenario a to scenario b.</p></header>`,
    `<h2>a</h2>${scenarioFacts(c.a)}<h2>b</h2>${scenarioFacts(c.b)}`,
    section("totals", "Year totals", "Least-cost assignment.", htmlTable(get("totals"), t(""))),
    section("targets", "Targets", "Each target's figures in a and in b.", targetTable(c)),
    section("ports", "Port throughput", "Change in loaded plus unloaded tonnes per port group and mode.", ports.length ? deltaSvg("port-deltas", ports, "t") : "<p>No change.</p>", htmlTable(get("ports"), { throughputTChange: deltaCell("t") })),
    section("hubs", "Hubs", `The ${hubs.length} hubs whose throughput changed most (of ${c.hubs.length}).`, hubs.length ? deltaSvg("hub-deltas", hubs, "t") : "<p>No hub changed.</p>"),
    section("lines", "Lines added, removed or changed", `${c.lines.length} lines.`, htmlTable(get("lines"), { loadedTChange: deltaCell("t"), departuresChange: deltaCell("") })),
    options.footer ? `<footer>${escapeHtml(options.footer)}</footer>` : "",
  ].filter((s) => s !== "");
  return page(title, body.join("\n"));
}
