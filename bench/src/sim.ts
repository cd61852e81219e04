// pnpm bench:sim — the simulation engine beside SimPy and simjs on one queueing network, one
// full Zhengzhou 2025 replication, and the Monte Carlo's speed-up on 2 workers, in one run.
// Prints what it measured and rewrites the sim section of bench/RESULTS.md.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadScenarioFile } from "@fourports/network";
import * as sim from "@fourports/sim";
import { jacksonSojournMin, loadSimjs, runOurs, runSimjs, type NetworkParams, type NetworkRun } from "./mmc.js";
import { monteCarlo } from "./sim-montecarlo.js";
import { log, writeResultsSection } from "./util.js";

const SEED = "fourports-bench-sim";
const SCENARIO = fileURLToPath(new URL("../../seeds/zhengzhou-2025.json", import.meta.url));
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const rate = (r: NetworkRun): number => r.events / (r.ms / 1000);
const fmtRate = (eventsPerS: number): string => `${(eventsPerS / 1e6).toFixed(2)} M/s`;

// 1. One full replication first, while the process holds nothing else, so the peak RSS after
// the first run is the replication's (plus Node's own baseline). process.resourceUsage().maxRSS
// is the kernel's high-water mark: a synchronous run leaves no gap for a sampling timer. Under
// the shared machine's load one run's time swings by 2×, hence the best of three.
log("Zhengzhou 2025: one full replication (runReplication timed 3 times, best kept)…");
const tLoad = performance.now();
const scenario = loadScenarioFile(SCENARIO);
const model = sim.buildModel(scenario);
const loadBuildMs = performance.now() - tLoad;
const repRunsMs: number[] = [];
let rep: sim.ReplicationResult | null = null;
let repPeakRss = 0;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  rep = sim.runReplication(model, { seed: SEED, replication: 0 });
  repRunsMs.push(performance.now() - t0);
  if (i === 0) repPeakRss = process.resourceUsage().maxRSS * 1024;
}
const repRunMs = Math.min(...repRunsMs);
const repWallMs = loadBuildMs + repRunMs;
const repEvents = rep!.events;
const repConsignments = rep!.consignments;
log(`  load + build ${(loadBuildMs / 1000).toFixed(2)} s, runReplication ${repRunsMs.map((ms) => (ms / 1000).toFixed(2)).join(" / ")} s, ${repEvents.toLocaleString("en-US")} events (${fmtRate(repEvents / (repRunMs / 1000))} at the best run), ${repConsignments.toLocaleString("en-US")} consignments, peak RSS ${mib(repPeakRss)}`);

// 2. Engine core: four M/M/c stations in series (c = 2, 3, 2, 3), λ = 1/min, utilisation 0.8 at
// every station, 250,000 customers = 1,250,000 model events (arrivals + service completions).
const params: NetworkParams = { customers: 250_000, meanInterarrivalMin: 1, servers: [2, 3, 2, 3], meanServiceMin: [1.6, 2.4, 1.6, 2.4] };
const theory = jacksonSojournMin(params);
const theoryTotal = theory.reduce((x, y) => x + y, 0);
log(`\nEngine core: ${params.servers.length} M/M/c stations in series, c = ${params.servers.join(", ")}, utilisation 0.8, ${params.customers.toLocaleString("en-US")} customers; Jackson mean sojourn ${theoryTotal.toFixed(3)} min`);

/** Best of `runs` timed runs after one warm-up run (JIT), as bench/src/util.ts's best(). */
function bestRun(runs: number, f: () => NetworkRun): NetworkRun {
  f();
  let b: NetworkRun | null = null;
  for (let i = 0; i < runs; i++) {
    const r = f();
    if (b === null || r.ms < b.ms) b = r;
  }
  return b!;
}

interface EngineRow {
  name: string;
  run: NetworkRun | null;
  note: string;
}
const rows: EngineRow[] = [];
const ours = bestRun(5, () => runOurs(params, SEED));
rows.push({ name: "fourports (EventCalendar + Resource)", run: ours, note: "best of 5 after a warm-up" });

