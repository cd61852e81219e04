import { geoGraticule10, geoMercator, geoPath, type GeoProjection } from "d3-geo";
import { scaleLinear, scaleSqrt } from "d3-scale";
import type { AssignmentView, HubPoint, LegFlow } from "@fourports/planner";
import { landPath } from "./basemap.js";
import { escapeHtml } from "./escape.js";
import { fmtNumber, fmtTonnes } from "./format.js";
import { legend } from "./charts.js";
import { el, MODE_COLOUR, svgRoot, text, tip } from "./svg.js";

const W = 920;
const MAX_STROKE = 14;
/** The world map's width; the panel to its right holds the legend and the home city's inset. */
const MAP_X0 = 20;
const MAP_X1 = W - 280;
const MIN_H = 440;
const INSET_W = 254;
const INSET_H = 220;

/** A label box placed on the map, to keep later labels off it. */
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const inside = (a: Box, b: Box): boolean => a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;
/** Rough text width: CJK characters are about twice as wide as Latin ones at 11 px. */
const textWidth = (s: string): number => [...s].reduce((w, c) => w + (/[\u2E80-\u9FFF\uF900-\uFAFF]/.test(c) ? 11 : 6.2), 0);

/** How a panel draws its hubs: where, how big, and how busy. */
interface Panel {
  proj: GeoProjection;
  at: (h: HubPoint) => [number, number];
  radius: (h: HubPoint) => number;
  through: (id: string) => number;
}

/**
 * Labels the hubs busiest first, each to the right of its dot or else to the left (with
 * `everyHub`, also above, below or shifted a line up or down), skipping a label that would leave
 * `bounds` or cover one already placed (its dot keeps a tooltip). With `everyHub` (the inset,
 * whose header counts its hubs) no hub goes unlabelled: when no place is free the label goes
 * to the right or left of its dot even over another.
 */
function placeLabels(hubs: readonly HubPoint[], p: Panel, taken: Box[], bounds: Box, name: (h: HubPoint) => [string, string | null], everyHub = false): string[] {
  const order = [...hubs].sort((a, b) => p.through(b.id) - p.through(a.id) || (a.id < b.id ? -1 : 1));
  const out: string[] = [];
  for (const h of order) {
    const [x, y] = p.at(h);
    const [main, zh] = name(h);
    const w = textWidth(zh ? `${main} ${zh}` : main) + 6;
    const gap = p.radius(h) + 2;
    // Candidate boxes with where their text starts: right, left, then (everyHub) above, below, and right or left a line up or down.
    const at = (x0: number, dy: number): Box => ({ x0, y0: y - 8 + dy, x1: x0 + w, y1: y + 6 + dy });
    const candidates: Box[] = [at(x + gap, 0), at(x - gap - w, 0)];
    if (everyHub) candidates.push(at(x - w / 2, -gap - 8), at(x - w / 2, gap + 10), at(x + gap, -14), at(x - gap - w, -14), at(x + gap, 14), at(x - gap - w, 14));
    const fits = (b: Box): boolean => inside(b, bounds) && !taken.some((t) => overlaps(t, b));
    const box = candidates.find(fits) ?? (everyHub ? candidates.slice(0, 2).find((b) => inside(b, bounds)) ?? candidates[0]! : undefined);
    if (!box) continue;
    taken.push(box);
    const tspan = zh ? el("tspan", { class: "zh" }, ` ${escapeHtml(zh)}`) : "";
    out.push(el("text", { class: "hub-label", "data-hub": h.id, ...anchorIn(box, x), y: box.y1 - 2 }, escapeHtml(main), tspan));
  }
  return out;
}

/** Where a label's text is anchored in its box: at the side nearer the dot, or centred above or below it. */
function anchorIn(box: Box, dotX: number): { x: number; "text-anchor": string } {
  if (box.x0 >= dotX) return { x: box.x0 + 1, "text-anchor": "start" };
  if (box.x1 <= dotX) return { x: box.x1 - 1, "text-anchor": "end" };
  return { x: (box.x0 + box.x1) / 2, "text-anchor": "middle" };
}

/** Legs that carried cargo, checked against the hubs the map knows. */
function legsToDraw(view: AssignmentView, byId: ReadonlyMap<string, HubPoint>): LegFlow[] {
  view.legs.forEach((l, i) => {
    for (const end of ["from", "to"] as const) {
      if (!byId.has(l[end])) throw new Error(`views.${view.choice === "cost" ? "leastCost" : "shipperLogit"}.legs[${i}].${end}: hub "${l[end]}" is not in the result's hubs`);
    }
  });
  // Thin flows first, so the heavy ones are drawn on top.
  return view.legs.filter((l) => l.tonnes > 0).sort((a, b) => a.tonnes - b.tonnes || (a.from + a.to + a.mode < b.from + b.to + b.mode ? -1 : 1));
}

