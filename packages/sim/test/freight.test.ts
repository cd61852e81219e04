import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenarioFile, loadScenarioValue, type Scenario } from "@fourports/network";
import { assignDemand, throughputValue } from "@fourports/flow";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildModel, eventLogPath, runReplication, simulate, type SimLogEvent } from "@fourports/sim";
import { auditEventLog } from "@fourports/sim/testing";
import { scenarioArb, VARIABILITY } from "./scenarios.js";

const seed2025 = fileURLToPath(new URL("../../../seeds/zhengzhou-2025.json", import.meta.url));

/** Runs one replication and audits its event log (auditEventLog of @fourports/sim/testing); returns the log. */
function audited(sc: Scenario, seed: number): SimLogEvent[] {
  const log: SimLogEvent[] = [];
  const m = buildModel(sc, { maxTransitDays: 10 });
  const r = runReplication(m, { seed, replication: 0, onEvent: (e) => log.push(e) });
  expect(auditEventLog(log, r)).toEqual([]);
  return log;
}

describe("a replication", () => {
  it("conserves every tonne and never overfills a departure, with delays, cancellations, closures, yards and border queues", () => {
    fc.assert(
      fc.property(scenarioArb({ variability: true, storage: true, onDemand: false }), fc.integer({ min: 1, max: 1000 }), (sc, seed) => {
        audited(sc, seed);
      }),
      { numRuns: 40 },
    );
  });

  it("runs on-demand slots only with a vehicle of the pool at hand, never more than the slots", () => {
    fc.assert(
      fc.property(scenarioArb({ variability: true, storage: false, onDemand: true }), fc.integer({ min: 1, max: 1000 }), (sc, seed) => {
        const log = audited(sc, seed);
        const s = sc.services[0]!;
        const od = s.onDemand!;
        const starts = log.filter((e): e is Extract<SimLogEvent, { kind: "depart" }> => e.kind === "depart" && e.service === s.id).map((e) => e.t);
        const decided = log.filter((e) => (e.kind === "depart" || e.kind === "cancel") && e.service === s.id).length;
        const m = buildModel(sc);
        const slots = m.tripService.filter((x) => x === 0).length;
        expect(decided).toBe(slots);
        // At any departure, the vehicles that left within one rotation before it number fewer than the pool.
        starts.forEach((t, i) => {
          const busy = starts.slice(0, i).filter((u) => u > t - od.rotationMin).length;
          expect(busy).toBeLessThan(od.vehicles);
        });
      }),
      { numRuns: 30 },
    );
  });

  it("holds arrivals at the gate of a full yard and still conserves them", () => {
    const P = { source: "t", label: "ASSUMPTION" } as const;
    const hub = (id: string, storageT?: number) => ({ id, name: id, kind: "city" as const, portGroup: null, city: id, country: "CN", lon: 0, lat: 0, transferMin: { default: 30 }, ...(storageT ? { storageT } : {}), ...P });
    const flow = (id: string, vot: number) => ({ id, from: "H0", to: "H1", commodity: "general" as const, tPerYear: 20_000, valueOfTimeCnyPerTHour: vot, modes: ["road" as const], ...P });
    const sc = loadScenarioValue({
      id: "yard", name: "yard", epoch: "2025-01-01", horizonDays: 14, homeCity: "H0", sources: { t: { title: "t" } },
      hubs: [hub("H0", 30), hub("H1")],
      services: [{ id: "S", line: "S", mode: "road", from: "H0", to: "H1", distanceKm: 10, durationMin: 60, capacityT: 500, tariffCnyPerT: 1, international: false, schedule: { type: "frequency", perDay: 1, firstTime: "12:00" }, ...P }],
      transfers: [],
      demand: [flow("D0", 10), flow("D1", 5)],
    });
    audited(sc, 1);
    const r = runReplication(buildModel(sc, { maxTransitDays: 10 }), { seed: 1, replication: 0 });
    const yard = r.hubs.find((h) => h.hub === "H0")!;
    // D1's consignment waits at the gate every day until D0's leaves, and then misses the 12:00 truck.
    expect(yard.blockedArrivals).toBeGreaterThanOrEqual(13);
    expect(yard.blockedHours).toBeGreaterThan(13 * 3.9);
    expect(r.missedConnections).toBeGreaterThan(0);
  });

  it("is the same for the same seed and differs for another", () => {
    const sc = fc.sample(scenarioArb({ variability: true, storage: true, onDemand: true }), { numRuns: 1, seed: 11 })[0]!;
    const m = buildModel(sc);
    const a = JSON.stringify(runReplication(m, { seed: 5, replication: 2 }));
    const b = JSON.stringify(runReplication(buildModel(sc), { seed: 5, replication: 2 }));
    expect(a).toBe(b);
    const c = JSON.stringify(runReplication(m, { seed: 5, replication: 3 }));
    expect(c).not.toBe(a);
  });

  it("lengthens the border dwell when background trains share the tracks", () => {
    const sc = fc.sample(scenarioArb({ variability: false, storage: false, onDemand: false }), { numRuns: 1, seed: 5 })[0]!;
    const railBorder: Scenario = {
      ...sc,
      services: [
        ...sc.services,
        { id: "XB", line: "XB", mode: "rail", from: "H0", to: "H1", via: [{ hub: "BX", arriveMin: 600, departMin: 750 }], distanceKm: 100, durationMin: 1500, capacityT: 50, tariffCnyPerT: 1, international: true, schedule: { type: "frequency", perDay: 12 }, source: "t", label: "ASSUMPTION" },
      ],
    };
    const dwell = (bg: number): number => {
      const s: Scenario = { ...railBorder, hubs: railBorder.hubs.map((h) => (h.id === "BX" ? { ...h, handling: { trainsPerDay: 12 }, backgroundTrainsPerDay: bg } : h)), variability: { ...VARIABILITY, modes: {}, disruptions: [] } };
      return runReplication(buildModel(s), { seed: 1, replication: 0 }).crossings.find((c) => c.hub === "BX")!.dwellMin.mean;
    };
    const quiet = dwell(0);
    expect(quiet).toBeGreaterThanOrEqual(120 * 0.5);
    expect(dwell(40)).toBeGreaterThan(quiet * 1.5);
  });
});

