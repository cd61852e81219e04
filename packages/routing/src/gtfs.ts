import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { dateOfDayNumber, dayNumber, didYouMean, MIN_PER_DAY, type Hub, type Issue, type Mode, type Scenario, type Service } from "@fourports/network";
import { parse } from "csv-parse/sync";
import { DataError } from "./errors.js";

export interface GtfsOptions {
  /** First day of the timetable, "YYYY-MM-DD" (local time of the feed). */
  epoch: string;
  horizonDays: number;
  /** Scenario id and name (default "gtfs"). */
  id?: string;
  /** ISO country code given to every stop (default "ZZ", unknown). */
  country?: string;
  /** Minimum transfer time at every stop, minutes (default 0). */
  minTransferMin?: number;
  /** Capacity per departure given to every trip, t (default 1: GTFS carries none). */
  capacityT?: number;
}

type Row = Record<string, string>;
interface Table {
  file: string;
  rows: { row: Row; line: number }[];
  columns: string[];
}

/** GTFS route_type → mode; extended types by their hundred. */
function modeOf(type: number): Mode | undefined {
  if (type === 3 || type === 11 || (type >= 200 && type < 300) || (type >= 700 && type < 800)) return "road";
  if (type === 101) return "hsr";
  if ([0, 1, 2, 5, 6, 7, 12].includes(type) || (type >= 100 && type < 200) || (type >= 400 && type < 500) || (type >= 900 && type < 1000)) return "rail";
  if (type === 4 || (type >= 1000 && type < 1100) || (type >= 1200 && type < 1300)) return "river";
  if (type >= 1100 && type < 1200) return "air";
  return undefined;
}

/** "H:MM:SS" (hours may pass 24) → seconds, or NaN. */
function gtfsSeconds(s: string): number {
  const m = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/.exec(s.trim());
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : NaN;
}

