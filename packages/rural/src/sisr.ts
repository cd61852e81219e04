import { checkNumberOption, FourportsInputError } from "@fourports/network";
import { mulberry32 } from "./rng.js";
import { clarkeWright } from "./savings.js";
import { routeCost, routeDurationMin, type VrpInstance, type VrpSolution } from "./vrp-instance.js";

/** Options of {@link solveVrp}. */
export interface SolveVrpOptions {
  /** Seeded generator in [0, 1); the same instance, seed and iterations give the same routes. */
  rng: () => number;
  /**
   * Ruin-and-recreate iterations. With only this limit the result is reproducible on any
   * machine; the temperature then cools over the iterations.
   */
  maxIterations?: number;
  /** Wall-clock limit in ms (the result then depends on the machine's speed). */
  timeLimitMs?: number;
  /** Called about every 0.5 s with the best cost so far. */
  onProgress?: (p: {
    /** Iterations run so far. */
    iterations: number;
    /** Cost of the best solution so far. */
    bestCost: number;
    /** Wall-clock time since the start, ms. */
    elapsedMs: number;
  }) => void;
  /** Aborts the solve (checked every 64 iterations); the solve then throws the abort reason. */
  signal?: AbortSignal;
  /** Mean customers removed per ruin (SISR's c̄, default 10). */
  meanRemoved?: number;
  /** Longest removed string (SISR's L^max, default 10). */
  maxStringLength?: number;
}

export interface SolveVrpResult extends VrpSolution {
  /** Ruin-and-recreate iterations run. */
  iterations: number;
  /** Wall-clock time spent, ms. */
  elapsedMs: number;
  /** Cost of the Clarke-Wright start. */
  startCost: number;
}

/** The longest a solve may be asked to run: a day, or a billion iterations (a typo beyond that, not a study). */
export const VRP_LIMITS: {
  /** Most ruin-and-recreate iterations one solve may be asked for. */
  maxIterations: number;
  /** Longest time limit one solve may be given, ms. */
  timeLimitMs: number;
} = { maxIterations: 1_000_000_000, timeLimitMs: 86_400_000 };

/**
 * Slack Induction by String Removals (Christiaens & Vanden Berghe 2020): remove strings of
 * consecutive customers from routes near a random seed customer, reinsert them greedily with
 * "blinks" (each position skipped with probability 0.01), and accept by simulated annealing.
 * Started from Clarke-Wright savings. Capacity and the optional shift limit hold at every step.
 */
export function solveVrp(inst: VrpInstance, options: SolveVrpOptions): SolveVrpResult {
  const t0 = performance.now();
  if (options.maxIterations === undefined && options.timeLimitMs === undefined) {
    throw new FourportsInputError("invalid-option", "solveVrp(): give maxIterations or timeLimitMs");
  }
  checkNumberOption("solveVrp(): maxIterations", options.maxIterations, { integer: true, min: 1, max: VRP_LIMITS.maxIterations });
  checkNumberOption("solveVrp(): timeLimitMs", options.timeLimitMs, { above: 0, max: VRP_LIMITS.timeLimitMs });
  checkServable(inst);
  const start = clarkeWright(inst);
  const s = new SisrState(inst, start, options);
  const best = s.run(t0);
  return { ...best, iterations: s.iterations, elapsedMs: performance.now() - t0, startCost: start.cost };
}

function checkServable(inst: VrpInstance): void {
  const n1 = inst.customerCount + 1;
  for (let v = 1; v < n1; v++) {
    if (inst.demand[v]! > inst.capacity) throw new RangeError(`customer ${v}: demand ${inst.demand[v]} exceeds the vehicle capacity ${inst.capacity}`);
    if (inst.shift && routeDurationMin(inst, [v]) > inst.shift.maxRouteMin) {
      throw new RangeError(`customer ${v}: a route to it alone does not fit the shift (${inst.shift.maxRouteMin} min) or its time window`);
    }
  }
}

const BLINK = 0.01;
const SPLIT_RATE = 0.5;
const SPLIT_DEPTH = 0.01;

class SisrState {
  readonly n1: number;
  routes: number[][];
  load: number[];
  dur: number[];
  rcost: number[];
  readonly routeOf: Int32Array;
  cost: number;
  iterations = 0;
  /** Customers by distance from each customer (row c: the others, nearest first). */
  readonly adj: Int32Array;
  private readonly removed: number[] = [];
  private readonly ruined = new Set<number>();
  // Undo log of the current iteration.
  private readonly undoRoute: number[] = [];
  private readonly undoArr: number[][] = [];
  private readonly undoLoad: number[] = [];
  private readonly undoDur: number[] = [];
  private readonly undoCost: number[] = [];
  private undoRouteCount = 0;
  private touched: Uint32Array;
  private stamp = 1;
  private readonly removedRouteOf: number[] = [];
  private routesBefore = 0;

