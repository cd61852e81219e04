import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SHARED_DIR } from "./util.js";

/** The real road graphs in ../shared/data/roads (read in place, never copied into the repo). */
export const ROADS_DIR: string = join(SHARED_DIR, "data/roads/");

export interface RoadGraph {
  name: string;
  nodeCount: number;
  x: Float64Array;
  y: Float64Array;
  /** Directed arcs: each undirected segment both ways, weight = Euclidean length. */
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
  segments: number;
}

const ints = (path: string): Int32Array => {
  const b = readFileSync(path);
  return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
};

export function roadGraphPaths(name: string): { co: string; gr: string } | null {
  const co = `${ROADS_DIR}${name}-roads.co.bin`;
  const gr = `${ROADS_DIR}${name}-roads.gr.bin`;
  return existsSync(co) && existsSync(gr) ? { co, gr } : null;
}

export function readRoadGraph(name: string): RoadGraph | null {
  const p = roadGraphPaths(name);
  if (!p) return null;
  const co = ints(p.co);
  const gr = ints(p.gr);
  const n = co.length / 2;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = co[2 * i]!;
    y[i] = co[2 * i + 1]!;
  }
  const m = gr.length / 2;
  const from = new Int32Array(2 * m);
  const to = new Int32Array(2 * m);
  const weight = new Float64Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = gr[2 * e]! - 1;
    const b = gr[2 * e + 1]! - 1;
    const w = Math.hypot(x[a]! - x[b]!, y[a]! - y[b]!);
    from[2 * e] = a;
    to[2 * e] = b;
    weight[2 * e] = w;
    from[2 * e + 1] = b;
    to[2 * e + 1] = a;
    weight[2 * e + 1] = w;
  }
  return { name, nodeCount: n, x, y, from, to, weight, segments: m };
}
