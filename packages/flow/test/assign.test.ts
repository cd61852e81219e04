import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expandTimetable, loadScenarioFile, loadScenarioValue, type Scenario, type ScenarioFile } from "@fourports/network";
import { prepareRouting } from "@fourports/routing";
import { assignDemand, generalisedCost, relaxedLowerBound } from "@fourports/flow";
import { auditAssignment } from "@fourports/flow/testing";
import { assignedValue, capacityCeilings, loadTargetRegistry } from "@fourports/targets";

const P = { source: "t", label: "ASSUMPTION" } as const;
const EPS = 1e-6;

/** Random small networks: hubs with or without daily handling, weekly services, demand flows. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    hubs: fc.array(fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }), { minLength: 3, maxLength: 5 }),
    services: fc.array(
      fc.record({ a: fc.nat(), b: fc.nat(), mode: fc.constantFrom("air", "rail", "road"), cap: fc.integer({ min: 1, max: 100 }), dur: fc.integer({ min: 30, max: 3000 }), day: fc.constantFrom("mon", "wed", "fri"), hour: fc.integer({ min: 0, max: 23 }) }),
      { minLength: 1, maxLength: 10 },
    ),
    demand: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), t: fc.integer({ min: 0, max: 20000 }), vot: fc.integer({ min: 1, max: 200 }), modes: fc.subarray(["air", "rail", "road"] as const, { minLength: 1 }) }), { minLength: 1, maxLength: 5 }),
  })
  .map(({ hubs, services, demand }) => {
    const n = hubs.length;
    const pair = (a: number, b: number): [string, string] => {
      const i = a % n;
      return [`H${i}`, `H${(i + 1 + (b % (n - 1))) % n}`];
    };
    const file: ScenarioFile = {
      id: "r", name: "r", epoch: "2025-01-01", horizonDays: 21, homeCity: "H0", sources: { t: { title: "t" } },
      hubs: hubs.map((cap, i) => ({ id: `H${i}`, name: `H${i}`, kind: "city" as const, portGroup: null, city: `H${i}`, country: "CN", lon: i, lat: 0, transferMin: { default: 30 }, ...(cap ? { handling: { tPerDay: cap } } : {}), ...P })),
      services: services.map((s, k) => {
        const [from, to] = pair(s.a, s.b);
        return { id: `S${k}`, line: `L${k}`, mode: s.mode, from, to, distanceKm: 100, durationMin: s.dur, capacityT: s.cap, tariffCnyPerT: 10, international: false, schedule: { type: "weekly" as const, days: [s.day], times: [`${String(s.hour).padStart(2, "0")}:00`] }, ...P };
      }),
      transfers: [],
      demand: demand.map((d, k) => {
        const [from, to] = pair(d.a, d.b);
        return { id: `D${k}`, from, to, commodity: "general" as const, tPerYear: d.t, valueOfTimeCnyPerTHour: d.vot, modes: [...d.modes], ...P };
      }),
    };
    return loadScenarioValue(file);
  });

describe("assignDemand", () => {
  it("never exceeds a departure's or a hub's capacity, conserves flow and accounts for all demand", () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom("earliest", "cost", "logit") as fc.Arbitrary<"earliest" | "cost" | "logit">, (sc, choice) => {
        const tt = expandTimetable(sc);
        const net = prepareRouting(sc, tt);
        const a = assignDemand(sc, net, { recordBookings: true, maxTransitDays: 10, choice });
        // Capacity per departure and hub-day, every tonne served or unserved with a reason, and
        // bookings that are whole journeys adding up to the loads: auditAssignment checks all.
        expect(auditAssignment(sc, tt, a)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic: the same scenario gives the same assignment", () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const run = () => assignDemand(sc, prepareRouting(sc, expandTimetable(sc)), { choice: "logit" });
        expect(run()).toEqual(run());
      }),
      { numRuns: 50 },
    );
  });
});

/** Rings of hubs with hourly services both ways and light demand, so everything can be served. */
const servableArb: fc.Arbitrary<Scenario> = fc
  .record({
    n: fc.integer({ min: 3, max: 5 }),
    legs: fc.array(fc.record({ dur: fc.integer({ min: 20, max: 120 }), cap: fc.integer({ min: 5, max: 40 }), tariff: fc.integer({ min: 0, max: 300 }), mode: fc.constantFrom("air", "rail", "road") }), { minLength: 10, maxLength: 10 }),
    shortcut: fc.option(fc.record({ dur: fc.integer({ min: 20, max: 200 }), tariff: fc.integer({ min: 0, max: 900 }) }), { nil: undefined }),
    demand: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), t: fc.integer({ min: 1, max: 300 }), vot: fc.integer({ min: 1, max: 300 }) }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ n, legs, shortcut, demand }) => {
    const services: ScenarioFile["services"] = [];
    for (let i = 0; i < n; i++) {
      for (const [dir, from, to] of [["F", i, (i + 1) % n], ["B", (i + 1) % n, i]] as const) {
        const l = legs[(2 * i + (dir === "F" ? 0 : 1)) % legs.length]!;
        services.push({ id: `S${i}${dir}`, line: `L${i}`, mode: l.mode, from: `H${from}`, to: `H${to}`, distanceKm: 50, durationMin: l.dur, capacityT: l.cap, tariffCnyPerT: l.tariff, international: false, schedule: { type: "frequency", perDay: 24, firstTime: "00:10" }, ...P });
      }
    }
    if (shortcut) services.push({ id: "X", line: "X", mode: "air", from: "H0", to: `H${n - 1}`, distanceKm: 80, durationMin: shortcut.dur, capacityT: 3, tariffCnyPerT: shortcut.tariff, international: false, schedule: { type: "frequency", perDay: 6, firstTime: "01:00" }, ...P });
    const file: ScenarioFile = {
      id: "ring", name: "ring", epoch: "2025-03-03", horizonDays: 7, homeCity: "H0", sources: { t: { title: "t" } },
      hubs: Array.from({ length: n }, (_, i) => ({ id: `H${i}`, name: `H${i}`, kind: "city" as const, portGroup: null, city: `H${i}`, country: "CN", lon: i, lat: 0, transferMin: { default: 15 }, ...P })),
      services,
      transfers: [],
      demand: demand.map((d, k) => {
        const i = d.a % n;
        const j = (i + 1 + (d.b % (n - 1))) % n;
        return { id: `D${k}`, from: `H${i}`, to: `H${j}`, commodity: "general" as const, tPerYear: d.t, valueOfTimeCnyPerTHour: d.vot, modes: ["air", "rail", "road"], ...P };
      }),
    };
    return loadScenarioValue(file);
  });

