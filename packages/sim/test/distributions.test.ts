import { FourportsInputError } from "@fourports/network";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { empirical, exponential, gamma, lognormal, poisson, replicationRng, type Rng } from "@fourports/sim";

// Each moment is checked against its exact value within Z standard errors of the estimator
// for N draws: SE(mean) = σ/√N and, for the sample variance, SE(s²) = √((μ4 − σ⁴)/N) with the
// distribution's exact fourth central moment μ4. At Z = 5 a correct sampler fails with
// probability below 1e-6 per check (and the seeds are fixed, so a pass is reproducible), while a
// wrong parameterisation — a rate taken for a mean, a cv taken for a variance, a missed branch —
// moves a moment by far more than 5 SE at N = 200,000.
const N = 200_000;
const Z = 5;

interface Moments {
  mean: number;
  variance: number;
}

function sampleMoments(n: number, draw: () => number): Moments {
  // Welford's update, so large means do not cancel the variance's digits.
  let mean = 0;
  let m2 = 0;
  for (let i = 1; i <= n; i++) {
    const x = draw();
    const d = x - mean;
    mean += d / i;
    m2 += d * (x - mean);
  }
  return { mean, variance: m2 / (n - 1) };
}

/** Checks a sample's mean and variance against exact values, given the exact μ4. */
function expectMoments(got: Moments, mean: number, variance: number, mu4: number, n: number = N): void {
  const seMean = Math.sqrt(variance / n);
  const seVar = Math.sqrt((mu4 - variance * variance) / n);
  expect(Math.abs(got.mean - mean), `mean ${got.mean} vs ${mean} (SE ${seMean})`).toBeLessThan(Z * seMean);
  expect(Math.abs(got.variance - variance), `variance ${got.variance} vs ${variance} (SE ${seVar})`).toBeLessThan(Z * seVar);
}

const rngFor = (stream: string): Rng => replicationRng("distributions-test", 0, stream);

describe("exponential(rng, mean)", () => {
  it.each([0.5, 30, 1440])("has mean %d and variance mean²", (mean) => {
    const rng = rngFor(`exp-${mean}`);
    // Exponential: σ² = θ², μ4 = 9θ⁴.
    expectMoments(
      sampleMoments(N, () => exponential(rng, mean)),
      mean,
      mean ** 2,
      9 * mean ** 4,
    );
  });

  it("never draws a negative or infinite value", () => {
    const rng = rngFor("exp-range");
    let bad = 0;
    for (let i = 0; i < 50_000; i++) {
      const x = exponential(rng, 2);
      if (!(x >= 0 && Number.isFinite(x))) bad++;
    }
    expect(bad).toBe(0);
  });
});

describe("lognormal(rng, mean, cv)", () => {
  it.each([
    [100, 0.1],
    [8, 0.5],
    [60, 1],
  ])("with mean %d and cv %d has that mean and variance (cv·mean)²", (mean, cv) => {
    const rng = rngFor(`lognormal-${mean}-${cv}`);
    // With s² = ln(1 + cv²), the excess kurtosis is e^{4s²} + 2e^{3s²} + 3e^{2s²} − 6.
    const s2 = Math.log(1 + cv * cv);
    const variance = (cv * mean) ** 2;
    const kurtosis = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 3;
    // The heavy tail at cv = 1 makes SE(s²) large; 10⁶ draws keep the check tight enough to
    // tell cv from cv² (a variance 4× too small here).
    const n = cv >= 1 ? 1_000_000 : N;
    expectMoments(
      sampleMoments(n, () => lognormal(rng, mean, cv)),
      mean,
      variance,
      kurtosis * variance ** 2,
      n,
    );
  });

  it("returns the mean itself when cv is 0, still drawing two uniforms", () => {
    let calls = 0;
    const rng: Rng = () => (calls++, 0.5);
    expect(lognormal(rng, 42, 0)).toBe(42);
    expect(calls).toBe(2);
  });
});

describe("gamma(rng, shape, scale)", () => {
  it.each([
    [0.5, 4],
    [1, 10],
    [2.5, 3],
    [9, 0.5],
  ])("with shape %d and scale %d has mean kθ and variance kθ²", (shape, scale) => {
    const rng = rngFor(`gamma-${shape}-${scale}`);
    // Gamma: excess kurtosis 6/k, so μ4 = σ⁴(3 + 6/k). Shape 0.5 exercises the boost branch.
    const variance = shape * scale ** 2;
    expectMoments(
      sampleMoments(N, () => gamma(rng, shape, scale)),
      shape * scale,
      variance,
      variance ** 2 * (3 + 6 / shape),
    );
  });
});

