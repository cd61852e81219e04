import { scaleLinear } from "d3-scale";
import type { BaselineResult, TargetRow } from "@fourports/planner";
import { fmtValue, shorten } from "./format.js";
import { escapeHtml } from "./escape.js";
import { el, FONT, svgRoot, text, tip } from "./svg.js";
import { STATUS_TEXT } from "./status.js";

const WIDTH = 920;
const LABEL_W = 150;
const VALUE_W = 240;
const ROW_H = 17;
const HEAD_H = 22;
const GAP = 12;

/** The measures of a target drawn as bars, in drawing order, with their colours. */
const BARS = [
  { measure: "goal", label: "goal", colour: "#555555", value: (t: TargetRow) => t.goal },
  { measure: "least-cost", label: "least cost", colour: "#0072B2", value: (t: TargetRow) => t.leastCost },
  { measure: "shipper-logit", label: "shipper logit", colour: "#56B4E9", value: (t: TargetRow) => t.shipperLogit },
] as const;
const BANDS = [
  { measure: "simulated", label: "simulated P5–P95", colour: "#E69F00", band: (t: TargetRow) => t.simulated },
  { measure: "forecast", label: "forecast P5–P95", colour: "#CC79A7", band: (t: TargetRow) => t.forecast },
] as const;
const CEILING = { measure: "ceiling", label: "ceiling (100% load)", colour: "#009E73" } as const;

/** Status colours: red where the network cannot get there as modelled. */
const STATUS_COLOUR: Record<TargetRow["status"], string> = {
  "within-ceiling": "#1a7f37",
  met: "#1a7f37",
  "beyond-ceiling": "#b42318",
  "not-met": "#b42318",
  assumed: "#9a6700",
  reported: "#57606a",
  "not-computed": "#57606a",
};

/** Room for a title left of the status text (now in words, up to 30 characters), in characters of 13 px bold. */
const TITLE_CHARS = 66;

/**
 * A target is drawn as bars only when its goal is a number it is compared with (>=, >, <=): then
 * every figure is on the goal's scale. A date, a count of routes "all open" or a text such as the
 * rural counts is shown as text, since a bar from zero would mean nothing.
 */
const scaled = (t: TargetRow): boolean => typeof t.goal === "number" && (t.comparator === ">=" || t.comparator === ">" || t.comparator === "<=");

/** The goal in words, with which way is better, so a `<=` target's bars do not read as "more is better". */
function goalText(t: TargetRow): string {
  const g = fmtValue(t.goal, t.unit);
  if (t.comparator === "<=") return `≤ ${g} (less is better)`;
  if (t.comparator === ">=") return `≥ ${g}`;
  if (t.comparator === ">") return `> ${g}`;
  if (t.comparator === "by") return `by ${g}`;
  if (t.comparator === "all") return "all open";
  return g;
}


const num = (v: number | string | null): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** How many rows a target's block has: one per measure it has a figure for (at least one). */
function rowsOf(t: TargetRow): number {
  const n = (t.goal !== null || t.comparator === "all" ? 1 : 0) + BARS.slice(1).filter((b) => b.value(t) !== null).length + BANDS.filter((b) => b.band(t) !== null).length + (t.ceiling !== null ? 1 : 0);
  return Math.max(1, n);
}

/** The numbers a target's scale must show. */
function extentOf(t: TargetRow): [number, number] {
  const xs = [0, ...BARS.map((b) => num(b.value(t))), num(t.ceiling), ...BANDS.flatMap((b) => [b.band(t)?.p5 ?? null, b.band(t)?.p95 ?? null])].filter((x): x is number => x !== null);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return [lo, hi === lo ? lo + 1 : hi];
}

