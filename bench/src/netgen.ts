import seedrandom from "seedrandom";
import type { FlowArc, MinCostFlowProblem } from "@fourports/flow";

export interface NetgenParams {
  seed: string;
  nodes: number;
  arcs: number;
  sources: number;
  sinks: number;
  totalSupply: number;
  minCost: number;
  maxCost: number;
  minCap: number;
  maxCap: number;
}

/**
 * NETGEN-8 parameters (Klingman, Napier & Stutz's NETGEN as used for the NETGEN-8 family in
 * Király & Kovács' 2012 study of min-cost flow codes): m = 8n arcs, √n sources and sinks,
 * total supply 1000·√n, costs 1..10,000, capacities 1..1,000.
 */
export function netgen8(nodes: number, seed: string): NetgenParams {
  const k = Math.max(1, Math.round(Math.sqrt(nodes)));
  return { seed, nodes, arcs: 8 * nodes, sources: k, sinks: k, totalSupply: 1000 * k, minCost: 1, maxCost: 10_000, minCap: 1, maxCap: 1_000 };
}

/**
 * A NETGEN-style instance: like NETGEN, a skeleton of chains from every source through random
 * transshipment nodes to the sinks carries the whole supply (so the instance is feasible), and
 * random arcs fill the rest; no parallel arcs or loops, so every peer reads the same graph.
 */
export function netgen(p: NetgenParams): MinCostFlowProblem {
  const rng = seedrandom(p.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
  const n = p.nodes;
  const arcs: FlowArc[] = [];
  const seen = new Set<number>();
  const add = (from: number, to: number, capacity: number): void => {
    if (from === to || seen.has(from * n + to)) return;
    seen.add(from * n + to);
    arcs.push({ from, to, capacity, cost: int(p.minCost, p.maxCost) });
  };
  const supply = new Array<number>(n).fill(0);
  // Sources are nodes 0..S-1, sinks the last T nodes; supplies split at random cut points.
  const split = (total: number, parts: number): number[] => {
    const cuts = Array.from({ length: parts - 1 }, () => int(0, total)).sort((a, b) => a - b);
    return [...cuts, total].map((c, i) => c - (i === 0 ? 0 : cuts[i - 1]!));
  };
  split(p.totalSupply, p.sources).forEach((s, i) => (supply[i] = s));
  split(p.totalSupply, p.sinks).forEach((s, i) => (supply[n - p.sinks + i] = -s));
  const transit = n - p.sources - p.sinks;
  for (let s = 0; s < p.sources; s++) {
    let u = s;
    const hops = int(1, Math.max(1, Math.min(10, transit)));
    for (let h = 0; h < hops && transit > 0; h++) {
      const v = p.sources + int(0, transit - 1);
      add(u, v, p.totalSupply);
      u = v;
    }
    add(u, n - p.sinks + (s % p.sinks), p.totalSupply);
  }
  // The sinks in a ring, so supply can reach any of them.
  for (let t = 0; t < p.sinks && p.sinks > 1; t++) add(n - p.sinks + t, n - p.sinks + ((t + 1) % p.sinks), p.totalSupply);
  while (arcs.length < p.arcs) add(int(0, n - 1), int(0, n - 1), int(p.minCap, p.maxCap));
  return { nodeCount: n, arcs, supply };
}