const simjs = loadSimjs();
if (typeof simjs === "string") {
  log(`simjs peer skipped: ${simjs} (pnpm install in the workspace adds it)`);
  rows.push({ name: "simjs 2.0.3 (npm)", run: null, note: `skipped: ${simjs}` });
} else rows.push({ name: "simjs 2.0.3 (npm)", run: bestRun(3, () => runSimjs(simjs, params, SEED)), note: "best of 3 after a warm-up" });

const python = "/usr/bin/python3";
const peer = fileURLToPath(new URL("../peers/simpy_mmc.py", import.meta.url));
const hasSimpy = existsSync(python) && spawnSync(python, ["-c", "import importlib.util as u, sys; sys.exit(0 if u.find_spec('simpy') or u.find_spec('SimPy') else 1)"]).status === 0;
let simpyVersion = "";
if (!hasSimpy) {
  log("SimPy peer skipped: python3-simpy is not installed (apt-get install python3-simpy)");
  rows.push({ name: "SimPy (python3-simpy)", run: null, note: "skipped: python3-simpy is not installed" });
} else {
  const r = spawnSync(python, [peer, String(params.customers), String(params.meanInterarrivalMin), params.servers.join(","), params.meanServiceMin.join(","), SEED], { encoding: "utf8", timeout: 600_000 });
  if (r.status !== 0) {
    log(`SimPy peer failed: ${r.stderr || r.error?.message}`);
    rows.push({ name: "SimPy (python3-simpy)", run: null, note: "failed (see the run's output)" });
  } else {
    const out = JSON.parse(r.stdout) as NetworkRun & { simpy: string };
    simpyVersion = out.simpy;
    rows.push({ name: `SimPy ${out.simpy} (python3-simpy)`, run: out, note: "one run; interpreter start not counted" });
  }
}

// Same work: every implementation's mean sojourn must agree with Jackson's. Over 40 seeds our
// mean through the series for 250,000 customers from empty had a standard deviation of 0.9% of
// Jackson's value, and 1.3–1.5% per station (the bench's own seed lands at −1.8%); 4% and 6% are
// about 4σ: noise passes, a model that differs (wrong rates, servers or discipline: ≫ 10%) fails.
const TOTAL_TOL = 0.04;
const STATION_TOL = 0.06;
let sameWork = true;
for (const row of rows) {
  const r = row.run;
  if (!r) continue;
  const devTotal = r.totalMin / theoryTotal - 1;
  const devStations = r.sojournMin.map((s, k) => s / theory[k]! - 1);
  const ok = Math.abs(devTotal) < TOTAL_TOL && devStations.every((d) => Math.abs(d) < STATION_TOL) && r.events === 5 * params.customers;
  if (!ok) sameWork = false;
  log(`  ${row.name}: ${r.events.toLocaleString("en-US")} events in ${r.ms.toFixed(0)} ms = ${fmtRate(rate(r))}; mean sojourn ${r.totalMin.toFixed(3)} min (${(devTotal * 100).toFixed(2)}% from Jackson; per station ${devStations.map((d) => `${(d * 100).toFixed(1)}%`).join(", ")})${ok ? "" : "  ← NOT the same work"}`);
}
if (!sameWork) log("  WARNING: an implementation's results disagree with Jackson theory: its rate is not comparable");

const ratio = (row: EngineRow | undefined): number | null => (row?.run ? rate(ours) / rate(row.run) : null);
const simjsRatio = ratio(rows.find((r) => r.name.startsWith("simjs")));
const simpyRatio = ratio(rows.find((r) => r.name.startsWith("SimPy")));
const goal = (x: number | null, g: number): string => (x === null ? "not measured" : `${x.toFixed(1)}× (goal ≥ ${g}×: ${x >= g ? "met" : "NOT met"})`);
log(`  fourports / SimPy: ${goal(simpyRatio, 10)}; fourports / simjs: ${goal(simjsRatio, 3)}`);

// 3. The Monte Carlo on 1 and 2 workers. BENCH_SIM_REPLICATIONS shortens it for a trial run.
const mcReplications = Number(process.env.BENCH_SIM_REPLICATIONS ?? 100);
log(`\nMonte Carlo: ${mcReplications} replications through simulate() on 1 and on 2 workers…`);
const mc = await monteCarlo(scenario, SEED, mcReplications);
const speedUp = mc[0]!.wallMs / mc[1]!.wallMs;
log(`  speed-up ${speedUp.toFixed(2)}× (goal ≥ 1.8×: ${speedUp >= 1.8 ? "met" : "NOT met"})`);

