import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandTimetable, type Timetable } from "@fourports/network";
import { ConnectionScan, prepareRouting, readGtfs, UNREACHED, type RoutingNetwork } from "@fourports/routing";
import { scenarioId } from "../src/gtfs-ids.js";

/** A random one-day feed with times to the second: trips over distinct stops, per-stop transfer minimums in seconds. */
interface Feed {
  stops: number;
  /** Per trip: stops visited and [arrival, departure] seconds at each. */
  trips: { stops: number[]; times: [number, number][] }[];
  /** Per stop: minimum transfer seconds from transfers.txt, or undefined for the default. */
  transferSec: (number | undefined)[];
  minTransferMin: number;
}

const secs = fc.oneof(fc.constant(0), fc.constant(60), fc.integer({ min: 0, max: 400 }));
const feedArb: fc.Arbitrary<Feed> = fc
  .record({
    stops: fc.integer({ min: 2, max: 6 }),
    trips: fc.array(
      fc.record({
        order: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        length: fc.integer({ min: 2, max: 5 }),
        start: fc.oneof(fc.integer({ min: 6 * 3600, max: 8 * 3600 }), fc.integer({ min: 360, max: 480 }).map((m) => m * 60)),
        legs: fc.array(fc.tuple(secs, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 }))), { minLength: 5, maxLength: 5 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    transferSec: fc.array(fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }), { minLength: 6, maxLength: 6 }),
    minTransferMin: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ stops, trips, transferSec, minTransferMin }) => ({
    stops,
    minTransferMin,
    transferSec: transferSec.slice(0, stops),
    trips: trips.map((t) => {
      // Distinct stops in a random order: a shuffle by the random keys.
      const visit = Array.from({ length: stops }, (_, i) => i).sort((a, b) => t.order[a]! - t.order[b]! || a - b).slice(0, Math.min(t.length, stops));
      let clock = t.start;
      const times: [number, number][] = [[clock, clock]];
      for (let k = 1; k < visit.length; k++) {
        const [run, dwell] = t.legs[k - 1]!;
        clock += run;
        times.push([clock, clock + dwell]);
        clock += dwell;
      }
      return { stops: visit, times };
    }),
  }));

