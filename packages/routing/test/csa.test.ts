import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandTimetable, loadScenarioFile, minuteOfDateTime } from "@fourports/network";
import { ConnectionScan, paretoJourneys, prepareRouting, profileQuery, UNREACHED, type Journey } from "@fourports/routing";
import type { RoutingNetwork } from "../src/network.js";
import { enumerateJourneys, timetableArb } from "./timetables.js";

const startArb = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 * 1440 }));

/** A journey's legs must chain in space and time and use real connections. */
function checkJourney(net: RoutingNetwork, j: Journey): void {
  let hub = j.fromHub;
  let time = j.departMin;
  for (const leg of j.legs) {
    expect(leg.fromHub).toBe(hub);
    expect(leg.departMin).toBeGreaterThanOrEqual(time);
    if (leg.kind === "service") {
      const [b, a] = leg.connections;
      expect(net.timetable.trip[b]).toBe(net.timetable.trip[a]);
      expect(net.hubIds[net.timetable.depHub[b]!]).toBe(leg.fromHub);
      expect(net.timetable.depMin[b]).toBe(leg.departMin);
    }
    hub = leg.toHub;
    time = leg.arriveMin;
  }
  expect(hub).toBe(j.toHub);
  expect(time).toBe(j.arriveMin);
}

describe("ConnectionScan", () => {
  it("finds the earliest arrival at every hub that brute force over all journeys finds", () => {
    fc.assert(
      fc.property(timetableArb, startArb, (net, [s, dep]) => {
        const source = s % net.hubCount;
        const scan = new ConnectionScan(net);
        scan.run(source, dep);
        const best = new Array<number>(net.hubCount).fill(UNREACHED);
        for (const o of enumerateJourneys(net, source, dep)) best[o.hub] = Math.min(best[o.hub]!, o.t);
        expect([...scan.arrival]).toEqual(best);
        for (let v = 0; v < net.hubCount; v++) {
          const j = scan.journey(v);
          if (best[v] === UNREACHED) expect(j).toBeNull();
          else checkJourney(net, j!);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same answer one-to-one with target pruning, and across reused queries", () => {
    fc.assert(
      fc.property(timetableArb, fc.array(fc.tuple(startArb, fc.nat()), { minLength: 1, maxLength: 5 }), (net, queries) => {
        const scan = new ConnectionScan(net);
        const fresh = new ConnectionScan(net);
        for (const [[s, dep], t] of queries) {
          const source = s % net.hubCount;
          const target = t % net.hubCount;
          scan.run(source, dep, { target });
          fresh.run(source, dep);
          expect(scan.arrival[target]).toBe(fresh.arrival[target]);
        }
      }),
    );
  });

  it("skips masked connections", () => {
    fc.assert(
      fc.property(timetableArb, startArb, (net, [s, dep]) => {
        const scan = new ConnectionScan(net);
        const all = new Uint8Array(net.timetable.length).fill(1);
        scan.run(s % net.hubCount, dep, { skip: all });
        for (let v = 0; v < net.hubCount; v++) {
          const j = scan.journey(v);
          if (j) expect(j.legs.every((l) => l.kind === "transfer")).toBe(true);
        }
      }),
    );
  });
});

describe("profileQuery", () => {
  it("holds, for any departure time, the earliest arrival of leaving then", () => {
    fc.assert(
      fc.property(timetableArb, fc.nat(), fc.nat(), fc.array(fc.integer({ min: 0, max: 1440 }), { minLength: 1, maxLength: 6 }), (net, s, t, probes) => {
        const source = s % net.hubCount;
        const target = t % net.hubCount;
        fc.pre(source !== target);
        const scan = new ConnectionScan(net);
        const { entries: prof, directMin } = profileQuery(scan, source, target, 0, 3 * 1440); // covers every departure of the timetable
        for (let i = 1; i < prof.length; i++) {
          expect(prof[i]!.departMin).toBeGreaterThan(prof[i - 1]!.departMin);
          expect(prof[i]!.arriveMin).toBeGreaterThan(prof[i - 1]!.arriveMin);
        }
        for (const p of probes) {
          scan.run(source, p, { target });
          const fromProfile = Math.min(UNREACHED, directMin === null ? UNREACHED : p + directMin, ...prof.filter((e) => e.departMin >= p).map((e) => e.arriveMin));
          expect(scan.arrival[target]).toBe(fromProfile);
        }
      }),
    );
  });
});

describe("paretoJourneys", () => {
  it("returns exactly the Pareto-optimal (arrival, cost, CO2) outcomes brute force finds, none dominated", () => {
    fc.assert(
      fc.property(timetableArb, startArb, fc.nat(), (net, [s, dep], t) => {
        const source = s % net.hubCount;
        const target = t % net.hubCount;
        fc.pre(source !== target);
        const res = paretoJourneys(net, source, target, dep, { maxLabels: 1000 });
        expect(res.truncated).toBe(false);
        const outcomes = enumerateJourneys(net, source, dep).filter((o) => o.hub === target);
        const eps = 1e-9;
        const dominated = (a: { t: number; cost: number; co2: number }, b: { t: number; cost: number; co2: number }): boolean =>
          b.t <= a.t && b.cost <= a.cost + eps && b.co2 <= a.co2 + eps && (b.t < a.t || b.cost < a.cost - eps || b.co2 < a.co2 - eps);
        const front = outcomes.filter((o) => !outcomes.some((p) => dominated(o, p)));
        const key = (x: { t: number; cost: number; co2: number }): string => `${x.t}/${x.cost.toFixed(6)}/${x.co2.toFixed(6)}`;
        const got = res.journeys.map((j) => ({ t: j.arriveMin, cost: j.costCny, co2: j.co2Kg }));
        expect(new Set(got.map(key))).toEqual(new Set(front.map(key)));
        expect(got.length).toBe(new Set(got.map(key)).size);
        for (const j of res.journeys) {
          checkJourney(net, { fromHub: net.hubIds[source]!, toHub: net.hubIds[target]!, departMin: dep, arriveMin: j.arriveMin, legs: j.legs });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("routing the Zhengzhou 2025 scenario", () => {
  const sc = loadScenarioFile(new URL("../../../seeds/zhengzhou-2025.json", import.meta.url).pathname);
  const net = prepareRouting(sc, expandTimetable(sc));
  const idx = (id: string): number => sc.hubs.findIndex((h) => h.id === id);

  it("sends Zhengzhou freight to Hamburg from the new land port after the move", () => {
    const scan = new ConnectionScan(net);
    scan.run(idx("ZZ-CITY"), minuteOfDateTime(sc.epoch, "2025-07-01T08:00"), { target: idx("HAMBURG") });
    const j = scan.journey(idx("HAMBURG"))!;
    expect(j.legs.map((l) => (l.kind === "service" ? l.serviceId : "transfer"))).toEqual(["transfer", "CRE-HAMBURG-OUT-ILP"]);
  });

  it("offers a faster-but-dearer and a slower-but-cleaner way to Hamburg", () => {
    const res = paretoJourneys(net, idx("ZZ-CITY"), idx("HAMBURG"), minuteOfDateTime(sc.epoch, "2025-07-01T08:00"));
    expect(res.journeys.length).toBeGreaterThan(0);
    const fastest = res.journeys[0]!;
    const cleanest = [...res.journeys].sort((a, b) => a.co2Kg - b.co2Kg)[0]!;
    expect(fastest.arriveMin).toBeLessThanOrEqual(cleanest.arriveMin);
    expect(cleanest.co2Kg).toBeLessThanOrEqual(fastest.co2Kg);
  });
});
