import { checkNumberOption, FourportsInputError } from "@fourports/network";
import type { CsrGraph } from "./csr.js";
import { IndexedHeap } from "./heap.js";
import { pickLandmarks, type Landmarks } from "./landmarks.js";

/** A path as node indices and the original edge ids between them; unreachable: Infinity and []. */
export interface PathResult {
  /** Sum of the weights along the path; Infinity when the target is unreachable. */
  distance: number;
  /** Node indices from source to target. */
  nodes: number[];
  /** Original edge ids (input order) between consecutive nodes. */
  edges: number[];
}

/** A lower bound on the remaining distance, for A*. */
export interface AStarBound {
  /** "euclid" for planar x/y, "haversine" for lon/lat in degrees (km). */
  metric: "euclid" | "haversine";
  /** Weight per unit of distance the bound may assume at most (1 when weights are lengths). */
  scale?: number;
}

/** Parts of the graph a search must avoid (Yen's algorithm bans spur paths this way). */
export interface SearchMasks {
  /** Nodes (1) the search may not enter. */
  bannedNodes?: Uint8Array;
  /** CSR slots (1) the search may not use. */
  bannedSlots?: Uint8Array;
}

const R_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Plain Dijkstra over the whole graph; returns the number of nodes settled. */
function fullDijkstra(g: CsrGraph, dist: Float64Array, pred: Int32Array, heap: IndexedHeap, source: number): number {
  const { offsets, targets, weights } = g;
  dist.fill(Infinity);
  pred.fill(-1);
  heap.clear();
  dist[source] = 0;
  heap.push(source, 0);
  let settled = 0;
  while (heap.size > 0) {
    const u = heap.pop();
    settled++;
    const du = dist[u]!;
    for (let i = offsets[u]!, end = offsets[u + 1]!; i < end; i++) {
      const v = targets[i]!;
      const nd = du + weights[i]!;
      if (nd < dist[v]!) {
        dist[v] = nd;
        pred[v] = u;
        heap.push(v, nd);
      }
    }
  }
  return settled;
}

/** One side of a search: distances, predecessors and a heap, reset in O(touched) by stamping. */
class Side {
  readonly dist: Float64Array;
  readonly predNode: Int32Array;
  readonly predSlot: Int32Array;
  readonly stamp: Uint32Array;
  readonly settled: Uint32Array;
  readonly heap: IndexedHeap;
  gen = 0;
  constructor(n: number) {
    this.dist = new Float64Array(n);
    this.predNode = new Int32Array(n);
    this.predSlot = new Int32Array(n);
    this.stamp = new Uint32Array(n);
    this.settled = new Uint32Array(n);
    this.heap = new IndexedHeap(n);
  }
  start(source: number): void {
    this.heap.clear();
    if (++this.gen === 0xffffffff) {
      this.stamp.fill(0);
      this.settled.fill(0);
      this.gen = 1;
    }
    this.reach(source, 0, -1, -1);
    this.heap.push(source, 0);
  }
  known(v: number): boolean {
    return this.stamp[v] === this.gen;
  }
  d(v: number): number {
    return this.stamp[v] === this.gen ? this.dist[v]! : Infinity;
  }
  reach(v: number, d: number, from: number, slot: number): void {
    this.stamp[v] = this.gen;
    this.dist[v] = d;
    this.predNode[v] = from;
    this.predSlot[v] = slot;
  }
}

/**
 * Shortest paths on one CSR graph. The instance owns its work arrays, so repeated queries
 * allocate nothing but the returned paths; it is not safe for concurrent use (one per worker).
 */
export class ShortestPathSearch {
  private readonly fwd: Side;
  private bwd: Side | undefined;
  private hval: Float64Array | undefined;
  private hstamp: Uint32Array | undefined;
  private hgen = 0;
  /** Nodes settled by the last query (both directions for bidirectional): the work done. */
  settledCount = 0;

  /**
   * @param graph The graph to search.
   * @param reverse The graph's transpose (`reverseCsr(graph)`), which the bidirectional searches need.
   */
  constructor(
    readonly graph: CsrGraph,
    private readonly reverse: CsrGraph | undefined = undefined,
  ) {
    this.fwd = new Side(graph.nodeCount);
  }

  /** Node ids out of range would read past the typed arrays and answer nonsense: refuse them. */
  private checkNodes(where: string, source: number, target?: number): void {
    const max = this.graph.nodeCount - 1;
    checkNumberOption(`${where}: source`, source, { integer: true, required: true, min: 0, max });
    if (target !== undefined) checkNumberOption(`${where}: target`, target, { integer: true, required: true, min: 0, max });
  }

  /**
   * Full single-source Dijkstra. Returns the distance and predecessor-node arrays of this
   * instance (valid until the next query; copy them to keep them).
   */
  singleSource(source: number): {
    /** Distance of each node from the source (Infinity when unreachable). */
    dist: Float64Array;
    /** Predecessor node of each node on a shortest path (-1 for the source and unreachable nodes). */
    pred: Int32Array;
  } {
    this.checkNodes("ShortestPathSearch.singleSource", source);
    // A tight loop of its own: with every distance reset up front it needs no stamps.
    const s = this.fwd;
    s.gen++; // invalidates stamped state left by point-to-point queries
    this.settledCount = fullDijkstra(this.graph, s.dist, s.predNode, s.heap, source);
    const dist = s.dist;
    const pred = s.predNode;
    return { dist, pred };
  }

