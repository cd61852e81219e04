import { routeCost, routeDurationMin, type VrpInstance, type VrpSolution } from "./vrp-instance.js";

/**
 * Clarke & Wright (1964) parallel savings: start from one route per customer and merge route
 * ends in order of saving d(0,i) + d(0,j) − d(i,j) while capacity and shift allow. A good start
 * for the annealing: near 5% above optimal on the classic sets, in O(n² log n).
 */
export function clarkeWright(inst: VrpInstance): VrpSolution {
  const n = inst.customerCount;
  const n1 = n + 1;
  const d = inst.cost;
  const pairCount = (n * (n - 1)) / 2;
  const si = new Int32Array(pairCount);
  const sj = new Int32Array(pairCount);
  const sv = new Float64Array(pairCount);
  let k = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i + 1; j <= n; j++) {
      si[k] = i;
      sj[k] = j;
      sv[k] = d[i]! + d[j]! - d[i * n1 + j]!;
      k++;
    }
  }
  const order = new Int32Array(pairCount);
  for (let p = 0; p < pairCount; p++) order[p] = p;
  // Ties broken by pair index so the start does not depend on the sort's stability.
  order.sort((a, b) => sv[b]! - sv[a]! || a - b);

  const routes: (number[] | null)[] = [];
  const routeOf = new Int32Array(n1).fill(-1);
  const load: number[] = [];
  for (let v = 1; v <= n; v++) {
    routeOf[v] = routes.length;
    routes.push([v]);
    load.push(inst.demand[v]!);
  }
  for (let p = 0; p < pairCount; p++) {
    const q = order[p]!;
    if (sv[q]! <= 0) break;
    const i = si[q]!;
    const j = sj[q]!;
    const ri = routeOf[i]!;
    const rj = routeOf[j]!;
    if (ri === rj) continue;
    const a = routes[ri]!;
    const b = routes[rj]!;
    if (load[ri]! + load[rj]! > inst.capacity) continue;
    // i and j must each be an end of its route; orient so that a ends in i and b starts with j.
    const aEnd = a[a.length - 1] === i ? 1 : a[0] === i ? -1 : 0;
    const bEnd = b[0] === j ? 1 : b[b.length - 1] === j ? -1 : 0;
    if (aEnd === 0 || bEnd === 0) continue;
    const merged = [...(aEnd === 1 ? a : a.slice().reverse()), ...(bEnd === 1 ? b : b.slice().reverse())];
    if (inst.shift && routeDurationMin(inst, merged) > inst.shift.maxRouteMin) continue;
    routes[ri] = merged;
    routes[rj] = null;
    load[ri] = load[ri]! + load[rj]!;
    for (const v of b) routeOf[v] = ri;
  }
  const out = routes.filter((r): r is number[] => r !== null);
  let cost = 0;
  for (const r of out) cost += routeCost(inst, r);
  return { routes: out, cost };
}
