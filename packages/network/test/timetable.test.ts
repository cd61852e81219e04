import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dateOfDayNumber,
  dayNumber,
  expandTimetable,
  hubOpenOn,
  MIN_PER_DAY,
  scheduleDepartures,
  formatMinute,
  loadScenarioFile,
  loadScenarioValue,
  type Scenario,
  type ScenarioFile,
  type Service,
  type Timetable,
} from "@fourports/network";
import { fixture } from "./helpers.js";

const P = { source: "t", label: "ASSUMPTION" } as const;
const hub = (id: string, extra: object = {}): object => ({
  id, name: id, kind: "rail-terminal", portGroup: "rail", city: id === "A" ? "Home" : id, country: "CN",
  lon: 100, lat: 30, transferMin: { default: 60 }, ...P, ...extra,
});

/** A two- or three-hub scenario with the given services, built through the loader. */
function scenario(services: Partial<Service>[], opts: { epoch?: string; days?: number; hubs?: object[] } = {}): Scenario {
  const file: ScenarioFile = {
    id: "t", name: "t", epoch: opts.epoch ?? "2025-01-01", horizonDays: opts.days ?? 14, homeCity: "Home",
    sources: { t: { title: "test" } },
    hubs: (opts.hubs ?? [hub("A"), hub("B"), hub("C")]) as ScenarioFile["hubs"],
    services: services.map((s, i) => ({
      id: `S${i}`, line: `L${i}`, mode: "rail", from: "A", to: "B", distanceKm: 100, durationMin: 120,
      capacityT: 10, tariffCnyPerT: 1, international: false,
      schedule: { type: "weekly", days: ["mon"], times: ["08:00"] }, ...P, ...s,
    })) as Service[],
  };
  return loadScenarioValue(file);
}

const rows = (t: Timetable): string[] =>
  Array.from({ length: t.length }, (_, i) =>
    `${t.hubIds[t.depHub[i]!]} ${formatMinute(t.epoch, t.depMin[i]!)} → ${t.hubIds[t.arrHub[i]!]} ${formatMinute(t.epoch, t.arrMin[i]!)}`);