  constructor(
    readonly inst: VrpInstance,
    start: VrpSolution,
    readonly opt: SolveVrpOptions,
  ) {
    const n = inst.customerCount;
    this.n1 = n + 1;
    this.routes = start.routes.map((r) => r.slice());
    this.load = this.routes.map((r) => r.reduce((a, v) => a + inst.demand[v]!, 0));
    this.dur = this.routes.map((r) => routeDurationMin(inst, r));
    this.rcost = this.routes.map((r) => routeCost(inst, r));
    this.cost = this.rcost.reduce((a, b) => a + b, 0);
    this.routeOf = new Int32Array(this.n1);
    this.routes.forEach((r, i) => r.forEach((v) => (this.routeOf[v] = i)));
    this.touched = new Uint32Array(this.routes.length + n + 1);
    this.adj = new Int32Array(n * Math.max(0, n - 1));
    const others = new Int32Array(n - 1 > 0 ? n - 1 : 0);
    for (let c = 1; c <= n; c++) {
      let k = 0;
      for (let v = 1; v <= n; v++) if (v !== c) others[k++] = v;
      const row = inst.cost.subarray(c * this.n1, (c + 1) * this.n1);
      others.sort((a, b) => row[a]! - row[b]! || a - b);
      this.adj.set(others, (c - 1) * (n - 1));
    }
  }

  run(t0: number): VrpSolution {
    const { maxIterations, timeLimitMs, onProgress, signal } = this.opt;
    // The hot loop draws ~10^4 numbers per iteration (blinks): a small generator seeded from
    // the caller's keeps the run reproducible and is several times faster than seedrandom's ARC4.
    const rng = mulberry32(Math.floor(this.opt.rng() * 2 ** 32));
    let best: VrpSolution = { routes: this.routes.map((r) => r.slice()), cost: this.cost };
    const edges = this.inst.customerCount + this.routes.length;
    // The paper's T0 = 100, Tf = 1 on X instances, whose mean route edge is ~100: scale to this one.
    const meanEdge = this.cost / Math.max(1, edges);
    const tStart = meanEdge;
    const tEnd = meanEdge / 100;
    let lastReport = t0;
    let frac = 0;
    for (;;) {
      if ((this.iterations & 63) === 0) {
        const now = performance.now();
        const ft = timeLimitMs !== undefined ? (now - t0) / timeLimitMs : 0;
        const fi = maxIterations !== undefined ? this.iterations / maxIterations : 0;
        frac = Math.max(ft, fi);
        if (frac >= 1 || signal?.aborted) break;
        if (onProgress && now - lastReport > 500) {
          lastReport = now;
          onProgress({ iterations: this.iterations, bestCost: best.cost, elapsedMs: now - t0 });
        }
      }
      if (maxIterations !== undefined && this.iterations >= maxIterations) break;
      const temp = tStart * Math.pow(tEnd / tStart, frac);
      const before = this.cost;
      this.beginIteration();
      this.ruin(rng);
      this.recreate(rng);
      this.iterations++;
      if (this.cost < before - temp * Math.log(rng())) {
        if (this.cost < best.cost - 1e-9) best = { routes: this.routes.filter((r) => r.length > 0).map((r) => r.slice()), cost: this.cost };
        this.compactSometimes();
      } else {
        this.undo(before);
      }
    }
    signal?.throwIfAborted();
    return best;
  }

  private beginIteration(): void {
    this.undoRouteCount = 0;
    this.removedRouteOf.length = 0;
    this.removed.length = 0;
    this.ruined.clear();
    this.stamp++;
    this.routesBefore = this.routes.length;
    if (this.touched.length < this.routes.length + 1) {
      // Routes grow by at most one per removed customer; a rare resize.
      const t = new Uint32Array(this.routes.length * 2 + 8);
      t.set(this.touched);
      this.touched = t;
    }
  }

  /** Keeps the pre-iteration copy of route r (copy on first write). */
  private touch(r: number): void {
    if (this.touched[r] === this.stamp) return;
    this.touched[r] = this.stamp;
    const k = this.undoRouteCount++;
    this.undoRoute[k] = r;
    this.undoArr[k] = this.routes[r]!;
    this.undoLoad[k] = this.load[r]!;
    this.undoDur[k] = this.dur[r]!;
    this.undoCost[k] = this.rcost[r]!;
    this.routes[r] = this.routes[r]!.slice();
  }

