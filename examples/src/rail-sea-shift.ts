// What moves to rail-sea if Zhengzhou runs twice the rail-sea trains to the seaports and the
// port-bound export flows are committed to rail? Doubles the RS- services (the scale-frequency
// override: departures per week × 2) and restricts the RS-X- flows to rail (update-demand,
// checked against what general cargo may use), then compares with the seed: which lines
// gain, which lose (trucks to the ports), and the ports' throughput.
//
//   pnpm example:rail-sea-shift [--out DIR]
import { applyOverrides, loadScenarioFile } from "fourports";
import { compareScenarios } from "@fourports/planner";
import { exampleArgs, writeReport } from "./lib/args.js";
import { quickBaseline } from "./lib/baseline.js";
import { printComparison } from "./lib/comparison.js";
import { reportHtml } from "./lib/report.js";
import { railSeaPush, seed } from "./lib/what-ifs.js";

const args = exampleArgs();
const base = loadScenarioFile(seed("zhengzhou-2025.json"));
const push = { ...applyOverrides(base, railSeaPush(2)), id: "zhengzhou-2025-rail-sea-x2", name: "Zhengzhou 2025, rail-sea × 2" };
const a = await quickBaseline("2025 seed", seed("zhengzhou-2025.json"));
const b = await quickBaseline("rail-sea × 2", push);
const cmp = compareScenarios(a, b);
printComparison(cmp, { lines: (l) => l.startsWith("RS-"), topLines: 8 });
writeReport(args, "rail-sea-shift.html", reportHtml("Rail-sea trains × 2", cmp));
