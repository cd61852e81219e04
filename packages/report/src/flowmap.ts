import { geoGraticule10, geoMercator, geoPath, type GeoProjection } from "d3-geo";
import { scaleLinear, scaleSqrt } from "d3-scale";
import type { AssignmentView, HubPoint, LegFlow } from "@fourports/planner";
import { escapeHtml } from "./escape.js";
import { fmtNumber, fmtTonnes } from "./format.js";
import { landPath } from "./basemap.js";
import { legend } from "./charts.js";
import { el, MODE_COLOUR, svgRoot, tip } from "./svg.js";

const W = 920;
const H = 540;
const MAX_STROKE = 14;
/** The map's own area; the inset of the home city sits to its right, so it never covers a hub. */
const MAP = { x0: 20, y0: 40, x1: W - 280, y1: H - 20 };
const INSET = { x: W - 262, y: H - 232, w: 254, h: 200 };

/** A label box placed on the map, to keep later labels off it. */
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
/** Rough text width: CJK characters are about twice as wide as Latin ones at 11 px. */
const textWidth = (s: string): number => [...s].reduce((w, c) => w + (/[\u2E80-\u9FFF\uF900-\uFAFF]/.test(c) ? 11 : 6.2), 0);

function hubLabel(h: HubPoint, x: number, y: number, anchor: "start" | "end"): string {
  const zh = h.nameZh ? el("tspan", { class: "zh" }, ` ${escapeHtml(h.nameZh)}`) : "";
  return el("text", { class: "hub-label", "data-hub": h.id, x: anchor === "start" ? x + 5 : x - 5, y: y + 4, "text-anchor": anchor }, escapeHtml(h.name), zh);
}

/**
 * Labels the hubs busiest first, each to the right of its dot or else to the left, skipping a
 * label that would cover one already placed (its dot keeps a tooltip with the name).
 */
function placeLabels(hubs: readonly HubPoint[], at: (h: HubPoint) => [number, number], weight: (h: HubPoint) => number, taken: Box[]): string[] {
  const order = [...hubs].sort((a, b) => weight(b) - weight(a) || (a.id < b.id ? -1 : 1));
  const out: string[] = [];
  for (const h of order) {
    const [x, y] = at(h);
    const w = textWidth(h.nameZh ? `${h.name} ${h.nameZh}` : h.name) + 6;
    const right: Box = { x0: x + 4, y0: y - 8, x1: x + 4 + w, y1: y + 6 };
    const left: Box = { x0: x - 4 - w, y0: y - 8, x1: x - 4, y1: y + 6 };
    const fits = (b: Box): boolean => b.x0 >= 0 && b.x1 <= W && !taken.some((t) => overlaps(t, b));
    const box = fits(right) ? right : fits(left) ? left : null;
    if (!box) continue;
    taken.push(box);
    out.push(hubLabel(h, x, y, box === right ? "start" : "end"));
  }
  return out;
}

