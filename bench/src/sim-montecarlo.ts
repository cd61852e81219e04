// The Monte Carlo part of `pnpm bench:sim`: the same replications through simulate() on 1 and
// on 2 worker threads, wall time and speed-up.
import type { Scenario } from "@fourports/network";
import * as sim from "@fourports/sim";
import { log } from "./util.js";

type Simulate = (scenario: Scenario, options: { replications: number; seed: string | number; workers: number }) => Promise<unknown>;

/** Rows for RESULTS.md; "skipped" when this branch's @fourports/sim has no simulate() yet. */
export async function monteCarloRows(scenario: Scenario, seed: string, replications: number = 100): Promise<string[]> {
  const simulate = (sim as unknown as Record<string, unknown>)["simulate"];
  if (typeof simulate !== "function") {
    log("  skipped: simulate() not available");
    return ["skipped: simulate() not available in @fourports/sim on this branch."];
  }
  const run = simulate as Simulate;
  const wallMs: Record<number, number> = {};
  for (const workers of [1, 2]) {
    const t0 = performance.now();
    await run(scenario, { replications, seed, workers });
    wallMs[workers] = performance.now() - t0;
    log(`  ${workers} worker${workers > 1 ? "s" : ""}: ${(wallMs[workers]! / 1000).toFixed(1)} s`);
  }
  const speedUp = wallMs[1]! / wallMs[2]!;
  log(`  speed-up ${speedUp.toFixed(2)}× (goal ≥ 1.8×: ${speedUp >= 1.8 ? "met" : "NOT met"})`);
  return [
    "| workers | replications | wall time | speed-up over 1 worker |",
    "|---:|---:|---:|---:|",
    `| 1 | ${replications} | ${(wallMs[1]! / 1000).toFixed(1)} s | 1.00× |`,
    `| 2 | ${replications} | ${(wallMs[2]! / 1000).toFixed(1)} s | ${speedUp.toFixed(2)}× (goal ≥ 1.8×: ${speedUp >= 1.8 ? "met" : "NOT met"}) |`,
  ];
}
