import { quantile } from "./result.js";

/** A quantity over the replications: mean, 5th/50th/95th percentiles, and the 95% CI half-width of the mean. */
export interface Stat {
  /** Mean over the replications. */
  mean: number;
  /** 5th percentile (type-7 quantile). */
  p5: number;
  /** Median (type-7 quantile). */
  p50: number;
  /** 95th percentile (type-7 quantile). */
  p95: number;
  /** Half-width of the 95% confidence interval of the mean (Student t, n − 1 degrees of freedom); 0 for one replication. */
  ciHalfWidth: number;
}

// Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093,
  2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The 95% two-sided Student t quantile; beyond 30 degrees of freedom by the usual 1/df expansion. */
export function t95(df: number): number {
  if (df < 1) return NaN;
  if (df <= 30) return T95[df - 1]!;
  return 1.959964 + 2.37227 / df + 2.82 / (df * df);
}

/** Summarises one number per replication as a {@link Stat}; every field is NaN for no values. */
export function stat(values: readonly number[]): Stat {
  const n = values.length;
  if (n === 0) return { mean: NaN, p5: NaN, p50: NaN, p95: NaN, ciHalfWidth: NaN };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const sorted = Float64Array.from(values).sort();
  const half = n > 1 ? (t95(n - 1) * Math.sqrt(ss / (n - 1))) / Math.sqrt(n) : 0;
  return { mean, p5: quantile(sorted, 0.05), p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), ciHalfWidth: half };
}