  /** Dijkstra from source that stops once target is settled. */
  pointToPoint(source: number, target: number, masks: SearchMasks = {}): PathResult {
    this.checkNodes("ShortestPathSearch.pointToPoint", source, target);
    this.fwd.start(source);
    if (masks.bannedNodes?.[source]) return { distance: Infinity, nodes: [], edges: [] };
    this.run(this.fwd, this.graph, target, masks, null);
    return this.extract(this.fwd, source, target);
  }

  /** A* towards target with a geographic lower bound (needs x/y on the graph). */
  aStar(source: number, target: number, bound: AStarBound): PathResult {
    this.checkNodes("ShortestPathSearch.aStar", source, target);
    const { x, y } = this.graph;
    if (!x || !y) throw new FourportsInputError("invalid-option", "aStar needs node coordinates (x, y) on the graph");
    const tx = x[target]!;
    const ty = y[target]!;
    const scale = bound.scale ?? 1;
    const cosTy = Math.cos(ty * RAD);
    const potential =
      bound.metric === "haversine"
        ? (v: number): number => {
            const a = Math.sin(((ty - y[v]!) * RAD) / 2) ** 2 + Math.cos(y[v]! * RAD) * cosTy * Math.sin(((tx - x[v]!) * RAD) / 2) ** 2;
            return scale * 2 * R_KM * Math.asin(Math.min(1, Math.sqrt(a)));
          }
        : (v: number): number => scale * Math.sqrt((tx - x[v]!) * (tx - x[v]!) + (ty - y[v]!) * (ty - y[v]!));
    this.fwd.start(source);
    this.run(this.fwd, this.graph, target, undefined, potential);
    return this.extract(this.fwd, source, target);
  }

  /**
   * A* with ALT bounds from `landmarks` (see buildLandmarks), using the `active` landmarks
   * (default 8) that bound the source–target distance best.
   */
  alt(source: number, target: number, landmarks: Landmarks, active = 8): PathResult {
    this.checkNodes("ShortestPathSearch.alt", source, target);
    const k = landmarks.nodes.length;
    const { from, to } = landmarks;
    const use = pickLandmarks(landmarks, source, target, active);
    const a = use.length;
    const offs = use;
    const tTo = Float64Array.from(use, (l) => to[target * k + l]!);
    const tFrom = Float64Array.from(use, (l) => from[target * k + l]!);
    const hval = (this.hval ??= new Float64Array(this.graph.nodeCount));
    const hstamp = (this.hstamp ??= new Uint32Array(this.graph.nodeCount));
    const hgen = ++this.hgen;
    // A node's bound is computed once per query, on first touch.
    const potential = (v: number): number => {
      if (hstamp[v] === hgen) return hval[v]!;
      let h = 0;
      const base = v * k;
      for (let j = 0; j < a; j++) {
        const o = base + offs[j]!;
        const b1 = to[o]! - tTo[j]!;
        const b2 = tFrom[j]! - from[o]!;
        if (b1 > h && b1 !== Infinity) h = b1;
        if (b2 > h && b2 !== Infinity) h = b2;
      }
      hstamp[v] = hgen;
      hval[v] = h;
      return h;
    };
    this.fwd.start(source);
    this.run(this.fwd, this.graph, target, undefined, potential);
    return this.extract(this.fwd, source, target);
  }

  /**
   * Bidirectional ALT: bidirectional Dijkstra on lengths reduced by the average of the forward
   * and backward landmark bounds, pf(v) = (π_t(v) − π_s(v)) / 2, which keeps every reduced length
   * non-negative, so the plain bidirectional stopping rule stays exact. Needs the reverse graph.
   */
  altBidirectional(source: number, target: number, landmarks: Landmarks, active = 8): PathResult {
    this.checkNodes("ShortestPathSearch.altBidirectional", source, target);
    if (!this.reverse) throw new FourportsInputError("invalid-option", "altBidirectional needs the reverse graph (pass reverseCsr(graph))");
    const k = landmarks.nodes.length;
    const { from, to } = landmarks;
    const use = pickLandmarks(landmarks, source, target, active);
    const a = use.length;
    const tTo = Float64Array.from(use, (l) => to[target * k + l]!);
    const tFrom = Float64Array.from(use, (l) => from[target * k + l]!);
    const sTo = Float64Array.from(use, (l) => to[source * k + l]!);
    const sFrom = Float64Array.from(use, (l) => from[source * k + l]!);
    const n = this.graph.nodeCount;
    const pval = (this.hval ??= new Float64Array(n));
    const pstamp = (this.hstamp ??= new Uint32Array(n));
    const pgen = ++this.hgen;
    const pf = (v: number): number => {
      if (pstamp[v] === pgen) return pval[v]!;
      let ht = 0;
      let hs = 0;
      const base = v * k;
      for (let j = 0; j < a; j++) {
        const o = base + use[j]!;
        const tv = to[o]!;
        const fv = from[o]!;
        const b1 = tv - tTo[j]!;
        const b2 = tFrom[j]! - fv;
        if (b1 > ht && b1 !== Infinity) ht = b1;
        if (b2 > ht && b2 !== Infinity) ht = b2;
        const c1 = sTo[j]! - tv;
        const c2 = fv - sFrom[j]!;
        if (c1 > hs && c1 !== Infinity) hs = c1;
        if (c2 > hs && c2 !== Infinity) hs = c2;
      }
      const p = (ht - hs) / 2;
      pstamp[v] = pgen;
      pval[v] = p;
      return p;
    };
    return this.meetInTheMiddle(source, target, pf);
  }

