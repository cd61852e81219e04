// What does closing the Erenhot border crossing for a quarter do? Closes the hub from 1 April
// to 30 June (the close-hub override: no train crosses it then), runs the baseline of the
// seed and of the closure and compares: the lines through Erenhot lose their trains for the
// quarter, other crossings take what can be rerouted, the rest is unserved.
//
//   pnpm example:border-closure [--out DIR]
import { applyOverrides, loadScenarioFile } from "fourports";
import { compareScenarios } from "@fourports/planner";
import { exampleArgs, writeReport } from "./lib/args.js";
import { quickBaseline } from "./lib/baseline.js";
import { printComparison } from "./lib/comparison.js";
import { reportHtml } from "./lib/report.js";
import { erenhotClosure, seed } from "./lib/what-ifs.js";

const args = exampleArgs();
const base = loadScenarioFile(seed("zhengzhou-2025.json"));
const closed = { ...applyOverrides(base, erenhotClosure()), id: "zhengzhou-2025-erenhot-closed-q2", name: "Zhengzhou 2025, Erenhot closed April–June" };
// The lines that cross at Erenhot, listed first in the table of lines.
const throughErenhot = new Set(base.services.filter((s) => s.from === "ERENHOT" || s.to === "ERENHOT" || s.via?.some((v) => v.hub === "ERENHOT")).map((s) => s.line));
console.log(`Erenhot closed 2025-04-01 … 2025-06-30; lines through it: ${[...throughErenhot].sort().join(", ")}`);

const a = await quickBaseline("2025 seed", seed("zhengzhou-2025.json"));
const b = await quickBaseline("Erenhot closed", closed);
const cmp = compareScenarios(a, b);
printComparison(cmp, { lines: (l) => throughErenhot.has(l), topLines: 8 });
writeReport(args, "border-closure.html", reportHtml("Erenhot closed for a quarter", cmp));
