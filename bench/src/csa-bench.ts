import { expandTimetable, loadScenarioFile, MODES, type Timetable } from "@fourports/network";
import { ConnectionScan, prepareRouting, type RoutingNetwork } from "@fourports/routing";
import seedrandom from "seedrandom";
import { fileURLToPath } from "node:url";
import { log } from "./util.js";

export interface CsaRow {
  timetable: string;
  connections: number;
  query: string;
  queries: number;
  msPerQuery: number;
  scannedPerSec: number;
}

const STATES = MODES.length + 1;

/**
 * A seeded synthetic timetable of one day: `trips` trips of `legs` legs over `stops` stops,
 * each leg 2–10 minutes to a nearby stop, with a uniform 2-minute transfer everywhere.
 */
export function syntheticNetwork(stops: number, trips: number, legs: number, seed: string): RoutingNetwork {
  const rng = seedrandom(seed);
  const n = trips * legs;
  const dep = new Int32Array(n);
  const arr = new Int32Array(n);
  const dh = new Int32Array(n);
  const ah = new Int32Array(n);
  const tr = new Int32Array(n);
  let k = 0;
  for (let t = 0; t < trips; t++) {
    let stop = Math.floor(rng() * stops);
    let time = Math.floor(rng() * 20 * 60) + 4 * 60;
    for (let l = 0; l < legs; l++) {
      const next = (stop + 1 + Math.floor(rng() * 40)) % stops;
      const dur = 2 + Math.floor(rng() * 9);
      dep[k] = time;
      arr[k] = time + dur;
      dh[k] = stop;
      ah[k] = next;
      tr[k] = t;
      k++;
      stop = next;
      time += dur + Math.floor(rng() * 2);
    }
  }
  // Sort by departure with a numeric key (departure × 2^23 + index), which the engine sorts natively.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = dep[i]! * 8388608 + i;
  keys.sort();
  const order = Int32Array.from(keys, (x) => x % 8388608);
  const pick = (a: Int32Array): Int32Array => Int32Array.from(order, (i) => a[i]!);
  // Number trips by first departure, as expandTimetable does.
  const renumber = new Int32Array(trips).fill(-1);
  let next = 0;
  for (const i of order) if (renumber[tr[i]!] === -1) renumber[tr[i]!] = next++;
  for (let i = 0; i < n; i++) tr[i] = renumber[tr[i]!]!;
  const rail = MODES.indexOf("rail");
  const timetable: Timetable = {
    epoch: "2025-01-01", horizonMin: 1440 * 2, hubIds: Array.from({ length: stops }, (_, i) => `S${i}`), serviceIds: ["synthetic"],
    serviceMode: Uint8Array.of(rail), serviceOnDemand: Uint8Array.of(0), length: n, depHub: pick(dh), arrHub: pick(ah), depMin: pick(dep), arrMin: pick(arr),
    service: new Int32Array(n), trip: pick(tr), capacityT: new Float64Array(n).fill(1), capacityTeu: new Float64Array(n), tripCount: trips, cancelledTrips: 0,
  };
  const transferMin = new Int32Array(stops * STATES * MODES.length);
  for (let s = 0; s < stops; s++) transferMin.fill(2, s * STATES * MODES.length, (s * STATES + MODES.length) * MODES.length);
  return {
    timetable, hubCount: stops, hubIds: timetable.hubIds, transferMin,
    linkOffsets: new Int32Array(stops + 1), linkTo: new Int32Array(0), linkMin: new Int32Array(0), linkKm: new Float64Array(0), linkCostCny: new Float64Array(0), linkCo2Kg: new Float64Array(0),
    connMode: new Uint8Array(n).fill(rail), connCostCny: new Float64Array(n), connCo2Kg: new Float64Array(n),
  };
}

function measure(label: string, net: RoutingNetwork, queries: number, seed: string, window: [number, number], oneToOne: boolean): CsaRow {
  const rng = seedrandom(seed);
  const scan = new ConnectionScan(net);
  const qs = Array.from({ length: queries }, () => ({
    s: Math.floor(rng() * net.hubCount),
    t: Math.floor(rng() * net.hubCount),
    dep: window[0] + Math.floor(rng() * (window[1] - window[0])),
  }));
  for (const q of qs.slice(0, 10)) scan.run(q.s, q.dep, oneToOne ? { target: q.t } : {});
  let scanned = 0;
  const t0 = performance.now();
  for (const q of qs) {
    scan.run(q.s, q.dep, oneToOne ? { target: q.t } : {});
    scanned += scan.scanned;
  }
  const ms = performance.now() - t0;
  return { timetable: label, connections: net.timetable.length, query: oneToOne ? "one-to-one" : "one-to-all", queries, msPerQuery: ms / queries, scannedPerSec: (scanned / ms) * 1000 };
}

export function benchCsa(): CsaRow[] {
  log("CSA: building a seeded synthetic timetable (20,000 stops, 1,000,000 trips × 5 legs)…");
  const syn = syntheticNetwork(20_000, 1_000_000, 5, "fourports-csa");
  log(`  ${syn.timetable.length.toLocaleString()} connections`);
  const rows = [
    measure("synthetic day", syn, 200, "q1", [6 * 60, 18 * 60], true),
    measure("synthetic day", syn, 50, "q2", [6 * 60, 18 * 60], false),
  ];
  const sc = loadScenarioFile(fileURLToPath(new URL("../../seeds/zhengzhou-2025.json", import.meta.url)));
  const zz = prepareRouting(sc, expandTimetable(sc));
  rows.push(measure("Zhengzhou 2025, full year", zz, 2000, "q3", [0, 350 * 1440], true));
  rows.push(measure("Zhengzhou 2025, full year", zz, 500, "q4", [0, 350 * 1440], false));
  for (const r of rows) log(`  ${r.timetable} ${r.query}: ${r.msPerQuery.toFixed(3)} ms/query, ${(r.scannedPerSec / 1e6).toFixed(0)} M connections/s`);
  return rows;
}
