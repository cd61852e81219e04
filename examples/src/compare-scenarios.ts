// What does a what-if change against the 2025 seed? Runs the baseline of both (the year's
// demand assigned by least cost and by shippers' choice, the targets and their ceilings) and
// compares them with compareScenarios: totals, targets, the lines whose load moved, the ports.
// The what-if is a scenario file that `extends` the seed and lists overrides
// (examples/scenarios/air-hub-push.json: half as many freighter departures again on every
// international route, a fifth more express demand); edit it or point this at your own.
//
//   pnpm example:compare-scenarios [--out DIR]
import { compareScenarios } from "@fourports/planner";
import { exampleArgs, writeReport } from "./lib/args.js";
import { quickBaseline } from "./lib/baseline.js";
import { printComparison } from "./lib/comparison.js";
import { reportHtml } from "./lib/report.js";
import { seed, whatIfFile } from "./lib/what-ifs.js";

const args = exampleArgs();
const a = await quickBaseline("2025 seed", seed("zhengzhou-2025.json"));
const b = await quickBaseline("air hub push", whatIfFile("air-hub-push.json"));
const cmp = compareScenarios(a, b);
printComparison(cmp, { topLines: 12 });
writeReport(args, "compare-scenarios.html", reportHtml("2025 seed vs air hub push", cmp));