describe("relaxedLowerBound", () => {
  it("never exceeds the generalised cost of an assignment that serves all demand", () => {
    let compared = 0;
    fc.assert(
      fc.property(servableArb, fc.constantFrom("earliest", "cost", "logit") as fc.Arbitrary<"earliest" | "cost" | "logit">, (sc, choice) => {
        const net = prepareRouting(sc, expandTimetable(sc));
        const a = assignDemand(sc, net, { recordBookings: true, maxTransitDays: 60, choice });
        fc.pre(a.unservedT.capacity + a.unservedT["no route"] + a.unservedT["too late"] < 1e-9);
        const lb = relaxedLowerBound(sc, net);
        expect(lb).not.toBeNull();
        const cost = generalisedCost(sc, net, a);
        expect(lb!).toBeLessThanOrEqual(cost * (1 + 1e-9) + 1e-6);
        compared++;
      }),
      { numRuns: 150 },
    );
    expect(compared).toBeGreaterThan(5);
  });
});

describe("assigned throughput on the seeds", () => {
  const seed = (f: string): string => fileURLToPath(new URL(`../../../seeds/${f}`, import.meta.url));
  it("never exceeds the capacity ceiling of a target", () => {
    const sc = loadScenarioFile(seed("zhengzhou-2025.json"));
    const year = { scenario: sc, timetable: expandTimetable(sc) };
    const a = assignDemand(sc, prepareRouting(sc, year.timetable));
    const registry = loadTargetRegistry(seed("targets-2025.json"));
    const ceilings = capacityCeilings(registry.targets, year);
    let compared = 0;
    for (const t of registry.targets) {
      const v = assignedValue(t.metric, t.hubs, year, a);
      const c = ceilings.find((r) => r.targetId === t.id)!.ceiling;
      if (v === null || typeof c !== "number") continue;
      expect(v).toBeLessThanOrEqual(c + EPS);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  }, 300_000);
});

describe("choice views", () => {
  it("least cost never costs more than earliest arrival on a batch that has both routes free", () => {
    // One flow, two routes with room to spare: fast and dear, slow and cheap.
    const file: ScenarioFile = {
      id: "two", name: "two", epoch: "2025-03-03", horizonDays: 1, homeCity: "A", sources: { t: { title: "t" } },
      hubs: ["A", "B"].map((id, i) => ({ id, name: id, kind: "city" as const, portGroup: null, city: id, country: "CN", lon: i, lat: 0, transferMin: { default: 0 }, ...P })),
      services: [
        { id: "FAST", line: "F", mode: "air", from: "A", to: "B", distanceKm: 100, durationMin: 60, capacityT: 100, tariffCnyPerT: 1000, international: false, schedule: { type: "departures", at: ["2025-03-03T09:00"] }, ...P },
        { id: "SLOW", line: "S", mode: "road", from: "A", to: "B", distanceKm: 100, durationMin: 240, capacityT: 100, tariffCnyPerT: 100, international: false, schedule: { type: "departures", at: ["2025-03-03T09:00"] }, ...P },
      ],
      transfers: [],
      demand: [{ id: "D", from: "A", to: "B", commodity: "general", tPerYear: 10, valueOfTimeCnyPerTHour: 20, modes: ["air", "road"], ...P }],
    };
    const sc = loadScenarioValue(file);
    const net = prepareRouting(sc, expandTimetable(sc));
    const serviceOf = (a: ReturnType<typeof assignDemand>) => a.bookingList!.map((b) => [b.legs[0]!.kind === "service" ? b.legs[0]!.serviceId : "", Math.round(b.tonnes * 1000) / 1000]);
    expect(serviceOf(assignDemand(sc, net, { choice: "earliest", recordBookings: true }))).toEqual([["FAST", 10]]);
    expect(serviceOf(assignDemand(sc, net, { choice: "cost", recordBookings: true }))).toEqual([["SLOW", 10]]);
    // g(SLOW) = 100 + 20 × 5 h = 200, g(FAST) = 1000 + 20 × 2 h = 1040; FAST weighs e^{-0.5 × (1040/200 − 1)}.
    const logit = assignDemand(sc, net, { choice: "logit", logitScale: 0.5, recordBookings: true });
    const wFast = Math.exp(-0.5 * (1040 / 200 - 1));
    expect(serviceOf(logit)).toEqual([["SLOW", Math.round((10 / (1 + wFast)) * 1000) / 1000], ["FAST", Math.round(((10 * wFast) / (1 + wFast)) * 1000) / 1000]]);
  });
});
