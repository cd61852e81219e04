import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { loadScenarioFile } from "@fourports/network";
import { simulate, type SimulationResult, type Stat } from "@fourports/sim";
import { loadTargetRegistry, simulatedTargets, type Target } from "@fourports/targets";
import { parseArgs, UsageError } from "./args.js";
import type { Io } from "./commands.js";
import { seedsDir, userPath } from "./paths.js";
import { emit, OUTPUT_FLAGS, OUTPUT_OPTIONS, outputOptions } from "./emit.js";
import { fmtNumber, table } from "./table.js";

/** Simulation options shared by `simulate` and `baseline`: --runs, --seed, --workers. */
export interface SimArgs {
  runs: number;
  seed: string;
  workers: number;
}

/** --runs, --seed and --workers from parsed options, each checked against its range. */
export function simArgs(opts: Map<string, string>, defaultRuns: number): SimArgs {
  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const v = opts.get(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(`${name} expects a whole number ${min}..${max}, got "${v}"`);
    return Number(v);
  };
  // Upper bounds too: a typo of a few digits must not start a week of work or a thousand threads.
  return { runs: whole("--runs", defaultRuns, 0, 10_000), seed: opts.get("--seed") ?? "1", workers: whole("--workers", 2, 1, 64) };
}

/** Runs the replications with progress on stderr; the runs and wall time are reported there. */
export async function runSimulation(file: string, targets: Target[], a: SimArgs, io: Io, untilRelativeCi?: number, eventLogDir?: string): Promise<SimulationResult> {
  const scenario = loadScenarioFile(file);
  const t0 = performance.now();
  const r = await simulate(scenario, {
    replications: a.runs,
    seed: a.seed,
    workers: a.workers,
    targets: simulatedTargets(targets),
    ...(untilRelativeCi !== undefined ? { untilRelativeCi } : {}),
    ...(eventLogDir !== undefined ? { eventLogDir } : {}),
    onProgress: (done, planned) => io.progress(`simulating ${scenario.id}: replication ${done}/${planned}`),
  });
  io.progress("");
  io.err(`simulated ${scenario.id}: ${r.replications} replication${r.replications === 1 ? "" : "s"} (seed ${a.seed}, ${a.workers} worker${a.workers > 1 ? "s" : ""}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
}

/** "P50 (P5–P95)" of a stat in a unit. */
export function band(s: Stat, unit: string): string {
  const f = (x: number): string => fmtNumber(Math.round(x));
  return `${f(s.p50)} (${f(s.p5)}–${f(s.p95)}) ${unit}`;
}

/** A probability as a whole percentage, "-" for none. */
export function pct(x: number | null): string {
  return x === null ? "-" : `${Math.round(x * 100)}%`;
}

const OPTIONS = ["--runs", "--seed", "--workers", "--targets", "--until-ci", "--events", ...OUTPUT_OPTIONS];

/** `fourports simulate [FILE]`: seeded replications of the year, per target P50 (P5–P95) and P(met). */
export async function simulateCommand(args: string[], io: Io): Promise<number> {
  const { positional, opts } = parseArgs(args, OPTIONS, OUTPUT_FLAGS);
  const out = outputOptions(opts);
  if (positional.length > 1) throw new UsageError(`simulate takes one scenario file, got ${positional.length}: ${positional.join(" ")}`);
  const file = positional[0] ? userPath(positional[0]) : join(seedsDir(), "zhengzhou-2025.json");
  const targetsFile = opts.get("--targets") ? userPath(opts.get("--targets")!) : join(seedsDir(), "targets-2025.json");
  const a = simArgs(opts, 20);
  if (a.runs < 1) throw new UsageError("--runs expects at least 1 replication");
  const ci = opts.get("--until-ci");
  const untilRelativeCi = ci === undefined ? undefined : Number(ci) / 100;
  if (untilRelativeCi !== undefined && !(untilRelativeCi > 0 && untilRelativeCi < 1)) throw new UsageError(`--until-ci expects a percentage between 0 and 100, got "${ci}"`);
  const registry = loadTargetRegistry(targetsFile);
  const events = opts.get("--events") === undefined ? undefined : userPath(opts.get("--events")!);
  if (events !== undefined) mkdirSync(events, { recursive: true });
  const r = await runSimulation(file, registry.targets, a, io, untilRelativeCi, events);
  if (events !== undefined) io.err(`event logs: ${events}/replication-NNNN.jsonl, one per replication`);
  const unit = new Map(registry.targets.map((t) => [t.id, t.unit]));
  emit(io, out, {
    json: () => r,
    csv: () => ({
      header: ["target", "comparator", "goal", "unit", "p5", "p50", "p95", "mean", "ciHalfWidth", "pMet"],
      rows: r.targets.map((t) => [t.id, t.comparator, t.goal, unit.get(t.id) ?? "", t.value?.p5 ?? null, t.value?.p50 ?? null, t.value?.p95 ?? null, t.value?.mean ?? null, t.value?.ciHalfWidth ?? null, t.pMet]),
    }),
    text: () => simulationText(r, unit, ci),
  });
  return 0;
}

/** The simulation result as the lines a planner reads. */
function simulationText(r: SimulationResult, unit: ReadonlyMap<string, string>, ci: string | undefined): string[] {
  const lines: string[] = [];
  const io = { out: (l: string): void => void lines.push(l) };
  io.out(`fourports simulate — ${r.scenarioId}: ${r.replications} replications, seed ${r.seed}${r.stoppedBy === "confidence interval" ? ` (stopped: every target's 95% CI within ${ci}% of its mean)` : ""}`);
  io.out("");
  io.out(
    table(
      ["target", "goal", "simulated P50 (P5–P95)", "95% CI of mean", "P(met)"],
      r.targets.map((t) => [
        t.id,
        `${t.comparator} ${fmtNumber(t.goal)} ${unit.get(t.id) ?? ""}`,
        t.value ? band(t.value, unit.get(t.id) ?? "") : "- (not a throughput the simulation counts)",
        t.value ? `± ${fmtNumber(Math.round(t.value.ciHalfWidth))}` : "-",
        pct(t.pMet),
      ]),
    ),
  );
  io.out("");
  const tot = r.totals;
  io.out(
    `per year (mean): released ${fmtNumber(Math.round(tot["releasedT"]!.mean))} t; delivered ${fmtNumber(Math.round(tot["deliveredT"]!.mean))} t; in transit at the horizon ${fmtNumber(Math.round(tot["inTransitAtHorizonT"]!.mean))} t; ` +
      `unserved ${fmtNumber(Math.round(tot["unservedCapacityT"]!.mean))} t for capacity, ${fmtNumber(Math.round(tot["unservedTooLateT"]!.mean))} t too late, ${fmtNumber(Math.round(tot["unservedNoRouteT"]!.mean))} t with no route`,
  );
  io.out(
    `missed connections ${fmtNumber(Math.round(tot["missedConnections"]!.mean))} (rebookings ${fmtNumber(Math.round(tot["rebookings"]!.mean))}, ${fmtNumber(Math.round(tot["rebookingDelayH"]!.mean))} h later than first booked); ` +
      `consignments held for consolidation ${fmtNumber(Math.round(tot["consolidationHolds"]!.mean))}`,
  );
  io.out("");
  io.out("Bottlenecks (highest mean utilisation):");
  io.out(table(["kind", "where", "utilisation", "detail"], r.bottlenecks.map((b) => [b.kind, b.id, pct(b.utilisation), b.detail])));
  io.out("");
  io.out("Border crossings:");
  io.out(
    table(
      ["crossing", "tracks", "our trains", "background", "mean dwell h", "P95 dwell h", "mean queue", "utilisation"],
      r.crossings.filter((c) => c.trains.mean > 0 || c.backgroundTrains.mean > 0).map((c) => [c.hub, c.tracks, Math.round(c.trains.mean), Math.round(c.backgroundTrains.mean), (c.meanDwellMin.mean / 60).toFixed(1), (c.p95DwellMin.mean / 60).toFixed(1), c.meanQueue.mean.toFixed(2), pct(c.utilisation.mean)]),
    ),
  );
  const onDemand = r.lines.filter((l) => l.notRun.mean > 0);
  if (onDemand.length > 0) {
    io.out("");
    io.out("On-demand lines (trips run are an output of consolidated demand):");
    io.out(table(["line", "slots", "ran P50 (P5–P95)", "not run", "utilisation"], onDemand.map((l) => [l.line, l.slots, band(l.ran, "trips"), Math.round(l.notRun.mean), pct(l.utilisation.mean)])));
  }
  return lines;
}
