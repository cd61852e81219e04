import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  analyseRural,
  MAX_SIM_DAYS,
  provinceRollup,
  type ProvinceRollup,
  loadCountyFile,
  loadProvinceFile,
  loadRuralTargets,
  provinceOfOne,
  ruralFileKind,
  type CountyAnalysis,
  type RuralAnalysis,
} from "@fourports/rural";
import seedrandom from "seedrandom";
import { parseArgs, UsageError } from "./args.js";
import type { Io } from "./commands.js";
import { seedsDir, userPath } from "./paths.js";
import { emit, OUTPUT_FLAGS, OUTPUT_OPTIONS, outputOptions } from "./emit.js";
import { table } from "./table.js";
import { positiveOption } from "./vrp.js";

const USAGE = "usage: fourports rural [COUNTY_OR_PROVINCE_FILE] [--targets FILE] [--seed N] [--days N] [--radius-km R] [--new-sites N] [--json|--csv] [--out FILE]";

/** The lines of a report being built (the printers below write to it as they would to stdout). */
interface Lines {
  out: (line: string) => void;
}
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const hhmm = (min: number): string => {
  const d = Math.floor(min / 1440);
  const m = Math.round(min - d * 1440);
  return `${d > 0 ? `d+${d} ` : ""}${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

/**
 * The rural delivery network of a county or a province roll-up (default: seeds/rural/
 * henan-province.json): coverage, misses, counts against targets, siting, routes, simulation.
 */
export function rural(args: string[], io: Io): number {
  const { positional, opts } = parseArgs(args, ["--targets", "--seed", "--days", "--radius-km", "--new-sites", ...OUTPUT_OPTIONS], OUTPUT_FLAGS);
  if (positional.length > 1) throw new UsageError(USAGE);
  const out = outputOptions(opts);
  const file = positional[0] ? userPath(positional[0]) : join(seedsDir(), "rural", "henan-province.json");
  const targetsFile = opts.get("--targets") ? userPath(opts.get("--targets")!) : join(seedsDir(), "rural", "targets-rural.json");
  for (const f of [file, targetsFile]) if (!existsSync(f)) throw new UsageError(`no such file: ${f}\n${USAGE}`);
  const seed = opts.get("--seed") ?? "1";
  if (!/^\d+$/.test(seed)) throw new UsageError(`--seed: expected a non-negative integer, got "${seed}"`);
  const days = positiveOption("--days", opts.get("--days"), true) ?? 30;
  if (days > MAX_SIM_DAYS) throw new UsageError(`--days: expected at most ${MAX_SIM_DAYS} days, got ${days}`);
  const radiusKm = positiveOption("--radius-km", opts.get("--radius-km"), false);
  const newSites = opts.get("--new-sites") === "0" ? 0 : positiveOption("--new-sites", opts.get("--new-sites"), true);
  const province = ruralFileKind(file) === "province" ? loadProvinceFile(file) : provinceOfOne(loadCountyFile(file));
  const targets = loadRuralTargets(targetsFile);
  const a = analyseRural(province, targets, {
    rng: seedrandom(seed),
    days,
    siting: { ...(radiusKm !== undefined ? { radiusKm } : {}), ...(newSites !== undefined ? { maxNewSites: newSites } : {}) },
  });
  emit(io, out, {
    json: () => a,
    csv: () => {
      const years = a.rollup.rows[0]?.years.map((y) => y.year) ?? [];
      return {
        header: ["what", "modelled", ...years.flatMap((y) => [`target${y}`, `met${y}`])],
        rows: a.rollup.rows.map((row) => [row.what, row.modelled, ...row.years.flatMap((y) => [y.target, y.met])]),
      };
    },
    text: () => {
      const lines: string[] = [];
      const to: Lines = { out: (l) => void lines.push(l) };
      for (const c of a.counties) printCounty(c, to);
      printRollup(a, province.province.note, to);
      return lines;
    },
  });
  return 0;
}

/** The rural roll-up the baseline's rural-delivery row is measured on (default: the seeds' province file). */
export function ruralRollupFor(file: string | undefined): ProvinceRollup {
  const path = file ? userPath(file) : join(seedsDir(), "rural", "henan-province.json");
  if (!existsSync(path)) throw new UsageError(`--rural: no such file: ${file}`);
  const province = ruralFileKind(path) === "province" ? loadProvinceFile(path) : provinceOfOne(loadCountyFile(path));
  return provinceRollup(province, loadRuralTargets(join(seedsDir(), "rural", "targets-rural.json")), { rng: seedrandom("1") });
}

function printCounty(c: CountyAnalysis, io: Lines): void {
  const cov = c.coverage;
  io.out(`== ${c.name} (${c.countyId}; ${c.provenanceLabel}) ==`);
  io.out(`parcels ready ${hhmm(cov.readyMin)}; villages within 24 h: down ${pct(cov.share24h.down)}, up ${pct(cov.share24h.up)}, both ${pct(cov.share24h.both)} of ${cov.villages.length}`);
  const modes = new Map<string, number>();
  for (const v of cov.villages) modes.set(v.down.mode ?? "none", (modes.get(v.down.mode ?? "none") ?? 0) + 1);
  io.out(`served by: ${[...modes].map(([m, n]) => `${m} ${n}`).join(", ")}`);
  io.out("");
  const misses = cov.misses;
  io.out(`misses (${misses.length}):`);
  if (misses.length > 0) {
    const byId = new Map(cov.villages.map((v) => [v.villageId, v]));
    io.out(table(["village", "name", "direction", "reason"], misses.slice(0, 20).map((m) => [m.villageId, byId.get(m.villageId)!.name, m.direction, m.reason])));
    if (misses.length > 20) io.out(`… and ${misses.length - 20} more`);
  }
  io.out("");
  const used = cov.lines.filter((l) => l.parcelsPerDay > 0);
  io.out(`lines carrying parcels (${used.length} of ${cov.lines.length} with parcel room; bus lines among them count as 客货邮 lines):`);
  io.out(table(["line", "kind", "parcels/day"], used.map((l) => [l.lineId, l.kind, l.parcelsPerDay])));
  io.out("");
  const lc = c.lines;
  io.out(`bus lines without parcel room, if each alone carried ${lc.capacityPerTrip} parcels a trip (today ${lc.today.villagesWithin24h} villages within 24 h, ${lc.today.vanKmPerDay.toFixed(1)} van-km a day):`);
  io.out(
    table(
      ["line", "name", "villages gained", "van-km saved/day"],
      lc.candidates.map((x) => [x.lineId, x.name, x.gainVillages, Math.round(x.savedVanKm * 10) / 10]),
    ),
  );
  io.out("");
  io.out(`van routes: ${cov.routes.length}, ${cov.vanKmPerDay.toFixed(1)} van-km and ${cov.vanCostCnyPerDay.toFixed(0)} CNY a day`);
  io.out(
    table(
      ["fleet", "van", "trip", "start", "end", "stops", "km", "parcels", "CNY", "villages"],
      cov.routes.map((r) => [r.fleetId, r.van + 1, r.tripOfDay + 1, hhmm(r.startMin), hhmm(r.endMin), r.villageIds.length, Math.round(r.distanceKm * 10) / 10, Math.round(r.loadParcels), Math.round(r.costCny), r.villageIds.join(" ")]),
    ),
  );
  io.out("");
  const s = c.siting;
  io.out(
    `siting (stations cover villages within ${s.radiusKm} km by road; weight = parcels/day): open stations today cover ${s.today.coveredVillages} villages, ${pct(s.today.coveredWeight / Math.max(1, s.totalWeight))} of parcels; ` +
      `opening ${s.plan.opened.length ? s.plan.opened.join(", ") : "nothing"} covers ${s.plan.coveredVillages} villages, ${pct(s.plan.coveredWeight / Math.max(1, s.totalWeight))} (greedy + interchange; its gap to the MIP optimum is in bench/RESULTS.md)`,
  );
  const sim = c.simulation;
  io.out(
    `simulated ${sim.days.length} days (Poisson volumes, late trips): parcels delivered within 24 h mean ${pct(sim.rate24h.mean)}, p5 ${pct(sim.rate24h.p5)}, median ${pct(sim.rate24h.p50)}, p95 ${pct(sim.rate24h.p95)}; ` +
      `${sim.totals.lateParcels} late, ${sim.totals.unservedParcels} unserved, ${sim.totals.finalBacklogParcels} waiting at the end, of ${sim.totals.generatedParcels}`,
  );
  io.out("");
}

function printRollup(a: RuralAnalysis, note: string, io: Lines): void {
  const r = a.rollup;
  const years = r.rows[0]?.years.map((y) => y.year) ?? [];
  io.out(`== counts of the ${r.counties.length} modelled count${r.counties.length === 1 ? "y" : "ies"} against the targets ==`);
  io.out(note);
  io.out(
    table(
      ["what", "modelled", ...years.map((y) => `${y} target`)],
      r.rows.map((row) => [
        row.what,
        row.what === "share24h" ? pct(row.modelled) : row.modelled,
        ...row.years.map((y) => `${row.what === "share24h" ? pct(y.target) : y.target.toLocaleString("en-US")} ${y.met ? "met" : "not met"}`),
      ]),
    ),
  );
  io.out(`targets: ${r.targetsSource}`);
}