  /** Bidirectional Dijkstra: forward from source and backward from target on the reverse graph. */
  bidirectional(source: number, target: number): PathResult {
    this.checkNodes("ShortestPathSearch.bidirectional", source, target);
    if (!this.reverse) throw new FourportsInputError("invalid-option", "bidirectional needs the reverse graph (pass reverseCsr(graph))");
    return this.meetInTheMiddle(source, target, null);
  }

  /**
   * Forward from source and backward from target, each keyed by distance ± potential (none for
   * plain Dijkstra); stops once the two smallest keys together reach the best path found.
   */
  private meetInTheMiddle(source: number, target: number, potential: ((v: number) => number) | null): PathResult {
    const reverse = this.reverse!;
    const f = this.fwd;
    const b = (this.bwd ??= new Side(this.graph.nodeCount));
    f.start(source);
    b.start(target);
    let best = source === target ? 0 : Infinity;
    let meet = source === target ? source : -1;
    let settled = 0;
    const step = (side: Side, other: Side, g: CsrGraph, sign: number): void => {
      const u = side.heap.pop();
      side.settled[u] = side.gen;
      settled++;
      const du = side.dist[u]!;
      const { offsets, targets, weights } = g;
      for (let i = offsets[u]!, end = offsets[u + 1]!; i < end; i++) {
        const v = targets[i]!;
        if (side.settled[v] === side.gen) continue;
        const nd = du + weights[i]!;
        if (!side.known(v) || nd < side.dist[v]!) {
          side.reach(v, nd, u, i);
          side.heap.push(v, potential === null ? nd : nd + sign * potential(v));
        }
        if (other.known(v)) {
          const total = nd + other.dist[v]!;
          if (total < best) {
            best = total;
            meet = v;
          }
        }
      }
    };
    while (f.heap.size > 0 && b.heap.size > 0) {
      if (f.heap.peekKey() + b.heap.peekKey() >= best) break;
      if (f.heap.peekKey() <= b.heap.peekKey()) step(f, b, this.graph, 1);
      else step(b, f, reverse, -1);
    }
    this.settledCount = settled;
    return this.joinPaths(f, b, source, target, meet, best);
  }

  private joinPaths(f: Side, b: Side, source: number, target: number, meet: number, best: number): PathResult {
    if (meet < 0) return { distance: Infinity, nodes: [], edges: [] };
    const head = this.extract(f, source, meet);
    const nodes = head.nodes;
    const edges = head.edges;
    for (let v = meet; v !== target; ) {
      const slot = b.predSlot[v]!;
      edges.push(this.reverse!.edgeIds[slot]!);
      v = b.predNode[v]!;
      nodes.push(v);
    }
    return { distance: best, nodes, edges };
  }

  /** Dijkstra from s's source, keyed by distance + potential(v) (A* when a potential is given). */
  private run(s: Side, g: CsrGraph, target: number, masks: SearchMasks | undefined, potential: ((v: number) => number) | null): void {
    const { offsets, targets, weights } = g;
    const heap = s.heap;
    const bannedNodes = masks?.bannedNodes;
    const bannedSlots = masks?.bannedSlots;
    let settled = 0;
    while (heap.size > 0) {
      const u = heap.pop();
      s.settled[u] = s.gen;
      settled++;
      if (u === target) break;
      const du = s.dist[u]!;
      for (let i = offsets[u]!, end = offsets[u + 1]!; i < end; i++) {
        const v = targets[i]!;
        if (bannedSlots !== undefined && bannedSlots[i] === 1) continue;
        if (bannedNodes !== undefined && bannedNodes[v] === 1) continue;
        const nd = du + weights[i]!;
        if (s.stamp[v] === s.gen && nd >= s.dist[v]!) continue;
        s.reach(v, nd, u, i);
        heap.push(v, potential === null ? nd : nd + potential(v));
      }
    }
    this.settledCount = settled;
  }

  private extract(s: Side, source: number, target: number): PathResult {
    if (!s.known(target)) return { distance: Infinity, nodes: [], edges: [] };
    const nodes: number[] = [];
    const edges: number[] = [];
    for (let v = target; v !== source; v = s.predNode[v]!) {
      nodes.push(v);
      edges.push(this.graph.edgeIds[s.predSlot[v]!]!);
    }
    nodes.push(source);
    nodes.reverse();
    edges.reverse();
    return { distance: s.dist[target]!, nodes, edges };
  }
}
