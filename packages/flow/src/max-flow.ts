import { FlowInputError, type SolveOptions } from "./min-cost-flow.js";
import { MAX_DECIMALS, scaleToIntegers } from "./scale.js";

/** An arc of a maximum-flow problem between two nodes, by index. */
export interface CapacityArc {
  /** Tail node index, 0..nodeCount-1. */
  from: number;
  /** Head node index, 0..nodeCount-1. */
  to: number;
  /** Infinity for none. */
  capacity: number;
}

/** A maximum flow and a minimum cut that proves it. */
export interface MaxFlowResult {
  /** The maximum flow value; Infinity when a path of uncapacitated arcs joins source and sink. */
  value: number;
  /** Flow per arc, in input order. */
  flow: Float64Array;
  /** 1 for nodes on the source side of a minimum cut (reachable in the final residual graph). */
  sourceSide: Uint8Array;
  /** Arcs crossing the minimum cut from the source side; their capacities sum to `value`. */
  cutArcs: number[];
}

/**
 * Maximum flow and a minimum cut by Dinic's blocking-flow algorithm, on capacities scaled to
 * integers exactly as minCostFlow does (so fractional tonnes are exact, never rounded).
 */
export function maxFlow(nodeCount: number, arcs: CapacityArc[], source: number, sink: number, options: SolveOptions = {}): MaxFlowResult {
  const n = nodeCount;
  if (!Number.isInteger(n) || n < 1) throw new FlowInputError(`nodeCount: expected a whole number >= 1, got ${n}`);
  for (const [name, v] of [["source", source], ["sink", sink]] as const) {
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new FlowInputError(`${name}: expected a node index 0..${n - 1}, got ${v}`);
  }
  if (source === sink) throw new FlowInputError("source and sink must differ");
  const m = arcs.length;
  arcs.forEach((a, i) => {
    for (const key of ["from", "to"] as const) {
      if (!Number.isInteger(a[key]) || a[key] < 0 || a[key] >= n) throw new FlowInputError(`arcs[${i}].${key}: expected a node index 0..${n - 1}, got ${a[key]}`);
    }
    if (!(a.capacity >= 0)) throw new FlowInputError(`arcs[${i}].capacity: expected a number >= 0 or Infinity, got ${a.capacity}`);
  });
  const scaled = scaleToIntegers(arcs.map((a) => a.capacity));
  if ("bad" in scaled) throw new FlowInputError(`arcs[${scaled.bad}].capacity: more than ${MAX_DECIMALS} decimal places`);
  // Residual arcs in pairs: 2e forward, 2e+1 backward.
  const to = new Int32Array(2 * m);
  const res = new Float64Array(2 * m);
  const head = new Int32Array(n).fill(-1);
  const next = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = arcs[e]!;
    to[2 * e] = a.to;
    res[2 * e] = scaled.values[e]!;
    next[2 * e] = head[a.from]!;
    head[a.from] = 2 * e;
    to[2 * e + 1] = a.from;
    res[2 * e + 1] = 0;
    next[2 * e + 1] = head[a.to]!;
    head[a.to] = 2 * e + 1;
  }
  const level = new Int32Array(n);
  const iter = new Int32Array(n);
  const queue = new Int32Array(n);
  const bfs = (): boolean => {
    level.fill(-1);
    level[source] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = source;
    while (qh < qt) {
      const u = queue[qh++]!;
      for (let e = head[u]!; e >= 0; e = next[e]!) {
        if (res[e]! > 0 && level[to[e]!]! < 0) {
          level[to[e]!] = level[u]! + 1;
          queue[qt++] = to[e]!;
        }
      }
    }
    return level[sink]! >= 0;
  };
  // Iterative DFS for a blocking flow, so deep graphs do not overflow the stack.
  const pathArcs = new Int32Array(n);
  let value = 0;
  let unbounded = false;
  while (!unbounded && bfs()) {
    options.signal?.throwIfAborted();
    for (let u = 0; u < n; u++) iter[u] = head[u]!;
    for (;;) {
      let depth = 0;
      let u = source;
      let found = false;
      while (true) {
        if (u === sink) {
          found = true;
          break;
        }
        let e = iter[u]!;
        while (e >= 0 && !(res[e]! > 0 && level[to[e]!] === level[u]! + 1)) e = next[e]!;
        iter[u] = e;
        if (e < 0) {
          if (depth === 0) break;
          level[u] = -1; // dead end
          depth--;
          u = depth === 0 ? source : to[pathArcs[depth - 1]!]!;
          continue;
        }
        pathArcs[depth++] = e;
        u = to[e]!;
      }
      if (!found) break;
      let push = Infinity;
      for (let i = 0; i < depth; i++) push = Math.min(push, res[pathArcs[i]!]!);
      if (push === Infinity) {
        unbounded = true;
        break;
      }
      for (let i = 0; i < depth; i++) {
        res[pathArcs[i]!]! -= push;
        res[pathArcs[i]! ^ 1]! += push;
      }
      value += push;
    }
  }
  const flow = new Float64Array(m);
  for (let e = 0; e < m; e++) flow[e] = res[2 * e + 1]! / scaled.factor;
  // The source side of a minimum cut: what the source still reaches in the residual graph.
  bfs();
  const sourceSide = Uint8Array.from(level, (l) => (l >= 0 ? 1 : 0));
  const cutArcs: number[] = [];
  arcs.forEach((a, e) => {
    if (sourceSide[a.from] && !sourceSide[a.to]) cutArcs.push(e);
  });
  return { value: unbounded ? Infinity : value / scaled.factor, flow, sourceSide, cutArcs };
}