const hms = (s: number): string => `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;

function feedFiles(f: Feed): Record<string, string> {
  const rows = f.trips.flatMap((t, i) => t.stops.map((s, k) => `T ${i},${hms(t.times[k]![0])},${hms(t.times[k]![1])},S${s},${k + 1}`));
  const transfers = f.transferSec.flatMap((sec, s) => (sec === undefined ? [] : [`S${s},S${s},2,${sec}`]));
  return {
    "stops.txt": ["stop_id,stop_name,stop_lat,stop_lon", ...Array.from({ length: f.stops }, (_, s) => `S${s},Stop ${s},${s * 0.01},0`)].join("\n"),
    "routes.txt": "route_id,route_type\nR,3\n",
    "trips.txt": ["route_id,service_id,trip_id", ...f.trips.map((_, i) => `R,ALL,T ${i}`)].join("\n"),
    "stop_times.txt": ["trip_id,arrival_time,departure_time,stop_id,stop_sequence", ...rows].join("\n"),
    "calendar.txt": "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nALL,1,1,1,1,1,1,1,20250101,20251231\n",
    "transfers.txt": ["from_stop_id,to_stop_id,transfer_type,min_transfer_time", ...transfers].join("\n"),
  };
}

/** Minimum transfer at a stop in whole minutes, as the rule says: the feed's seconds rounded up. */
const transferMinOf = (f: Feed, s: number): number => (f.transferSec[s] === undefined ? f.minTransferMin : Math.ceil(f.transferSec[s]! / 60));

/**
 * Earliest arrival minute at every stop, straight from the feed's seconds with the same rule
 * (departures rounded down, arrivals up, each on its own), by relaxing every ride of every
 * trip until nothing changes.
 */
function reference(f: Feed, source: number, departMin: number): number[] {
  const arrive = new Array<number>(f.stops).fill(UNREACHED);
  const ready = new Array<number>(f.stops).fill(UNREACHED);
  arrive[source] = departMin;
  ready[source] = departMin;
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of f.trips) {
      for (let i = 0; i < t.stops.length - 1; i++) {
        if (Math.floor(t.times[i]![1] / 60) < ready[t.stops[i]!]!) continue;
        for (let j = i + 1; j < t.stops.length; j++) {
          const s = t.stops[j]!;
          const a = Math.ceil(t.times[j]![0] / 60);
          if (a < arrive[s]!) {
            arrive[s] = a;
            changed = true;
          }
          if (a + transferMinOf(f, s) < ready[s]!) {
            ready[s] = a + transferMinOf(f, s);
            changed = true;
          }
        }
      }
    }
  }
  return arrive;
}

const EPOCH = "2025-01-06";
const queryArb = fc.tuple(fc.nat(), fc.integer({ min: 6 * 60 - 5, max: 9 * 60 }));

describe("readGtfs rounding, checked in seconds", () => {
  it("every journey found can be ridden to the second, and arrivals equal a brute-force reference with the same rule", () => {
    fc.assert(
      fc.property(feedArb, queryArb, (f, [s, departMin]) => {
        const sc = readGtfs(feedFiles(f), { epoch: EPOCH, horizonDays: 1, minTransferMin: f.minTransferMin });
        const net = prepareRouting(sc, expandTimetable(sc));
        const source = s % f.stops;
        const scan = new ConnectionScan(net);
        scan.run(source, departMin);
        const stopOf = new Map(Array.from({ length: f.stops }, (_, i) => [scenarioId(`S${i}`), i]));
        const tripOf = new Map(f.trips.map((t, i) => [scenarioId(`T ${i}`), t]));
        expect(Array.from({ length: f.stops }, (_, v) => scan.arrival[net.hubIds.indexOf(scenarioId(`S${v}`))])).toEqual(reference(f, source, departMin));
        for (let v = 0; v < net.hubCount; v++) {
          const j = scan.journey(v);
          if (!j) continue;
          let readySec = departMin * 60;
          for (const leg of j.legs) {
            expect(leg.kind).toBe("service");
            if (leg.kind !== "service") continue;
            const trip = tripOf.get(leg.serviceId)!;
            const board = trip.stops.indexOf(stopOf.get(leg.fromHub)!);
            const alight = trip.stops.indexOf(stopOf.get(leg.toHub)!);
            expect(board).toBeLessThan(alight);
            // Boards no earlier than the query time, or than the previous arrival plus the stop's minimum.
            expect(trip.times[board]![1]).toBeGreaterThanOrEqual(readySec);
            const stop = trip.stops[alight]!;
            readySec = trip.times[alight]![0] + (f.transferSec[stop] ?? f.minTransferMin * 60);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** The timetable with connections of one minute listed in another order (each trip's own order kept). */
function shuffledWithinMinutes(t: Timetable, seed: number): Timetable {
  const key = (trip: number): number => (Math.imul(trip + 1, 2654435761) ^ seed) >>> 0;
  const order = Array.from({ length: t.length }, (_, i) => i).sort((a, b) => t.depMin[a]! - t.depMin[b]! || key(t.trip[a]!) - key(t.trip[b]!) || a - b);
  const pick = <A extends Int32Array | Float64Array>(a: A): A => {
    const b = a.slice() as A;
    order.forEach((src, i) => (b[i] = a[src]!));
    return b;
  };
  return { ...t, depHub: pick(t.depHub), arrHub: pick(t.arrHub), depMin: pick(t.depMin), arrMin: pick(t.arrMin), service: pick(t.service), trip: pick(t.trip), capacityT: pick(t.capacityT), capacityTeu: pick(t.capacityTeu) };
}

describe("ConnectionScan with zero-length connections", () => {
  it("gives the same arrivals however the connections of one minute are listed", () => {
    const zeroLegs = fc.tuple(fc.constantFrom(0, 0, 0, 60), fc.constantFrom(0, 0, 60));
    const onTheMinute = feedArb.chain((f) =>
      fc.array(fc.tuple(zeroLegs, fc.constantFrom(480, 481)), { minLength: f.trips.length * 5, maxLength: f.trips.length * 5 }).map((legs) => ({
        ...f,
        // Times on whole minutes with many zero runs, all around 08:00: connections that arrive
        // in the minute they leave, and others leaving from there in that minute.
        trips: f.trips.map((t, i) => {
          let clock = legs[i * 5]![1] * 60;
          return {
            stops: t.stops,
            times: t.stops.map((_, k): [number, number] => {
              if (k > 0) clock += legs[i * 5 + k]![0][0];
              const a = clock;
              if (k > 0) clock += legs[i * 5 + k]![0][1];
              return [a, clock];
            }),
          };
        }),
      })),
    );
    fc.assert(
      fc.property(onTheMinute, fc.tuple(fc.nat(), fc.integer({ min: 475, max: 482 })), fc.integer(), (f, [s, departMin], seed) => {
        const sc = readGtfs(feedFiles(f), { epoch: EPOCH, horizonDays: 1, minTransferMin: f.minTransferMin });
        const tt = expandTimetable(sc);
        const net: RoutingNetwork = prepareRouting(sc, tt);
        const a = new ConnectionScan(net);
        const b = new ConnectionScan({ ...net, timetable: shuffledWithinMinutes(tt, seed) });
        a.run(s % net.hubCount, departMin);
        b.run(s % net.hubCount, departMin);
        expect([...b.arrival]).toEqual([...a.arrival]);
        expect(Array.from({ length: f.stops }, (_, v) => a.arrival[net.hubIds.indexOf(scenarioId(`S${v}`))])).toEqual(reference(f, s % f.stops, departMin));
      }),
      { numRuns: 400 },
    );
  });
});