/** Each leg as the great-circle arc between its hubs (cut where it crosses the map's edge). */
function flowPaths(legs: readonly LegFlow[], byId: ReadonlyMap<string, HubPoint>, proj: GeoProjection, width: (t: number) => number, cls: string): string[] {
  const path = geoPath(proj).digits(1);
  return legs.map((l) => {
    const a = byId.get(l.from)!;
    const b = byId.get(l.to)!;
    const d = path({ type: "LineString", coordinates: [[a.lon, a.lat], [b.lon, b.lat]] }) ?? "";
    return el("path", { class: cls, "data-from": l.from, "data-to": l.to, "data-mode": l.mode, "data-tonnes": l.tonnes, d, fill: "none", stroke: MODE_COLOUR[l.mode] ?? "#888", "stroke-width": Math.max(0.6, width(l.tonnes)), "stroke-opacity": 0.6, "stroke-linecap": "round" }, tip(`${l.from} → ${l.to} (${l.mode}): ${fmtNumber(l.tonnes)} t`));
  });
}

function hubDots(hubs: readonly HubPoint[], p: Panel, cls: string): string[] {
  return hubs.map((h) => {
    const [x, y] = p.at(h);
    return el("circle", { class: cls, "data-hub": h.id, cx: x, cy: y, r: p.radius(h), fill: h.home ? "#b42318" : "#1f2328", "fill-opacity": 0.85, stroke: "#fff", "stroke-width": 0.8 }, tip(`${h.name}${h.nameZh ? ` ${h.nameZh}` : ""} (${h.kind}, ${h.city}, ${h.country}): ${fmtNumber(p.through(h.id))} t`));
  });
}

/** How line width follows tonnes: proportional, or proportional to the square root (a few huge flows then leave the rest visible). */
export type FlowWidth = "linear" | "sqrt";

/** A width scale from 0 tonnes, widest at MAX_STROKE. */
const widthScale = (legs: readonly LegFlow[], kind: FlowWidth): ((t: number) => number) =>
  (kind === "sqrt" ? scaleSqrt() : scaleLinear()).domain([0, Math.max(1, ...legs.map((l) => l.tonnes))]).range([0, MAX_STROKE]);

/**
 * The home city's hubs enlarged, where the world map draws them on one spot, with the legs
 * between them on their own width scale (transfers within the city dwarf the long-haul legs).
 */
function homeInset(home: readonly HubPoint[], legs: readonly LegFlow[], box: Box, world: Panel, kind: FlowWidth): string {
  const proj = geoMercator().fitExtent([[box.x0 + 50, box.y0 + 44], [box.x1 - 50, box.y1 - 20]], { type: "MultiPoint", coordinates: home.map((h) => [h.lon, h.lat]) });
  const p: Panel = { ...world, proj, at: (h) => proj([h.lon, h.lat]) ?? [0, 0] };
  const byId = new Map(home.map((h) => [h.id, h]));
  const taken: Box[] = [{ x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y0 + 20 }];
  const widest = Math.max(0, ...legs.map((l) => l.tonnes));
  return el(
    "g",
    { class: "home-inset" },
    el("rect", { x: box.x0, y: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0, fill: "#ffffff", stroke: "#8c959f" }),
    text({ x: box.x0 + 6, y: box.y0 + 14, class: "axis" }, `${home[0]!.city}: ${home.length} hubs${legs.length ? `, widest line ${fmtTonnes(widest)}` : ""}`),
    ...flowPaths(legs, byId, proj, widthScale(legs, kind), "flow inset-flow"),
    ...hubDots(home, p, "hub-inset"),
    ...placeLabels(home, p, taken, box, (h) => [h.nameZh ?? h.name, null], true),
  );
}

/** A Mercator centred on the home city (Europe to its left, the Americas to its right), as wide as the map and as tall as the hubs need. */
function worldProjection(hubs: readonly HubPoint[], home: readonly HubPoint[]): { proj: GeoProjection; height: number } {
  const centre = home.length ? home : hubs;
  const lon0 = centre.reduce((s, h) => s + h.lon, 0) / centre.length;
  const points = { type: "MultiPoint" as const, coordinates: hubs.map((h) => [h.lon, h.lat]) };
  const proj = geoMercator().rotate([-lon0, 0]).fitWidth(MAP_X1 - MAP_X0 - 40, points);
  const [[, y0], [, y1]] = geoPath(proj).bounds(points);
  const height = Math.max(MIN_H, y1 - y0 + 100);
  const [tx, ty] = proj.translate();
  proj.translate([tx + MAP_X0 + 20, ty + (height - (y1 - y0)) / 2 - y0]);
  return { proj, height };
}