describe("expandTimetable", () => {
  it("expands a weekly pattern from the epoch's weekday (2025-01-01 is a Wednesday)", () => {
    const t = expandTimetable(scenario([{ schedule: { type: "weekly", days: ["mon", "wed"], times: ["08:00"] } }]));
    expect(rows(t)).toEqual([
      "A 2025-01-01 08:00 → B 2025-01-01 10:00",
      "A 2025-01-06 08:00 → B 2025-01-06 10:00",
      "A 2025-01-08 08:00 → B 2025-01-08 10:00",
      "A 2025-01-13 08:00 → B 2025-01-13 10:00",
    ]);
  });

  it("starts and ends services mid-horizon, both dates inclusive", () => {
    const t = expandTimetable(scenario([{ schedule: { type: "frequency", perDay: 1, firstTime: "09:00" }, starts: "2025-01-05", ends: "2025-01-07" }]));
    expect(rows(t).map((r) => r.slice(2, 12))).toEqual(["2025-01-05", "2025-01-06", "2025-01-07"]);
  });

  it("cancels departures that would call at a closed hub, on the day they call there", () => {
    const sc = scenario(
      [{ schedule: { type: "frequency", perDay: 1, firstTime: "22:00" }, durationMin: 180 }],
      { days: 5, hubs: [hub("A"), hub("B", { closures: [{ from: "2025-01-03", to: "2025-01-03" }] }), hub("C")] },
    );
    const t = expandTimetable(sc);
    // The 01-02 22:00 departure arrives on 01-03, when B is closed; the 01-03 one arrives on 01-04.
    expect(rows(t).map((r) => r.slice(2, 12))).toEqual(["2025-01-01", "2025-01-03", "2025-01-04", "2025-01-05"]);
    expect(t.cancelledTrips).toBe(1);
  });

  it("runs nothing at a hub before it opens or while it is planned", () => {
    const opening = scenario([{ schedule: { type: "frequency", perDay: 1 } }], { days: 6, hubs: [hub("A", { opens: "2025-01-04" }), hub("B"), hub("C")] });
    expect(expandTimetable(opening).length).toBe(3);
    const planned = scenario([{ schedule: { type: "frequency", perDay: 1 } }], { days: 6, hubs: [hub("A"), hub("B", { planned: true }), hub("C")] });
    expect(expandTimetable(planned).length).toBe(0);
  });

  it("wraps a frequency pattern around the end of the week, from a mid-week epoch", () => {
    // 3 a week from Monday 20:00, every 3360 minutes: Mon 20:00, Thu 04:00, Sat 12:00, then
    // Monday 20:00 again. The horizon starts on Friday 2025-01-03, in the middle of a week.
    const t = expandTimetable(scenario([{ schedule: { type: "frequency", perWeek: 3, firstTime: "20:00" } }], { epoch: "2025-01-03", days: 10 }));
    expect(rows(t).map((r) => r.slice(2, 18))).toEqual([
      "2025-01-04 12:00", "2025-01-06 20:00", "2025-01-09 04:00", "2025-01-11 12:00",
    ]);
  });

  it("keeps arrivals past midnight and past the year end", () => {
    const t = expandTimetable(scenario([{ schedule: { type: "departures", at: ["2024-12-31T23:30", "2025-12-31T23:00", "2026-01-01T00:00"] }, durationMin: 600 }], { days: 365 }));
    expect(rows(t)).toEqual(["A 2025-12-31 23:00 → B 2026-01-01 09:00"]);
    expect(t.arrMin[0]!).toBeGreaterThan(t.horizonMin);
  });

  it("splits a trip with intermediate stops into legs that share the trip number", () => {
    const t = expandTimetable(scenario([{ via: [{ hub: "C", arriveMin: 60, departMin: 90 }], durationMin: 150 }], { days: 7 }));
    expect(rows(t)).toEqual(["A 2025-01-06 08:00 → C 2025-01-06 09:00", "C 2025-01-06 09:30 → B 2025-01-06 10:30"]);
    expect([...t.trip]).toEqual([0, 0]);
  });

  it("sorts connections by departure, then arrival, across services", () => {
    const t = expandTimetable(scenario([
      { schedule: { type: "frequency", perDay: 2, firstTime: "07:00" }, durationMin: 300 },
      { schedule: { type: "frequency", perDay: 3, firstTime: "07:00" }, durationMin: 30, from: "B", to: "C" },
    ]));
    for (let i = 1; i < t.length; i++) {
      expect(t.depMin[i]! > t.depMin[i - 1]! || (t.depMin[i] === t.depMin[i - 1] && t.arrMin[i]! >= t.arrMin[i - 1]!)).toBe(true);
    }
    expect(t.depMin[0]).toBe(420);
    expect(t.arrMin[0]).toBe(450);
  });

  it("expands the mini fixture's what-if with Hamburg closed for a strike", () => {
    const base = expandTimetable(loadScenarioFile(fixture("mini.json")));
    const whatIf = expandTimetable(loadScenarioFile(fixture("mini-whatif.json")));
    expect(whatIf.cancelledTrips).toBeGreaterThan(0);
    expect(whatIf.tripCount + whatIf.cancelledTrips).toBe(base.tripCount);
  });

  it("cancels exactly the departures a day-by-day check of closures and suspensions cancels", () => {
    const day0 = dayNumber("2025-01-01");
    const period = fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 6 })).map(([a, len]) => ({ from: dateOfDayNumber(day0 + a - 5), to: dateOfDayNumber(day0 + a - 5 + len) }));
    fc.assert(
      fc.property(fc.array(period, { maxLength: 4 }), fc.array(period, { maxLength: 4 }), fc.array(period, { maxLength: 4 }), fc.integer({ min: 60, max: 4000 }), (closesB, closesC, suspensions, durationMin) => {
        const hubs = [hub("A"), hub("B", closesB.length ? { closures: closesB } : {}), hub("C", closesC.length ? { closures: closesC } : {})];
        const via = [{ hub: "C", arriveMin: 30, departMin: 45 }];
        const sc = scenario([{ schedule: { type: "frequency", perDay: 3, firstTime: "05:00" }, durationMin, via, ...(suspensions.length ? { suspensions } : {}) }], { days: 30, hubs });
        const s = sc.services[0]!;
        const on = (h: number, m: number): boolean => hubOpenOn(sc.hubs[h]!, day0 + Math.floor(m / MIN_PER_DAY));
        const kept = scheduleDepartures(s, sc.epoch, 0, 30 * MIN_PER_DAY).filter((d) => {
          const day = day0 + Math.floor(d / MIN_PER_DAY);
          const suspended = suspensions.some((c) => dayNumber(c.from) <= day && day <= dayNumber(c.to));
          return !suspended && on(0, d) && on(2, d + 30) && on(2, d + 45) && on(1, d + durationMin);
        });
        const t = expandTimetable(sc);
        expect(t.tripCount).toBe(kept.length);
        expect(t.cancelledTrips).toBe(90 - kept.length);
      }),
      { numRuns: 100 },
    );
  });
});
