import { describe, expect, it } from "vitest";
import { EventCalendar, exponential, replicationRng, Resource, type EventHandler } from "@fourports/sim";

// Queueing theory as an end-to-end check of the engine: M/M/c stations built from the
// EventCalendar and Resource alone, run over independent replications (replicationRng streams),
// must reproduce Erlang C and, in series, Jackson's product form.

/**
 * Erlang C: the probability that an arrival to an M/M/c queue waits, with offered load
 * a = λ/μ (arrival rate × mean service time) and c servers, a < c:
 *
 *               (a^c / c!) · c / (c − a)
 *   C(c, a) = ─────────────────────────────────────────────
 *             Σ_{k=0}^{c−1} a^k / k!  +  (a^c / c!) · c / (c − a)
 *
 * and the mean wait in the queue is Wq = C(c, a) / (cμ − λ) = C(c, a) · S / (c − a), with
 * S = 1/μ the mean service time; the mean sojourn is W = Wq + S.
 */
function erlangC(c: number, a: number): number {
  let term = 1; // a^k / k!
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = (term * c) / (c - a);
  return top / (sum + top);
}

function mmcWaitMin(c: number, meanInterarrivalMin: number, meanServiceMin: number): number {
  const a = meanServiceMin / meanInterarrivalMin;
  if (!(a < c)) throw new RangeError("unstable queue");
  return (erlangC(c, a) * meanServiceMin) / (c - a);
}

interface Station {
  servers: number;
  meanServiceMin: number;
}

interface TandemRun {
  /** Per station, mean wait in queue and mean sojourn (wait + service) of the counted customers. */
  waitMin: number[];
  sojournMin: number[];
  /** Mean time from arrival at the first station to departure from the last. */
  totalMin: number;
}

const ARRIVAL = 0;

/**
 * Poisson arrivals through stations in series, each an M/M/c (Resource + exponential service);
 * customers numbered below `warmup` fill the system from empty and are not counted.
 */
function runTandem(stations: readonly Station[], meanInterarrivalMin: number, customers: number, warmup: number, seed: string, replication: number): TandemRun {
  const arrivals = replicationRng(seed, replication, "arrivals");
  const service = replicationRng(seed, replication, "service");
  const cal = new EventCalendar();
  const res = stations.map((s) => new Resource(s.servers, "fifo"));
  const enteredMin = stations.map(() => new Float64Array(customers));
  const arrivedMin = new Float64Array(customers);
  const waitSum = new Float64Array(stations.length);
  const sojournSum = new Float64Array(stations.length);
  let totalSum = 0;
  let released = 0;

  const startService = (k: number, id: number): void => {
    if (id >= warmup) waitSum[k] += res[k]!.lastWaitMin;
    cal.schedule(cal.now + exponential(service, stations[k]!.meanServiceMin), 1 + k, id);
  };
  const enter = (k: number, id: number): void => {
    enteredMin[k]![id] = cal.now;
    if (res[k]!.request(cal.now, id)) startService(k, id);
  };
  const handlers: EventHandler[] = [
    () => {
      const id = released++;
      arrivedMin[id] = cal.now;
      enter(0, id);
      if (released < customers) cal.schedule(cal.now + exponential(arrivals, meanInterarrivalMin), ARRIVAL);
    },
    ...stations.map((_, k): EventHandler => (id) => {
      const next = res[k]!.release(cal.now);
      if (next >= 0) startService(k, next);
      if (id >= warmup) sojournSum[k] += cal.now - enteredMin[k]![id]!;
      if (k + 1 < stations.length) enter(k + 1, id);
      else if (id >= warmup) totalSum += cal.now - arrivedMin[id]!;
    }),
  ];
  cal.schedule(0, ARRIVAL);
  cal.run(handlers);
  const counted = customers - warmup;
  return { waitMin: [...waitSum].map((w) => w / counted), sojournMin: [...sojournSum].map((w) => w / counted), totalMin: totalSum / counted };
}

