import { scaleLinear } from "d3-scale";
import type { BaselineResult } from "@fourports/planner";
import { fmtNumber } from "./format.js";
import { el, svgRoot, text, tip } from "./svg.js";

type Reach = NonNullable<BaselineResult["reach"]>;

/**
 * The quick-freight circle: one ring per group (domestic, neighbouring, worldwide) at a radius
 * proportional to its limit in days, labelled with the share of departures that arrive in time
 * and its count of misses. Elements: `circle.reach-ring[data-group][data-limit-days]`.
 */
export function reachSvg(reach: Reach): string {
  const W = 920;
  const H = 300;
  const cx = 160;
  const cy = H / 2;
  const groups = [...reach.groups].sort((a, b) => b.limitDays - a.limitDays);
  const r = scaleLinear().domain([0, Math.max(1, ...groups.map((g) => g.limitDays))]).range([0, H / 2 - 12]);
  const colour = (share: number): string => (share >= 0.95 ? "#1a7f37" : share >= 0.75 ? "#9a6700" : "#b42318");
  const rings = groups.map((g) =>
    el("circle", { class: "reach-ring", "data-group": g.group, "data-limit-days": g.limitDays, cx, cy, r: r(g.limitDays), fill: colour(g.share), "fill-opacity": 0.12, stroke: colour(g.share), "stroke-width": 2 }, tip(`${g.group} within ${g.limitDays} d: ${fmtNumber(g.share * 100, 1)}% of departures, ${g.misses.length} misses of ${g.destinationCount}`)),
  );
  const labels = [...groups].reverse().map((g, i) =>
    el(
      "g",
      { class: "reach-label" },
      el("line", { x1: cx + r(g.limitDays), x2: 360, y1: cy, y2: 60 + i * 70, stroke: "#8c959f" }),
      text({ x: 366, y: 64 + i * 70, class: "reach-group", "font-weight": 600 }, `${g.group} ≤ ${g.limitDays} d`),
      text({ x: 366, y: 82 + i * 70, class: "axis" }, `${fmtNumber(g.share * 100, 1)}% of departures in time · ${g.destinationCount} destinations · ${g.misses.length} miss${g.misses.length === 1 ? "" : "es"}`),
    ),
  );
  return svgRoot("reach", W, H, `Quick-freight circle from ${reach.origin}`, ...rings, el("circle", { cx, cy, r: 4, fill: "#1f2328" }), text({ x: cx, y: cy + 18, "text-anchor": "middle", class: "axis" }, reach.origin), ...labels);
}
