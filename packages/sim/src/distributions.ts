import type { Rng } from "./rng.js";

// Every distribution the simulation draws from, each from an explicit generator.

/** Exponential with the given mean (mean > 0). */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng());
}

/** Standard normal by Box–Muller (two uniforms per draw, so no hidden state between draws). */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Lognormal with the given mean and coefficient of variation (cv = sd / mean); two uniforms a draw, also for cv 0. */
export function lognormal(rng: Rng, mean: number, cv: number): number {
  return lognormalOf(standardNormal(rng), mean, cv);
}

/** The lognormal value with the given mean and cv at standard normal z. */
export function lognormalOf(z: number, mean: number, cv: number): number {
  if (cv === 0) return mean;
  const s2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * z);
}

/** Gamma with shape k > 0 and scale θ (Marsaglia & Tsang 2000; shape < 1 by the boost U^(1/k)). */
export function gamma(rng: Rng, shape: number, scale: number): number {
  if (shape < 1) return gamma(rng, shape + 1, scale) * Math.pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** Poisson with mean λ >= 0: multiplication for λ < 30, Hörmann's PTRS above. */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda === 0) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rng();
    while (p > limit) {
      k++;
      p *= rng();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
  }
}

function logFactorial(k: number): number {
  if (k < 2) return 0;
  // Stirling series; exact enough (error < 1e-10) for k >= 2 as PTRS needs it.
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

/**
 * An empirical distribution: one of `values` with probability proportional to `weights`
 * (equal weights when omitted). Prepared once; each draw is a binary search.
 */
export function empirical(values: readonly number[], weights?: readonly number[]): (rng: Rng) => number {
  if (values.length === 0) throw new RangeError("empirical(): expected at least one value");
  if (weights !== undefined && weights.length !== values.length) throw new RangeError("empirical(): weights and values differ in length");
  const cum = new Float64Array(values.length);
  let sum = 0;
  values.forEach((_, i) => {
    const w = weights?.[i] ?? 1;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`empirical(): weight ${i} is ${w}, expected a finite number >= 0`);
    sum += w;
    cum[i] = sum;
  });
  if (!(sum > 0)) throw new RangeError("empirical(): the weights sum to 0");
  return (rng) => {
    const x = rng() * sum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  };
}
