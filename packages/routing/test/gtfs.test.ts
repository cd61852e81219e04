import { fileURLToPath } from "node:url";
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expandTimetable, formatMinute, minuteOfDateTime } from "@fourports/network";
import { ConnectionScan, DataError, prepareRouting, readGtfs } from "@fourports/routing";

const dir = fileURLToPath(new URL("./fixtures/gtfs", import.meta.url));
const files = (): Record<string, string> => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(`${dir}/${f}`, "utf8")]));
const opts = { epoch: "2025-01-01", horizonDays: 7 };

describe("readGtfs", () => {
  it("routes a small feed end to end: calendar, calendar_dates, frequencies, times past midnight", () => {
    const sc = readGtfs(dir, opts);
    const tt = expandTimetable(sc);
    // G1 runs Mon–Fri plus Saturday 01-04 (added), not Thursday 01-02 (removed): 01-01, 01-03, 01-04, 01-06, 01-07.
    expect(tt.tripCount).toBe(5 + 7 * 3);
    const scan = new ConnectionScan(prepareRouting(sc, tt));
    const zz = sc.hubs.findIndex((h) => h.name === "Zhengzhou East");
    const cd = sc.hubs.findIndex((h) => h.name === "Chengdu East");
    scan.run(zz, minuteOfDateTime(sc.epoch, "2025-01-02T07:00"), { target: cd });
    const j = scan.journey(cd)!;
    // No G1 on Thursday: the Friday train, then stay aboard past midnight (25:10).
    expect(j.legs.map((l) => l.kind === "service" && l.serviceId)).toEqual(["G1-0800"]);
    expect(formatMinute(sc.epoch, j.arriveMin)).toBe("2025-01-04 01:10");
    expect(sc.hubs.map((h) => h.id)).toEqual(["ZZ_3A1", "XA_3A1", "CD_201"]);
  });

  it("accepts the feed as file name → text, with the same result", () => {
    expect(readGtfs(files(), opts)).toEqual(readGtfs(dir, opts));
  });

  it("rejects malformed feeds naming file, line and column", () => {
    const problems = (patch: Record<string, string | undefined>): string[] => {
      const f = { ...files(), ...patch };
      for (const [k, v] of Object.entries(f)) if (v === undefined) delete f[k];
      try {
        readGtfs(f as Record<string, string>, opts);
      } catch (err) {
        return (err as DataError).issues.map((i) => `${i.file}: ${i.path}: ${i.message}`);
      }
      return [];
    };
    expect(problems({ "stops.txt": undefined })).toEqual(["stops.txt: $: required file is missing"]);
    expect(problems({ "stops.txt": "stop_id,stop_name,stop_lat,stop_lng\nA,A,1,2\n" })).toEqual(['stops.txt: line 1: missing column "stop_lon" (did you mean "stop_lng"?)']);
    expect(problems({ "stops.txt": files()["stops.txt"]!.replace("34.38", "north") })).toEqual([
      'stops.txt: line 3, column 3 (stop_lat): expected a latitude -90..90, got "north"',
    ]);
    expect(problems({ "stop_times.txt": files()["stop_times.txt"]!.replace("10:30:20", "10:3") })).toEqual([
      'stop_times.txt: line 3, column 2 (arrival_time): expected H:MM:SS, got "10:3"',
    ]);
    expect(problems({ "stop_times.txt": files()["stop_times.txt"]!.replace("B9-F,14:00:00,14:00:00,CD 1", "B9-F,14:00:00,14:00:00,CD 2") })).toEqual([
      'stop_times.txt: line 6, column 4 (stop_id): unknown stop "CD 2" (did you mean "CD 1"?)',
    ]);
    expect(problems({ "routes.txt": "route_id,route_type\nG1,2\nB9,99\n" })).toEqual([
      'routes.txt: line 3, column 2 (route_type): unsupported route_type "99"',
    ]);
    expect(problems({ "trips.txt": "route_id,service_id,trip_id\nG2,WK,G1-0800\nB9,DAILY,B9-F\n" })).toEqual([
      'trips.txt: line 2, column 1 (route_id): unknown route "G2" (did you mean "G1"?)',
    ]);
    expect(problems({ "calendar.txt": undefined, "calendar_dates.txt": undefined })[0]).toBe("calendar.txt: $: a feed needs calendar.txt or calendar_dates.txt");
    expect(problems({ "frequencies.txt": "trip_id,start_time,end_time,headway_secs\nB9-F,06:00:00,05:00:00,0\n" })).toEqual([
      'frequencies.txt: line 2, column 3 (end_time): expected H:MM:SS after start_time, got "05:00:00"',
      'frequencies.txt: line 2, column 4 (headway_secs): expected a positive whole number, got "0"',
    ]);
    expect(problems({ "trips.txt": 'route_id,service_id,trip_id\nG1,WK,"G1-0800\n' })[0]).toMatch(/^trips\.txt: line \d+: not valid CSV: Quote Not Closed/);
  });
});
