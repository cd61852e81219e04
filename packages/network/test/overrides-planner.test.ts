import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyOverrides,
  loadScenarioFile,
  scheduleDepartures,
  type Override,
  type Scenario,
  type Service,
  type ServiceSelector,
} from "@fourports/network";
import { fixture, overrideProblems } from "./helpers.js";

// The overrides a planner reaches for: a flow's modes and value of time, and a group of
// services' frequency.

const P = { source: "test", label: "ASSUMPTION" } as const;
const base = (): Scenario => loadScenarioFile(fixture("mini.json"));

const problems = overrideProblems;

/** A copy of the fixture whose services all run on frequency schedules. */
function frequencyBase(): Scenario {
  return applyOverrides(base(), [
    { op: "update-services", select: { ids: ["AIR-LUX-OUT"] }, set: { schedule: { type: "frequency", perWeek: 3, firstTime: "23:00" } }, ...P },
    { op: "update-services", select: { ids: ["CRE-HAM-OUT"] }, set: { schedule: { type: "frequency", perDay: 2, firstTime: "08:00" } }, ...P },
  ]);
}

const WEEK_MIN = 7 * 1440;
/** Departures in four whole weeks from the epoch, a quarter of them: the weekly rate. */
const perWeek = (sc: Scenario, s: Service): number => scheduleDepartures(s, sc.epoch, 0, 4 * WEEK_MIN).length / 4;

describe("update-demand", () => {
  it("sets a flow's allowed modes and value of time", () => {
    const sc = applyOverrides(base(), [
      { op: "update-demand", select: { ids: ["D1"] }, set: { modes: ["air", "hsr"], valueOfTimeCnyPerTHour: 350 }, ...P },
    ]);
    const d1 = sc.demand.find((d) => d.id === "D1")!;
    expect([d1.modes, d1.valueOfTimeCnyPerTHour]).toEqual([["air", "hsr"], 350]);
    // A value of time set by a what-if is marked, so a fitted per-commodity value does not replace it.
    expect(d1.valueOfTimeFixed).toBe(true);
    const d2 = sc.demand.find((d) => d.id === "D2")!;
    expect(d2.modes).toEqual(["rail"]);
    expect(d2.valueOfTimeFixed).toBeUndefined();
    const modesOnly = applyOverrides(base(), [{ op: "update-demand", select: { ids: ["D1"] }, set: { modes: ["air"] }, ...P }]);
    expect(modesOnly.demand.find((d) => d.id === "D1")!.valueOfTimeFixed).toBeUndefined();
  });

  it("refuses a mode the commodity cannot use, naming the mode's path", () => {
    expect(problems(base(), [{ op: "update-demand", select: { commodities: ["general"] }, set: { modes: ["rail", "hsr"] }, ...P }])).toEqual([
      "what-if.json: $[0].set.modes[1]: general cannot travel by hsr (allowed: air, rail, road, river, sea)",
    ]);
  });

  it("refuses an unknown field and a negative value of time", () => {
    expect(problems(base(), [{ op: "update-demand", select: { ids: ["D1"] }, set: { tPerYear: 5 }, ...P } as unknown as Override])).toEqual([
      'what-if.json: $[0].set.tPerYear: unknown field (did you mean "teuPerYear"?)',
    ]);
    expect(problems(base(), [{ op: "update-demand", select: { ids: ["D1"] }, set: { valueOfTimeCnyPerTHour: -1 }, ...P }])).toEqual([
      "what-if.json: $[0].set.valueOfTimeCnyPerTHour: expected a number >= 0, got number -1",
    ]);
  });
});

describe("scale-tariffs", () => {
  it("multiplies the selected services' tariffs and refuses a result past the bound", () => {
    const sc = applyOverrides(base(), [{ op: "scale-tariffs", select: { modes: ["air"] }, factor: 0.8, ...P }]);
    const before = new Map(base().services.map((s) => [s.id, s.tariffCnyPerT]));
    for (const s of sc.services) expect(s.tariffCnyPerT).toBeCloseTo(before.get(s.id)! * (s.mode === "air" ? 0.8 : 1), 9);
    expect(problems(base(), [{ op: "scale-tariffs", select: { ids: ["AIR-LUX-OUT"] }, factor: 1e6, ...P }])[0]).toMatch(
      /^what-if\.json: \$\[0\]\.factor: gives service "AIR-LUX-OUT" tariffCnyPerT = [0-9.e+]+, above the limit of 10000000$/,
    );
  });
});

describe("service selection by origin, destination and id prefix", () => {
  it("fromHubs, toHubs and idPrefixes pick what they say, ANDed with the other fields", () => {
    const ids = (select: ServiceSelector): string[] => {
      const sc = applyOverrides(base(), [{ op: "close-services", select, from: "2025-01-01", to: "2025-01-02", ...P }]);
      return sc.services.filter((s) => s.suspensions).map((s) => s.id);
    };
    expect(ids({ fromHubs: ["CGO"] })).toEqual(["AIR-LUX-OUT"]);
    expect(ids({ toHubs: ["CGO", "HAM"] })).toEqual(["AIR-LUX-IN", "CRE-HAM-OUT"]);
    expect(ids({ idPrefixes: ["AIR-"] })).toEqual(["AIR-LUX-OUT", "AIR-LUX-IN"]);
    expect(ids({ idPrefixes: ["AIR-"], toHubs: ["LUX"] })).toEqual(["AIR-LUX-OUT"]);
  });

  it("a prefix or hub that names nothing is an error at its path", () => {
    expect(problems(base(), [{ op: "remove-services", select: { idPrefixes: ["HSR-"], fromHubs: ["CG0"] }, ...P }])).toEqual([
      'what-if.json: $[0].select.fromHubs[0]: unknown hub "CG0" (did you mean "CGO"?)',
      'what-if.json: $[0].select.idPrefixes[0]: no service id starts with "HSR-"',
    ]);
  });
});

