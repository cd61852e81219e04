/**
 * A capacitated vehicle-routing instance as flat arrays: node 0 is the depot, nodes 1..n the
 * customers. Distances (the cost) and, optionally, travel times (for shift limits) are full
 * row-major matrices, so the solver's hot loop reads one Float64Array.
 */
export interface VrpInstance {
  /** Name of the instance (from the file, or the fleet). */
  name: string;
  /** Customers, not counting the depot. */
  customerCount: number;
  /** Capacity of each vehicle, in demand units. */
  capacity: number;
  /** Demand per node (index 0, the depot, is 0). */
  demand: Float64Array;
  /** (n+1)×(n+1) cost matrix, row-major. */
  cost: Float64Array;
  /** Optional shift limit: travel time matrix, service time per node and the longest route. */
  shift?: VrpShift;
  /** Node coordinates, when known (for output and plots). */
  x?: Float64Array;
  /** y coordinate of each node, when known. */
  y?: Float64Array;
}

/** Time limits of a VRP: travel times, service times, the longest route and optional windows. */
export interface VrpShift {
  /** (n+1)×(n+1) travel time matrix in minutes, row-major. */
  durationMin: Float64Array;
  /** Minutes spent at each node (index 0: loading at the depot, counted once per route). */
  serviceMin: Float64Array;
  /** No route may take longer than this, depot to depot. */
  maxRouteMin: number;
  /**
   * Optional arrival windows per node in minutes after the route leaves the depot: a vehicle
   * early at a customer waits until it opens, and may not arrive after it closes.
   */
  windowOpenMin?: Float64Array;
  /** Latest arrival per node, minutes after the route leaves the depot; given with windowOpenMin. */
  windowCloseMin?: Float64Array;
}

/** A solution: routes of customer indices (1..n, depot not written) and their total cost. */
export interface VrpSolution {
  /** Routes of customer indices (1..n, depot not written). */
  routes: number[][];
  /** Total cost of the routes. */
  cost: number;
}

/** Cost of one route, depot → customers → depot. */
export function routeCost(inst: VrpInstance, route: readonly number[]): number {
  const n1 = inst.customerCount + 1;
  let prev = 0;
  let c = 0;
  for (const v of route) {
    c += inst.cost[prev * n1 + v]!;
    prev = v;
  }
  return c + inst.cost[prev * n1]!;
}

/**
 * Duration of one route in minutes (travel, waiting for windows, service), 0 without a shift
 * limit, Infinity when it reaches a customer after its window closes.
 */
export function routeDurationMin(inst: VrpInstance, route: readonly number[]): number {
  const s = inst.shift;
  if (!s || route.length === 0) return 0;
  const n1 = inst.customerCount + 1;
  const open = s.windowOpenMin;
  const close = s.windowCloseMin;
  let prev = 0;
  let t = s.serviceMin[0]!;
  for (const v of route) {
    t += s.durationMin[prev * n1 + v]!;
    if (open && t < open[v]!) t = open[v]!;
    if (close && t > close[v]!) return Infinity;
    t += s.serviceMin[v]!;
    prev = v;
  }
  return t + s.durationMin[prev * n1]!;
}

/** One broken rule of a solution, in words. */
export interface VrpViolation {
  /** Index of the route in the solution. */
  route: number;
  /** What is wrong with it. */
  message: string;
}

/**
 * Checks a solution independently of the solver: every customer exactly once, capacity and
 * shift on each route, and the stated cost equal to the recomputed one.
 */
export function checkVrpSolution(inst: VrpInstance, sol: VrpSolution): VrpViolation[] {
  const out: VrpViolation[] = [];
  const seen = new Uint8Array(inst.customerCount + 1);
  let total = 0;
  sol.routes.forEach((r, i) => {
    let load = 0;
    for (const v of r) {
      if (!Number.isInteger(v) || v < 1 || v > inst.customerCount) {
        out.push({ route: i, message: `customer ${v} is not 1..${inst.customerCount}` });
        continue;
      }
      if (seen[v]) out.push({ route: i, message: `customer ${v} visited twice` });
      seen[v] = 1;
      load += inst.demand[v]!;
    }
    if (load > inst.capacity + 1e-9) out.push({ route: i, message: `load ${load} exceeds capacity ${inst.capacity}` });
    const d = routeDurationMin(inst, r);
    if (d === Infinity) out.push({ route: i, message: "reaches a customer after its time window closes" });
    else if (inst.shift && d > inst.shift.maxRouteMin + 1e-9) {
      out.push({ route: i, message: `takes ${d.toFixed(1)} min, shift allows ${inst.shift.maxRouteMin}` });
    }
    total += routeCost(inst, r);
  });
  for (let v = 1; v <= inst.customerCount; v++) if (!seen[v]) out.push({ route: -1, message: `customer ${v} not visited` });
  if (Math.abs(total - sol.cost) > 1e-6 * Math.max(1, total)) out.push({ route: -1, message: `stated cost ${sol.cost} but routes cost ${total}` });
  return out;
}
