import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyOverrides,
  dateOfDayNumber,
  dayNumber,
  expandTimetable,
  loadScenarioFile,
  loadScenarioValue,
  serializeScenario,
  WEEKDAYS,
  type Override,
  type Scenario,
  type ScenarioFile,
} from "@fourports/network";
import { clockArb } from "@fourports/network/testing";
import { fixture } from "./helpers.js";

const P = { source: "t", label: "ASSUMPTION" } as const;
const clock = clockArb;
const epoch = fc.integer({ min: dayNumber("2020-01-01"), max: dayNumber("2030-12-31") }).map(dateOfDayNumber);

function oneService(schedule: object, ep: string, days: number): Scenario {
  const hub = (id: string): object => ({ id, name: id, kind: "city", portGroup: null, city: id, country: "CN", lon: 0, lat: 0, transferMin: { default: 0 }, ...P });
  return loadScenarioValue({
    id: "p", name: "p", epoch: ep, horizonDays: days, homeCity: "A", sources: { t: { title: "t" } },
    hubs: [hub("A"), hub("B")],
    services: [{ id: "S", line: "L", mode: "road", from: "A", to: "B", distanceKm: 1, durationMin: 2000, capacityT: 1, tariffCnyPerT: 0, international: false, schedule, ...P }],
  });
}

function checkSortedInside(t: ReturnType<typeof expandTimetable>): void {
  for (let i = 0; i < t.length; i++) {
    expect(t.depMin[i]!).toBeGreaterThanOrEqual(0);
    expect(t.depMin[i]!).toBeLessThan(t.horizonMin);
    if (i > 0) expect(t.depMin[i]!).toBeGreaterThanOrEqual(t.depMin[i - 1]!);
  }
}

describe("timetable properties", () => {
  it("a weekly pattern over N weeks yields N × departures a week, sorted, inside the horizon", () => {
    fc.assert(
      fc.property(
        fc.subarray([...WEEKDAYS], { minLength: 1 }),
        fc.uniqueArray(clock, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 12 }),
        epoch,
        (days, times, weeks, ep) => {
          const t = expandTimetable(oneService({ type: "weekly", days, times }, ep, weeks * 7));
          expect(t.length).toBe(weeks * days.length * times.length);
          checkSortedInside(t);
        },
      ),
    );
  });

  it("a frequency pattern over N weeks yields N × perWeek (or 7N × perDay) departures", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.record({ perWeek: fc.integer({ min: 1, max: 40 }) }), fc.record({ perDay: fc.integer({ min: 1, max: 30 }) })),
        clock,
        fc.integer({ min: 1, max: 8 }),
        epoch,
        (freq, firstTime, weeks, ep) => {
          const t = expandTimetable(oneService({ type: "frequency", ...freq, firstTime }, ep, weeks * 7));
          const perWeek = "perWeek" in freq ? freq.perWeek : freq.perDay * 7;
          expect(t.length).toBe(weeks * perWeek);
          checkSortedInside(t);
        },
      ),
    );
  });
});

/** Random valid scenarios: a few hubs, services between them, demand. */
const scenarioFile: fc.Arbitrary<ScenarioFile> = fc
  .record({
    hubCount: fc.integer({ min: 2, max: 6 }),
    services: fc.array(
      fc.record({
        a: fc.nat(), b: fc.nat(), mode: fc.constantFrom("air", "rail", "road", "river"),
        durationMin: fc.integer({ min: 1, max: 20000 }), capacityT: fc.double({ min: 0.5, max: 5000, noNaN: true }),
        days: fc.subarray([...WEEKDAYS], { minLength: 1 }), time: clock,
      }),
      { maxLength: 8 },
    ),
    tPerYear: fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { maxLength: 4 }),
    epoch,
    horizonDays: fc.integer({ min: 1, max: 400 }),
  })
  .map(({ hubCount, services, tPerYear, epoch: ep, horizonDays }) => {
    const ids = Array.from({ length: hubCount }, (_, i) => `H${i}`);
    const pair = (a: number, b: number): [string, string] => {
      const i = a % hubCount;
      const j = (i + 1 + (b % (hubCount - 1))) % hubCount;
      return [ids[i]!, ids[j]!];
    };
    return {
      id: "rand", name: "random", epoch: ep, horizonDays, homeCity: "H0", sources: { t: { title: "t" } },
      hubs: ids.map((id, i) => ({ id, name: id, kind: "city" as const, portGroup: null, city: id, country: "CN", lon: i, lat: i, transferMin: { default: 30 }, ...P })),
      services: services.map((s, k) => {
        const [from, to] = pair(s.a, s.b);
        return { id: `S${k}`, line: `L${k % 3}`, mode: s.mode, from, to, distanceKm: 10, durationMin: s.durationMin, capacityT: s.capacityT, tariffCnyPerT: 1, international: false, schedule: { type: "weekly" as const, days: s.days, times: [s.time] }, ...P };
      }),
      transfers: [],
      demand: tPerYear.map((t, k) => {
        const [from, to] = pair(k, k * 7);
        return { id: `D${k}`, from, to, commodity: "general" as const, tPerYear: t, valueOfTimeCnyPerTHour: 1, modes: ["road" as const], ...P };
      }),
    };
  });