  private undo(cost: number): void {
    const before = this.routesBefore;
    for (let k = this.undoRouteCount - 1; k >= 0; k--) {
      const r = this.undoRoute[k]!;
      this.routes[r] = this.undoArr[k]!;
      this.load[r] = this.undoLoad[k]!;
      this.dur[r] = this.undoDur[k]!;
      this.rcost[r] = this.undoCost[k]!;
    }
    // Routes opened this iteration were appended at the end.
    this.routes.length = before;
    this.load.length = before;
    this.dur.length = before;
    this.rcost.length = before;
    for (let i = 0; i < this.removed.length; i++) this.routeOf[this.removed[i]!] = this.removedRouteOf[i]!;
    this.cost = cost;
  }

  /** Drops empty routes now and then so the insertion loop does not scan them forever. */
  private compactSometimes(): void {
    let empty = 0;
    for (const r of this.routes) if (r.length === 0) empty++;
    if (empty < 8) return;
    const keep: number[] = [];
    this.routes.forEach((r, i) => {
      if (r.length > 0) keep.push(i);
    });
    this.routes = keep.map((i) => this.routes[i]!);
    this.load = keep.map((i) => this.load[i]!);
    this.dur = keep.map((i) => this.dur[i]!);
    this.rcost = keep.map((i) => this.rcost[i]!);
    this.routes.forEach((r, i) => r.forEach((v) => (this.routeOf[v] = i)));
    this.touched.fill(0);
  }

  private ruin(rng: () => number): void {
    const n = this.inst.customerCount;
    const meanRemoved = this.opt.meanRemoved ?? 10;
    let nonEmpty = 0;
    for (const r of this.routes) if (r.length > 0) nonEmpty++;
    const lsMax = Math.min(this.opt.maxStringLength ?? 10, n / Math.max(1, nonEmpty));
    const ksMax = (4 * meanRemoved) / (1 + lsMax) - 1;
    const ks = Math.floor(rng() * ksMax) + 1;
    const seed = 1 + Math.floor(rng() * n);
    const row = (seed - 1) * (n - 1);
    for (let k = -1; k < n - 1 && this.ruined.size < ks; k++) {
      const c = k < 0 ? seed : this.adj[row + k]!;
      const t = this.routeOf[c]!;
      if (t < 0 || this.ruined.has(t)) continue;
      this.ruined.add(t);
      const len = this.routes[t]!.length;
      const ltMax = Math.min(len, lsMax);
      const l = Math.floor(rng() * ltMax) + 1;
      if (l < len && rng() < SPLIT_RATE) this.removeSplitString(t, c, l, rng);
      else this.removeString(t, c, l, rng);
    }
  }

  private removeString(t: number, c: number, l: number, rng: () => number): void {
    this.touch(t);
    const r = this.routes[t]!;
    const pos = r.indexOf(c);
    const lo = Math.max(0, pos - l + 1);
    const hi = Math.min(pos, r.length - l);
    const from = lo + Math.floor(rng() * (hi - lo + 1));
    this.take(t, r.splice(from, l));
  }

  private removeSplitString(t: number, c: number, l: number, rng: () => number): void {
    this.touch(t);
    const r = this.routes[t]!;
    let m = 1;
    while (l + m < r.length && rng() > SPLIT_DEPTH && m < r.length) m++;
    const w = l + m;
    const pos = r.indexOf(c);
    const lo = Math.max(0, pos - w + 1);
    const hi = Math.min(pos, r.length - w);
    const from = lo + Math.floor(rng() * (hi - lo + 1));
    const keepAt = from + Math.floor(rng() * (l + 1));
    const window = r.splice(from, w);
    const kept = window.splice(keepAt - from, m);
    r.splice(from, 0, ...kept);
    this.take(t, window);
  }

  private take(t: number, out: number[]): void {
    const inst = this.inst;
    for (const v of out) {
      this.removed.push(v);
      this.removedRouteOf.push(t);
      this.routeOf[v] = -1;
    }
    const r = this.routes[t]!;
    this.load[t] = r.reduce((a, v) => a + inst.demand[v]!, 0);
    this.dur[t] = routeDurationMin(inst, r);
    const old = this.rcost[t]!;
    this.rcost[t] = routeCost(inst, r);
    this.cost += this.rcost[t]! - old;
  }

