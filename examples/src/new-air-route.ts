// What would a new freighter route carry, and what would it take from the others? Adds the
// airport Warsaw Chopin (WAW), a road link to the Warsaw rail gateway and a freighter CGO ↔ WAW
// twice a week each way (add-hubs, add-transfers, add-services), then compares with the seed:
// the new line's load, and the lines that lost it (China-Europe trains to Warsaw, other
// European freighters).
//
//   pnpm example:new-air-route [--out DIR]
import { applyOverrides, loadScenarioFile } from "fourports";
import { compareScenarios } from "@fourports/planner";
import { exampleArgs, writeReport } from "./lib/args.js";
import { quickBaseline } from "./lib/baseline.js";
import { printComparison } from "./lib/comparison.js";
import { fmt, pct } from "./lib/print.js";
import { reportHtml } from "./lib/report.js";
import { newAirRoute, seed } from "./lib/what-ifs.js";

const args = exampleArgs();
const base = loadScenarioFile(seed("zhengzhou-2025.json"));
const withRoute = { ...applyOverrides(base, newAirRoute(2)), id: "zhengzhou-2025-cgo-waw", name: "Zhengzhou 2025 with a CGO–WAW freighter" };
const a = await quickBaseline("2025 seed", seed("zhengzhou-2025.json"));
const b = await quickBaseline("with CGO–WAW", withRoute);
const cmp = compareScenarios(a, b);
printComparison(cmp, { lines: (l) => l === "AIR-CGO-WAW", topLines: 10 });
// Where the new route's tonnes came from: cargo that went unserved before, or other lines.
const legs = b.views.leastCost.lines.filter((l) => l.line === "AIR-CGO-WAW");
const carriedT = legs.reduce((s, l) => s + l.loadedT, 0);
const capacityT = legs.reduce((s, l) => s + l.capacityT, 0);
const fromUnservedT = -(cmp.totals.unservedT.change ?? 0);
console.log(
  `\nThe new route carries ${fmt(carriedT)} t a year (${legs.map((l) => `${l.from} → ${l.to} ${fmt(l.loadedT)} t on ${l.departures} departures`).join("; ")}), ` +
    `a load factor of ${pct(capacityT > 0 ? carriedT / capacityT : null)}; ${fmt(fromUnservedT)} t of it went unserved before, ` +
    `about ${fmt(Math.max(0, carriedT - fromUnservedT))} t it takes from other lines.`,
);
writeReport(args, "new-air-route.html", reportHtml("A new freighter route CGO–WAW", cmp));