describe("scale-frequency", () => {
  it("rounds departures per week to whole departures, halves up, and keeps daily schedules daily when it can", () => {
    const sc = applyOverrides(frequencyBase(), [{ op: "scale-frequency", select: { ids: ["AIR-LUX-OUT", "CRE-HAM-OUT"] }, factor: 1.5, ...P }]);
    const byId = new Map(sc.services.map((s) => [s.id, s]));
    // 3 a week × 1.5 = 4.5 → 5; 2 a day = 14 a week × 1.5 = 21 = 3 a day.
    expect(byId.get("AIR-LUX-OUT")!.schedule).toEqual({ type: "frequency", perWeek: 5, firstTime: "23:00" });
    expect(byId.get("CRE-HAM-OUT")!.schedule).toEqual({ type: "frequency", perDay: 3, firstTime: "08:00" });
    const odd = applyOverrides(frequencyBase(), [{ op: "scale-frequency", select: { ids: ["CRE-HAM-OUT"] }, factor: 1.1, ...P }]);
    // 14 × 1.1 = 15.4 → 15 a week, no longer a whole number a day.
    expect(odd.services.find((s) => s.id === "CRE-HAM-OUT")!.schedule).toEqual({ type: "frequency", perWeek: 15, firstTime: "08:00" });
  });

  it("refuses to round a service away and to scale a weekly schedule, naming the service", () => {
    expect(problems(frequencyBase(), [{ op: "scale-frequency", select: { ids: ["AIR-LUX-IN"] }, factor: 0.2, ...P }])).toEqual([
      'what-if.json: $[0].factor: service "AIR-LUX-IN": 2 departures a week × 0.2 = 0.4, which rounds to 0; to drop the service use remove-services',
    ]);
    expect(problems(base(), [{ op: "scale-frequency", select: { modes: ["rail"] }, factor: 2, ...P }])).toEqual([
      'what-if.json: $[0].factor: service "CRE-HAM-OUT" has a weekly schedule; scale-frequency scales "frequency" schedules only (give it a new schedule with update-services)',
    ]);
    expect(problems(base(), [{ op: "scale-frequency", select: { modes: ["air"] }, factor: 0, ...P }])).toEqual([
      "what-if.json: $[0].factor: expected a number > 0, got number 0",
    ]);
  });

  it("a daily schedule written weekly is the same timetable", () => {
    // 2 a day × 1.1 is 15.4 a week → 15: not a multiple of 7, so it is written perWeek; the
    // equivalence is what lets a factor like 0.5 on a daily service (7 a week) stay exact.
    const sc = frequencyBase();
    const ham = sc.services.find((s) => s.id === "CRE-HAM-OUT")!;
    const weekly: Service = { ...ham, schedule: { type: "frequency", perWeek: 14, firstTime: "08:00" } };
    expect(scheduleDepartures(weekly, sc.epoch, 0, 4 * WEEK_MIN)).toEqual(scheduleDepartures(ham, sc.epoch, 0, 4 * WEEK_MIN));
  });

  const rate = fc.oneof(
    fc.record({ perWeek: fc.integer({ min: 1, max: 200 }) }),
    fc.record({ perDay: fc.integer({ min: 1, max: 40 }) }),
  );
  const withRate = (r: { perWeek?: number; perDay?: number }): Scenario =>
    applyOverrides(frequencyBase(), [
      { op: "update-services", select: { ids: ["AIR-LUX-OUT"] }, set: { schedule: { type: "frequency", ...r, firstTime: "06:30" } }, ...P },
    ]);
  const scaled = (sc: Scenario, factor: number): Scenario =>
    applyOverrides(sc, [{ op: "scale-frequency", select: { ids: ["AIR-LUX-OUT"] }, factor, ...P }]);
  const lux = (sc: Scenario): Service => sc.services.find((s) => s.id === "AIR-LUX-OUT")!;

  it("property: the timetable runs round(N × k) departures a week, and ×k then ×1/k is the identity for whole k", () => {
    fc.assert(
      fc.property(rate, fc.integer({ min: 1, max: 6 }), (r, k) => {
        const sc = withRate(r);
        const n = perWeek(sc, lux(sc));
        const up = scaled(sc, k);
        expect(perWeek(up, lux(up))).toBe(n * k);
        const back = scaled(up, 1 / k);
        expect(scheduleDepartures(lux(back), sc.epoch, 0, 4 * WEEK_MIN)).toEqual(scheduleDepartures(lux(sc), sc.epoch, 0, 4 * WEEK_MIN));
      }),
      { numRuns: 60 },
    );
  });

  it("property: any factor gives a valid timetable of floor(N × k + 0.5) a week, or an error, never a silent drop", () => {
    fc.assert(
      fc.property(rate, fc.double({ min: 0.01, max: 8, noNaN: true }), (r, k) => {
        const sc = withRate(r);
        const n = perWeek(sc, lux(sc));
        const expected = Math.floor(n * k + 0.5);
        if (expected < 1) {
          expect(problems(sc, [{ op: "scale-frequency", select: { ids: ["AIR-LUX-OUT"] }, factor: k, ...P }])).toHaveLength(1);
          return;
        }
        const out = scaled(sc, k);
        expect(out.services).toHaveLength(sc.services.length);
        expect(perWeek(out, lux(out))).toBe(expected);
      }),
      { numRuns: 80 },
    );
  });
});
