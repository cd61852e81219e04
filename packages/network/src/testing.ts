/**
 * Property-testing helpers (fast-check arbitraries) for code built on fourports: random small
 * scenarios that always load, and random frequency schedules. Import from
 * `@fourports/network/testing`; fast-check is an optional peer dependency, needed only here.
 *
 * The conservation audits live where what they audit lives, so no package depends on one
 * above it: `@fourports/flow/testing` (an assignment) and `@fourports/sim/testing` (a
 * simulation's event log).
 *
 * @module
 */
import fc from "fast-check";
import { loadScenarioValue } from "./load.js";
import type { FrequencySchedule, Scenario, ScenarioFile, Service, Variability } from "./types.js";

const P = { source: "t", label: "ASSUMPTION" } as const;

/** What the random scenarios of {@link scenarioArb} may contain beyond the basics. */
export interface ScenarioArbOptions {
  /** Random delays, cancellations, consignment sizes and disruptions ({@link TEST_VARIABILITY}). */
  variability?: boolean;
  /** Some hubs with small yards (storageT). */
  storage?: boolean;
  /** The first service dispatched on demand with a small vehicle pool. */
  onDemand?: boolean;
  /** Days simulated (default 21: long enough for weekly services, short enough for many runs). */
  horizonDays?: number;
}

/**
 * Variability for the random scenarios: delays, cancellations and noisy consignment sizes on
 * air, rail and road, a random closure of hub H0 and a capacity cut at the border crossing BX.
 */
export const TEST_VARIABILITY: Variability = {
  consignmentCv: 0.5,
  consignment: P,
  modes: {
    air: { departureDelayMeanMin: 60, departureDelayCv: 1, runTimeCv: 0.2, cancelProbability: 0.1, ...P },
    rail: { departureDelayMeanMin: 300, departureDelayCv: 1, runTimeCv: 0.2, cancelProbability: 0.1, ...P },
    road: { departureDelayMeanMin: 30, departureDelayCv: 1, runTimeCv: 0.3, cancelProbability: 0.05, ...P },
  },
  gaugeChangeCv: 0.5,
  gaugeChange: P,
  disruptions: [
    { kind: "hub-closure", hub: "H0", probabilityPerDay: 0.1, durationMin: 600, ...P },
    { kind: "capacity-cut", hub: "BX", from: "2025-01-05", to: "2025-01-10", capacityFactor: 0.25, ...P },
  ],
};

const WEEKDAY_LIST = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A "HH:MM" clock time. */
export const clockArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

/** A frequency schedule: 1–200 departures a week or 1–40 a day, from a random first time. */
export const frequencyScheduleArb: fc.Arbitrary<FrequencySchedule> = fc
  .tuple(
    fc.oneof(fc.record({ perWeek: fc.integer({ min: 1, max: 200 }) }), fc.record({ perDay: fc.integer({ min: 1, max: 40 }) })),
    clockArb,
  )
  .map(([rate, firstTime]) => ({ type: "frequency", ...rate, firstTime }));

/**
 * Random small scenario files that load: 3–5 city hubs H0… (some with daily handling) and a
 * border crossing BX with background trains, 1–10 weekly services of air, rail and road (rail
 * ones may cross BX), 1–5 general-cargo demand flows. Epoch 2025-01-01.
 */