// Two-sided 97.5% quantiles of Student's t for the replications' 95% confidence interval.
const T975: Record<number, number> = { 9: 2.262, 11: 2.201, 14: 2.145, 19: 2.093 };

interface Interval {
  mean: number;
  halfWidth: number;
}

function confidence(xs: readonly number[]): Interval {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { mean, halfWidth: T975[n - 1]! * Math.sqrt(variance / n) };
}

/** Theory inside the 95% interval, and the interval narrow enough (≤ `relative` of theory) to tell. */
function expectWithin(ci: Interval, theory: number, relative: number, what: string): void {
  expect(Math.abs(ci.mean - theory), `${what}: ${ci.mean.toFixed(3)} ± ${ci.halfWidth.toFixed(3)} vs theory ${theory.toFixed(3)}`).toBeLessThanOrEqual(ci.halfWidth);
  expect(ci.halfWidth / theory, `${what}: interval too wide to test anything`).toBeLessThan(relative);
}

const REPLICATIONS = 10;

describe("M/M/c built from EventCalendar + Resource", () => {
  it("Erlang C for a known case: M/M/2 at a = 1.6 waits with probability 0.7111", () => {
    // (1.6²/2 · 2/0.4) / (1 + 1.6 + 1.6²/2 · 2/0.4) = 6.4 / 9 = 0.7111…
    expect(erlangC(2, 1.6)).toBeCloseTo(6.4 / 9, 12);
    // M/M/1: C = ρ, Wq = ρS/(1 − ρ).
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    expect(mmcWaitMin(1, 10, 7)).toBeCloseTo((0.7 * 7) / 0.3, 12);
  });

  it.each([
    { servers: 1, meanInterarrivalMin: 10, meanServiceMin: 7 },
    { servers: 3, meanInterarrivalMin: 10, meanServiceMin: 24 },
  ])("M/M/$servers at utilisation $meanServiceMin/($servers·$meanInterarrivalMin): the mean wait matches Erlang C within the 95% CI", ({ servers, meanInterarrivalMin, meanServiceMin }) => {
    const station = { servers, meanServiceMin };
    const waits = Array.from({ length: REPLICATIONS }, (_, r) => runTandem([station], meanInterarrivalMin, 40_000, 2_000, `mmc-${servers}`, r).waitMin[0]!);
    expectWithin(confidence(waits), mmcWaitMin(servers, meanInterarrivalMin, meanServiceMin), 0.08, `M/M/${servers} mean wait`);
  });
});

describe("a tandem of M/M/c stations (Jackson network)", () => {
  it("each station's mean sojourn, and the total, match the product-form result within the 95% CI", () => {
    // Jackson: with Poisson arrivals and exponential service, each station of an open network
    // behaves as an independent M/M/c fed at the external rate λ, so its mean sojourn is
    // Wq(c, λ, S) + S and the mean time through the series is their sum.
    const meanInterarrivalMin = 10;
    const stations: Station[] = [
      { servers: 1, meanServiceMin: 7 },
      { servers: 2, meanServiceMin: 15 },
    ];
    const runs = Array.from({ length: REPLICATIONS }, (_, r) => runTandem(stations, meanInterarrivalMin, 40_000, 2_000, "jackson", r));
    let total = 0;
    stations.forEach((s, k) => {
      const theory = mmcWaitMin(s.servers, meanInterarrivalMin, s.meanServiceMin) + s.meanServiceMin;
      total += theory;
      expectWithin(
        confidence(runs.map((run) => run.sojournMin[k]!)),
        theory,
        0.05,
        `station ${k + 1} (M/M/${s.servers}) mean sojourn`,
      );
    });
    expectWithin(
      confidence(runs.map((run) => run.totalMin)),
      total,
      0.05,
      "mean time through both stations",
    );
    // Per customer the sojourns add up to the time through the series.
    for (const run of runs) expect(run.totalMin).toBeCloseTo(run.sojournMin[0]! + run.sojournMin[1]!, 6);
  });
});
