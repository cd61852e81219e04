import { dateOfDayNumber, dayNumber, didYouMean, MIN_PER_DAY, type Hub, type Issue, type Mode, type Scenario, type Service } from "@fourports/network";
import { DataError, FourportsInputError } from "./errors.js";
import { field, openFeed, readTable, type GtfsFeed, type Table } from "./gtfs-feed.js";
import { serviceDays } from "./gtfs-calendar.js";
import { extraServiceId, scenarioId } from "./gtfs-ids.js";
import { haversineKm, readStops, transferLinks, type Bad } from "./gtfs-stops.js";
import { gtfsSeconds, readStopTimes, type Call } from "./gtfs-times.js";

/** How a GTFS feed is read into a scenario: which days, and the figures GTFS does not carry (capacity, transfer times). */
export interface GtfsOptions {
  /** First day of the timetable, "YYYY-MM-DD" (local time of the feed). */
  epoch: string;
  /** Days to read, 1 to GTFS_MAX_HORIZON_DAYS. */
  horizonDays: number;
  /** Scenario id and name (default "gtfs"). */
  id?: string;
  /** ISO country code given to every stop (default "ZZ", unknown). */
  country?: string;
  /** Minimum transfer time at every stop without a transfers.txt rule of its own, whole minutes (default 0). */
  minTransferMin?: number;
  /** Capacity per departure given to every trip, t, > 0 (default 1: GTFS carries none). */
  capacityT?: number;
  /** Walking links between stops within this distance, m, up to GTFS_MAX_WALK_RADIUS_M (default 0: none). */
  walkRadiusM?: number;
  /** Walking speed for walking links and between platforms of a station, km/h (default 4.8, ASSUMPTION). */
  walkSpeedKmH?: number;
}

/** Longest horizon read, days (ten years). */
export const GTFS_MAX_HORIZON_DAYS = 3660;
/** Most departures one frequencies.txt row may give a day (one a second for 24 hours). */
export const GTFS_MAX_FREQUENCY_DEPARTURES = 86_400;
/** Most connections a feed may expand to over the horizon (about twice London's 4.85 M a day). */
export const GTFS_MAX_CONNECTIONS = 10_000_000;
/** Largest walking radius, m: beyond it "walking" links stop meaning walking. */
export const GTFS_MAX_WALK_RADIUS_M = 5000;

/** GTFS route_type → mode; extended types by their hundred. */
function modeOf(type: number): Mode | undefined {
  if (type === 3 || type === 11 || (type >= 200 && type < 300) || (type >= 700 && type < 800)) return "road";
  if (type === 101) return "hsr";
  if ([0, 1, 2, 5, 6, 7, 12].includes(type) || (type >= 100 && type < 200) || (type >= 400 && type < 500) || (type >= 900 && type < 1000)) return "rail";
  if (type === 4 || (type >= 1000 && type < 1100) || (type >= 1200 && type < 1300)) return "river";
  if (type >= 1100 && type < 1200) return "air";
  return undefined;
}

function checkOptions(o: GtfsOptions): void {
  const issues: Issue[] = [];
  const bad = (name: string, message: string): void => void issues.push({ file: "readGtfs options", path: `$.${name}`, message });
  const epoch: unknown = o.epoch;
  if (typeof epoch !== "string" || Number.isNaN(dayNumber(epoch))) bad("epoch", `expected a real date "YYYY-MM-DD", got ${JSON.stringify(epoch)}`);
  if (!Number.isInteger(o.horizonDays) || o.horizonDays < 1 || o.horizonDays > GTFS_MAX_HORIZON_DAYS) bad("horizonDays", `expected a whole number of days 1..${GTFS_MAX_HORIZON_DAYS}, got ${o.horizonDays}`);
  if (o.capacityT !== undefined && !(Number.isFinite(o.capacityT) && o.capacityT > 0)) bad("capacityT", `expected a finite capacity > 0 t, got ${o.capacityT}`);
  if (o.minTransferMin !== undefined && !(Number.isInteger(o.minTransferMin) && o.minTransferMin >= 0 && o.minTransferMin <= MIN_PER_DAY)) bad("minTransferMin", `expected whole minutes 0..${MIN_PER_DAY}, got ${o.minTransferMin}`);
  if (o.walkRadiusM !== undefined && !(o.walkRadiusM >= 0 && o.walkRadiusM <= GTFS_MAX_WALK_RADIUS_M)) bad("walkRadiusM", `expected metres 0..${GTFS_MAX_WALK_RADIUS_M}, got ${o.walkRadiusM}`);
  if (o.walkSpeedKmH !== undefined && !(Number.isFinite(o.walkSpeedKmH) && o.walkSpeedKmH > 0)) bad("walkSpeedKmH", `expected a finite speed > 0 km/h, got ${o.walkSpeedKmH}`);
  if (issues.length > 0) throw new FourportsInputError("invalid-option", issues);
}

