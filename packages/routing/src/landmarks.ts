import { checkNumberOption } from "@fourports/network";
import type { CsrGraph } from "./csr.js";
import { ShortestPathSearch } from "./dijkstra.js";

/**
 * ALT landmarks (Goldberg & Harrelson): exact distances from and to a few far-apart nodes, whose
 * triangle inequalities give A* a lower bound far tighter than geometry on road networks.
 */
export interface Landmarks {
  /** The landmark nodes, by index; their number is the `count` in the `from` and `to` layouts. */
  nodes: Int32Array;
  /** `[v × count + l]`: distance from landmark l to v (Infinity when unreachable). Node-major, so one node's bounds share a cache line. */
  from: Float64Array;
  /** `[v × count + l]`: distance from v to landmark l. */
  to: Float64Array;
}

/** a − b where both are finite, else 0 (no bound). */
const diff = (a: number, b: number): number => (a === Infinity || b === Infinity ? 0 : a - b);

/**
 * Chooses `count` landmarks by farthest-point selection from node `start` and stores exact
 * distances from and to each. Costs 2 × count single-source searches.
 */
export function buildLandmarks(graph: CsrGraph, reverse: CsrGraph, count: number, start = 0): Landmarks {
  const n = graph.nodeCount;
  // count × n distances are allocated twice: bound count before that.
  checkNumberOption("buildLandmarks: count", count, { integer: true, required: true, min: 1, max: Math.min(64, n) });
  checkNumberOption("buildLandmarks: start", start, { integer: true, required: true, min: 0, max: n - 1 });
  const fwd = new ShortestPathSearch(graph);
  const bwd = new ShortestPathSearch(reverse);
  const nodes = new Int32Array(count);
  const from = new Float64Array(count * n);
  const to = new Float64Array(count * n);
  const nearest = new Float64Array(n).fill(Infinity);
  let next = start;
  // The first landmark is the node farthest from `start`.
  {
    const d = fwd.singleSource(start).dist;
    let far = -1;
    for (let v = 0; v < n; v++) if (d[v]! < Infinity && d[v]! > far) (far = d[v]!), (next = v);
  }
  for (let l = 0; l < count; l++) {
    nodes[l] = next;
    const df = fwd.singleSource(next).dist;
    for (let v = 0; v < n; v++) from[v * count + l] = df[v]!;
    const db = bwd.singleSource(next).dist;
    for (let v = 0; v < n; v++) to[v * count + l] = db[v]!;
    let far = -1;
    for (let v = 0; v < n; v++) {
      const d = from[v * count + l]!;
      if (d < nearest[v]!) nearest[v] = d;
      if (nearest[v]! < Infinity && nearest[v]! > far) {
        far = nearest[v]!;
        next = v;
      }
    }
  }
  return { nodes, from, to };
}

/** The `active` landmarks whose triangle bounds on the source–target distance are largest. */
export function pickLandmarks(landmarks: Landmarks, source: number, target: number, active: number): Int32Array {
  const k = landmarks.nodes.length;
  const { from, to } = landmarks;
  const score: { l: number; b: number }[] = [];
  for (let l = 0; l < k; l++) {
    score.push({ l, b: Math.max(diff(to[source * k + l]!, to[target * k + l]!), diff(from[target * k + l]!, from[source * k + l]!)) });
  }
  score.sort((a, b) => b.b - a.b || a.l - b.l);
  return Int32Array.from(score.slice(0, Math.min(active, k)), (x) => x.l);
}

