// The Monte Carlo part of `pnpm bench:sim`: the same replications through simulate() on 1
// worker (simulate runs them in this thread) and on 2 worker threads: wall time and speed-up.
import type { Scenario } from "@fourports/network";
import { simulate } from "@fourports/sim";
import { log } from "./util.js";

export interface MonteCarloRun {
  workers: number;
  replications: number;
  wallMs: number;
}

export async function monteCarlo(scenario: Scenario, seed: string, replications: number): Promise<MonteCarloRun[]> {
  const runs: MonteCarloRun[] = [];
  for (const workers of [1, 2]) {
    const t0 = performance.now();
    const result = await simulate(scenario, {
      replications,
      seed,
      workers,
      onProgress: (done) => {
        if (done % 10 === 0) log(`    ${workers} worker${workers > 1 ? "s" : ""}: ${done}/${replications} after ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      },
    });
    const wallMs = performance.now() - t0;
    if (result.replications !== replications) throw new Error(`simulate() ran ${result.replications} replications, not ${replications}`);
    runs.push({ workers, replications, wallMs });
    log(`  ${workers} worker${workers > 1 ? "s" : ""}: ${(wallMs / 1000).toFixed(1)} s`);
  }
  return runs;
}