/**
 * Reads a GTFS feed (a folder, a .zip file, or file name → text) into a scenario whose
 * timetable is the feed's: each stop becomes a hub, each trip a service calling at its stops on
 * the days calendar.txt and calendar_dates.txt give, repeated by frequencies.txt where listed.
 * Every stop's departure is rounded down and its arrival up to the minute, each on its own, so
 * every journey the scans find can be ridden to the second (see the README). Every problem is
 * reported at once with file, line and column; options are checked first (FourportsInputError).
 */
export function readGtfs(feed: GtfsFeed, options: GtfsOptions): Scenario {
  checkOptions(options);
  const issues: Issue[] = [];
  const source = openFeed(feed);
  const table = (name: string, required: string[], mandatory: boolean): Table | undefined => readTable(source, name, required, mandatory, issues);
  const bad: Bad = (t, index, column, message) => {
    const c = t.columns.indexOf(column);
    issues.push({ file: t.file, path: `line ${t.lines[index]}${c >= 0 ? `, column ${c + 1} (${column})` : ` (${column})`}`, message });
  };

  const stopsT = table("stops.txt", ["stop_id", "stop_lat", "stop_lon"], true);
  const routesT = table("routes.txt", ["route_id", "route_type"], true);
  const tripsT = table("trips.txt", ["route_id", "service_id", "trip_id"], true);
  const stopTimesT = table("stop_times.txt", ["trip_id", "stop_id", "stop_sequence"], true);
  const calendarT = table("calendar.txt", ["service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "start_date", "end_date"], false);
  const datesT = table("calendar_dates.txt", ["service_id", "date", "exception_type"], false);
  const freqT = table("frequencies.txt", ["trip_id", "start_time", "end_time", "headway_secs"], false);
  const transfersT = table("transfers.txt", ["transfer_type"], false);
  if (source("calendar.txt") === undefined && source("calendar_dates.txt") === undefined) {
    issues.push({ file: "calendar.txt", path: "$", message: "a feed needs calendar.txt or calendar_dates.txt" });
  }
  if (stopTimesT) {
    for (const c of ["arrival_time", "departure_time"]) if (!stopTimesT.columns.includes(c)) issues.push({ file: "stop_times.txt", path: "line 1", message: `missing column "${c}"` });
  }
  if (!stopsT || !routesT || !tripsT || !stopTimesT || issues.length > 0) throw new DataError(issues);

  const stops = readStops(stopsT, { country: options.country ?? "ZZ", minTransferMin: options.minTransferMin ?? 0 }, bad);
  const routeMode = readRoutes(routesT, bad);
  const trips = readTrips(tripsT, routeMode, bad);
  const calls = readStopTimes(stopTimesT, new Set(trips.keys()), stops.hubs, stops.kinds, bad);
  const freq = freqT ? readFrequencies(freqT, trips, bad) : new Map<string, number[][]>();
  const links = transferLinks(stops, transfersT, { walkRadiusM: options.walkRadiusM ?? 0, walkSpeedKmH: options.walkSpeedKmH ?? 4.8 }, bad);
  if (issues.length > 0) throw new DataError(issues);

  // Trips running past midnight belong to their service day: look back as many days as they run over.
  let maxSec = 0;
  for (const [trip, list] of calls) {
    const runSec = list[list.length - 1]!.arrSec - list[0]!.depSec;
    for (const [, end] of freq.get(trip) ?? [[0, list[0]!.depSec]]) maxSec = Math.max(maxSec, end! + runSec);
  }
  const first = dayNumber(options.epoch);
  const last = first + options.horizonDays - 1;
  const cal = serviceDays(calendarT, datesT, first - Math.floor(maxSec / 86_400), last, bad);
  tripsT.rows.forEach((row, i) => {
    const sid = field(row, tripsT.columns.indexOf("service_id"));
    if (!cal.known.has(sid)) bad(tripsT, i, "service_id", `service "${sid}" is in neither calendar.txt nor calendar_dates.txt (foreign_key_violation)`);
  });
  if (issues.length > 0) throw new DataError(issues);
  checkSize(calls, freq, trips, cal.days);

  const services = buildServices({ calls, trips, freq, days: cal.days, hubs: stops.hubs, routeMode, first, capacityT: options.capacityT ?? 1 });
  return {
    id: options.id ?? "gtfs", name: options.id ?? "gtfs", epoch: options.epoch, horizonDays: options.horizonDays, homeCity: "",
    sources: { gtfs: { title: "GTFS feed" }, walk: { title: `walking at ${options.walkSpeedKmH ?? 4.8} km/h along the straight line (an assumption of the reader)` } },
    hubs: [...stops.hubs.values()], services, transfers: links, demand: [], lineage: [], applied: [],
  };
}

interface ServiceInputs {
  calls: Map<string, Call[]>;
  trips: Map<string, { route: string; service: string }>;
  freq: Map<string, number[][]>;
  days: Map<string, number[]>;
  hubs: Map<string, Hub>;
  routeMode: Map<string, Mode | undefined>;
  /** Day number of the epoch. */
  first: number;
  capacityT: number;
}

/** One service per trip (more for a frequency-based trip whose runs round differently), departing on its service days. */
function buildServices({ calls, trips, freq, days: serviceDays, hubs, routeMode, first, capacityT }: ServiceInputs): Service[] {
  const services: Service[] = [];
  for (const [trip, list] of calls) {
    if (list.length < 2) continue; // GTFS allows it (unusable_trip, a warning): it has no connection to give.
    const info = trips.get(trip)!;
    const runs = tripStarts(list, freq.get(trip));
    const km = list.slice(1).reduce((s, c, k) => s + distance(hubs, list[k]!.stop, c.stop), 0);
    const days = serviceDays.get(info.service) ?? [];
    let n = 0;
    for (const [offsets, starts] of runs.values()) {
      const at: string[] = [];
      for (const d of days) for (const s of starts) at.push(stamp(first, (d - first) * MIN_PER_DAY + s));
      const id = n === 0 ? scenarioId(trip) : extraServiceId(scenarioId(trip), n);
      n++;
      services.push({
        id, line: scenarioId(info.route), mode: routeMode.get(info.route)!,
        from: hubs.get(list[0]!.stop)!.id, to: hubs.get(list[list.length - 1]!.stop)!.id,
        via: list.slice(1, -1).map((c, k) => ({ hub: hubs.get(c.stop)!.id, arriveMin: offsets[2 * k + 1]!, departMin: offsets[2 * k + 2]! })),
        distanceKm: km, durationMin: offsets[offsets.length - 1]!, capacityT: capacityT,
        schedule: { type: "departures", at }, tariffCnyPerT: 0, international: false, source: "gtfs", label: "OFF",
      });
    }
  }
  return services;
}

const distance = (hubs: Map<string, { lon: number; lat: number }>, a: string, b: string): number => {
  const p = hubs.get(a)!;
  const q = hubs.get(b)!;
  return haversineKm(p.lon, p.lat, q.lon, q.lat);
};

/**
 * The trip's runs grouped by their minute offsets: each run's absolute times are rounded on
 * their own (departures down, arrivals up), so runs of a frequency-based trip that start at
 * different seconds of the minute may round differently and become separate services.
 * Offsets are [0, arrive₁, depart₁, …, arrive_last] minutes from the run's first departure
 * minute; starts are that minute in the service day.
 */
function tripStarts(list: Call[], freq: number[][] | undefined): Map<string, [number[], number[]]> {
  const t0 = list[0]!.depSec;
  const startsSec = freq ? freq.flatMap(([start, end, headway]) => Array.from({ length: Math.ceil((end! - start!) / headway!) }, (_, k) => start! + k * headway!)) : [t0];
  const runs = new Map<string, [number[], number[]]>();
  for (const s of startsSec) {
    const shift = s - t0;
    const base = Math.floor(s / 60);
    const offsets = [0];
    for (let k = 1; k < list.length; k++) {
      offsets.push(Math.ceil((list[k]!.arrSec + shift) / 60) - base);
      if (k < list.length - 1) offsets.push(Math.floor((list[k]!.depSec + shift) / 60) - base);
    }
    const key = offsets.join(",");
    let run = runs.get(key);
    if (!run) runs.set(key, (run = [offsets, []]));
    run[1].push(base);
  }
  return runs;
}

function stamp(first: number, minute: number): string {
  const d = Math.floor(minute / MIN_PER_DAY);
  const r = minute - d * MIN_PER_DAY;
  return `${dateOfDayNumber(first + d)}T${String(Math.floor(r / 60)).padStart(2, "0")}:${String(r % 60).padStart(2, "0")}`;
}

/** route_id → mode; undefined for a route whose type was reported, so trips still find it. */
function readRoutes(t: Table, bad: Bad): Map<string, Mode | undefined> {
  const iId = t.columns.indexOf("route_id");
  const iType = t.columns.indexOf("route_type");
  const out = new Map<string, Mode | undefined>();
  t.rows.forEach((row, i) => {
    const id = field(row, iId);
    const type = field(row, iType);
    const mode = modeOf(Number(type));
    if (out.has(id)) bad(t, i, "route_id", `duplicate route_id "${id}" (duplicate_key)`);
    if (!/^\d+$/.test(type) || !mode) bad(t, i, "route_type", `unsupported route_type "${type}"`);
    out.set(id, mode);
  });
  return out;
}

function readTrips(t: Table, routes: Map<string, Mode | undefined>, bad: Bad): Map<string, { route: string; service: string }> {
  const [iRoute, iService, iTrip] = ["route_id", "service_id", "trip_id"].map((c) => t.columns.indexOf(c)) as [number, number, number];
  const out = new Map<string, { route: string; service: string }>();
  t.rows.forEach((row, i) => {
    const route = field(row, iRoute);
    const trip = field(row, iTrip);
    if (!routes.has(route)) bad(t, i, "route_id", `unknown route "${route}"${didYouMean(route, routes.keys())}`);
    if (trip === "") bad(t, i, "trip_id", "empty trip_id");
    else if (out.has(trip)) bad(t, i, "trip_id", `duplicate trip_id "${trip}" (duplicate_key)`);
    out.set(trip, { route, service: field(row, iService) });
  });
  return out;
}

/** trip_id → [start, end, headway] seconds per frequencies.txt row, each checked against the limit. */
function readFrequencies(t: Table, trips: Map<string, unknown>, bad: Bad): Map<string, number[][]> {
  const [iTrip, iStart, iEnd, iHead] = ["trip_id", "start_time", "end_time", "headway_secs"].map((c) => t.columns.indexOf(c)) as [number, number, number, number];
  const out = new Map<string, number[][]>();
  t.rows.forEach((row, i) => {
    const trip = field(row, iTrip);
    const start = gtfsSeconds(field(row, iStart));
    const end = gtfsSeconds(field(row, iEnd));
    const headText = field(row, iHead);
    const headway = Number(headText);
    let ok = true;
    const fail = (c: string, m: string): void => {
      ok = false;
      bad(t, i, c, m);
    };
    if (Number.isNaN(start)) fail("start_time", `expected H:MM:SS, got "${field(row, iStart)}"`);
    if (Number.isNaN(end) || end <= start) fail("end_time", `expected H:MM:SS after start_time, got "${field(row, iEnd)}"`);
    if (!/^\d+$/.test(headText) || headway <= 0) fail("headway_secs", `expected a positive whole number, got "${headText}"`);
    if (!trips.has(trip)) fail("trip_id", `unknown trip "${trip}" (foreign_key_violation)`);
    if (!ok) return;
    const count = Math.ceil((end - start) / headway);
    if (count > GTFS_MAX_FREQUENCY_DEPARTURES) {
      throw new FourportsInputError("limit-exceeded", [{
        file: t.file, path: `line ${t.lines[i]}, column ${iHead + 1} (headway_secs)`,
        message: `a headway of ${headway} s from ${field(row, iStart)} to ${field(row, iEnd)} gives ${count.toLocaleString("en-US")} departures a day; the limit is GTFS_MAX_FREQUENCY_DEPARTURES = ${GTFS_MAX_FREQUENCY_DEPARTURES.toLocaleString("en-US")}`,
      }]);
    }
    let list = out.get(trip);
    if (!list) out.set(trip, (list = []));
    list.push([start, end, headway]);
  });
  return out;
}

/** Counts the connections the feed expands to, from counts alone, before anything is expanded. */
function checkSize(calls: Map<string, Call[]>, freq: Map<string, number[][]>, trips: Map<string, { service: string }>, days: Map<string, number[]>): void {
  let total = 0;
  for (const [trip, list] of calls) {
    const f = freq.get(trip);
    const perDay = f ? f.reduce((s, [a, b, h]) => s + Math.ceil((b! - a!) / h!), 0) : 1;
    total += (list.length - 1) * perDay * (days.get(trips.get(trip)!.service)?.length ?? 0);
  }
  if (total > GTFS_MAX_CONNECTIONS) {
    throw new FourportsInputError("limit-exceeded", [{
      file: "stop_times.txt", path: "$",
      message: `the feed expands to ${total.toLocaleString("en-US")} connections over the horizon; the limit is GTFS_MAX_CONNECTIONS = ${GTFS_MAX_CONNECTIONS.toLocaleString("en-US")} (read fewer days)`,
    }]);
  }
}
