import { didYouMean, type Hub } from "@fourports/network";
import { field, type Table } from "./gtfs-feed.js";
import { haversineKm, type Bad } from "./gtfs-stops.js";

/** One call of a trip, times in seconds after the service day's noon minus 12 h (GTFS time). */
export interface Call {
  stop: string;
  arrSec: number;
  depSec: number;
}

/** "H:MM:SS" (hours may pass 24) → seconds, or NaN. */
export function gtfsSeconds(s: string): number {
  const m = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/.exec(s);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : NaN;
}

const clock = (sec: number): string => {
  const s = Math.round(sec);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
};

interface Raw {
  index: number;
  seq: number;
  stop: string;
  /** NaN where the field is empty (a non-timepoint). */
  arr: number;
  dep: number;
  /** NaN where not given. */
  dist: number;
  timepoint: string;
}

/**
 * Reads stop_times.txt into each trip's calls, in stop_sequence order, with the reference
 * validator's errors (duplicate_key, missing_trip_edge, stop_time_with_only_arrival_or_departure_time,
 * stop_time_timepoint_without_times, stop_time_with_arrival_before_previous_departure_time,
 * decreasing_or_equal_stop_time_distance), then fills the times of non-timepoints.
 */
export function readStopTimes(t: Table, trips: ReadonlySet<string>, hubs: Map<string, Hub>, kinds: Map<string, number>, bad: Bad): Map<string, Call[]> {
  const col = (c: string): number => t.columns.indexOf(c);
  const [iTrip, iArr, iDep, iStop, iSeq, iDist, iTp] = ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence", "shape_dist_traveled", "timepoint"].map(col) as number[];
  const byTrip = new Map<string, Raw[]>();
  // Trips with an unreadable time are not checked further: one mistake, one message.
  const unreadable = new Set<string>();
  let unknown = 0;
  t.rows.forEach((row, index) => {
    const trip = field(row, iTrip!);
    const stop = field(row, iStop!);
    // Suggestions only for the first few: each compares against every id.
    if (!trips.has(trip)) bad(t, index, "trip_id", `unknown trip "${trip}"${unknown++ < 20 ? didYouMean(trip, trips) : ""}`);
    const kind = kinds.get(stop);
    if (kind === undefined) bad(t, index, "stop_id", `unknown stop "${stop}"${unknown++ < 20 ? didYouMean(stop, kinds.keys()) : ""}`);
    else if (kind !== 0) bad(t, index, "stop_id", `"${stop}" has location_type ${kind}; vehicles stop only at stops (0) (location_with_unexpected_stop_time)`);
    const time = (c: "arrival_time" | "departure_time", i: number): number => {
      const s = field(row, i);
      if (s === "") return NaN;
      const v = gtfsSeconds(s);
      if (Number.isNaN(v)) {
        bad(t, index, c, `expected H:MM:SS, got "${s}"`);
        unreadable.add(trip);
      }
      return v;
    };
    const seqText = field(row, iSeq!);
    if (!/^\d+$/.test(seqText)) bad(t, index, "stop_sequence", `expected a whole number ≥ 0, got "${seqText}"`);
    const distText = field(row, iDist!);
    const dist = distText === "" ? NaN : Number(distText);
    if (distText !== "" && !(dist >= 0)) bad(t, index, "shape_dist_traveled", `expected a distance ≥ 0, got "${distText}"`);
    let list = byTrip.get(trip);
    if (!list) byTrip.set(trip, (list = []));
    list.push({ index, seq: Number(seqText), stop, arr: time("arrival_time", iArr!), dep: time("departure_time", iDep!), dist, timepoint: field(row, iTp!) });
  });
  const out = new Map<string, Call[]>();
  for (const [trip, list] of byTrip) {
    list.sort((a, b) => a.seq - b.seq || a.index - b.index);
    if (!unreadable.has(trip) && checkTrip(t, trip, list, bad) && list.every((c) => hubs.has(c.stop))) out.set(trip, interpolate(list, hubs));
  }
  return out;
}

