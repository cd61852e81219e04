import { scaleBand, scaleLinear } from "d3-scale";
import type { ComparisonResult, Delta, TargetChange } from "@fourports/planner";
import { scenarioFacts } from "./baseline-html.js";
import { escapeHtml } from "./escape.js";
import { fmtChange, fmtNumber, fmtTonnes, fmtValue, shorten } from "./format.js";
import { STATUS_TEXT } from "./status.js";
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
  /**
   * Each target's comparator (from either baseline's `targets`), so a change can be judged
   * better or worse: for `<=` less is better. Without it target changes are not coloured.
   */
  comparators?: readonly {
    /** Target id. */
    id: string;
    /** Its comparator, e.g. ">=" or "<=". */
    comparator: string;
  }[];
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

/** Whether a change is for the better (1), for the worse (−1) or neither (0). */
type Verdict = 1 | -1 | 0;
const VERDICT_CLASS: Record<Verdict, string> = { 1: "better", [-1]: "worse", 0: "" };

/** A change cell coloured by whether it is better or worse (not by its sign). */
const verdictCell = (text: string, v: Verdict): string => `<td class="num ${VERDICT_CLASS[v]}">${escapeHtml(text)}</td>`;

/** The year totals in words and units, and which way is better (0: neither, such as tonne-km, which is work done, not good or bad). */
const TOTALS: { key: keyof ComparisonResult["totals"]; label: string; unit: string; per: number; digits: number; better: Verdict }[] = [
  { key: "servedT", label: "freight served", unit: "kt", per: 1e3, digits: 1, better: 1 },
  { key: "unservedT", label: "freight not served", unit: "kt", per: 1e3, digits: 1, better: -1 },
  { key: "costCny", label: "generalised cost", unit: "million CNY", per: 1e6, digits: 1, better: -1 },
  { key: "co2Kg", label: "emissions", unit: "kt CO2e", per: 1e6, digits: 1, better: -1 },
  { key: "tonneKm", label: "transport work", unit: "million t-km", per: 1e6, digits: 1, better: 0 },
];

const signOf = (x: number): Verdict => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** Year totals, rounded in their units, each change coloured by whether it is better. */
function totalsTable(c: ComparisonResult): string {
  const f = (v: number | null, per: number, digits: number): string => (v === null ? "–" : fmtNumber(v / per, digits));
  const rows = TOTALS.map((t) => {
    const d = c.totals[t.key];
    const ch = d.change === null ? "–" : `${d.change > 0 ? "+" : d.change < 0 ? "−" : ""}${fmtNumber(Math.abs(d.change) / t.per, t.digits)}`;
    const verdict = d.change === null ? 0 : ((signOf(d.change) * t.better) as Verdict);
    return `<tr data-total="${escapeHtml(t.key)}"><td>${escapeHtml(t.label)}</td><td>${escapeHtml(t.unit)}</td><td class="num">${escapeHtml(f(d.a, t.per, t.digits))}</td><td class="num">${escapeHtml(f(d.b, t.per, t.digits))}</td>${verdictCell(ch, verdict)}</tr>`;
  });
  return `<div class="table-wrap"><table class="table-totals"><thead><tr><th>figure</th><th>unit</th><th>a</th><th>b</th><th>change</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table></div>`;
}

/**
 * How far a figure is from meeting a numeric goal (0 when met), respecting the comparator:
 * for `>=` and `>` the shortfall below the goal, for `<=` the excess above it.
 */
function shortfall(t: TargetChange, comparator: string, v: number): number {
  const goal = t.goal as number;
  return comparator === "<=" ? Math.max(0, v - goal) : Math.max(0, goal - v);
}

/**
 * Whether a target's figure moved for the better: closer to meeting its goal is better; when
 * both meet it (or both are equally short), more is better for `>=`/`>` and less for `<=`.
 * Neither for a target without a numeric goal.
 */
function targetVerdict(t: TargetChange, comparator: string | undefined, d: Delta): Verdict {
  if (typeof t.goal !== "number" || d.a === null || d.b === null || d.change === null || d.change === 0) return 0;
  if (comparator !== ">=" && comparator !== ">" && comparator !== "<=") return 0;
  const gap = shortfall(t, comparator, d.b) - shortfall(t, comparator, d.a);
  if (gap !== 0) return gap < 0 ? 1 : -1;
  return (signOf(d.change) * (comparator === "<=" ? -1 : 1)) as Verdict;
}

const ab = (d: Delta, unit: string): string => (d.a === null && d.b === null ? "–" : `${fmtValue(d.a, unit)} → ${fmtValue(d.b, unit)}`);

