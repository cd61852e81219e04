import { checkNumberOption, FourportsInputError } from "@fourports/network";
import type { Attributes } from "graphology-types";

/**
 * A directed graph in compressed sparse row form: the out-edges of node u are
 * targets[offsets[u] .. offsets[u+1]) with their weights. Plain typed arrays, so it can be
 * transferred to a worker as is.
 */
export interface CsrGraph {
  /** Number of nodes. */
  nodeCount: number;
  /** Out-edges of node u are the CSR slots offsets[u] to offsets[u+1] (exclusive); length nodeCount + 1. */
  offsets: Int32Array;
  /** Head node of each CSR slot. */
  targets: Int32Array;
  /** Weight of each CSR slot (non-negative). */
  weights: Float64Array;
  /** The original edge index (input order) of each CSR slot, to map results back. */
  edgeIds: Int32Array;
  /** Node index → id; absent when built from plain arrays without ids. */
  ids?: string[];
  /** x/lon and y/lat of each node, for A*. */
  x?: Float64Array;
  /** y/lat of each node, for A*; present exactly when x is. */
  y?: Float64Array;
}

/** A graph as parallel edge arrays, for {@link csrFromArrays}. */
export interface CsrInput {
  /** Number of nodes; edges refer to nodes 0..nodeCount-1. */
  nodeCount: number;
  /** Tail node of each edge. */
  from: ArrayLike<number>;
  /** Head node of each edge. */
  to: ArrayLike<number>;
  /** Weight of each edge (non-negative, finite). */
  weight: ArrayLike<number>;
  /** Node index → id. */
  ids?: string[];
  /** x/lon of each node, for A*. */
  x?: ArrayLike<number>;
  /** y/lat of each node, for A*. */
  y?: ArrayLike<number>;
}

/** Builds a CSR graph from parallel edge arrays (counting sort by source, stable). */
export function csrFromArrays(input: CsrInput): CsrGraph {
  const { nodeCount, from, to, weight } = input;
  checkNumberOption("csrFromArrays: nodeCount", nodeCount, { integer: true, required: true, min: 0, max: 2 ** 31 - 2 });
  const m = from.length;
  if (to.length !== m || weight.length !== m) throw new FourportsInputError("invalid-option", "csrFromArrays: from, to and weight must have the same length");
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < m; e++) {
    const u = from[e]!;
    const v = to[e]!;
    if (!(u >= 0 && u < nodeCount) || !(v >= 0 && v < nodeCount)) {
      throw new FourportsInputError("invalid-option", `csrFromArrays: edge ${e}: node index out of range 0..${nodeCount - 1} (${u} → ${v})`);
    }
    const w = weight[e]!;
    if (!(w >= 0) || !Number.isFinite(w)) throw new FourportsInputError("invalid-option", `csrFromArrays: edge ${e}: weight must be finite and >= 0, got ${w}`);
    offsets[u + 1]!++;
  }
  for (let u = 0; u < nodeCount; u++) offsets[u + 1]! += offsets[u]!;
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(m);
  const weights = new Float64Array(m);
  const edgeIds = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const slot = fill[from[e]!]!++;
    targets[slot] = to[e]!;
    weights[slot] = weight[e]!;
    edgeIds[slot] = e;
  }
  const g: CsrGraph = { nodeCount, offsets, targets, weights, edgeIds };
  if (input.ids) g.ids = input.ids;
  if (input.x && input.y) {
    g.x = Float64Array.from(input.x);
    g.y = Float64Array.from(input.y);
  }
  return g;
}

/** The same graph with every edge reversed (for backward searches). */
export function reverseCsr(g: CsrGraph): CsrGraph {
  const m = g.targets.length;
  const from = new Int32Array(m);
  for (let u = 0; u < g.nodeCount; u++) from.fill(u, g.offsets[u]!, g.offsets[u + 1]!);
  const r = csrFromArrays({ nodeCount: g.nodeCount, from: g.targets, to: from, weight: g.weights });
  // Keep the original edge ids through the reversal.
  for (let i = 0; i < m; i++) r.edgeIds[i] = g.edgeIds[r.edgeIds[i]!]!;
  if (g.ids) r.ids = g.ids;
  if (g.x && g.y) {
    r.x = g.x;
    r.y = g.y;
  }
  return r;
}

/** Minimal view of a graphology graph, so any graphology graph type fits. */
export interface GraphologyLike<N extends Attributes = Attributes, E extends Attributes = Attributes> {
  /** Number of nodes. */
  order: number;
  /** Calls cb for every node with its attributes. */
  forEachNode(cb: (node: string, attributes: N) => void): void;
  /** Calls cb for every edge with its attributes and endpoints. */
  forEachEdge(cb: (edge: string, attributes: E, source: string, target: string, sa: N, ta: N, undirected: boolean) => void): void;
}

/** How {@link csrFromGraphology} reads weights and coordinates. */
export interface FromGraphologyOptions<N extends Attributes, E extends Attributes> {
  /** An edge attribute name, or a function of the edge; edges weighing NaN or Infinity are left out. */
  weight: string | ((attributes: E, edge: string) => number);
  /** Node coordinates for A*, e.g. (a) => [a.lon, a.lat]. */
  coordinates?: (attributes: N) => [number, number];
}

/**
 * Builds a CSR graph from a graphology graph; undirected edges become two arcs. The returned
 * `edgeKeys` maps an edge index back to the graphology edge key.
 */
export function csrFromGraphology<N extends Attributes, E extends Attributes>(
  graph: GraphologyLike<N, E>,
  options: FromGraphologyOptions<N, E>,
): CsrGraph & {
  /** Edge index → the graphology edge key (an undirected edge's two arcs share it). */
  edgeKeys: string[];
} {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  graph.forEachNode((node, a) => {
    index.set(node, ids.length);
    ids.push(node);
    if (options.coordinates) {
      const [x, y] = options.coordinates(a);
      xs.push(x);
      ys.push(y);
    }
  });
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  const edgeKeys: string[] = [];
  const w = options.weight;
  graph.forEachEdge((edge, a, s, t, _sa, _ta, undirected) => {
    const value = typeof w === "string" ? Number(a[w]) : w(a, edge);
    if (!Number.isFinite(value)) return;
    from.push(index.get(s)!);
    to.push(index.get(t)!);
    weight.push(value);
    edgeKeys.push(edge);
    if (undirected) {
      from.push(index.get(t)!);
      to.push(index.get(s)!);
      weight.push(value);
      edgeKeys.push(edge);
    }
  });
  const g = csrFromArrays({ nodeCount: ids.length, from, to, weight, ids, ...(options.coordinates ? { x: xs, y: ys } : {}) });
  return { ...g, edgeKeys };
}