/** True when the trip's times are usable: every problem is reported. */
function checkTrip(t: Table, trip: string, list: Raw[], bad: Bad): boolean {
  let ok = true;
  const fail = (index: number, column: string, message: string): void => {
    ok = false;
    bad(t, index, column, message);
  };
  let prev: Raw | undefined;
  let prevDist: Raw | undefined;
  list.forEach((c, k) => {
    if (k > 0 && c.seq === list[k - 1]!.seq) {
      fail(c.index, "stop_sequence", `trip "${trip}" has stop_sequence ${c.seq} twice (line ${t.lines[list[k - 1]!.index]}) (duplicate_key)`);
    }
    const hasArr = !Number.isNaN(c.arr);
    const hasDep = !Number.isNaN(c.dep);
    if (hasArr !== hasDep) {
      fail(c.index, hasArr ? "departure_time" : "arrival_time", "one of arrival_time and departure_time is given, the other is empty (stop_time_with_only_arrival_or_departure_time)");
      return;
    }
    if (!hasArr && (k === 0 || k === list.length - 1)) {
      fail(c.index, "arrival_time", `the ${k === 0 ? "first" : "last"} stop of trip "${trip}" has no times (missing_trip_edge)`);
    }
    if (!hasArr && c.timepoint === "1") fail(c.index, "arrival_time", "timepoint 1 without times (stop_time_timepoint_without_times)");
    if (hasArr) {
      if (c.dep < c.arr) fail(c.index, "departure_time", `departure ${clock(c.dep)} is before the arrival ${clock(c.arr)} at the same stop`);
      if (prev && c.arr < prev.dep) {
        fail(c.index, "arrival_time", `arrival ${clock(c.arr)} is before the departure ${clock(prev.dep)} from the previous stop (line ${t.lines[prev.index]}): times go backwards (stop_time_with_arrival_before_previous_departure_time)`);
      }
      prev = c;
    }
    if (!Number.isNaN(c.dist)) {
      if (prevDist && c.dist <= prevDist.dist) {
        fail(c.index, "shape_dist_traveled", `${c.dist} is not greater than ${prevDist.dist} at the previous stop (line ${t.lines[prevDist.index]}) (decreasing_or_equal_stop_time_distance)`);
      }
      prevDist = c;
    }
  });
  return ok;
}

/**
 * Times of non-timepoints, between the timepoints around them: by shape_dist_traveled where
 * every stop of the stretch has one, else by the straight-line distance between stops (evenly
 * by stop count where the stops lie at one place), as the GTFS reference describes.
 */
function interpolate(list: Raw[], hubs: Map<string, Hub>): Call[] {
  const calls: Call[] = list.map((c) => ({ stop: c.stop, arrSec: c.arr, depSec: c.dep }));
  let i = 0;
  while (i < list.length - 1) {
    let j = i + 1;
    while (Number.isNaN(list[j]!.arr)) j++;
    if (j > i + 1) {
      const useShape = list.slice(i, j + 1).every((c) => !Number.isNaN(c.dist));
      const pos: number[] = [0];
      for (let k = i + 1; k <= j; k++) {
        const a = hubs.get(list[k - 1]!.stop)!;
        const b = hubs.get(list[k]!.stop)!;
        pos.push(useShape ? list[k]!.dist - list[i]!.dist : pos[pos.length - 1]! + haversineKm(a.lon, a.lat, b.lon, b.lat));
      }
      const total = pos[pos.length - 1]!;
      const t0 = list[i]!.dep;
      const span = list[j]!.arr - t0;
      for (let k = i + 1; k < j; k++) {
        const share = total > 0 ? pos[k - i]! / total : (k - i) / (j - i);
        calls[k]!.arrSec = calls[k]!.depSec = t0 + span * share;
      }
    }
    i = j;
  }
  return calls;
}