/**
 * The flow map: every hub as a dot on a Mercator projection of its lon/lat (radius ∝ √throughput),
 * centred on the home city, the tonnes the view carried between two hubs as a great-circle arc
 * whose width is proportional to the square root of the tonnes (default "sqrt": one river flow can be 60× the rest, and linear widths make every other leg a hairline) or, with "linear", to the tonnes, coloured by mode, and the home city's hubs with the
 * legs between them enlarged in an inset (on its own width scale). Elements: `circle.hub[data-hub]`
 * (one per hub), `path.flow[data-from][data-to][data-mode][data-tonnes]` (one per leg with
 * tonnes > 0, on the world map or, between two home hubs, in the inset as `path.flow.inset-flow`).
 * A leg naming a hub the result lacks is an error, not a gap.
 */
export function flowMapSvg(hubs: readonly HubPoint[], view: AssignmentView, flowWidth: FlowWidth = "sqrt"): string {
  if (flowWidth !== "linear" && flowWidth !== "sqrt") throw new Error(`flowMapSvg flowWidth: expected "linear" or "sqrt", got ${JSON.stringify(flowWidth)}`);
  if (hubs.length === 0) return svgRoot("flowmap", W, 40, "Flow map", text({ x: 10, y: 24 }, "No hubs to draw."));
  const byId = new Map(hubs.map((h) => [h.id, h]));
  const legs = legsToDraw(view, byId);
  const throughput = new Map(view.hubs.map((h) => [h.hub, h.throughputT]));
  const through = (id: string): number => throughput.get(id) ?? 0;
  const home = hubs.filter((h) => h.home);
  const inset = home.length >= 2;
  const homeIds = new Set(home.map((h) => h.id));
  const local = (l: LegFlow): boolean => inset && homeIds.has(l.from) && homeIds.has(l.to);
  const world = legs.filter((l) => !local(l));
  const { proj, height: H } = worldProjection(hubs, home);
  const r = scaleSqrt().domain([0, Math.max(1, ...hubs.map((h) => through(h.id)))]).range([2, 9]);
  const p: Panel = { proj, at: (h) => proj([h.lon, h.lat]) ?? [0, 0], radius: (h) => r(through(h.id)), through };
  const insetBox: Box = { x0: W - INSET_W - 8, y0: H - INSET_H - 12, x1: W - 8, y1: H - 12 };
  // Labels may run into the side panel, but not over its legend or inset.
  const mapBox: Box = { x0: 0, y0: 0, x1: W, y1: H };
  const taken: Box[] = [{ x0: MAP_X1 + 20, y0: 0, x1: W, y1: 70 }, ...(inset ? [insetBox] : [])];
  // The home city's label first, then the busiest hubs.
  const homeLabels = inset ? placeLabels([{ ...home[0]!, id: `${home[0]!.city}`, name: `${home[0]!.city} (${home.length} hubs)`, nameZh: null }], { ...p, at: () => p.at(home[0]!) }, taken, mapBox, (h) => [h.name, null]) : [];
  proj.clipExtent([[0, 0], [MAP_X1 + 20, H]]);
  const modes = [...new Set(legs.map((l) => l.mode))].sort();
  const widest = Math.max(0, ...world.map((l) => l.tonnes));
  return svgRoot(
    "flowmap",
    W,
    H,
    `Tonnes between hubs (${view.choice})`,
    el("rect", { x: 0, y: 0, width: W, height: H, fill: "#ffffff" }),
    el("rect", { x: 0, y: 0, width: MAP_X1 + 20, height: H, fill: "#f6f8fa" }),
    el("path", { class: "land", d: landPath(proj), fill: "#e3e7eb", stroke: "#c3c9d0", "stroke-width": 0.5 }),
    el("path", { class: "graticule", d: geoPath(proj).digits(1)(geoGraticule10()) ?? "", fill: "none", stroke: "#e6e9ed", "stroke-width": 0.7 }),
    ...flowPaths(world, byId, proj, widthScale(world, flowWidth), "flow"),
    ...hubDots(hubs, p, "hub"),
    ...homeLabels,
    ...placeLabels(inset ? hubs.filter((h) => !h.home) : hubs, p, taken, mapBox, (h) => [h.name, h.nameZh]),
    inset ? homeInset(home, legs.filter(local), insetBox, p, flowWidth) : "",
    legend(modes.map((m) => ({ label: m, colour: MODE_COLOUR[m] ?? "#888" })), MAP_X1 + 30, 20, W - 8),
    text({ x: MAP_X1 + 30, y: 62, class: "axis" }, `width ∝ ${flowWidth === "sqrt" ? "√tonnes" : "tonnes"}; widest ${fmtTonnes(widest)}`),
  );
}
