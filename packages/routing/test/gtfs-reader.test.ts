import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { expandTimetable, formatMinute } from "@fourports/network";
import { ConnectionScan, DataError, FourportsInputError, NO_TRANSFER_MIN, prepareRouting, readGtfs, type GtfsOptions } from "@fourports/routing";

const opts: GtfsOptions = { epoch: "2025-01-06", horizonDays: 1 };
const CAL = "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nALL,1,1,1,1,1,1,1,20250101,20251231\n";

/** A small feed: stops A, B, C on a meridian 1.11 km apart, one route, the given stop_times rows. */
function feed(stopTimes: string[], extra: Record<string, string> = {}): Record<string, string> {
  const trips = [...new Set(stopTimes.map((r) => r.split(",")[0]!))];
  return {
    "stops.txt": "stop_id,stop_name,stop_lat,stop_lon\nA,A,0,0\nB,B,0.01,0\nC,C,0.02,0\nD,D,0.05,0\n",
    "routes.txt": "route_id,route_type\nR,3\n",
    "trips.txt": ["route_id,service_id,trip_id", ...trips.map((t) => `R,ALL,${t}`)].join("\n"),
    "stop_times.txt": ["trip_id,arrival_time,departure_time,stop_id,stop_sequence", ...stopTimes].join("\n"),
    "calendar.txt": CAL,
    ...extra,
  };
}

