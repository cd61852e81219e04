import { FourportsInputError } from "@fourports/network";
import { scaleToIntegers, MAX_DECIMALS } from "./scale.js";
import { networkSimplex } from "./simplex.js";

/** An arc of a minimum-cost flow problem between two nodes, by index. */
export interface FlowArc {
  /** Tail node index, 0..nodeCount-1. */
  from: number;
  /** Head node index, 0..nodeCount-1. */
  to: number;
  /** Upper bound; Infinity for none. */
  capacity: number;
  /** Cost per unit of flow. */
  cost: number;
  /** Lower bound (default 0). */
  lower?: number;
}

/** A minimum-cost flow problem: nodes by index, arcs with bounds and costs, and supplies that sum to zero. */
export interface MinCostFlowProblem {
  /** Number of nodes; arcs refer to nodes 0..nodeCount-1. */
  nodeCount: number;
  /** The arcs; results list flows in this order. */
  arcs: FlowArc[];
  /** Net supply per node (positive: source, negative: sink); must sum to zero. */
  supply: ArrayLike<number>;
}

/** The solution of a minimum-cost flow problem, or why there is none. */
export interface MinCostFlowResult {
  /**
   * "optimal" when a flow was found; "infeasible" when the supplies cannot be routed within the
   * capacities; "unbounded" when a cycle of negative cost has unlimited capacity.
   */
  status: "optimal" | "infeasible" | "unbounded";
  /** Total cost; NaN unless optimal. */
  cost: number;
  /** Flow per arc, in input order (meaningful when optimal). */
  flow: Float64Array;
  /**
   * Node potentials certifying optimality: the reduced cost cost + potential[from] −
   * potential[to] is ≥ 0 on every arc below capacity and ≤ 0 on every arc above its lower bound.
   */
  potential: Float64Array;
  /** Simplex pivots performed, a measure of the work done. */
  pivots: number;
}

/** Options of the flow solvers. */
export interface SolveOptions {
  /** Aborts a long solve; checked every 1024 pivots (simplex) and at each blocking-flow phase (max flow). */
  signal?: AbortSignal;
}

/** Thrown for a problem that is malformed rather than infeasible: names the field and what was expected. */
export class FlowInputError extends FourportsInputError {
  constructor(message: string) {
    super("invalid-option", message);
    this.name = "FlowInputError";
  }
}

const SAFE = 2 ** 53;

/**
 * Exact minimum-cost flow by the network simplex. Fractional capacities, supplies and costs are
 * scaled to integers by the smallest power of ten that makes them whole (at most 10^6), solved
 * exactly, and scaled back; finer values, NaN, negative capacities or sums beyond exact double
 * arithmetic are rejected with a FlowInputError, never rounded.
 */
export function minCostFlow(problem: MinCostFlowProblem, options: SolveOptions = {}): MinCostFlowResult {
  const { nodeCount: n, arcs } = problem;
  if (!Number.isInteger(n) || n < 0) throw new FlowInputError(`nodeCount: expected a whole number >= 0, got ${n}`);
  if (problem.supply.length !== n) throw new FlowInputError(`supply: expected ${n} values (one per node), got ${problem.supply.length}`);
  const m = arcs.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const quantities: number[] = [];
  const costs: number[] = [];
  arcs.forEach((a, i) => {
    for (const key of ["from", "to"] as const) {
      if (!Number.isInteger(a[key]) || a[key] < 0 || a[key] >= n) throw new FlowInputError(`arcs[${i}].${key}: expected a node index 0..${n - 1}, got ${a[key]}`);
    }
    const lower = a.lower ?? 0;
    if (!(a.capacity >= 0)) throw new FlowInputError(`arcs[${i}].capacity: expected a number >= 0 or Infinity, got ${a.capacity}`);
    if (!Number.isFinite(lower) || lower < 0) throw new FlowInputError(`arcs[${i}].lower: expected a finite number >= 0, got ${lower}`);
    if (lower > a.capacity) throw new FlowInputError(`arcs[${i}].lower: ${lower} exceeds the capacity ${a.capacity}`);
    if (!Number.isFinite(a.cost)) throw new FlowInputError(`arcs[${i}].cost: expected a finite number, got ${a.cost}`);
    from[i] = a.from;
    to[i] = a.to;
    quantities.push(a.capacity, lower);
    costs.push(a.cost);
  });
  for (let u = 0; u < n; u++) {
    const s = problem.supply[u]!;
    if (!Number.isFinite(s)) throw new FlowInputError(`supply[${u}]: expected a finite number, got ${s}`);
    quantities.push(s);
  }
  const q = scaleToIntegers(quantities);
  if ("bad" in q) {
    const i = q.bad;
    const where = i < 2 * m ? `arcs[${i >> 1}].${i % 2 === 0 ? "capacity" : "lower"}` : `supply[${i - 2 * m}]`;
    throw new FlowInputError(`${where}: ${quantities[i]} has more than ${MAX_DECIMALS} decimal places; round it to the resolution you mean`);
  }
  const c = scaleToIntegers(costs);
  if ("bad" in c) throw new FlowInputError(`arcs[${c.bad}].cost: ${costs[c.bad]} has more than ${MAX_DECIMALS} decimal places`);

  const cap = new Float64Array(m);
  const lowerS = new Float64Array(m);
  const supply = new Float64Array(n);
  let sum = 0;
  let magnitude = 0;
  for (let u = 0; u < n; u++) {
    supply[u] = q.values[2 * m + u]!;
    sum += supply[u]!;
    magnitude += Math.abs(supply[u]!);
  }
  if (sum !== 0) {
    // Supplies that do not balance cannot be met: report it as the infeasible status it is.
    return { status: "infeasible", cost: NaN, flow: new Float64Array(m), potential: new Float64Array(n), pivots: 0 };
  }
  let maxCost = 0;
  for (let e = 0; e < m; e++) {
    lowerS[e] = q.values[2 * e + 1]!;
    cap[e] = q.values[2 * e]! - lowerS[e]!;
    // Lower bounds: send them up front and solve for the rest.
    supply[from[e]!]! -= lowerS[e]!;
    supply[to[e]!]! += lowerS[e]!;
    if (Number.isFinite(cap[e]!)) magnitude += cap[e]!;
    magnitude += lowerS[e]!;
    maxCost = Math.max(maxCost, Math.abs(c.values[e]!));
  }
  // Potentials reach (maxCost + 1)·(n + 1)² at most; flows stay below the sum of supplies and capacities.
  if ((maxCost + 1) * (n + 1) * (n + 1) * 4 >= SAFE || magnitude >= SAFE || magnitude * maxCost >= SAFE) {
    throw new FlowInputError(
      `the scaled instance (costs ×${c.factor}, quantities ×${q.factor}) is too large for exact arithmetic below 2^53; use coarser units`,
    );
  }
  const out = networkSimplex({ nodeCount: n, from, to, cap, cost: c.values, supply }, options.signal);
  const flow = new Float64Array(m);
  let total = 0;
  for (let e = 0; e < m; e++) {
    const f = out.flow[e]! + lowerS[e]!;
    total += f * c.values[e]!;
    flow[e] = f / q.factor;
  }
  return {
    status: out.status,
    cost: out.status === "optimal" ? total / (q.factor * c.factor) : NaN,
    flow,
    potential: Float64Array.from(out.potential, (p) => p / c.factor),
    pivots: out.pivots,
  };
}