export function scenarioFileArb(options: ScenarioArbOptions = {}): fc.Arbitrary<ScenarioFile> {
  const horizonDays = options.horizonDays ?? 21;
  return fc
    .record({
      hubs: fc.array(fc.record({ handling: fc.option(fc.integer({ min: 5, max: 300 }), { nil: undefined }), storage: fc.option(fc.integer({ min: 20, max: 400 }), { nil: undefined }) }), { minLength: 3, maxLength: 5 }),
      services: fc.array(
        fc.record({
          a: fc.nat(),
          b: fc.nat(),
          mode: fc.constantFrom("air", "rail", "road"),
          cap: fc.integer({ min: 1, max: 100 }),
          dur: fc.integer({ min: 60, max: 3000 }),
          days: fc.subarray([...WEEKDAY_LIST], { minLength: 1 }),
          hour: fc.integer({ min: 0, max: 23 }),
          border: fc.boolean(),
        }),
        { minLength: 1, maxLength: 10 },
      ),
      demand: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), t: fc.integer({ min: 0, max: 30000 }), vot: fc.integer({ min: 1, max: 200 }), modes: fc.subarray(["air", "rail", "road"] as const, { minLength: 1 }) }), { minLength: 1, maxLength: 5 }),
      background: fc.integer({ min: 0, max: 30 }),
      pool: fc.record({ vehicles: fc.integer({ min: 1, max: 3 }), minLoad: fc.double({ min: 0.1, max: 1, noNaN: true }), maxWait: fc.integer({ min: 0, max: 10000 }) }),
    })
    .map(({ hubs, services, demand, background, pool }): ScenarioFile => {
      const n = hubs.length;
      // Two different city hubs from two random numbers.
      const pair = (a: number, b: number): [string, string] => {
        const i = a % n;
        return [`H${i}`, `H${(i + 1 + (b % (n - 1))) % n}`];
      };
      return {
        id: "r", name: "r", epoch: "2025-01-01", horizonDays, homeCity: "H0", sources: { t: { title: "t" } },
        hubs: [
          ...hubs.map((h, i) => ({
            id: `H${i}`, name: `H${i}`, kind: "city" as const, portGroup: i === 0 ? ("rail" as const) : null, city: `H${i}`, country: "CN", lon: i, lat: 0, transferMin: { default: 30 },
            ...(h.handling ? { handling: { tPerDay: h.handling } } : {}),
            ...(options.storage && h.storage ? { storageT: h.storage } : {}),
            ...P,
          })),
          { id: "BX", name: "BX", kind: "border-crossing" as const, portGroup: null, city: "BX", country: "CN", lon: 9, lat: 9, transferMin: { default: 30 }, gaugeChangeMin: 120, handling: { trainsPerDay: 24 }, backgroundTrainsPerDay: background, ...P },
        ],
        services: services.map((s, k): Service => {
          const [from, to] = pair(s.a, s.b);
          const via = s.mode === "rail" && s.border ? [{ hub: "BX", arriveMin: Math.floor(s.dur / 3), departMin: Math.floor(s.dur / 3) + 150 }] : undefined;
          const durationMin = via ? s.dur + 150 : s.dur;
          return {
            id: `S${k}`, line: `L${k}`, mode: s.mode, from, to, distanceKm: 100, durationMin, capacityT: s.cap, tariffCnyPerT: 10, international: false,
            schedule: { type: "weekly", days: [...s.days], times: [`${String(s.hour).padStart(2, "0")}:00`] },
            ...(via ? { via } : {}),
            ...(options.onDemand && k === 0 ? { dispatch: "on-demand" as const, onDemand: { vehicles: pool.vehicles, rotationMin: 2 * durationMin + 600, minLoadFactor: pool.minLoad, maxWaitMin: pool.maxWait } } : {}),
            ...P,
          };
        }),
        transfers: [],
        demand: demand.map((d, k) => {
          const [from, to] = pair(d.a, d.b);
          return { id: `D${k}`, from, to, commodity: "general" as const, tPerYear: d.t, valueOfTimeCnyPerTHour: d.vot, modes: [...d.modes], ...P };
        }),
        ...(options.variability ? { variability: TEST_VARIABILITY } : {}),
      };
    });
}

/** The scenarios of {@link scenarioFileArb}, loaded (every one is valid). */
export function scenarioArb(options: ScenarioArbOptions = {}): fc.Arbitrary<Scenario> {
  return scenarioFileArb(options).map((file) => loadScenarioValue(file));
}