const engineTable = [
  "| implementation | model events | wall ms | events/s | mean sojourn (min) | vs Jackson | fourports events/s ÷ this | how timed |",
  "|---|---:|---:|---:|---:|---:|---:|---|",
  ...rows.map((row) => {
    const r = row.run;
    if (!r) return `| ${row.name} | - | - | - | - | - | - | ${row.note} |`;
    const x = rate(ours) / rate(r);
    return `| ${row.name} | ${r.events.toLocaleString("en-US")} | ${r.ms.toFixed(0)} | ${fmtRate(rate(r))} | ${r.totalMin.toFixed(3)} | ${((r.totalMin / theoryTotal - 1) * 100).toFixed(2)}% | ${x.toFixed(2)}× | ${row.note} |`;
  }),
];
const section = [
  `Timings are under load: this 2-core machine is shared with other agents' builds and tests while the bench runs, so absolute figures vary between runs by up to ~2× (a Zhengzhou replication measured 3.3 s and 9.8 s minutes apart); ratios measured in one run are steadier.`,
  "",
  `### Engine core: ${params.servers.length} M/M/c stations in series`,
  "",
  `c = ${params.servers.join(", ")}, mean service ${params.meanServiceMin.join(", ")} min, Poisson arrivals 1/min (utilisation 0.8 at every station), ${params.customers.toLocaleString("en-US")} customers from an empty system; model events = arrivals + service completions (5 per customer) for every implementation. Jackson's mean time through the series: ${theoryTotal.toFixed(3)} min. fourports and simjs draw from the same seeded seedrandom streams through the same exponential(); SimPy${simpyVersion ? ` ${simpyVersion}` : ""} uses Python's random (Debian's python3-simpy is SimPy 2).`,
  "",
  ...engineTable,
  "",
  `fourports / SimPy: ${goal(simpyRatio, 10)}. fourports / simjs: ${goal(simjsRatio, 3)}.${sameWork ? " Every implementation's mean sojourn is within 4% of Jackson's (6% per station; about 4 standard deviations of a 250,000-customer run, measured over 40 seeds): the same work." : " WARNING: an implementation disagrees with Jackson theory (see the run's output)."}`,
  "",
  "### Zhengzhou 2025: one full replication",
  "",
  "| job | wall time | events | events/s | goal | peak memory (process RSS) |",
  "|---|---:|---:|---:|---|---:|",
  `| loadScenarioFile + buildModel (${(loadBuildMs / 1000).toFixed(2)} s) + runReplication (best of ${repRunsMs.map((ms) => (ms / 1000).toFixed(2)).join(" / ")} s), ${repConsignments.toLocaleString("en-US")} consignments | ${(repWallMs / 1000).toFixed(2)} s | ${repEvents.toLocaleString("en-US")} | ${fmtRate(repEvents / (repRunMs / 1000))} | ≤ 5 s: ${repWallMs <= 5000 ? "met" : "NOT met"} | ${mib(repPeakRss)} |`,
  "",
  `### Monte Carlo: ${mcReplications} replications of Zhengzhou 2025 through simulate()`,
  "",
  "With 1 worker simulate() runs the replications in the calling thread; with 2 it uses a tinypool of 2 worker threads, each building the model once.",
  "",
  "| workers | replications | wall time | per replication | speed-up over 1 worker |",
  "|---:|---:|---:|---:|---:|",
  ...mc.map((r) => `| ${r.workers} | ${r.replications} | ${(r.wallMs / 1000).toFixed(1)} s | ${(r.wallMs / r.replications / 1000).toFixed(2)} s | ${r.workers === 1 ? "1.00×" : `${speedUp.toFixed(2)}× (goal ≥ 1.8×: ${speedUp >= 1.8 ? "met" : "NOT met"})`} |`),
];
writeResultsSection("sim", "Simulation (`pnpm bench:sim`)", section);
