/**
 * Planners' capacities, supplies and costs are fractional (tonnes, CNY). The solvers work on
 * integers, exactly, so every value is scaled by a power of ten just large enough to make all
 * of one kind whole — at most 10^6 (a resolution of a millionth). A value finer than that is an
 * error, never rounded, and so is an instance whose scaled sums could exceed 2^53.
 */
export const MAX_DECIMALS = 6;

/** Decimal places needed to write v exactly as a short decimal, or Infinity. */
function decimalsOf(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return 0;
  for (let d = 1; d <= MAX_DECIMALS; d++) {
    const s = v * 10 ** d;
    if (Math.abs(s - Math.round(s)) <= 1e-9 * Math.max(1, Math.abs(s))) return d;
  }
  return Infinity;
}

export interface Scaled {
  factor: number;
  values: Float64Array;
}

/**
 * Scales a list of values to integers by the smallest common power of ten. Returns the index
 * of the first value that needs more than MAX_DECIMALS places instead, when there is one.
 */
export function scaleToIntegers(values: ArrayLike<number>): Scaled | { bad: number } {
  let d = 0;
  for (let i = 0; i < values.length; i++) {
    const di = decimalsOf(values[i]!);
    if (di === Infinity) return { bad: i };
    if (di > d) d = di;
  }
  const factor = 10 ** d;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = Number.isFinite(v) ? Math.round(v * factor) : v;
  }
  return { factor, values: out };
}
