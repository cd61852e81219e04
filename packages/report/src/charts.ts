import { scaleBand, scaleLinear } from "d3-scale";
import { PORT_GROUPS } from "@fourports/network";
import type { AssignmentView, LineUtilisation } from "@fourports/planner";
import { escapeHtml } from "./escape.js";
import { fitText, fmtNumber, fmtTonnes } from "./format.js";
import { el, PORT_COLOUR, svgRoot, text, tip } from "./svg.js";

const WIDTH = 920;

/** Horizontal gridlines with tick labels of a y scale. */
function yAxis(y: (v: number) => number, ticks: number[], x0: number, x1: number, fmt: (v: number) => string): string {
  return ticks
    .map((v) => el("g", { class: "tick" }, el("line", { x1: x0, x2: x1, y1: y(v), y2: y(v), stroke: "#d0d7de" }), text({ x: x0 - 6, y: y(v) + 4, "text-anchor": "end", class: "axis" }, fmt(v))))
    .join("");
}

/** A legend of coloured squares, in rows that wrap before `maxX`. */
export function legend(items: { label: string; colour: string }[], x0: number, y0: number, maxX: number = Infinity): string {
  let x = x0;
  let y = y0;
  return items
    .map((it) => {
      const w = 30 + it.label.length * 7;
      if (x > x0 && x + w > maxX) {
        x = x0;
        y += 18;
      }
      const g = el("g", { class: "legend-item" }, el("rect", { x, y: y - 10, width: 11, height: 11, fill: it.colour }), text({ x: x + 15, y, class: "axis" }, it.label));
      x += w;
      return g;
    })
    .join("");
}

/**
 * Monthly throughput per port group as grouped bars: months along x, one bar per port group.
 * Elements: `rect.monthly-bar[data-month][data-port-group]`, one per row of `view.monthly`.
 */
export function monthlySvg(view: AssignmentView): string {
  const H = 300;
  const m = { l: 64, r: 10, t: 24, b: 28 };
  const months = [...new Set(view.monthly.map((r) => r.month))].sort();
  const groups = PORT_GROUPS.filter((g) => view.monthly.some((r) => r.portGroup === g));
  const x = scaleBand<string>().domain(months).range([m.l, WIDTH - m.r]).paddingInner(0.2).paddingOuter(0.1);
  const inner = scaleBand<string>().domain(groups).range([0, x.bandwidth()]).padding(0.05);
  const max = Math.max(1, ...view.monthly.map((r) => r.throughputT));
  const y = scaleLinear().domain([0, max]).nice().range([H - m.b, m.t]);
  const bars = view.monthly.map((r) =>
    el(
      "rect",
      { class: "monthly-bar", "data-month": r.month, "data-port-group": r.portGroup, x: x(r.month)! + inner(r.portGroup)!, y: y(Math.max(0, r.throughputT)), width: inner.bandwidth(), height: Math.abs(y(0) - y(r.throughputT)), fill: PORT_COLOUR[r.portGroup] ?? "#888" },
      tip(`${r.month} ${r.portGroup}: ${fmtNumber(r.throughputT)} t`),
    ),
  );
  const monthLabels = months.map((mo) => text({ x: x(mo)! + x.bandwidth() / 2, y: H - m.b + 16, "text-anchor": "middle", class: "axis" }, mo.slice(2)));
  return svgRoot(
    "monthly",
    WIDTH,
    H,
    `Monthly throughput per port group (${view.choice})`,
    yAxis(y, y.ticks(5), m.l, WIDTH - m.r, fmtTonnes),
    ...bars,
    ...monthLabels,
    legend(groups.map((g) => ({ label: g, colour: PORT_COLOUR[g] ?? "#888" })), m.l, 12),
  );
}

/** Lines by utilisation, highest first (ties by line id, so the order is the same every time). */
export function linesByUtilisation(lines: readonly LineUtilisation[]): LineUtilisation[] {
  return [...lines].sort((a, b) => b.utilisation - a.utilisation || (a.line < b.line ? -1 : a.line > b.line ? 1 : 0));
}

/**
 * Utilisation per line as horizontal bars, highest first, the first `maxLines` of them (the
 * figure says how many more there are). Elements: `rect.line-bar[data-line]`.
 */
export function utilisationSvg(view: AssignmentView, maxLines: number): string {
  const sorted = linesByUtilisation(view.lines);
  const shown = sorted.slice(0, maxLines);
  const ROW = 16;
  const m = { l: 300, r: 170, t: 22, b: shown.length < sorted.length ? 24 : 6 };
  const H = m.t + shown.length * ROW + m.b;
  const x = scaleLinear().domain([0, Math.max(1, ...shown.map((l) => l.utilisation))]).range([m.l, WIDTH - m.r]);
  const ticks = x.ticks(5).map((v) => el("g", { class: "tick" }, el("line", { x1: x(v), x2: x(v), y1: m.t - 4, y2: H - m.b, stroke: v === 1 ? "#b42318" : "#d0d7de", "stroke-dasharray": v === 1 ? "4 3" : undefined }), text({ x: x(v), y: m.t - 8, "text-anchor": "middle", class: "axis" }, `${fmtNumber(v * 100)}%`)));
  const rows = shown.map((l, i) => {
    const y = m.t + i * ROW;
    return el(
      "g",
      { class: "line-row" },
      // Cut to the label column's width at a whole character (never clipped by the SVG's edge mid-glyph), the full name in the tooltip.
      el("text", { x: m.l - 6, y: y + 12, "text-anchor": "end", class: "axis line-label" }, escapeHtml(fitText(`${l.line} ${l.from}→${l.to}`, m.l - 12)), tip(`${l.line} ${l.from} → ${l.to}`)),
      el("rect", { class: "line-bar", "data-line": l.line, "data-mode": l.mode, "data-from": l.from, "data-to": l.to, x: m.l, y: y + 2, width: Math.max(0, x(l.utilisation) - m.l), height: ROW - 4, fill: l.utilisation > 1 ? "#b42318" : l.utilisation >= 0.85 ? "#E69F00" : "#0072B2" }, tip(`${l.line} ${l.from} → ${l.to}: ${fmtNumber(l.loadedT)} t of ${fmtNumber(l.capacityT)} t, ${l.departures} departures`)),
      text({ x: x(l.utilisation) + 4, y: y + 12, class: "axis" }, `${fmtNumber(l.utilisation * 100, 1)}% · ${fmtTonnes(l.loadedT)} · ${l.departures} dep.`),
    );
  });
  const more = shown.length < sorted.length ? [text({ x: m.l, y: H - 6, class: "axis note" }, `${sorted.length - shown.length} more lines with lower utilisation are in the lines table and CSV`)] : [];
  return svgRoot("utilisation", WIDTH, H, `Utilisation per line (${view.choice})`, ...ticks, ...rows, ...more);
}
