// pnpm bench:routing — the routing core beside its peers, in one run. Prints what it measured
// and rewrites the routing section of bench/RESULTS.md.
import { benchCsa, type CsaRow } from "./csa-bench.js";
import { benchGtfs, type GtfsRow } from "./gtfs-bench.js";
import { buildLemon } from "./lemon.js";
import { benchRoadGraph } from "./road-bench.js";
import { cpus, loadavg } from "node:os";
import { log, writeResultsSection, type Row } from "./util.js";

// Other work on the machine slows every timing: the load at the start and end is recorded beside them.
const loadAtStart = loadavg()[0]!;
const lemon = buildLemon();
if ("skip" in lemon) log(lemon.skip);
const rows: Row[] = [];
for (const name of ["rome", "seattle"]) rows.push(...benchRoadGraph(name, "bin" in lemon ? lemon.bin : null));
const csa = benchCsa();
log("CSA on real GTFS feeds (one weekday each):");
const gtfs = benchGtfs();

/** The published C++ CSA figure's timetable size (London). */
const LONDON_CONNECTIONS = 4.85e6;
const ratio = (r: Row): number => r.peerMs / r.ours;
const met = (r: Row): string => {
  if (r.goal.startsWith("≥ 30")) return ratio(r) >= 30 ? "met" : "NOT met";
  if (r.goal.startsWith("≥ 10")) return ratio(r) >= 10 ? "met" : "NOT met";
  if (r.goal.startsWith("within 1.5")) return ratio(r) >= 1 / 1.5 ? "met" : "NOT met";
  return "";
};
const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));
const roadTable = [
  "| graph | task | fourports ms | peer | peer ms | peer / fourports | goal | |",
  "|---|---|---:|---|---:|---:|---|---|",
  ...rows.map((r) => `| ${r.graph} | ${r.task} | ${fmt(r.ours)} | ${r.peer} | ${fmt(r.peerMs)} | ${ratio(r).toFixed(2)}× | ${r.goal} | ${met(r)} |`),
];
const csaTable = [
  "| timetable | connections | query | queries | ms / query | connections scanned / s | goal |",
  "|---|---:|---|---:|---:|---:|---|",
  ...csa.map((r: CsaRow) => `| ${r.timetable} | ${r.connections.toLocaleString("en-US")} | ${r.query} | ${r.queries} | ${r.msPerQuery.toFixed(3)} | ${(r.scannedPerSec / 1e6).toFixed(0)} M | ≥ 100 M/s: ${r.scannedPerSec >= 1e8 ? "met" : "NOT met"} |`),
];
const gtfsTable = gtfs.length === 0
  ? ["GTFS feeds: skipped, ../shared/data/gtfs/ not found."]
  : [
      "| GTFS feed (zipped, one weekday) | stops | trips | read ms | connections | one-to-one queries reached (drawn) | median ms / query | connections scanned / s |",
      "|---|---:|---:|---:|---:|---:|---:|---:|",
      ...gtfs.map((r: GtfsRow) => `| ${r.feed} | ${r.stops.toLocaleString("en-US")} | ${r.trips.toLocaleString("en-US")} | ${r.readMs.toFixed(0)} | ${r.connections.toLocaleString("en-US")} | ${r.queries} (${r.attempts}) | ${r.medianMs.toFixed(3)} | ${(r.scannedPerSec / 1e6).toFixed(0)} M |`),
    ];
const section = [
  `Load average (1 min) at start and end: ${loadAtStart.toFixed(1)} and ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores; above the core count, every time below is slower than on a quiet machine.`,
  "Times are the best of several runs after a warm-up; every peer's distances were checked against ours in the same run.",
  "fourports' point-to-point time is its fastest method (plain, bidirectional, A* with the Euclidean bound, ALT or bidirectional ALT with 24 landmarks, whose preprocessing is printed above and not counted).",
  "",
  ...roadTable,
  "",
  ...csaTable,
  "",
  ...gtfsTable,
  "",
  "Published C++ CSA reference: London, 4.85 M connections, 1.2 ms per earliest-arrival query.",
  ...(gtfs.length === 0 ? [] : [`Size caveat: the GTFS feeds above have ${Math.round(LONDON_CONNECTIONS / Math.max(...gtfs.map((r) => r.connections)))} to ${Math.round(LONDON_CONNECTIONS / Math.min(...gtfs.map((r) => r.connections)))} times fewer connections than London and a one-to-one query stops at its target, so their ms per query are not comparable with London's; connections scanned per second is the comparable rate.`]),
  "GTFS queries: departure uniform in 06:00–20:00, origin and target uniform over stops, seeded; queries whose target is unreachable are drawn again and not timed; the median is of per-query wall times.",
];
log("");
log(roadTable.join("\n"));
log("");
log(csaTable.join("\n"));
log("");
log(gtfsTable.join("\n"));

writeResultsSection("routing", "Routing core (`pnpm bench:routing`)", section);