describe("poisson(rng, λ)", () => {
  it.each([0.3, 4, 29.5, 30, 75, 1000])("with λ = %d has mean and variance λ", (lambda) => {
    const rng = rngFor(`poisson-${lambda}`);
    // Poisson: μ4 = λ(1 + 3λ). λ >= 30 takes the PTRS branch.
    expectMoments(
      sampleMoments(N, () => poisson(rng, lambda)),
      lambda,
      lambda,
      lambda * (1 + 3 * lambda),
    );
  });

  it("PTRS (λ = 50) matches the probability mass function at and around the mode", () => {
    const rng = rngFor("poisson-pmf");
    const lambda = 50;
    const counts = new Map<number, number>();
    let bad = 0;
    for (let i = 0; i < N; i++) {
      const k = poisson(rng, lambda);
      if (!(Number.isInteger(k) && k >= 0)) bad++;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(bad).toBe(0);
    let logFact = 0;
    for (let k = 1; k <= 70; k++) {
      logFact += Math.log(k);
      if (k < 35) continue;
      const p = Math.exp(-lambda + k * Math.log(lambda) - logFact);
      const se = Math.sqrt((p * (1 - p)) / N);
      expect(Math.abs((counts.get(k) ?? 0) / N - p), `P(${k})`).toBeLessThan(Z * se);
    }
  });

  it("is 0 for λ = 0", () => {
    expect(poisson(rngFor("poisson-0"), 0)).toBe(0);
  });
});

describe("empirical(values, weights)", () => {
  it("draws each value with probability proportional to its weight, so mean and variance follow", () => {
    const values = [2, 5, 11, 40];
    const weights = [4, 3, 2, 1];
    const total = weights.reduce((x, y) => x + y, 0);
    const p = weights.map((w) => w / total);
    const mean = values.reduce((s, v, i) => s + v * p[i]!, 0);
    const variance = values.reduce((s, v, i) => s + (v - mean) ** 2 * p[i]!, 0);
    const mu4 = values.reduce((s, v, i) => s + (v - mean) ** 4 * p[i]!, 0);
    const draw = empirical(values, weights);
    const rng = rngFor("empirical");
    const counts = new Map<number, number>();
    const got = sampleMoments(N, () => {
      const x = draw(rng);
      counts.set(x, (counts.get(x) ?? 0) + 1);
      return x;
    });
    expectMoments(got, mean, variance, mu4);
    values.forEach((v, i) => {
      const se = Math.sqrt((p[i]! * (1 - p[i]!)) / N);
      expect(Math.abs((counts.get(v) ?? 0) / N - p[i]!)).toBeLessThan(Z * se);
    });
  });

  it("never draws a value of weight 0, and equal weights when none are given", () => {
    const rng = rngFor("empirical-zero");
    const skip = empirical([1, 2, 3], [1, 0, 1]);
    const even = empirical([10, 20]);
    let twenties = 0;
    let twos = 0;
    for (let i = 0; i < 20_000; i++) {
      if (skip(rng) === 2) twos++;
      if (even(rng) === 20) twenties++;
    }
    expect(twos).toBe(0);
    expect(Math.abs(twenties / 20_000 - 0.5)).toBeLessThan(Z * Math.sqrt(0.25 / 20_000));
  });

  it("rejects empty values, mismatched or negative weights and a zero total", () => {
    expect(() => empirical([])).toThrow(RangeError);
    expect(() => empirical([1, 2], [1])).toThrow(RangeError);
    expect(() => empirical([1, 2], [1, -1])).toThrow(RangeError);
    expect(() => empirical([1, 2], [0, 0])).toThrow(RangeError);
  });
});

describe("replicationRng(seed, replication, stream)", () => {
  const take = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng());
  const key = fc.record({ seed: fc.oneof(fc.string(), fc.integer()), replication: fc.nat(10_000), stream: fc.string() });

  it("gives the same sequence for the same seed, replication and stream", () => {
    fc.assert(
      fc.property(key, ({ seed, replication, stream }) => {
        expect(take(replicationRng(seed, replication, stream), 20)).toEqual(take(replicationRng(seed, replication, stream), 20));
      }),
    );
  });

  it("gives a different sequence when the seed, the replication or the stream differs", () => {
    fc.assert(
      fc.property(key, key, (x, y) => {
        fc.pre(`${x.seed}|${x.replication}|${x.stream}` !== `${y.seed}|${y.replication}|${y.stream}`);
        expect(take(replicationRng(x.seed, x.replication, x.stream), 4)).not.toEqual(take(replicationRng(y.seed, y.replication, y.stream), 4));
      }),
    );
    // The neighbours a Monte Carlo actually uses.
    const base = take(replicationRng(7, 3, "delays"), 8);
    expect(take(replicationRng(8, 3, "delays"), 8)).not.toEqual(base);
    expect(take(replicationRng(7, 4, "delays"), 8)).not.toEqual(base);
    expect(take(replicationRng(7, 3, "demand"), 8)).not.toEqual(base);
  });

  it("draws uniforms in [0, 1)", () => {
    const rng = replicationRng("u", 0, "u");
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < N; i++) {
      const u = rng();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / N - 0.5)).toBeLessThan(Z * Math.sqrt(1 / 12 / N));
  });

  it("rejects a negative or fractional replication index", () => {
    expect(() => replicationRng(1, -1, "s")).toThrow(FourportsInputError);
    expect(() => replicationRng(1, 1.5, "s")).toThrow(/replication: expected a whole number >= 0, got number 1.5/);
  });
});
