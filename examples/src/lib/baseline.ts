import { baseline, type BaselineResult } from "@fourports/planner";
import type { Scenario } from "fourports";
import { seed } from "./what-ifs.js";

/**
 * A baseline of the year for comparisons: no simulation (replications: 0, the assignment views
 * only, about 45 s for the 2025 seed) and the 2024 seed as the base year for every scenario,
 * so both sides of a comparison are fitted and measured alike, whether they come from a file
 * or from overrides in code. Progress on stderr.
 */
export async function quickBaseline(label: string, scenario: string | Scenario): Promise<BaselineResult> {
  const t0 = performance.now();
  let last = 0;
  const r = await baseline({
    scenario,
    baseYear: seed("zhengzhou-2024.json"),
    replications: 0,
    onProgress: (p) => {
      const now = performance.now();
      if (now - last < 500) return;
      last = now;
      process.stderr.write(`\r${label}: ${p.stage}${p.choice ? ` (${p.choice})` : ""} ${Math.round((p.done / p.total) * 100)}%      `);
    },
  });
  process.stderr.write(`\r${label}: baseline in ${((performance.now() - t0) / 1000).toFixed(0)} s                    \n`);
  return r;
}