/** One label for the home city where its hubs sit on one spot of the world map (the inset names them). */
function homeLabel(home: readonly HubPoint[], at: (h: HubPoint) => [number, number], taken: Box[]): string {
  const pts = home.map(at);
  const x = Math.min(...pts.map((p) => p[0]));
  const y = Math.max(...pts.map((p) => p[1])) + 16;
  const label = `${home[0]!.city} (${home.length} hubs)`;
  taken.push({ x0: x - textWidth(label) / 2, y0: y - 11, x1: x + textWidth(label) / 2, y1: y + 3 });
  return el("text", { class: "hub-label home-label", x, y, "text-anchor": "middle", "font-weight": 600 }, escapeHtml(label));
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

function hubDots(hubs: readonly HubPoint[], at: (h: HubPoint) => [number, number], radius: (h: HubPoint) => number, cls: string, through: (id: string) => number): string[] {
  return hubs.map((h) => {
    const [x, y] = at(h);
    return el("circle", { class: cls, "data-hub": h.id, cx: x, cy: y, r: radius(h), fill: h.home ? "#b42318" : "#1f2328", "fill-opacity": 0.85, stroke: "#fff", "stroke-width": 0.8 }, tip(`${h.name}${h.nameZh ? ` ${h.nameZh}` : ""} (${h.kind}, ${h.city}, ${h.country}): ${fmtNumber(through(h.id))} t`));
  });
}

/** The home city's hubs enlarged in a corner, where the world map draws them on one spot. */
function homeInset(home: readonly HubPoint[], legs: readonly LegFlow[], width: (t: number) => number, radius: (h: HubPoint) => number, through: (id: string) => number): string {
  const proj = geoMercator().fitExtent([[INSET.x + 50, INSET.y + 44], [INSET.x + INSET.w - 50, INSET.y + INSET.h - 20]], { type: "MultiPoint", coordinates: home.map((h) => [h.lon, h.lat]) });
  const byId = new Map(home.map((h) => [h.id, h]));
  const at = (h: HubPoint): [number, number] => proj([h.lon, h.lat]) ?? [0, 0];
  const inner = legs.filter((l) => byId.has(l.from) && byId.has(l.to));
  const labels: string[] = home.map((h) => {
    const [x, y] = at(h);
    return el("text", { class: "hub-label inset-label", "data-hub": h.id, x, y: y - 6, "text-anchor": "middle" }, escapeHtml(h.nameZh ?? h.name));
  });
  return el(
    "g",
    { class: "home-inset" },
    el("rect", { x: INSET.x, y: INSET.y, width: INSET.w, height: INSET.h, fill: "#ffffff", "fill-opacity": 0.92, stroke: "#8c959f" }),
    el("text", { x: INSET.x + 6, y: INSET.y + 14, class: "axis" }, escapeHtml(`${home[0]!.city}: ${home.length} hubs`)),
    ...flowPaths(inner, byId, proj, width, "flow-inset"),
    ...hubDots(home, at, radius, "hub-inset", through),
    ...labels,
  );
}

/**
 * The flow map: every hub as a dot on a Mercator projection of its lon/lat (radius ∝ √throughput),
 * centred on the home city, the tonnes the view carried between two hubs as a great-circle arc
 * whose width is proportional to the tonnes, coloured by mode, and the home city's hubs enlarged
 * in an inset. Elements: `circle.hub[data-hub]` (one per hub),
 * `path.flow[data-from][data-to][data-mode][data-tonnes]`
 * (one per leg with tonnes > 0). A leg naming a hub the result lacks is an error, not a gap.
 */
export function flowMapSvg(hubs: readonly HubPoint[], view: AssignmentView): string {
  if (hubs.length === 0) return svgRoot("flowmap", W, 40, "Flow map", el("text", { x: 10, y: 24 }, "No hubs to draw."));
  const byId = new Map(hubs.map((h) => [h.id, h]));
  const legs = legsToDraw(view, byId);
  const throughput = new Map(view.hubs.map((h) => [h.hub, h.throughputT]));
  const through = (id: string): number => throughput.get(id) ?? 0;
  const home = hubs.filter((h) => h.home);
  // Centred on the home city: Europe to its left, the Americas to its right, the Pacific between.
  const centre = home.length ? home : hubs;
  const lon0 = centre.reduce((s, h) => s + h.lon, 0) / centre.length;
  const proj: GeoProjection = geoMercator().rotate([-lon0, 0]).fitExtent([[MAP.x0, MAP.y0], [MAP.x1, MAP.y1]], { type: "MultiPoint", coordinates: hubs.map((h) => [h.lon, h.lat]) });
  const at = (h: HubPoint): [number, number] => proj([h.lon, h.lat]) ?? [0, 0];
  const maxT = Math.max(1, ...legs.map((l) => l.tonnes));
  const width = scaleLinear().domain([0, maxT]).range([0, MAX_STROKE]);
  const r = scaleSqrt().domain([0, Math.max(1, ...hubs.map((h) => through(h.id)))]).range([2, 9]);
  const radius = (h: HubPoint): number => r(through(h.id));
  const inset = home.length >= 2;
  // The legend's corner is taken from the start.
  const taken: Box[] = [{ x0: W - 300, y0: 0, x1: W, y1: 40 }, ...(inset ? [{ x0: INSET.x, y0: INSET.y, x1: INSET.x + INSET.w, y1: INSET.y + INSET.h }] : [])];
  proj.clipExtent([[0, 0], [MAP.x1 + 20, H]]);
  const landD = landPath(proj);
  const graticule = el("path", { class: "graticule", d: geoPath(proj)(geoGraticule10()) ?? "", fill: "none", stroke: "#e6e9ed", "stroke-width": 0.7 });
  const modes = [...new Set(legs.map((l) => l.mode))].sort();
  return svgRoot(
    "flowmap",
    W,
    H,
    `Tonnes between hubs (${view.choice})`,
    el("rect", { x: 0, y: 0, width: W, height: H, fill: "#f6f8fa" }),
    // The side panel (legend, inset) on white, apart from the map.
    el("rect", { x: MAP.x1 + 20, y: 0, width: W - MAP.x1 - 20, height: H, fill: "#ffffff" }),
    el("path", { class: "land", d: landD, fill: "#e3e7eb", stroke: "#c3c9d0", "stroke-width": 0.5 }),
    graticule,
    ...flowPaths(legs, byId, proj, width, "flow"),
    ...hubDots(hubs, at, radius, "hub", through),
    ...(inset ? [homeLabel(home, at, taken)] : []),
    ...placeLabels(inset ? hubs.filter((h) => !h.home) : hubs, at, (h) => through(h.id), taken),
    inset ? homeInset(home, legs, width, radius, through) : "",
    legend(modes.map((m) => ({ label: m, colour: MODE_COLOUR[m] ?? "#888" })), W - 60 * Math.max(1, modes.length) - 10, 16),
    el("text", { x: W - 10, y: 34, "text-anchor": "end", class: "axis" }, escapeHtml(`widest line ${fmtTonnes(maxT)}`)),
  );
}
