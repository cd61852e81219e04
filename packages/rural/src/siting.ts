import * as highsModule from "highs";
import type { Highs } from "highs";

type HighsLoader = () => Promise<Highs>;
// The package is CommonJS-typed but loads as ESM under Node: take the loader either way.
const highsAny = highsModule as unknown as { default: HighsLoader | { default: HighsLoader } };
const highsLoader: HighsLoader = typeof highsAny.default === "function" ? highsAny.default : highsAny.default.default;

// One WebAssembly instance per process: loading it costs far more than a small solve.
let highsOnce: Promise<Highs> | undefined;

/**
 * Maximal covering location: open at most `maxNewSites` of the candidate sites (the fixed
 * ones are open already) to maximise the weight of the villages within reach of an open
 * site. Plain data so the exact and the heuristic solver read the same instance.
 */
export interface SitingInstance {
  /** Candidate and open sites (centres and townships), by index. */
  siteIds: string[];
  /** Villages, by index. */
  villageIds: string[];
  /** Weight of each village (parcels per day, or 1 to count villages). */
  weight: number[];
  /** Per site: the village indices it covers. */
  covers: number[][];
  /** Per site: already open (kept open, not counted against maxNewSites). */
  fixedOpen: boolean[];
  /** Most sites the plan may open besides the fixed ones. */
  maxNewSites: number;
}

/** A siting plan: the sites open and what they cover. */
export interface SitingSolution {
  /** Site ids opened by the solution, fixed ones included, in site order. */
  open: string[];
  /** New sites only. */
  opened: string[];
  /** Weight of the villages covered. */
  coveredWeight: number;
  /** Villages covered. */
  coveredVillages: number;
}

/** Weight and count of villages covered by a set of open sites (recomputed from scratch). */
export function sitingCoverage(inst: SitingInstance, open: readonly boolean[]): {
  /** Weight of the villages covered. */
  coveredWeight: number;
  /** Villages covered. */
  coveredVillages: number;
} {
  const covered = new Uint8Array(inst.villageIds.length);
  inst.covers.forEach((cs, j) => {
    if (open[j]) for (const v of cs) covered[v] = 1;
  });
  let w = 0;
  let n = 0;
  covered.forEach((c, v) => {
    if (c) {
      w += inst.weight[v]!;
      n++;
    }
  });
  return { coveredWeight: w, coveredVillages: n };
}

function solution(inst: SitingInstance, open: readonly boolean[]): SitingSolution {
  return {
    open: inst.siteIds.filter((_, j) => open[j]),
    opened: inst.siteIds.filter((_, j) => open[j] && !inst.fixedOpen[j]),
    ...sitingCoverage(inst, open),
  };
}

/**
 * Greedy (largest added weight first) then interchange (Teitz & Bart): swap an open new site
 * for a closed one while that covers more. Scales to a whole county; its gap to the exact
 * optimum is measured in bench/.
 */
export function siteGreedy(inst: SitingInstance): SitingSolution {
  const m = inst.siteIds.length;
  const open = inst.fixedOpen.slice();
  const count = new Int32Array(inst.villageIds.length);
  const add = (j: number, d: number): void => {
    for (const v of inst.covers[j]!) count[v] = count[v]! + d;
  };
  for (let j = 0; j < m; j++) if (open[j]) add(j, 1);
  const gain = (j: number): number => inst.covers[j]!.reduce((a, v) => a + (count[v] === 0 ? inst.weight[v]! : 0), 0);
  const loss = (j: number): number => inst.covers[j]!.reduce((a, v) => a + (count[v] === 1 ? inst.weight[v]! : 0), 0);
  for (let k = 0; k < inst.maxNewSites; k++) {
    let best = -1;
    let bestGain = 0;
    for (let j = 0; j < m; j++) {
      if (open[j]) continue;
      const g = gain(j);
      if (g > bestGain) {
        bestGain = g;
        best = j;
      }
    }
    if (best < 0) break;
    open[best] = true;
    add(best, 1);
  }
  for (let improved = true; improved; ) {
    improved = false;
    for (let out = 0; out < m && !improved; out++) {
      if (!open[out] || inst.fixedOpen[out]) continue;
      const l = loss(out);
      add(out, -1);
      open[out] = false;
      for (let into = 0; into < m; into++) {
        if (open[into] || into === out) continue;
        if (gain(into) > l + 1e-9) {
          open[into] = true;
          add(into, 1);
          improved = true;
          break;
        }
      }
      if (!improved) {
        open[out] = true;
        add(out, 1);
      }
    }
  }
  return solution(inst, open);
}

/** The exact optimum by MIP (HiGHS compiled to WebAssembly), with the solver's time. */
export async function siteExact(inst: SitingInstance, options: { timeLimitS?: number } = {}): Promise<SitingSolution & {
  /** Wall-clock time of the MIP solve, ms. */
  solveMs: number;
  /** HiGHS's model status; always "Optimal" (anything else throws). */
  status: string;
}> {
  highsOnce ??= highsLoader();
  const highs = await highsOnce;
  const lp = sitingLp(inst);
  const t0 = performance.now();
  const res = highs.solve(lp, { output_flag: false, time_limit: options.timeLimitS ?? 60 });
  const solveMs = performance.now() - t0;
  if (res.Status !== "Optimal") throw new Error(`siting MIP ended with status ${res.Status}`);
  const cols = res.Columns as Record<string, { Primal: number }>;
  const open = inst.siteIds.map((_, j) => inst.fixedOpen[j]! || (cols[`x${j}`]?.Primal ?? 0) > 0.5);
  return { ...solution(inst, open), solveMs, status: res.Status };
}

/** The model in CPLEX LP text: max Σ w_v y_v, y_v ≤ Σ_{j covers v} x_j, Σ new x_j ≤ p, x binary. */
export function sitingLp(inst: SitingInstance): string {
  const coveredBy: number[][] = inst.villageIds.map(() => []);
  inst.covers.forEach((cs, j) => cs.forEach((v) => coveredBy[v]!.push(j)));
  const obj = inst.villageIds.map((_, v) => `${inst.weight[v]} y${v}`).filter((_, v) => inst.weight[v]! > 0);
  const rows: string[] = [];
  coveredBy.forEach((js, v) => rows.push(` c${v}: y${v}${js.map((j) => ` - x${j}`).join("")} <= 0`));
  const free = inst.siteIds.map((_, j) => j).filter((j) => !inst.fixedOpen[j]);
  if (free.length > 0) rows.push(` p: ${free.map((j) => `x${j}`).join(" + ")} <= ${inst.maxNewSites}`);
  const bounds = [...inst.villageIds.map((_, v) => ` 0 <= y${v} <= 1`), ...inst.siteIds.map((_, j) => (inst.fixedOpen[j] ? ` x${j} = 1` : ` 0 <= x${j} <= 1`))];
  return ["Maximize", ` obj: ${obj.length ? obj.join(" + ") : "0 y0"}`, "Subject To", ...rows, "Bounds", ...bounds, "Binary", ` ${inst.siteIds.map((_, j) => `x${j}`).join(" ")}`, "End", ""].join("\n");
}