describe("scenario properties", () => {
  it("load → serialise → load round-trips", () => {
    fc.assert(
      fc.property(scenarioFile, (file) => {
        const once = loadScenarioValue(file);
        const twice = loadScenarioValue(JSON.parse(serializeScenario(once)));
        expect(twice).toEqual(once);
      }),
    );
  });

  it("a seed scenario round-trips through a standalone file", () => {
    const y25 = loadScenarioFile(fixture("../../../../seeds/zhengzhou-2025.json"));
    const back = loadScenarioValue(JSON.parse(serializeScenario(y25)));
    expect({ ...back, lineage: [], applied: [] }).toEqual({ ...y25, lineage: [], applied: [] });
  });

  /** Overrides that commute with each other on the mini fixture (whose source key is "test"). */
  const P = { source: "test", label: "ASSUMPTION" } as const;
  const commuting: fc.Arbitrary<Override>[] = [
    fc.constant<Override>({ op: "close-hub", hub: "HAM", from: "2025-01-10", to: "2025-01-12", ...P }),
    fc.constant<Override>({ op: "close-hub", hub: "HAM", from: "2025-01-02", to: "2025-01-03", ...P }),
    fc.constant<Override>({ op: "close-services", select: { lines: ["AIR-LUX"] }, from: "2025-01-05", to: "2025-01-06", ...P }),
    fc.integer({ min: 1, max: 9 }).map<Override>((k) => ({ op: "scale-demand", select: { ids: ["D1"] }, factor: k / 4, ...P })),
    fc.integer({ min: 1, max: 9 }).map<Override>((k) => ({ op: "scale-services", select: { ids: ["CRE-HAM-OUT"] }, capacityFactor: k / 2, ...P })),
    fc.integer({ min: 10, max: 500 }).map<Override>((tPerDay) => ({ op: "update-hub", hub: "ZZR", set: { handling: { tPerDay } }, ...P })),
    fc.constant<Override>({ op: "remove-demand", select: { ids: ["D2"] }, ...P }),
    fc.constant<Override>({ op: "add-hubs", hubs: [{ id: "NEW", name: "New", kind: "city", portGroup: null, city: "X", country: "CN", lon: 1, lat: 1, transferMin: { default: 0 }, ...P }], ...P }),
  ];

  it("overrides that commute give the same scenario in either order", () => {
    const base = loadScenarioFile(fixture("mini.json"));
    const keyed = (sc: Scenario): object => ({
      hubs: Object.fromEntries(sc.hubs.map((h) => [h.id, h])),
      services: Object.fromEntries(sc.services.map((s) => [s.id, s])),
      demand: Object.fromEntries(sc.demand.map((d) => [d.id, d])),
      transfers: sc.transfers,
    });
    const pairs = commuting.flatMap((a, i) => commuting.slice(i + 1).map((b) => fc.tuple(a, b)));
    fc.assert(
      fc.property(fc.oneof(...pairs), ([a, b]) => {
        const ab = applyOverrides(base, [a, b]);
        const ba = applyOverrides(base, [b, a]);
        expect(keyed(ab)).toEqual(keyed(ba));
      }),
    );
  });
});