  private recreate(rng: () => number): void {
    sortRemoved(this.removed, this.removedRouteOf, this.inst, rng);
    const inst = this.inst;
    const d = inst.cost;
    const n1 = this.n1;
    const cap = inst.capacity;
    const shift = inst.shift;
    for (const c of this.removed) {
      const dem = inst.demand[c]!;
      let bestR = -1;
      let bestPos = -1;
      let bestDelta = Infinity;
      for (let t = 0; t < this.routes.length; t++) {
        const r = this.routes[t]!;
        if (r.length === 0 || this.load[t]! + dem > cap) continue;
        let prev = 0;
        for (let p = 0; p <= r.length; p++) {
          const next = p < r.length ? r[p]! : 0;
          if (rng() >= BLINK) {
            const delta = d[prev * n1 + c]! + d[c * n1 + next]! - d[prev * n1 + next]!;
            if (delta < bestDelta && (!shift || this.fitsShift(t, prev, c, next, p))) {
              bestDelta = delta;
              bestR = t;
              bestPos = p;
            }
          }
          prev = next;
        }
      }
      if (bestR < 0) this.openRoute(c);
      else this.insertAt(bestR, bestPos, c, bestDelta);
    }
  }

  private fitsShift(t: number, prev: number, c: number, next: number, pos: number): boolean {
    const s = this.inst.shift!;
    if (s.windowOpenMin || s.windowCloseMin) return this.fitsWithWindows(t, pos, c);
    const n1 = this.n1;
    const tm = s.durationMin;
    return this.dur[t]! + tm[prev * n1 + c]! + tm[c * n1 + next]! - tm[prev * n1 + next]! + s.serviceMin[c]! <= s.maxRouteMin;
  }

  /** Windows make the route's timing depend on every stop before: simulate it with c at pos. */
  private fitsWithWindows(t: number, pos: number, c: number): boolean {
    const r = this.routes[t]!;
    const trial = [...r.slice(0, pos), c, ...r.slice(pos)];
    return routeDurationMin(this.inst, trial) <= this.inst.shift!.maxRouteMin;
  }

  private insertAt(t: number, pos: number, c: number, delta: number): void {
    this.touch(t);
    const r = this.routes[t]!;
    const prev = pos > 0 ? r[pos - 1]! : 0;
    const next = pos < r.length ? r[pos]! : 0;
    const s = this.inst.shift;
    if (s) {
      const n1 = this.n1;
      const tm = s.durationMin;
      this.dur[t] = this.dur[t]! + tm[prev * n1 + c]! + tm[c * n1 + next]! - tm[prev * n1 + next]! + s.serviceMin[c]!;
    }
    r.splice(pos, 0, c);
    if (s?.windowOpenMin || s?.windowCloseMin) this.dur[t] = routeDurationMin(this.inst, r);
    this.load[t] = this.load[t]! + this.inst.demand[c]!;
    this.rcost[t] = this.rcost[t]! + delta;
    this.cost += delta;
    this.routeOf[c] = t;
  }

  private openRoute(c: number): void {
    const t = this.routes.length;
    this.routes.push([c]);
    this.load.push(this.inst.demand[c]!);
    this.dur.push(routeDurationMin(this.inst, [c]));
    const rc = routeCost(this.inst, [c]);
    this.rcost.push(rc);
    this.cost += rc;
    this.routeOf[c] = t;
    if (this.touched.length <= t) {
      const tt = new Uint32Array(t * 2 + 8);
      tt.set(this.touched);
      this.touched = tt;
    }
    this.touched[t] = this.stamp;
  }
}

/** SISR's reinsertion orders: random 4, demand 4, far from the depot 2, close to it 1. */
function sortRemoved(removed: number[], routeOfRemoved: number[], inst: VrpInstance, rng: () => number): void {
  const u = rng() * 11;
  const keyed = removed.map((v, i) => ({ v, r: routeOfRemoved[i]!, k: 0 }));
  if (u < 4) {
    for (let i = keyed.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [keyed[i], keyed[j]] = [keyed[j]!, keyed[i]!];
    }
  } else {
    for (const e of keyed) e.k = u < 8 ? -inst.demand[e.v]! : u < 10 ? -inst.cost[e.v]! : inst.cost[e.v]!;
    keyed.sort((a, b) => a.k - b.k || a.v - b.v);
  }
  keyed.forEach((e, i) => {
    removed[i] = e.v;
    routeOfRemoved[i] = e.r;
  });
}

