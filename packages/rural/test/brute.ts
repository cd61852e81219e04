import type { VrpInstance } from "../src/index.js";

/**
 * The exact CVRP optimum by enumeration, for tiny instances: the best route for every subset
 * of customers (Held-Karp over the subset), then the best partition of all customers into
 * feasible subsets. Shares nothing with the solver.
 */
export function bruteForceVrp(inst: VrpInstance): number {
  const n = inst.customerCount;
  const n1 = n + 1;
  const d = (a: number, b: number): number => inst.cost[a * n1 + b]!;
  const full = (1 << n) - 1;
  // tsp[S][j]: shortest depot → … → j visiting exactly S (j in S), customers as bits 0..n-1.
  const tsp = Array.from({ length: full + 1 }, () => new Float64Array(n).fill(Infinity));
  for (let j = 0; j < n; j++) tsp[1 << j]![j] = d(0, j + 1);
  for (let s = 1; s <= full; s++) {
    for (let j = 0; j < n; j++) {
      const here = tsp[s]![j]!;
      if (!(s & (1 << j)) || here === Infinity) continue;
      for (let k = 0; k < n; k++) {
        if (s & (1 << k)) continue;
        const t = s | (1 << k);
        tsp[t]![k] = Math.min(tsp[t]![k]!, here + d(j + 1, k + 1));
      }
    }
  }
  const route = new Float64Array(full + 1).fill(Infinity);
  for (let s = 1; s <= full; s++) {
    let load = 0;
    for (let j = 0; j < n; j++) if (s & (1 << j)) load += inst.demand[j + 1]!;
    if (load > inst.capacity) continue;
    for (let j = 0; j < n; j++) if (s & (1 << j)) route[s] = Math.min(route[s]!, tsp[s]![j]! + d(j + 1, 0));
  }
  const best = new Float64Array(full + 1).fill(Infinity);
  best[0] = 0;
  for (let s = 1; s <= full; s++) {
    const low = s & -s;
    // Subsets of s that hold its lowest customer: each partition counted once.
    for (let t = s; t > 0; t = (t - 1) & s) {
      if (!(t & low) || route[t] === Infinity) continue;
      best[s] = Math.min(best[s]!, route[t]! + best[s ^ t]!);
    }
  }
  return best[full]!;
}

/** A random Euclidean instance (integer-rounded distances) with n customers. */
export function randomVrp(rng: () => number, n: number, capacity: number): VrpInstance {
  const x = Float64Array.from({ length: n + 1 }, () => Math.floor(rng() * 100));
  const y = Float64Array.from({ length: n + 1 }, () => Math.floor(rng() * 100));
  const demand = Float64Array.from({ length: n + 1 }, (_, i) => (i === 0 ? 0 : 1 + Math.floor(rng() * 9)));
  const cost = new Float64Array((n + 1) * (n + 1));
  for (let i = 0; i <= n; i++) for (let j = 0; j <= n; j++) cost[i * (n + 1) + j] = Math.floor(Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!) + 0.5);
  return { name: "random", customerCount: n, capacity, demand, cost, x, y };
}