/** One target's block: its title and status, then one row per measure on the target's own scale. */
function targetBlock(t: TargetRow, y0: number): string {
  const x = scaleLinear().domain(extentOf(t)).nice().range([LABEL_W, WIDTH - VALUE_W]);
  const zero = x(0);
  const id = t.id;
  const parts: string[] = [
    el("text", { x: 0, y: y0 + 14, class: "target-title", "font-weight": 600 }, escapeHtml(shorten(t.title, TITLE_CHARS)), el("tspan", { class: "target-id", fill: "#57606a", "font-weight": 400 }, escapeHtml(`  ${t.id}`)), tip(t.title)),
    text({ x: WIDTH, y: y0 + 14, "text-anchor": "end", class: "target-status", fill: STATUS_COLOUR[t.status] }, `${STATUS_TEXT[t.status]}${t.pMet !== null ? ` · P(met) ${fmtValue(t.pMet, "share")}` : ""}`),
  ];
  let row = 0;
  const rowY = (): number => y0 + HEAD_H + row * ROW_H;
  const label = (l: string): string => text({ x: LABEL_W - 6, y: rowY() + 12, "text-anchor": "end", class: "measure" }, l);
  const value = (v: string): string => text({ x: WIDTH - VALUE_W + 6, y: rowY() + 12, class: "value" }, v);
  const bars = scaled(t);
  const bar = (measure: string, colour: string, v: number, l: string, shown: string = fmtValue(v, t.unit)): void => {
    if (!bars) return textRow(l, shown);
    const x1 = x(v);
    parts.push(
      label(l),
      el("rect", { class: "target-bar", "data-target": id, "data-measure": measure, x: Math.min(zero, x1), y: rowY() + 3, width: Math.max(1, Math.abs(x1 - zero)), height: ROW_H - 5, fill: colour }, tip(`${t.title}: ${l} ${fmtValue(v, t.unit)}`)),
      value(shown),
    );
    row++;
  };
  const textRow = (l: string, v: string): void => {
    parts.push(label(l), text({ x: LABEL_W, y: rowY() + 12, class: "value" }, v));
    row++;
  };
  if (t.goal !== null || t.comparator === "all") {
    if (bars) bar("goal", BARS[0].colour, t.goal as number, t.comparator === "<=" ? "goal (at most)" : "goal", goalText(t));
    else textRow("goal", goalText(t));
  }
  for (const b of BARS.slice(1)) {
    const v = b.value(t);
    if (typeof v === "number") bar(b.measure, b.colour, v, b.label);
    else if (v !== null) textRow(b.label, v);
  }
  for (const b of BANDS) {
    const s = b.band(t);
    if (!s) continue;
    if (!bars) {
      textRow(b.label, `P50 ${fmtValue(s.p50, t.unit)} (${fmtValue(s.p5, t.unit)}–${fmtValue(s.p95, t.unit)})`);
      continue;
    }
    const y = rowY();
    parts.push(
      label(b.label),
      el("rect", { class: "target-band", "data-target": id, "data-measure": b.measure, x: Math.min(x(s.p5), x(s.p50) - 1.5), y: y + 3, width: Math.max(3, x(s.p95) - x(s.p5)), height: ROW_H - 5, fill: b.colour, "fill-opacity": 0.55 }, tip(`${t.title}: ${b.label} ${fmtValue(s.p5, t.unit)} – ${fmtValue(s.p95, t.unit)}, P50 ${fmtValue(s.p50, t.unit)}`)),
      el("line", { class: "target-p50", x1: x(s.p50), x2: x(s.p50), y1: y + 1, y2: y + ROW_H - 1, stroke: "#222", "stroke-width": 2 }),
      value(`${fmtValue(s.p50, t.unit)} (${fmtValue(s.p5, t.unit === "share" ? "share" : "")}–${fmtValue(s.p95, t.unit === "share" ? "share" : "")})`),
    );
    row++;
  }
  // "Ceiling at 100% load" means most that could be carried; for a date, a count, a text or a
  // time to stay under (<=) the figure is what the network achieves as modelled.
  const ceilingLabel = bars && t.comparator !== "<=" ? CEILING.label : "as modelled";
  if (typeof t.ceiling === "number") bar(CEILING.measure, CEILING.colour, t.ceiling, ceilingLabel);
  else if (t.ceiling !== null) textRow(ceilingLabel, t.ceiling);
  if (row === 0) textRow("reported", t.detail || "no figure");
  if (bars && typeof t.goal === "number") {
    // The goal as a dashed rule through every row, so each bar reads against it.
    parts.push(el("line", { class: "goal-rule", x1: x(t.goal), x2: x(t.goal), y1: y0 + HEAD_H, y2: rowY(), stroke: "#222", "stroke-dasharray": "4 3" }));
  }
  return el("g", { class: "target", "data-target": id }, ...parts);
}

/** Height of the dashboard for a result. */
const heightOf = (r: BaselineResult): number => r.targets.reduce((h, t) => h + HEAD_H + rowsOf(t) * ROW_H + GAP, 0);

/**
 * The target dashboard as one SVG document (a string, `image/svg+xml`): per target its goal beside
 * the least-cost and shipper-logit assignment, the simulated and forecast P5–P95 bands with their
 * P50, and the capacity ceiling, as bars on the target's own scale, with a dashed rule at the goal.
 * Elements for tests and scripts: `g.target[data-target]`, `rect.target-bar[data-target][data-measure]`
 * (goal, least-cost, shipper-logit, ceiling; numeric figures only) and
 * `rect.target-band[data-target][data-measure]` (simulated, forecast).
 */
export function baselineSvgDashboard(r: BaselineResult): string {
  let y = 0;
  const blocks = r.targets.map((t) => {
    const b = targetBlock(t, y);
    y += HEAD_H + rowsOf(t) * ROW_H + GAP;
    return b;
  });
  const style = el("style", {}, `text{font-family:${FONT};font-size:12px;fill:#1f2328}.target-title{font-size:13px}.measure{fill:#57606a}`);
  return svgRoot("dashboard", WIDTH, Math.max(heightOf(r), 20), `Targets of ${r.scenario.name}`, style, ...blocks);
}