function gtfsDay(s: string): number {
  return /^\d{8}$/.test(s) ? dayNumber(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`) : NaN;
}

const safeId = (raw: string): string => raw.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^[._-]/, "x");

/**
 * Reads a GTFS feed (a folder, or file name → text) into a scenario whose timetable is the
 * feed's: stops become hubs, each trip a service calling at its stops, running on the days its
 * calendar and calendar_dates give, repeated by frequencies.txt where listed. Times are taken
 * to the minute, departures rounded down and arrivals up, so no connection is made easier than
 * the feed allows. Every problem is reported with file, line and column.
 */
export function readGtfs(feed: string | Record<string, string>, options: GtfsOptions): Scenario {
  const issues: Issue[] = [];
  const text = (name: string): string | undefined => {
    if (typeof feed !== "string") return feed[name];
    const p = join(feed, name);
    return existsSync(p) ? readFileSync(p, "utf8") : undefined;
  };
  const table = (name: string, required: string[], mandatory: boolean): Table | undefined => {
    const t = text(name);
    if (t === undefined) {
      if (mandatory) issues.push({ file: name, path: "$", message: "required file is missing" });
      return undefined;
    }
    let records: { record: Row; info: { lines: number } }[];
    try {
      records = parse(t, { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true }) as typeof records;
    } catch (err) {
      const e = err as Error & { lines?: number };
      issues.push({ file: name, path: `line ${e.lines ?? 1}`, message: `not valid CSV: ${e.message}` });
      return undefined;
    }
    const header = (t.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "").split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
    const missing = required.filter((c) => !header.includes(c));
    for (const c of missing) issues.push({ file: name, path: "line 1", message: `missing column "${c}"${didYouMean(c, header.filter((h) => !required.includes(h)))}` });
    if (missing.length > 0) return undefined;
    return { file: name, columns: header, rows: records.map((r) => ({ row: r.record, line: r.info.lines })) };
  };
  const bad = (t: Table, line: number, column: string, message: string): void => {
    issues.push({ file: t.file, path: `line ${line}, column ${t.columns.indexOf(column) + 1} (${column})`, message });
  };

  const stops = table("stops.txt", ["stop_id", "stop_name", "stop_lat", "stop_lon"], true);
  const routes = table("routes.txt", ["route_id", "route_type"], true);
  const trips = table("trips.txt", ["route_id", "service_id", "trip_id"], true);
  const stopTimes = table("stop_times.txt", ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"], true);
  const calendar = table("calendar.txt", ["service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "start_date", "end_date"], false);
  const calendarDates = table("calendar_dates.txt", ["service_id", "date", "exception_type"], false);
  const frequencies = table("frequencies.txt", ["trip_id", "start_time", "end_time", "headway_secs"], false);
  if (!calendar && !calendarDates && text("calendar.txt") === undefined && text("calendar_dates.txt") === undefined) {
    issues.push({ file: "calendar.txt", path: "$", message: "a feed needs calendar.txt or calendar_dates.txt" });
  }
  if (!stops || !routes || !trips || !stopTimes) throw new DataError(issues);

  const hubs = new Map<string, Hub>();
  const hubIds = new Set<string>();
  for (const { row, line } of stops.rows) {
    const lat = Number(row["stop_lat"]);
    const lon = Number(row["stop_lon"]);
    if (!(Math.abs(lat) <= 90) || row["stop_lat"] === "") bad(stops, line, "stop_lat", `expected a latitude -90..90, got "${row["stop_lat"]}"`);
    if (!(Math.abs(lon) <= 180) || row["stop_lon"] === "") bad(stops, line, "stop_lon", `expected a longitude -180..180, got "${row["stop_lon"]}"`);
    const raw = row["stop_id"]!;
    const id = safeId(raw);
    if (raw === "" || hubs.has(raw) || hubIds.has(id)) bad(stops, line, "stop_id", raw === "" ? "empty stop_id" : `duplicate stop_id "${raw}"`);
    hubIds.add(id);
    hubs.set(raw, {
      id, name: row["stop_name"] || raw, kind: "city", portGroup: null, city: row["stop_name"] || raw, country: options.country ?? "ZZ",
      lon, lat, transferMin: { default: options.minTransferMin ?? 0 }, source: "gtfs", label: "OFF",
    });
  }
  const routeMode = new Map<string, Mode>();
  const routeIds = new Set(routes.rows.map((r) => r.row["route_id"]!));
  for (const { row, line } of routes.rows) {
    const mode = modeOf(Number(row["route_type"]));
    if (!/^\d+$/.test(row["route_type"] ?? "") || !mode) bad(routes, line, "route_type", `unsupported route_type "${row["route_type"]}"`);
    else routeMode.set(row["route_id"]!, mode);
  }

  // Service days inside the horizon.
  const first = dayNumber(options.epoch);
  const last = first + options.horizonDays - 1;
  const days = new Map<string, Set<number>>();
  const dayset = (sid: string): Set<number> => {
    let s = days.get(sid);
    if (!s) days.set(sid, (s = new Set()));
    return s;
  };
  const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
  for (const { row, line } of calendar?.rows ?? []) {
    const a = gtfsDay(row["start_date"]!);
    const b = gtfsDay(row["end_date"]!);
    if (Number.isNaN(a)) bad(calendar!, line, "start_date", `expected YYYYMMDD, got "${row["start_date"]}"`);
    if (Number.isNaN(b)) bad(calendar!, line, "end_date", `expected YYYYMMDD, got "${row["end_date"]}"`);
    const flags = weekdays.map((w) => row[w]);
    flags.forEach((f, i) => {
      if (f !== "0" && f !== "1") bad(calendar!, line, weekdays[i]!, `expected 0 or 1, got "${f}"`);
    });
    const set = dayset(row["service_id"]!);
    for (let d = Math.max(a, first); d <= Math.min(b, last); d++) if (flags[(((d + 3) % 7) + 7) % 7] === "1") set.add(d);
  }
  for (const { row, line } of calendarDates?.rows ?? []) {
    const d = gtfsDay(row["date"]!);
    if (Number.isNaN(d)) bad(calendarDates!, line, "date", `expected YYYYMMDD, got "${row["date"]}"`);
    const type = row["exception_type"];
    if (type !== "1" && type !== "2") bad(calendarDates!, line, "exception_type", `expected 1 (added) or 2 (removed), got "${type}"`);
    if (d < first || d > last) continue;
    if (type === "1") dayset(row["service_id"]!).add(d);
    else dayset(row["service_id"]!).delete(d);
  }

  const tripInfo = new Map<string, { route: string; service: string }>();
  for (const { row, line } of trips.rows) {
    if (!routeIds.has(row["route_id"]!)) bad(trips, line, "route_id", `unknown route "${row["route_id"]}"${didYouMean(row["route_id"]!, routeIds)}`);
    if (!days.has(row["service_id"]!) && (calendar || calendarDates)) {
      bad(trips, line, "service_id", `service "${row["service_id"]}" is in neither calendar.txt nor calendar_dates.txt`);
    }
    tripInfo.set(row["trip_id"]!, { route: row["route_id"]!, service: row["service_id"]! });
  }

  const calls = new Map<string, { seq: number; stop: string; arr: number; dep: number; line: number }[]>();
  for (const { row, line } of stopTimes.rows) {
    const trip = row["trip_id"]!;
    if (!tripInfo.has(trip)) bad(stopTimes, line, "trip_id", `unknown trip "${trip}"${didYouMean(trip, tripInfo.keys())}`);
    if (!hubs.has(row["stop_id"]!)) bad(stopTimes, line, "stop_id", `unknown stop "${row["stop_id"]}"${didYouMean(row["stop_id"]!, hubs.keys())}`);
    const arr = gtfsSeconds(row["arrival_time"]!);
    const dep = gtfsSeconds(row["departure_time"]!);
    if (Number.isNaN(arr)) bad(stopTimes, line, "arrival_time", `expected H:MM:SS, got "${row["arrival_time"]}"`);
    if (Number.isNaN(dep)) bad(stopTimes, line, "departure_time", `expected H:MM:SS, got "${row["departure_time"]}"`);
    const seq = Number(row["stop_sequence"]);
    if (!/^\d+$/.test(row["stop_sequence"] ?? "")) bad(stopTimes, line, "stop_sequence", `expected a whole number, got "${row["stop_sequence"]}"`);
    let list = calls.get(trip);
    if (!list) calls.set(trip, (list = []));
    list.push({ seq, stop: row["stop_id"]!, arr, dep, line });
  }
  const freq = new Map<string, { start: number; end: number; headway: number }[]>();
  for (const { row, line } of frequencies?.rows ?? []) {
    const start = gtfsSeconds(row["start_time"]!);
    const end = gtfsSeconds(row["end_time"]!);
    const headway = Number(row["headway_secs"]);
    if (Number.isNaN(start)) bad(frequencies!, line, "start_time", `expected H:MM:SS, got "${row["start_time"]}"`);
    if (Number.isNaN(end) || end <= start) bad(frequencies!, line, "end_time", `expected H:MM:SS after start_time, got "${row["end_time"]}"`);
    if (!(headway > 0) || !Number.isInteger(headway)) bad(frequencies!, line, "headway_secs", `expected a positive whole number, got "${row["headway_secs"]}"`);
    if (!tripInfo.has(row["trip_id"]!)) bad(frequencies!, line, "trip_id", `unknown trip "${row["trip_id"]}"`);
    let list = freq.get(row["trip_id"]!);
    if (!list) freq.set(row["trip_id"]!, (list = []));
    list.push({ start, end, headway });
  }
  for (const [trip, list] of calls) {
    list.sort((a, b) => a.seq - b.seq);
    if (list.length < 2) issues.push({ file: "stop_times.txt", path: `line ${list[0]!.line}`, message: `trip "${trip}" calls at fewer than two stops` });
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.arr < list[i - 1]!.dep || list[i]!.dep < list[i]!.arr) {
        issues.push({ file: "stop_times.txt", path: `line ${list[i]!.line}, column ${stopTimes.columns.indexOf("arrival_time") + 1} (arrival_time)`, message: `times of trip "${trip}" go backwards` });
      }
    }
  }
  if (issues.length > 0) throw new DataError(issues);

  const services: Service[] = [];
  const stamp = (minute: number): string => {
    const d = Math.floor(minute / MIN_PER_DAY);
    const r = minute - d * MIN_PER_DAY;
    return `${dateOfDayNumber(first + d)}T${String(Math.floor(r / 60)).padStart(2, "0")}:${String(r % 60).padStart(2, "0")}`;
  };
  for (const [trip, list] of calls) {
    const info = tripInfo.get(trip)!;
    const origin = list[0]!.dep;
    const rel = (sec: number, up: boolean): number => (up ? Math.ceil((sec - origin) / 60) : Math.floor((sec - origin) / 60));
    // Start times of the trip each day: its own, or every headway of its frequencies.
    const starts = freq.get(trip)?.flatMap((f) => Array.from({ length: Math.ceil((f.end - f.start) / f.headway) }, (_, k) => f.start + k * f.headway)) ?? [origin];
    const at: string[] = [];
    for (const d of [...(days.get(info.service) ?? [])].sort((a, b) => a - b)) {
      for (const s of starts) at.push(stamp((d - first) * MIN_PER_DAY + Math.floor(s / 60)));
    }
    let km = 0;
    for (let i = 1; i < list.length; i++) {
      const a = hubs.get(list[i - 1]!.stop)!;
      const b = hubs.get(list[i]!.stop)!;
      km += haversineKm(a.lon, a.lat, b.lon, b.lat);
    }
    services.push({
      id: safeId(trip), line: safeId(info.route), mode: routeMode.get(info.route)!,
      from: hubs.get(list[0]!.stop)!.id, to: hubs.get(list[list.length - 1]!.stop)!.id,
      via: list.slice(1, -1).map((c) => ({ hub: hubs.get(c.stop)!.id, arriveMin: rel(c.arr, true), departMin: Math.max(rel(c.arr, true), rel(c.dep, false)) })),
      distanceKm: km, durationMin: Math.max(1, rel(list[list.length - 1]!.arr, true)), capacityT: options.capacityT ?? 1,
      schedule: { type: "departures", at: [...new Set(at)] }, tariffCnyPerT: 0, international: false, source: "gtfs", label: "OFF",
    });
  }
  return {
    id: options.id ?? "gtfs", name: options.id ?? "gtfs", epoch: options.epoch, horizonDays: options.horizonDays, homeCity: "",
    sources: { gtfs: { title: "GTFS feed" } }, hubs: [...hubs.values()], services, transfers: [], demand: [], lineage: [], applied: [],
  };
}

function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}