/** A target's ceilings as the results have them: a number, or a date or text (the circle's shares, the rural counts). */
function ceilingText(t: TargetChange): string {
  const { ceilingA: a, ceilingB: b } = t;
  if (a === null && b === null) return "–";
  return a === b ? fmtValue(a, t.unit) : `${fmtValue(a, t.unit)} → ${fmtValue(b, t.unit)}`;
}

const statusText = (s: TargetChange["statusA"]): string => (s === null ? "(not in this scenario)" : STATUS_TEXT[s]);

/** Targets a against b, in their units; each change coloured by whether it brings the goal nearer. */
function targetTable(c: ComparisonResult, comparators: ReadonlyMap<string, string>): string {
  const t: ReportTable = {
    name: "target-changes",
    title: "Targets",
    header: ["target", "goal", "least cost a → b", "change", "shipper logit a → b", "simulated P50 a → b", "P(met) a → b", "ceiling a → b", "status a → b"],
    rows: c.targets.map((x): Cell[] => [x.title, `${comparators.get(x.id) === "<=" ? "≤ " : ""}${fmtValue(x.goal, x.unit)}`, ab(x.leastCost, x.unit), x.leastCost.change, ab(x.shipperLogit, x.unit), ab(x.simulatedP50, x.unit), ab(x.pMet, "share"), ceilingText(x), x.statusA === x.statusB ? statusText(x.statusA) : `${statusText(x.statusA)} → ${statusText(x.statusB)}`]),
  };
  // The change column is in each target's own unit.
  return htmlTable(t, {
    change: (cell, row) => {
      const x = c.targets[row]!;
      return typeof cell === "number" ? verdictCell(fmtChange(cell, x.unit), targetVerdict(x, comparators.get(x.id), x.leastCost)) : "<td>–</td>";
    },
  });
}

/** Changed lines, narrow enough for the page: a → b in one cell per figure, short headers. */
function linesTable(c: ComparisonResult): string {
  const t: ReportTable = {
    name: "lines",
    title: "Changed lines",
    header: ["line", "mode", "leg", "change", "departures a → b", "loaded t a → b", "Δ loaded t", "utilisation a → b"],
    rows: c.lines.map((l): Cell[] => [l.line, l.mode, `${l.from} → ${l.to}`, l.change, ab(l.departures, ""), ab(l.loadedT, ""), l.loadedT.change, ab(l.utilisation, "share")]),
  };
  // Loaded tonnes are neither better nor worse in themselves (a line may lose cargo to a better one): the change is not coloured.
  return htmlTable(t, { "Δ loaded t": (cell) => (typeof cell === "number" ? verdictCell(fmtChange(cell, ""), 0) : "<td>–</td>") });
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
  // Each change carries its target's comparator; the option still overrides it for older results.
  const comparators = new Map<string, string>([...c.targets.map((x): [string, string] => [x.id, x.comparator]), ...(options.comparators ?? []).map((x): [string, string] => [x.id, x.comparator])]);
  const body = [
    `<header><h1>${escapeHtml(title)}</h1><p class="lede">What changes from scenario a to scenario b.</p></header>`,
    `<h2>a</h2>${scenarioFacts(c.a)}<h2>b</h2>${scenarioFacts(c.b)}`,
    section("totals", "Year totals", "Least-cost assignment, rounded; a change is green when it is for the better (more served, less unserved, cost or CO2e) and red when for the worse; transport work is neither.", totalsTable(c)),
    section("targets", "Targets", "Each target's figures in a and in b; a change is green when it brings the goal nearer (or, met in both, goes further: more for ≥, less for ≤) and red when it moves away.", targetTable(c, comparators)),
    section("ports", "Port throughput", "Change in loaded plus unloaded tonnes per port group and mode.", ports.length ? deltaSvg("port-deltas", ports, "t") : "<p>No change.</p>", htmlTable({ ...get("ports"), header: ["port group", "mode", "a t", "b t", "change"] }, { change: (x) => (typeof x === "number" ? verdictCell(fmtChange(x, "t"), 0) : "<td>–</td>") })),
    section("hubs", "Hubs", `The ${hubs.length} hubs whose throughput changed most (of ${c.hubs.length}).`, hubs.length ? deltaSvg("hub-deltas", hubs, "t") : "<p>No hub changed.</p>"),
    section("lines", "Lines added, removed or changed", `${c.lines.length} lines.`, linesTable(c)),
    options.footer ? `<footer>${escapeHtml(options.footer)}</footer>` : "",
  ].filter((s) => s !== "");
  return page(title, body.join("\n"));
}
