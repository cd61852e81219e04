import { existsSync } from "node:fs";
import { join } from "node:path";
import { expandTimetable } from "@fourports/network";
import { ConnectionScan, prepareRouting, readGtfs, UNREACHED } from "@fourports/routing";
import seedrandom from "seedrandom";
import { best, log, SHARED_DIR } from "./util.js";

/** The real agency feeds in ../shared/data/gtfs (read zipped, in place). */
export const GTFS_DIR: string = join(SHARED_DIR, "data/gtfs/");

/** Each feed and a Monday inside its calendar. */
const FEEDS = [
  { file: "porto-alegre-eptc.zip", label: "Porto Alegre EPTC buses", epoch: "2019-05-06" },
  { file: "porto-alegre-trensurb.zip", label: "Porto Alegre TRENSURB metro", epoch: "2019-05-06" },
  { file: "sao-paulo-sptrans-subset.zip", label: "São Paulo SPTrans subset", epoch: "2019-05-06" },
];

export interface GtfsRow {
  feed: string;
  stops: number;
  trips: number;
  readMs: number;
  connections: number;
  queries: number;
  attempts: number;
  medianMs: number;
  scannedPerSec: number;
}

const QUERIES = 500;

/**
 * For each feed: reading the zip into a scenario (best of 3), the connections of one weekday,
 * and the Connection Scan on random one-to-one queries between 06:00 and 20:00 drawn until 500
 * reached their target (unreached ones are drawn again and not timed): the median time per
 * query, and the connections scanned per second when the same queries run back to back.
 */
export function benchGtfs(): GtfsRow[] {
  const rows: GtfsRow[] = [];
  for (const f of FEEDS) {
    const path = join(GTFS_DIR, f.file);
    if (!existsSync(path)) {
      log(`GTFS ${f.label}: skipped, ${path} not found`);
      continue;
    }
    const options = { epoch: f.epoch, horizonDays: 1 };
    const readMs = best(3, () => readGtfs(path, options));
    const sc = readGtfs(path, options);
    const tt = expandTimetable(sc);
    const net = prepareRouting(sc, tt);
    const scan = new ConnectionScan(net);
    const rng = seedrandom(`gtfs-${f.file}`);
    const draw = (): [number, number, number] => [Math.floor(rng() * net.hubCount), Math.floor(rng() * net.hubCount), 360 + Math.floor(rng() * 840)];
    for (let i = 0; i < 100; i++) {
      const [s, t, dep] = draw();
      scan.run(s, dep, { target: t });
    }
    const times: number[] = [];
    const reached: [number, number, number][] = [];
    let scanned = 0;
    let attempts = 0;
    while (times.length < QUERIES && attempts < 200 * QUERIES) {
      attempts++;
      const [s, t, dep] = draw();
      if (s === t) continue;
      const t0 = performance.now();
      scan.run(s, dep, { target: t });
      const ms = performance.now() - t0;
      if (scan.arrival[t] === UNREACHED) continue;
      times.push(ms);
      reached.push([s, t, dep]);
      scanned += scan.scanned;
    }
    times.sort((a, b) => a - b);
    // The rate from the same queries run back to back, so the timer's own cost does not count.
    const total = best(3, () => {
      for (const [s, t, dep] of reached) scan.run(s, dep, { target: t });
    });
    const row: GtfsRow = {
      feed: f.label, stops: sc.hubs.length, trips: tt.tripCount, readMs, connections: tt.length, queries: times.length, attempts,
      medianMs: times[Math.floor(times.length / 2)] ?? NaN, scannedPerSec: (scanned / total) * 1000,
    };
    log(`  GTFS ${f.label}: read ${readMs.toFixed(0)} ms, ${tt.length.toLocaleString("en-US")} connections, median ${row.medianMs.toFixed(3)} ms/query over ${times.length} reached (${attempts} drawn), ${(row.scannedPerSec / 1e6).toFixed(0)} M connections/s`);
    rows.push(row);
  }
  return rows;
}