describe("with every random element off and every service scheduled", () => {
  it("reproduces the assignment's loads exactly on random networks without handling limits", () => {
    fc.assert(
      fc.property(scenarioArb({ variability: false, storage: false, onDemand: false }), (sc) => {
        const plain: Scenario = { ...sc, hubs: sc.hubs.map(({ handling, ...h }) => (h.kind === "border-crossing" ? { ...h, handling: handling!, backgroundTrainsPerDay: 0 } : h)) };
        const m = buildModel(plain, { maxTransitDays: 10 });
        const r = runReplication(m, { seed: 1, replication: 0 });
        const a = assignDemand(plain, m.net, { maxTransitDays: 10, choice: "earliest" });
        // The crossing still queues trains (its gauge change is a server), so only networks
        // whose trains never wait there are the same: those without rail via the crossing.
        if (r.crossings.some((c) => c.dwellMin.max > 150 + 1e-9)) return;
        const simUn = r.unservedT;
        expect(r.deliveredT).toBeCloseTo(a.servedT, 6);
        expect(simUn.capacity).toBeCloseTo(a.unservedT.capacity, 6);
        expect(simUn["too late"]).toBeCloseTo(a.unservedT["too late"], 6);
      }),
      { numRuns: 40 },
    );
  });

  it("reproduces the 2025 seed's assignment (first 45 days, handling limits lifted)", () => {
    const sc = loadScenarioFile(seed2025);
    const { variability: _v, ...rest } = sc;
    const plain: Scenario = {
      ...rest,
      horizonDays: 45,
      hubs: sc.hubs.map(({ handling, ...h }) => ({ ...h, ...(handling?.trainsPerDay !== undefined ? { handling: { trainsPerDay: handling.trainsPerDay } } : {}), backgroundTrainsPerDay: 0 }) as typeof h),
      services: sc.services.map(({ dispatch: _d, onDemand: _o, ...s }) => s),
    };
    for (const h of plain.hubs) if (h.kind !== "border-crossing") delete h.backgroundTrainsPerDay;
    const m = buildModel(plain);
    const targets = [
      { id: "air", metric: "air-cargo-t", hubs: ["CGO"], comparator: ">=" as const, value: 0 },
      { id: "trains", metric: "cre-trains", comparator: ">=" as const, value: 0 },
      { id: "rail-t", metric: "cre-t", comparator: ">=" as const, value: 0 },
    ];
    const r = runReplication(m, { seed: 1, replication: 0, targets });
    const a = assignDemand(plain, m.net, { choice: "earliest" });
    const year = { scenario: plain, timetable: m.timetable };
    expect(r.missedConnections).toBe(0);
    for (const t of targets) expect(r.targets[t.id]).toBeCloseTo(throughputValue(t.metric, t.hubs, year.scenario, year.timetable, a)!, 3);
    expect(r.unservedT.capacity).toBeCloseTo(a.unservedT.capacity, 3);
    expect(r.targets["air"]).toBeGreaterThan(0);
  });
});