const problems = (f: Record<string, string | Uint8Array>, o: GtfsOptions = opts): string[] => {
  try {
    readGtfs(f, o);
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    return err.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`);
  }
  return [];
};

/** Earliest arrival ("HH:MM") at stop `to` from stop `from` leaving at `at`, or null. */
function route(f: Record<string, string>, from: string, to: string, at: string, o: GtfsOptions = opts): string | null {
  const sc = readGtfs(f, o);
  const scan = new ConnectionScan(prepareRouting(sc, expandTimetable(sc)));
  const hub = (id: string): number => sc.hubs.findIndex((h) => h.name === id);
  scan.run(hub(from), Number(at.slice(0, 2)) * 60 + Number(at.slice(3, 5)));
  const j = scan.journey(hub(to));
  return j && formatMinute(sc.epoch, j.arriveMin).slice(11);
}

describe("readGtfs: rounding to the minute", () => {
  it("never lets a transfer start before the arriving vehicle is in (the issue's minimal case)", () => {
    const f = feed(["X1,08:00:50,08:00:50,A,1", "X1,08:01:20,08:01:20,B,2", "Y1,08:01:00,08:01:00,B,1", "Y1,08:10:00,08:10:00,C,2"]);
    expect(route(f, "A", "B", "08:00")).toBe("08:02");
    expect(route(f, "A", "C", "08:00")).toBeNull();
  });

  it("never raises an intermediate departure, and staying aboard works when legs overlap by a minute", () => {
    const f = feed(["X1,08:00:00,08:00:00,A,1", "X1,08:05:30,08:05:30,B,2", "X1,08:10:00,08:10:00,C,3"]);
    expect(route(f, "B", "C", "08:06")).toBeNull();
    expect(route(f, "B", "C", "08:05")).toBe("08:10");
    // A → B arrives 08:06, B → C leaves 08:05: one trip, so cargo stays aboard.
    expect(route(f, "A", "C", "08:00")).toBe("08:10");
  });

  it("makes a frequency-based trip whose runs start at different seconds into one service per rounding", () => {
    const sc = readGtfs(feed(["F,08:00:00,08:00:00,A,1", "F,08:01:00,08:01:00,B,2"], { "frequencies.txt": "trip_id,start_time,end_time,headway_secs\nF,08:00:00,08:04:00,90\n" }), opts);
    expect(sc.services.map((s) => [s.id, s.durationMin, s.schedule.type === "departures" && s.schedule.at])).toEqual([
      ["F", 1, ["2025-01-06T08:00", "2025-01-06T08:03"]],
      ["F_p1", 2, ["2025-01-06T08:01"]],
    ]);
  });
});

describe("readGtfs: non-timepoints", () => {
  it("interpolates empty times by distance between stops", () => {
    const sc = readGtfs(feed(["T,08:00:00,08:00:00,A,1", "T,,,B,2", "T,,,C,3", "T,08:05:00,08:05:00,D,4"]), opts);
    // B and C lie 1/5 and 2/5 of the way: 08:01:00 and 08:02:00.
    expect(sc.services[0]!.via).toEqual([{ hub: "B", arriveMin: 1, departMin: 1 }, { hub: "C", arriveMin: 2, departMin: 2 }]);
  });

  it("interpolates by shape_dist_traveled where every stop of the stretch has one", () => {
    const rows = ["T,08:00:00,08:00:00,A,1,0", "T,,,B,2,900", "T,08:10:00,08:10:00,C,3,1000"];
    const f = feed([]);
    f["trips.txt"] = "route_id,service_id,trip_id\nR,ALL,T\n";
    f["stop_times.txt"] = ["trip_id,arrival_time,departure_time,stop_id,stop_sequence,shape_dist_traveled", ...rows].join("\n");
    expect(readGtfs(f, opts).services[0]!.via).toEqual([{ hub: "B", arriveMin: 9, departMin: 9 }]);
  });

  // The real feeds live beside the repository (../shared, or FOURPORTS_SHARED), never in it.
  const zip = join(process.env["FOURPORTS_SHARED"] ?? fileURLToPath(new URL("../../../../shared", import.meta.url)), "data/gtfs/porto-alegre-eptc.zip");
  it.skipIf(!existsSync(zip))("reads the Porto Alegre bus feed, whose intermediate stops have no times", () => {
    const sc = readGtfs(zip, { epoch: "2019-05-06", horizonDays: 1 });
    expect(sc.services.length).toBe(2374);
    expect(expandTimetable(sc).length).toBeGreaterThan(100_000);
  });
});

describe("readGtfs: stations and transfers", () => {
  const stations = "stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station\nST,Station,0,0,1,\nA,A,0,0,0,ST\nB,B,0.001,0,0,ST\nC,C,0.02,0,,\nD,D,0.05,0,0,\n";

  it("links the platforms of a station by walking (bidirectional) and takes transfers.txt types 0–3", () => {
    const f = feed(["T,08:00:00,08:00:00,A,1", "T,08:05:00,08:05:00,C,2"], {
      "stops.txt": stations,
      "transfers.txt": "from_stop_id,to_stop_id,transfer_type,min_transfer_time\nC,C,2,150\nD,D,3,\nC,D,1,\nD,C,0,\nA,A,1,\n",
    });
    const sc = readGtfs(f, { ...opts, minTransferMin: 4 });
    expect(sc.hubs.map((h) => [h.id, h.transferMin["default"]])).toEqual([["A", 0], ["B", 4], ["C", 3], ["D", NO_TRANSFER_MIN]]);
    expect(sc.transfers.map((l) => [l.from, l.to, l.durationMin, l.bidirectional])).toEqual([
      ["A", "B", 2, true], // 111 m at 4.8 km/h
      ["C", "D", 0, false], // timed transfer
      ["D", "C", 42, false], // recommended: walking 3.3 km
    ]);
  });

  it("lets transfers.txt forbid a pair the station would link, and adds walking within a radius only when asked", () => {
    const f = feed(["T,08:00:00,08:00:00,A,1", "T,08:05:00,08:05:00,C,2"], { "stops.txt": stations, "transfers.txt": "from_stop_id,to_stop_id,transfer_type\nA,B,3\n" });
    expect(readGtfs(f, opts).transfers.map((l) => [l.from, l.to, l.bidirectional])).toEqual([["B", "A", false]]);
    expect(readGtfs(f, { ...opts, walkRadiusM: 2500 }).transfers.map((l) => [l.from, l.to, l.durationMin])).toEqual([
      ["A", "C", 28], ["B", "A", 2], ["B", "C", 27],
    ]);
  });

  it("rejects a vehicle stopping at a station and a transfer from an unknown stop", () => {
    expect(problems(feed(["T,08:00:00,08:00:00,ST,1", "T,08:05:00,08:05:00,C,2"], { "stops.txt": stations, "transfers.txt": "from_stop_id,to_stop_id,transfer_type\nQ,A,0\n" }))).toEqual([
      'stop_times.txt: line 2, column 4 (stop_id): "ST" has location_type 1; vehicles stop only at stops (0) (location_with_unexpected_stop_time)',
      'transfers.txt: line 2, column 1 (from_stop_id): unknown stop "Q" (foreign_key_violation)',
    ]);
  });
});

describe("readGtfs: what the reference validator accepts and rejects", () => {
  const ok = ["T,08:00:00,08:00:00,A,1", "T,08:05:00,08:05:00,B,2"];

  it("accepts rows that omit trailing optional fields, a BOM, and services known only from calendar_dates", () => {
    const f = feed(ok, { "stops.txt": "\uFEFFstop_id,stop_name,stop_lat,stop_lon,location_type,parent_station\nA,A,0,0\nB,B,0.01,0,0\nC,C,0.02,0\nD,D,0.05,0\n" });
    expect(readGtfs(f, opts).hubs.map((h) => h.id)).toEqual(["A", "B", "C", "D"]);
    const bytes = { ...feed(ok), "stops.txt": new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(feed(ok)["stops.txt"]!)]) };
    expect(readGtfs(bytes, opts).hubs.length).toBe(4);
    const onlyDates = feed(ok, { "calendar.txt": "", "calendar_dates.txt": "service_id,date,exception_type\nALL,20240101,1\n" });
    delete onlyDates["calendar.txt"];
    const sc = readGtfs(onlyDates, opts);
    expect(sc.services[0]!.schedule).toEqual({ type: "departures", at: [] });
  });

  it("rejects duplicate stop_sequence, times going backwards, a lone arrival time and an untimed first stop", () => {
    expect(problems(feed(["T,08:00:00,08:00:00,A,1", "T,08:05:00,08:05:00,B,1"]))).toEqual([
      'stop_times.txt: line 3, column 5 (stop_sequence): trip "T" has stop_sequence 1 twice (line 2) (duplicate_key)',
    ]);
    expect(problems(feed(["T,08:00:00,08:02:00,A,1", "T,08:01:00,08:05:00,B,2"]))).toEqual([
      "stop_times.txt: line 3, column 2 (arrival_time): arrival 8:01:00 is before the departure 8:02:00 from the previous stop (line 2): times go backwards (stop_time_with_arrival_before_previous_departure_time)",
    ]);
    expect(problems(feed(["T,08:00:00,08:00:00,A,1", "T,08:01:00,,B,2", "T,08:05:00,08:05:00,C,3"]))).toEqual([
      "stop_times.txt: line 3, column 3 (departure_time): one of arrival_time and departure_time is given, the other is empty (stop_time_with_only_arrival_or_departure_time)",
    ]);
    expect(problems(feed(["T,,,A,1", "T,08:05:00,08:05:00,B,2"]))).toEqual([
      'stop_times.txt: line 2, column 2 (arrival_time): the first stop of trip "T" has no times (missing_trip_edge)',
    ]);
  });

  it("says a UTF-16 file is UTF-16", () => {
    const text = feed(ok)["trips.txt"]!;
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((ch) => [ch.charCodeAt(0), 0])]);
    expect(problems({ ...feed(ok), "trips.txt": utf16 })).toEqual([
      "trips.txt: $: the file is UTF-16 (little-endian); GTFS files must be UTF-8: convert it, e.g. iconv -f UTF-16 -t UTF-8",
    ]);
  });

  it("rejects a row with more fields than its header, naming the line", () => {
    expect(problems(feed([...ok, "T,08:06:00,08:06:00,C,3,extra"]))).toEqual(["stop_times.txt: line 4: 6 fields, but the header has 5 (invalid_row_length)"]);
  });
});

describe("readGtfs: files, ids and limits", () => {
  it("reads a .zip feed directly, with the same result as the folder", () => {
    const dir = fileURLToPath(new URL("./fixtures/gtfs", import.meta.url));
    const tmp = mkdtempSync(join(tmpdir(), "fourports-gtfs-"));
    const zip = join(tmp, "feed.zip");
    writeFileSync(zip, zipSync(Object.fromEntries(readdirSync(dir).map((f) => [f, strToU8(readFileSync(join(dir, f), "utf8"))]))));
    const o = { epoch: "2025-01-01", horizonDays: 7 };
    expect(readGtfs(zip, o)).toEqual(readGtfs(dir, o));
    const nested = join(tmp, "nested.zip");
    writeFileSync(nested, zipSync({ feed: Object.fromEntries(readdirSync(dir).map((f) => [f, strToU8(readFileSync(join(dir, f), "utf8"))])) }));
    expect(() => readGtfs(nested, o)).toThrow(/the GTFS files are in a subfolder \("feed\/.*\.txt", …\); they must be at the top of the zip/);
  });

  it("gives trips `T 1` and `T_1` different service ids", () => {
    const ids = readGtfs(feed(["T 1,08:00:00,08:00:00,A,1", "T 1,08:05:00,08:05:00,B,2", "T_1,08:00:00,08:00:00,A,1", "T_1,08:05:00,08:05:00,B,2"]), opts).services.map((s) => s.id);
    expect(ids).toEqual(["T_201", "T_5F1"]);
  });

  it("rejects impossible options with a typed error naming each", () => {
    const err = (o: GtfsOptions): unknown => {
      try {
        readGtfs(feed(["T,08:00:00,08:00:00,A,1", "T,08:05:00,08:05:00,B,2"]), o);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const e = err({ epoch: "2025-02-30", horizonDays: -1, capacityT: 0 }) as FourportsInputError;
    expect(e).toBeInstanceOf(FourportsInputError);
    expect(e.code).toBe("invalid-option");
    expect(e.issues.map((i) => i.path)).toEqual(["$.epoch", "$.horizonDays", "$.capacityT"]);
    expect((err({ ...opts, capacityT: -5 }) as FourportsInputError).issues[0]!.message).toBe("expected a finite capacity > 0 t, got -5");
  });

  it("refuses a one-line frequencies.txt that would give millions of departures, before expanding it", () => {
    const f = feed(["F,00:00:00,00:00:00,A,1", "F,00:01:00,00:01:00,B,2"], { "frequencies.txt": "trip_id,start_time,end_time,headway_secs\nF,00:00:00,999:00:00,1\n" });
    let e: unknown;
    try {
      readGtfs(f, opts);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(FourportsInputError);
    expect((e as FourportsInputError).code).toBe("limit-exceeded");
    expect((e as FourportsInputError).message).toBe(
      "frequencies.txt: line 2, column 4 (headway_secs): a headway of 1 s from 00:00:00 to 999:00:00 gives 3,596,400 departures a day; the limit is GTFS_MAX_FREQUENCY_DEPARTURES = 86,400",
    );
  });
});
