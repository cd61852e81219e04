import type { Issue } from "@fourports/network";
import { csrFromArrays, DataError, parseDimacs, type CsrGraph } from "@fourports/routing";

const R_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in km. */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * R_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * A road graph from DIMACS `.gr` (arc lengths in metres) and `.co` (lon and lat times
 * `coordScale`, as the 9th DIMACS challenge's files store them), read by the routing core's
 * reader. The result's weights are km and its x/y are lon/lat.
 */
export function readDimacsRoads(gr: { text: string; file: string }, co: { text: string; file: string }, coordScale: number): CsrGraph {
  const g = parseDimacs(gr.text, gr.file, co);
  const weights = new Float64Array(g.weights.length);
  for (let i = 0; i < weights.length; i++) weights[i] = g.weights[i]! / 1000;
  const x = new Float64Array(g.nodeCount);
  const y = new Float64Array(g.nodeCount);
  for (let i = 0; i < g.nodeCount; i++) {
    x[i] = g.x![i]! / coordScale;
    y[i] = g.y![i]! / coordScale;
  }
  return { ...g, weights, x, y };
}

/**
 * A road graph from GeoJSON LineStrings (and MultiLineStrings) in lon/lat: each vertex is a
 * node (vertices equal to 1e-6° are one node, so lines that share a vertex connect), each
 * segment an edge both ways with its great-circle length in km.
 */
export function readGeoJsonRoads(text: string, file: string): CsrGraph {
  const issues: Issue[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new DataError([{ file, path: "$", message: `not JSON: ${(e as Error).message}` }]);
  }
  const features = (doc as { type?: unknown; features?: unknown }).features;
  if ((doc as { type?: unknown }).type !== "FeatureCollection" || !Array.isArray(features)) {
    throw new DataError([{ file, path: "$", message: 'expected a GeoJSON FeatureCollection with "features"' }]);
  }
  const nodeOf = new Map<string, number>();
  const x: number[] = [];
  const y: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const w: number[] = [];
  const node = (c: unknown, path: string): number => {
    if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== "number" || typeof c[1] !== "number" || Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) {
      issues.push({ file, path, message: "expected a position [lon, lat] in degrees" });
      return -1;
    }
    const key = `${Math.round(c[0] * 1e6)},${Math.round(c[1] * 1e6)}`;
    let k = nodeOf.get(key);
    if (k === undefined) {
      k = x.length;
      nodeOf.set(key, k);
      x.push(c[0]);
      y.push(c[1]);
    }
    return k;
  };
  const addLine = (coords: unknown, path: string): void => {
    if (!Array.isArray(coords) || coords.length < 2) {
      issues.push({ file, path, message: "expected a LineString of at least 2 positions" });
      return;
    }
    let prev = node(coords[0], `${path}[0]`);
    for (let i = 1; i < coords.length; i++) {
      const cur = node(coords[i], `${path}[${i}]`);
      if (prev >= 0 && cur >= 0 && prev !== cur) {
        const km = haversineKm(x[prev]!, y[prev]!, x[cur]!, y[cur]!);
        from.push(prev, cur);
        to.push(cur, prev);
        w.push(km, km);
      }
      prev = cur;
    }
  };
  features.forEach((f: unknown, i: number) => {
    const g = (f as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    const path = `$.features[${i}].geometry`;
    if (g?.type === "LineString") addLine(g.coordinates, `${path}.coordinates`);
    else if (g?.type === "MultiLineString" && Array.isArray(g.coordinates)) g.coordinates.forEach((l: unknown, j: number) => addLine(l, `${path}.coordinates[${j}]`));
    else issues.push({ file, path: `${path}.type`, message: `expected LineString or MultiLineString, got ${JSON.stringify(g?.type)}` });
  });
  if (x.length === 0 && issues.length === 0) issues.push({ file, path: "$.features", message: "no road segments" });
  if (issues.length > 0) throw new DataError(issues);
  return csrFromArrays({ nodeCount: x.length, from, to, weight: w, x, y });
}

/** The road node nearest to (lon, lat) and its distance in km; -1 for an empty graph. */
export function nearestRoadNode(g: CsrGraph, lon: number, lat: number): {
  /** Index of the nearest node (-1 for an empty graph). */
  node: number;
  /** Great-circle distance to it, km (Infinity for an empty graph). */
  distanceKm: number;
} {
  let best = -1;
  let bestKm = Infinity;
  for (let i = 0; i < g.nodeCount; i++) {
    const d = haversineKm(lon, lat, g.x![i]!, g.y![i]!);
    if (d < bestKm) {
      bestKm = d;
      best = i;
    }
  }
  return { node: best, distanceKm: bestKm };
}
