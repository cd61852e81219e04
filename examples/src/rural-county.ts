// Which villages of a county miss 24-hour delivery, and what would one more van at the
// township stations change? Loads the generated example county, prints the misses, adds a van
// to every township fleet (a what-if on the loaded data, files untouched) and compares.
//
//   pnpm example:rural-county
import { fileURLToPath } from "node:url";
import seedrandom from "seedrandom";
import { countyCoverage, loadCountyFile, type LoadedCounty } from "fourports";

const file = fileURLToPath(new URL("../../seeds/rural/example-county.json", import.meta.url));
const base = loadCountyFile(file);

function report(label: string, loaded: LoadedCounty): void {
  const cov = countyCoverage(loaded, { rng: seedrandom("example") });
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const byReason = new Map<string, number>();
  for (const m of cov.misses) if (m.direction === "down") byReason.set(m.reason, (byReason.get(m.reason) ?? 0) + 1);
  console.log(`${label}: ${pct(cov.share24h.both)} of ${cov.villages.length} villages within 24 h both ways; ${cov.routes.length} van routes, ${cov.vanKmPerDay.toFixed(0)} van-km and ${cov.vanCostCnyPerDay.toFixed(0)} CNY a day`);
  for (const [reason, n] of byReason) console.log(`  ${n} villages missed: ${reason}`);
}

report("as planned", base);
const moreVans: LoadedCounty = {
  ...base,
  county: { ...base.county, vans: base.county.vans.map((f) => (f.depot === "C1" ? f : { ...f, count: f.count + 1 })) },
};
report("one more van per township", moreVans);
