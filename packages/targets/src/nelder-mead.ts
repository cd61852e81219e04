/**
 * Minimises f over R^n by the Nelder–Mead simplex (standard coefficients 1, 2, 0.5, 0.5), from
 * x0 with initial steps `step`. Deterministic: no random restarts. For the few, cheap
 * parameters of the choice fit; stops after maxEvaluations or when the simplex's values agree
 * within tolerance (relative to the best value). `options.signal` is checked before each
 * iteration.
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  step: number[],
  options: { maxEvaluations?: number; tolerance?: number; signal?: AbortSignal } = {},
): {
  /** The best point found. */
  x: number[];
  /** f at that point. */
  value: number;
  /** Evaluations of f spent. */
  evaluations: number;
} {
  const n = x0.length;
  const maxEval = options.maxEvaluations ?? 2000;
  const tol = options.tolerance ?? 1e-9;
  let evaluations = 0;
  const ev = (x: number[]): number => {
    evaluations++;
    return f(x);
  };
  let simplex = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + step[i]! : v)))].map((x) => ({ x, v: ev(x) }));
  while (evaluations < maxEval) {
    options.signal?.throwIfAborted();
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.v - best.v) <= tol * (Math.abs(best.v) + tol)) break;
    const centroid = Array.from({ length: n }, (_, j) => simplex.slice(0, n).reduce((s, p) => s + p.x[j]!, 0) / n);
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (worst.x[j]! - c));
    const r = { x: along(-1), v: 0 };
    r.v = ev(r.x);
    if (r.v < best.v) {
      const e = { x: along(-2), v: 0 };
      e.v = ev(e.x);
      simplex[n] = e.v < r.v ? e : r;
    } else if (r.v < simplex[n - 1]!.v) {
      simplex[n] = r;
    } else {
      const c = { x: along(r.v < worst.v ? -0.5 : 0.5), v: 0 };
      c.v = ev(c.x);
      if (c.v < Math.min(worst.v, r.v)) simplex[n] = c;
      else simplex = simplex.map((p, i) => (i === 0 ? p : { x: p.x.map((v, j) => best.x[j]! + 0.5 * (v - best.x[j]!)), v: 0 })).map((p, i) => (i === 0 ? p : { x: p.x, v: ev(p.x) }));
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, evaluations };
}