describe("simulate", () => {
  it("gives byte-identical aggregates on 1 and 2 workers", async () => {
    const sc = fc.sample(scenarioArb({ variability: true, storage: true, onDemand: true }), { numRuns: 1, seed: 21 })[0]!;
    const targets = [{ id: "h0", metric: "cre-t", comparator: ">=" as const, value: 100 }];
    const one = await simulate(sc, { replications: 6, seed: 9, workers: 1, targets, batch: 3 });
    const two = await simulate(sc, { replications: 6, seed: 9, workers: 2, targets, batch: 3 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.replications).toBe(6);
  });

  it("streams each replication's event log to a JSON Lines file from the workers, conserving every tonne", async () => {
    const sc = fc.sample(scenarioArb({ variability: true, storage: true, onDemand: true }), { numRuns: 1, seed: 8 })[0]!;
    const dir = mkdtempSync(join(tmpdir(), "fourports-log-"));
    const r = await simulate(sc, { replications: 3, seed: 2, workers: 2, eventLogDir: dir, keepReplications: true });
    for (let i = 0; i < 3; i++) {
      const events = readFileSync(eventLogPath(dir, i), "utf8").trim().split("\n").map((l) => JSON.parse(l) as SimLogEvent);
      let released = 0;
      let ended = 0;
      for (const e of events) {
        if (e.kind === "release") released += e.tonnes;
        if (e.kind === "deliver" || e.kind === "unserved") ended += e.tonnes;
      }
      expect(ended).toBeCloseTo(released, 6);
      expect(released).toBeCloseTo(r.replicationResults![i]!.releasedT, 6);
    }
  });

  it("stops on the confidence-interval rule at a batch boundary", async () => {
    const sc = fc.sample(scenarioArb({ variability: true, storage: false, onDemand: false }), { numRuns: 1, seed: 4 })[0]!;
    const targets = [{ id: "all", metric: "air-cargo-t", hubs: sc.hubs.map((h) => h.id), comparator: ">=" as const, value: 0 }];
    const r = await simulate(sc, { replications: 40, seed: 1, untilRelativeCi: 0.5, batch: 5, targets });
    expect(r.replications % 5).toBe(0);
    if (r.stoppedBy === "confidence interval") {
      const t = r.targets[0]!;
      expect(t.value!.ciHalfWidth).toBeLessThanOrEqual(0.5 * Math.abs(t.value!.mean));
    } else expect(r.replications).toBe(40);
  });

  it("rejects impossible options with a clear error", async () => {
    const sc = fc.sample(scenarioArb({ variability: false, storage: false, onDemand: false }), { numRuns: 1, seed: 1 })[0]!;
    await expect(simulate(sc, { replications: 0 })).rejects.toThrow(/replications: expected a whole number >= 1/);
    await expect(simulate(sc, { replications: 2.5 })).rejects.toMatchObject({ code: "invalid-option" });
    await expect(simulate(sc, { workers: 1e9 })).rejects.toThrow(/workers: expected a whole number >= 1 <= 256/);
    await expect(simulate(sc, { untilRelativeCi: 2 })).rejects.toThrow(/untilRelativeCi/);
    await expect(simulate(sc, { untilRelativeCi: Number.NaN })).rejects.toThrow(/untilRelativeCi/);
    await expect(simulate(sc, { releaseTime: "25:00" })).rejects.toThrow(/releaseTime/);
  });
});
